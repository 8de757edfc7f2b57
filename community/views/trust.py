"""Moderators' pages about trust: the record of automatic actions and level changes, and the
page where an editor sets a person's trust level by hand."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.views.decorators.http import require_GET, require_http_methods

from community.forms.moderation import TrustLevelForm
from community.models import CommunityModerationSettings, User
from community.permissions import can_set_trust_level
from community.selectors.moderation import can_use_queue
from community.selectors.moderation_audit import moderation_audit_for
from community.services.trust import earned_level, trust_level_set


@login_required
@require_GET
def moderation_audit(request: HttpRequest) -> HttpResponse:
    if not can_use_queue(request.user):
        raise PermissionDenied("Only moderators and editors can see the moderation record.")
    return render(
        request,
        "community/moderation/audit.html",
        {"rows": moderation_audit_for(request.user), "may_set": can_set_trust_level(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def trust_level_edit(request: HttpRequest, pk: int) -> HttpResponse:
    if not can_set_trust_level(request.user):
        raise PermissionDenied("Only editors can set a person's trust level.")
    person = get_object_or_404(User, pk=pk, is_active=True)
    if request.method == "POST":
        form = TrustLevelForm(request.POST)
        if form.is_valid():
            trust_level_set(
                moderator=request.user,
                person=person,
                level=form.cleaned_data["level"],
                reason=form.cleaned_data["reason"],
            )
            level = person.get_trust_level_display()
            messages.success(request, f"Trust level for {person.public_name} set to {level}")
            return redirect("community:moderation_audit")
    else:
        form = TrustLevelForm(initial={"level": person.trust_level})
    rules = CommunityModerationSettings.load(request_or_site=request)
    level, record = earned_level(person, rules=rules)
    return render(
        request,
        "community/moderation/trust_level_form.html",
        {"person": person, "form": form, "earned": level, "record": record, "rules": rules},
    )


urlpatterns: list[URLPattern] = [
    path("moderation/record/", moderation_audit, name="moderation_audit"),
    path("moderation/people/<int:pk>/trust/", trust_level_edit, name="trust_level_edit"),
]
