"""Reads for moderation: which content a flag or an action is about, who may see and moderate it,
and what is waiting in a person's moderation queue.

Content is one of four kinds, named in URLs as `thread`, `post`, `story` and `listing`. Threads and
replies belong to a community and are moderated by its moderators and by editors. Stories belong to
no community: editors moderate them, and so do the moderators of the communities covering their
service's area. Only editors moderate listings.
"""

import html
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Exists,
    F,
    Func,
    IntegerField,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.urls import NoReverseMatch
from django.utils.html import strip_tags

from community.models import (
    CaseStudyAnswer,
    CaseStudyQuestion,
    Community,
    ContentStatus,
    Flag,
    Listing,
    ModerationAction,
    Post,
    Story,
    Thread,
    User,
)
from community.permissions import (
    EDITOR_GROUPS,
    AnyUser,
    can_moderate,
    can_moderate_question,
    can_moderate_story,
    can_read,
    is_editor,
)
from community.selectors.brokerage import listing_visible_to

Content = Thread | Post | Story | Listing | CaseStudyQuestion | CaseStudyAnswer

CONTENT_KINDS: dict[str, type[Model]] = {
    "thread": Thread,
    "post": Post,
    "story": Story,
    "listing": Listing,
    "question": CaseStudyQuestion,
    "answer": CaseStudyAnswer,
}
KIND_LABELS = {
    "thread": "Thread",
    "post": "Reply",
    "story": "Story",
    "listing": "Listing",
    "question": "Question",
    "answer": "Answer",
}
_RELATED = {
    "thread": ("community", "author"),
    "post": ("thread__community", "author"),
    "story": ("author", "shared_service"),
    "listing": ("author", "organisation"),
    "question": ("page", "asker"),
    "answer": ("question__page", "question__asker"),
}


def content_kind(content: Model) -> str:
    for kind, model in CONTENT_KINDS.items():
        if isinstance(content, model):
            return kind
    raise ValueError(f"{type(content).__name__} cannot be flagged or moderated.")


def content_find(kind: str, pk: int) -> Content | None:
    """The thread, reply, story or listing named in a URL, or None if there is no such thing."""
    model = CONTENT_KINDS.get(kind)
    if model is None:
        return None
    return model.objects.select_related(*_RELATED[kind]).filter(pk=pk).first()


def content_community(content: Model) -> Community | None:
    if isinstance(content, Thread):
        return content.community
    if isinstance(content, Post):
        return content.thread.community
    return None


def content_url(content: Model) -> str:
    """Where the content is shown, or "" while the page that shows it does not exist."""
    try:
        if isinstance(content, Story):  # stories are shown on their service's page
            return f"{content.shared_service.get_absolute_url()}#story-{content.pk}"
        return content.get_absolute_url()
    except NoReverseMatch:
        return ""


def content_title(content: Model) -> str:
    if isinstance(content, Post):
        return f"Reply by {content.author.public_name} in “{content.thread.title}”"
    return str(content)


def can_moderate_content(user: AnyUser, content: Model) -> bool:
    """Community moderators act on their own communities' threads and replies, and on stories
    of their communities' service areas; editors on all."""
    if isinstance(content, Story):
        return can_moderate_story(user, content)
    if isinstance(content, CaseStudyQuestion | CaseStudyAnswer):
        return can_moderate_question(user, content)
    community = content_community(content)
    if community is not None:
        return can_moderate(user, community)
    return is_editor(user)


def content_visible_to(user: AnyUser, content: Model) -> bool:
    """Whether the person can see the content at all: the test for flagging it."""
    if can_moderate_content(user, content):
        return True
    if content.status != ContentStatus.VISIBLE:
        return False
    if isinstance(content, CaseStudyQuestion | CaseStudyAnswer):
        # Not reportable yet: whether its case study is behind a privacy restriction depends
        # on the request, which this rule does not see. Moderators saw it before publishing.
        return False
    if isinstance(content, Listing):
        return listing_visible_to(user, content)
    if isinstance(content, Post):
        return content_visible_to(user, content.thread)
    community = content_community(content)
    return community is None or can_read(user, community)


def moderated_communities(user: AnyUser) -> QuerySet[Community]:
    if is_editor(user):
        return Community.objects.all()
    if not user.is_authenticated:
        return Community.objects.none()
    return Community.objects.filter(moderators=user)


def can_use_queue(user: AnyUser) -> bool:
    return is_editor(user) or moderated_communities(user).exists()


def flag_by(user: AnyUser, content: Model) -> Flag | None:
    if not user.is_authenticated:
        return None
    return Flag.objects.filter(
        content_type=ContentType.objects.get_for_model(content),
        object_id=content.pk,
        reporter=user,
    ).first()


@dataclass
class QueueItem:
    """One piece of content in the queue, with the open flags about it (if any)."""

    kind: str
    content: Content
    flags: list[Flag] = field(default_factory=list)
    # The audit row of the reports hiding it, while it waits hidden for a moderator.
    auto_hide: ModerationAction | None = None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def title(self) -> str:
        return content_title(self.content)

    @property
    def url(self) -> str:
        return content_url(self.content)

    @property
    def community(self) -> Community | None:
        return content_community(self.content)

    @property
    def says(self) -> str:
        """What the content says, as plain text. Its sanitised HTML already escapes `<` and `&`;
        without tags those entities must be turned back into characters, or the template's own
        escaping shows "&lt;" as text."""
        body_html = getattr(self.content, "body_html", "")
        if body_html:
            return html.unescape(strip_tags(body_html))
        # Questions and answers are plain text, escaped by the template.
        return getattr(self.content, "description", "") or getattr(self.content, "body", "")

    @property
    def reasons(self) -> list[tuple[str, int]]:
        counts = Counter(flag.get_reason_display() for flag in self.flags)
        return counts.most_common()

    @property
    def details(self) -> list[str]:
        return [flag.details for flag in self.flags if flag.details]

    @property
    def reporters(self) -> list[User]:
        """Who reported it, oldest report first: for moderators' eyes only (the queue)."""
        return [flag.reporter for flag in sorted(self.flags, key=lambda flag: flag.created_at)]

    @property
    def is_pending(self) -> bool:
        return self.content.status == ContentStatus.PENDING


# A queue a moderator can read down and act on; a backlog after a spam wave would otherwise
# render hundreds of cards, each with its own action forms, in one response.
QUEUE_PER_PAGE = 25


@dataclass
class ModerationQueue:
    flagged: list[QueueItem]
    pending: list[QueueItem]

    def __len__(self) -> int:
        return len(self.flagged) + len(self.pending)


@dataclass(frozen=True)
class QueueScope:
    """What a community moderator's queue covers: their communities' threads and replies, and
    stories of their communities' service areas. An editor's scope is None: everything."""

    community_ids: set[int]
    service_area_ids: set[int]


def queue_scope(user: AnyUser) -> QueueScope | None:
    """What the person moderates, read once, for checking many items without a query each."""
    if is_editor(user):
        return None
    communities = moderated_communities(user)
    return QueueScope(
        community_ids=set(communities.values_list("pk", flat=True)),
        service_area_ids=set(
            Community.service_areas.through.objects.filter(community__in=communities).values_list(
                "servicearea_id", flat=True
            )
        ),
    )


def in_queue_scope(content: Model, scope: QueueScope | None) -> bool:
    """`can_moderate_content`, answered from a scope already read (for listings: editors only)."""
    if scope is None:
        return True
    if isinstance(content, Story):
        return content.shared_service.service_area_id in scope.service_area_ids
    if isinstance(content, CaseStudyQuestion | CaseStudyAnswer):
        question = content.question if isinstance(content, CaseStudyAnswer) else content
        return not scope.service_area_ids.isdisjoint(
            question.page.service_areas.values_list("pk", flat=True)
        )
    community = content_community(content)
    return community is not None and community.pk in scope.community_ids


def _flagged_items(scope: QueueScope | None) -> list[QueueItem]:
    flags_by_content: dict[tuple[int, int], list[Flag]] = defaultdict(list)
    for flag in Flag.objects.filter(status=Flag.Status.OPEN).select_related("reporter"):
        flags_by_content[(flag.content_type_id, flag.object_id)].append(flag)
    items = []
    # One query (or none, once cached) for every kind's type, however many kinds there are.
    types = ContentType.objects.get_for_models(*CONTENT_KINDS.values())
    for kind, model in CONTENT_KINDS.items():
        type_id = types[model].pk
        ids = [object_id for (ct, object_id) in flags_by_content if ct == type_id]
        if not ids:
            continue
        for content in model.objects.select_related(*_RELATED[kind]).filter(pk__in=ids):
            if in_queue_scope(content, scope):
                items.append(QueueItem(kind, content, flags_by_content[(type_id, content.pk)]))
    _auto_hides_attach(items)
    # Most reported first, then the longest waiting.
    items.sort(key=lambda item: (-len(item.flags), min(f.created_at for f in item.flags)))
    return items


def _auto_hides_attach(items: list[QueueItem]) -> None:
    """Mark the hidden items that reports hid since their open reports began (one query)."""
    hidden = {
        (ContentType.objects.get_for_model(item.content).pk, item.content.pk): item
        for item in items
        if item.content.status == ContentStatus.HIDDEN
    }
    if not hidden:
        return
    actions = ModerationAction.objects.filter(
        action=ModerationAction.Action.AUTO_HIDE,
        content_type_id__in={type_id for type_id, _ in hidden},
        object_id__in={object_id for _, object_id in hidden},
    ).order_by("created_at")
    for action in actions:
        item = hidden.get((action.content_type_id, action.object_id))
        if item is not None and action.created_at >= min(f.created_at for f in item.flags):
            item.auto_hide = action  # the latest wins


def _pending_items(scope: QueueScope | None) -> list[QueueItem]:
    threads = Thread.objects.filter(status=ContentStatus.PENDING).select_related(
        *_RELATED["thread"]
    )
    posts = Post.objects.filter(status=ContentStatus.PENDING).select_related(*_RELATED["post"])
    stories = Story.objects.filter(status=ContentStatus.PENDING).select_related(*_RELATED["story"])
    if scope is not None:
        threads = threads.filter(community_id__in=scope.community_ids)
        posts = posts.filter(thread__community_id__in=scope.community_ids)
        stories = stories.filter(shared_service__service_area_id__in=scope.service_area_ids)
    items = [QueueItem("thread", thread) for thread in threads.order_by("created_at")]
    items += [QueueItem("post", post) for post in posts.order_by("created_at")]
    items += [QueueItem("story", story) for story in stories.order_by("created_at")]
    questions = CaseStudyQuestion.objects.filter(status=ContentStatus.PENDING)
    answers = CaseStudyAnswer.objects.filter(status=ContentStatus.PENDING)
    if scope is not None:
        pages = Q(page__service_areas__in=scope.service_area_ids)
        questions = questions.filter(pk__in=CaseStudyQuestion.objects.filter(pages).values("pk"))
        answers = answers.filter(question__in=CaseStudyQuestion.objects.filter(pages).values("pk"))
    for kind, queryset in (("question", questions), ("answer", answers)):
        queryset = queryset.select_related(*_RELATED[kind]).order_by("created_at")
        items += [QueueItem(kind, content) for content in queryset]
    return items


def moderation_queue_for(user: AnyUser) -> ModerationQueue:
    """Open flags grouped by item, and content waiting for approval, that the person may act on."""
    scope = queue_scope(user)
    flagged = _flagged_items(scope)
    # Flagged content waiting for approval is shown once, with its flags.
    shown = {(item.kind, item.content.pk) for item in flagged}
    pending = [item for item in _pending_items(scope) if (item.kind, item.content.pk) not in shown]
    return ModerationQueue(flagged=flagged, pending=pending)


# --- the link to the queue -------------------------------------------------------------------


def _count(queryset: QuerySet) -> Subquery:
    """COUNT(*) of a queryset as a scalar subquery (Func, not Count: no GROUP BY is wanted)."""
    return Subquery(
        queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n"),
        output_field=IntegerField(),
    )


def _open_flag_ids(model: type[Model]) -> QuerySet[Flag]:
    # Joined by app label and model name rather than a ContentType id, which would be a query.
    return Flag.objects.filter(
        status=Flag.Status.OPEN,
        content_type__app_label=model._meta.app_label,
        content_type__model=model._meta.model_name,
    ).values("object_id")


def _waiting(model: type[Model], *, pending: bool = True) -> Q:
    waiting = Q(pk__in=_open_flag_ids(model))
    return waiting | Q(status=ContentStatus.PENDING) if pending else waiting


def _waiting_counts(user_pk: OuterRef) -> dict[str, Subquery]:
    """How many items wait in the whole queue (an editor's) and in the person's own scope (a
    community moderator's): each item once, however many reports it has, as `len(queue)`."""
    # One level further in (inside the stories' subquery), so the person is the outer ref's outer.
    areas = Community.service_areas.through.objects.filter(
        community__moderators=OuterRef(user_pk)
    ).values("servicearea_id")
    everything = (
        _count(Thread.objects.filter(_waiting(Thread)))
        + _count(Post.objects.filter(_waiting(Post)))
        + _count(Story.objects.filter(_waiting(Story)))
        + _count(Listing.objects.filter(_waiting(Listing, pending=False)))
        + _count(CaseStudyQuestion.objects.filter(status=ContentStatus.PENDING))
        + _count(CaseStudyAnswer.objects.filter(status=ContentStatus.PENDING))
    )
    # A case study may be in several of the person's areas: counted once, through its id.
    covered = CaseStudyQuestion.objects.filter(page__service_areas__in=areas).values("pk")
    own = (
        _count(Thread.objects.filter(_waiting(Thread), community__moderators=user_pk))
        + _count(Post.objects.filter(_waiting(Post), thread__community__moderators=user_pk))
        + _count(Story.objects.filter(_waiting(Story), shared_service__service_area__in=areas))
        + _count(CaseStudyQuestion.objects.filter(status=ContentStatus.PENDING, pk__in=covered))
        + _count(CaseStudyAnswer.objects.filter(status=ContentStatus.PENDING, question__in=covered))
    )
    return {"everything": everything, "own": own}


@dataclass(frozen=True)
class QueueLink:
    """The navigation's link to the queue: shown to editors and community moderators."""

    shown: bool
    waiting: int


def queue_link_for(user: AnyUser) -> QueueLink:
    """Whether the person may use the queue and how many items wait for them, in one query
    (the navigation shows it on every page)."""
    if not user.is_authenticated:
        return QueueLink(shown=False, waiting=0)
    me = OuterRef("pk")
    row = (
        User.objects.filter(pk=user.pk)
        .annotate(
            editor=Exists(
                User.groups.through.objects.filter(user_id=me, group__name__in=EDITOR_GROUPS)
            ),
            moderator=Exists(Community.moderators.through.objects.filter(user_id=me)),
            **_waiting_counts(me),
        )
        .values("is_superuser", "editor", "moderator", "everything", "own")
        .first()
    )
    if row is None:
        return QueueLink(shown=False, waiting=0)
    if row["is_superuser"] or row["editor"]:
        return QueueLink(shown=True, waiting=row["everything"])
    return QueueLink(shown=row["moderator"], waiting=row["own"])
