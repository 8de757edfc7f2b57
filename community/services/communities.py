"""Joining and leaving communities, and moderators answering requests to join."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from community.models import Community, Membership, ModerationAction, User
from community.permissions import can_join, can_moderate, has_verified_email, membership_status
from community.services.audit import audit_record
from community.services.notifications import join_request_answered, join_request_tell_moderators

logger = logging.getLogger(__name__)


def membership_join(*, user: User, community: Community) -> Membership:
    """Join an open community at once, or ask to join one that needs approval.

    Needs a verified email address. Joining again changes nothing; a person a moderator removed
    cannot come back by joining.
    """
    if not has_verified_email(user):
        raise PermissionDenied("Confirm your email address before you join a community.")
    current = membership_status(user, community)
    if current in (Membership.Status.ACTIVE, Membership.Status.PENDING):
        return Membership.objects.get(user=user, community=community)
    if community.is_private:
        raise PermissionDenied("This community is private: its moderators invite people to join.")
    if not can_join(user, community):
        raise PermissionDenied("A moderator removed you from this community.")
    # A community's own moderators never wait for their own approval.
    status = (
        Membership.Status.PENDING
        if community.join_policy == Community.JoinPolicy.APPROVAL
        and not can_moderate(user, community)
        else Membership.Status.ACTIVE
    )
    membership = Membership(user=user, community=community, status=status)
    membership.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError:  # a double click: the first request made it
        return Membership.objects.get(user=user, community=community)
    if status == Membership.Status.PENDING:
        join_request_tell_moderators(person=user, community=community)
    logger.info("User %s %s community %s", user.pk, status, community.pk)
    return membership


def membership_leave(*, user: User, community: Community) -> None:
    """Leave a community, or withdraw a request to join. A removal stays on record."""
    Membership.objects.filter(
        user_id=user.pk,
        community=community,
        status__in=(Membership.Status.ACTIVE, Membership.Status.PENDING),
    ).delete()


def _pending_checked(moderator: User, membership: Membership) -> None:
    if not can_moderate(moderator, membership.community):
        raise PermissionDenied("Only this community's moderators answer requests to join.")
    if membership.status != Membership.Status.PENDING:
        raise ValidationError("This request has already been answered.", code="not_pending")


def membership_approve(*, moderator: User, membership: Membership) -> Membership:
    """A moderator lets someone who asked into the community."""
    _pending_checked(moderator, membership)
    with transaction.atomic():
        membership.status = Membership.Status.ACTIVE
        membership.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=moderator,
            content=membership,
            action=ModerationAction.Action.MEMBERSHIP_APPROVE,
        )
        join_request_answered(person=membership.user, community=membership.community, accepted=True)
    return membership


def membership_decline(*, moderator: User, membership: Membership) -> None:
    """A moderator says no: the request goes, and the person may ask again later."""
    _pending_checked(moderator, membership)
    with transaction.atomic():
        audit_record(
            actor=moderator,
            content=membership.community,
            action=ModerationAction.Action.MEMBERSHIP_DECLINE,
            note=f"Declined the request of user {membership.user_id}",
        )
        membership.delete()
        join_request_answered(
            person=membership.user, community=membership.community, accepted=False
        )
