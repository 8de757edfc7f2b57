"""The community side of the demo network: people, communities, threads, stories, listings.

Written through the services so the demo obeys the same rules as real use (who may post, who may
answer a story, who may list for an organisation). Two things the services would refuse while
seeding are done afterwards on the rows themselves: timestamps are moved back over the last few
months so lists sort as they would in real life, and the seeded authors are trusted posters so
their first posts need no moderator. The rate limits (which count people, not seeds) are lifted
while seeding: a few demo people write months of content in a second.

Idempotent: everything is keyed on slugs, usernames and titles, and what exists is skipped.
Needs the knowledge demo (`manage.py load_demo`) loaded first.
"""

import datetime
import logging
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from commons.ratelimits import limits_lifted
from community import demo_data
from community.demo import demo_people_ensure, demo_person_ensure
from community.demo_events import events_demo_ensure
from community.demo_moderation import moderation_demo_ensure
from community.models import (
    CaseStudyAnswer,
    CaseStudyQuestion,
    Community,
    ContentStatus,
    Interest,
    Listing,
    Membership,
    Notification,
    Post,
    Story,
    StoryResponse,
    Thread,
    TrustLevel,
    User,
    Watch,
)
from community.services.accounts import demo_editor_ensure
from community.services.brokerage import interest_express, listing_create
from community.services.communities import membership_approve, membership_join
from community.services.discussions import (
    answer_mark,
    post_create,
    thread_create,
    thread_lock,
    thread_pin,
)
from community.services.invitations import invitation_accept, invitation_send
from community.services.moderation import moderation_act
from community.services.questions import answer_submit
from community.services.stories import story_publish, story_respond, story_submit
from community.services.story_loops import story_change_mark, story_weight_add
from community.services.watches import watch_start
from knowledge.models import CaseStudyPage, ServiceArea, SharedService

logger = logging.getLogger(__name__)

# The same account `manage.py ensure_demo_editor` makes: it publishes the demo stories.
DEMO_EDITOR = {"username": "editor", "email": "editor@commons.localhost"}
LISTING_OPEN_DAYS = 180
READ_AFTER_DAYS = 60


def _days_ago(days: int, *, hour: int = 10) -> datetime.datetime:
    moment = timezone.now() - datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=(days * 7) % 60, second=0, microsecond=0)


def communities_ensure() -> dict[str, Community]:
    """The demo communities by slug, created when missing (existing ones are left alone)."""
    communities = {}
    for spec in demo_data.COMMUNITIES:
        fields = {key: spec[key] for key in ("name", "description", "rules", "visibility")}
        community, created = Community.objects.get_or_create(
            slug=spec["slug"], defaults={**fields, "join_policy": spec["join_policy"]}
        )
        if created:
            logger.info("Created the demo community %s", community.slug)
        # Their moderators read the stories of these areas' services (the knowledge demo's).
        for area in ServiceArea.objects.filter(slug__in=spec.get("service_areas", ())):
            Community.service_areas.through.objects.get_or_create(
                community=community, servicearea=area
            )
        communities[community.slug] = community
    return communities


def people_ensure(password: str) -> dict[str, User]:
    """The role accounts and the other demo people, all trusted to post, by username."""
    people = demo_people_ensure(password)
    for person in demo_data.MORE_PEOPLE:
        people[person.username], _ = demo_person_ensure(person, password=password)
    seeded = [user.pk for name, user in people.items() if name != "unverified"]
    User.objects.filter(pk__in=seeded).update(trust_level=TrustLevel.BASIC)
    for user in people.values():
        user.refresh_from_db()
    return people


def memberships_ensure(
    communities: dict[str, Community], people: dict[str, User], moderator: User
) -> None:
    """Each community's members join as anyone would; the moderator approves those who ask."""
    for spec in demo_data.COMMUNITIES:
        community = communities[spec["slug"]]
        for username in spec["members"]:
            membership = membership_join(user=people[username], community=community)
            if membership.status == Membership.Status.PENDING:
                membership_approve(moderator=moderator, membership=membership)


def _backdate_notifications(url: str, when: datetime.datetime) -> None:
    Notification.objects.filter(url=url).update(created_at=when)


def _reply(thread: Thread, author: User, days: int, body: str) -> Post:
    post = post_create(thread=thread, author=author, body=body)
    when = _days_ago(days, hour=14)
    Post.objects.filter(pk=post.pk).update(created_at=when)
    Thread.objects.filter(pk=thread.pk).update(last_activity_at=when)
    _backdate_notifications(post.get_absolute_url(), when)
    post.created_at = when
    return post


def thread_seed(
    spec: dict[str, Any], community: Community, people: dict[str, User], moderator: User
) -> Thread | None:
    """One demo thread with its replies, answer, pin and lock. None when it already exists."""
    if Thread.objects.filter(community=community, title=spec["title"]).exists():
        return None
    author = people[spec["author"]]
    thread = thread_create(
        community=community,
        author=author,
        title=spec["title"],
        body=spec["body"],
        tags=spec.get("tags", []),
    )
    started = _days_ago(spec["days_ago"], hour=9)
    Thread.objects.filter(pk=thread.pk).update(created_at=started, last_activity_at=started)
    _backdate_notifications(thread.get_absolute_url(), started)
    replies = [
        _reply(thread, people[username], days, body) for username, days, body in spec["replies"]
    ]
    thread.refresh_from_db()
    if spec.get("answer") is not None:
        answer_mark(user=author, thread=thread, post=replies[spec["answer"]])
    if spec.get("pinned"):
        thread_pin(moderator=moderator, thread=thread)
    if spec.get("locked"):
        thread_lock(moderator=moderator, thread=thread)
    return thread


def threads_ensure(
    communities: dict[str, Community], people: dict[str, User], moderator: User
) -> int:
    created = 0
    for spec in demo_data.THREADS:
        community = communities[spec["community"]]
        created += thread_seed(spec, community, people, moderator) is not None
    return created


def story_seed(spec: dict[str, Any], people: dict[str, User], editor: User) -> Story | None:
    """One story, published (and answered) unless it is the one left waiting for a moderator."""
    service = SharedService.objects.get(slug=spec["service"])
    if Story.objects.filter(shared_service=service, title=spec["title"]).exists():
        return None
    data = {
        name: spec.get(name)
        for name in ("overall", "ease", "speed", "communication", "title")
        if spec.get(name) is not None
    }
    data["body_markdown"] = spec["body"]
    data["show_name"] = spec.get("show_name", True)
    story = story_submit(user=people[spec["author"]], shared_service=service, data=data)
    when = _days_ago(spec["days_ago"], hour=19)
    Story.objects.filter(pk=story.pk).update(created_at=when)
    if spec.get("pending"):
        return story
    story_publish(moderator=editor, story=story)
    Story.objects.filter(pk=story.pk).update(moderated_at=when + datetime.timedelta(hours=16))
    if spec.get("response"):
        officer, body = spec["response"]
        response = story_respond(user=people[officer], story=story, body=body)
        StoryResponse.objects.filter(pk=response.pk).update(
            created_at=when + datetime.timedelta(days=2)
        )
    return story


# --- #17 story loops: "I've experienced this too" and "Change made" ---


def story_loops_ensure(people: dict[str, User]) -> None:
    """Weight on some published stories and a change made from two, through the services."""
    published = Story.objects.filter(status=ContentStatus.VISIBLE)
    for title, usernames in demo_data.STORY_WEIGHTS:
        story = published.filter(title=title).first()
        for username in usernames if story else ():
            story_weight_add(user=people[username], story=story)  # a second run adds nothing
    for title, username, body, days_ago in demo_data.STORY_CHANGES:
        story = published.filter(title=title, change__isnull=True).first()
        if story is not None:
            changed_on = timezone.localdate() - datetime.timedelta(days=days_ago)
            story_change_mark(user=people[username], story=story, body=body, changed_on=changed_on)


# --- end #17 story loops ---


def listings_ensure(people: dict[str, User]) -> None:
    """The brokerage listings, then the interest one organisation has expressed."""
    areas = {area.slug: area for area in ServiceArea.objects.all()}
    for spec in demo_data.LISTINGS:
        author = people[spec["author"]]
        title = spec["title"]
        mine = Listing.objects.filter(organisation_id=author.verified_officer_of_id, title=title)
        if mine.exists():
            continue
        data = {
            **{key: spec[key] for key in ("kind", "title", "description", "region", "capacity")},
            "service_area": areas[spec["service_area"]],
            "expires_on": timezone.localdate() + datetime.timedelta(days=LISTING_OPEN_DAYS),
        }
        listing = listing_create(user=author, data=data)
        Listing.objects.filter(pk=listing.pk).update(created_at=_days_ago(spec["days_ago"]))
    for username, title, message in demo_data.INTERESTS:
        officer = people[username]
        listing = Listing.objects.filter(title=title).first()
        interested = Interest.objects.filter(
            listing=listing, organisation_id=officer.verified_officer_of_id
        )
        if listing is not None and not interested.exists():
            interest_express(user=officer, listing=listing, message=message)


def watches_ensure(citizen: User, communities: dict[str, Community]) -> None:
    """The demo citizen watches, on the site only, so new activity reaches their notifications."""
    for slug in demo_data.CITIZEN_WATCHES:
        watch_start(user=citizen, target=communities[slug], frequency=Watch.Frequency.SITE_ONLY)


def old_notifications_read(citizen: User) -> None:
    """The citizen has read what is more than two months old, so the page shows both kinds."""
    Notification.objects.filter(
        user=citizen, read_at__isnull=True, created_at__lt=_days_ago(READ_AFTER_DAYS)
    ).update(read_at=F("created_at") + datetime.timedelta(days=1))


def content_owners_ensure(people: dict[str, User], editor: User) -> int:
    """Each demo officer owns the case studies of the council they are verified for, so the
    editors' "Due for review" report shows owned pages beside unowned ones. Published through a
    revision, as an editor would, so the next edit in the admin keeps the owner."""
    owned = 0
    for officer in people.values():
        if officer.verified_officer_of_id is None:
            continue
        pages = CaseStudyPage.objects.live().filter(
            organisations=officer.verified_officer_of_id, content_owner__isnull=True
        )
        for page in pages.distinct():
            page.content_owner = officer
            page.save_revision(user=editor).publish(user=editor)
            owned += 1
    return owned


# --- the private community (#17 item 4) ---------------------------------------------------------


def private_community_ensure(people: dict[str, User], moderator: User) -> Community:
    """The private community: the demo moderator moderates it, its members came in by
    invitation (sent and accepted through the services), and an invitation waits for the demo
    citizen. Invitations are sent only when the community is first made."""
    spec = demo_data.PRIVATE_COMMUNITY
    fields = {key: spec[key] for key in ("name", "description", "rules", "visibility")}
    community, created = Community.objects.get_or_create(
        slug=spec["slug"], defaults={**fields, "join_policy": spec["join_policy"]}
    )
    Community.moderators.through.objects.get_or_create(community=community, user=moderator)
    if created:
        logger.info("Created the demo community %s", community.slug)
        for username in spec["members"]:
            person = people[username]
            invitation = invitation_send(
                moderator=moderator, community=community, email=person.email
            )
            invitation_accept(user=person, invitation=invitation)
        for username in spec["invited"]:
            invitation_send(moderator=moderator, community=community, email=people[username].email)
    for thread in demo_data.PRIVATE_THREADS:
        thread_seed(thread, community, people, moderator)
    return community


# --- end of the private community --------------------------------------------------------------


# --- ask the author (#17 item 6) ---------------------------------------------------------------


def questions_ensure(people: dict[str, User], editor: User) -> int:
    """Questions to case studies' authors; answered ones answered and published through the
    services. The question rows are written directly rather than by `question_ask`, which would
    email the demo's made-up contact addresses on every fresh load."""
    made = 0
    for spec in demo_data.QUESTIONS:
        page = CaseStudyPage.objects.live().filter(slug=spec["case_study"]).first()
        if page is None or CaseStudyQuestion.objects.filter(page=page, body=spec["body"]).exists():
            continue
        question = CaseStudyQuestion.objects.create(
            page=page, asker=people[spec["asker"]], body=spec["body"]
        )
        CaseStudyQuestion.objects.filter(pk=question.pk).update(
            created_at=_days_ago(spec["days_ago"])
        )
        made += 1
        if spec["answer"] is None:
            continue
        answer = answer_submit(
            question=question,
            email=spec["answer"]["contact"],
            user=None,
            body=spec["answer"]["body"],
        )
        CaseStudyAnswer.objects.filter(pk=answer.pk).update(
            created_at=_days_ago(spec["days_ago"] - 3)
        )
        moderation_act(moderator=editor, content=answer, action="approve")
    return made


# --- end ask the author -----------------------------------------------------------------------


def load_community_demo(password: str) -> None:
    """Load the community part of the demo network. Running it again changes nothing."""
    with limits_lifted(), transaction.atomic():
        communities = communities_ensure()
        # After the communities exist, so the demo moderator moderates every one of them.
        people = people_ensure(password)
        moderator = people["moderator"]
        editor, _ = demo_editor_ensure(**DEMO_EDITOR, password=password)
        memberships_ensure(communities, people, moderator)
        # Watching before the threads are written gives the citizen real notifications.
        watches_ensure(people["citizen"], communities)
        threads = threads_ensure(communities, people, moderator)
        stories = sum(story_seed(spec, people, editor) is not None for spec in demo_data.STORIES)
        story_loops_ensure(people)
        listings_ensure(people)
        private_community_ensure(people, moderator)
        questions_ensure(people, editor)  # ask the author (#17 item 6)
        content_owners_ensure(people, editor)
        # --- moderation that scales (issue #17 part 3) ---
        moderation_demo_ensure(communities, people, editor, password)
        # --- end moderation that scales ---
        # --- events (#17 item 5) ---
        events_demo_ensure(people, moderator)
        # --- end events ---
        if threads:  # only on the first load, so a later run marks nothing more as read
            old_notifications_read(people["citizen"])
    logger.info("Community demo loaded: %s new threads, %s new stories", threads, stories)
