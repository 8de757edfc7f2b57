"""The calendar feeds: valid iCalendar, read back with icalendar; a community's for its readers,
a person's own through a secret address they can change; members-only events in neither for
anyone outside."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from community.models import Community
from community.services.events import event_cancel, event_feed_for
from tests.factories import (
    CommunityFactory,
    make_event,
    make_member,
    make_moderator,
    make_verified_user,
    sign_up,
)


def _events_in(response) -> dict[str, object]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(entry["SUMMARY"]): entry for entry in calendar.walk("VEVENT")}


@pytest.mark.django_db
def test_a_public_community_feed_is_valid_icalendar_with_every_field(client):
    community = CommunityFactory()
    event = make_event(
        community,
        title="Open meeting",
        online_link="https://meet.example.org/open",
        starts_at=datetime.datetime(2030, 1, 15, 14, tzinfo=datetime.UTC),
    )
    cancelled = make_event(community, title="Called off")
    event_cancel(event=cancelled, by=make_moderator(community))

    response = client.get(reverse("community:community_event_feed", args=[community.slug]))

    calendar = Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    events = _events_in(response)
    entry = events["Open meeting"]
    assert str(entry["UID"]) == f"event-{event.pk}@commons"
    assert entry["DTSTAMP"].dt.tzinfo is not None
    assert entry["DTSTART"].dt == event.starts_at
    assert entry["DTEND"].dt == event.ends_at
    assert str(entry["URL"]).endswith(event.get_absolute_url())
    assert "Northshire Town Hall" in str(entry["LOCATION"])
    assert "https://meet.example.org/open" in str(entry["LOCATION"])
    assert str(entry["STATUS"]) == "CONFIRMED"
    assert str(events["Called off"]["STATUS"]) == "CANCELLED"


@pytest.mark.django_db
@pytest.mark.parametrize("visibility", [Community.Visibility.MEMBERS, Community.Visibility.PRIVATE])
def test_a_members_only_community_feed_is_for_its_readers_alone(client, visibility):
    community = CommunityFactory(visibility=visibility)
    make_event(community, title="Inner meeting")
    url = reverse("community:community_event_feed", args=[community.slug])
    assert client.get(url).status_code == 404
    client.force_login(make_verified_user())
    assert client.get(url).status_code == 404
    client.force_login(make_member(community, make_verified_user()))
    assert "Inner meeting" in _events_in(client.get(url))


@pytest.mark.django_db
def test_the_personal_feed_lists_what_the_person_signed_up_for_and_may_still_read(client):
    secret = CommunityFactory(visibility=Community.Visibility.MEMBERS)
    person = make_member(secret, make_verified_user())
    sign_up(make_event(CommunityFactory(), title="Open meeting"), person)
    sign_up(make_event(secret, title="Inner meeting"), person)
    make_event(CommunityFactory(), title="Not mine")
    url = event_feed_for(person).get_absolute_url()

    # No session: calendar apps cannot sign in, the token is the key.
    assert set(_events_in(client.get(url))) == {"Open meeting", "Inner meeting"}
    secret.memberships.filter(user=person).delete()
    assert set(_events_in(client.get(url))) == {"Open meeting"}


@pytest.mark.django_db
def test_resetting_the_calendar_address_retires_the_old_one(client):
    person = make_verified_user()
    sign_up(make_event(CommunityFactory(), title="Open meeting"), person)
    old = event_feed_for(person).get_absolute_url()
    client.force_login(person)
    answer = client.post(reverse("community:event_feed_reset"))
    assert answer.status_code == 302
    client.logout()
    assert client.get(old).status_code == 404
    new = event_feed_for(person).get_absolute_url()
    assert new != old and "Open meeting" in _events_in(client.get(new))


@pytest.mark.django_db
def test_a_made_up_calendar_address_is_not_found(client):
    assert client.get("/events/feed/not-a-real-token.ics").status_code == 404
