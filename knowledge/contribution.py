"""Contributions from the public site: case studies and resources sent in for review.

A contribution becomes a draft page owned by the person who sent it, with a revision, and enters
Wagtail's moderation workflow (by default "Moderators approval", which Wagtail's migrations put on
the root page). Editors approve or request changes in the Wagtail admin; approval publishes the
page.
Contributors never need the admin: `contributions_of` tells them where each one stands.
"""

import enum
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.dispatch import receiver
from django.utils.html import linebreaks
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    WorkflowState,
)
from wagtail.signals import page_published

from commons.ratelimits import user_limit_check
from knowledge.document_checks import document_content_check, document_size_check, extension_of
from knowledge.models import CaseStudyIndexPage, CaseStudyPage, ResourceIndexPage, ResourcePage
from knowledge.services import library_ensure

logger = logging.getLogger(__name__)

CONTRIBUTED_DOCUMENT_EXTENSIONS = ("pdf", "docx", "odt", "xlsx", "csv")
TAG_MAX_LENGTH = 100  # taggit's Tag.name
TAGS_MAX = 20
SLUG_BASE_MAX_LENGTH = 200  # Page.slug allows 255; leave room for a "-2" suffix

# Documents sent with a resource wait here, readable only by the groups that review them, so a
# draft's file cannot be fetched by guessing its address. Publishing the page releases it.
REVIEW_COLLECTION_NAME = "Contributions awaiting review"
REVIEWER_GROUP_NAMES = ("Moderators", "Editors")

class ContributionStatus(enum.StrEnum):
    WAITING = "Waiting for review"
    CHANGES_REQUESTED = "Changes requested"
    PUBLISHED = "Published"
    DRAFT = "Draft"


@dataclass(frozen=True)
class Contribution:
    """One page a person sent in, and where it stands."""

    page: CaseStudyPage | ResourcePage
    status: ContributionStatus
    comment: str = ""

    @property
    def kind(self) -> str:
        return str(self.page._meta.verbose_name).capitalize()


def rich_text_from_plain(text: str) -> str:
    """Plain text as stored rich text: every character escaped, blank lines start paragraphs."""
    text = (text or "").strip()
    return linebreaks(text, autoescape=True) if text else ""


def document_validate(file: UploadedFile) -> None:
    """Refuses files of the wrong type, size or content, with a message that says what to do."""
    kinds = [ext.upper() for ext in CONTRIBUTED_DOCUMENT_EXTENSIONS]
    allowed = f"{', '.join(kinds[:-1])} or {kinds[-1]}"
    extension = extension_of(file.name or "")
    if extension not in CONTRIBUTED_DOCUMENT_EXTENSIONS:
        raise ValidationError(f"The selected file must be a {allowed}", code="extension")
    if not file.size:
        raise ValidationError("The selected file is empty", code="empty")
    document_size_check(file.size)
    document_content_check(file, extension=extension)


def _slug_free(parent: Page, title: str, *, fallback: str) -> str:
    """A slug from the title, with "-2", "-3", ... when a sibling (draft or live) has it."""
    base = slugify(title)[:SLUG_BASE_MAX_LENGTH].strip("-") or fallback
    taken = set(
        Page.objects.child_of(parent).filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _parent_locked(parent_model: type[Page], parent: Page) -> Page:
    # Two contributions with the same title at once would pick the same slug and tree path:
    # holding the list page's row for the length of the insert makes them take turns.
    return parent_model.objects.select_for_update().get(pk=parent.pk)


def _draft_add(parent: Page, page: Page, *, user) -> Page:
    page.owner = user
    page.live = False
    parent.add_child(instance=page)
    log(instance=page, action="wagtail.create", user=user)
    page.save_revision(user=user, log_action=True)
    return page


def _review_request(page: Page, *, user) -> None:
    workflow = page.get_workflow()
    if workflow is None:
        # Without a workflow no editor is asked; the contributor sees "Draft", not "Waiting".
        logger.error("No moderation workflow covers page %s; it stays a draft", page.pk)
        return
    # Outside the insert's transaction: Wagtail emails the moderators as the workflow starts.
    workflow.start(page, user)


def case_study_submit(*, user, data: Mapping[str, Any]) -> CaseStudyPage:
    """Saves a case study as the contributor's draft and asks the editors to review it."""
    # Before the transaction, which locks the parent page: a cache call must not hold it.
    user_limit_check("contribution", user)
    with transaction.atomic():
        parent = _parent_locked(CaseStudyIndexPage, library_ensure().case_studies)
        page = CaseStudyPage(
            title=data["title"],
            slug=_slug_free(parent, data["title"], fallback="case-study"),
            summary=data["summary"],
            stage=data["stage"],
            started_on=data.get("started_on"),
            ended_on=data.get("ended_on"),
            investment_pounds=data.get("investment_pounds"),
            annual_savings_pounds=data.get("annual_savings_pounds"),
            savings_percent=data.get("savings_percent"),
            staff_change_fte=data.get("staff_change_fte"),
            outcomes=rich_text_from_plain(data.get("outcomes", "")),
            what_went_wrong=rich_text_from_plain(data["what_went_wrong"]),
            lessons_learned=rich_text_from_plain(data.get("lessons_learned", "")),
        )
        page.organisations.set(list(data.get("organisations") or []))
        page.service_areas.set(list(data.get("service_areas") or []))
        page.tags.set(list(data.get("tags") or []))
        _draft_add(parent, page, user=user)
    _review_request(page, user=user)
    logger.info("Case study %s sent for review by user %s", page.pk, user.pk)
    return page


def review_collection_ensure() -> Collection:
    """The collection contributed documents wait in, readable only by reviewers."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=REVIEW_COLLECTION_NAME).first()
    if collection is not None:
        return collection
    collection = root.add_child(name=REVIEW_COLLECTION_NAME)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=REVIEWER_GROUP_NAMES))
    return collection


def _document_add(file: UploadedFile, *, title: str, user):
    document_validate(file)
    document = get_document_model()(
        title=title, file=file, collection=review_collection_ensure(), uploaded_by_user=user
    )
    document._set_document_file_metadata()
    document.full_clean()
    document.save()
    return document


def resource_submit(
    *, user, data: Mapping[str, Any], document_file: UploadedFile | None = None
) -> ResourcePage:
    """Saves a resource (a web address or an uploaded document) as a draft for review."""
    if document_file:
        document_validate(document_file)  # a wrong file does not use up the allowance
    user_limit_check("contribution", user)
    with transaction.atomic():
        parent = _parent_locked(ResourceIndexPage, library_ensure().resources)
        document = (
            _document_add(document_file, title=data["title"], user=user) if document_file else None
        )
        page = ResourcePage(
            title=data["title"],
            slug=_slug_free(parent, data["title"], fallback="resource"),
            summary=data["summary"],
            kind=data["kind"],
            external_url=data.get("external_url") or "",
            document=document,
            organisation=data.get("organisation"),
            licence=data["licence"],
        )
        page.service_areas.set(list(data.get("service_areas") or []))
        page.tags.set(list(data.get("tags") or []))
        _draft_add(parent, page, user=user)
    _review_request(page, user=user)
    logger.info("Resource %s sent for review by user %s", page.pk, user.pk)
    return page


@receiver(page_published, sender=ResourcePage)
def contributed_document_release(sender, instance: ResourcePage, **kwargs: Any) -> None:
    """Once its resource is published, a contributed document is as public as the page."""
    document = instance.document
    if document is None or document.collection.name != REVIEW_COLLECTION_NAME:
        return
    document.collection = Collection.get_first_root_node()
    document.save(update_fields=["collection"])
    logger.info("Document %s released with published resource %s", document.pk, instance.pk)


def _status(page: Page, state: WorkflowState | None) -> tuple[ContributionStatus, str]:
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return ContributionStatus.WAITING, ""
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = state.current_task_state
        return ContributionStatus.CHANGES_REQUESTED, task_state.comment if task_state else ""
    if page.live:
        return ContributionStatus.PUBLISHED, ""
    return ContributionStatus.DRAFT, ""


def _owned(user):
    return Page.objects.type(CaseStudyPage, ResourcePage).filter(owner=user)


def _with_status(pages: list[Page]) -> list[Contribution]:
    states = {
        state.object_id: state
        for state in WorkflowState.objects.active()
        .filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(page.pk) for page in pages],
        )
        .select_related("current_task_state")
    }
    return [Contribution(page, *_status(page, states.get(str(page.pk)))) for page in pages]


def contributions_of(user) -> list[Contribution]:
    """The case studies and resources a person sent in, newest first, each with its status."""
    if not user.is_authenticated:
        return []
    pages = _owned(user).order_by("-latest_revision_created_at", "-pk").specific()
    return _with_status(list(pages))


def contribution_of(user, page_id: int) -> Contribution | None:
    """One of this person's contributions, or None if it is not theirs (or does not exist)."""
    if not user.is_authenticated:
        return None
    found = _with_status(list(_owned(user).filter(pk=page_id).specific()))
    return found[0] if found else None
