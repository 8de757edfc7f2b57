"""Test data builders: each test makes exactly what it needs."""

import datetime
from decimal import Decimal

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from community.markdown import render_markdown
from community.models import (
    Community,
    ContentStatus,
    Event,
    EventSignup,
    Listing,
    Membership,
    Post,
    Story,
    Thread,
    User,
)
from knowledge.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    Organisation,
    OrganisationEmailDomain,
    ProfileContract,
    ProfilePractice,
    ProfileSystem,
    ProgrammeStage,
    ReadinessProfile,
    ResourceIndexPage,
    ResourceKind,
    ResourcePage,
    ServiceArea,
    SharedService,
)
from search.models import VocabularyEntry


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ServiceAreaFactory(DjangoModelFactory):
    class Meta:
        model = ServiceArea
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Service area {n}")
    slug = factory.LazyAttribute(lambda a: slugify(a.name))


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Borough Council {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = Organisation.Kind.COUNCIL
    region = "north-west"


class OrganisationEmailDomainFactory(DjangoModelFactory):
    class Meta:
        model = OrganisationEmailDomain

    organisation = factory.SubFactory(OrganisationFactory)
    domain = factory.Sequence(lambda n: f"council{n}.gov.uk")


class SharedServiceFactory(DjangoModelFactory):
    class Meta:
        model = SharedService

    name = factory.Sequence(lambda n: f"Shared service {n}")
    slug = factory.LazyAttribute(lambda s: slugify(s.name))
    lead_organisation = factory.SubFactory(OrganisationFactory)
    service_area = factory.SubFactory(ServiceAreaFactory)
    since = datetime.date(2020, 4, 1)


class ReadinessProfileFactory(DjangoModelFactory):
    class Meta:
        model = ReadinessProfile

    organisation = factory.SubFactory(OrganisationFactory)


class ProfileSystemFactory(DjangoModelFactory):
    class Meta:
        model = ProfileSystem

    profile = factory.SubFactory(ReadinessProfileFactory)
    service_area = factory.SubFactory(ServiceAreaFactory)
    system = "OpenRevenues"
    supplier = "Civica"


class ProfileContractFactory(DjangoModelFactory):
    class Meta:
        model = ProfileContract

    profile = factory.SubFactory(ReadinessProfileFactory)
    service_area = factory.SubFactory(ServiceAreaFactory)
    description = factory.Sequence(lambda n: f"Software contract {n}")
    supplier = "Civica"
    ends_on = datetime.date(2028, 3, 31)
    notice_months = 12


class ProfilePracticeFactory(DjangoModelFactory):
    class Meta:
        model = ProfilePractice

    profile = factory.SubFactory(ReadinessProfileFactory)
    topic = "Council tax reminders"
    practice = "One reminder, then a final notice after 14 days."


def publish(page):
    """Publish a page the way an editor does: through a revision."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_case_study(
    parent: CaseStudyIndexPage,
    *,
    title: str = "Three councils share revenues and benefits",
    live: bool = True,
    organisations=(),
    service_areas=(),
    tags=(),
    **fields,
) -> CaseStudyPage:
    slug = fields.pop("slug", None) or slugify(title)
    values = {
        "summary": "Three district councils merged their revenues and benefits teams.",
        "stage": ProgrammeStage.LIVE,
        "what_went_wrong": "<p>The data migration ran three months late.</p>",
        "annual_savings_pounds": Decimal("450000"),
        "savings_percent": Decimal("30"),
        **fields,
    }
    page = CaseStudyPage(title=title, slug=slug, **values)
    page.live = False
    parent.add_child(instance=page)
    page.organisations.set(list(organisations))
    page.service_areas.set(list(service_areas))
    page.tags.set(list(tags))
    page.save()
    return publish(page) if live else page


def make_resource(
    parent: ResourceIndexPage,
    *,
    title: str = "Shared service business case template",
    live: bool = True,
    service_areas=(),
    tags=(),
    **fields,
) -> ResourcePage:
    slug = fields.pop("slug", None) or slugify(title)
    values = {
        "summary": "A template business case for two or more councils sharing a service.",
        "kind": ResourceKind.TEMPLATE,
        "external_url": "https://example.org/business-case-template",
        **fields,
    }
    page = ResourcePage(title=title, slug=slug, **values)
    page.live = False
    parent.add_child(instance=page)
    page.service_areas.set(list(service_areas))
    page.tags.set(list(tags))
    page.save()
    return publish(page) if live else page


def published_on(page, day: datetime.date):
    """Back-date when a page was first published, so tests can pin "newest first"."""
    moment = datetime.datetime.combine(day, datetime.time(9, 0), tzinfo=datetime.UTC)
    type(page).objects.filter(pk=page.pk).update(first_published_at=moment)
    page.refresh_from_db()
    return page


# --- community ------------------------------------------------------------------------------


class CommunityFactory(DjangoModelFactory):
    class Meta:
        model = Community
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Community {n}")
    slug = factory.LazyAttribute(lambda c: slugify(c.name))
    description = "People who run shared services, talking about what works."
    visibility = Community.Visibility.PUBLIC
    join_policy = Community.JoinPolicy.OPEN


def make_member(community: Community, user=None, *, status=Membership.Status.ACTIVE):
    user = user or UserFactory()
    Membership.objects.update_or_create(community=community, user=user, defaults={"status": status})
    return user


def make_thread(community: Community, *, author=None, title="How did you handle TUPE?", **fields):
    body = fields.pop("body_markdown", "We are merging two teams next April. **Any tips?**")
    now = timezone.now()
    return Thread.objects.create(
        community=community,
        author=author or UserFactory(),
        title=title,
        body_markdown=body,
        body_html=render_markdown(body),
        last_activity_at=fields.pop("last_activity_at", now),
        **fields,
    )


def make_post(thread: Thread, *, author=None, **fields):
    body = fields.pop("body_markdown", "We consulted early and it paid off.")
    post = Post.objects.create(
        thread=thread,
        author=author or UserFactory(),
        body_markdown=body,
        body_html=render_markdown(body),
        **fields,
    )
    Thread.objects.filter(pk=thread.pk).update(last_activity_at=post.created_at)
    return post


def make_moderator(community: Community, user=None) -> User:
    """A verified person who moderates the community (saved through the table, not in memory)."""
    user = user or make_verified_user()
    Community.moderators.through.objects.get_or_create(community=community, user=user)
    return user


def cover_service_area(community: Community, service_area: ServiceArea) -> Community:
    """The community's moderators will moderate stories about services in that area."""
    Community.service_areas.through.objects.get_or_create(
        community=community, servicearea=service_area
    )
    return community


def make_verified_user(**fields) -> User:
    """A person who has confirmed their email address (what posting and telling stories need)."""
    user = UserFactory(**fields)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def make_officer(organisation: Organisation, **fields) -> User:
    """A verified officer of an organisation: a confirmed address on one of its domains."""
    return make_verified_user(verified_officer_of=organisation, organisation=organisation, **fields)


def make_event(community: Community, *, starts_in=datetime.timedelta(days=7), **fields) -> Event:
    """An hour-long event in the community, a week from now unless said otherwise."""
    starts_at = fields.pop("starts_at", timezone.now() + starts_in)
    fields.setdefault("title", "Sharing revenues teams: an open meeting")
    fields.setdefault("place", "Northshire Town Hall, Market Street")
    return Event.objects.create(
        community=community,
        starts_at=starts_at,
        ends_at=fields.pop("ends_at", starts_at + datetime.timedelta(hours=1)),
        **fields,
    )


def sign_up(event: Event, person: User | None = None) -> User:
    person = person or make_verified_user()
    EventSignup.objects.create(event=event, person=person)
    return person


def make_story(shared_service: SharedService, *, author=None, **fields):
    body = fields.pop("body_markdown", "My council tax account was sorted in a day.")
    values = {
        "overall": 4,
        "title": "Quick and friendly",
        "status": ContentStatus.VISIBLE,
        **fields,
    }
    return Story.objects.create(
        shared_service=shared_service,
        author=author or UserFactory(),
        body_markdown=body,
        body_html=render_markdown(body),
        **values,
    )


class ListingFactory(DjangoModelFactory):
    class Meta:
        model = Listing

    kind = Listing.Kind.OFFER
    organisation = factory.SubFactory(OrganisationFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Capacity in our payroll service {n}")
    description = "We run payroll for three councils and could take on two more."
    service_area = factory.SubFactory(ServiceAreaFactory)
    region = "north-west"
    capacity = 2
    expires_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=90))


class VocabularyEntryFactory(DjangoModelFactory):
    """An acronym an editor added, in use; tests say what they need of the rest."""

    class Meta:
        model = VocabularyEntry

    kind = VocabularyEntry.Kind.ACRONYM
    terms = factory.Sequence(lambda n: f"zq{n}")
    meanings = factory.Sequence(lambda n: f"zulu quebec {n}")
    status = VocabularyEntry.Status.CONFIRMED
    origin = VocabularyEntry.Origin.EDITOR
