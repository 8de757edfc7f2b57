"""The brokerage: organisations post offers and needs, and other organisations say they are
interested.

Rules decided here:
- Only a verified officer posts, and always for their own organisation (`verified_officer_of`);
  any verified officer of that organisation may then edit or close the listing.
- A listing asks for at least one partner and closes on a day from today to a year ahead, so
  the brokerage does not fill with offers nobody is still making.
- Closing is final (the listing is marked Closed); an expired listing can be edited to a later
  closing date and is open again.
- Editors hide and restore listings; both leave an entry in the moderation audit trail.
- Interest comes from a verified officer of another organisation, once per organisation per
  listing, while the listing is open. The listing's organisation's verified officers each get a
  notification on the site and, once the interest is saved, an email naming the interested
  organisation and officer, with the officer's address so they can reply: that address goes to
  the listing's organisation and nobody else.
"""

import datetime
import logging
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import Truncator

from commons.links import absolute_url
from commons.ratelimits import user_limit_check
from commons.text import one_line
from community.models import ContentStatus, Interest, Listing, ModerationAction, Notification, User
from community.permissions import (
    can_express_interest,
    can_manage_listing,
    is_editor,
    is_verified_officer,
)
from community.selectors.brokerage import listing_is_open, listing_officers
from community.services.audit import audit_record

logger = logging.getLogger(__name__)

LISTING_FIELDS = (
    "kind",
    "title",
    "description",
    "service_area",
    "region",
    "capacity",
    "expires_on",
)
CAPACITY_MAX = 99
EXPIRY_MAX = datetime.timedelta(days=365)
ALREADY_INTERESTED = "Your organisation has already expressed interest in this listing"
EMAIL_SUBJECT_PREFIX = "Commons: "
NOTIFICATION_MAX_LENGTH = 300


def listing_rules_check(listing: Listing) -> None:
    """The brokerage's rules beyond the model's own: a real capacity and a sensible closing day."""
    errors: dict[str, str] = {}
    if listing.capacity is not None and not 1 <= listing.capacity <= CAPACITY_MAX:
        errors["capacity"] = f"Number of partners must be between 1 and {CAPACITY_MAX}"
    if listing.expires_on is not None:
        today = timezone.localdate()
        if listing.expires_on < today:
            errors["expires_on"] = "Closing date must be today or in the future"
        elif listing.expires_on > today + EXPIRY_MAX:
            errors["expires_on"] = "Closing date must be within a year from today"
    if errors:
        raise ValidationError(errors)


def _fields_set(listing: Listing, data: Mapping[str, Any]) -> None:
    for name in LISTING_FIELDS:
        if name in data:
            setattr(listing, name, data[name])
    listing.title = (listing.title or "").strip()
    listing.description = (listing.description or "").strip()


def listing_create(*, user: User, data: Mapping[str, Any]) -> Listing:
    """A new open listing for the poster's own organisation. `data` holds the LISTING_FIELDS."""
    if not is_verified_officer(user):
        raise PermissionDenied("Only verified officers of an organisation can post listings.")
    organisation = data.get("organisation")
    if organisation is not None and getattr(organisation, "pk", organisation) != (
        user.verified_officer_of_id
    ):
        raise PermissionDenied("You can post listings only for your own organisation.")
    listing = Listing(
        organisation_id=user.verified_officer_of_id, author=user, status=ContentStatus.VISIBLE
    )
    _fields_set(listing, data)
    listing.full_clean()
    listing_rules_check(listing)
    user_limit_check("listing", user)
    listing.save()
    logger.info("Listing %s posted by user %s", listing.pk, user.pk)
    return listing


def listing_edit(*, user: User, listing: Listing, data: Mapping[str, Any]) -> Listing:
    """The listing's organisation changes what it says; its author and organisation stay."""
    if not can_manage_listing(user, listing):
        raise PermissionDenied("Only officers of the listing's organisation can change it.")
    if listing.status == Listing.Status.CLOSED:
        raise ValidationError("This listing is closed. Post a new one instead.", code="closed")
    _fields_set(listing, data)
    listing.full_clean()
    listing_rules_check(listing)
    user_limit_check("edit", user)
    listing.save()
    return listing


def listing_close(*, user: User, listing: Listing) -> Listing:
    """The organisation no longer offers or needs this: it leaves the lists and suggestions."""
    if not can_manage_listing(user, listing):
        raise PermissionDenied("Only officers of the listing's organisation can close it.")
    if listing.status != Listing.Status.CLOSED:
        listing.status = Listing.Status.CLOSED
        listing.save(update_fields=["status"])
        logger.info("Listing %s closed by user %s", listing.pk, user.pk)
    return listing


def _moderate(
    *, moderator: User, listing: Listing, status: str, action: ModerationAction.Action, note: str
) -> Listing:
    if not is_editor(moderator):
        raise PermissionDenied("Only editors hide or restore listings.")
    with transaction.atomic():
        listing.status = status
        listing.save(update_fields=["status"])
        audit_record(actor=moderator, content=listing, action=action, note=note)
    logger.info("Listing %s: %s by user %s", listing.pk, action, moderator.pk)
    return listing


def listing_hide(*, moderator: User, listing: Listing, note: str) -> Listing:
    """An editor takes an open listing out of the brokerage, saying why in the audit trail."""
    if listing.status != ContentStatus.VISIBLE:
        raise ValidationError("Only a visible listing can be hidden.", code="unchanged")
    return _moderate(
        moderator=moderator,
        listing=listing,
        status=ContentStatus.HIDDEN,
        action=ModerationAction.Action.HIDE,
        note=note,
    )


def listing_restore(*, moderator: User, listing: Listing, note: str = "") -> Listing:
    """An editor puts a hidden listing back. A listing its organisation closed stays closed."""
    if listing.status != ContentStatus.HIDDEN:
        raise ValidationError("Only a hidden listing can be restored.", code="unchanged")
    return _moderate(
        moderator=moderator,
        listing=listing,
        status=ContentStatus.VISIBLE,
        action=ModerationAction.Action.RESTORE,
        note=note,
    )


def interest_express(*, user: User, listing: Listing, message: str) -> Interest:
    """Another organisation's officer wants to talk: save it, tell the listing's organisation."""
    if not can_express_interest(user, listing):
        if is_verified_officer(user):
            raise PermissionDenied(
                "You cannot express interest in your own organisation's listing."
            )
        raise PermissionDenied("Only verified officers of an organisation can express interest.")
    if not listing_is_open(listing):
        raise ValidationError("This listing is no longer open.", code="closed")
    if listing.interests.filter(organisation_id=user.verified_officer_of_id).exists():
        raise ValidationError(ALREADY_INTERESTED, code="duplicate")
    interest = Interest(
        listing=listing,
        user=user,
        organisation_id=user.verified_officer_of_id,
        message=(message or "").strip(),
    )
    interest.full_clean(exclude=["listing", "user", "organisation"], validate_constraints=False)
    user_limit_check("interest", user)  # each one emails every officer of the listing's side
    try:
        with transaction.atomic():
            interest.save()
            _interest_notify(interest)
    except IntegrityError as error:  # two officers of one organisation clicking at once
        raise ValidationError(ALREADY_INTERESTED, code="duplicate") from error
    logger.info("Organisation %s interested in listing %s", interest.organisation_id, listing.pk)
    return interest


def _interest_notify(interest: Interest) -> None:
    """A notification row for each of the listing's officers now, in the caller's transaction;
    their emails only once it commits (a rolled-back interest must not reach anybody)."""
    listing = interest.listing
    listing_url = listing.get_absolute_url()
    headline = one_line(
        f"{interest.organisation.name} is interested in your "
        f"{listing.get_kind_display().lower()}: {listing.title}"
    )
    emails = []
    for officer in listing_officers(listing):
        notification = Notification.objects.create(
            user=officer,
            message=Truncator(headline).chars(NOTIFICATION_MAX_LENGTH),
            url=listing_url,
        )
        emails.append((notification.pk, _interest_email(interest, officer, headline)))
    transaction.on_commit(lambda: _emails_send(emails))


def _interest_email(interest: Interest, recipient: User, headline: str) -> EmailMessage:
    listing = interest.listing
    body = render_to_string(
        "community/brokerage/interest_email.txt",
        {
            "recipient": recipient,
            "interest": interest,
            "officer": interest.user,
            "organisation": interest.organisation,
            "listing": listing,
            "listing_url": absolute_url(listing.get_absolute_url()),
        },
    )
    return EmailMessage(
        # A line break in a stored title would make Django refuse the header (BadHeaderError).
        subject=Truncator(one_line(EMAIL_SUBJECT_PREFIX + headline)).chars(200),
        body=body,
        to=[recipient.email],
        # Replying goes straight to the interested officer: that is the point of the email.
        reply_to=[interest.user.email],
    )


def _emails_send(emails: list[tuple[int, EmailMessage]]) -> None:
    """Runs after commit. One failed address must not stop the others; a notification whose
    email failed keeps no `emailed_at`, so a digest can still carry it."""
    for notification_pk, email in emails:
        try:
            email.send()
        except Exception:
            logger.exception("Interest email for notification %s was not sent", notification_pk)
            continue
        Notification.objects.filter(pk=notification_pk).update(emailed_at=timezone.now())
