"""Contributions from the public site: case studies and resources sent in for review.

A contribution becomes a draft page owned by the person who sent it, with a revision, and enters
Wagtail's moderation workflow (by default "Moderators approval", which Wagtail's migrations put on
the root page). Editors approve or request changes in the Wagtail admin; approval publishes the
page. Where each contribution stands is read by `knowledge.contribution_status`.
"""

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.html import linebreaks
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.log_actions import log
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction, Page

from commons.ratelimits import user_limit_check
from knowledge.document_checks import document_validate
from knowledge.models import CaseStudyIndexPage, CaseStudyPage, ResourceIndexPage, ResourcePage

logger = logging.getLogger(__name__)

SLUG_BASE_MAX_LENGTH = 200  # Page.slug allows 255; leave room for a "-2" suffix

# Documents sent with a resource wait here, readable only by the groups that review them, so a
# draft's file cannot be fetched by guessing its address. Publishing the page releases it.
REVIEW_COLLECTION_NAME = "Contributions awaiting review"
REVIEWER_GROUP_NAMES = ("Moderators", "Editors")


def rich_text_from_plain(text: str) -> str:
    """Plain text as stored rich text: every character escaped, blank lines start paragraphs."""
    text = (text or "").strip()
    return linebreaks(text, autoescape=True) if text else ""


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


def case_study_submit(*, user, data: Mapping[str, Any]) -> CaseStudyPage:
    """Saves a case study as the contributor's draft and asks the editors to review it."""
    parent = _list_page(CaseStudyIndexPage, plural="case studies")
    # Before the transaction, which locks the parent page: a cache call must not hold it.
    user_limit_check("contribution", user)
    page = CaseStudyPage(
        title=data["title"],
        summary=data["summary"],
        stage=data["stage"],
        started_on=data.get("started_on"),
        ended_on=data.get("ended_on"),
        investment_pounds=data.get("investment_pounds"),
        annual_savings_pounds=data.get("annual_savings_pounds"),
        savings_percent=data.get("savings_percent"),
        staff_change_fte=data.get("staff_change_fte"),
        outcomes=rich_text_from_plain(data.get("outcomes", "")),
        what_went_wrong=rich_text_from_plain(data["what_went_wrong"]),
        lessons_learned=rich_text_from_plain(data.get("lessons_learned", "")),
    )
    _draft_insert(
        parent,
        page,
        user=user,
        fallback_slug="case-study",
        relations={
            "organisations": data.get("organisations"),
            "service_areas": data.get("service_areas"),
            "tags": data.get("tags"),
        },
    )
    _review_request(page, user=user)
    logger.info("Case study %s sent for review by user %s", page.pk, user.pk)
    return page


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
    page = ResourcePage(
        title=data["title"],
        summary=data["summary"],
        kind=data["kind"],
        external_url=data.get("external_url") or "",
        document=document,
        organisation=data.get("organisation"),
        licence=data["licence"],
    )
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


def contributed_document_release(page: ResourcePage) -> None:
    """Once its resource is published, a contributed document is as public as the page."""
    document = page.document
    if document is None or document.collection.name != REVIEW_COLLECTION_NAME:
        return
    document.collection = Collection.get_first_root_node()
    document.save(update_fields=["collection"])
    logger.info("Document %s released with published resource %s", document.pk, page.pk)
