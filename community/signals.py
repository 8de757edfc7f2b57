"""Keeps officer verification in step with allauth's email address changes, and tells
contributors what editors decided, from Wagtail's workflow and publishing signals."""

from allauth.account import signals as account_signals
from allauth.account.models import EmailAddress
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, WorkflowState
from wagtail.signals import page_published, workflow_cancelled, workflow_rejected

from community.models import User
from community.services.accounts import officer_verification_refresh, officers_refresh_for_domain
from community.services.notifications import (
    contribution_changes_requested,
    contribution_not_accepted,
    contribution_published,
)
from knowledge.models import CaseStudyPage, OrganisationEmailDomain, ResourcePage


def refresh_on_email_confirmed(sender, request, email_address: EmailAddress, **kwargs) -> None:
    officer_verification_refresh(email_address.user)


def refresh_on_email_change(sender, request, user: User, **kwargs) -> None:
    """Added, removed or a new primary: any of them can start or end an officer's verification."""
    officer_verification_refresh(user)


def refresh_on_domain_listing_change(sender, instance: OrganisationEmailDomain, **kwargs) -> None:
    """An organisation listed, changed or removed an email domain in the admin."""
    officers_refresh_for_domain(domain=instance.domain, organisation_id=instance.organisation_id)


def notify_changes_requested(sender, instance: WorkflowState, **kwargs) -> None:
    """Wagtail's "Request changes": the task was rejected and the workflow waits."""
    page = instance.content_object
    if isinstance(page, Page) and isinstance(page.specific, CaseStudyPage | ResourcePage):
        contribution_changes_requested(page=page.specific)


def notify_not_accepted(sender, instance: WorkflowState, **kwargs) -> None:
    """Wagtail's "Cancel workflow", which is how an editor turns a contribution down."""
    page = instance.content_object
    if isinstance(page, Page) and isinstance(page.specific, CaseStudyPage | ResourcePage):
        contribution_not_accepted(page=page.specific)


def notify_published(sender, instance: Page, **kwargs) -> None:
    """Only the first publication is news to the contributor; editors' later corrections are
    not (publishing sets both times to the same moment the first time)."""
    if isinstance(instance, CaseStudyPage | ResourcePage) and (
        instance.first_published_at == instance.last_published_at
    ):
        contribution_published(page=instance)


def connect() -> None:
    """Called once from CommunityConfig.ready(); dispatch_uid keeps a second call harmless."""
    account_signals.email_confirmed.connect(
        refresh_on_email_confirmed, dispatch_uid="community.officer.email_confirmed"
    )
    for signal, name in (
        (account_signals.email_added, "email_added"),
        (account_signals.email_changed, "email_changed"),
        (account_signals.email_removed, "email_removed"),
    ):
        signal.connect(refresh_on_email_change, dispatch_uid=f"community.officer.{name}")
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            refresh_on_domain_listing_change,
            sender=OrganisationEmailDomain,
            dispatch_uid=f"community.officer.domain_{name}",
        )
    workflow_rejected.connect(
        notify_changes_requested,
        sender=WorkflowState,
        dispatch_uid="community.contribution.changes_requested",
    )
    workflow_cancelled.connect(
        notify_not_accepted,
        sender=WorkflowState,
        dispatch_uid="community.contribution.not_accepted",
    )
    page_published.connect(notify_published, dispatch_uid="community.contribution.published")
