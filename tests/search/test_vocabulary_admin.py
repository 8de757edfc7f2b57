"""Editors (only) manage the search vocabulary in the Wagtail admin: they confirm or reject what
mining suggested, add and change their own entries, see the rules that ship with Commons, and
reach the add form from searches that found nothing."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from search import vocabulary
from search.models import SearchTermDay, VocabularyEntry
from search.vocabulary_services import vocabulary_entry_decide
from tests.factories import UserFactory, VocabularyEntryFactory

pytestmark = pytest.mark.django_db

Kind, Status, Origin = VocabularyEntry.Kind, VocabularyEntry.Status, VocabularyEntry.Origin
INDEX = "/admin/search-vocabulary/"


@pytest.fixture
def editor():
    user = UserFactory(username="editor", first_name="Edna", last_name="Editor")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def admin_user_not_editor():
    # May use the Wagtail admin, but is in neither the Editors nor the Moderators group.
    user = UserFactory(username="officer")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def mined(terms: str, meanings: str, *, status=Status.CANDIDATE, count=1) -> VocabularyEntry:
    return VocabularyEntryFactory(
        terms=terms,
        meanings=meanings,
        status=status,
        origin=Origin.MINED,
        document_count=count,
        example_title=f"Where {terms} is defined",
        example_url=f"/case-studies/{terms}/",
    )


def html_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_people_not_signed_in_are_sent_to_sign_in(client):
    response = client.get(INDEX)

    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", INDEX),
        ("get", f"{INDEX}new/choose/"),
        ("get", f"{INDEX}new/?kind=acronym"),
        ("get", f"{INDEX}shipped/"),
        ("post", f"{INDEX}confirm/{{pk}}/"),
        ("post", f"{INDEX}reject/{{pk}}/"),
        ("get", f"{INDEX}edit/{{pk}}/"),
        ("get", f"{INDEX}delete/{{pk}}/"),
    ],
)
def test_admin_users_who_are_not_editors_are_refused_on_the_server(
    client, admin_user_not_editor, method, url
):
    entry = mined("mash", "multi-agency safeguarding hub")
    own = VocabularyEntryFactory(terms="eh", meanings="environmental health")
    client.force_login(admin_user_not_editor)

    pk = own.pk if "edit" in url or "delete" in url else entry.pk
    response = getattr(client, method)(url.format(pk=pk))

    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.status == Status.CANDIDATE
    assert "Only editors can manage the search vocabulary." in response.content.decode()


def test_only_editors_see_the_screen_in_the_menu(client, editor, admin_user_not_editor):
    client.force_login(admin_user_not_editor)
    assert INDEX not in client.get("/admin/").content.decode()

    client.force_login(editor)
    assert INDEX in client.get("/admin/").content.decode()


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_and_moderators_see_every_entry_suggestions_first(client, group):
    person = UserFactory()
    person.groups.add(Group.objects.get(name=group))
    client.force_login(person)
    VocabularyEntryFactory(terms="eh", meanings="environmental health")
    mined("ctr", "council tax reduction", status=Status.REJECTED, count=9)
    mined("yot", "youth offending team", count=1)
    mined("mash", "multi-agency safeguarding hub", count=4)

    html = html_of(client.get(INDEX))

    order = [html.index(words) for words in ["mash:", "yot:", "ctr:", "eh:"]]
    assert order == sorted(order[:2]) + sorted(order[2:]) and max(order[:2]) < min(order[2:])
    assert "4 documents" in html and 'href="/case-studies/mash/"' in html
    assert "2 suggestions found in content are waiting for a decision" in html


def test_the_listing_filters_by_kind_and_status(client, editor):
    client.force_login(editor)
    VocabularyEntryFactory(kind=Kind.PLAIN_ENGLISH, terms="wheelie bin", meanings="refuse")
    mined("mash", "multi-agency safeguarding hub")
    mined("ctr", "council tax reduction", status=Status.REJECTED)

    acronyms = html_of(client.get(INDEX, {"kind": "acronym"}))
    waiting = html_of(client.get(INDEX, {"status": "candidate"}))

    assert "mash:" in acronyms and "ctr:" in acronyms and "wheelie bin" not in acronyms
    assert "mash:" in waiting and "ctr:" not in waiting and "wheelie bin" not in waiting


def test_an_editor_confirms_a_suggestion_and_it_applies_at_once(client, editor):
    client.force_login(editor)
    entry = mined("mash", "multi-agency safeguarding hub")
    back_to = f"{INDEX}?status=candidate"

    response = client.post(f"{INDEX}confirm/{entry.pk}/", {"next": back_to})

    assert response.status_code == 302 and response["Location"] == back_to
    entry.refresh_from_db()
    assert (entry.status, entry.decided_by) == (Status.CONFIRMED, editor)
    assert (timezone.now() - entry.decided_at).total_seconds() < 60
    assert "mash, multi agency safeguarding hub" in vocabulary.rules()
    log = ModelLogEntry.objects.get(object_id=str(entry.pk))
    assert (log.action, log.user) == ("search.vocabulary.confirm", editor)


def test_an_editor_rejects_a_suggestion_and_it_never_applies(client, editor):
    client.force_login(editor)
    entry = mined("hub", "health unit board")

    client.post(f"{INDEX}reject/{entry.pk}/")

    entry.refresh_from_db()
    assert (entry.status, entry.decided_by) == (Status.REJECTED, editor)
    assert "hub, health unit board" not in vocabulary.rules()
    assert ModelLogEntry.objects.get(object_id=str(entry.pk)).action == "search.vocabulary.reject"


def test_deciding_needs_a_post_with_a_csrf_token(editor):
    entry = mined("mash", "multi-agency safeguarding hub")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)
    confirm = f"{INDEX}confirm/{entry.pk}/"

    by_get = browser.get(confirm)
    without_token = browser.post(confirm)
    page = html_of(browser.get(INDEX))
    form = rf'action="{confirm}".*?name="csrfmiddlewaretoken" value="([^"]+)"'
    token = re.search(form, page, re.S)
    with_token = browser.post(confirm, {"csrfmiddlewaretoken": token.group(1)})

    assert (by_get.status_code, without_token.status_code) == (405, 403)
    assert with_token.status_code == 302
    entry.refresh_from_db()
    assert entry.status == Status.CONFIRMED


def test_only_editors_may_decide_whatever_calls_the_service(admin_user_not_editor, editor):
    entry = mined("mash", "multi-agency safeguarding hub")

    with pytest.raises(PermissionDenied):
        vocabulary_entry_decide(entry=entry, status=Status.CONFIRMED, user=admin_user_not_editor)
    with pytest.raises(ValueError):
        vocabulary_entry_decide(entry=entry, status=Status.CANDIDATE, user=editor)

    entry.refresh_from_db()
    assert entry.status == Status.CANDIDATE and entry.decided_by is None


def test_the_way_back_after_deciding_stays_on_this_site(client, editor):
    client.force_login(editor)
    entry = mined("mash", "multi-agency safeguarding hub")

    response = client.post(f"{INDEX}reject/{entry.pk}/", {"next": "https://evil.example/"})

    assert response["Location"] == INDEX


def test_suggestions_are_confirmed_or_rejected_not_edited_or_deleted(client, editor):
    client.force_login(editor)
    entry = mined("mash", "multi-agency safeguarding hub")

    assert client.get(f"{INDEX}edit/{entry.pk}/").status_code == 404
    assert client.post(f"{INDEX}delete/{entry.pk}/").status_code == 404
    assert VocabularyEntry.objects.filter(pk=entry.pk).exists()
    assert f"{INDEX}inspect/{entry.pk}/" in html_of(client.get(INDEX))


def test_a_suggestion_shows_where_it_was_found_and_its_history(client, editor):
    client.force_login(editor)
    entry = mined("mash", "multi-agency safeguarding hub", count=3)
    client.post(f"{INDEX}confirm/{entry.pk}/")

    inspect = html_of(client.get(f"{INDEX}inspect/{entry.pk}/"))
    history = html_of(client.get(f"{INDEX}history/{entry.pk}/"))

    assert "Where mash is defined" in inspect and "/case-studies/mash/" in inspect
    assert "Edna Editor" in inspect
    assert "Confirmed for the search vocabulary" in history


def test_adding_starts_with_what_kind_of_entry_it_is(client, editor):
    client.force_login(editor)

    html = html_of(client.get(f"{INDEX}new/choose/"))
    without_kind = client.get(f"{INDEX}new/", {"term": "revs"})

    assert "What do you want to add?" in html
    for kind in ["plain_english", "acronym", "synonym"]:
        assert f"{INDEX}new/?kind={kind}" in html
    assert without_kind["Location"] == f"{INDEX}new/choose/?term=revs"


def test_an_editor_adds_an_acronym_that_applies_at_once(client, editor):
    client.force_login(editor)

    response = client.post(
        f"{INDEX}new/?kind=acronym",
        {"terms": "MASH", "meanings": "Multi-agency safeguarding hub"},
    )

    assert response.status_code == 302
    entry = VocabularyEntry.objects.get()
    assert (entry.kind, entry.terms) == ("acronym", "mash")
    assert entry.meanings == "multi-agency safeguarding hub"
    assert (entry.status, entry.origin) == (Status.CONFIRMED, Origin.EDITOR)
    assert entry.decided_by == editor
    assert "mash, multi agency safeguarding hub" in vocabulary.rules()


def test_an_editor_adds_residents_words_one_a_line(client, editor):
    client.force_login(editor)

    client.post(
        f"{INDEX}new/?kind=plain_english",
        {"terms": "Wheelie bin\nbin bag", "meanings": "refuse collection"},
    )

    assert "wheelie bin, bin bag => refuse collection" in vocabulary.plain_english_rules()


def test_a_form_with_mistakes_says_what_to_change_and_keeps_what_was_typed(client, editor):
    client.force_login(editor)

    html = html_of(
        client.post(f"{INDEX}new/?kind=synonym", {"terms": "Revs, Bens\nRevenues and Benefits"})
    )

    assert "has a comma in it. Put each phrase on its own line." in html
    assert "Revs, Bens\nRevenues and Benefits" in html
    assert not VocabularyEntry.objects.exists()


def test_an_editor_changes_and_deletes_their_own_entries(client, editor):
    client.force_login(editor)
    entry = VocabularyEntryFactory(terms="eh", meanings="environmental health")

    client.post(
        f"{INDEX}edit/{entry.pk}/", {"terms": "EH", "meanings": "environmental health services"}
    )
    entry.refresh_from_db()
    changed = vocabulary.rules()
    client.post(f"{INDEX}delete/{entry.pk}/")

    assert entry.meanings == "environmental health services" and entry.decided_by == editor
    assert "eh, environmental health services" in changed
    assert not VocabularyEntry.objects.exists()
    assert "eh, environmental health services" not in vocabulary.rules()


def test_the_rules_that_ship_with_commons_are_listed_read_only(client, editor):
    client.force_login(editor)

    html = html_of(client.get(f"{INDEX}shipped/"))

    assert "Rules that come with Commons" in html
    assert "revs and bens, revenues and benefits, rev and bens" in html
    assert "bins, bin day, bin collection" in html and "=&gt; waste collection" in html
    assert "<form" not in html.split("main-content", 1)[-1] or 'method="post"' not in html
    assert f'href="{INDEX}shipped/"' in html_of(client.get(INDEX))


def test_the_search_terms_report_links_terms_that_found_nothing_to_the_add_form(client, editor):
    client.force_login(editor)
    today = timezone.localdate()
    SearchTermDay.objects.create(
        term="wheelie bin", day=today, searches=3, searches_without_results=3
    )
    SearchTermDay.objects.create(term="waste", day=today, searches=9)

    report = html_of(client.get("/admin/reports/search-terms/"))
    add_url = f"{INDEX}new/?kind=plain_english&amp;term=wheelie+bin"
    form = html_of(client.get(f"{INDEX}new/", {"kind": "plain_english", "term": "wheelie bin"}))

    assert f'href="{add_url}"' in report
    assert report.count(">Add to vocabulary<") == 1  # not for "waste", which found things
    assert f'href="{INDEX}"' in report  # the report's header links the vocabulary
    assert re.search(r'<textarea name="terms"[^>]*>\s*wheelie bin</textarea>', form)
    assert f"{INDEX}new/choose/?term=wheelie+bin" in form  # another kind keeps the term
