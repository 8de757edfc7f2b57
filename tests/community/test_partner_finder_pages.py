"""The compatibility finder's page (/brokerage/partners/): suggestions best first with their
reasons, as each kind of reader may see them, and plain errors for bad questions."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    OrganisationFactory,
    ProfileContractFactory,
    ProfilePracticeFactory,
    ProfileSystemFactory,
    ReadinessProfileFactory,
    ServiceAreaFactory,
    UserFactory,
    make_officer,
    make_verified_user,
)

pytestmark = pytest.mark.django_db

URL = "/brokerage/partners/"
QUESTION = {
    "organisation": "northshire-county-council",
    "service_area": "revenues-and-benefits",
    "window": "12",
}
HIDDEN_CONTRACTS = "Some organisations share their contracts only with verified officers."


def council(name, region, *, system=None, ends_on=None, area, contracts_members_only=True):
    """A council with a profile: a system and a contract in the area, if given."""
    profile = ReadinessProfileFactory(
        organisation=OrganisationFactory(name=name, region=region),
        contracts_members_only=contracts_members_only,
    )
    if system:
        ProfileSystemFactory(
            profile=profile, service_area=area, system=system[0], supplier=system[1]
        )
    if ends_on:
        ProfileContractFactory(
            profile=profile,
            service_area=area,
            description="Revenues and benefits software",
            ends_on=ends_on,
        )
    return profile


@pytest.fixture
def revenues():
    return ServiceAreaFactory(name="Revenues and benefits", slug="revenues-and-benefits")


@pytest.fixture
def network(revenues):
    """The demo's councils in miniature: Northshire looks for a partner."""
    payroll = ServiceAreaFactory(name="HR and payroll", slug="hr-and-payroll")
    civica = ("OpenRevenues", "Civica")
    home = council(
        "Northshire County Council",
        "yorkshire-and-the-humber",
        system=civica,
        ends_on=datetime.date(2028, 3, 31),
        area=revenues,
    )
    ProfilePracticeFactory(
        profile=home,
        service_area=revenues,
        topic="Council tax reminders",
        practice="One reminder, then a summons 14 days later.",
    )
    lowdale = council(
        "Lowdale District Council",
        "yorkshire-and-the-humber",
        system=civica,
        ends_on=datetime.date(2028, 6, 30),
        area=revenues,
    )
    ProfilePracticeFactory(
        profile=lowdale,
        service_area=revenues,
        topic="council tax reminders",
        practice="Two reminders 21 days apart before a summons.",
    )
    council(
        "Ardenshire County Council",
        "west-midlands",
        system=("Revenues and Benefits", "Capita"),
        ends_on=datetime.date(2028, 1, 31),
        area=revenues,
    )
    council(
        "Castlebrook Metropolitan Borough Council",
        "north-west",
        system=civica,
        ends_on=datetime.date(2030, 3, 31),
        area=revenues,
    )
    council(
        "Strathmoor Council",
        "scotland",
        system=("Northgate Revenues", "NEC"),
        ends_on=datetime.date(2028, 4, 30),
        area=revenues,
    )
    council(
        "Tynebridge City Council",
        "north-east",
        system=("iTrent", "MHR"),
        ends_on=datetime.date(2028, 3, 31),
        area=payroll,
    )
    return home


def names(response) -> list[str]:
    return [s.organisation.name for s in response.context["finding"].suggestions]


def editor():
    user = UserFactory(username="eddie")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_an_officer_starts_from_their_own_organisation(client, network):
    client.force_login(make_officer(network.organisation))

    response = client.get(URL)

    assert response.status_code == 200
    assert response.context["form"]["organisation"].value() == "northshire-county-council"
    assert response.context["finding"] is None


def test_an_officer_sees_partners_best_first_with_scores_and_reasons(client, network):
    client.force_login(make_officer(network.organisation))

    response = client.get(URL, QUESTION)

    assert names(response) == [
        "Lowdale District Council",
        "Strathmoor Council",
        "Ardenshire County Council",
        "Castlebrook Metropolitan Borough Council",
    ]
    best = response.context["finding"].suggestions[0]
    assert best.score == 94
    page = response.content.decode()
    assert "Fit: 94 out of 100." in page
    for reason in [
        "Their revenues and benefits contract ends 3 months after yours (30 June 2028)",
        "Both run OpenRevenues by Civica",
        "Same region (Yorkshire and the Humber)",
    ]:
        assert reason in page
    assert HIDDEN_CONTRACTS not in page
    # Tynebridge records nothing in revenues and benefits (payroll only), so is no suggestion.


def test_practices_are_side_by_side_in_a_table_with_a_caption(client, network):
    client.force_login(make_officer(network.organisation))

    page = client.get(URL, QUESTION).content.decode()

    assert (
        '<caption class="govuk-table__caption govuk-table__caption--s">Practices: '
        "Northshire County Council and Lowdale District Council</caption>"
    ) in page
    assert "One reminder, then a summons 14 days later." in page
    assert "Two reminders 21 days apart before a summons." in page


def test_an_editor_sees_matches_on_members_only_contract_dates(client, network):
    client.force_login(editor())

    response = client.get(URL, QUESTION)

    assert names(response)[0] == "Lowdale District Council"
    assert "30 June 2028" in response.content.decode()


@pytest.mark.parametrize("who", ["anonymous", "citizen"])
def test_a_reader_who_is_not_a_member_is_never_told_a_members_only_contract_date(
    client, network, who
):
    if who == "citizen":
        client.force_login(make_verified_user())

    response = client.get(URL, QUESTION)

    page = response.content.decode()
    for date in ["31 March 2028", "30 June 2028", "31 January 2028", "30 April 2028"]:
        assert date not in page
    assert "contract ends" not in page
    assert HIDDEN_CONTRACTS in page
    # Systems and regions are public, so those still order the suggestions.
    assert names(response) == [
        "Lowdale District Council",
        "Castlebrook Metropolitan Borough Council",
        "Ardenshire County Council",
        "Strathmoor Council",
    ]
    assert response.context["finding"].suggestions[0].score == 50


def test_anonymous_readers_are_asked_to_sign_in_and_citizens_to_confirm_a_work_address(
    client, network
):
    anonymous = client.get(URL, QUESTION).content.decode()
    client.force_login(make_verified_user())
    citizen = client.get(URL, QUESTION).content.decode()

    assert "Sign in with your work email</a> to see matches on contract dates." in anonymous
    assert "Confirm an email address on your organisation's domain" in citizen


def test_the_home_organisations_members_only_contracts_are_not_used_for_outsiders(
    client, network, revenues
):
    public_dates = council(
        "Eastmere Borough Council",
        "north-east",
        ends_on=datetime.date(2028, 4, 30),
        area=revenues,
        contracts_members_only=False,
    )

    response = client.get(URL, QUESTION)

    eastmere = next(
        s
        for s in response.context["finding"].suggestions
        if s.organisation == public_dates.organisation
    )
    # Its own date is public, but "1 month after yours" would give Northshire's away.
    assert eastmere.reasons == ("Neighbouring region (North East)",)
    assert "31 March 2028" not in response.content.decode()


@pytest.mark.parametrize(
    "change, message",
    [
        ({"organisation": "no-such-council"}, "Choose an organisation with a due-diligence"),
        ({"organisation": "no-profile-council"}, "Choose an organisation with a due-diligence"),
        ({"service_area": "astrology"}, "Choose a service area from the list"),
        ({"window": "7"}, "Choose how many months apart contracts may end from the list"),
        ({"window": "twelve"}, "Choose how many months apart contracts may end from the list"),
        ({"organisation": ""}, "Choose an organisation"),
    ],
)
def test_a_bad_question_gets_a_plain_error_not_a_500(client, network, change, message):
    OrganisationFactory(name="No Profile Council")

    response = client.get(URL, {**QUESTION, **change})

    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in page
    assert response.context["finding"] is None
    assert "<title>Error:" in page


def test_the_service_area_asked_is_kept_when_another_answer_is_wrong(client, network):
    response = client.get(URL, {**QUESTION, "window": "7"})

    assert response.context["form"]["service_area"].value() == "revenues-and-benefits"


def test_the_query_count_is_the_same_for_few_or_many_profiles(client, network, revenues):
    client.force_login(make_officer(network.organisation))
    client.get(URL, QUESTION)  # the session and site are cached after the first request
    with CaptureQueriesContext(connection) as few:
        client.get(URL, QUESTION)
    for number in range(8):
        profile = council(
            f"Extra Council {number}",
            "north-east",
            system=("OpenRevenues", "Civica"),
            ends_on=datetime.date(2028, 5, 1),
            area=revenues,
        )
        ProfilePracticeFactory(profile=profile, service_area=revenues)
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL, QUESTION)

    assert len(names(response)) == 12
    # Of the 17, the finder's own are 8: the organisation and service area asked for, the
    # profiles, their systems, contracts and practices, and the form's two lists of choices; the
    # rest are the session, permissions and the layout every page has.
    assert len(many) == len(few) == 17


def test_the_brokerage_links_to_the_finder(client, db):
    page = client.get("/brokerage/").content.decode()

    assert f'href="{URL}">Find partners whose contracts end when yours do</a>' in page


def test_members_only_practices_are_neither_shown_nor_compared_for_outsiders(
    client, network, revenues
):
    private = council(
        "Eastmere Borough Council", "north-east", system=("OpenRevenues", "Civica"), area=revenues
    )
    private.practices_members_only = True
    private.save()
    ProfilePracticeFactory(
        profile=private, service_area=revenues, practice="Reminders by text message only."
    )

    outsider = client.get(URL, QUESTION).content.decode()
    client.force_login(make_officer(network.organisation))
    officer = client.get(URL, QUESTION).content.decode()

    assert "Reminders by text message only." not in outsider
    assert "share their main systems or practices only with verified officers" in outsider
    assert "Reminders by text message only." in officer


def test_the_page_says_when_your_profile_records_nothing_in_the_service_area(client, network):
    ServiceAreaFactory(name="Waste and recycling", slug="waste-and-recycling")
    waste = {**QUESTION, "service_area": "waste-and-recycling"}
    # Its contracts are members only, so an outsider cannot be told there are none.
    outsider = client.get(URL, waste).content.decode()
    client.force_login(make_officer(network.organisation))

    page = client.get(URL, waste).content.decode()

    assert "records no system or contract" not in outsider
    assert (
        "Northshire County Council's profile records no system or contract in Waste and "
        "recycling, so only regions are compared."
    ) in page
    assert "No other organisation's profile records systems, contracts or practices" in page
