"""Every kind of public page, on a phone (360 px) and a desktop (1280 px): no serious or critical
accessibility problem, and nothing makes the page scroll sideways."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from community.models import (
    CaseStudyAnswer,
    CaseStudyQuestion,
    Community,
    ContentStatus,
    StoryChange,
    StoryWeight,
)
from community.services.questions import answer_token_make
from knowledge.models import CaseStudyContact, DueDiligenceItem, LegalPage
from search.indexes import ensure_index
from tests.browser.conftest import DESKTOP, PHONE, axe_violations, open_page
from tests.factories import (
    CommunityFactory,
    ListingFactory,
    OrganisationFactory,
    ProfileContractFactory,
    ProfilePracticeFactory,
    ProfileSystemFactory,
    ReadinessProfileFactory,
    ServiceAreaFactory,
    SharedServiceFactory,
    make_case_study,
    make_event,
    make_member,
    make_post,
    make_resource,
    make_story,
    make_thread,
    make_verified_user,
)
from tests.search.conftest import IndexHelper

# Long names, as real councils and partnerships have, are what push tables wider than a phone.
COUNCIL = "North Westshire and Lakeland Borough Council"
AREA = "Revenues, benefits and customer services"


@pytest.fixture
def public_paths(library, es) -> list[str]:
    """One page of each public kind, with the content that makes it wide or busy, built before
    the browser starts (see conftest)."""
    council = OrganisationFactory(name=COUNCIL, summary="A district council in the north west.")
    partner = OrganisationFactory(name="Lakeland and Fells Shared Services Partnership")
    area = ServiceAreaFactory(name=AREA)
    service = SharedServiceFactory(
        name="Lakeland revenues and benefits partnership service",
        lead_organisation=council,
        service_area=area,
    )
    service.partners.add(partner)
    story = make_story(service, title="My housing benefit claim was sorted in a week")
    # --- #17 story loops: weight and a change made on the story, and the changes pages ---
    StoryWeight.objects.create(story=story, user=make_verified_user(username="also"))
    StoryChange.objects.create(
        story=story,
        author=make_verified_user(username="officer", verified_officer_of=council),
        organisation=council,
        body_markdown="Claims are now checked by two officers, so **nothing waits** a week.",
        body_html="<p>Claims are now checked by two officers, so <strong>nothing waits</strong>"
        " a week.</p>",
        changed_on=datetime.date(2026, 3, 27),
    )
    # --- end #17 story loops ---
    case_study = make_case_study(
        library.case_studies,
        title="Lakeland councils share revenues and benefits",
        organisations=[council, partner],
        service_areas=[area],
        tags=["tupe", "data-migration"],
        investment_pounds=Decimal("1250000"),
        started_on=datetime.date(2019, 4, 1),
    )
    DueDiligenceItem.objects.create(page=case_study, area="it-assets", status="problem-found")
    # --- ask the author (#17 item 6): a published question and answer, and the emailed link ---
    CaseStudyContact.objects.create(
        page=case_study, name="Dana Ode", email="dana.ode@lakeland-revenues-partnership.gov.uk"
    )
    question = CaseStudyQuestion.objects.create(
        page=case_study,
        asker=make_verified_user(username="asker"),
        body="How long did you run the old and new benefits systems side by side?",
        status=ContentStatus.VISIBLE,
    )
    CaseStudyAnswer.objects.create(
        question=question,
        contact_name="Dana Ode",
        contact_email="dana.ode@lakeland-revenues-partnership.gov.uk",
        body="Eight weeks. We should have planned twelve.",
        status=ContentStatus.VISIBLE,
    )
    unanswered = CaseStudyQuestion.objects.create(
        page=case_study, asker=question.asker, body="Did residents notice the change?"
    )
    answer_link = reverse(
        "community:question_answer",
        kwargs={
            "token": answer_token_make(
                question=unanswered, email="dana.ode@lakeland-revenues-partnership.gov.uk"
            )
        },
    )
    # --- end ask the author ---
    resource = make_resource(
        library.resources, title="Revenues and benefits business case template"
    )
    ensure_index(es)
    IndexHelper(es).add(case_study, resource)

    community = CommunityFactory(
        name="Revenues and benefits officers", visibility=Community.Visibility.PUBLIC
    )
    member = make_member(community, make_verified_user(username="member", trusted_poster=True))
    thread = make_thread(community, author=member, title="How did you handle TUPE?")
    make_post(thread, author=member, body_markdown="Start consultation early.")
    event = make_event(community, title="Open meeting on shared revenues")  # #17 events
    listing = ListingFactory(
        title="Payroll capacity for two more councils", organisation=council, service_area=area
    )
    for organisation, practice in [
        (council, "One reminder, then a summons 14 days later, unless the account holder asks."),
        (partner, "Two reminders 21 days apart before a summons, and a telephone call."),
    ]:
        profile = ReadinessProfileFactory(organisation=organisation)
        ProfileSystemFactory(profile=profile, service_area=area)
        ProfilePracticeFactory(profile=profile, service_area=area, practice=practice)
    # The profile page's widest table: a public contract with long words in every column.
    profile = council.readiness_profile
    profile.contracts_members_only = False
    profile.save()
    ProfileContractFactory(
        profile=profile,
        service_area=area,
        description="Revenues, benefits and customer contact centre software and hosting",
        supplier="Northgate Public Services (UK) Limited",
    )
    finder = f"/brokerage/partners/?organisation={council.slug}&service_area={area.slug}&window=12"
    legal_paths = [page.url_path.removeprefix("/home") for page in LegalPage.objects.all()]
    assert len(legal_paths) == 3, "the privacy notice, accessibility statement and cookies page"
    return [
        "/",
        "/search/?q=revenues",
        case_study.url_path.removeprefix("/home"),
        "/organisations/",
        council.get_absolute_url(),
        f"/organisations/{council.slug}/due-diligence/",
        "/service-areas/",
        area.get_absolute_url(),
        "/tags/",
        service.get_absolute_url(),
        f"/services/{service.slug}/changes/",  # #17 story loops
        "/changes-made/",  # #17 story loops
        "/communities/",
        community.get_absolute_url(),
        thread.get_absolute_url(),
        event.get_absolute_url(),  # #17 events
        "/brokerage/",
        listing.get_absolute_url(),
        finder,
        "/accounts/login/",
        "/accounts/signup/",
        "/contribute/",
        "/tell-us/",
        "/status/",
        "/open-data/",
        "/open-data/map/",
        "/api/v1/docs/",
        "/embed/",  # #17 widget: the builder
        f"/embed/?service_area={area.slug}&limit=3",  # #17 widget: the snippet and its preview
        answer_link,  # ask the author (#17 item 6): the page the contact's email opens
        *legal_paths,
    ]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone-360", "desktop-1280"])
def test_public_pages_pass_axe_and_never_scroll_sideways(
    viewport, public_paths, live_server, site_home
):
    problems = {}
    for page in open_page(**viewport):
        for path in public_paths:
            status = page.goto(live_server.url + path).status
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            found = {"status": status, "sideways_px": overflow, "violations": axe_violations(page)}
            if found != {"status": 200, "sideways_px": 0, "violations": []}:
                problems[path] = found

    assert problems == {}
