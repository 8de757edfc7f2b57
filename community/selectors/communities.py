"""Reads about communities: which ones a person may read, and what they may do in one."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from community.models import Community, ContentStatus, Invitation, Membership, Thread
from community.permissions import (
    AnyUser,
    can_know_exists,
    can_moderate,
    can_read,
    has_verified_email,
    is_editor,
    membership_status,
)


def moderated_community_ids(user: AnyUser) -> QuerySet:
    """The communities a person moderates, as a subquery of ids (editors: use `is_editor`)."""
    return Community.moderators.through.objects.filter(user_id=user.pk).values("community_id")


def communities_readable_by(user: AnyUser) -> QuerySet[Community]:
    """Public communities, and the members-only ones the person belongs to or moderates."""
    if is_editor(user):
        return Community.objects.all()
    readable = Q(visibility=Community.Visibility.PUBLIC)
    if user.is_authenticated:
        member_of = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE)
        readable |= Q(pk__in=member_of.values("community_id"))
        readable |= Q(pk__in=moderated_community_ids(user))
    return Community.objects.filter(readable)


def communities_known_to(user: AnyUser) -> QuerySet[Community]:
    """Every community whose name this person may see: all but the private ones they cannot
    read (`community.permissions.can_know_exists`, as a query)."""
    return Community.objects.exclude(
        Q(visibility=Community.Visibility.PRIVATE)
        & ~Q(pk__in=communities_readable_by(user).values("pk"))
    )


def _count_of(queryset: QuerySet) -> Subquery:
    counted = queryset.order_by().values("community_id").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def communities_listed_for(user: AnyUser) -> list[Community]:
    """Every community the person may know of, each marked `readable`, with member and thread
    counts.

    The template shows the description and counts only on readable ones: an outsider learns
    nothing of a members-only community beyond its name (`community.permissions.can_read`), and
    nothing at all of a private one.
    """
    readable_ids = set(communities_readable_by(user).values_list("pk", flat=True))
    communities = list(
        communities_known_to(user).annotate(
            member_count=_count_of(
                Membership.objects.filter(community=OuterRef("pk"), status=Membership.Status.ACTIVE)
            ),
            thread_count=_count_of(
                Thread.objects.filter(community=OuterRef("pk"), status=ContentStatus.VISIBLE)
            ),
        )
    )
    for community in communities:
        community.readable = community.pk in readable_ids
    return communities


@dataclass(frozen=True)
class CommunityAccess:
    """What one person may do in one community, asked once per page."""

    membership: str | None
    can_read: bool
    can_know_exists: bool
    can_post: bool
    can_moderate: bool
    can_join: bool
    has_verified_email: bool

    @property
    def is_member(self) -> bool:
        return self.membership == Membership.Status.ACTIVE

    @property
    def is_pending(self) -> bool:
        return self.membership == Membership.Status.PENDING


def community_access(user: AnyUser, community: Community) -> CommunityAccess:
    """The rules of `can_read`, `can_post` and `can_join`, worked out from three facts read once
    (membership, moderating, a verified address: at most four queries). Asking each rule in turn
    read the membership four times and the moderators twice."""
    if not user.is_authenticated:
        return CommunityAccess(
            membership=None,
            can_read=can_read(user, community),
            can_know_exists=can_know_exists(user, community),
            can_post=False,
            can_moderate=False,
            can_join=False,
            has_verified_email=False,
        )
    membership = membership_status(user, community)
    moderates = can_moderate(user, community)
    verified = has_verified_email(user)
    member_or_moderator = membership == Membership.Status.ACTIVE or moderates
    readable = not community.is_members_only or member_or_moderator
    return CommunityAccess(
        membership=membership,
        can_read=readable,
        can_know_exists=not community.is_private or readable,
        can_post=verified and member_or_moderator,
        can_moderate=moderates,
        can_join=membership is None and not community.is_private,
        has_verified_email=verified,
    )


def members_of(community: Community) -> QuerySet[Membership]:
    return (
        community.memberships.filter(status=Membership.Status.ACTIVE)
        .select_related("user")
        .order_by("user__display_name", "user__username")
    )


def requests_to_join(community: Community) -> QuerySet[Membership]:
    return (
        community.memberships.filter(status=Membership.Status.PENDING)
        .select_related("user")
        .order_by("created_at")
    )


def invitations_waiting(community: Community) -> QuerySet[Invitation]:
    """Invitations not yet accepted, cancelled or expired, oldest first, for its moderators."""
    return (
        community.invitations.filter(
            accepted_at__isnull=True, cancelled_at__isnull=True, expires_at__gt=timezone.now()
        )
        .select_related("invited_by")
        .order_by("created_at")
    )


def invitations_for(user: AnyUser) -> QuerySet[Invitation]:
    """Waiting invitations this person may accept: those sent to one of their confirmed
    addresses (the rule `invitation_accept` applies), so nobody else learns of them."""
    if not user.is_authenticated:
        return Invitation.objects.none()
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    match = Q()
    for address in addresses:
        match |= Q(email__iexact=address)
    if not match:
        return Invitation.objects.none()
    return (
        Invitation.objects.filter(
            match,
            accepted_at__isnull=True,
            cancelled_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .exclude(
            community__in=Membership.objects.filter(
                user=user, status=Membership.Status.ACTIVE
            ).values("community")
        )
        .select_related("community")
        .order_by("created_at")
    )
