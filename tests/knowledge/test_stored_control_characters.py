"""What is already stored with control characters (from before input was cleaned) still renders:
feeds stay valid XML and moderators' emails still go out."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from taggit.models import Tag

from knowledge.models import CaseStudyPage
from tests.factories import OrganisationFactory, UserFactory, make_case_study, make_resource

DIRTY = "Shared\r\nbins\x01\x1b\x7f\x85 for \u202etwo\u2066 councils\u2069"
# PostgreSQL refuses NUL, so no stored row holds one; every other C0 control it keeps.
ALL_C0 = "".join(chr(code) for code in range(1, 0x20))
FEEDS = (
    "/case-studies/feed/rss/",
    "/case-studies/feed/atom/",
    "/resources/feed/rss/",
    "/resources/feed/atom/",
)


def _stored_as_typed(page, **fields) -> None:
    # Straight into the table, past every form and model check, as an old row would be.
    type(page).objects.filter(pk=page.pk).update(**fields)


@pytest.fixture
def dirty_pages(library):
    organisation = OrganisationFactory(name="North\x07shire\u202e")
    case_study = make_case_study(library.case_studies, title="Clean", organisations=[organisation])
    resource = make_resource(library.resources, title="Clean resource")
    tag = Tag.objects.create(name="re\x0bcycling\u202e", slug="recycling")
    case_study.tags.add(tag)
    resource.tags.add(tag)
    for page in (case_study, resource):
        _stored_as_typed(page, title=DIRTY + ALL_C0, summary=f"Line one\r\nline two{ALL_C0}")
    return library


@pytest.mark.parametrize("url", FEEDS)
def test_every_feed_answers_with_valid_xml_when_a_live_title_holds_control_characters(
    client, dirty_pages, url
):
    response = client.get(url)

    assert response.status_code == 200
    feed = ET.fromstring(response.content)  # noqa: S314 - our own output, parsed to prove it
    titles = [element.text for element in feed.iter() if element.tag.endswith("title")]
    assert "Shared bins for two councils" in " ".join(titles)
    assert not any(character in response.content.decode() for character in "\x01\x1b\u202e")


def test_moderators_are_emailed_with_a_clean_subject_when_a_stored_title_holds_newlines(
    library, mailoutbox
):
    moderator = UserFactory(email="mo@example.org")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    page = make_case_study(library.case_studies, title="Clean", live=False)
    _stored_as_typed(page, title=DIRTY, draft_title=DIRTY)
    page = CaseStudyPage.objects.get(pk=page.pk)
    contributor = UserFactory()
    page.save_revision(user=contributor)

    page.get_workflow().start(page, contributor)

    [email] = [message for message in mailoutbox if message.to == ["mo@example.org"]]
    assert "Shared bins for two councils" in email.subject
    assert not any(character in email.subject for character in "\r\n\x00\x01\u202e\u2066")
