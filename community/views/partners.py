"""The compatibility finder: organisations whose profiles suit a shared service with yours, with
explained scores. The rules live in community.selectors.partners and community.partner_fit."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.views.decorators.http import require_GET

from commons.forms import form_error_list
from community.forms.brokerage import PartnerFinderForm
from community.selectors.partners import partner_suggestions
from knowledge.readiness import can_read_members_only_parts

HOME = {"text": "Home", "href": "/"}
BROKERAGE = {"text": "Brokerage", "href": "/brokerage/"}


@require_GET
def partners(request: HttpRequest) -> HttpResponse:
    asked = bool(request.GET)
    if asked:
        form = PartnerFinderForm(request.GET)
    else:
        form = PartnerFinderForm(initial=PartnerFinderForm.initial_for(request.user))
    context: dict[str, Any] = {
        "form": form,
        "finding": None,
        "error_list": [],
        "is_member": can_read_members_only_parts(request.user),
        "breadcrumbs": [HOME, BROKERAGE],
    }
    if not asked:
        return render(request, "community/brokerage/partners.html", context)
    if not form.is_valid():
        context["error_list"] = form_error_list(form)
        return render(request, "community/brokerage/partners.html", context)
    context.update(
        finding=partner_suggestions(
            home=form.cleaned_data["organisation"],
            service_area=form.cleaned_data["service_area"],
            window_months=form.cleaned_data["window"],
            reader=request.user,
        ),
        home=form.cleaned_data["organisation"],
        service_area=form.cleaned_data["service_area"],
        window=form.cleaned_data["window"],
    )
    return render(request, "community/brokerage/partners.html", context)


urlpatterns: list[URLPattern] = [
    path("brokerage/partners/", partners, name="partners"),
]
