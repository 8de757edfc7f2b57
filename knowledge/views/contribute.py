"""Contributing from the public site: a start page, two forms, a confirmation, a status list
and changing a contribution to send it again."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page

from commons.forms import errors_add
from knowledge.contribution_status import (
    Contribution,
    contribution_of,
    contributions_of,
)
from knowledge.forms import CaseStudyForm, ResourceForm
from knowledge.models import CaseStudyPage
from knowledge.services.contributions import (
    case_study_resend,
    case_study_submit,
    resource_resend,
    resource_submit,
)


def _send_or_show(
    request: HttpRequest,
    form: Form,
    template: str,
    send: Callable[[dict[str, Any]], Page],
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """Sends a valid form's answers on (`send` returns the page) and goes to the confirmation;
    otherwise shows the form again with what was typed and each problem."""
    if form.is_bound and form.is_valid():
        try:
            page = send(form.cleaned_data)
        except ValidationError as error:
            errors_add(form, error)
        else:
            return redirect("knowledge:contribution_sent", page_id=page.pk)
    return render(request, template, {"form": form, **(context or {})})


@require_GET
def contribute_start(request: HttpRequest) -> HttpResponse:
    return render(request, "knowledge/contribute/start.html")


@login_required
@require_http_methods(["GET", "POST"])
def case_study_contribute(request: HttpRequest) -> HttpResponse:
    form = CaseStudyForm(request.POST) if request.method == "POST" else CaseStudyForm()
    return _send_or_show(
        request,
        form,
        "knowledge/contribute/case_study_form.html",
        lambda data: case_study_submit(user=request.user, data=data),
    )


@login_required
@require_http_methods(["GET", "POST"])
def resource_contribute(request: HttpRequest) -> HttpResponse:
    form = ResourceForm(request.POST, request.FILES) if request.method == "POST" else ResourceForm()
    return _send_or_show(
        request,
        form,
        "knowledge/contribute/resource_form.html",
        lambda data: resource_submit(
            user=request.user, data=data, document_file=data.get("document")
        ),
    )


@login_required
@require_GET
def contribution_sent(request: HttpRequest, page_id: int) -> HttpResponse:
    contribution = contribution_of(request.user, page_id)
    if contribution is None:
        raise Http404("No contribution of yours has that number.")
    return render(request, "knowledge/contribute/sent.html", {"contribution": contribution})


@login_required
@require_GET
def contributions(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "knowledge/contribute/yours.html",
        {"contributions": contributions_of(request.user)},
    )


def _case_study_edit(request: HttpRequest, contribution: Contribution) -> HttpResponse:
    if request.method == "POST":
        form = CaseStudyForm(request.POST)
    else:
        draft = contribution.page.get_latest_revision_as_object()
        form = CaseStudyForm(initial=CaseStudyForm.initial_from(draft))
    return _send_or_show(
        request,
        form,
        "knowledge/contribute/case_study_form.html",
        lambda data: case_study_resend(user=request.user, page_id=contribution.page.pk, data=data),
        {"contribution": contribution},
    )


def _resource_edit(request: HttpRequest, contribution: Contribution) -> HttpResponse:
    draft = contribution.page.get_latest_revision_as_object()
    if request.method == "POST":
        form = ResourceForm(request.POST, request.FILES, sent_document=draft.document)
    else:
        form = ResourceForm(initial=ResourceForm.initial_from(draft), sent_document=draft.document)
    return _send_or_show(
        request,
        form,
        "knowledge/contribute/resource_form.html",
        lambda data: resource_resend(
            user=request.user,
            page_id=contribution.page.pk,
            data=data,
            document_file=data.get("document"),
        ),
        {"contribution": contribution},
    )


@login_required
@require_http_methods(["GET", "POST"])
def contribution_edit(request: HttpRequest, page_id: int) -> HttpResponse:
    contribution = contribution_of(request.user, page_id)
    if contribution is None:
        raise Http404("No contribution of yours has that number.")
    if not contribution.editable:
        return render(
            request, "knowledge/contribute/not_editable.html", {"contribution": contribution}
        )
    if isinstance(contribution.page, CaseStudyPage):
        return _case_study_edit(request, contribution)
    return _resource_edit(request, contribution)


urlpatterns: list[URLPattern] = [
    path("contribute/", contribute_start, name="contribute"),
    path("contribute/case-study/", case_study_contribute, name="contribute_case_study"),
    path("contribute/resource/", resource_contribute, name="contribute_resource"),
    path("contribute/yours/", contributions, name="contributions"),
    path("contribute/yours/<int:page_id>/edit/", contribution_edit, name="contribution_edit"),
    path("contribute/sent/<int:page_id>/", contribution_sent, name="contribution_sent"),
]
