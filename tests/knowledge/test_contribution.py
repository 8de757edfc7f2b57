"""Contributing a case study from the public site, and its review in Wagtail's workflow."""

import html
from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.models import Page, Site, WorkflowState

from knowledge.models import CaseStudyIndexPage, CaseStudyPage, HomePage
from tests.factories import OrganisationFactory, ServiceAreaFactory, UserFactory

CASE_STUDY_URL = "/contribute/case-study/"
YOURS_URL = "/contribute/yours/"


def case_study_data(**changes) -> dict:
    data = {
        "title": "Two councils share a waste service",
        "summary": "Eastshire and Westshire merged their waste collection rounds.",
        "stage": "live",
        "started_on_day": "1",
        "started_on_month": "4",
        "started_on_year": "2021",
        "ended_on_day": "",
        "ended_on_month": "",
        "ended_on_year": "",
        "investment_pounds": "£250,000",
        "annual_savings_pounds": "450000",
        "savings_percent": "30%",
        "staff_change_fte": "-12.5",
        "outcomes": "Fewer missed bins.\n\nResidents noticed.",
        "what_went_wrong": "The depot lease ran six months late.",
        "lessons_learned": "Start with the data.",
        "tags": "waste, depots, Waste",
    }
    return {**data, **changes}


def submit(client, **changes) -> CaseStudyPage:
    response = client.post(CASE_STUDY_URL, case_study_data(**changes))
    assert response.status_code == 302, response.content.decode()[:3000]
    return CaseStudyPage.objects.get(title=changes.get("title", case_study_data()["title"]))


def workflow_action(client, page: CaseStudyPage, action: str, comment: str):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": comment})


def test_anonymous_people_are_sent_to_sign_in_before_contributing(client, library):
    for url in (CASE_STUDY_URL, "/contribute/resource/", YOURS_URL):
        response = client.get(url)

        assert response.status_code == 302
        assert response["Location"] == f"/accounts/login/?next={url}"


def test_the_start_page_says_what_to_contribute_and_asks_anonymous_people_to_sign_in(
    client, library
):
    response = client.get("/contribute/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "A case study" in page and "A resource" in page
    assert 'href="/accounts/login/?next=/contribute/"' in page
    assert f'href="{CASE_STUDY_URL}"' not in page


def test_a_signed_in_person_sees_the_form_with_a_label_for_every_field(signed_in):
    response = signed_in.get(CASE_STUDY_URL)

    page = response.content.decode()
    assert response.status_code == 200
    for field in ("title", "summary", "investment_pounds", "what_went_wrong", "tags"):
        assert f'<label class="govuk-label" for="id_{field}">' in page
    assert "that is what the next council most needs to know" in page


def test_a_valid_case_study_becomes_a_draft_of_its_contributor_waiting_for_review(
    signed_in, contributor
):
    council = OrganisationFactory(name="Eastshire District Council")
    waste = ServiceAreaFactory(name="Waste")

    response = signed_in.post(
        CASE_STUDY_URL, case_study_data(organisations=[council.pk], service_areas=[waste.pk])
    )

    page = CaseStudyPage.objects.get(title="Two councils share a waste service")
    assert response["Location"] == f"/contribute/sent/{page.pk}/"
    assert page.owner == contributor
    assert not page.live
    assert page.latest_revision is not None
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == contributor
    assert page.current_workflow_task.name == "Moderators approval"
    assert list(page.organisations.all()) == [council]
    assert list(page.service_areas.all()) == [waste]
    assert sorted(page.tags.names()) == ["depots", "waste"]
    assert page.investment_pounds == Decimal("250000")
    assert page.savings_percent == Decimal("30")
    assert page.staff_change_fte == Decimal("-12.5")
    assert page.started_on.isoformat() == "2021-04-01"
    assert page.outcomes == "<p>Fewer missed bins.</p>\n\n<p>Residents noticed.</p>"


def test_the_confirmation_page_thanks_the_contributor_and_links_to_their_list(signed_in):
    page = submit(signed_in)

    response = signed_in.get(f"/contribute/sent/{page.pk}/")

    body = response.content.decode()
    assert 'class="govuk-panel govuk-panel--confirmation"' in body
    assert "Case study sent for review" in body
    assert f'href="{YOURS_URL}"' in body


def test_drafts_are_invisible_to_anonymous_users(signed_in, client, library):
    page = submit(signed_in)
    signed_in.logout()

    assert client.get("/case-studies/two-councils-share-a-waste-service/").status_code == 404
    assert not CaseStudyPage.objects.live().filter(pk=page.pk).exists()


def test_a_submission_with_errors_shows_every_message_and_keeps_what_was_typed(signed_in):
    council = OrganisationFactory(name="Eastshire District Council")

    response = signed_in.post(
        CASE_STUDY_URL,
        case_study_data(
            organisations=[council.pk],
            summary="",
            what_went_wrong="",
            started_on_day="31",
            started_on_month="2",
            ended_on_year="20",
            ended_on_day="3",
            ended_on_month="3",
            investment_pounds="lots",
            outcomes="Fewer missed bins & happier crews.",
            tags="waste, depots",
        ),
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert not CaseStudyPage.objects.exists()
    assert "<title>Error: Share a case study" in body
    assert 'class="govuk-error-summary"' in body
    messages = {
        "id_summary": "Enter a summary of the case study",
        "id_what_went_wrong": "Enter what went wrong, or what was harder or slower than planned",
        "id_started_on_0": "The start date must be a real date, like 27 3 2021",
        "id_ended_on_0": "Year must include 4 numbers",
        "id_investment_pounds": "Investment must be a number, like 250000",
    }
    for anchor, message in messages.items():
        assert f'<li><a href="#{anchor}">{message}</a></li>' in body
        assert f'<span class="govuk-visually-hidden">Error:</span> {message}</p>' in body
    assert 'value="Two councils share a waste service"' in body
    assert f'value="{council.pk}" checked' in body
    assert 'value="live" checked' in body
    assert 'name="started_on_day" type="text" inputmode="numeric" value="31"' in body
    assert 'name="ended_on_year" type="text" inputmode="numeric" value="20"' in body
    assert 'value="lots"' in body
    assert 'value="30%"' in body
    assert 'value="-12.5"' in body
    assert ">\nFewer missed bins &amp; happier crews.</textarea>" in body
    assert ">\nStart with the data.</textarea>" in body
    assert 'value="waste, depots"' in body


def test_negative_money_and_savings_over_100_percent_give_the_models_messages(signed_in):
    response = signed_in.post(
        CASE_STUDY_URL,
        case_study_data(
            investment_pounds="-5", annual_savings_pounds="-1,000", savings_percent="150"
        ),
    )

    body = response.content.decode()
    assert "Investment cannot be negative." in body
    assert "Annual savings cannot be negative." in body
    assert "Savings must be between 0% and 100%." in body
    assert 'value="-1,000"' in body
    assert not CaseStudyPage.objects.exists()


def test_an_end_date_before_the_start_date_is_refused(signed_in):
    response = signed_in.post(
        CASE_STUDY_URL,
        case_study_data(ended_on_day="1", ended_on_month="1", ended_on_year="2020"),
    )

    assert "The end date must be on or after the start date." in response.content.decode()
    assert not CaseStudyPage.objects.exists()


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("1", "", "2021", "The start date must include a month"),
        ("", "", "2021", "The start date must include a day and a month"),
        ("²", "4", "2021", "The start date must be a real date, like 27 3 2021"),
        ("9" * 30, "4", "2021", "The start date must be a real date, like 27 3 2021"),
    ],
)
def test_an_incomplete_or_impossible_date_is_explained(signed_in, day, month, year, message):
    response = signed_in.post(
        CASE_STUDY_URL,
        case_study_data(started_on_day=day, started_on_month=month, started_on_year=year),
    )

    assert response.status_code == 200
    assert f'<li><a href="#id_started_on_0">{message}</a></li>' in response.content.decode()


def test_the_contribution_is_listed_as_waiting_for_review(signed_in):
    submit(signed_in)

    response = signed_in.get(YOURS_URL)

    body = response.content.decode()
    assert "Two councils share a waste service" in body
    assert "Waiting for an editor" in body
    assert "Case study" in body


def test_a_moderator_approves_in_the_wagtail_admin_and_the_page_goes_live(
    signed_in, client, moderator
):
    page = submit(signed_in)
    signed_in.logout()
    client.force_login(moderator)

    response = workflow_action(client, page, "approve", "Thank you, a useful one.")

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.current_workflow_state is None
    client.logout()
    public = client.get("/case-studies/two-councils-share-a-waste-service/")
    assert public.status_code == 200
    assert "Two councils share a waste service" in public.content.decode()


def test_an_approved_contribution_is_listed_as_published(signed_in, client, moderator, contributor):
    page = submit(signed_in)
    client.force_login(moderator)
    workflow_action(client, page, "approve", "")
    client.force_login(contributor)

    body = client.get(YOURS_URL).content.decode()

    assert "Published" in body
    assert 'href="/case-studies/two-councils-share-a-waste-service/"' in body


def test_changes_requested_show_the_editors_comment_and_the_page_stays_private(
    signed_in, client, moderator, contributor
):
    page = submit(signed_in)
    client.force_login(moderator)

    response = workflow_action(client, page, "reject", "Please add what it cost & saved.")

    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    client.force_login(contributor)
    body = client.get(YOURS_URL).content.decode()
    assert "Changes requested" in body
    assert "Please add what it cost &amp; saved." in body
    client.logout()
    assert client.get("/case-studies/two-councils-share-a-waste-service/").status_code == 404


def test_a_contributor_cannot_approve_their_own_case_study(signed_in):
    page = submit(signed_in)

    workflow_action(signed_in, page, "approve", "Looks good to me")

    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_people_cannot_see_each_others_contributions(signed_in, client):
    page = submit(signed_in)
    client.force_login(UserFactory(username="ben"))

    yours = client.get(YOURS_URL).content.decode()

    assert "Two councils share a waste service" not in yours
    assert "You have not contributed anything yet." in yours
    assert client.get(f"/contribute/sent/{page.pk}/").status_code == 404


def test_script_typed_into_the_text_fields_is_stored_and_shown_escaped(
    signed_in, client, moderator
):
    page = submit(
        signed_in,
        title="<script>alert(1)</script> Shared bins",
        summary="<img src=x onerror=alert(2)>",
        what_went_wrong='<script>alert("wrong")</script>\n<b>late</b>',
    )

    assert "<script" not in page.what_went_wrong
    assert page.what_went_wrong == (
        "<p>&lt;script&gt;alert(&quot;wrong&quot;)&lt;/script&gt;<br>&lt;b&gt;late&lt;/b&gt;</p>"
    )
    yours = signed_in.get(YOURS_URL).content.decode()
    assert "<script>alert(1)" not in yours
    assert html.escape("<script>alert(1)</script> Shared bins", quote=False) in yours
    client.force_login(moderator)
    workflow_action(client, page, "approve", "")
    client.logout()
    public = client.get(page.url).content.decode()
    assert "<script>alert" not in public
    assert "<img src=x" not in public


def test_a_title_already_taken_gets_a_numbered_slug(signed_in):
    first = submit(signed_in, title="Shared revenues")
    response = signed_in.post(CASE_STUDY_URL, case_study_data(title="Shared revenues"))

    second = CaseStudyPage.objects.exclude(pk=first.pk).get(title="Shared revenues")
    assert response.status_code == 302
    assert (first.slug, second.slug) == ("shared-revenues", "shared-revenues-2")


def test_moderators_are_emailed_when_a_case_study_is_sent_for_review(
    signed_in, moderator, mailoutbox
):
    submit(signed_in)

    assert [message.to for message in mailoutbox] == [[moderator.email]]
    assert "Two councils share a waste service" in mailoutbox[0].subject


def page_tree() -> list[tuple[int, str, str]]:
    return list(Page.objects.order_by("path").values_list("pk", "path", "title"))


def test_a_submission_leaves_a_customised_page_tree_as_it_is(client, contributor):
    # This site kept Wagtail's first page as its root and put the library under it: setting up
    # the default tree (which replaces that page) is not a contributor's business.
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    home = welcome.add_child(instance=HomePage(title="Commons", slug="commons"))
    case_studies = home.add_child(
        instance=CaseStudyIndexPage(title="Case studies", slug="case-studies")
    )
    tree_before = page_tree()
    client.force_login(contributor)

    page = submit(client)

    assert page.get_parent().pk == case_studies.pk
    assert [row for row in page_tree() if row[0] != page.pk] == tree_before
    site.refresh_from_db()
    assert site.root_page_id == welcome.pk


def test_with_no_case_study_list_a_submission_is_refused_plainly_and_keeps_the_words(
    client, contributor, home_page
):
    tree_before = page_tree()
    client.force_login(contributor)

    response = client.post(CASE_STUDY_URL, case_study_data())

    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    assert "Case studies cannot be sent in at the moment. Try again later." in text
    assert 'value="Two councils share a waste service"' in text
    assert page_tree() == tree_before
