"""Moderation: pinning, the queue, trust levels, restoring auto-hidden content and the record."""

from django.test import Client
from django.urls import reverse

from community.models import ContentStatus, Flag, TrustLevel
from community.services.moderation import flag_create
from tests.community.permission_matrix.world import Action, Outcome, World
from tests.factories import make_member, make_verified_user


def pin_thread(client: Client, world: World) -> Outcome:
    thread = world.thread
    response = client.post(
        reverse(
            "community:thread_pin",
            kwargs={"slug": world.community.slug, "thread_id": thread.pk},
        ),
        {"value": "on"},
    )
    thread.refresh_from_db()
    return response, thread.is_pinned


def open_moderation_queue(client: Client, world: World) -> Outcome:
    response = client.get(reverse("community:moderation_queue"))
    return response, response.status_code == 200


def set_trust_level(client: Client, world: World) -> Outcome:
    person = world.people["citizen"]
    response = client.post(
        reverse("community:trust_level_edit", kwargs={"pk": person.pk}),
        {"level": TrustLevel.TRUSTED, "reason": "Helpful"},
    )
    person.refresh_from_db()
    return response, person.trust_level == TrustLevel.TRUSTED


def restore_auto_hidden(client: Client, world: World) -> Outcome:
    for name in ("first", "second", "third"):
        reporter = make_member(world.community, make_verified_user(username=f"{name}-reporter"))
        flag_create(reporter=reporter, content=world.reply, reason=Flag.Reason.SPAM)
    world.reply.refresh_from_db()
    assert world.reply.status == ContentStatus.HIDDEN
    where = {"content_type": "post", "pk": world.reply.pk}
    url = reverse("community:moderation_act", kwargs=where)
    response = client.post(url, {"action": "restore"})
    world.reply.refresh_from_db()
    return response, world.reply.status == ContentStatus.VISIBLE


def see_moderation_record(client: Client, world: World) -> Outcome:
    response = client.get(reverse("community:moderation_audit"))
    return response, response.status_code == 200


ACTIONS: dict[str, Action] = {
    "pin a thread": pin_thread,
    "open the moderation queue": open_moderation_queue,
    "set someone's trust level": set_trust_level,
    "restore auto-hidden content": restore_auto_hidden,
    "see the moderation record": see_moderation_record,
}
