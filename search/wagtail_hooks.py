"""Search in the Wagtail admin, for editors and moderators only:

- the "Search terms" report under Reports: what people searched for in the last 30 days, most
  searched first, and which searches found nothing (each with a link to add it to the
  vocabulary); downloadable as CSV or Excel;
- the "Search vocabulary" screen (`search.vocabulary_admin`).
"""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import register_permission_policy

from community.permissions import is_editor
from search.analytics import REPORT_DAYS, term_counts
from search.models import VocabularyEntry
from search.vocabulary_admin import EditorsOnlyPolicy, VocabularyViewSet, add_entry_url
from search.vocabulary_services import CONFIRM_ACTION, REJECT_ACTION

# Before anything asks Wagtail for the model's policy, or it makes a default one.
register_permission_policy(VocabularyEntry, EditorsOnlyPolicy(VocabularyEntry))


class AddToVocabularyColumn(Column):
    """For a term that found nothing, a link to add it to the vocabulary as words residents use
    (the likeliest reason a search finds nothing), the term filled in; the form offers the other
    kinds."""

    cell_template_name = "search/admin/add_to_vocabulary_cell.html"

    def get_value(self, row):
        if not row["without_results"]:
            return ""
        return add_entry_url(VocabularyEntry.Kind.PLAIN_ENGLISH, row["term"])


class SearchTermsReport(ReportView):
    page_title = "Search terms"
    header_icon = "search"
    index_url_name = "search_terms_report"
    index_results_url_name = "search_terms_report_results"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    template_name = "search/admin/search_terms_report.html"
    columns = [
        Column("term", label="Search term"),
        Column("searches", label="Searches"),
        Column("without_results", label="Found nothing"),
        AddToVocabularyColumn("vocabulary", label="Vocabulary"),
    ]
    list_export = ["term", "searches", "without_results"]
    export_headings = {
        "term": "Search term",
        "searches": "Searches",
        "without_results": "Searches that found nothing",
    }
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        # Checked here, on the server: the menu item's visibility is only a convenience.
        if not is_editor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def found_nothing_only(self) -> bool:
        return self.request.GET.get("found") == "nothing"

    def get_queryset(self):
        counts = term_counts(REPORT_DAYS)
        if self.found_nothing_only:
            counts = counts.filter(without_results__gt=0).order_by("-without_results", "term")
        return counts

    def get_filename(self) -> str:
        suffix = "-found-nothing" if self.found_nothing_only else ""
        return f"search-terms{suffix}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "report_days": REPORT_DAYS,
                "found_nothing_only": self.found_nothing_only,
                "all_terms_url": reverse("search_terms_report"),
                "found_nothing_url": f"{reverse('search_terms_report')}?found=nothing",
                "vocabulary_url": reverse("search_vocabulary:index"),
            }
        )
        return context


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return is_editor(request.user)


@hooks.register("register_admin_urls")
def register_search_terms_report_urls():
    return [
        path("reports/search-terms/", SearchTermsReport.as_view(), name="search_terms_report"),
        path(
            "reports/search-terms/results/",
            SearchTermsReport.as_view(results_only=True),
            name="search_terms_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return SearchTermsMenuItem(
        "Search terms", reverse("search_terms_report"), icon_name="search", order=900
    )


@hooks.register("register_admin_viewset")
def register_vocabulary_viewset():
    return VocabularyViewSet()


@hooks.register("register_log_actions")
def register_vocabulary_log_actions(actions):
    actions.register_action(CONFIRM_ACTION, "Confirm", "Confirmed for the search vocabulary")
    actions.register_action(REJECT_ACTION, "Reject", "Rejected for the search vocabulary")
