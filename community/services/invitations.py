"""Inviting people into a private community, and their accepting or a moderator cancelling.

Who may accept: the person signed in with a *confirmed* copy of the invited address, not anyone
holding the link. An email gets forwarded, pasted into tickets and read over shoulders; the
moderator chose a person by their address, and a confirmed address is the only proof Commons has
that it is that person. Someone who signed up with another address adds and confirms the
invited one on their account (allauth's email page) and follows the link again.
"""

import logging

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from commons.links import absolute_url
from commons.ratelimits import user_limit_check
from community.models import Community, Invitation, Membership, ModerationAction, User
from community.permissions import can_moderate
from community.services.audit import audit_record

logger = logging.getLogger(__name__)

# Codes for the plain pages a link that cannot be used leads to.
USED = "used"
EXPIRED = "expired"
WRONG_PERSON = "wrong_person"
UNCONFIRMED = "unconfirmed"


def _moderator_checked(moderator: User, community: Community) -> None:
    if not can_moderate(moderator, community):
        raise PermissionDenied("Only this community's moderators invite people.")


def invitation_send(*, moderator: User, community: Community, email: str) -> Invitation:
    """Invite an address into the community, and email it the link once the invitation is saved.

    Inviting an address that already has a waiting invitation sends nothing new."""
    _moderator_checked(moderator, community)
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            {"email": "Enter an email address in the right form, like name@example.org"},
            code="invalid",
        ) from None
    waiting = Invitation.objects.filter(
        community=community,
        email__iexact=email,
        accepted_at__isnull=True,
        cancelled_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).first()
    if waiting:
        raise ValidationError(
            {"email": f"{email} already has an invitation waiting. Cancel it to send a new one."},
            code="already_invited",
        )
    user_limit_check("invitation", moderator)
    with transaction.atomic():
        invitation = Invitation.objects.create(
            community=community, email=email, invited_by=moderator
        )
        audit_record(
            actor=moderator,
            content=community,
            action=ModerationAction.Action.INVITATION_SEND,
            note=f"Invited {email}",
        )
        transaction.on_commit(lambda: _invitation_email_send(invitation))
    logger.info("User %s invited an address to community %s", moderator.pk, community.pk)
    return invitation


def _invitation_email_send(invitation: Invitation) -> None:
    """Runs after commit: a failed email leaves the invitation waiting, and the moderator can
    cancel it and invite again."""
    body = render_to_string(
        "community/invitations/email.txt",
        {"invitation": invitation, "link": absolute_url(invitation.get_absolute_url())},
    )
    message = EmailMessage(
        subject=f"Commons: you are invited to join {invitation.community.name}"[:200],
        body=body,
        to=[invitation.email],
    )
    try:
        message.send()
    except Exception:
        logger.exception("Invitation %s was not emailed", invitation.pk)


def invitation_cancel(*, moderator: User, invitation: Invitation) -> None:
    """A moderator withdraws a waiting invitation: its link stops working."""
    _moderator_checked(moderator, invitation.community)
    if invitation.is_used:
        raise ValidationError("This invitation has already been used or cancelled.", code=USED)
    with transaction.atomic():
        invitation.cancelled_at = timezone.now()
        invitation.save(update_fields=["cancelled_at"])
        audit_record(
            actor=moderator,
            content=invitation.community,
            action=ModerationAction.Action.INVITATION_CANCEL,
            note=f"Cancelled the invitation for {invitation.email}",
        )


def invitation_problem(*, user: User, invitation: Invitation) -> str | None:
    """Why this person cannot accept this invitation (one of the codes above), or None."""
    if invitation.is_used:
        return USED
    if invitation.is_expired:
        return EXPIRED
    addresses = EmailAddress.objects.filter(user=user, email__iexact=invitation.email)
    if addresses.filter(verified=True).exists():
        return None
    return UNCONFIRMED if addresses.exists() else WRONG_PERSON


def invitation_accept(*, user: User, invitation: Invitation) -> Membership:
    """Make the invited person a member, and use the invitation up.

    An invitation is the moderator's own decision, so it also lets back in someone they
    removed earlier or who had asked to join."""
    with transaction.atomic():
        # Locked, so two clicks cannot both use it.
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        problem = invitation_problem(user=user, invitation=invitation)
        if problem:
            raise ValidationError("This invitation cannot be used.", code=problem)
        membership, _created = Membership.objects.update_or_create(
            community=invitation.community,
            user=user,
            defaults={"status": Membership.Status.ACTIVE},
        )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        audit_record(
            actor=user,
            content=membership,
            action=ModerationAction.Action.INVITATION_ACCEPT,
            note=f"Accepted the invitation from user {invitation.invited_by_id}",
        )
    return membership
