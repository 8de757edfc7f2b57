"""Events in a community: who adds, changes and cancels them, who takes a place, what a full or
cancelled event says, and that members-only events reach nobody outside."""

import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse

from community.events_time import event_when
from community.models import Community, EventSignup
from community.services.events import EventFull, event_cancel, event_create, signup_create
from tests.factories import (
    CommunityFactory,
    UserFactory,
    make_event,
    make_member,
    make_moderator,
    make_verified_user,
    sign_up,
)


def _utc(*parts: int) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=datetime.UTC)


def test_times_are_written_in_uk_time_the_govuk_way():
    # 14:00 UTC in January is 2pm in London; in July, 13:00 UTC is 2pm (British Summer Time).
    assert event_when(_utc(2027, 1, 12, 14), _utc(2027, 1, 12, 15, 30)) == (
        "Tuesday 12 January 2027, 2pm to 3:30pm"
    )
    assert event_when(_utc(2027, 7, 13, 13), _utc(2027, 7, 13, 14)) == (
        "Tuesday 13 July 2027, 2pm to 3pm"
    )
    assert event_when(_utc(2027, 1, 12, 12), _utc(2027, 1, 13, 0)) == (
        "Tuesday 12 January 2027, midday to Wednesday 13 January 2027, midnight"
    )


@pytest.mark.django_db
def test_a_moderator_adds_an_event_and_a_member_may_not():
    community = CommunityFactory()
    moderator = make_moderator(community)
    member = make_member(community, make_verified_user())
    fields = {
        "title": "Webinar",
        "starts_at": _utc(2030, 1, 1, 10),
        "ends_at": _utc(2030, 1, 1, 11),
        "online_link": "https://meet.example.org/abc",
    }
    event = event_create(community=community, by=moderator, **fields)
    assert event.created_by == moderator
    with pytest.raises(PermissionDenied):
        event_create(community=community, by=member, **fields)


@pytest.mark.django_db
def test_an_event_needs_a_place_or_a_link_and_an_end_after_its_start():
    community = CommunityFactory()
    moderator = make_moderator(community)
    with pytest.raises(ValidationError) as refused:
        event_create(
            community=community,
            by=moderator,
            title="Nowhere",
            starts_at=_utc(2030, 1, 1, 10),
            ends_at=_utc(2030, 1, 1, 9),
        )
    assert set(refused.value.message_dict) == {"place", "ends_at"}


@pytest.mark.django_db
def test_a_full_event_refuses_another_place_and_says_so(client):
    event = make_event(CommunityFactory(), capacity=1)
    sign_up(event)
    late = make_verified_user()
    with pytest.raises(EventFull):
        signup_create(event=event, person=late)
    client.force_login(late)
    page = client.get(event.get_absolute_url())
    assert "This event is full" in page.text
    answer = client.post(reverse("community:event_signup", args=[event.community.slug, event.pk]))
    assert answer.status_code == 302
    assert not EventSignup.objects.filter(person=late).exists()
    assert "Sorry, this event is full." in client.get(answer["Location"]).text


@pytest.mark.django_db
def test_signing_up_twice_keeps_one_place():
    event = make_event(CommunityFactory())
    person = make_verified_user()
    first = signup_create(event=event, person=person)
    assert signup_create(event=event, person=person) == first
    assert event.signups.count() == 1


# Real commits from many connections need a transactional test; serialized_rollback keeps its
# closing flush from re-creating content types under new ids (see test_posting_limit_race.py).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_many_people_at_once_cannot_take_more_places_than_there_are():
    event = make_event(CommunityFactory(), capacity=3)
    people = [make_verified_user() for _ in range(8)]
    start = threading.Barrier(len(people))

    def take(person) -> None:
        try:
            start.wait()
            signup_create(event=event, person=person)
        except EventFull:
            pass
        finally:
            connection.close()

    workers = [threading.Thread(target=take, args=(person,)) for person in people]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert event.signups.count() == 3


@pytest.mark.django_db
def test_a_citizen_signs_up_for_a_public_event_without_joining_and_cancels(client):
    """In a public community anyone verified takes a place; it does not make them a member."""
    event = make_event(CommunityFactory(), capacity=10)
    person = make_verified_user()
    client.force_login(person)
    url = reverse("community:event_signup", args=[event.community.slug, event.pk])
    client.post(url)
    assert EventSignup.objects.filter(event=event, person=person).exists()
    assert not event.community.memberships.filter(user=person).exists()
    page = client.get(event.get_absolute_url())
    assert "9 places left" in page.text and "Cancel my place" in page.text
    client.post(url, {"action": "cancel"})
    assert not EventSignup.objects.filter(event=event, person=person).exists()


@pytest.mark.django_db
def test_signing_up_needs_a_confirmed_email_address(client):
    event = make_event(CommunityFactory())
    client.force_login(UserFactory())
    answer = client.post(reverse("community:event_signup", args=[event.community.slug, event.pk]))
    assert answer.status_code == 403
    assert not event.signups.exists()


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_sign_in_and_back_to_the_event(client):
    event = make_event(CommunityFactory())
    answer = client.post(reverse("community:event_signup", args=[event.community.slug, event.pk]))
    assert answer.status_code == 302
    assert answer["Location"].startswith("/accounts/login/")
    assert answer["Location"].endswith(f"?next={event.get_absolute_url()}")


@pytest.mark.django_db
@pytest.mark.parametrize("visibility", [Community.Visibility.MEMBERS, Community.Visibility.PRIVATE])
def test_members_only_events_are_not_found_by_outsiders(client, visibility):
    community = CommunityFactory(visibility=visibility)
    event = make_event(community, title="Budget away day")
    outsider = make_verified_user()
    client.force_login(outsider)
    assert client.get(event.get_absolute_url()).status_code == 404
    signup = client.post(reverse("community:event_signup", args=[community.slug, event.pk]))
    assert signup.status_code == 404
    assert not event.signups.exists()
    assert "Budget away day" not in client.get(community.get_absolute_url()).text
    with pytest.raises(PermissionDenied):
        signup_create(event=event, person=outsider)


@pytest.mark.django_db
def test_a_moderator_adds_an_event_from_the_form_in_uk_time(client):
    community = CommunityFactory()
    client.force_login(make_moderator(community))
    answer = client.post(
        reverse("community:event_new", args=[community.slug]),
        {
            "title": "Summer meeting",
            "description": "Bring **ideas**.",
            "date_day": "13",
            "date_month": "7",
            "date_year": "2027",
            "start_time": "2pm",
            "end_time": "15:30",
            "place": "",
            "online_link": "https://meet.example.org/summer",
            "capacity": "",
        },
    )
    assert answer.status_code == 302, answer.content
    event = community.events.get()
    assert event.starts_at == _utc(2027, 7, 13, 13)  # 2pm British Summer Time
    page = client.get(answer["Location"])
    assert "Tuesday 13 July 2027, 2pm to 3:30pm" in page.text
    assert "<strong>ideas</strong>" in page.text


@pytest.mark.django_db
def test_a_refused_event_form_says_what_to_fix_and_keeps_what_was_typed(client):
    community = CommunityFactory()
    client.force_login(make_moderator(community))
    answer = client.post(
        reverse("community:event_new", args=[community.slug]),
        {
            "title": "Autumn meeting",
            "date_day": "31",
            "date_month": "2",
            "date_year": "2027",
            "start_time": "25pm",
            "end_time": "3pm",
            "place": "",
            "online_link": "",
        },
    )
    assert answer.status_code == 400
    assert "Date must be a real date" in answer.text
    assert "Start time must be a real time, like 2pm or 14:30" in answer.text
    assert "Enter a place, an online link or both" in answer.text
    assert 'value="Autumn meeting"' in answer.text
    assert not community.events.exists()


@pytest.mark.django_db
def test_a_member_cannot_open_the_event_form(client):
    community = CommunityFactory()
    client.force_login(make_member(community, make_verified_user()))
    assert client.get(reverse("community:event_new", args=[community.slug])).status_code == 403


@pytest.mark.django_db
def test_a_cancelled_event_says_so_and_takes_no_more_places(client):
    community = CommunityFactory()
    event = make_event(community)
    event_cancel(event=event, by=make_moderator(community))
    client.force_login(make_verified_user())
    page = client.get(event.get_absolute_url())
    assert "This event is cancelled." in page.text
    assert "Sign up" not in page.text
    with pytest.raises(ValidationError):
        signup_create(event=event, person=make_verified_user())


@pytest.mark.django_db
def test_your_events_lists_what_you_signed_up_for_and_only_what_you_may_still_read(client):
    secret = CommunityFactory(name="Inner circle", visibility=Community.Visibility.MEMBERS)
    person = make_member(secret, make_verified_user())
    sign_up(make_event(CommunityFactory(), title="Open meeting"), person)
    sign_up(make_event(secret, title="Circle meeting"), person)
    make_event(CommunityFactory(), title="Someone else's meeting")
    client.force_login(person)
    page = client.get(reverse("community:your_events"))
    assert "Open meeting" in page.text and "Circle meeting" in page.text
    assert "Someone else's meeting" not in page.text
    secret.memberships.filter(user=person).delete()
    page = client.get(reverse("community:your_events"))
    assert "Open meeting" in page.text and "Circle meeting" not in page.text


@pytest.mark.django_db
def test_the_community_page_lists_upcoming_events_in_a_bounded_number_of_queries(
    client, django_assert_max_num_queries
):
    community = CommunityFactory()
    make_event(community, title="Event 0", capacity=5)
    client.force_login(make_verified_user())
    with django_assert_max_num_queries(100) as one:
        client.get(community.get_absolute_url())
    for number in range(1, 8):
        sign_up(make_event(community, title=f"Event {number}", capacity=5))
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get(community.get_absolute_url())
    assert "Event 7" in page.text and "4 places left" in page.text


@pytest.mark.django_db
def test_your_events_asks_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    person = make_verified_user()
    sign_up(make_event(CommunityFactory(), capacity=5), person)
    client.force_login(person)
    with django_assert_max_num_queries(100) as one:
        client.get(reverse("community:your_events"))
    for _ in range(6):
        sign_up(make_event(CommunityFactory(), capacity=5), person)
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get(reverse("community:your_events"))
    assert page.text.count("places left") == 7


@pytest.mark.django_db
def test_a_moderator_changes_an_event_from_a_form_that_shows_it_in_uk_time(client):
    community = CommunityFactory()
    event = make_event(community, starts_at=_utc(2027, 7, 13, 13), ends_at=_utc(2027, 7, 13, 14))
    client.force_login(make_moderator(community))
    edit = reverse("community:event_edit", args=[community.slug, event.pk])
    form = client.get(edit)
    assert 'value="14:00"' in form.text and 'value="15:00"' in form.text
    answer = client.post(
        edit,
        {
            "title": "Moved meeting",
            "date_day": "14",
            "date_month": "7",
            "date_year": "2027",
            "start_time": "10am",
            "end_time": "midday",
            "place": "Committee Room A",
        },
    )
    assert answer.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.starts_at) == ("Moved meeting", _utc(2027, 7, 14, 9))


@pytest.mark.django_db
def test_only_a_moderator_cancels_an_event_from_its_page(client):
    community = CommunityFactory()
    event = make_event(community)
    cancel = reverse("community:event_cancel", args=[community.slug, event.pk])
    client.force_login(make_member(community, make_verified_user()))
    assert client.post(cancel).status_code == 403
    client.force_login(make_moderator(community))
    assert client.post(cancel).status_code == 302
    event.refresh_from_db()
    assert event.is_cancelled
