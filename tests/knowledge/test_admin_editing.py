"""Editors work in the Wagtail admin: the forms open, and the publishing rules hold there too."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html, rich_text

from knowledge.models import CaseStudyPage
from tests.factories import OrganisationFactory, ReadinessProfileFactory, UserFactory


@pytest.fixture
def editor(db):
    user = UserFactory(username="editor")
    user.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    return user


def add_case_study_form(client, library) -> tuple[str, dict]:
    url = reverse(
        "wagtailadmin_pages:add",
        args=["knowledge", "casestudypage", library.case_studies.pk],
    )
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form").dict()
    data.update(
        title="Shared legal services for four councils",
        slug="shared-legal-services",
        summary="Four councils share one legal team.",
        stage="live",
    )
    return url, data


def test_an_editor_cannot_publish_a_case_study_without_what_went_wrong(client, library, editor):
    client.force_login(editor)
    url, data = add_case_study_form(client, library)
    data.update({"what_went_wrong": rich_text(""), "action-publish": "action-publish"})

    response = client.post(url, data)

    assert response.status_code == 200
    assert "a case study without its warts is not published" in response.content.decode()
    assert not CaseStudyPage.objects.filter(slug="shared-legal-services").exists()


def test_an_editor_can_save_a_draft_without_it_and_publish_once_it_is_written(
    client, library, editor
):
    client.force_login(editor)
    url, data = add_case_study_form(client, library)
    data["what_went_wrong"] = rich_text("")

    assert client.post(url, data).status_code == 302
    draft = CaseStudyPage.objects.get(slug="shared-legal-services")
    assert draft.live is False

    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    data = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    data = data.dict()
    data.update(
        {
            "what_went_wrong": rich_text("<p>The case management systems did not talk.</p>"),
            "action-publish": "action-publish",
        }
    )
    assert client.post(edit_url, data).status_code == 302
    draft.refresh_from_db()
    assert draft.live is True


def test_an_editor_is_told_about_negative_money_in_the_admin(client, library, editor):
    client.force_login(editor)
    url, data = add_case_study_form(client, library)
    data.update(
        {
            "what_went_wrong": rich_text("<p>Late.</p>"),
            "investment_pounds": "-10",
            "action-publish": "action-publish",
        }
    )

    response = client.post(url, data)

    assert "Investment cannot be negative." in response.content.decode()
    assert not CaseStudyPage.objects.filter(slug="shared-legal-services").exists()


def test_editors_can_open_the_network_snippets(client, editor):
    OrganisationFactory(name="Northshire County Council")
    client.force_login(editor)

    for model in ("organisation", "servicearea", "sharedservice"):
        response = client.get(reverse(f"wagtailsnippets_knowledge_{model}:list"))
        assert response.status_code == 200, model


def test_editors_find_and_change_a_due_diligence_profile_in_the_admin(client, editor):
    northshire = OrganisationFactory(name="Northshire County Council")
    profile = ReadinessProfileFactory(organisation=northshire, competencies="Fraud")
    ReadinessProfileFactory(organisation=OrganisationFactory(name="Lowdale District Council"))
    client.force_login(editor)

    listing = client.get(
        reverse("wagtailsnippets_knowledge_readinessprofile:list"), {"q": "northshire"}
    )
    edit_url = reverse("wagtailsnippets_knowledge_readinessprofile:edit", args=[profile.pk])
    assert listing.status_code == 200
    assert edit_url in listing.text
    assert "Lowdale" not in listing.text

    form = client.get(edit_url)
    data = querydict_from_html(form.content.decode(), form_id="w-editor-form")
    data["competencies"] = "Fraud investigation and enforcement"
    data["systems_members_only"] = "on"
    response = client.post(edit_url, data)

    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.competencies == "Fraud investigation and enforcement"
    assert profile.systems_members_only
    assert profile.updated_by == editor
