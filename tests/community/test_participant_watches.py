"""People who start or reply to a thread hear about its replies, as on Discourse, unless they turn
"Watch threads I start or reply to" off in their notification settings."""

import pytest
from django.urls import reverse

from community.models import ContentStatus, Notification, Watch
from community.services.discussions import content_approve, post_create, thread_create
from tests.factories import CommunityFactory, make_member, make_moderator, make_verified_user

SETTINGS_URL = reverse("community:notification_settings")


@pytest.fixture
def waste(db):
    return CommunityFactory(name="Waste partnerships")


def poster(community, **fields):
    """A member whose posts appear at once (a moderator has approved one before)."""
    return make_member(community, make_verified_user(trusted_poster=True, **fields))


def ask(community, author):
    return thread_create(
        community=community, author=author, title="Food waste collections", body="Weekly?", tags=[]
    )


def test_a_threads_author_is_told_on_the_site_and_by_email_when_someone_replies(
    waste, django_capture_on_commit_callbacks, mailoutbox
):
    citizen = poster(waste, email="citizen@example.org")
    officer = poster(waste, display_name="Priya (Leeds City Council)")
    thread = ask(waste, citizen)

    with django_capture_on_commit_callbacks(execute=True):
        reply = post_create(thread=thread, author=officer, body="We collect weekly.")

    notification = Notification.objects.get(user=citizen)
    assert notification.url == reply.get_absolute_url()
    assert "Priya (Leeds City Council) replied to “Food waste collections”" in notification.message
    assert [message.to for message in mailoutbox] == [["citizen@example.org"]]
    assert not Notification.objects.filter(user=officer).exists()


def test_someone_who_replied_hears_about_the_replies_after_theirs(
    waste, django_capture_on_commit_callbacks
):
    citizen, officer, neighbour = poster(waste), poster(waste), poster(waste)
    thread = ask(waste, citizen)
    post_create(thread=thread, author=officer, body="We collect weekly.")

    with django_capture_on_commit_callbacks(execute=True):
        post_create(thread=thread, author=neighbour, body="So do we.")

    notified = set(Notification.objects.values_list("user", flat=True))
    assert notified == {citizen.pk, officer.pk}


def test_a_new_members_held_thread_is_watched_so_replies_reach_them_once_approved(
    waste, django_capture_on_commit_callbacks
):
    newcomer = make_member(waste, make_verified_user())
    thread = ask(waste, newcomer)
    assert thread.status == ContentStatus.PENDING
    content_approve(moderator=make_moderator(waste), content=thread)

    with django_capture_on_commit_callbacks(execute=True):
        post_create(thread=thread, author=poster(waste), body="Welcome, and yes.")

    assert Notification.objects.filter(user=newcomer, thread=thread).count() == 1


def test_turning_the_setting_off_stops_watching_what_one_starts_or_replies_to(
    client, waste, django_capture_on_commit_callbacks, mailoutbox
):
    citizen = poster(waste)
    client.force_login(citizen)

    page = client.get(SETTINGS_URL).content.decode()
    saved = client.post(SETTINGS_URL, {}).content.decode()

    assert "Watch threads I start or reply to" in page
    assert 'name="watch_participated" type="checkbox" value="on" checked' in page
    assert "Your notification settings are saved" in saved
    citizen.refresh_from_db()
    assert citizen.watch_participated is False
    thread = ask(waste, citizen)
    post_create(thread=ask(waste, poster(waste)), author=citizen, body="Us too.")
    with django_capture_on_commit_callbacks(execute=True):
        post_create(thread=thread, author=poster(waste), body="We collect weekly.")
    assert not Watch.objects.filter(user=citizen).exists()
    assert not Notification.objects.filter(user=citizen).exists()
    assert mailoutbox == []


def test_turning_the_setting_back_on_is_remembered(client, waste):
    citizen = make_verified_user(watch_participated=False)
    client.force_login(citizen)

    client.post(SETTINGS_URL, {"watch_participated": "on"})

    citizen.refresh_from_db()
    assert citizen.watch_participated is True
