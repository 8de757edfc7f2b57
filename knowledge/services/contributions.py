"""Contributions from the public site: case studies and resources sent in for review.

A contribution becomes a draft page owned by the person who sent it, with a revision, and enters
Wagtail's moderation workflow (by default "Moderators approval", which Wagtail's migrations put on
the root page). Editors approve or request changes in the Wagtail admin; approval publishes the
page. Where each contribution stands is read by `knowledge.contribution_status`.
"""

import logging
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.log_actions import log
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    WorkflowState,
)

from commons.ratelimits import user_limit_check
from knowledge.contribution_status import contribution_of
from knowledge.document_checks import document_validate
from knowledge.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    DueDiligenceItem,
    ResourceIndexPage,
    ResourcePage,
)
from knowledge.stored_text import STORY_FIELDS, rich_text_kept_or_from_plain

logger = logging.getLogger(__name__)

SLUG_BASE_MAX_LENGTH = 200  # Page.slug allows 255; leave room for a "-2" suffix

# Documents sent with a resource wait here, readable only by the groups that review them, so a
# draft's file cannot be fetched by guessing its address. Publishing the page releases it.
REVIEW_COLLECTION_NAME = "Contributions awaiting review"
REVIEWER_GROUP_NAMES = ("Moderators", "Editors")


def _list_page(model: type[Page], *, plural: str) -> Page:
    # The list is found, never made: making it is site setup (knowledge.services.site), which can
    # replace pages and re-root a site, and is no part of a contribution.
    parent = model.objects.first()  # max_count = 1
    if parent is None:
        logger.error("No %s page: contributions of %s are refused", model.__name__, plural)
        raise ValidationError(
            f"{plural.capitalize()} cannot be sent in at the moment. Try again later.",
            code="no_list",
        )
    return parent


def _slug_free(parent: Page, title: str, *, fallback: str) -> str:
    """A slug from the title, with "-2", "-3", ... when a sibling (draft or live) has it."""
    base = slugify(title)[:SLUG_BASE_MAX_LENGTH].strip("-") or fallback
    taken = set(
        Page.objects.child_of(parent).filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _parent_locked(parent: Page) -> Page:
    # Two contributions with the same title at once would pick the same slug and tree path:
    # holding the list page's row for the length of the insert makes them take turns.
    return type(parent).objects.select_for_update().get(pk=parent.pk)


def _draft_insert(
    parent: Page,
    page: Page,
    *,
    user,
    fallback_slug: str,
    relations: Mapping[str, Iterable[Any] | None],
) -> Page:
    """Adds the page under its list as the contributor's draft, with a revision, in one
    transaction. `relations` are its many-to-many fields: setting tags creates tag rows."""
    with transaction.atomic():
        parent = _parent_locked(parent)
        page.slug = _slug_free(parent, page.title, fallback=fallback_slug)
        for name, values in relations.items():
            getattr(page, name).set(list(values or []))
        page.owner = user
        # Who told it is who can best say whether it still holds, until an editor names another.
        page.content_owner = user
        page.live = False
        parent.add_child(instance=page)
        log(instance=page, action="wagtail.create", user=user)
        page.save_revision(user=user, log_action=True)
    return page


def _review_request(page: Page, *, user) -> None:
    workflow = page.get_workflow()
    if workflow is None:
        # Without a workflow no editor is asked; the contributor sees "Draft", not "Waiting".
        logger.error("No moderation workflow covers page %s; it stays a draft", page.pk)
        return
    # Outside the insert's transaction: Wagtail emails the moderators as the workflow starts.
    workflow.start(page, user)


def _case_study_fill(page: CaseStudyPage, data: Mapping[str, Any]) -> None:
    """Puts the form's answers on the page, in memory: the caller saves the page or a revision."""
    page.title = data["title"]
    page.summary = data["summary"]
    page.stage = data["stage"]
    for name in (
        "started_on",
        "ended_on",
        "investment_pounds",
        "annual_savings_pounds",
        "savings_percent",
        "staff_change_fte",
    ):
        setattr(page, name, data.get(name))
    for name in STORY_FIELDS:
        stored = getattr(page, name) or ""
        setattr(page, name, rich_text_kept_or_from_plain(data.get(name) or "", stored))
    # The admin's checklist rows, one per area answered; a resend replaces them all.
    page.due_diligence = [
        DueDiligenceItem(area=area, status=status, notes=notes)
        for area, status, notes in data.get("due_diligence", [])
    ]


def _case_study_relations(data: Mapping[str, Any]) -> dict[str, Iterable[Any] | None]:
    return {
        "organisations": data.get("organisations"),
        "service_areas": data.get("service_areas"),
        "tags": data.get("tags"),
    }


def case_study_submit(*, user, data: Mapping[str, Any]) -> CaseStudyPage:
    """Saves a case study as the contributor's draft and asks the editors to review it."""
    parent = _list_page(CaseStudyIndexPage, plural="case studies")
    # Before the transaction, which locks the parent page: a cache call must not hold it.
    user_limit_check("contribution", user)
    page = CaseStudyPage()
    _case_study_fill(page, data)
    _draft_insert(
        parent,
        page,
        user=user,
        fallback_slug="case-study",
        relations=_case_study_relations(data),
    )
    _review_request(page, user=user)
    logger.info("Case study %s sent for review by user %s", page.pk, user.pk)
    return page


def _revision_save(
    *,
    user,
    page_id: int,
    model: type[Page],
    fill: Callable[[Page], None],
    relations: Mapping[str, Iterable[Any] | None],
) -> Page:
    """Saves a contribution's changes as its newest revision, if it may still change.

    `user` is the contributor or an editor (`contribution_of`); only what no editor is
    reading and nobody has decided on can change, and the page must be of `model`.
    """
    with transaction.atomic():
        # Locked, and its status read again under the lock: two resends at once (a double
        # click) would otherwise both pass the check and the second would find nothing to resume.
        Page.objects.select_for_update().get(pk=page_id)
        contribution = contribution_of(user, page_id)
        if contribution is None or not isinstance(contribution.page, model):
            raise ValidationError("It no longer exists.", code="not_editable")
        if not contribution.editable:
            raise ValidationError(contribution.not_editable_because, code="not_editable")
        draft = contribution.page.get_latest_revision_as_object()
        fill(draft)
        for name, values in relations.items():
            getattr(draft, name).set(list(values or []))
        if not draft.live:
            # A page never published is its draft: the row (which lists and titles read)
            # follows the revision, as it did when the contribution was first sent.
            draft.save()
        draft.save_revision(user=user, log_action=True)
    return draft


def _review_resume(page: Page, *, user) -> None:
    """The workflow that asked for changes carries on; a draft's review starts."""
    # Outside any transaction: Wagtail emails the moderators as the task restarts.
    state = page.current_workflow_state
    if state is None:
        _review_request(page, user=user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        try:
            state.resume(user)
        except PermissionDenied:
            # A second click's resend resumed it first: the newest revision is what they read.
            logger.info("Workflow state %s was already resumed", state.pk)
    logger.info("%s %s sent again for review by user %s", type(page).__name__, page.pk, user.pk)


def case_study_resend(*, user, page_id: int, data: Mapping[str, Any]) -> CaseStudyPage:
    """Saves the changes to a case study and sends it back to the editors."""
    draft = _revision_save(
        user=user,
        page_id=page_id,
        model=CaseStudyPage,
        fill=lambda draft: _case_study_fill(draft, data),
        relations=_case_study_relations(data),
    )
    _review_resume(draft, user=user)
    return draft


def review_collection_ensure() -> Collection:
    """The collection contributed documents wait in, readable only by reviewers."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=REVIEW_COLLECTION_NAME).first()
    if collection is not None:
        return collection
    collection = root.add_child(name=REVIEW_COLLECTION_NAME)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=REVIEWER_GROUP_NAMES))
    return collection


def _document_add(file: UploadedFile, *, title: str, user) -> AbstractDocument:
    document = get_document_model()(
        title=title, file=file, collection=review_collection_ensure(), uploaded_by_user=user
    )
    document._set_document_file_metadata()
    document.full_clean()
    document.save()
    return document


def _document_discard(document: AbstractDocument) -> None:
    # A rolled-back transaction takes back rows, not files: the stored file goes with its row.
    document.file.delete(save=False)
    document.delete()


def resource_submit(
    *, user, data: Mapping[str, Any], document_file: UploadedFile | None = None
) -> ResourcePage:
    """Saves a resource (a web address or an uploaded document) as a draft for review."""
    if document_file:
        document_validate(document_file)  # a wrong file does not use up the allowance
    parent = _list_page(ResourceIndexPage, plural="resources")
    user_limit_check("contribution", user)
    # Stored before the list page is locked: writing a file can take long enough to hold up
    # every other contribution, and is undone by hand below if the insert fails.
    document = (
        _document_add(document_file, title=data["title"], user=user) if document_file else None
    )
    page = ResourcePage(document=document)
    _resource_fill(page, data)
    try:
        _draft_insert(
            parent,
            page,
            user=user,
            fallback_slug="resource",
            relations={"service_areas": data.get("service_areas"), "tags": data.get("tags")},
        )
    except BaseException:
        if document is not None:
            _document_discard(document)
        raise
    _review_request(page, user=user)
    logger.info("Resource %s sent for review by user %s", page.pk, user.pk)
    return page


def _resource_fill(page: ResourcePage, data: Mapping[str, Any]) -> None:
    page.title = data["title"]
    page.summary = data["summary"]
    page.kind = data["kind"]
    page.external_url = data.get("external_url") or ""
    page.organisation = data.get("organisation")
    page.licence = data["licence"]


def resource_resend(
    *, user, page_id: int, data: Mapping[str, Any], document_file: UploadedFile | None = None
) -> ResourcePage:
    """Saves the changes to a resource and sends it back to the editors. The document sent
    before stays unless a new file replaces it or a web address takes its place; then it is
    deleted, if nobody outside the review ever saw it (`_replaced_document_discard`)."""
    if document_file:
        document_validate(document_file)
    document = (
        _document_add(document_file, title=data["title"], user=user) if document_file else None
    )
    replaced: list[AbstractDocument] = []

    def fill(draft: ResourcePage) -> None:
        _resource_fill(draft, data)
        previous = draft.document
        if document is not None:
            draft.document = document
        elif draft.external_url:
            draft.document = None
        if previous is not None and previous != draft.document:
            replaced.append(previous)

    try:
        draft = _revision_save(
            user=user,
            page_id=page_id,
            model=ResourcePage,
            fill=fill,
            relations={"service_areas": data.get("service_areas"), "tags": data.get("tags")},
        )
    except BaseException:
        if document is not None:
            _document_discard(document)
        raise
    for previous in replaced:
        _replaced_document_discard(previous)
    _review_resume(draft, user=user)
    return draft


def _replaced_document_discard(document: AbstractDocument) -> None:
    """A contributed document replaced before it was ever published: still in the review
    collection (publication moves it out) and on no page, it would only clutter the reviewers'
    documents. Earlier revisions that name it open without it (modelcluster drops a missing
    foreign key)."""
    document.refresh_from_db()
    if document.collection.name != REVIEW_COLLECTION_NAME:
        return
    if ResourcePage.objects.filter(document=document).exists():
        return
    logger.info("Document %s replaced before review and deleted", document.pk)
    _document_discard(document)


def contributed_document_release(page: ResourcePage) -> None:
    """Once its resource is published, a contributed document is as public as the page."""
    document = page.document
    if document is None or document.collection.name != REVIEW_COLLECTION_NAME:
        return
    document.collection = Collection.get_first_root_node()
    document.save(update_fields=["collection"])
    logger.info("Document %s released with published resource %s", document.pk, page.pk)
