"""Every change that affects a search document records an index task, in the same transaction,
with or without Elasticsearch: the task also keeps the database's search entry in step.

Receivers only work out *which* documents a change touches; the worker reads the objects'
state later. Names, regions and service areas are copied into the documents of related content,
so a change to an organisation or a service area re-syncs those documents too.
"""

import logging
from collections.abc import Iterable

from django.db.models import Model, Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from community.models import (
    CaseStudyAnswer,
    CaseStudyQuestion,
    Community,
    Listing,
    Post,
    Story,
    StoryChange,
    StoryResponse,
    Thread,
    ThreadTag,
)
from knowledge.models import (
    CaseStudyPage,
    Organisation,
    ProfileContract,
    ProfilePractice,
    ProfileSystem,
    ReadinessProfile,
    ResourcePage,
    ServiceArea,
    SharedService,
)
from search.outbox import enqueue

logger = logging.getLogger(__name__)

INDEXED_PAGES = (CaseStudyPage, ResourcePage)
PROFILE_ROWS = (ProfileSystem, ProfileContract, ProfilePractice)


def indexed_pages_under(page: Page, *, inclusive: bool = True) -> list[Page]:
    """The case studies and resources at or below a page (whose URL or privacy it decides)."""
    found: list[Page] = []
    for model in INDEXED_PAGES:
        found.extend(model.objects.descendant_of(page, inclusive=inclusive).only("pk"))
    return found


def stories_of(services: Iterable[SharedService]) -> list[Story]:
    return list(Story.objects.filter(shared_service__in=list(services)).only("pk"))


def organisation_dependents(organisation: Organisation) -> list[Model]:
    """Documents that carry this organisation's name, slug or region."""
    services = list(
        SharedService.objects.filter(Q(lead_organisation=organisation) | Q(partners=organisation))
        .distinct()
        .only("pk")
    )
    return [
        *CaseStudyPage.objects.filter(organisations=organisation).only("pk"),
        *ResourcePage.objects.filter(organisation=organisation).only("pk"),
        *services,
        *stories_of(services),
        *Listing.objects.filter(organisation=organisation).only("pk"),
        *ReadinessProfile.objects.filter(organisation=organisation).only("pk"),
    ]


def service_area_dependents(area: ServiceArea) -> list[Model]:
    services = list(SharedService.objects.filter(service_area=area).only("pk"))
    return [
        *CaseStudyPage.objects.filter(service_areas=area).only("pk"),
        *ResourcePage.objects.filter(service_areas=area).only("pk"),
        *services,
        *stories_of(services),
        *Listing.objects.filter(service_area=area).only("pk"),
        *profiles_in(area),
    ]


def profiles_in(area: ServiceArea) -> list[ReadinessProfile]:
    """Profiles with a system, contract or practice in the area (documents name the area)."""
    in_area = [
        model.objects.filter(service_area=area).values("profile_id") for model in PROFILE_ROWS
    ]
    return [ReadinessProfile(pk=pk) for pk in sorted({r["profile_id"] for q in in_area for r in q})]


# -- receivers ------------------------------------------------------------------------------


def object_changed(sender, instance: Model, **kwargs) -> None:
    """Saved or deleted: its own document (removed at drain time if it should not be found)."""
    enqueue([instance])


def page_changed(sender, instance: Page, **kwargs) -> None:
    enqueue([instance])


def page_url_changed(sender, instance: Page, **kwargs) -> None:
    """Moved: every case study and resource at or under it has a new URL."""
    enqueue(indexed_pages_under(instance))


def page_url_noted(sender, instance: Model, raw: bool = False, **kwargs) -> None:
    """Before a branch page (an index, the home page) is saved, note its URL path: if the save
    changes it, every page below gets a new URL. Wagtail's own slug signal fires after commit,
    outside the transaction, so it could be lost; this is checked inside it."""
    if raw or not isinstance(instance, Page) or isinstance(instance, INDEXED_PAGES):
        return
    if instance.pk is None:
        return
    instance._search_url_path_before = (
        Page.objects.filter(pk=instance.pk).values_list("url_path", flat=True).first()
    )


def branch_page_saved(sender, instance: Model, created: bool = False, **kwargs) -> None:
    before = getattr(instance, "_search_url_path_before", None)
    if before is None or not isinstance(instance, Page):
        return
    del instance._search_url_path_before
    if before != instance.url_path:
        enqueue(indexed_pages_under(instance, inclusive=False))


def view_restriction_changed(sender, instance: PageViewRestriction, **kwargs) -> None:
    """A privacy setting added or lifted hides or shows the whole branch below the page."""
    enqueue(indexed_pages_under(instance.page))


def organisation_changed(sender, instance: Organisation, **kwargs) -> None:
    enqueue([instance, *organisation_dependents(instance)])


def organisation_deleting(sender, instance: Organisation, **kwargs) -> None:
    # Before the delete, while the links that say who mentions it still exist.
    enqueue([instance, *organisation_dependents(instance)])


def service_area_changed(sender, instance: ServiceArea, **kwargs) -> None:
    enqueue(service_area_dependents(instance))


def shared_service_changed(sender, instance: SharedService, **kwargs) -> None:
    enqueue([instance, *stories_of([instance])])


def profile_row_changed(sender, instance: Model, **kwargs) -> None:
    """A system, contract or practice is part of its profile's documents."""
    enqueue([ReadinessProfile(pk=instance.profile_id)])


def community_changed(sender, instance: Community, **kwargs) -> None:
    """Turning members-only changes the audience of every thread in it."""
    enqueue([instance, *Thread.objects.filter(community=instance).only("pk")])


def post_changed(sender, instance: Post, **kwargs) -> None:
    enqueue([Thread(pk=instance.thread_id)])


def story_reply_changed(sender, instance: StoryResponse | StoryChange, **kwargs) -> None:
    """The provider's answer and its change made are part of their story's document."""
    enqueue([Story(pk=instance.story_id)])


def case_study_question_changed(sender, instance: CaseStudyQuestion, **kwargs) -> None:
    """Published questions and answers are part of their case study's document."""
    enqueue([CaseStudyPage(pk=instance.page_id)])


def case_study_answer_changed(sender, instance: CaseStudyAnswer, **kwargs) -> None:
    page_id = (
        CaseStudyQuestion.objects.filter(pk=instance.question_id)
        .values_list("page_id", flat=True)
        .first()
    )
    if page_id is not None:  # None: deleted with its question, which enqueued the page
        enqueue([CaseStudyPage(pk=page_id)])


def thread_tags_changed(sender, instance: Model, action: str, reverse: bool, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if isinstance(instance, Thread):
        enqueue([instance])
    elif pk_set:  # from the tag's side: every thread it was added to or removed from
        enqueue(Thread(pk=pk) for pk in pk_set)


def tag_renamed(sender, instance: Tag, created: bool, **kwargs) -> None:
    """Tag names are copied into documents; a new tag is in none yet."""
    if created:
        return
    enqueue(
        [
            *Thread.objects.filter(tags=instance).only("pk"),
            *CaseStudyPage.objects.filter(tags=instance).only("pk"),
            *ResourcePage.objects.filter(tags=instance).only("pk"),
        ]
    )


def thread_tag_row_changed(sender, instance: ThreadTag, **kwargs) -> None:
    enqueue([Thread(pk=instance.content_object_id)])


SAVE_AND_DELETE = (
    (CaseStudyPage, page_changed),
    (ResourcePage, page_changed),
    (SharedService, shared_service_changed),
    (Community, community_changed),
    (Thread, object_changed),
    (Post, post_changed),
    (Story, object_changed),
    (StoryResponse, story_reply_changed),
    (StoryChange, story_reply_changed),
    (CaseStudyQuestion, case_study_question_changed),
    (CaseStudyAnswer, case_study_answer_changed),
    (Listing, object_changed),
    (ServiceArea, service_area_changed),
    (PageViewRestriction, view_restriction_changed),
    (ThreadTag, thread_tag_row_changed),
    (ReadinessProfile, object_changed),
    *((model, profile_row_changed) for model in PROFILE_ROWS),
)


def connect() -> None:
    """Called once from SearchConfig.ready(); dispatch_uid keeps a second call harmless."""
    for model, receiver in SAVE_AND_DELETE:
        name = model._meta.label_lower
        post_save.connect(receiver, sender=model, dispatch_uid=f"search.{name}.saved")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"search.{name}.deleted")
    post_save.connect(
        organisation_changed, sender=Organisation, dispatch_uid="search.organisation.saved"
    )
    pre_delete.connect(
        organisation_deleting, sender=Organisation, dispatch_uid="search.organisation.deleting"
    )
    # Publishing saves the page too; these also catch paths that only change `live`.
    page_published.connect(page_changed, dispatch_uid="search.page.published")
    page_unpublished.connect(page_changed, dispatch_uid="search.page.unpublished")
    post_page_move.connect(page_url_changed, dispatch_uid="search.page.moved")
    pre_save.connect(page_url_noted, dispatch_uid="search.page.url_noted")
    post_save.connect(branch_page_saved, dispatch_uid="search.page.branch_saved")
    post_save.connect(tag_renamed, sender=Tag, dispatch_uid="search.tag.saved")
    m2m_changed.connect(
        thread_tags_changed, sender=ThreadTag, dispatch_uid="search.thread.tags_changed"
    )
