"""Every action that writes, or emails people, has a limit (commons/ratelimits.py): editing,
brokerage listings and interest, and stories. A person over it gets a plain-English message on
the form they sent, which keeps what they typed."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from commons.ratelimits import LIMITS
from community.models import Interest, Listing, Story
from community.services.brokerage import interest_express, listing_create, listing_edit
from community.services.discussions import post_edit, thread_edit
from community.services.stories import story_submit
from tests.factories import (
    CommunityFactory,
    ListingFactory,
    OrganisationFactory,
    ServiceAreaFactory,
    SharedServiceFactory,
    make_member,
    make_officer,
    make_post,
    make_thread,
    make_verified_user,
)

pytestmark = pytest.mark.django_db


def limit_of(name: str) -> int:
    return LIMITS[name].count


def test_editing_a_thread_too_often_is_a_clear_error_that_keeps_the_words(client):
    community = CommunityFactory()
    person = make_member(community, make_verified_user(trusted_poster=True))
    thread = make_thread(community, author=person)
    for number in range(limit_of("edit")):
        thread_edit(thread=thread, editor=person, title=f"Edit {number}", body="Words", tags=[])
    client.force_login(person)

    response = client.post(
        reverse("community:thread_edit", kwargs={"slug": community.slug, "thread_id": thread.pk}),
        {"title": "One more change", "body": "My latest words", "tags": ""},
    )

    html = response.content.decode()
    assert "You have made 20 changes in the last 10 minutes" in html
    assert "My latest words" in html
    thread.refresh_from_db()
    assert thread.title == f"Edit {limit_of('edit') - 1}"


def test_editing_replies_shares_the_edit_limit():
    community = CommunityFactory()
    person = make_member(community, make_verified_user(trusted_poster=True))
    post = make_post(make_thread(community), author=person)
    for number in range(limit_of("edit")):
        post_edit(post=post, editor=person, body=f"Edit {number}")

    with pytest.raises(ValidationError, match="You have made 20 changes"):
        post_edit(post=post, editor=person, body="Once too often")

    post.refresh_from_db()
    assert post.body_markdown == f"Edit {limit_of('edit') - 1}"


def listing_data(payroll, number: int) -> dict:
    return {
        "kind": "offer",
        "title": f"Payroll for schools {number}",
        "description": "We run payroll for 40 schools.",
        "service_area": payroll,
        "region": "london",
        "capacity": 2,
        "expires_on": timezone.localdate() + datetime.timedelta(days=30),
    }


def test_posting_listings_too_often_is_a_clear_error_that_keeps_the_words(client):
    payroll = ServiceAreaFactory()
    officer = make_officer(OrganisationFactory())
    for number in range(limit_of("listing")):
        listing_create(user=officer, data=listing_data(payroll, number))
    client.force_login(officer)
    closes = timezone.localdate() + datetime.timedelta(days=30)

    response = client.post(
        reverse("community:listing_new"),
        {
            "kind": "offer",
            "title": "One listing too many",
            "description": "We run payroll for 41 schools.",
            "service_area": str(payroll.pk),
            "region": "london",
            "capacity": "2",
            "expires_on_day": str(closes.day),
            "expires_on_month": str(closes.month),
            "expires_on_year": str(closes.year),
        },
    )

    html = response.content.decode()
    assert "You have posted 5 listings in the last hour" in html
    assert 'value="One listing too many"' in html
    assert Listing.objects.filter(author=officer).count() == limit_of("listing")


def test_changing_a_listing_counts_as_an_edit():
    officer = make_officer(OrganisationFactory())
    listing = ListingFactory(organisation=officer.verified_officer_of, author=officer)
    for number in range(limit_of("edit")):
        listing_edit(user=officer, listing=listing, data={"title": f"Edit {number}"})

    with pytest.raises(ValidationError, match="You have made 20 changes"):
        listing_edit(user=officer, listing=listing, data={"title": "Once too often"})


def test_expressing_interest_too_often_stops_the_emails():
    officer = make_officer(OrganisationFactory())
    listings = []
    for _ in range(limit_of("interest") + 1):
        listing = ListingFactory()
        make_officer(listing.organisation)  # someone there to email
        listings.append(listing)
    for listing in listings[:-1]:
        interest_express(user=officer, listing=listing, message="Can we talk?")
    mail.outbox.clear()

    with pytest.raises(ValidationError, match="You have expressed interest 10 times"):
        interest_express(user=officer, listing=listings[-1], message="And this one?")

    assert Interest.objects.filter(user=officer).count() == limit_of("interest")
    assert mail.outbox == []


def test_telling_too_many_stories_is_a_clear_error_that_keeps_the_words(client):
    citizen = make_verified_user()
    services = [SharedServiceFactory() for _ in range(limit_of("story") + 1)]
    for service in services[:-1]:
        story_submit(
            user=citizen,
            shared_service=service,
            data={"overall": 3, "title": "Fine", "body_markdown": "It was fine."},
        )
    client.force_login(citizen)

    response = client.post(
        reverse("community:story_new", kwargs={"slug": services[-1].slug}),
        {"overall": "4", "title": "Sorted in a week", "body_markdown": "Sorted in a week."},
    )

    html = response.content.decode()
    assert "You have told 5 stories in the last day" in html
    assert "Sorted in a week." in html
    assert Story.objects.filter(author=citizen).count() == limit_of("story")
