"""Ask the author: the question form (a case study's page shows it too) and the contact's answer
from the emailed link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.views.decorators.http import require_http_methods

from commons.forms import errors_add
from community.forms.questions import AnswerForm, QuestionForm
from community.permissions import has_verified_email
from community.selectors.questions import case_study_open_to
from community.services.questions import (
    AnswerLinkInvalid,
    account_for_address,
    answer_submit,
    answer_token_read,
    contacts_to_ask,
    question_ask,
)
from knowledge.models import CaseStudyPage


def _case_study_or_404(request: HttpRequest, page_id: int) -> CaseStudyPage:
    # A page behind a privacy restriction is "not found" to those it keeps out, as Wagtail's
    # own serving would not say it exists either.
    page = CaseStudyPage.objects.filter(pk=page_id).first()
    if page is None or not case_study_open_to(request, page):
        raise Http404("No such case study")
    return page


@login_required
@require_http_methods(["GET", "POST"])
def question_ask_view(request: HttpRequest, page_id: int) -> HttpResponse:
    page = _case_study_or_404(request, page_id)
    context = {
        "page": page,
        "breadcrumbs": [{"text": "Home", "href": "/"}, {"text": page.title, "href": page.url}],
    }
    if not contacts_to_ask(page):
        return render(request, "community/questions/no_contact.html", context)
    if not has_verified_email(request.user):
        return render(request, "community/questions/verify_email.html", context, status=403)
    form = QuestionForm(request.POST) if request.method == "POST" else QuestionForm()
    if form.is_bound and form.is_valid():
        try:
            question_ask(user=request.user, page=page, body=form.cleaned_data["body"])
        except ValidationError as error:
            errors_add(form, error)
        else:
            messages.success(
                request,
                "Question sent to the case study's contacts. If they answer, a moderator "
                "checks both before they appear here.",
            )
            return redirect(f"{page.url}#questions")
    return render(request, "community/questions/ask_form.html", {**context, "form": form})


@require_http_methods(["GET", "POST"])
def question_answer_view(request: HttpRequest, token: str) -> HttpResponse:
    """No sign-in needed unless the contact's address belongs to an account: the signed link
    is the contact's proof of who they are."""
    try:
        question, email = answer_token_read(token)
    except AnswerLinkInvalid as problem:
        return _link_problem(request, problem.message)
    owner = account_for_address(email)
    if owner is not None and request.user != owner:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return _link_problem(
            request,
            "This link is for the account with the contact's email address. Sign out, then "
            "sign in to that account to answer.",
            status=403,
        )
    form = AnswerForm(request.POST) if request.method == "POST" else AnswerForm()
    context = {"question": question, "page": question.page, "email": email, "form": form}
    if form.is_bound and form.is_valid():
        try:
            answer_submit(
                question=question,
                email=email,
                user=owner,
                body=form.cleaned_data["body"],
            )
        except AnswerLinkInvalid as problem:
            return _link_problem(request, problem.message)
        except PermissionDenied as refusal:
            return _link_problem(request, str(refusal), status=403)
        except ValidationError as error:
            errors_add(form, error)
        else:
            return render(request, "community/questions/answer_sent.html", context)
    return render(request, "community/questions/answer_form.html", context)


def _link_problem(request: HttpRequest, message: str, *, status: int = 400) -> HttpResponse:
    return render(
        request, "community/questions/link_problem.html", {"message": message}, status=status
    )


urlpatterns: list[URLPattern] = [
    path("case-studies/questions/<int:page_id>/ask/", question_ask_view, name="question_ask"),
    path(
        "case-studies/questions/answer/<str:token>/",
        question_answer_view,
        name="question_answer",
    ),
]
