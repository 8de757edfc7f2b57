"""Addresses that only take a form's POST answer a person who opens them (a bookmark, a link
copied from the address bar) with a page in the site's layout, in plain English, never an empty
405."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import make_verified_user

THREAD = {"slug": "waste", "thread_id": 1}

POST_ONLY = [
    ("community:moderation_act", {"content_type": "story", "pk": 6}),
    ("community:listing_interest", {"pk": 1}),
    ("community:thread_reply", THREAD),
    ("community:thread_pin", THREAD),
    ("community:thread_lock", THREAD),
    ("community:answer_mark", THREAD),
    ("community:notifications_read_all", {}),
    ("community:watch", {"kind": "thread", "pk": 1}),
    ("community:community_join", {"slug": "waste"}),
    ("community:community_leave", {"slug": "waste"}),
    ("community:membership_approve", {"slug": "waste", "membership_id": 1}),
    ("community:membership_decline", {"slug": "waste", "membership_id": 1}),
    ("search_vocabulary:confirm", {"pk": 1}),
    ("search_vocabulary:reject", {"pk": 1}),
]


@pytest.fixture
def editor(db):
    user = make_verified_user(username="eddie", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.mark.parametrize(("name", "kwargs"), POST_ONLY, ids=[name for name, _ in POST_ONLY])
def test_opening_a_post_only_address_gives_a_page_with_the_layout(client, editor, name, kwargs):
    client.force_login(editor)
    url = reverse(name, kwargs=kwargs)

    response = client.get(url, HTTP_REFERER="http://testserver/communities/")

    page = response.content.decode()
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response["Content-Type"].startswith("text/html")
    assert 'id="main-content"' in page and "govuk-footer" in page
    assert "This address only works from a button" in page
    assert 'href="/communities/"' in page


def test_the_way_back_never_leads_to_another_site(client, editor):
    client.force_login(editor)

    page = client.get(
        reverse("community:notifications_read_all"), HTTP_REFERER="https://evil.example/"
    ).content.decode()

    assert "evil.example" not in page
    assert "Go to the home page" in page
