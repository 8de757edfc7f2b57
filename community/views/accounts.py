"""Your own profile, and everyone's public profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.views.decorators.http import require_http_methods

from community.forms.accounts import ProfileForm
from community.models import User
from community.permissions import has_verified_email
from community.services.accounts import profile_update


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = ProfileForm.for_user(user, data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        profile_update(user=user, **form.cleaned_data)
        messages.success(request, "Your profile has been saved.")
        return redirect("community:profile")
    context = {
        "form": form,
        "person": user,
        "has_verified_email": has_verified_email(user),
    }
    return render(request, "community/accounts/profile.html", context, status=200)


def person(request: HttpRequest, username: str) -> HttpResponse:
    someone = get_object_or_404(
        User.objects.select_related("organisation", "verified_officer_of"),
        username=username,
        is_active=True,
    )
    context = {"person": someone, "interests": someone.interests.order_by("name")}
    return render(request, "community/accounts/person.html", context)


urlpatterns: list[URLPattern] = [
    path("profile/", profile, name="profile"),
    path("people/<str:username>/", person, name="person"),
]
