"""The moderation queue is linked from the Wagtail admin menu and from the public site's
navigation, only for the people who can use it, with how many items wait there."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community.models import ContentStatus
from community.selectors.moderation import moderation_queue_for
from community.services.moderation import flag_create
from tests.factories import (
    CommunityFactory,
    cover_service_area,
    make_moderator,
    make_post,
    make_story,
    make_thread,
    make_verified_user,
)

QUEUE = reverse("community:moderation_queue")
QUEUE_LINK = f'href="{QUEUE}"'


def with_admin_access(user):
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def waste(db):
    return CommunityFactory(name="Waste partnerships")


def test_the_admin_menu_links_the_queue_for_moderators_and_editors_only(client, waste, editor):
    moderator = with_admin_access(make_moderator(waste))
    plain = with_admin_access(make_verified_user())
    menus = {}
    for name, user in (("moderator", moderator), ("editor", editor), ("plain", plain)):
        client.force_login(user)
        menus[name] = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Moderation queue" in menus["moderator"] and QUEUE in menus["moderator"]
    assert "Moderation queue" in menus["editor"]
    assert "Moderation queue" not in menus["plain"]


def test_the_navigation_links_the_queue_with_the_number_waiting(client, waste, service):
    cover_service_area(waste, service.service_area)
    moderator = make_moderator(waste)
    make_thread(waste, title="Bins", status=ContentStatus.PENDING)
    reported = make_thread(waste, title="Adverts")
    for _ in range(2):  # two reports of one thread are one item to look at
        flag_create(reporter=make_verified_user(), content=reported, reason="spam")
    flag_create(reporter=make_verified_user(), content=make_post(reported), reason="abuse")
    make_story(service, status=ContentStatus.PENDING)
    make_thread(CommunityFactory(name="Elsewhere"), status=ContentStatus.PENDING)  # not theirs
    client.force_login(moderator)

    page = client.get("/communities/").content.decode()

    assert QUEUE_LINK in page
    assert '<span class="commons-count" data-testid="moderation-count">4<' in page
    assert len(moderation_queue_for(moderator)) == 4


def test_people_who_moderate_nothing_get_no_queue_link(client, waste):
    client.force_login(make_verified_user())
    signed_in = client.get("/communities/").content.decode()
    client.logout()
    anonymous = client.get("/communities/").content.decode()

    assert QUEUE_LINK not in signed_in
    assert QUEUE_LINK not in anonymous


def test_the_queue_link_costs_one_query_however_much_waits(client, waste, editor):
    client.force_login(editor)

    def queries() -> tuple[int, int]:
        """All the page's queries, and those that count the queue."""
        client.get("/communities/")  # warm the session
        with CaptureQueriesContext(connection) as captured:
            client.get("/communities/")
        counting = [q for q in captured if "community_flag" in q["sql"]]
        return len(captured), len(counting)

    few = queries()
    for number in range(5):
        make_thread(waste, title=f"Waiting {number}", status=ContentStatus.PENDING)
        reported = make_thread(waste, title=f"Reported {number}")
        flag_create(reporter=make_verified_user(), content=reported, reason="spam")

    assert few[1] == 1
    assert queries() == few
