"""Who reads and changes due-diligence profiles: the rules every profile page, form, finder and
search ask (knowledge/readiness.py, answered for officers by community/auth_backends.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from knowledge.models import ProfilePart
from knowledge.readiness import can_change_profile, can_read_members_only_parts, profile_seen_by
from tests.factories import (
    OrganisationFactory,
    ProfileContractFactory,
    ProfileSystemFactory,
    ReadinessProfileFactory,
    UserFactory,
    make_officer,
    make_verified_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Eastvale District Council")


@pytest.fixture
def editor():
    user = UserFactory(username="eddie")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_an_officer_changes_their_own_organisations_profile_and_no_other(organisation):
    officer = make_officer(organisation)
    elsewhere = OrganisationFactory(name="Westmoor Borough Council")
    assert can_change_profile(officer, organisation)
    assert not can_change_profile(officer, elsewhere)


def test_citizens_and_people_not_signed_in_change_no_profile(organisation):
    assert not can_change_profile(make_verified_user(), organisation)
    assert not can_change_profile(AnonymousUser(), organisation)


def test_an_officer_whose_account_is_closed_changes_nothing(organisation):
    officer = make_officer(organisation)
    officer.is_active = False
    officer.save()
    assert not can_change_profile(officer, organisation)
    assert not can_read_members_only_parts(officer)


def test_editors_change_any_profile_and_read_members_only_parts(organisation, editor):
    assert can_change_profile(editor, organisation)
    assert can_read_members_only_parts(editor)


def test_members_only_parts_are_read_by_officers_of_any_organisation_only(organisation):
    assert can_read_members_only_parts(make_officer(OrganisationFactory(name="Lowdale")))
    assert not can_read_members_only_parts(make_verified_user())
    assert not can_read_members_only_parts(AnonymousUser())


def test_a_reader_who_is_not_a_member_sees_no_members_only_rows(organisation):
    profile = ReadinessProfileFactory(organisation=organisation, contracts_members_only=True)
    ProfileSystemFactory(profile=profile, system="OpenRevenues")
    ProfileContractFactory(profile=profile, description="Revenues software")

    public = profile_seen_by(profile, make_verified_user())
    officer = profile_seen_by(profile, make_officer(OrganisationFactory(name="Lowdale")))

    assert [system.system for system in public.systems] == ["OpenRevenues"]
    assert public.contracts == []
    assert public.hidden_parts == [ProfilePart.CONTRACTS.label]
    assert [contract.description for contract in officer.contracts] == ["Revenues software"]
    assert officer.hidden_parts == []
