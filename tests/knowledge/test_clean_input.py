"""Text typed into the contribution forms and the Wagtail admin arrives as people meant it:
without control characters, line breaks in one-line fields, bidi overrides, or slugless tags."""

from django.contrib.auth.models import Group
from taggit.models import Tag
from wagtail.test.utils.form_data import rich_text

from knowledge.models import CaseStudyPage
from tests.factories import UserFactory, make_case_study, make_resource
from tests.knowledge.test_admin_editing import add_case_study_form
from tests.knowledge.test_contribution import CASE_STUDY_URL, case_study_data

DIRTY_TITLE = "Two councils\r\nshare\x00 a \u202ewaste\u2069\x1b\x85 service\t"
CLEAN_TITLE = "Two councils share a waste service"
NO_SLUG = "The tag &quot;&gt;&gt;&gt;&quot; needs at least one letter or number."


def _editor():
    user = UserFactory(username="editor")
    user.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    return user


def test_a_contributed_case_study_is_stored_without_control_characters(signed_in):
    data = case_study_data(
        title=DIRTY_TITLE,
        summary="Line one.\r\nLine\x07 two\u202d.",
        tags="wa\x00ste, \u2066depots\u2069\n, re\x1bcycling",
    )

    response = signed_in.post(CASE_STUDY_URL, data)

    assert response.status_code == 302
    page = CaseStudyPage.objects.get()
    assert page.title == CLEAN_TITLE
    assert page.summary == "Line one.\nLine two."
    assert sorted(tag.name for tag in page.tags.all()) == ["depots", "recycling", "waste"]


def test_a_contributed_tag_of_punctuation_only_is_refused_and_what_was_typed_is_kept(signed_in):
    response = signed_in.post(CASE_STUDY_URL, case_study_data(tags="waste, >>>"))

    page = response.content.decode()
    assert response.status_code == 200
    assert NO_SLUG in page
    assert 'value="waste, &gt;&gt;&gt;"' in page
    assert not CaseStudyPage.objects.exists()


def test_an_editor_s_page_title_and_summary_are_stored_without_control_characters(
    client, library
):
    client.force_login(_editor())
    url, data = add_case_study_form(client, library)
    data.update(
        title=DIRTY_TITLE,
        summary="Four councils\r\nshare\x00 one legal team\u202e.",
        what_went_wrong=rich_text("<p>Late.</p>"),
        tags="legal\x0b, \u202eshared",
    )

    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    page = CaseStudyPage.objects.get(slug="shared-legal-services")
    assert page.title == CLEAN_TITLE
    assert page.get_latest_revision_as_object().title == CLEAN_TITLE
    assert page.summary == "Four councils\nshare one legal team."
    tags = page.get_latest_revision_as_object().tags.all()
    assert sorted(tag.name for tag in tags) == ["legal", "shared"]


def test_an_editor_s_tag_of_punctuation_only_is_refused(client, library):
    client.force_login(_editor())
    url, data = add_case_study_form(client, library)
    data.update(what_went_wrong=rich_text("<p>Late.</p>"), tags="legal, >>>")

    response = client.post(url, data)

    assert response.status_code == 200
    assert NO_SLUG in response.content.decode()
    assert not CaseStudyPage.objects.filter(slug="shared-legal-services").exists()


def test_pages_with_a_slugless_tag_already_stored_still_open(client, library):
    # Stored before tags were checked: taggit gave it an empty slug.
    slugless = Tag.objects.create(name=">>>", slug="")
    case_study = make_case_study(library.case_studies, tags=["waste", slugless])
    resource = make_resource(library.resources, tags=["waste", slugless])

    for url in (case_study.url, resource.url):
        response = client.get(url)

        assert response.status_code == 200, url
        assert "&gt;&gt;&gt;" in response.content.decode(), url
    # With no address it has no page, so the list of tags and the sitemap leave it out.
    assert "&gt;&gt;&gt;" not in client.get("/tags/").content.decode()
    assert client.get("/sitemap.xml").status_code == 200
