"""The world every row of the permission matrix is tried in: a members-only community with a
thread and a reply, a story, a listing, a due-diligence profile, and one person for each role."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.http import HttpResponse
from django.test import Client

from community.models import Community, Listing, Post, Story, Thread, User
from knowledge.models import ReadinessProfile
from search.indexes import ensure_index
from search.indexing import sync_documents
from search.sources import source_for_model
from tests.factories import (
    CommunityFactory,
    ListingFactory,
    OrganisationFactory,
    ProfileContractFactory,
    ReadinessProfileFactory,
    SharedServiceFactory,
    UserFactory,
    make_member,
    make_moderator,
    make_officer,
    make_post,
    make_story,
    make_thread,
    make_verified_user,
)

ROLES = [
    "anonymous",
    "unverified",
    "citizen",
    "officer",
    "member",
    "moderator",
    "editor",
]


@dataclass
class World:
    community: Community
    thread: Thread
    reply: Post
    story: Story
    listing: Listing
    profile: ReadinessProfile
    people: dict[str, User | None]


# What trying an action gives back: the last response and whether the action took effect.
Outcome = tuple[HttpResponse, bool]
Action = Callable[[Client, World], Outcome]


def build_world() -> World:
    provider = OrganisationFactory(name="Northshire County Council")
    other = OrganisationFactory(name="Eastvale District Council")
    community = CommunityFactory(
        name="Shared ICT leaders",
        visibility=Community.Visibility.MEMBERS,
        join_policy=Community.JoinPolicy.APPROVAL,
    )
    insider = make_member(community, make_verified_user(username="insider", trusted_poster=True))
    thread = make_thread(community, author=insider, title="Secret data centre plans")
    reply = make_post(thread, author=insider, body_markdown="Our secret reply")
    service = SharedServiceFactory(lead_organisation=provider)
    story = make_story(service)
    listing = ListingFactory(organisation=other, title="Payroll partner wanted")
    profile = ReadinessProfileFactory(organisation=provider, contracts_members_only=True)
    ProfileContractFactory(profile=profile, description="Secret revenues contract")
    editor = make_verified_user(username="editor", trusted_poster=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    people = {
        "anonymous": None,
        "unverified": UserFactory(username="unverified"),
        "citizen": make_verified_user(username="citizen", trusted_poster=True),
        "officer": make_officer(provider, username="officer", trusted_poster=True),
        "member": make_member(
            community, make_verified_user(username="member", trusted_poster=True)
        ),
        "moderator": make_moderator(
            community, make_verified_user(username="moderator", trusted_poster=True)
        ),
        "editor": editor,
    }
    return World(community, thread, reply, story, listing, profile, people)


def action_role(world: World, client: Client) -> str:
    """Which of the world's people the client is signed in as."""
    signed_in = client.session.get("_auth_user_id")
    for role, person in world.people.items():
        if person is not None and str(person.pk) == str(signed_in):
            return role
    return "anonymous"


def index_for_search(request: pytest.FixtureRequest, world: World) -> None:
    """Put the members-only thread into the real search index (the `es` fixture removes it)."""
    es = request.getfixturevalue("es")
    ensure_index(es)
    source = source_for_model(Thread)
    report = sync_documents(source.kind, [source.key_of(world.thread)], client=es)
    assert not report.failed, report.failed
    es.indices.refresh(index="_all")
