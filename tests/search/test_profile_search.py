"""Due-diligence profiles are found through search, sent through the outbox: their public parts
by everyone, their members-only parts by members (verified officers, editors) only, and each
profile once, on Elasticsearch and on the database's search alike."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser, Group
from django.urls import reverse

from search.backends import database
from search.documents import alias_name
from search.indexes import ensure_index
from search.models import IndexTask
from search.services import search
from search.types import SearchFilters
from tests.factories import (
    OrganisationFactory,
    ProfileContractFactory,
    ProfileSystemFactory,
    ReadinessProfileFactory,
    ServiceAreaFactory,
    UserFactory,
    make_officer,
    make_verified_user,
)
from tests.search.draining import drain_everything

pytestmark = pytest.mark.django_db

TITLE = "Due-diligence profile: Northshire County Council"


@pytest.fixture
def northshire(es):
    ensure_index(es)
    organisation = OrganisationFactory(name="Northshire County Council")
    revenues = ServiceAreaFactory(name="Revenues and benefits")
    profile = ReadinessProfileFactory(organisation=organisation, contracts_members_only=True)
    ProfileSystemFactory(
        profile=profile, service_area=revenues, system="Tallyworks", supplier="Civica"
    )
    ProfileContractFactory(
        profile=profile,
        service_area=revenues,
        description="Revenues and benefits software",
        supplier="Quillsoft",
        ends_on=datetime.date(2028, 3, 31),
    )
    drain_everything()
    return profile


def people() -> dict:
    editor = UserFactory(username="eddie")
    editor.groups.add(Group.objects.get(name="Editors"))
    return {
        "anonymous": AnonymousUser(),
        "citizen": make_verified_user(username="citizen"),
        "officer": make_officer(OrganisationFactory(name="Lowdale District Council")),
        "editor": editor,
    }


def titles(query: str, user) -> list[str]:
    return [hit.title for hit in search(query, user=user).hits]


def database_titles(query: str, user) -> list[str]:
    found = database.search(
        query, user=user, filters=SearchFilters(), sort="relevance", page=1, per_page=20
    )
    return [hit.title for hit in found.hits]


@pytest.mark.parametrize("find", [titles, database_titles], ids=["elasticsearch", "database"])
def test_a_members_only_contract_is_found_by_members_only(northshire, find):
    found = {role: find("Quillsoft", person) for role, person in people().items()}

    assert found == {
        "anonymous": [],
        "citizen": [],
        "officer": [TITLE],
        "editor": [TITLE],
    }


@pytest.mark.parametrize("find", [titles, database_titles], ids=["elasticsearch", "database"])
def test_a_public_system_is_found_once_by_everyone(northshire, find):
    found = {role: find("Tallyworks", person) for role, person in people().items()}

    assert found == {role: [TITLE] for role in found}


def test_saving_a_profile_records_a_task_for_each_of_its_two_documents(northshire):
    IndexTask.objects.all().delete()

    northshire.save()

    keys = sorted(IndexTask.objects.values_list("kind", "object_id"))
    assert keys == [("profile", str(northshire.pk)), ("profile", f"{northshire.pk}-members")]


def test_changes_to_a_profile_and_its_rows_reach_the_index_through_the_outbox(northshire):
    citizen = make_verified_user(username="citizen")
    ProfileSystemFactory(profile=northshire, system="Zephyrware", supplier="")
    northshire.contracts_members_only = False
    northshire.save()
    assert titles("Zephyrware", citizen) == []  # not until the outbox drains

    drain_everything()

    assert titles("Zephyrware", citizen) == [TITLE]
    assert titles("Quillsoft", citizen) == [TITLE]


def test_a_deleted_profile_is_found_by_nobody(northshire):
    officer = make_officer(OrganisationFactory(name="Lowdale District Council"))

    northshire.delete()
    drain_everything()

    assert titles("Tallyworks", officer) == []
    assert titles("Tallyworks", AnonymousUser()) == []


def test_the_search_page_links_a_found_profile_to_its_page(client, northshire):
    response = client.get(reverse("search:page"), {"q": "Tallyworks"})

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    url = reverse("knowledge:readiness_profile", kwargs={"slug": northshire.organisation.slug})
    assert page.find("a", href=url).get_text(strip=True) == TITLE
    assert "Due-diligence profiles" in page.get_text()


def test_renaming_the_organisation_or_a_service_area_renames_the_profile_in_search(northshire, es):
    organisation = northshire.organisation
    organisation.name = "Northshire Unitary Council"
    organisation.save()
    area = northshire.systems.get().service_area
    area.name = "Council tax and benefits"
    area.save()

    drain_everything()

    found = search("Tallyworks", user=AnonymousUser())
    assert [hit.title for hit in found.hits] == [
        "Due-diligence profile: Northshire Unitary Council"
    ]
    for key in (str(northshire.pk), f"{northshire.pk}-members"):
        indexed = es.get(index=alias_name(), id=f"profile-{key}")["_source"]
        assert indexed["service_area_names"] == ["Council tax and benefits"]
