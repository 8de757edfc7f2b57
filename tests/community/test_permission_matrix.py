"""Every role against every community action: who may read, post, edit, moderate, respond to a
story, express interest and change or read due-diligence profiles, with members-only content
invisible to everyone outside.

A refusal is judged by its effect (nothing changed) and its answer (sign in, 403 or 404), never a
500. The expected table is written out in full so a change to any rule shows up here.
"""

import pytest
from django.test import Client

from tests.community.permission_matrix import (
    content_api,
    discussions,
    events,
    moderation,
    private_communities,
    profiles,
    questions,
    stories,
)
from tests.community.permission_matrix.world import (
    ROLES,
    Action,
    World,
    build_world,
    index_for_search,
)

# Who may do each thing; everyone else is refused.
ALLOWED = {
    # Members-only discussions
    "read members-only thread": {"member", "moderator", "editor"},
    "see members-only thread titles": {"member", "moderator", "editor"},
    "find members-only thread by search": {"member", "moderator", "editor"},
    "reply in members-only thread": {"member", "moderator", "editor"},
    "start members-only thread": {"member", "moderator", "editor"},
    "edit someone else's reply": set(),
    # Moderation
    "pin a thread": {"moderator", "editor"},
    "open the moderation queue": {"moderator", "editor"},
    # A trust level lets posts skip the queue in every community, so only editors, whose remit is
    # the whole site, set one; a community moderator's stops at their own communities.
    "set someone's trust level": {"editor"},
    "restore auto-hidden content": {"moderator", "editor"},
    "see the moderation record": {"moderator", "editor"},
    # Stories and listings
    "respond to a story": {"officer"},
    "add weight to a story": {"citizen", "officer", "member", "moderator", "editor"},
    "mark a change made": {"officer"},
    "express interest in a listing": {"officer"},
    # Due-diligence profiles
    "change own organisation's due-diligence profile": {"officer", "editor"},
    "see members-only profile contracts": {"officer", "editor"},
    # The partners' content API: hidden content reaches nobody through it.
    "see an unpublished story through the API": set(),
    # The content endpoints ignore the session: members see there only what everyone sees.
    # (The search API answers as the signed-in person: the "find ... by search" row above.)
    "see a members-only thread through the content API": set(),
    "see a draft or password-protected case study through the API": set(),
    # The embeddable widget: it reads only the public API, for everyone.
    "make a widget snippet": set(ROLES),
    "see a draft or private case study through the widget or its tag choices": set(),
    # Private communities: outsiders get 404, never 403.
    "see a private community exists": {"member", "moderator", "editor"},
    "read a private thread": {"member", "moderator", "editor"},
    # Anyone signed in with a confirmed copy of the invited address (here, each role's own).
    "accept an invitation": {"citizen", "officer", "member", "moderator", "editor"},
    # Events: as readable as their community; outsiders get 404.
    "create an event": {"moderator", "editor"},
    "sign up for a members-only event": {"member", "moderator", "editor"},
    "read a private community's event feed": {"member", "moderator", "editor"},
    # Ask the author
    "ask the authors a question": {"citizen", "officer", "member", "moderator", "editor"},
    # The world's community covers no service area, so its moderator moderates no case study.
    "publish an answer": {"editor"},
    "see an unpublished answer on the case study": set(),
}

# How each action is tried: tests/community/permission_matrix/, one module per subject.
SUBJECTS = (
    discussions,
    moderation,
    stories,
    profiles,
    content_api,
    private_communities,
    events,
    questions,
)
ACTIONS: dict[str, Action] = {}
for subject in SUBJECTS:
    if twice := ACTIONS.keys() & subject.ACTIONS.keys():
        raise AssertionError(f"{subject.__name__} tries again: {sorted(twice)}")
    ACTIONS.update(subject.ACTIONS)
if ACTIONS.keys() != ALLOWED.keys():
    raise AssertionError(
        f"untried rows: {sorted(ALLOWED.keys() - ACTIONS.keys())}; "
        f"tried but not in the table: {sorted(ACTIONS.keys() - ALLOWED.keys())}"
    )

# Actions that answer 200 either way: what they show is the test.
LISTINGS = discussions.LISTINGS | profiles.LISTINGS | content_api.LISTINGS | questions.LISTINGS
# Actions that need the members-only thread in the real search index.
SEARCHED = discussions.SEARCHED | content_api.SEARCHED
# Actions refused with 404, never 403: a 403 would say the private community exists.
NOT_FOUND_WHEN_REFUSED = private_communities.NOT_FOUND_WHEN_REFUSED | events.NOT_FOUND_WHEN_REFUSED


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ALLOWED))
def test_permission_matrix(
    client: Client, world: World, role: str, action: str, request: pytest.FixtureRequest
) -> None:
    if action in SEARCHED:
        index_for_search(request, world)
    person = world.people[role]
    if person is not None:
        client.force_login(person)

    response, took_effect = ACTIONS[action](client, world)

    allowed = role in ALLOWED[action]
    assert response.status_code < 500
    assert took_effect is allowed, f"{role} {'could not' if allowed else 'could'} {action}"
    if not allowed and action in NOT_FOUND_WHEN_REFUSED:
        assert response.status_code == 404, response.status_code  # a 403 would say it exists
    if not allowed and role == "anonymous" and response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
    elif not allowed and action not in LISTINGS:
        assert response.status_code in (302, 400, 403, 404), response.status_code
