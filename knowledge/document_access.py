"""Who may download a document: no one who could not see a page that uses it.

Wagtail's document view applies the privacy of the document's collection only. A document added
to a draft (a contribution, an attachment to an unpublished case study) or to a page for
signed-in people only would otherwise be public to anyone with its address. Wagtail's reference
index already records which pages use each document (a resource's document, a case study's
attachments, links in rich text), so the rule asks it.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from wagtail.documents.models import AbstractDocument
from wagtail.models import Page, ReferenceIndex


def pages_using(document: AbstractDocument) -> list[Page]:
    """The pages whose content (live, or draft if never published) refers to the document."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return list(Page.objects.filter(pk__in=[int(pk) for pk in ids]))


def _page_visible(page: Page, request: HttpRequest) -> bool:
    if page.live and all(
        restriction.accept_request(request) for restriction in page.get_view_restrictions()
    ):
        return True
    user = request.user
    return user.is_authenticated and (
        page.owner_id == user.pk or page.permissions_for_user(user).can_edit()
    )


def document_visible_to(document: AbstractDocument, request: HttpRequest) -> bool:
    """True when the request may see at least one page that uses the document.

    A document no page uses (just uploaded in the admin, say) is left to its collection's privacy,
    as in Wagtail.
    """
    pages = pages_using(document)
    return not pages or any(_page_visible(page, request) for page in pages)
