"""What a person may do in a community is read in a few queries, once per page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community.models import Community
from community.selectors.communities import community_access
from tests.factories import CommunityFactory, make_member, make_moderator, make_verified_user


@pytest.fixture
def private(db):
    return CommunityFactory(name="Chief executives", visibility=Community.Visibility.MEMBERS)


@pytest.mark.parametrize("role", ["member", "moderator", "outsider"])
def test_community_access_asks_at_most_four_questions(private, role, django_assert_max_num_queries):
    person = make_verified_user()
    if role == "member":
        make_member(private, person)
    elif role == "moderator":
        make_moderator(private, person)

    with django_assert_max_num_queries(4):
        access = community_access(person, private)

    assert access.can_read == (role != "outsider")
    assert access.can_post == (role != "outsider")
    assert access.can_moderate == (role == "moderator")
    assert access.can_join == (role != "member")


def test_the_new_thread_page_reads_the_persons_membership_once(client, private):
    person = make_member(private, make_verified_user())
    client.force_login(person)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("community:thread_new", kwargs={"slug": private.slug}))

    assert response.status_code == 200
    membership_reads = [q for q in queries if 'FROM "community_membership"' in q["sql"]]
    assert len(membership_reads) == 1
