"""Where each contribution stands: contributors never need the admin to find out."""

import enum
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, WorkflowState

from knowledge.models import CaseStudyPage, ResourcePage


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
