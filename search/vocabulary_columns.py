"""Columns of the "Search vocabulary" listing that say more than one field."""

from django.http import QueryDict
from django.middleware.csrf import get_token
from django.urls import reverse
from wagtail.admin.ui.tables import BaseColumn

from search.models import VocabularyEntry

Status, Origin = VocabularyEntry.Status, VocabularyEntry.Origin


class FoundInColumn(BaseColumn):
    """How many documents define a suggestion, and one of them to look at."""

    cell_template_name = "search/admin/vocabulary_found_in_cell.html"


class DecidedColumn(BaseColumn):
    """Who added, confirmed or rejected an entry, and when."""

    cell_template_name = "search/admin/vocabulary_decided_cell.html"


class DecideColumn(BaseColumn):
    """"Confirm" and "Reject" buttons for what mining suggested, as small POST forms that come
    back to the same filtered page of the listing."""

    cell_template_name = "search/admin/vocabulary_decide_cell.html"

    def __init__(self, *args, index_url: str, query: QueryDict, **kwargs):
        super().__init__(*args, **kwargs)
        query = query.copy()
        # Set by the listing's own refreshes: not part of the page to come back to.
        query.pop("_w_filter_fragment", None)
        self.next_url = f"{index_url}?{query.urlencode()}" if query else index_url

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        actions = []
        if instance.origin == Origin.MINED:
            if instance.status != Status.CONFIRMED:
                actions.append(("Confirm", "search_vocabulary:confirm", "button-secondary"))
            if instance.status != Status.REJECTED:
                actions.append(("Reject", "search_vocabulary:reject", "button-secondary no"))
        context.update(
            {
                "actions": [
                    {"label": label, "url": reverse(name, args=[instance.pk]), "classes": classes}
                    for label, name, classes in actions
                ],
                # The cell is rendered without the request's context processors.
                "csrf_token": get_token(request) if request and actions else "",
                "next_url": self.next_url,
            }
        )
        return context
