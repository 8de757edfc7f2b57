"""Emails about events: one reminder a day before, however often the job runs; one message when
an event is cancelled; none for people who stopped them or can no longer read the community."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from community.models import Community, EventEmail, Notification
from community.services.events import event_cancel
from tests.factories import (
    CommunityFactory,
    UserFactory,
    make_event,
    make_member,
    make_moderator,
    make_verified_user,
    sign_up,
)


@pytest.mark.django_db
def test_the_reminder_goes_once_to_each_person_about_a_day_before():
    soon = make_event(
        CommunityFactory(), title="Tomorrow's meeting", starts_in=datetime.timedelta(hours=20)
    )
    later = make_event(CommunityFactory(), title="Next week's meeting")
    person = sign_up(soon)
    sign_up(later, person)

    call_command("send_event_reminders")
    call_command("send_event_reminders")

    assert [m.subject for m in mail.outbox] == ["Reminder: Tomorrow's meeting"]
    assert mail.outbox[0].to == [person.email]
    assert "(UK time)" in mail.outbox[0].body
    assert soon.get_absolute_url() in mail.outbox[0].body
    assert EventEmail.objects.filter(kind=EventEmail.Kind.REMINDER).count() == 1


@pytest.mark.django_db
def test_no_reminder_for_people_who_stopped_event_emails_or_left_a_members_only_community():
    secret = CommunityFactory(visibility=Community.Visibility.MEMBERS)
    event = make_event(secret, starts_in=datetime.timedelta(hours=3))
    stopped = make_member(secret, make_verified_user(email_about_events=False))
    left = make_verified_user()
    unverified = make_member(secret, UserFactory())
    staying = make_member(secret, make_verified_user())
    for person in (stopped, left, unverified, staying):
        sign_up(event, person)

    call_command("send_event_reminders")

    assert [m.to for m in mail.outbox] == [[staying.email]]


@pytest.mark.django_db
def test_a_cancelled_event_gets_no_reminder():
    community = CommunityFactory()
    event = make_event(community, starts_in=datetime.timedelta(hours=3))
    sign_up(event)
    event_cancel(event=event, by=make_moderator(community))
    mail.outbox.clear()
    call_command("send_event_reminders")
    assert mail.outbox == []


@pytest.mark.django_db
def test_cancelling_tells_each_person_with_a_place_once(django_capture_on_commit_callbacks):
    community = CommunityFactory()
    event = make_event(community, title="Summer meeting")
    moderator = make_moderator(community)
    person = sign_up(event)
    stopped = sign_up(event, make_verified_user(email_about_events=False))

    with django_capture_on_commit_callbacks(execute=True):
        event_cancel(event=event, by=moderator)
    with django_capture_on_commit_callbacks(execute=True):
        event_cancel(event=event, by=moderator)

    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("Cancelled: Summer meeting", [person.email])
    ]
    # Everyone with a place sees it on the site, emails or not.
    assert Notification.objects.filter(user__in=[person, stopped]).count() == 2


@pytest.mark.django_db
def test_the_notification_settings_turn_event_emails_off(client):
    person = make_verified_user()
    client.force_login(person)
    page = client.get(reverse("community:notification_settings"))
    assert "Email me about events I signed up for" in page.text
    client.post(reverse("community:notification_settings"), {"watch_participated": "on"})
    person.refresh_from_db()
    assert person.email_about_events is False
