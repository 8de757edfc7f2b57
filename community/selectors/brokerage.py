"""Reading the brokerage: open listings, who may see a listing, its interests, suggested matches.

A listing is *open* while it is visible and its closing date has not passed. An organisation
closing its listing marks it `Listing.Status.CLOSED`; Hidden stays the moderators' word. Closed,
expired and hidden listings never appear in lists or suggestions; their page is left to their
own organisation and the editors.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from community.matching import UK_WIDE, ListingFacts, fit
from community.models import ContentStatus, Interest, Listing, User
from community.permissions import AnyUser, can_manage_listing, is_editor
from knowledge.models import ServiceArea

# Suggestions score candidates in Python; a service area rarely has more open listings of one
# kind than this, and the newest are the likeliest to still be wanted.
MATCH_CANDIDATES_MAX = 500


@dataclass(frozen=True)
class Match:
    """A suggested listing of the other kind, how well it fits (out of 100) and why."""

    listing: Listing
    score: int
    reasons: tuple[str, ...]


def _today() -> datetime.date:
    return timezone.localdate()


def listings_open() -> QuerySet[Listing]:
    """Visible listings whose closing date is today or later, newest first."""
    return (
        Listing.objects.filter(status=ContentStatus.VISIBLE, expires_on__gte=_today())
        .select_related("organisation", "service_area")
        .order_by("-created_at", "-pk")
    )


def listings_open_filtered(
    *, kind: str = "", service_area: ServiceArea | None = None, region: str = ""
) -> QuerySet[Listing]:
    """Open listings of one kind, service area or region; a UK-wide listing is in every region."""
    listings = listings_open()
    if kind:
        listings = listings.filter(kind=kind)
    if service_area is not None:
        listings = listings.filter(service_area=service_area)
    if region:
        listings = listings.filter(Q(region=region) | Q(region=UK_WIDE))
    return listings


def listing_is_open(listing: Listing) -> bool:
    return listing.status == ContentStatus.VISIBLE and listing.expires_on >= _today()


def listing_state(listing: Listing) -> str:
    """Where a listing stands, in words for its page."""
    if listing.status == Listing.Status.CLOSED:
        return "Closed"
    if listing.status != ContentStatus.VISIBLE:
        return "Hidden by a moderator"
    if listing.expires_on < _today():
        return "Expired"
    return "Open"


def listing_visible_to(user: AnyUser, listing: Listing) -> bool:
    """Open listings are public; the others only to their organisation's officers and editors."""
    if listing_is_open(listing):
        return True
    return can_manage_listing(user, listing) or is_editor(user)


def listing_for(user: AnyUser, pk: int) -> Listing | None:
    """The listing with this number if this person may see it, else None (a 404, not a 403: a
    hidden listing is nobody else's business)."""
    related = ("organisation", "service_area", "author")
    found = Listing.objects.select_related(*related).filter(pk=pk).first()
    if found is None or not listing_visible_to(user, found):
        return None
    return found


def interests_visible_to(user: AnyUser, listing: Listing) -> list[Interest]:
    """Who has expressed interest, oldest first: for the listing's own organisation only, since
    the interests carry the interested officers' email addresses."""
    if not can_manage_listing(user, listing):
        return []
    return list(
        listing.interests.select_related("user", "organisation").order_by("created_at", "pk")
    )


def interest_already_expressed(user: AnyUser, listing: Listing) -> bool:
    """Whether this person's organisation has already said it is interested in the listing."""
    if not user.is_authenticated or user.verified_officer_of_id is None:
        return False
    return listing.interests.filter(organisation_id=user.verified_officer_of_id).exists()


def listing_officers(listing: Listing) -> list[User]:
    """Who hears about interest in a listing: its organisation's active verified officers. The
    author is among them while they still work there; once they have left, they are not told,
    since the message shares the interested officer's email address with the organisation."""
    return list(
        User.objects.filter(verified_officer_of_id=listing.organisation_id, is_active=True)
        .exclude(email="")
        .order_by("pk")
    )


def _facts(listing: Listing) -> ListingFacts:
    return ListingFacts(
        kind=listing.kind,
        region=listing.region,
        capacity=listing.capacity,
        text=f"{listing.title}\n{listing.description}",
    )


def suggested_matches(listing: Listing, limit: int = 5) -> list[Match]:
    """The best-fitting open listings of the other kind, in the same service area, from other
    organisations: highest score first, then the newest. See `community.matching` for the score."""
    other_kind = Listing.Kind.NEED if listing.kind == Listing.Kind.OFFER else Listing.Kind.OFFER
    candidates = (
        listings_open()
        .filter(kind=other_kind, service_area_id=listing.service_area_id)
        .exclude(organisation_id=listing.organisation_id)[:MATCH_CANDIDATES_MAX]
    )
    facts = _facts(listing)
    matches = []
    for candidate in candidates:
        candidate_fit = fit(facts, _facts(candidate))
        matches.append(Match(candidate, candidate_fit.score, candidate_fit.reasons))
    # Candidates arrive newest first and sorted() is stable, so equal scores stay newest first.
    matches = sorted(matches, key=lambda match: -match.score)
    return matches[:limit]
