"""Every role against every community action: who may read, post, edit, moderate, respond to a
story, express interest and change or read due-diligence profiles, with members-only content
invisible to everyone outside.

A refusal is judged by its effect (nothing changed) and its answer (sign in, 403 or 404), never a
500. The expected table is written out in full so a change to any rule shows up here.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from community.models import (
    CaseStudyAnswer,
    CaseStudyQuestion,
    Community,
    ContentStatus,
    Flag,
    Interest,
    Post,
    StoryChange,
    StoryResponse,
    StoryWeight,
    Thread,
    TrustLevel,
)
from community.services.invitations import invitation_send
from community.services.moderation import flag_create
from knowledge.models import CaseStudyContact, ReadinessProfile
from knowledge.services import library_ensure
from tests.factories import (
    CommunityFactory,
    ListingFactory,
    OrganisationFactory,
    ProfileContractFactory,
    ReadinessProfileFactory,
    ServiceAreaFactory,
    SharedServiceFactory,
    UserFactory,
    make_case_study,
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

# Who may do each thing; everyone else is refused.
ALLOWED = {
    "read members-only thread": {"member", "moderator", "editor"},
    "see members-only thread titles": {"member", "moderator", "editor"},
    "find members-only thread by search": {"member", "moderator", "editor"},
    "reply in members-only thread": {"member", "moderator", "editor"},
    "start members-only thread": {"member", "moderator", "editor"},
    "edit someone else's reply": set(),
    "pin a thread": {"moderator", "editor"},
    "open the moderation queue": {"moderator", "editor"},
    "respond to a story": {"officer"},
    "express interest in a listing": {"officer"},
    "change own organisation's due-diligence profile": {"officer", "editor"},
    "see members-only profile contracts": {"officer", "editor"},
    # --- #17 story loops (items 1 and 2) ---
    "add weight to a story": {"citizen", "officer", "member", "moderator", "editor"},
    "mark a change made": {"officer"},
    # --- end #17 story loops ---
    # --- moderation that scales (issue #17 part 3) ---
    # A trust level lets posts skip the queue in every community, so only editors, whose remit is
    # the whole site, set one; a community moderator's stops at their own communities.
    "set someone's trust level": {"editor"},
    "restore auto-hidden content": {"moderator", "editor"},
    "see the moderation record": {"moderator", "editor"},
    # --- end moderation that scales ---
    # --- the partners' content API (#17 item 7): hidden content reaches nobody through it ---
    "see an unpublished story through the API": set(),
    # The content endpoints ignore the session: members see there only what everyone sees.
    # (The search API answers as the signed-in person: the "find ... by search" row above.)
    "see a members-only thread through the content API": set(),
    "see a draft or password-protected case study through the API": set(),
    # --- end of the content API's rows ---
    # --- private communities (#17 item 4): outsiders get 404, never 403 ---
    "see a private community exists": {"member", "moderator", "editor"},
    "read a private thread": {"member", "moderator", "editor"},
    # Anyone signed in with a confirmed copy of the invited address (here, each role's own).
    "accept an invitation": {"citizen", "officer", "member", "moderator", "editor"},
    # --- end private communities ---
    # --- the embeddable widget (#17 item 8): it reads only the public API, for everyone ---
    "make a widget snippet": {
        "anonymous",
        "unverified",
        "citizen",
        "officer",
        "member",
        "moderator",
        "editor",
    },
    "see a draft or private case study through the widget or its tag choices": set(),
    # --- end of the widget's rows ---
    # --- events (#17 item 5): as readable as their community; outsiders get 404 ---
    "create an event": {"moderator", "editor"},
    "sign up for a members-only event": {"member", "moderator", "editor"},
    "read a private community's event feed": {"member", "moderator", "editor"},
    # --- end events ---
    # --- ask the author (#17 item 6) ---
    "ask the authors a question": {"citizen", "officer", "member", "moderator", "editor"},
    # The world's community covers no service area, so its moderator moderates no case study.
    "publish an answer": {"editor"},
    "see an unpublished answer on the case study": set(),
    # --- end ask the author ---
}
# Actions that answer 200 either way: what they show is the test.
LISTINGS = {
    "see members-only thread titles",
    "find members-only thread by search",
    "see members-only profile contracts",
    "see an unpublished story through the API",
    "see a members-only thread through the content API",
    "see a draft or password-protected case study through the API",
    "see a draft or private case study through the widget or its tag choices",  # widget
    "see an unpublished answer on the case study",
}


@dataclass
class World:
    community: Community
    thread: Thread
    reply: Post
    story: object
    listing: object
    profile: ReadinessProfile
    people: dict


@pytest.fixture
def world(db) -> World:
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


CONTENT_ENDPOINTS = (
    "/api/v1/case-studies/",
    "/api/v1/resources/",
    "/api/v1/organisations/",
    "/api/v1/shared-services/",
    "/api/v1/stories/",
)


def act(client, world: World, action: str):
    """Try the action; returns (response, whether it took effect)."""
    thread, community = world.thread, world.community
    thread_kwargs = {"slug": community.slug, "thread_id": thread.pk}
    if action == "read members-only thread":
        response = client.get(thread.get_absolute_url())
        return response, response.status_code == 200 and "Our secret reply" in response.text
    if action == "see members-only thread titles":
        pages = [reverse("community:communities"), community.get_absolute_url()]
        responses = [client.get(page) for page in pages]
        seen = any("Secret data centre plans" in r.text for r in responses)
        return responses[-1], seen
    if action == "find members-only thread by search":
        query = {"q": "secret data centre"}  # not the whole title: the page repeats the query
        page = client.get(reverse("search:page"), query)
        api = client.get(reverse("search:api"), query)
        titles = [result["title"] for result in api.json()["results"]]
        seen = "Secret data centre plans" in page.text or "Secret data centre plans" in titles
        return page, seen
    if action == "reply in members-only thread":
        before = Post.objects.count()
        response = client.post(
            reverse("community:thread_reply", kwargs=thread_kwargs), {"body": "Me too"}
        )
        return response, Post.objects.count() == before + 1
    if action == "start members-only thread":
        before = Thread.objects.count()
        response = client.post(
            reverse("community:thread_new", kwargs={"slug": community.slug}),
            {"title": "A new question", "body": "What did you pay?", "tags": ""},
        )
        return response, Thread.objects.count() == before + 1
    if action == "edit someone else's reply":
        response = client.post(
            reverse("community:post_edit", kwargs={**thread_kwargs, "post_id": world.reply.pk}),
            {"body": "Rewritten"},
        )
        world.reply.refresh_from_db()
        return response, world.reply.body_markdown == "Rewritten"
    if action == "pin a thread":
        response = client.post(
            reverse("community:thread_pin", kwargs=thread_kwargs), {"value": "on"}
        )
        thread.refresh_from_db()
        return response, thread.is_pinned
    if action == "open the moderation queue":
        response = client.get(reverse("community:moderation_queue"))
        return response, response.status_code == 200
    if action == "respond to a story":
        response = client.post(
            reverse("community:story_respond", kwargs={"story_id": world.story.pk}),
            {"body": "Thank you for telling us."},
        )
        return response, StoryResponse.objects.filter(story=world.story).exists()
    if action == "express interest in a listing":
        response = client.post(
            reverse("community:listing_interest", kwargs={"pk": world.listing.pk}),
            {"message": "We would like to talk."},
        )
        return response, Interest.objects.filter(listing=world.listing).exists()
    if action == "change own organisation's due-diligence profile":
        organisation = world.profile.organisation
        response = client.post(
            reverse("knowledge:readiness_profile_edit", kwargs={"slug": organisation.slug}),
            {"competencies": "Changed", **EMPTY_PROFILE_ROWS},
        )
        world.profile.refresh_from_db()
        return response, world.profile.competencies == "Changed"
    if action == "see members-only profile contracts":
        organisation = world.profile.organisation
        response = client.get(
            reverse("knowledge:readiness_profile", kwargs={"slug": organisation.slug})
        )
        return response, "Secret revenues contract" in response.text
    # --- #17 story loops (items 1 and 2) ---
    if action == "add weight to a story":
        response = client.post(
            reverse("community:story_weight", kwargs={"story_id": world.story.pk})
        )
        return response, StoryWeight.objects.filter(story=world.story).exists()
    if action == "mark a change made":
        response = client.post(
            reverse("community:story_change", kwargs={"story_id": world.story.pk}),
            {
                "body": "Letters now go by email.",
                "changed_on_day": "1",
                "changed_on_month": "10",
                "changed_on_year": "2026",
            },
        )
        return response, StoryChange.objects.filter(story=world.story).exists()
    # --- end #17 story loops ---
    # --- moderation that scales (issue #17 part 3) ---
    if action == "set someone's trust level":
        person = world.people["citizen"]
        response = client.post(
            reverse("community:trust_level_edit", kwargs={"pk": person.pk}),
            {"level": TrustLevel.TRUSTED, "reason": "Helpful"},
        )
        person.refresh_from_db()
        return response, person.trust_level == TrustLevel.TRUSTED
    if action == "restore auto-hidden content":
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
    if action == "see the moderation record":
        response = client.get(reverse("community:moderation_audit"))
        return response, response.status_code == 200
    # --- end moderation that scales ---
    # --- the partners' content API (#17 item 7) ---
    if action == "see an unpublished story through the API":
        make_story(world.story.shared_service, title="Waiting story", status="pending")
        response = client.get("/api/v1/stories/")
        return response, "Waiting story" in response.text
    if action == "see a members-only thread through the content API":
        responses = [
            client.get(address, {"q": "secret data centre"}) for address in CONTENT_ENDPOINTS
        ]
        assert all(r.status_code == 200 for r in responses), [r.status_code for r in responses]
        return responses[0], any("Secret data centre" in r.text for r in responses)
    if action == "see a draft or password-protected case study through the API":
        case_studies = library_ensure().case_studies
        make_case_study(case_studies, title="Draft merger plan", live=False)
        private = make_case_study(case_studies, title="Councillors' merger plan")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="councillors"
        )
        response = client.get("/api/v1/case-studies/")
        assert response.status_code == 200
        return response, "merger plan" in response.text
    # --- end of the content API's actions ---
    # --- the embeddable widget (#17 item 8) ---
    if action == "make a widget snippet":
        ServiceAreaFactory(name="Revenues and benefits", slug="revenues-and-benefits")
        response = client.get(
            reverse("knowledge:embed"), {"service_area": "revenues-and-benefits", "limit": "5"}
        )
        return response, 'data-service-area="revenues-and-benefits"' in response.text
    if action == "see a draft or private case study through the widget or its tag choices":
        area = ServiceAreaFactory(name="Revenues and benefits", slug="revenues-and-benefits")
        case_studies = library_ensure().case_studies
        make_case_study(
            case_studies,
            title="Draft merger plan",
            live=False,
            service_areas=[area],
            tags=["draft-only-tag"],
        )
        private = make_case_study(
            case_studies,
            title="Councillors' merger plan",
            service_areas=[area],
            tags=["private-only-tag"],
        )
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="councillors"
        )
        builder = client.get(reverse("knowledge:embed"))
        # What the widget asks for (it sends no cookie; the API would ignore one anyway).
        widget = client.get("/api/v1/case-studies/", {"service_area": area.slug, "limit": "5"})
        assert builder.status_code == 200 and widget.status_code == 200
        seen = "merger plan" in widget.text or "only-tag" in builder.text
        return builder, seen
    # --- end of the widget's actions ---
    if action in PRIVATE_ACTIONS or action == INVITATION:
        return act_private(client, world, action)
    if action in EVENT_ACTIONS:
        return act_events(client, world, action)
    if action in QUESTION_ACTIONS:
        return act_question(client, action)
    raise AssertionError(action)


EMPTY_PROFILE_ROWS = {
    f"{kind}-{field}": "0"
    for kind in ("systems", "contracts", "practices")
    for field in ("TOTAL_FORMS", "INITIAL_FORMS")
}


# --- private communities (#17 item 4) ----------------------------------------------------------
PRIVATE_ACTIONS = {"see a private community exists", "read a private thread"}
INVITATION = "accept an invitation"


def private_circle(world: World) -> tuple[Community, Thread]:
    """A private community with a thread, whose member and moderator are the world's."""
    circle = CommunityFactory(name="Hidden circle", visibility=Community.Visibility.PRIVATE)
    make_member(circle, world.people["member"])
    make_moderator(circle, world.people["moderator"])
    insider = make_member(circle, make_verified_user(username="circle-insider"))
    thread = make_thread(circle, author=insider, title="Circle thread")
    make_post(thread, author=insider, body_markdown="Said only in the circle")
    return circle, thread


def act_private(client, world: World, action: str):
    circle, thread = private_circle(world)
    if action == "see a private community exists":
        listed = "Hidden circle" in client.get(reverse("community:communities")).text
        page = client.get(circle.get_absolute_url())
        return page, listed or page.status_code == 200
    if action == "read a private thread":
        response = client.get(thread.get_absolute_url())
        return response, response.status_code == 200 and "Said only in the circle" in response.text
    if action == INVITATION:
        person = world.people[action_role(world, client)]
        invitation = invitation_send(
            moderator=make_moderator(circle),
            community=circle,
            email=person.email if person else "nobody@example.org",
        )
        response = client.post(invitation.get_absolute_url())
        invitation.refresh_from_db()
        return response, invitation.accepted_at is not None
    raise AssertionError(action)


def action_role(world: World, client) -> str:
    """Which of the world's people the client is signed in as."""
    signed_in = client.session.get("_auth_user_id")
    for role, person in world.people.items():
        if person is not None and str(person.pk) == str(signed_in):
            return role
    return "anonymous"


# --- end private communities -------------------------------------------------------------------


# --- events (#17 item 5) ----------------------------------------------------------------------
EVENT_ACTIONS = {
    "create an event",
    "sign up for a members-only event",
    "read a private community's event feed",
}


def act_events(client, world: World, action: str):
    from community.models import Event, EventSignup
    from tests.factories import make_event

    community = world.community
    if action == "create an event":
        response = client.post(
            reverse("community:event_new", kwargs={"slug": community.slug}),
            {
                "title": "Members' meeting",
                "date_day": "12",
                "date_month": "1",
                "date_year": "2030",
                "start_time": "2pm",
                "end_time": "3:30pm",
                "place": "Town Hall",
            },
        )
        return response, Event.objects.filter(title="Members' meeting").exists()
    if action == "sign up for a members-only event":
        event = make_event(community, title="Members' meeting")
        response = client.post(
            reverse("community:event_signup", kwargs={"slug": community.slug, "event_id": event.pk})
        )
        return response, EventSignup.objects.filter(event=event).exists()
    if action == "read a private community's event feed":
        circle, _thread = private_circle(world)
        make_event(circle, title="Circle meeting")
        response = client.get(
            reverse("community:community_event_feed", kwargs={"slug": circle.slug})
        )
        if action_role(world, client) not in ALLOWED[action]:
            assert response.status_code == 404, response.status_code  # a 403 would say it exists
        return response, response.status_code == 200 and b"Circle meeting" in response.content
    raise AssertionError(action)


# --- end events --------------------------------------------------------------------------------


# --- ask the author (#17 item 6) ---------------------------------------------------------------
QUESTION_ACTIONS = {
    "ask the authors a question",
    "publish an answer",
    "see an unpublished answer on the case study",
}


def act_question(client, action: str):
    page = make_case_study(library_ensure().case_studies, title="Shared waste depots")
    CaseStudyContact.objects.create(page=page, name="Dana Ode", email="dana@northshire.gov.uk")
    if action == "ask the authors a question":
        url = reverse("community:question_ask", kwargs={"page_id": page.pk})
        response = client.post(url, {"body": "How did you split the costs?"})
        return response, CaseStudyQuestion.objects.filter(page=page).exists()
    question = CaseStudyQuestion.objects.create(
        page=page, asker=make_verified_user(), body="How did you split the costs?"
    )
    answer = CaseStudyAnswer.objects.create(
        question=question,
        contact_name="Dana Ode",
        contact_email="dana@northshire.gov.uk",
        body="By tonnage, reviewed each year.",
    )
    if action == "publish an answer":
        where = {"content_type": "answer", "pk": answer.pk}
        response = client.post(
            reverse("community:moderation_act", kwargs=where), {"action": "approve"}
        )
        answer.refresh_from_db()
        return response, answer.status == ContentStatus.VISIBLE
    if action == "see an unpublished answer on the case study":
        response = client.get(page.url)
        return response, "By tonnage" in response.text or "split the costs" in response.text
    raise AssertionError(action)


# --- end ask the author ------------------------------------------------------------------------


def index_for_search(request, world: World) -> None:
    """Put the members-only thread into the real search index (the `es` fixture removes it)."""
    from search.indexes import ensure_index
    from search.indexing import sync_documents
    from search.sources import source_for_model

    es = request.getfixturevalue("es")
    ensure_index(es)
    source = source_for_model(Thread)
    report = sync_documents(source.kind, [source.key_of(world.thread)], client=es)
    assert not report.failed, report.failed
    es.indices.refresh(index="_all")


SEARCHED = {
    "find members-only thread by search",
    "see a members-only thread through the content API",
    "see a draft or password-protected case study through the API",
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ALLOWED))
def test_permission_matrix(client, world, role, action, request):
    if action in SEARCHED:
        index_for_search(request, world)
    person = world.people[role]
    if person is not None:
        client.force_login(person)

    response, took_effect = act(client, world, action)

    allowed = role in ALLOWED[action]
    assert response.status_code < 500
    assert took_effect is allowed, f"{role} {'could not' if allowed else 'could'} {action}"
    if not allowed and action in PRIVATE_ACTIONS:
        assert response.status_code == 404, response.status_code  # a 403 would say it exists
    if not allowed and role == "anonymous" and response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
    elif not allowed and action not in LISTINGS:
        assert response.status_code in (302, 400, 403, 404), response.status_code
