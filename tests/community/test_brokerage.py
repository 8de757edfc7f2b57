"""Brokerage rules: who may post, change, close, hide and express interest, and who is told."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from community.models import ContentStatus, Interest, Listing, ModerationAction, Notification
from community.services.brokerage import (
    interest_express,
    listing_create,
    listing_edit,
    listing_hide,
    listing_restore,
)
from tests.factories import (
    ListingFactory,
    OrganisationFactory,
    ServiceAreaFactory,
    UserFactory,
    make_officer,
    make_verified_user,
)

MESSAGE = "We run payroll for 30 schools and would like to talk in March."


@pytest.fixture
def northshire(db):
    return OrganisationFactory(name="Northshire Council")


@pytest.fixture
def southshire(db):
    return OrganisationFactory(name="Southshire Council")


@pytest.fixture
def author(northshire):
    return make_officer(northshire, username="nadia", first_name="Nadia", last_name="North")


@pytest.fixture
def listing(author):
    return ListingFactory(
        kind=Listing.Kind.NEED,
        organisation=author.verified_officer_of,
        author=author,
        title="A partner for schools payroll",
    )


@pytest.fixture
def outsider(southshire):
    return make_officer(southshire, username="sam", first_name="Sam", last_name="South")


@pytest.fixture
def editor(db):
    user = make_verified_user(username="eddie")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def listing_form(service_area, **overrides) -> dict[str, str]:
    closing = timezone.localdate() + datetime.timedelta(days=30)
    return {
        "kind": "offer",
        "title": "Room for two councils in our payroll service",
        "description": "We run payroll for three councils.",
        "service_area": str(service_area.pk),
        "region": "north-west",
        "capacity": "2",
        "expires_on_day": str(closing.day),
        "expires_on_month": str(closing.month),
        "expires_on_year": str(closing.year),
        **overrides,
    }


def interest_url(listing) -> str:
    return reverse("community:listing_interest", kwargs={"pk": listing.pk})


# Who may post


def test_anonymous_people_are_sent_to_sign_in_to_post_or_express_interest(client, listing):
    for response in (
        client.get(reverse("community:listing_new")),
        client.post(interest_url(listing), {"message": MESSAGE}),
    ):
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    assert not Interest.objects.exists()


@pytest.mark.parametrize("person", ["citizen", "unverified"])
def test_only_verified_officers_may_post_or_express_interest(client, listing, person):
    user = make_verified_user() if person == "citizen" else UserFactory()
    client.force_login(user)
    area = ServiceAreaFactory()

    new_page = client.get(reverse("community:listing_new"))
    posted = client.post(reverse("community:listing_new"), listing_form(area))
    interested = client.post(interest_url(listing), {"message": MESSAGE})

    assert (new_page.status_code, posted.status_code, interested.status_code) == (403, 403, 403)
    assert "Only verified officers can post listings" in posted.content.decode()
    assert list(Listing.objects.all()) == [listing]
    assert not Interest.objects.exists()
    with pytest.raises(PermissionDenied):
        interest_express(user=user, listing=listing, message=MESSAGE)


def test_an_officer_posts_for_their_own_organisation_whatever_the_form_says(
    client, author, southshire
):
    client.force_login(author)
    area = ServiceAreaFactory()

    response = client.post(
        reverse("community:listing_new"), listing_form(area, organisation=str(southshire.pk))
    )

    listing = Listing.objects.get()
    assert response.status_code == 302
    assert response.url == listing.get_absolute_url()
    assert (listing.organisation, listing.author) == (author.verified_officer_of, author)
    assert (listing.kind, listing.capacity, listing.status) == ("offer", 2, ContentStatus.VISIBLE)


def test_the_service_refuses_a_listing_for_another_organisation(author, southshire):
    data = {"organisation": southshire, "title": "x"}

    with pytest.raises(PermissionDenied):
        listing_create(user=author, data=data)
    assert not Listing.objects.exists()


def test_the_service_refuses_no_capacity_and_a_past_closing_date(author):
    data = {
        "kind": "offer",
        "title": "Payroll",
        "description": "Payroll for schools.",
        "service_area": ServiceAreaFactory(),
        "region": "london",
        "capacity": 0,
        "expires_on": timezone.localdate() - datetime.timedelta(days=1),
    }

    with pytest.raises(ValidationError) as refusal:
        listing_create(user=author, data=data)
    assert refusal.value.message_dict == {
        "capacity": ["Number of partners must be between 1 and 99"],
        "expires_on": ["Closing date must be today or in the future"],
    }


# Changing and closing


def test_any_officer_of_the_organisation_may_change_a_listing_but_nobody_else(
    client, listing, northshire, outsider
):
    colleague = make_officer(northshire)
    edit_url = reverse("community:listing_edit", kwargs={"pk": listing.pk})
    data = listing_form(listing.service_area, title="Payroll partner wanted", kind="need")

    client.force_login(outsider)
    assert client.post(edit_url, data).status_code == 403
    client.force_login(colleague)
    response = client.post(edit_url, data)

    listing.refresh_from_db()
    assert response.status_code == 302
    assert listing.title == "Payroll partner wanted"
    assert listing.author.username == "nadia"  # the author stays who posted it


def test_closing_takes_a_listing_out_for_good(client, listing, author, outsider):
    close_url = reverse("community:listing_close", kwargs={"pk": listing.pk})
    client.force_login(outsider)
    assert client.post(close_url).status_code == 403

    client.force_login(author)
    assert client.get(close_url).status_code == 200
    assert client.post(close_url).status_code == 302

    listing.refresh_from_db()
    assert listing.status == Listing.Status.CLOSED
    with pytest.raises(ValidationError):
        listing_edit(user=author, listing=listing, data={"title": "Back again"})
    with pytest.raises(ValidationError):
        listing_restore(moderator=make_editor(), listing=listing)


def make_editor():
    user = make_verified_user()
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_an_expired_listing_opens_again_with_a_later_closing_date(listing, author):
    Listing.objects.filter(pk=listing.pk).update(
        expires_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    listing.refresh_from_db()
    later = timezone.localdate() + datetime.timedelta(days=10)

    listing_edit(user=author, listing=listing, data={"expires_on": later})

    listing.refresh_from_db()
    assert listing.expires_on == later


# Moderation


def test_editors_hide_and_restore_listings_with_an_audit_entry(listing, editor, author):
    with pytest.raises(PermissionDenied):
        listing_hide(moderator=author, listing=listing, note="mine")

    listing_hide(moderator=editor, listing=listing, note="Advertising, not a shared service")
    assert Listing.objects.get().status == ContentStatus.HIDDEN
    listing_restore(moderator=editor, listing=listing, note="Checked with them")
    assert Listing.objects.get().status == ContentStatus.VISIBLE

    actions = ModerationAction.objects.order_by("created_at", "pk")
    assert [(a.action, a.note, a.actor, a.content) for a in actions] == [
        ("hide", "Advertising, not a shared service", editor, listing),
        ("restore", "Checked with them", editor, listing),
    ]


# Expressing interest


def test_an_officer_cannot_express_interest_in_their_own_organisations_listing(
    client, listing, northshire
):
    colleague = make_officer(northshire)
    client.force_login(colleague)

    response = client.post(interest_url(listing), {"message": MESSAGE})

    assert response.status_code == 403
    assert "your own organisation" in response.content.decode()
    assert not Interest.objects.exists()


def test_one_interest_per_organisation_and_a_second_is_refused_with_a_message(
    client, listing, outsider, southshire
):
    colleague = make_officer(southshire)
    client.force_login(outsider)
    first = client.post(interest_url(listing), {"message": MESSAGE})
    client.force_login(colleague)

    second = client.post(interest_url(listing), {"message": "Us too!"})

    assert first.status_code == 302
    assert second.status_code == 200
    assert "Your organisation has already expressed interest in this listing" in (
        second.content.decode()
    )
    assert [(i.user, i.organisation, i.message) for i in Interest.objects.all()] == [
        (outsider, southshire, MESSAGE)
    ]


def test_interest_in_a_closed_listing_is_refused(listing, outsider):
    Listing.objects.filter(pk=listing.pk).update(status=Listing.Status.CLOSED)
    listing.refresh_from_db()

    with pytest.raises(ValidationError, match="no longer open"):
        interest_express(user=outsider, listing=listing, message=MESSAGE)


def test_an_empty_message_is_refused_and_nobody_is_told(client, listing, outsider):
    client.force_login(outsider)

    response = client.post(interest_url(listing), {"message": "  "})

    assert response.status_code == 200
    assert "Enter a message to the organisation" in response.content.decode()
    assert not Interest.objects.exists()
    assert not Notification.objects.exists()


# Who is told


def test_interest_emails_each_officer_of_the_listings_organisation_after_commit(
    listing, author, northshire, outsider, django_capture_on_commit_callbacks
):
    colleague = make_officer(northshire, username="nell")
    UserFactory(organisation=northshire)  # says they work there, not verified: not told
    make_officer(northshire, is_active=False)  # left: not told

    with django_capture_on_commit_callbacks() as callbacks:
        interest_express(user=outsider, listing=listing, message=MESSAGE)
        assert mail.outbox == []  # nothing leaves before the interest is saved
    for callback in callbacks:
        callback()

    assert sorted(email.to[0] for email in mail.outbox) == sorted([author.email, colleague.email])
    email = next(email for email in mail.outbox if email.to == [author.email])
    assert email.subject == (
        "Commons: Southshire Council is interested in your need: A partner for schools payroll"
    )
    assert email.reply_to == [outsider.email]
    assert "Hello Nadia North," in email.body
    assert "Sam South of Southshire Council is interested in Northshire Council's need" in (
        email.body
    )
    assert MESSAGE in email.body
    assert f"write to Sam South at {outsider.email}" in email.body
    assert f"http://127.0.0.1:8000{listing.get_absolute_url()}" in email.body


def test_interest_leaves_a_notification_on_the_site_for_each_officer(
    listing, author, northshire, outsider, django_capture_on_commit_callbacks
):
    colleague = make_officer(northshire)

    with django_capture_on_commit_callbacks(execute=True):
        interest_express(user=outsider, listing=listing, message=MESSAGE)

    notifications = Notification.objects.order_by("user_id")
    assert [(n.user, n.url) for n in notifications] == [
        (author, listing.get_absolute_url()),
        (colleague, listing.get_absolute_url()),
    ]
    assert {n.message for n in notifications} == {
        "Southshire Council is interested in your need: A partner for schools payroll"
    }
    assert all(n.emailed_at is not None for n in notifications)
    assert not Notification.objects.filter(user=outsider).exists()


def test_nothing_is_sent_when_the_transaction_rolls_back(
    listing, outsider, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        interest_express(user=outsider, listing=listing, message=MESSAGE)
        raise RuntimeError("something later failed")

    assert mail.outbox == []
    assert not Interest.objects.exists()
    assert not Notification.objects.exists()
