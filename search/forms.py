"""Reading a search from the query string: the same parameters for the page and the JSON API.

Every value is checked; anything that does not make sense is an error message for the person
(or a 400 for the API), never a 500 and never silently ignored.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.validators import validate_slug
from django.http import QueryDict
from django.utils.functional import cached_property

from commons.text import without_control_characters
from knowledge.models import Organisation
from knowledge.models.taxonomy import Region
from search.sources import sources
from search.types import (
    DATE_RANGES,
    SCOPE_NETWORK,
    SCOPE_SITE,
    SORT_NEWEST,
    SORT_RELEVANCE,
    SearchFilters,
)

QUERY_MAX_LENGTH = 200
MAX_VALUES_PER_FILTER = 20
MAX_VALUE_LENGTH = 100
# Elasticsearch will not page past 10,000 results; 20 a page makes 500 pages.
MAX_PAGE = 500

# Query-string parameter -> SearchFilters field.
FILTER_PARAMETERS = {
    "kind": "kinds",
    "tag": "tags",
    "organisation": "organisations",
    "service_area": "service_areas",
    "community": "communities",
    "region": "regions",
}


class ValueListField(forms.Field):
    """Repeated query-string values (?organisation=a&organisation=b): slugs, or tag names.

    A value given again is dropped silently (it asks for nothing more: the same filter twice is
    still that filter), but more than MAX_VALUES_PER_FILTER different values is an error rather
    than a quiet cut, which would search for less than was asked."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, noun: str, plural: str, slugs: bool = True, **kwargs: Any) -> None:
        self.noun = noun
        self.plural = plural
        self.slugs = slugs
        super().__init__(required=False, **kwargs)

    def to_python(self, value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        values = [" ".join(str(item).split()) for item in (value or [])]
        return tuple(dict.fromkeys(item for item in values if item))  # no repeats, in order

    def validate(self, value: tuple[str, ...]) -> None:
        if len(value) > MAX_VALUES_PER_FILTER:
            raise forms.ValidationError(
                f"Choose no more than {MAX_VALUES_PER_FILTER} {self.plural} at once."
            )
        for item in value:
            if not self._looks_right(item):
                message = f"We could not find the {self.noun} “{item[:50]}”."
                raise forms.ValidationError(message)

    def _looks_right(self, item: str) -> bool:
        if len(item) > MAX_VALUE_LENGTH or not item.isprintable():
            return False
        if not self.slugs:
            return True
        try:
            validate_slug(item)
        except forms.ValidationError:
            return False
        return True


class DistinctChoicesField(forms.MultipleChoiceField):
    """Choices from a short list (kinds, regions): a choice given many times counts once, so a
    link that repeats it thousands of times asks for no more work than one that gives it once."""

    def to_python(self, value: Any) -> list[str]:
        return list(dict.fromkeys(super().to_python(value)))


class QuestionField(forms.CharField):
    """The words typed, without control characters: a NUL or an escape pasted in with them is
    dropped before anything checks or searches them."""

    def to_python(self, value: Any) -> str:
        return super().to_python(without_control_characters(str(value or "")))


class SearchForm(forms.Form):
    q = QuestionField(
        label="Search Commons",
        required=False,
        max_length=QUERY_MAX_LENGTH,
        strip=True,
        error_messages={
            "max_length": f"Search for {QUERY_MAX_LENGTH} characters or fewer.",
        },
    )
    kind = DistinctChoicesField(
        required=False,
        error_messages={"invalid_choice": "Choose kinds of content from the list."},
    )
    tag = ValueListField(noun="tag", plural="tags", slugs=False)
    organisation = ValueListField(noun="organisation", plural="organisations")
    service_area = ValueListField(noun="service area", plural="service areas")
    community = ValueListField(noun="community", plural="communities")
    region = DistinctChoicesField(
        required=False,
        choices=Region.choices,
        error_messages={"invalid_choice": "Choose regions from the list."},
    )
    date = forms.ChoiceField(
        required=False,
        choices=[("", "Any time"), *((key, label) for key, (label, _) in DATE_RANGES.items())],
        error_messages={"invalid_choice": "Choose when it was published from the list."},
    )
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[(SORT_RELEVANCE, "Most relevant"), (SORT_NEWEST, "Newest")],
        error_messages={"invalid_choice": "Sort by most relevant or newest."},
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={
            "invalid": "The page number must be a whole number, like 2.",
            "min_value": "The page number must be 1 or more.",
            "max_value": f"We can only show the first {MAX_PAGE} pages of results: "
            "add words or filters to narrow the search.",
        },
    )
    scope = forms.ChoiceField(
        label="Search",
        required=False,
        choices=[(SCOPE_NETWORK, "The whole network"), (SCOPE_SITE, "This site only")],
        error_messages={"invalid_choice": "Choose this site only or the whole network."},
    )

    def __init__(
        self,
        *args: Any,
        site_organisation: Organisation | Callable[[], Organisation | None] | None = None,
        **kwargs: Any,
    ) -> None:
        """`site_organisation`: the organisation behind this site's branding, if any (or a
        function finding it, called only when needed); it is what "this site only" means."""
        super().__init__(*args, **kwargs)
        self._site_organisation = site_organisation
        self.fields["kind"].choices = [(kind, src.label) for kind, src in sources().items()]
        # A callable: only rendering the switch, or a scope actually given, needs the site.
        self.fields["scope"].choices = self._scope_choices

    @cached_property
    def site_organisation(self) -> Organisation | None:
        found = self._site_organisation
        return found() if callable(found) else found

    def _scope_choices(self) -> list[tuple[str, str]]:
        if self.site_organisation is None:
            return [(SCOPE_NETWORK, "The whole network"), (SCOPE_SITE, "This site only")]
        return [
            (SCOPE_SITE, f"{self.site_organisation.name} only"),
            (SCOPE_NETWORK, "The whole network"),
        ]

    def clean_scope(self) -> str:
        scope = self.cleaned_data.get("scope") or SCOPE_NETWORK
        if scope == SCOPE_SITE and self.site_organisation is None:
            raise forms.ValidationError(
                "This site does not belong to one council, so you can only search the whole "
                "network."
            )
        return scope

    # What the form means, once valid.

    @property
    def query(self) -> str:
        return self.cleaned_data.get("q") or ""

    @property
    def chosen_sort(self) -> str:
        return self.cleaned_data.get("sort") or SORT_RELEVANCE

    @property
    def page_number(self) -> int:
        return self.cleaned_data.get("page") or 1

    @property
    def chosen_scope(self) -> str:
        return self.cleaned_data.get("scope") or SCOPE_NETWORK

    def filters(self) -> SearchFilters:
        data = self.cleaned_data
        site_organisation = ""
        if self.chosen_scope == SCOPE_SITE and self.site_organisation is not None:
            site_organisation = self.site_organisation.slug
        return SearchFilters(
            **{field: tuple(data.get(name) or ()) for name, field in FILTER_PARAMETERS.items()},
            date=data.get("date") or "",
            site_organisation=site_organisation,
        )

    def query_params(self) -> QueryDict:
        """The search as asked, each parameter and value once, in a fixed order, without the
        page. The page's links are built from this (not from the raw query string, where a
        value can be repeated thousands of times)."""
        params = QueryDict(mutable=True)
        if self.query:
            params["q"] = self.query
        for name in FILTER_PARAMETERS:
            if values := self.cleaned_data.get(name):
                params.setlist(name, list(values))
        if date := self.cleaned_data.get("date"):
            params["date"] = date
        if self.chosen_sort != SORT_RELEVANCE:
            params["sort"] = self.chosen_sort
        if self.chosen_scope != SCOPE_NETWORK:
            params["scope"] = self.chosen_scope
        return params

    def error_dict(self) -> dict[str, list[str]]:
        """Field name -> messages, for the API's 400 answer."""
        return {name: list(messages) for name, messages in self.errors.items()}

    def error_list(self) -> list[dict[str, str]]:
        """The page's error summary: each message linking to the field to fix."""
        anchors = {"q": "#search-query", "sort": "#search-sort", "scope": "#search-scope"}
        return [
            {"href": anchors.get(name, "#search-filters"), "text": message}
            for name, messages in self.errors.items()
            for message in messages
        ]
