"""Reading stories: what a service page shows, and what waits for a moderator."""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q, QuerySet

from community.models import Community, ContentStatus, Story, StoryChange, StoryWeight, User
from knowledge.models import SharedService

STARS = (5, 4, 3, 2, 1)


@dataclass(frozen=True)
class StarCount:
    stars: int
    count: int
    percent: int


@dataclass(frozen=True)
class RatingSummary:
    """Averages (None when nobody rated that aspect), the number of published stories and how
    many gave each overall rating, best first."""

    count: int = 0
    overall: float | None = None
    ease: float | None = None
    speed: float | None = None
    communication: float | None = None
    distribution: list[StarCount] = field(default_factory=list)


def _average(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def service_rating_summary(service: SharedService) -> RatingSummary:
    """The published stories' ratings of a service, in one query."""
    aspects = ("overall", "ease", "speed", "communication")
    totals = Story.objects.filter(shared_service=service, status=ContentStatus.VISIBLE).aggregate(
        count=Count("pk"),
        **{f"average_{aspect}": Avg(aspect) for aspect in aspects},
        **{f"stars_{n}": Count("pk", filter=Q(overall=n)) for n in STARS},
    )
    count = totals["count"]
    return RatingSummary(
        count=count,
        overall=_average(totals["average_overall"]),
        ease=_average(totals["average_ease"]),
        speed=_average(totals["average_speed"]),
        communication=_average(totals["average_communication"]),
        distribution=[
            StarCount(
                stars=n,
                count=totals[f"stars_{n}"],
                percent=round(100 * totals[f"stars_{n}"] / count) if count else 0,
            )
            for n in STARS
        ],
    )


ANONYMOUS = "Anonymous"


def story_byline(story: Story) -> str:
    """Who told a story, as every page shows it (templates/community/stories/byline.html): a
    person who chose not to show their name is "Anonymous", everywhere."""
    return story.author.public_name if story.show_name else ANONYMOUS


def visible_stories() -> QuerySet[Story]:
    """Every published story, newest first, with what its byline and answer need."""
    return (
        Story.objects.filter(status=ContentStatus.VISIBLE)
        .select_related("author", "shared_service", "response", "response__organisation")
        .order_by("-created_at", "pk")
    )


def published_stories(service: SharedService) -> QuerySet[Story]:
    """A service's published stories, newest first, each with its author, any answer and
    `weight_count` (how many people have experienced it too), counted in the same query."""
    return (
        Story.objects.filter(shared_service=service, status=ContentStatus.VISIBLE)
        .select_related(
            "author", "response", "response__organisation", "change", "change__organisation"
        )
        .annotate(weight_count=Count("weights"))
        .order_by("-created_at")
    )


def stories_weighted_by(user: User, stories: list[Story]) -> set[int]:
    """Which of these stories the person has said they experienced too, in one query."""
    if not user.is_authenticated:
        return set()
    return set(
        StoryWeight.objects.filter(user=user, story__in=stories).values_list("story_id", flat=True)
    )


def changes_made(service: SharedService | None = None) -> QuerySet[StoryChange]:
    """Changes made because of published stories (of one service, or of all), newest first,
    each with `weight_count` (how many people experienced its story too), counted in the same
    query. A story hidden later takes its change off these lists with it."""
    changes = StoryChange.objects.filter(story__status=ContentStatus.VISIBLE)
    if service is not None:
        changes = changes.filter(story__shared_service=service)
    return (
        changes.select_related("story", "story__shared_service", "organisation")
        .annotate(weight_count=Count("story__weights"))
        .order_by("-changed_on", "-created_at")
    )


def stories_waiting_for(user: User, service: SharedService) -> QuerySet[Story]:
    """The person's own stories of a service still waiting for a moderator (only they see these)."""
    return Story.objects.filter(
        shared_service=service, author=user, status=ContentStatus.PENDING
    ).order_by("-created_at")


def stories_pending_moderation() -> QuerySet[Story]:
    """Stories waiting for a moderator, oldest first, so nobody waits longest."""
    return (
        Story.objects.filter(status=ContentStatus.PENDING)
        .select_related("author", "shared_service")
        .order_by("created_at")
    )


def services_to_tell_about(words: str = "") -> QuerySet[SharedService]:
    """Shared services a person might tell the story of, by area then name. `words` (part of a
    name, as typed) narrows them to services whose name, or whose lead's or a partner's name,
    contains it: people know their council's name better than the service's."""
    services = SharedService.objects.select_related("lead_organisation", "service_area")
    if words:
        services = services.filter(
            Q(name__icontains=words)
            | Q(lead_organisation__name__icontains=words)
            | Q(pk__in=SharedService.objects.filter(partners__name__icontains=words).values("pk"))
        )
    return services.order_by("service_area__name", "name")


def communities_moderating_stories_of(service: SharedService) -> QuerySet[Community]:
    """The communities, named to the person telling a story, whose moderators read stories of
    this service before they appear (those covering its area); none means only the editors do.
    Private ones are left out: naming them would tell anyone they exist. Their moderators still
    read the stories (`can_moderate_story`)."""
    return (
        Community.objects.filter(service_areas=service.service_area_id)
        .exclude(visibility=Community.Visibility.PRIVATE)
        .order_by("name")
    )
