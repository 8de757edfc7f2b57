"""The demo of moderation that scales: an auto-hidden reply waiting in the demo moderator's queue
and people at every trust level, one set by hand."""

from django.core.management import call_command
from django.test import override_settings

from community.demo_moderation import SPAM
from community.models import ContentStatus, Flag, ModerationAction, Post, TrustLevel, User
from community.selectors.moderation import moderation_queue_for

PASSWORD = "demo-pass-1234"


def _load() -> None:
    with override_settings(DEBUG=True):
        call_command("load_demo", verbosity=0, stdout=None)
        call_command("load_community_demo", password=PASSWORD, stdout=None)


def test_the_demo_moderator_finds_a_reply_hidden_automatically_and_people_at_every_level(db):
    _load()

    moderator = User.objects.get(username="moderator")
    [item] = [item for item in moderation_queue_for(moderator).flagged if item.auto_hide]
    assert item.content.body_markdown == SPAM
    assert item.content.status == ContentStatus.HIDDEN
    assert item.auto_hide.note == "Hidden automatically after 3 reports"
    reporters = {person.username for person in item.reporters}
    assert reporters == {"citizen", "lena-marsh", "jo-whitaker"}
    levels = set(User.objects.values_list("trust_level", flat=True))
    assert levels == {TrustLevel.NEW, TrustLevel.BASIC, TrustLevel.TRUSTED}
    lena = User.objects.get(username="lena-marsh")
    assert (lena.trust_level, lena.trust_level_by_hand) == (TrustLevel.TRUSTED, True)

    counts = (Post.objects.count(), Flag.objects.count(), ModerationAction.objects.count())
    _load()
    assert (Post.objects.count(), Flag.objects.count(), ModerationAction.objects.count()) == counts
