"""Case studies and resources say honestly when they were last checked, and warn readers
when they are past the date they should have been checked by."""

import datetime

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from knowledge.models import ResourcePage
from tests.factories import UserFactory, make_case_study, make_resource, published_on
from tests.knowledge.test_contribution import submit
from tests.knowledge.test_contribution_resources import resource_data

DUE_CASE_STUDY = "This case study is due for review: some details may be out of date."
DUE_RESOURCE = "This resource is due for review: some details may be out of date."


def path_of(page) -> str:
    return page.url_path.removeprefix("/home")


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def test_a_case_study_past_its_review_by_date_warns_readers(client, library):
    page = make_case_study(
        library.case_studies,
        last_reviewed=datetime.date(2024, 5, 7),
        review_by=days_ago(1),
    )

    html = client.get(path_of(page)).content.decode()

    assert DUE_CASE_STUDY in html
    assert "Last reviewed" in html
    assert "7 May 2024" in html


def test_a_case_study_within_its_review_by_date_gives_no_warning(client, library):
    page = make_case_study(
        library.case_studies, last_reviewed=days_ago(30), review_by=days_ago(-30)
    )

    html = client.get(path_of(page)).content.decode()

    assert "due for review" not in html
    assert f"{days_ago(30):%-d %B %Y}" in html


def test_without_a_review_by_date_a_case_study_is_due_a_year_after_its_last_review(client, library):
    stale = make_case_study(library.case_studies, title="Stale", last_reviewed=days_ago(400))
    fresh = make_case_study(library.case_studies, title="Fresh", last_reviewed=days_ago(300))

    assert stale.is_due_for_review()
    assert not fresh.is_due_for_review()
    assert DUE_CASE_STUDY in client.get(path_of(stale)).content.decode()
    assert "due for review" not in client.get(path_of(fresh)).content.decode()


def test_a_case_study_never_reviewed_says_when_it_was_published_and_is_due_a_year_later(
    client, library
):
    page = published_on(make_case_study(library.case_studies), datetime.date(2025, 2, 3))

    html = client.get(path_of(page)).content.decode()

    assert "Not reviewed since it was published on 3 February 2025" in html
    assert page.review_due_on() == datetime.date(2026, 2, 3)
    assert DUE_CASE_STUDY in html


def test_a_leap_day_review_falls_due_on_the_last_day_of_february(library):
    page = make_case_study(library.case_studies, last_reviewed=datetime.date(2024, 2, 29))

    assert page.review_due_on() == datetime.date(2025, 2, 28)


def test_a_resource_past_its_review_by_date_warns_readers(client, library):
    page = make_resource(
        library.resources, last_reviewed=datetime.date(2024, 5, 7), review_by=days_ago(1)
    )

    html = client.get(path_of(page)).content.decode()

    assert DUE_RESOURCE in html
    assert "7 May 2024" in html


def test_a_resource_within_its_review_by_date_gives_no_warning(client, library):
    page = make_resource(library.resources, review_by=days_ago(-30))

    html = client.get(path_of(page)).content.decode()

    assert "due for review" not in html
    assert "Not reviewed since it was published on" in html


def test_a_contributed_case_study_and_resource_are_owned_by_their_contributor(
    signed_in, contributor
):
    case_study = submit(signed_in)
    response = signed_in.post("/contribute/resource/", resource_data())
    assert response.status_code == 302

    assert case_study.content_owner == contributor
    assert ResourcePage.objects.get().content_owner == contributor


def test_an_editor_names_an_owner_and_review_dates_in_the_admin(client, library):
    editor = UserFactory(username="editor")
    editor.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    owner = UserFactory(username="owner")
    client.force_login(editor)
    for page in (make_case_study(library.case_studies), make_resource(library.resources)):
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        form = client.get(edit_url).content.decode()
        assert "Review" in form
        data = querydict_from_html(form, form_id="page-edit-form")
        data["content_owner"] = str(owner.pk)
        data["last_reviewed"] = "2026-11-30"
        data["review_by"] = "2027-05-31"
        data["action-publish"] = "action-publish"

        assert client.post(edit_url, data).status_code == 302

        page = type(page).objects.get(pk=page.pk)
        assert page.content_owner == owner
        assert page.last_reviewed == datetime.date(2026, 11, 30)
        assert page.review_by == datetime.date(2027, 5, 31)
