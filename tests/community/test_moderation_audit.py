"""One audited moderation path: every action leaves one row, with a named action and the note."""

from importlib import import_module

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.models import ContentStatus, Listing, ModerationAction, Notification, Watch
from community.services.audit import audit_record
from community.services.brokerage import listing_close
from community.services.moderation import moderation_act
from community.services.watches import watch_start
from tests.factories import (
    CommunityFactory,
    ListingFactory,
    OrganisationFactory,
    make_member,
    make_moderator,
    make_officer,
    make_post,
    make_thread,
    make_verified_user,
)


@pytest.fixture
def waste(db):
    return CommunityFactory(name="Waste partnerships")


@pytest.fixture
def moderator(waste):
    return make_moderator(waste)


def audit_of(content) -> list[tuple[str, str]]:
    return [
        (row.action, row.note)
        for row in ModerationAction.objects.filter(object_id=content.pk).order_by("pk")
        if row.content == content
    ]


def test_the_moderators_note_is_kept_when_a_reply_is_approved(waste, moderator):
    post = make_post(make_thread(waste), status=ContentStatus.PENDING)

    moderation_act(moderator=moderator, content=post, action="approve", note="Fine on a re-read")

    assert audit_of(post) == [("approve", "Fine on a re-read")]


def test_the_moderators_note_is_kept_when_a_thread_is_locked(waste, moderator):
    thread = make_thread(waste)

    moderation_act(moderator=moderator, content=thread, action="lock", note="Going in circles")

    assert audit_of(thread) == [("lock", "Going in circles")]


def test_approving_a_reply_tells_the_watchers_once(waste, moderator):
    thread = make_thread(waste)
    watcher = make_member(waste, make_verified_user())
    watch_start(user=watcher, target=thread, frequency=Watch.Frequency.SITE_ONLY)
    post = make_post(thread, status=ContentStatus.PENDING)

    with CaptureQueriesContext(connection) as queries:
        moderation_act(moderator=moderator, content=post, action="approve")

    # Telling them twice was harmless (the second call found the notifications already made)
    # but did the work twice, inside the moderator's transaction.
    notification_reads = [q for q in queries if 'FROM "community_notification"' in q["sql"]]
    assert len(notification_reads) == 1
    assert Notification.objects.filter(user=watcher).count() == 1


def test_the_audit_trail_only_takes_named_actions(waste, moderator):
    row = ModerationAction(actor=moderator, action="did something", content=waste)

    with pytest.raises(ValidationError) as caught:
        row.full_clean()

    assert "action" in caught.value.message_dict
    assert ModerationAction.Action.DISMISS_FLAGS == "dismiss_flags"


def test_every_queue_action_is_written_as_a_named_action(waste, moderator):
    thread = make_thread(waste)

    for action in ("hide", "restore", "remove", "restore", "lock", "dismiss"):
        moderation_act(moderator=moderator, content=thread, action=action)

    assert {action for action, _ in audit_of(thread)} <= set(ModerationAction.Action.values)


# --- listings closed by their own organisation ------------------------------------------------


def test_a_listing_its_organisation_closes_is_closed_not_removed(db):
    organisation = OrganisationFactory()
    listing = ListingFactory(organisation=organisation, status=ContentStatus.VISIBLE)

    listing_close(user=make_officer(organisation), listing=listing)

    listing.refresh_from_db()
    assert listing.status == Listing.Status.CLOSED
    assert listing.get_status_display() == "Closed by its organisation"


def test_a_closed_listing_is_no_business_of_the_moderators(db):
    editor = make_verified_user()
    editor.groups.add(Group.objects.get(name="Moderators"))
    listing = ListingFactory(status=Listing.Status.CLOSED)

    with pytest.raises(ValidationError):
        moderation_act(moderator=editor, content=listing, action="restore")

    listing.refresh_from_db()
    assert listing.status == Listing.Status.CLOSED


def test_the_migration_tells_closed_listings_from_removed_ones_by_the_audit_trail(db):
    from django.apps import apps

    split = import_module("community.migrations.0006_listing_closed_status").removed_listings_split
    editor = make_verified_user()
    closed = ListingFactory(status=ContentStatus.REMOVED)
    removed = ListingFactory(status=ContentStatus.REMOVED)
    audit_record(actor=editor, content=removed, action=ModerationAction.Action.REMOVE)
    hidden = ListingFactory(status=ContentStatus.HIDDEN)

    split(apps, None)

    statuses = dict(Listing.objects.values_list("pk", "status"))
    assert statuses == {closed.pk: "closed", removed.pk: "removed", hidden.pk: "hidden"}
