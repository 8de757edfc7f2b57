"""Every link in an email goes to the site's public address (PUBLIC_BASE_URL) or, when a person's
own request sends it, to the site they used: never to the web process's own 127.0.0.1."""

import re

import pytest
from django.core import mail
from django.core.management import call_command

from community.models import Listing, Watch
from community.services.brokerage import interest_express
from community.services.notifications import activity_published
from community.services.watches import watch_start
from tests.factories import (
    CommunityFactory,
    ListingFactory,
    OrganisationFactory,
    make_member,
    make_officer,
    make_post,
    make_thread,
    make_verified_user,
)

PUBLIC = "https://commons.example.org"
LINK = re.compile(r"https?://[^\s<>\"]+")


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.PUBLIC_BASE_URL = PUBLIC


def links_in(email) -> list[str]:
    found = LINK.findall(email.body)
    found += LINK.findall(email.extra_headers.get("List-Unsubscribe", ""))
    assert found, f"no link in: {email.body}"
    return found


def assert_all_public(email) -> None:
    for link in links_in(email):
        assert link.startswith(f"{PUBLIC}/"), link


@pytest.fixture
def thread(db):
    return make_thread(CommunityFactory(name="Waste partnerships"), title="Food waste")


def watcher_of(thread, frequency: str):
    person = make_verified_user()
    make_member(thread.community, person)
    watch_start(user=person, target=thread, frequency=frequency)
    return person


def reply_to(thread, capture) -> None:
    with capture(execute=True):
        activity_published(make_post(thread, body_markdown="We consulted early."))


def test_a_reply_email_and_its_one_click_unsubscribe_link_use_the_public_https_address(
    thread, django_capture_on_commit_callbacks
):
    watcher_of(thread, Watch.Frequency.IMMEDIATE)

    reply_to(thread, django_capture_on_commit_callbacks)

    [email] = mail.outbox
    assert_all_public(email)
    assert email.extra_headers["List-Unsubscribe"].startswith(f"<{PUBLIC}/notifications/")


def test_the_daily_digest_links_to_the_public_https_address(
    thread, django_capture_on_commit_callbacks
):
    watcher_of(thread, Watch.Frequency.DAILY)
    reply_to(thread, django_capture_on_commit_callbacks)

    call_command("send_digests", stdout=None)

    [email] = mail.outbox
    assert_all_public(email)
    assert email.extra_headers["List-Unsubscribe"].startswith(f"<{PUBLIC}/notifications/")


def test_an_expression_of_interest_links_to_the_listing_at_the_public_address(
    db, django_capture_on_commit_callbacks
):
    northshire = OrganisationFactory(name="Northshire Council")
    author = make_officer(northshire, username="nadia")
    listing = ListingFactory(
        kind=Listing.Kind.NEED, organisation=northshire, author=author, title="Payroll partner"
    )
    outsider = make_officer(OrganisationFactory(name="Southshire Council"), username="sam")

    with django_capture_on_commit_callbacks(execute=True):
        interest_express(user=outsider, listing=listing, message="We run payroll for schools.")

    [email] = mail.outbox
    assert f"{PUBLIC}{listing.get_absolute_url()}" in email.body
    assert_all_public(email)


def test_the_sign_up_email_links_to_the_site_the_person_used(client, home_page):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "rowan@example.org",
            "username": "rowan",
            "password1": "a-longer-secret-9",
            "password2": "a-longer-secret-9",
        },
        secure=True,
        headers={"host": "northshire.localhost"},
    )

    assert response.status_code == 302
    [email] = mail.outbox
    assert "https://northshire.localhost/accounts/confirm-email/" in email.body
    assert "127.0.0.1" not in email.body
