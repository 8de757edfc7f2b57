"""Members-only discussions: reading, finding, replying to and starting threads, and editing
someone else's reply."""

from django.test import Client
from django.urls import reverse

from community.models import Post, Thread
from tests.community.permission_matrix.world import Action, Outcome, World

SECRET_TITLE = "Secret data centre plans"


def thread_kwargs(world: World) -> dict[str, object]:
    return {"slug": world.community.slug, "thread_id": world.thread.pk}


def read_thread(client: Client, world: World) -> Outcome:
    response = client.get(world.thread.get_absolute_url())
    return response, response.status_code == 200 and "Our secret reply" in response.text


def see_thread_titles(client: Client, world: World) -> Outcome:
    pages = [reverse("community:communities"), world.community.get_absolute_url()]
    responses = [client.get(page) for page in pages]
    seen = any(SECRET_TITLE in r.text for r in responses)
    return responses[-1], seen


def find_thread_by_search(client: Client, world: World) -> Outcome:
    query = {"q": "secret data centre"}  # not the whole title: the page repeats the query
    page = client.get(reverse("search:page"), query)
    api = client.get(reverse("search:api"), query)
    titles = [result["title"] for result in api.json()["results"]]
    seen = SECRET_TITLE in page.text or SECRET_TITLE in titles
    return page, seen


def reply_in_thread(client: Client, world: World) -> Outcome:
    before = Post.objects.count()
    response = client.post(
        reverse("community:thread_reply", kwargs=thread_kwargs(world)), {"body": "Me too"}
    )
    return response, Post.objects.count() == before + 1


def start_thread(client: Client, world: World) -> Outcome:
    before = Thread.objects.count()
    response = client.post(
        reverse("community:thread_new", kwargs={"slug": world.community.slug}),
        {"title": "A new question", "body": "What did you pay?", "tags": ""},
    )
    return response, Thread.objects.count() == before + 1


def edit_someone_elses_reply(client: Client, world: World) -> Outcome:
    response = client.post(
        reverse("community:post_edit", kwargs={**thread_kwargs(world), "post_id": world.reply.pk}),
        {"body": "Rewritten"},
    )
    world.reply.refresh_from_db()
    return response, world.reply.body_markdown == "Rewritten"


ACTIONS: dict[str, Action] = {
    "read members-only thread": read_thread,
    "see members-only thread titles": see_thread_titles,
    "find members-only thread by search": find_thread_by_search,
    "reply in members-only thread": reply_in_thread,
    "start members-only thread": start_thread,
    "edit someone else's reply": edit_someone_elses_reply,
}
# Answer 200 either way: what they show is the test.
LISTINGS = {"see members-only thread titles", "find members-only thread by search"}
# Need the members-only thread in the real search index.
SEARCHED = {"find members-only thread by search"}
