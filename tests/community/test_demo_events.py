"""The demo's events (#17 item 5): upcoming, one online, one members-only, with people signed
up; the demo citizen has a place to take, and nobody outside sees the members-only one."""

from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from community.models import Community, Event, EventSignup, User

PASSWORD = "demo-pass-1234"


def _load() -> None:
    with override_settings(DEBUG=True):
        call_command("load_demo", verbosity=0, stdout=None)
        call_command("load_community_demo", password=PASSWORD, stdout=None)


def test_the_demo_has_upcoming_events_with_places_taken_and_a_members_only_one(db, client):
    _load()

    events = Event.objects.all()
    assert 2 <= events.count() <= 3
    assert all(event.starts_at > timezone.now() for event in events)
    assert events.filter(place="").exclude(online_link="").exists()  # a webinar
    assert all(event.signups.exists() for event in events)
    inner = events.get(community__visibility=Community.Visibility.MEMBERS)
    citizen = User.objects.get(username="citizen")
    assert not EventSignup.objects.filter(person=citizen).exists()

    client.force_login(citizen)
    assert client.get(inner.get_absolute_url()).status_code == 404
    public = events.exclude(pk=inner.pk).first()
    assert escape(public.title) in client.get(public.community.get_absolute_url()).text
    assert client.get(reverse("community:your_events")).status_code == 200

    counts = (Event.objects.count(), EventSignup.objects.count())
    _load()
    assert (Event.objects.count(), EventSignup.objects.count()) == counts
