"""Who may do what in the community. Every view, feed, API and search asks these questions.

Roles: anonymous; signed in (email not verified); verified citizen; verified officer (verified
email on an organisation's domain); member of a community; moderator of a community; editor
(Wagtail's Editors or Moderators group, or a superuser), who moderates everywhere.
"""

from collections.abc import Iterable

from allauth.account.models import EmailAddress
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from community.models import (
    CaseStudyAnswer,
    CaseStudyQuestion,
    Community,
    ContentStatus,
    Listing,
    Membership,
    Post,
    Story,
    StoryChange,
    StoryResponse,
    Thread,
    User,
)
from knowledge.models import CaseStudyPage, SharedService

EDITOR_GROUPS = ("Editors", "Moderators")

AnyUser = User | AnonymousUser


def is_editor(user: AnyUser) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=EDITOR_GROUPS).exists()


def can_set_trust_level(user: AnyUser) -> bool:
    """Editors only: a level lets posts skip the queue in every community, while a community
    moderator's authority stops at their own communities."""
    return is_editor(user)


def has_verified_email(user: AnyUser) -> bool:
    if not user.is_authenticated:
        return False
    return EmailAddress.objects.filter(user=user, verified=True).exists()


def verified_among(user_ids: Iterable[int]) -> set[int]:
    """Which of these people `has_verified_email`, in one query."""
    return set(
        EmailAddress.objects.filter(user_id__in=set(user_ids), verified=True).values_list(
            "user_id", flat=True
        )
    )


def membership_status(user: AnyUser, community: Community) -> str | None:
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.filter(community=community, user=user)
        .values_list("status", flat=True)
        .first()
    )


def is_member(user: AnyUser, community: Community) -> bool:
    return membership_status(user, community) == Membership.Status.ACTIVE


def can_moderate(user: AnyUser, community: Community) -> bool:
    if not user.is_authenticated:
        return False
    # Ask the table, not `community.moderators`: modelcluster keeps unsaved changes to that
    # relation in memory, where a pk lookup fails.
    moderates = Community.moderators.through.objects.filter(
        community_id=community.pk, user_id=user.pk
    ).exists()
    return moderates or is_editor(user)


def can_moderate_story(user: AnyUser, story: Story) -> bool:
    """Editors moderate every story; a community's moderators those about shared services in the
    areas their community covers (`Community.service_areas`)."""
    if not user.is_authenticated:
        return False
    covers = Community.service_areas.through.objects.filter(
        servicearea_id=story.shared_service.service_area_id,
        community__moderators=user,
    ).exists()
    return covers or is_editor(user)


def can_ask_authors(user: AnyUser, page: CaseStudyPage) -> bool:
    """Who may ask a case study's authors a question: a person with a confirmed address, about
    a published case study. Whether the page is hidden behind a privacy restriction depends on
    the request, so views ask `case_study_open_to` as well."""
    return page.live and has_verified_email(user)


def can_moderate_question(user: AnyUser, content: CaseStudyQuestion | CaseStudyAnswer) -> bool:
    """Editors moderate every question and answer; a community's moderators those about case
    studies in an area their community covers (the stories' rule)."""
    if not user.is_authenticated:
        return False
    question = content.question if isinstance(content, CaseStudyAnswer) else content
    covers = Community.service_areas.through.objects.filter(
        servicearea__case_studies=question.page_id,
        community__moderators=user,
    ).exists()
    return covers or is_editor(user)


def can_read(user: AnyUser, community: Community) -> bool:
    """Members-only communities show nothing of themselves beyond their name to outsiders: not
    their description, rules, members, counts or threads, on their pages, in search or by email.
    Their name alone says what they are about, so people can ask to join."""
    if not community.is_members_only:
        return True
    return is_member(user, community) or can_moderate(user, community)


def can_know_exists(user: AnyUser, community: Community) -> bool:
    """A private community does not exist for anyone who may not read it: not its name, and its
    pages answer 404, never 403 (which would confirm it is there). Every other community's name
    is public, so people can ask to join."""
    return not community.is_private or can_read(user, community)


def readers_among(user_ids: Iterable[int], community: Community) -> set[int]:
    """Which of these people `can_read` the community, asked in at most three queries however
    many there are (for telling a community's watchers, where asking one by one was an N+1)."""
    user_ids = set(user_ids)
    if not community.is_members_only or not user_ids:
        return user_ids
    members = Membership.objects.filter(
        community=community, status=Membership.Status.ACTIVE, user_id__in=user_ids
    ).values_list("user_id", flat=True)
    moderators = Community.moderators.through.objects.filter(
        community_id=community.pk, user_id__in=user_ids
    ).values_list("user_id", flat=True)
    editors = (
        User.objects.filter(pk__in=user_ids)
        .filter(Q(is_superuser=True) | Q(groups__name__in=EDITOR_GROUPS))
        .values_list("pk", flat=True)
    )
    return {*members, *moderators, *editors}


def can_post(user: AnyUser, community: Community) -> bool:
    """Posting needs a verified email address and active membership (or moderating rights)."""
    if not has_verified_email(user):
        return False
    return is_member(user, community) or can_moderate(user, community)


def service_provider_ids(service: SharedService) -> set[int]:
    """The organisations providing a shared service: its lead and its partners."""
    return {service.lead_organisation_id, *service.partners.values_list("pk", flat=True)}


def can_respond_to_story(
    user: AnyUser, story: Story, *, provider_ids: set[int] | None = None
) -> bool:
    """A verified officer of the service's lead organisation or of one of its partners answers a
    published story; once answered, only officers of the organisation that answered may edit.

    Pass `provider_ids` (from `service_provider_ids`) when asking about many stories of one service.
    """
    if not user.is_authenticated or user.verified_officer_of_id is None:
        return False
    if story.status != ContentStatus.VISIBLE:
        return False
    try:
        return user.verified_officer_of_id == story.response.organisation_id
    except StoryResponse.DoesNotExist:
        pass
    if provider_ids is None:
        provider_ids = service_provider_ids(story.shared_service)
    return user.verified_officer_of_id in provider_ids


def can_add_weight(user: AnyUser, story: Story, *, verified: bool | None = None) -> bool:
    """Anyone with a verified email address says "I've experienced this too" on a published
    story, except its author (whose story it already is). Pass `verified` (from
    `has_verified_email`) when asking about many stories for one person."""
    if not user.is_authenticated or story.author_id == user.pk:
        return False
    if story.status != ContentStatus.VISIBLE:
        return False
    return has_verified_email(user) if verified is None else verified


def can_mark_change(user: AnyUser, story: Story, *, provider_ids: set[int] | None = None) -> bool:
    """Who says a published story led to a change: the same people who answer it (a verified
    officer of the service's lead or a partner); once marked, only officers of the organisation
    that marked it edit it. Pass `provider_ids` when asking about many stories of one service."""
    if not user.is_authenticated or user.verified_officer_of_id is None:
        return False
    if story.status != ContentStatus.VISIBLE:
        return False
    try:
        return user.verified_officer_of_id == story.change.organisation_id
    except StoryChange.DoesNotExist:
        pass
    if provider_ids is None:
        provider_ids = service_provider_ids(story.shared_service)
    return user.verified_officer_of_id in provider_ids


def is_verified_officer(user: AnyUser) -> bool:
    """Commons sets `verified_officer_of` only once a verified email address is on one of the
    organisation's domains, so it alone says the person may act for that organisation."""
    return user.is_authenticated and user.verified_officer_of_id is not None


def can_manage_listing(user: AnyUser, listing: Listing) -> bool:
    """A brokerage listing belongs to its organisation: any of its verified officers may edit or
    close it, not only the one who posted it (people change jobs; the offer stays)."""
    return is_verified_officer(user) and user.verified_officer_of_id == listing.organisation_id


def can_express_interest(user: AnyUser, listing: Listing) -> bool:
    """Only a verified officer of another organisation may say it wants to talk about a listing
    (whether the listing is still open is the brokerage's own rule)."""
    return is_verified_officer(user) and user.verified_officer_of_id != listing.organisation_id


def can_join(user: AnyUser, community: Community) -> bool:
    """Anyone signed in may ask to join, except people already in and people a moderator removed.
    Nobody asks to join a private community: its moderators invite people (`invitation_accept`).

    A removal is permanent: the membership row stays with status `removed` so it cannot be undone
    by joining again.
    """
    if not user.is_authenticated or community.is_private:
        return False
    return membership_status(user, community) is None


def can_flag(user: AnyUser, content: Thread | Post | Story | Listing) -> bool:
    """Reports are for other people's posts: an author who regrets one can edit or ask to
    remove it. Visibility is checked separately (`content_visible_to`). Asks nothing of the
    database."""
    return user.is_authenticated and content.author_id != user.pk


def can_edit(user: AnyUser, content: Thread | Post) -> bool:
    """Only the author edits a thread or reply, and nobody edits inside a locked thread.

    Asks nothing of the database (the thread of a reply should be loaded with it).
    """
    if not user.is_authenticated or content.author_id != user.pk:
        return False
    thread = content if isinstance(content, Thread) else content.thread
    return not thread.is_locked


def can_mark_answer(user: AnyUser, thread: Thread) -> bool:
    """The person who asked, or a moderator, says which reply answered the question."""
    if not user.is_authenticated:
        return False
    return thread.author_id == user.pk or can_moderate(user, thread.community)


# --- events (#17 item 5) ---------------------------------------------------------------------


def can_manage_events(user: AnyUser, community: Community) -> bool:
    """A community's moderators (and editors, who moderate everywhere) create, edit and cancel
    its events."""
    return can_moderate(user, community)


def can_sign_up(user: AnyUser, community: Community) -> bool:
    """Anyone with a verified email address who may read the community takes a place: in a
    public community that needs no membership (an open meeting is open), in a members-only or
    private one it does. Signing up does not make anyone a member."""
    return has_verified_email(user) and can_read(user, community)
