"""Where each contribution stands: contributors never need the admin to find out."""

import enum
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, WorkflowState

from knowledge.models import CaseStudyPage, ResourcePage


class ContributionStatus(enum.StrEnum):
    WAITING = "Waiting for an editor"
    CHANGES_REQUESTED = "Changes requested"
    PUBLISHED = "Published"
    NOT_ACCEPTED = "Not accepted"
    DRAFT = "Draft"


# Why a contribution cannot be changed from the public site, in the words the page shows.
NOT_EDITABLE_BECAUSE = {
    ContributionStatus.WAITING: "An editor is reading it, so it cannot be changed until they "
    "answer.",
    ContributionStatus.PUBLISHED: "It has been published, so it cannot be changed here. "
    "To correct it, contact the editors.",
    ContributionStatus.NOT_ACCEPTED: "The editors decided not to publish it, so it cannot be "
    "changed or sent again.",
}


@dataclass(frozen=True)
class Contribution:
    """One page a person sent in, and where it stands."""

    page: CaseStudyPage | ResourcePage
    status: ContributionStatus
    comment: str = ""

    @property
    def title(self) -> str:
        """As last sent: a resend changes the draft's title before any publication does."""
        return self.page.draft_title or self.page.title

    @property
    def kind(self) -> str:
        return str(self.page._meta.verbose_name).capitalize()

    @property
    def editable(self) -> bool:
        """Only what no editor is reading and nobody has decided on can be changed and resent."""
        return self.status in (ContributionStatus.CHANGES_REQUESTED, ContributionStatus.DRAFT)

    @property
    def not_editable_because(self) -> str:
        return NOT_EDITABLE_BECAUSE.get(self.status, "")


def _status(page: Page, state: WorkflowState | None) -> tuple[ContributionStatus, str]:
    """From the page's latest workflow state, active or not."""
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return ContributionStatus.WAITING, ""
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = state.current_task_state
        return ContributionStatus.CHANGES_REQUESTED, task_state.comment if task_state else ""
    if page.live:
        return ContributionStatus.PUBLISHED, ""
    if state is not None and state.status == WorkflowState.STATUS_CANCELLED:
        # Wagtail has no "reject outright": an editor says no by cancelling the workflow
        # (contributors have no admin to cancel it themselves). Publishing and restarting also
        # cancel one, but leave the page live or a newer state, which the checks above read.
        return ContributionStatus.NOT_ACCEPTED, ""
    return ContributionStatus.DRAFT, ""


def _owned(user):
    return Page.objects.type(CaseStudyPage, ResourcePage).filter(owner=user)


def _with_status(pages: list[Page]) -> list[Contribution]:
    latest: dict[str, WorkflowState] = {}
    states = (
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(page.pk) for page in pages],
        )
        .select_related("current_task_state")
        .order_by("created_at", "pk")
    )
    for state in states:
        latest[state.object_id] = state  # the newest wins
    return [Contribution(page, *_status(page, latest.get(str(page.pk)))) for page in pages]


def contributions_of(user) -> list[Contribution]:
    """The case studies and resources a person sent in, newest first, each with its status."""
    if not user.is_authenticated:
        return []
    pages = _owned(user).order_by("-latest_revision_created_at", "-pk").specific()
    return _with_status(list(pages))


def contribution_of(user, page_id: int) -> Contribution | None:
    """A contribution this person may see, change and resend: their own, or any an editor
    could publish. None for everyone else, who must not learn that it exists."""
    if not user.is_authenticated:
        return None
    page = Page.objects.type(CaseStudyPage, ResourcePage).filter(pk=page_id).specific().first()
    if page is None:
        return None
    if page.owner_id != user.pk and not page.permissions_for_user(user).can_publish():
        return None
    return _with_status([page])[0]
