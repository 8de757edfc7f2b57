"""Thread pages: start a thread, read and reply, edit, and the moderators' buttons."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.views.decorators.http import require_http_methods, require_POST

from commons.forms import errors_add
from community.forms.discussions import ReplyForm, ThreadForm
from community.markdown import render_markdown
from community.models import Community, ContentStatus, Post, Thread
from community.permissions import can_edit, can_mark_answer
from community.selectors.communities import CommunityAccess, community_access
from community.selectors.discussions import posts_visible_to, threads_visible_to
from community.services.discussions import (
    answer_mark,
    post_create,
    post_edit,
    thread_create,
    thread_edit,
    thread_lock,
    thread_pin,
)


def _thread_or_404(request: HttpRequest, slug: str, thread_id: int) -> Thread:
    """The thread if this person may see it; otherwise it does not exist, as far as they know."""
    return get_object_or_404(
        threads_visible_to(request.user)
        .select_related("community", "author__verified_officer_of", "answer__author")
        .prefetch_related("tags"),
        pk=thread_id,
        community__slug=slug,
    )


def _readable_community_or_404(
    request: HttpRequest, slug: str
) -> tuple[Community, CommunityAccess]:
    """The community if this person may read it, with what else they may do there."""
    place = get_object_or_404(Community, slug=slug)
    access = community_access(request.user, place)
    if not access.can_read:
        raise Http404("No community found.")
    return place, access


@login_required
@require_http_methods(["GET", "POST"])
def thread_new(request: HttpRequest, slug: str) -> HttpResponse:
    place, access = _readable_community_or_404(request, slug)
    if not access.can_post:
        raise PermissionDenied("Join this community, with a confirmed email address, to post.")
    form = ThreadForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            thread = thread_create(
                community=place,
                author=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                tags=form.cleaned_data["tags"],
            )
        except ValidationError as error:
            errors_add(form, error)
        else:
            if thread.status == ContentStatus.PENDING:
                messages.success(request, "Thank you. A moderator will check your thread soon.")
            return redirect(thread.get_absolute_url())
    return render(
        request,
        "community/discussions/thread_form.html",
        {"community": place, "form": form, "rules_html": render_markdown(place.rules)},
    )


def _thread_page(
    request: HttpRequest, thread: Thread, reply_form: ReplyForm | None = None
) -> HttpResponse:
    access = community_access(request.user, thread.community)
    posts = list(
        posts_visible_to(request.user, thread).select_related("author__verified_officer_of")
    )
    may_mark_answer = can_mark_answer(request.user, thread)
    for post in posts:
        post.thread = thread  # already loaded: can_edit needs it
        post.may_edit = can_edit(request.user, post)
        post.may_be_answer = may_mark_answer and post.status == ContentStatus.VISIBLE
    answer = thread.answer
    if answer is not None and answer.status != ContentStatus.VISIBLE:
        answer = None
    return render(
        request,
        "community/discussions/thread.html",
        {
            "community": thread.community,
            "thread": thread,
            "posts": posts,
            "answer": answer,
            "access": access,
            "may_edit_thread": can_edit(request.user, thread),
            "may_mark_answer": may_mark_answer,
            "reply_form": reply_form or ReplyForm(),
        },
        status=400 if reply_form is not None and reply_form.errors else 200,
    )


@require_http_methods(["GET"])
def thread_view(request: HttpRequest, slug: str, thread_id: int) -> HttpResponse:
    return _thread_page(request, _thread_or_404(request, slug, thread_id))


@login_required
@require_POST
def thread_reply(request: HttpRequest, slug: str, thread_id: int) -> HttpResponse:
    thread = _thread_or_404(request, slug, thread_id)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            post = post_create(thread=thread, author=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            errors_add(form, error)
        else:
            if post.status == ContentStatus.PENDING:
                messages.success(request, "Thank you. A moderator will check your reply soon.")
            return redirect(post.get_absolute_url())
    return _thread_page(request, thread, reply_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def thread_edit_view(request: HttpRequest, slug: str, thread_id: int) -> HttpResponse:
    thread = _thread_or_404(request, slug, thread_id)
    if not can_edit(request.user, thread):
        raise PermissionDenied("Only the person who started a thread can edit it.")
    initial = {
        "title": thread.title,
        "body": thread.body_markdown,
        "tags": ", ".join(tag.name for tag in thread.tags.all()),
    }
    form = ThreadForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_bound and form.is_valid():
        try:
            thread_edit(
                thread=thread,
                editor=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                tags=form.cleaned_data["tags"],
            )
        except ValidationError as error:
            errors_add(form, error)
        else:
            return redirect(thread.get_absolute_url())
    return render(
        request,
        "community/discussions/thread_form.html",
        {"community": thread.community, "thread": thread, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_edit_view(request: HttpRequest, slug: str, thread_id: int, post_id: int) -> HttpResponse:
    thread = _thread_or_404(request, slug, thread_id)
    post = get_object_or_404(posts_visible_to(request.user, thread), pk=post_id)
    post.thread = thread
    if not can_edit(request.user, post):
        raise PermissionDenied("Only the person who wrote a reply can edit it.")
    form = ReplyForm(
        request.POST if request.method == "POST" else None, initial={"body": post.body_markdown}
    )
    if form.is_bound and form.is_valid():
        try:
            post_edit(post=post, editor=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            errors_add(form, error)
        else:
            return redirect(post.get_absolute_url())
    return render(
        request,
        "community/discussions/reply_form.html",
        {"community": thread.community, "thread": thread, "post": post, "form": form},
    )


def _switch(request: HttpRequest) -> bool:
    """The on/off value the pin and lock buttons send."""
    return request.POST.get("value") == "on"


@login_required
@require_POST
def thread_pin_view(request: HttpRequest, slug: str, thread_id: int) -> HttpResponse:
    thread = _thread_or_404(request, slug, thread_id)
    thread_pin(moderator=request.user, thread=thread, pinned=_switch(request))
    messages.success(request, "Thread pinned." if thread.is_pinned else "Thread unpinned.")
    return redirect(thread.get_absolute_url())


@login_required
@require_POST
def thread_lock_view(request: HttpRequest, slug: str, thread_id: int) -> HttpResponse:
    thread = _thread_or_404(request, slug, thread_id)
    thread_lock(moderator=request.user, thread=thread, locked=_switch(request))
    messages.success(request, "Thread locked." if thread.is_locked else "Thread unlocked.")
    return redirect(thread.get_absolute_url())


@login_required
@require_POST
def answer_mark_view(request: HttpRequest, slug: str, thread_id: int) -> HttpResponse:
    thread = _thread_or_404(request, slug, thread_id)
    post = None
    post_id = request.POST.get("post", "")
    if post_id:
        if not post_id.isdigit():
            raise Http404("No reply found.")
        post = get_object_or_404(Post, pk=int(post_id), thread=thread)
    try:
        answer_mark(user=request.user, thread=thread, post=post)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "Marked as the answer." if post else "Answer unmarked.")
    return redirect(thread.get_absolute_url())


THREAD = "communities/<slug:slug>/threads/<int:thread_id>/"

urlpatterns: list[URLPattern] = [
    path("communities/<slug:slug>/threads/new/", thread_new, name="thread_new"),
    path(THREAD, thread_view, name="thread"),
    path(f"{THREAD}reply/", thread_reply, name="thread_reply"),
    path(f"{THREAD}edit/", thread_edit_view, name="thread_edit"),
    path(f"{THREAD}replies/<int:post_id>/edit/", post_edit_view, name="post_edit"),
    path(f"{THREAD}pin/", thread_pin_view, name="thread_pin"),
    path(f"{THREAD}lock/", thread_lock_view, name="thread_lock"),
    path(f"{THREAD}answer/", answer_mark_view, name="answer_mark"),
]
