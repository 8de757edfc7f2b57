"""Realistic search content for `bench/search.py`: N items across every kind the index holds.

Seeded, so two runs at the same size build the same data. Plain models go in with bulk_create in
batches; case studies and resources are Wagtail pages, made one by one through `add_child`
(Django cannot bulk-create a multi-table model), so there are only a modest number of them.
"""

from collections import Counter
from contextlib import contextmanager
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from bench.search_vocabulary import (
    COUNCIL_KINDS,
    EXTRA_TAGS,
    LISTING_TITLES,
    PLACES,
    QUESTION_TITLES,
    REGIONS,
    REPLIES,
    SERVICE_AREAS,
    STORY_TITLES,
    TOPICS,
    Writer,
)

BATCH = 2000


def html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


@contextmanager
def dates_as_given(*models):
    """Let bulk_create keep the (back-dated) created_at we set instead of stamping now."""
    fields = [model._meta.get_field("created_at") for model in models]
    for field in fields:
        field.auto_now_add = False
    try:
        yield
    finally:
        for field in fields:
            field.auto_now_add = True


def plan(items: int) -> Counter:
    """How many of each kind make up `items`; pages are capped (made one by one)."""
    mix = Counter(
        organisation=max(40, items // 100),
        shared_service=max(20, items * 3 // 100),
        community=max(8, items // 500),
        case_study=min(1200, max(20, items * 3 // 100)),
        resource=min(600, max(10, items * 3 // 200)),
    )
    rest = items - sum(mix.values())
    mix["thread"] = rest * 45 // 100
    mix["story"] = rest * 25 // 100
    mix["listing"] = rest - mix["thread"] - mix["story"]
    return mix


def generate(items: int, seed: int = 5) -> Counter:
    """Writes the content; returns how many of each kind (and replies) it made."""
    from knowledge.services import library_ensure

    writer = Writer(seed)
    mix = plan(items)
    now = timezone.now()
    library = library_ensure()
    with transaction.atomic():
        areas, tags, users = _taxonomy_and_people(writer)
        orgs = _organisations(writer, mix["organisation"])
        services = _shared_services(writer, mix["shared_service"], orgs, areas, now)
        communities = _communities(writer, mix["community"], now)
        mix["reply"] = _threads(writer, mix["thread"], communities, users, tags, now)
        _stories(writer, mix["story"], services, users, now)
        _listings(writer, mix["listing"], orgs, areas, users, now)
    _pages(writer, library, mix, orgs, areas, tags, now)
    return mix


def _taxonomy_and_people(writer: Writer):
    from taggit.models import Tag

    from community.models import User
    from knowledge.models import ServiceArea

    areas = [
        ServiceArea.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0]
        for name in SERVICE_AREAS
    ]
    names = sorted({*(a.lower() for a in SERVICE_AREAS), *EXTRA_TAGS})
    Tag.objects.bulk_create(
        [Tag(name=name, slug=slugify(name)) for name in names], ignore_conflicts=True
    )
    tags = list(Tag.objects.filter(name__in=names).order_by("name"))
    users = User.objects.bulk_create(
        [
            User(username=f"bench{n}", email=f"bench{n}@example.org", password="!")  # noqa: S106 (unusable)
            for n in range(300)
        ]
    )
    return areas, tags, users


def _organisations(writer: Writer, count: int):
    from knowledge.models import Organisation

    names = [f"{place} {kind}" for place in PLACES for kind in COUNCIL_KINDS]
    names += [f"{a} and {b} Shared Services Partnership" for a in PLACES for b in PLACES if a < b]
    writer.random.shuffle(names)
    orgs = [
        Organisation(
            name=name,
            slug=slugify(name)[:200],
            kind="partnership" if "Partnership" in name else "council",
            region=writer.pick(REGIONS),
            summary=writer.paragraph(1, 3),
        )
        for name in names[:count]
    ]
    return Organisation.objects.bulk_create(orgs, batch_size=BATCH)


def _shared_services(writer, count, orgs, areas, now):
    from knowledge.models import SharedService

    services = []
    for n in range(count):
        area = writer.pick(areas)
        lead = writer.pick(orgs)
        name = f"{lead.name.split(' ')[0]} shared {area.name.lower()} service {n}"
        since = (now - timedelta(days=writer.random.randint(30, 3000))).date()
        services.append(
            SharedService(
                name=name,
                slug=slugify(name),
                lead_organisation=lead,
                service_area=area,
                since=since,
                description=writer.paragraph(2, 4),
            )
        )
    services = SharedService.objects.bulk_create(services, batch_size=BATCH)
    through = SharedService.partners.through
    partners = {(service.pk, writer.pick(orgs).pk) for service in services for _ in range(2)}
    through.objects.bulk_create(
        [through(sharedservice_id=s, organisation_id=o) for s, o in partners], batch_size=BATCH
    )
    return services


def _communities(writer, count, now):
    from community.models import Community

    topics = sorted(set(SERVICE_AREAS) | {t.capitalize() for t in TOPICS})
    with dates_as_given(Community):
        communities = [
            Community(
                name=f"{topics[n % len(topics)]} network {n}",
                slug=f"{slugify(topics[n % len(topics)])}-network-{n}",
                description=writer.paragraph(1, 2),
                # A quarter members-only: their threads are found only by their members.
                visibility="members" if n % 4 == 3 else "public",
                created_at=now - timedelta(days=writer.random.randint(100, 1500)),
            )
            for n in range(count)
        ]
        return Community.objects.bulk_create(communities, batch_size=BATCH)


def _threads(writer, count, communities, users, tags, now) -> int:
    from community.models import Post, Thread, ThreadTag

    r = writer.random
    threads = []
    for _ in range(count):
        body = writer.paragraphs(r.randint(1, 3))
        created = now - timedelta(days=r.randint(0, 1100), minutes=r.randint(0, 1440))
        threads.append(
            Thread(
                community=writer.pick(communities),
                author=writer.pick(users),
                title=writer.title(QUESTION_TITLES),
                body_markdown="\n\n".join(body),
                body_html=html(body),
                status="visible" if r.random() < 0.97 else "hidden",
                created_at=created,
                last_activity_at=created + timedelta(days=r.randint(0, 30)),
            )
        )
    with dates_as_given(Thread, Post):
        threads = Thread.objects.bulk_create(threads, batch_size=BATCH)
        thread_tags = [
            ThreadTag(content_object=thread, tag=tag)
            for thread in threads
            for tag in r.sample(tags, r.randint(0, 3))
        ]
        ThreadTag.objects.bulk_create(thread_tags, batch_size=BATCH)
        posts, replies = [], 0
        for thread in threads:
            for number in range(r.choice((0, 1, 1, 2, 2, 3, 4, 6))):
                text = writer.paragraph(1, 3, REPLIES)
                posts.append(
                    Post(
                        thread=thread,
                        author=writer.pick(users),
                        body_markdown=text,
                        body_html=html([text]),
                        created_at=thread.created_at + timedelta(hours=number + 1),
                    )
                )
            if len(posts) >= BATCH:
                Post.objects.bulk_create(posts)
                replies, posts = replies + len(posts), []
        Post.objects.bulk_create(posts)
        replies += len(posts)
    # Two threads in five with replies have an accepted answer: their first reply.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE community_thread t SET answer_id = p.id FROM "
            "(SELECT DISTINCT ON (thread_id) id, thread_id FROM community_post "
            " ORDER BY thread_id, created_at) p "
            "WHERE p.thread_id = t.id AND t.id % 5 < 2"
        )
    return replies


def _stories(writer, count, services, users, now):
    from community.models import Story, StoryResponse

    r = writer.random
    stories = []
    for _ in range(count):
        body = writer.paragraphs(1, 1, 3)
        created = now - timedelta(days=r.randint(0, 900))
        stories.append(
            Story(
                shared_service=writer.pick(services),
                author=writer.pick(users),
                overall=r.randint(1, 5),
                title=writer.title(STORY_TITLES),
                body_markdown="\n\n".join(body),
                body_html=html(body),
                status="visible" if r.random() < 0.9 else "pending",
                created_at=created,
                moderated_at=created + timedelta(days=1),
            )
        )
    with dates_as_given(Story, StoryResponse):
        stories = Story.objects.bulk_create(stories, batch_size=BATCH)
        responses = []
        for story in stories:
            if r.random() < 0.3:
                text = writer.paragraph(1, 2, REPLIES)
                responses.append(
                    StoryResponse(
                        story=story,
                        author=writer.pick(users),
                        organisation_id=story.shared_service.lead_organisation_id,
                        body_markdown=text,
                        body_html=html([text]),
                        created_at=story.created_at + timedelta(days=2),
                    )
                )
        StoryResponse.objects.bulk_create(responses, batch_size=BATCH)


def _listings(writer, count, orgs, areas, users, now):
    from community.models import Listing

    r = writer.random
    listings = []
    for _ in range(count):
        created = now - timedelta(days=r.randint(0, 400))
        listings.append(
            Listing(
                kind=r.choice(("offer", "need")),
                organisation=writer.pick(orgs),
                author=writer.pick(users),
                title=writer.title(LISTING_TITLES),
                description=writer.paragraph(2, 5),
                service_area=writer.pick(areas),
                region=writer.pick(REGIONS),
                capacity=r.randint(1, 5),
                # Most still open; some already expired (queries must leave those out).
                expires_on=(created + timedelta(days=r.randint(30, 500))).date(),
                created_at=created,
            )
        )
    with dates_as_given(Listing):
        Listing.objects.bulk_create(listings, batch_size=BATCH)


def _pages(writer, library, mix, orgs, areas, tags, now):
    from knowledge.models import CaseStudyPage, ResourcePage

    r = writer.random
    tag_names = [tag.name for tag in tags]
    for n in range(mix["case_study"]):
        page = CaseStudyPage(
            title=f"{writer.title(QUESTION_TITLES).rstrip('?')} ({n})",
            slug=f"case-study-{n}",
            summary=writer.paragraph(2, 3)[:600],
            stage=r.choice(("idea", "business-case", "implementation", "live", "stopped")),
            outcomes=html(writer.paragraphs(2)),
            what_went_wrong=html(writer.paragraphs(2)),
            lessons_learned=html(writer.paragraphs(1)),
            target_operating_model=html(writer.paragraphs(1)),
            first_published_at=now - timedelta(days=r.randint(0, 1500)),
        )
        page.organisations = r.sample(orgs, r.randint(1, 4))
        page.service_areas = r.sample(areas, r.randint(1, 2))
        page.tags.add(*r.sample(tag_names, r.randint(1, 5)))
        library.case_studies.add_child(instance=page)
    for n in range(mix["resource"]):
        page = ResourcePage(
            title=f"{writer.title(LISTING_TITLES)} guide ({n})",
            slug=f"resource-{n}",
            summary=writer.paragraph(1, 3)[:600],
            kind=r.choice(("guide", "template", "toolkit", "dataset", "report", "link")),
            external_url=f"https://example.org/resources/{n}",
            organisation=writer.pick(orgs),
            first_published_at=now - timedelta(days=r.randint(0, 1500)),
        )
        page.service_areas = r.sample(areas, r.randint(1, 2))
        page.tags.add(*r.sample(tag_names, r.randint(1, 4)))
        library.resources.add_child(instance=page)
