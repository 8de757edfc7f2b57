import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploads, imports and exports write their files under the test's own folder, never into
    the working tree's media/, and no test sees another's files."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def contributor(db):
    return UserFactory(username="ana", email="ana@example.org")


@pytest.fixture
def moderator(db):
    user = UserFactory(username="mo", email="mo@example.org")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def signed_in(client, contributor, library):
    client.force_login(contributor)
    return client
