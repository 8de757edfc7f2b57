import pytest
from django.contrib.auth.models import Group

# The stories panel registers itself with knowledge's shared service page when imported; the app
# imports it at start-up, and importing it here makes sure the tests see it whatever the app does.
import community.panels  # noqa: F401
from tests.factories import OrganisationFactory, SharedServiceFactory, make_verified_user


@pytest.fixture
def service(db):
    """Northshire leads a revenues service with Southshire as partner."""
    lead = OrganisationFactory(name="Northshire Council")
    partner = OrganisationFactory(name="Southshire Council")
    service = SharedServiceFactory(name="Revenues and benefits", lead_organisation=lead)
    service.partners.add(partner)
    service.save()  # a ParentalManyToManyField writes its links on save
    return service


@pytest.fixture
def citizen(db):
    return make_verified_user(username="casey", first_name="Casey", last_name="Quill")


@pytest.fixture
def editor(db):
    user = make_verified_user(username="eddie")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user
