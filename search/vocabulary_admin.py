"""The "Search vocabulary" screen in the Wagtail admin, for editors only.

Editors see every entry, suggestions waiting for a decision first; confirm or reject what mining
suggested; add, change and delete their own entries; and read the rules that ship with the code.
Every view checks on the server that the person is an editor and answers 403 otherwise (hiding
the menu item is only a convenience). Wagtail itself sends people who are not signed in, or who
may not use the admin at all, to the sign-in page first.
"""

from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Q, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from community.models import User
from community.permissions import EDITOR_GROUPS, is_editor
from search import vocabulary
from search.models import VocabularyEntry
from search.vocabulary_columns import DecideColumn, DecidedColumn, FoundInColumn
from search.vocabulary_forms import KIND_FORMS, KIND_HELP
from search.vocabulary_services import vocabulary_entry_decide

Kind, Status, Origin = VocabularyEntry.Kind, VocabularyEntry.Status, VocabularyEntry.Origin
NOT_AN_EDITOR = "Only editors can manage the search vocabulary."
APPLIES = f"Searches use it within {int(vocabulary.CACHE_SECONDS)} seconds."


def _is_editor(user) -> bool:
    # Asked for every row's buttons: one query a request, not one a row.
    if not hasattr(user, "_commons_is_editor"):
        user._commons_is_editor = is_editor(user)
    return user._commons_is_editor


class EditorsOnlyPolicy(BasePermissionPolicy):
    """Editors may do everything with the vocabulary, except change or delete what mining
    suggested: a suggestion is confirmed or rejected, and a rejected one must stay, so that
    mining never suggests it again."""

    def user_has_permission(self, user, action) -> bool:
        return _is_editor(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return _is_editor(user)

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if action in ("change", "delete") and instance.origin == Origin.MINED:
            return False
        return _is_editor(user)

    def users_with_any_permission(self, actions):
        editors = Q(is_superuser=True) | Q(groups__name__in=EDITOR_GROUPS)
        return User.objects.filter(editors, is_active=True).distinct()


def editors_only(view):
    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _is_editor(request.user):
            return permission_denied(request, PermissionDenied(NOT_AN_EDITOR))
        return view(request, *args, **kwargs)

    return checked


class VocabularyIndexView(IndexView):
    template_name = "search/admin/vocabulary_index.html"
    page_title = "Search vocabulary"
    add_item_label = "Add to the vocabulary"

    def get_base_queryset(self):
        waiting_first = Case(When(status=Status.CANDIDATE, then=0), default=1)
        return VocabularyEntry.objects.select_related("decided_by").order_by(
            waiting_first.asc(), "-document_count", "-updated_at", "-pk"
        )

    @cached_property
    def columns(self):
        words = self._get_title_column("__str__")
        words.label = "Words"
        return [
            words,
            self._get_custom_column("kind"),
            self._get_custom_column("status"),
            FoundInColumn("found_in", label="Found in", sort_key="document_count"),
            DecidedColumn("decided", label="Decided"),
            DecideColumn(
                "decide", label="Decision", index_url=self.index_url, query=self.request.GET
            ),
        ]

    def get_add_url(self):
        return choose_kind_url()

    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if instance.origin == Origin.EDITOR else None

    def get_delete_url(self, instance):
        return super().get_delete_url(instance) if instance.origin == Origin.EDITOR else None

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["shipped_url"] = reverse("search_vocabulary:shipped")
        context["search_terms_url"] = f"{reverse('search_terms_report')}?found=nothing"
        context["waiting"] = VocabularyEntry.objects.filter(status=Status.CANDIDATE).count()
        context["applies_within"] = int(vocabulary.CACHE_SECONDS)
        return context


class ChooseKindView(WagtailAdminTemplateMixin, TemplateView):
    """What kind of entry to add (one question a page); a search term rides along."""

    template_name = "search/admin/vocabulary_choose_kind.html"
    page_title = "Add to the search vocabulary"
    header_icon = "openquote"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("search_vocabulary:index"), "label": "Search vocabulary"},
            {"url": "", "label": "Add"},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        term = self.request.GET.get("term", "")
        context["term"] = term
        context["kinds"] = [
            {"url": add_entry_url(kind, term), "title": title, "description": description}
            for kind, (title, description) in KIND_HELP.items()
        ]
        return context


def add_entry_url(kind: str, term: str = "") -> str:
    """The form for adding this kind of entry, with `term` filled in."""
    query = {"kind": kind, **({"term": term} if term else {})}
    return f"{reverse('search_vocabulary:add')}?{urlencode(query)}"


def choose_kind_url(term: str = "") -> str:
    choose = reverse("search_vocabulary:choose")
    return f"{choose}?{urlencode({'term': term})}" if term else choose


class VocabularyCreateView(CreateView):
    template_name = "search/admin/vocabulary_form.html"

    def setup(self, request, *args, **kwargs):
        kind = request.GET.get("kind", "")
        self.kind = kind if kind in KIND_FORMS else None
        super().setup(request, *args, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        if self.kind is None:
            return redirect(choose_kind_url(request.GET.get("term", "")))
        return super().dispatch(request, *args, **kwargs)

    def get_form_class(self):
        return KIND_FORMS[self.kind]

    def get_initial(self):
        # A term from the "Search terms" report: what residents typed and found nothing for.
        return {"terms": " ".join(self.request.GET.get("term", "").split())[:100]}

    def get_initial_form_instance(self):
        return VocabularyEntry(kind=self.kind, origin=Origin.EDITOR, status=Status.CONFIRMED)

    def get_add_url(self):
        return add_entry_url(self.kind)

    def get_page_subtitle(self):
        return KIND_HELP[self.kind][0]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kind_description"] = KIND_HELP[self.kind][1]
        context["choose_url"] = choose_kind_url(self.request.GET.get("term", ""))
        return context

    def save_instance(self):
        _decided_now(self.form.instance, self.request.user)
        return super().save_instance()

    def get_success_message(self, instance):
        return f"“{instance}” added to the search vocabulary. {APPLIES}"


class VocabularyEditView(EditView):
    def get_queryset(self):
        return VocabularyEntry.objects.filter(origin=Origin.EDITOR)

    def get_form_class(self):
        return KIND_FORMS[self.object.kind]

    def save_instance(self):
        _decided_now(self.form.instance, self.request.user)
        return super().save_instance()

    def get_success_message(self):
        return f"“{self.object}” saved. {APPLIES}"


class VocabularyDeleteView(DeleteView):
    def get_queryset(self):
        return VocabularyEntry.objects.filter(origin=Origin.EDITOR)

    def get_success_message(self):
        return f"“{self.object}” deleted from the search vocabulary. {APPLIES}"


def _decided_now(entry: VocabularyEntry, user) -> None:
    entry.decided_by = user
    entry.decided_at = timezone.now()


class DecideView(View):
    """Confirm or reject a suggestion (POST only, with Django's CSRF check)."""

    http_method_names = ["post"]
    status: str = Status.CONFIRMED

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        entry = get_object_or_404(VocabularyEntry, pk=pk, origin=Origin.MINED)
        try:
            vocabulary_entry_decide(entry=entry, status=self.status, user=request.user)
        except ValidationError as error:
            messages.error(request, f"“{entry}” cannot be used: {' '.join(error.messages)}")
        else:
            if self.status == Status.CONFIRMED:
                messages.success(request, f"“{entry}” confirmed. {APPLIES}")
            else:
                messages.success(request, f"“{entry}” rejected. It will not be suggested again.")
        return redirect(self._next(request))

    def _next(self, request: HttpRequest) -> str:
        wanted = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(wanted, {request.get_host()}, request.is_secure()):
            return wanted
        return reverse("search_vocabulary:index")


class ShippedRulesView(WagtailAdminTemplateMixin, TemplateView):
    """The rules in the files that ship with the code: they apply already, and change only
    with a new release."""

    template_name = "search/admin/vocabulary_shipped.html"
    page_title = "Rules that come with Commons"
    header_icon = "openquote"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("search_vocabulary:index"), "label": "Search vocabulary"},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["files"] = vocabulary.shipped_rules()
        return context


class VocabularyViewSet(ModelViewSet):
    model = VocabularyEntry
    name = "search_vocabulary"
    url_prefix = "search-vocabulary"
    icon = "openquote"
    menu_label = "Search vocabulary"
    menu_order = 220
    add_to_admin_menu = True
    # Nothing refers to an entry: tracking its usage would only cost a query per save.
    add_to_reference_index = False
    index_view_class = VocabularyIndexView
    add_view_class = VocabularyCreateView
    edit_view_class = VocabularyEditView
    delete_view_class = VocabularyDeleteView
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "kind", "terms", "meanings", "status", "origin", "document_count", "example_title",
        "example_url", "decided_by", "decided_at", "created_at", "updated_at",
    ]  # fmt: skip
    list_filter = ["kind", "status", "origin"]
    search_fields = ["terms", "meanings"]
    search_backend_name = None
    list_per_page = 50
    form_fields = ["terms", "meanings"]

    def construct_view(self, view_class, **kwargs):
        return editors_only(super().construct_view(view_class, **kwargs))

    def get_urlpatterns(self):
        confirm = type("ConfirmView", (DecideView,), {"status": Status.CONFIRMED})
        reject = type("RejectView", (DecideView,), {"status": Status.REJECTED})
        return [
            *super().get_urlpatterns(),
            path("new/choose/", self.construct_view(ChooseKindView), name="choose"),
            path("confirm/<int:pk>/", self.construct_view(confirm), name="confirm"),
            path("reject/<int:pk>/", self.construct_view(reject), name="reject"),
            path("shipped/", self.construct_view(ShippedRulesView), name="shipped"),
        ]

    def get_permissions_to_register(self):
        # Editors are the Editors and Moderators groups (community.permissions), not a
        # permission to grant in the groups screen.
        return Permission.objects.none()
