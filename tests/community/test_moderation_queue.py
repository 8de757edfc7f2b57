"""The moderation queue: who sees what, and what each action does (with its audit row)."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from community.models import (
    Community,
    CommunityModerationSettings,
    ContentStatus,
    Flag,
    Membership,
    ModerationAction,
)
from community.permissions import can_join, can_post
from community.services.communities import membership_join
from community.services.moderation import flag_create
from tests.factories import (
    CommunityFactory,
    ListingFactory,
    SharedServiceFactory,
    make_member,
    make_post,
    make_story,
    make_thread,
    make_verified_user,
)

QUEUE = reverse("community:moderation_queue")


def act_url(kind: str, pk: int) -> str:
    return reverse("community:moderation_act", kwargs={"content_type": kind, "pk": pk})


def make_moderator(community: Community, **fields):
    user = make_verified_user(**fields)
    make_member(community, user)
    community.moderators.add(user)
    community.save()
    return user


def report(content, reason="spam", reporter=None):
    return flag_create(reporter=reporter or make_verified_user(), content=content, reason=reason)


def audit_actions(content) -> list[str]:
    return [
        row.action
        for row in ModerationAction.objects.filter(object_id=content.pk)
        if row.content == content
    ]


@pytest.fixture
def waste(db):
    return CommunityFactory(name="Waste partnerships")


@pytest.fixture
def roads(db):
    return CommunityFactory(name="Highways shared services")


@pytest.fixture
def waste_moderator(waste):
    return make_moderator(waste, username="mo")


@pytest.fixture
def editor(db):
    user = make_verified_user(username="eddie")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def flagged_post(waste):
    # Reported but still shown, for a moderator to act on: three reports would hide it by
    # default (tests/community/test_auto_hide.py), so the threshold is out of reach here.
    CommunityModerationSettings.objects.create(flags_to_hide=10)
    post = make_post(make_thread(waste), body_markdown="Cheap watches here")
    report(post, "spam")
    report(post, "spam")
    report(post, "abuse")
    return post


# --- who sees the queue ----------------------------------------------------------------------


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(QUEUE)

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_members_and_citizens_are_forbidden(client, waste):
    for person in (make_verified_user(), make_member(waste, make_verified_user())):
        client.force_login(person)
        assert client.get(QUEUE).status_code == 403


def test_a_community_moderator_sees_only_their_communities_content(
    client, waste, roads, waste_moderator, flagged_post
):
    elsewhere = make_post(make_thread(roads, title="Gritting rotas"), body_markdown="Elsewhere")
    report(elsewhere)
    pending = make_thread(waste, title="Pending thread in waste", status=ContentStatus.PENDING)
    make_thread(roads, title="Pending thread in roads", status=ContentStatus.PENDING)
    report(make_story(SharedServiceFactory(), title="A flagged story"))
    client.force_login(waste_moderator)

    response = client.get(QUEUE)

    assert response.status_code == 200
    queue = response.context["queue"]
    assert [item.content for item in queue.flagged] == [flagged_post]
    assert [item.content for item in queue.pending] == [pending]
    html = response.content.decode()
    assert "Gritting rotas" not in html
    assert "Pending thread in roads" not in html
    assert "A flagged story" not in html


def test_flags_are_grouped_by_item_with_their_count_and_reasons(
    client, waste_moderator, flagged_post
):
    client.force_login(waste_moderator)

    response = client.get(QUEUE)

    [item] = response.context["queue"].flagged
    assert len(item.flags) == 3
    assert item.reasons == [("Spam or advertising", 2), ("Abusive or hateful", 1)]
    html = response.content.decode()
    assert "3 reports" in html
    assert "Spam or advertising: 2" in html


def test_an_editor_sees_everything_including_stories_and_listings(
    client, editor, waste, roads, flagged_post
):
    elsewhere = make_post(make_thread(roads), body_markdown="Elsewhere")
    report(elsewhere)
    listing = ListingFactory(title="Payroll capacity")
    report(listing)
    story = make_story(SharedServiceFactory(), status=ContentStatus.PENDING, title="Slow")
    client.force_login(editor)

    queue = client.get(QUEUE).context["queue"]

    assert {item.content for item in queue.flagged} == {flagged_post, elsewhere, listing}
    assert story in [item.content for item in queue.pending]


def test_settled_flags_leave_the_queue(client, waste_moderator, flagged_post):
    Flag.objects.update(status=Flag.Status.DISMISSED)
    client.force_login(waste_moderator)

    assert client.get(QUEUE).context["queue"].flagged == []


# --- acting ----------------------------------------------------------------------------------


def test_approving_a_pending_reply_shows_it_trusts_the_author_and_is_audited(
    client, waste, waste_moderator
):
    newcomer = make_member(waste, make_verified_user())
    post = make_post(make_thread(waste), author=newcomer, status=ContentStatus.PENDING)
    client.force_login(waste_moderator)

    response = client.post(act_url("post", post.pk), {"action": "approve"})

    assert response.status_code == 302
    post.refresh_from_db()
    newcomer.refresh_from_db()
    assert post.status == ContentStatus.VISIBLE
    assert newcomer.trusted_poster
    assert audit_actions(post) == ["approve"]


@pytest.mark.parametrize(
    ("action", "start", "end", "settled"),
    [
        ("hide", ContentStatus.VISIBLE, ContentStatus.HIDDEN, Flag.Status.ACTIONED),
        ("remove", ContentStatus.VISIBLE, ContentStatus.REMOVED, Flag.Status.ACTIONED),
        # Putting it back says the reports were not upheld.
        ("restore", ContentStatus.HIDDEN, ContentStatus.VISIBLE, Flag.Status.DISMISSED),
    ],
)
def test_status_actions_change_the_reply_settle_its_flags_and_are_audited(
    client, waste_moderator, flagged_post, action, start, end, settled
):
    flagged_post.status = start
    flagged_post.save()
    client.force_login(waste_moderator)

    client.post(act_url("post", flagged_post.pk), {"action": action, "note": "Advert"})

    flagged_post.refresh_from_db()
    assert flagged_post.status == end
    flags = Flag.objects.filter(object_id=flagged_post.pk)
    assert {flag.status for flag in flags} == {settled}
    assert {flag.resolved_by for flag in flags} == {waste_moderator}
    [row] = ModerationAction.objects.filter(object_id=flagged_post.pk)
    assert (row.action, row.actor, row.note) == (action, waste_moderator, "Advert")


def test_locking_a_thread_is_audited(client, waste, waste_moderator):
    thread = make_thread(waste)
    client.force_login(waste_moderator)

    client.post(act_url("thread", thread.pk), {"action": "lock"})

    thread.refresh_from_db()
    assert thread.is_locked
    assert audit_actions(thread) == ["lock"]


def test_dismissing_keeps_the_content_and_settles_the_flags(client, waste_moderator, flagged_post):
    client.force_login(waste_moderator)

    client.post(act_url("post", flagged_post.pk), {"action": "dismiss"})

    flagged_post.refresh_from_db()
    assert flagged_post.status == ContentStatus.VISIBLE
    assert set(Flag.objects.values_list("status", flat=True)) == {Flag.Status.DISMISSED}
    assert audit_actions(flagged_post) == ["dismiss_flags"]
    assert client.get(QUEUE).context["queue"].flagged == []


def test_a_removed_member_cannot_post_or_join_again(client, waste, waste_moderator):
    troll = make_member(waste, make_verified_user())
    post = make_post(make_thread(waste), author=troll)
    assert can_post(troll, waste)
    client.force_login(waste_moderator)

    client.post(act_url("post", post.pk), {"action": "remove_member"})

    membership = Membership.objects.get(community=waste, user=troll)
    assert membership.status == Membership.Status.REMOVED
    assert not can_post(troll, waste)
    assert not can_join(troll, waste)
    with pytest.raises(PermissionDenied):
        membership_join(user=troll, community=waste)
    assert audit_actions(post) == ["remove_member"]


def test_a_moderator_of_one_community_cannot_act_on_another(client, roads, waste_moderator):
    post = make_post(make_thread(roads))
    report(post)
    client.force_login(waste_moderator)

    response = client.post(act_url("post", post.pk), {"action": "remove"})

    assert response.status_code == 403
    post.refresh_from_db()
    assert post.status == ContentStatus.VISIBLE
    assert Flag.objects.get().status == Flag.Status.OPEN
    assert not ModerationAction.objects.exists()


def test_only_editors_act_on_stories_and_listings(client, waste_moderator, editor):
    story = make_story(SharedServiceFactory(), status=ContentStatus.PENDING)
    listing = ListingFactory()
    client.force_login(waste_moderator)
    assert client.post(act_url("story", story.pk), {"action": "approve"}).status_code == 403
    assert client.post(act_url("listing", listing.pk), {"action": "hide"}).status_code == 403

    client.force_login(editor)
    client.post(act_url("story", story.pk), {"action": "approve"})
    client.post(act_url("listing", listing.pk), {"action": "hide"})

    story.refresh_from_db()
    listing.refresh_from_db()
    assert story.status == ContentStatus.VISIBLE
    assert listing.status == ContentStatus.HIDDEN
    assert ModerationAction.objects.filter(actor=editor).count() == 2


def test_members_and_anonymous_people_cannot_act(client, waste, flagged_post):
    assert client.post(act_url("post", flagged_post.pk), {"action": "hide"}).status_code == 302
    client.force_login(make_member(waste, make_verified_user()))
    assert client.post(act_url("post", flagged_post.pk), {"action": "hide"}).status_code == 403
    flagged_post.refresh_from_db()
    assert flagged_post.status == ContentStatus.VISIBLE


def test_an_action_that_does_not_apply_gets_a_clear_page_not_an_error(
    client, waste_moderator, flagged_post
):
    client.force_login(waste_moderator)

    response = client.post(act_url("post", flagged_post.pk), {"action": "approve"})
    unknown = client.post(act_url("post", flagged_post.pk), {"action": "explode"})

    assert response.status_code == 400
    assert "This is not waiting for approval." in response.content.decode()
    assert unknown.status_code == 400
    assert Flag.objects.filter(status=Flag.Status.OPEN).count() == 3


def test_the_queue_only_takes_posts(client, waste_moderator, flagged_post):
    client.force_login(waste_moderator)

    assert client.get(act_url("post", flagged_post.pk)).status_code == 405


def test_the_queue_asks_a_bounded_number_of_queries(
    client, waste, editor, django_assert_max_num_queries
):
    for number in range(6):
        thread = make_thread(waste, title=f"Thread {number}")
        report(make_post(thread, body_markdown=f"Advert {number}"))
        make_post(thread, status=ContentStatus.PENDING)
    report(ListingFactory())
    report(make_story(SharedServiceFactory()))
    client.force_login(editor)

    # A fixed cost per kind of content, whatever the number of items (questions and answers
    # to case studies each add their pending list).
    with django_assert_max_num_queries(23):
        response = client.get(QUEUE)

    assert len(response.context["queue"].flagged) == 8


# --- what the queue shows ----------------------------------------------------------------------


def test_the_queue_shows_less_than_and_ampersand_as_typed_escaped_once(client, waste, editor):
    make_thread(
        waste,
        title="Bins < bags & boxes",
        body_markdown="Is 3 < 4 & 5 > 2?",
        status=ContentStatus.PENDING,
    )
    client.force_login(editor)

    page = client.get(QUEUE).content.decode()

    assert "Bins &lt; bags &amp; boxes" in page
    assert "Is 3 &lt; 4 &amp; 5 &gt; 2?" in page
    assert "&amp;lt;" not in page and "&amp;amp;" not in page and "&amp;gt;" not in page
