"""The organisations providing a service answer its stories in public."""

import pytest
from django.urls import reverse

from community.models import ContentStatus, Notification, StoryResponse
from community.services.stories import story_respond
from tests.factories import OrganisationFactory, make_story, make_verified_user


@pytest.fixture
def story(service):
    return make_story(service, title="Letters never came")


@pytest.fixture
def lead_officer(service):
    return make_verified_user(verified_officer_of=service.lead_organisation)


@pytest.fixture
def partner_officer(service):
    return make_verified_user(verified_officer_of=service.partners.get())


def respond_url(story) -> str:
    return reverse("community:story_respond", kwargs={"story_id": story.pk})


def test_an_officer_of_the_lead_organisation_answers_under_the_story(
    client, service, story, lead_officer
):
    client.force_login(lead_officer)

    response = client.post(respond_url(story), {"body": "Sorry: we have **fixed** the printer."})

    assert response.status_code == 302
    assert response.url == f"{service.get_absolute_url()}#story-{story.pk}"
    answer = StoryResponse.objects.get(story=story)
    assert (answer.organisation, answer.author) == (service.lead_organisation, lead_officer)
    client.logout()
    html = client.get(service.get_absolute_url()).content.decode()
    assert "Answer from Northshire Council" in html
    assert "<strong>fixed</strong>" in html
    assert html.index("Letters never came") < html.index("Answer from Northshire Council")


def test_an_officer_of_a_partner_organisation_may_answer(client, service, story, partner_officer):
    client.force_login(partner_officer)

    assert client.get(respond_url(story)).status_code == 200
    client.post(respond_url(story), {"body": "We will look into it."})

    assert StoryResponse.objects.get(story=story).organisation.name == "Southshire Council"


def test_officers_of_other_organisations_and_citizens_may_not_answer(client, story, citizen):
    outsider = make_verified_user(verified_officer_of=OrganisationFactory(name="Elsewhere"))
    for person in (outsider, citizen):
        client.force_login(person)
        assert client.get(respond_url(story)).status_code == 403
        assert client.post(respond_url(story), {"body": "Not ours to say."}).status_code == 403

    assert not StoryResponse.objects.exists()


def test_anonymous_people_are_asked_to_sign_in_before_answering(client, story):
    response = client.post(respond_url(story), {"body": "Hello"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not StoryResponse.objects.exists()


def test_a_story_waiting_for_a_moderator_cannot_be_answered(client, service, lead_officer):
    pending = make_story(service, status=ContentStatus.PENDING)
    client.force_login(lead_officer)

    assert client.post(respond_url(pending), {"body": "Too early"}).status_code == 404
    assert not StoryResponse.objects.exists()


def test_only_officers_of_the_answering_organisation_edit_the_answer(
    client, service, story, lead_officer, partner_officer
):
    client.force_login(lead_officer)
    client.post(respond_url(story), {"body": "First answer"})
    colleague = make_verified_user(verified_officer_of=service.lead_organisation)

    client.force_login(partner_officer)
    assert client.post(respond_url(story), {"body": "Hijack"}).status_code == 403
    client.force_login(colleague)
    form = client.get(respond_url(story)).content.decode()
    client.post(respond_url(story), {"body": "Better answer"})

    assert "First answer" in form
    answer = StoryResponse.objects.get(story=story)
    assert (answer.body_markdown, answer.author) == ("Better answer", colleague)
    assert answer.edited_at is not None


def test_an_empty_answer_gets_a_clear_message(client, story, lead_officer):
    client.force_login(lead_officer)

    response = client.post(respond_url(story), {"body": ""})

    assert response.status_code == 200
    assert "Enter your answer" in response.content.decode()
    assert not StoryResponse.objects.exists()


def test_only_officers_who_may_answer_see_the_answer_link(
    client, service, story, lead_officer, citizen
):
    link = f'href="{respond_url(story)}"'
    client.force_login(lead_officer)
    officer_page = client.get(service.get_absolute_url()).content.decode()
    client.force_login(citizen)
    citizen_page = client.get(service.get_absolute_url()).content.decode()

    assert link in officer_page
    assert link not in citizen_page


def test_the_storys_author_is_told_once_when_the_organisation_answers(service, story, lead_officer):
    story_respond(user=lead_officer, story=story, body="Sorry: we have fixed the printer.")
    story_respond(user=lead_officer, story=story, body="Sorry: we have fixed both printers.")

    told = Notification.objects.get(user=story.author)
    assert told.message == "Northshire Council answered your story “Letters never came”."
    assert told.url == f"{service.get_absolute_url()}#story-{story.pk}"
