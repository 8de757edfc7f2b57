"""Trust levels: earned by approved contributions and time, recomputed on approval and nightly,
set by hand by editors only (audited), and shown to moderators with the reason."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from community.models import ContentStatus, ModerationAction, TrustLevel, User
from community.models.moderation import DEFAULT_TRUSTED_CONTRIBUTIONS as TRUSTED_CONTRIBUTIONS
from community.models.moderation import DEFAULT_TRUSTED_DAYS as TRUSTED_DAYS
from community.services.moderation import flag_create, moderation_act
from community.services.trust import trust_level_recompute, trust_level_set
from tests.factories import (
    CommunityFactory,
    make_moderator,
    make_post,
    make_thread,
    make_verified_user,
)

Action = ModerationAction.Action


@pytest.fixture
def waste(db):
    return CommunityFactory(name="Waste partnerships")


def joined_days_ago(days: int) -> User:
    return make_verified_user(date_joined=timezone.now() - timedelta(days=days))


def test_a_first_approved_reply_earns_the_basic_level_with_a_reason_and_an_audit_row(waste):
    newcomer = make_verified_user(username="newbie")
    reply = make_post(make_thread(waste), author=newcomer, status=ContentStatus.PENDING)

    moderation_act(moderator=make_moderator(waste), content=reply, action="approve")

    newcomer.refresh_from_db()
    assert newcomer.trust_level == TrustLevel.BASIC
    assert newcomer.trusted_poster  # the old name still answers: posts skip the queue
    assert newcomer.trust_level_reason == "1 approved contribution, joined 0 days ago"
    earned = ModerationAction.objects.get(action=Action.TRUST_LEVEL_EARNED)
    assert (earned.actor, earned.content) == (None, newcomer)
    assert earned.note.startswith("New to Basic")


def test_many_approved_contributions_and_enough_time_earn_the_trusted_level(waste):
    veteran = joined_days_ago(TRUSTED_DAYS)
    thread = make_thread(waste, author=veteran)
    for _ in range(TRUSTED_CONTRIBUTIONS - 1):
        make_post(thread, author=veteran)

    trust_level_recompute(veteran)

    veteran.refresh_from_db()
    assert veteran.trust_level == TrustLevel.TRUSTED


def test_contributions_without_the_time_stay_basic(waste):
    eager = joined_days_ago(TRUSTED_DAYS - 1)
    thread = make_thread(waste, author=eager)
    for _ in range(TRUSTED_CONTRIBUTIONS):
        make_post(thread, author=eager)

    trust_level_recompute(eager)

    eager.refresh_from_db()
    assert eager.trust_level == TrustLevel.BASIC


def test_hidden_content_does_not_count(waste):
    person = make_verified_user()
    make_post(make_thread(waste), author=person, status=ContentStatus.HIDDEN)

    trust_level_recompute(person)

    person.refresh_from_db()
    assert person.trust_level == TrustLevel.NEW


def test_the_nightly_command_lifts_people_whose_time_has_come(waste):
    veteran = joined_days_ago(TRUSTED_DAYS + 5)
    thread = make_thread(waste, author=veteran)
    for _ in range(TRUSTED_CONTRIBUTIONS):
        make_post(thread, author=veteran)

    call_command("trust_levels_recompute")

    veteran.refresh_from_db()
    assert veteran.trust_level == TrustLevel.TRUSTED


def test_a_level_set_by_hand_is_audited_and_the_rules_leave_it_alone(waste, editor):
    spammer = make_verified_user(display_name="Sam Spam", trusted_poster=True)
    make_post(make_thread(waste), author=spammer)

    trust_level_set(moderator=editor, person=spammer, level=TrustLevel.NEW, reason="Adverts")
    trust_level_recompute(spammer)
    call_command("trust_levels_recompute")

    spammer.refresh_from_db()
    assert spammer.trust_level == TrustLevel.NEW
    assert spammer.trust_level_by_hand
    row = ModerationAction.objects.get(action=Action.TRUST_LEVEL_SET)
    assert (row.actor, row.content, row.note) == (editor, spammer, "Basic to New: Adverts")


def test_an_editor_sets_a_level_from_the_page_and_sees_it_in_the_record(client, editor):
    person = make_verified_user(display_name="Priya Shah")
    client.force_login(editor)
    url = reverse("community:trust_level_edit", kwargs={"pk": person.pk})

    response = client.post(url, {"level": TrustLevel.TRUSTED, "reason": "Known to us"})

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.trust_level == TrustLevel.TRUSTED
    record = client.get(reverse("community:moderation_audit"))
    assert "Priya Shah" in record.text
    assert "Basic to Trusted" not in record.text and "New to Trusted: Known to us" in record.text


def test_the_level_form_keeps_what_was_typed_and_says_what_is_missing(client, editor):
    person = make_verified_user()
    client.force_login(editor)
    url = reverse("community:trust_level_edit", kwargs={"pk": person.pk})

    response = client.post(url, {"level": "", "reason": "Helpful in the waste community"})

    assert response.status_code == 200
    assert "Select a trust level" in response.text
    assert "Helpful in the waste community" in response.text
    person.refresh_from_db()
    assert person.trust_level == TrustLevel.NEW


def test_community_moderators_cannot_set_levels(client, waste):
    person = make_verified_user()
    client.force_login(make_moderator(waste))

    response = client.post(
        reverse("community:trust_level_edit", kwargs={"pk": person.pk}),
        {"level": TrustLevel.TRUSTED, "reason": "Friend"},
    )

    assert response.status_code == 403
    person.refresh_from_db()
    assert person.trust_level == TrustLevel.NEW


def test_the_record_shows_a_moderator_only_the_auto_hides_they_may_act_on(client, waste):
    secret = CommunityFactory(name="Closed circle")
    for community, body in ((waste, "Cheap watches"), (secret, "Secret spam")):
        post = make_post(make_thread(community, title=f"About {body}"), body_markdown=body)
        for _ in range(3):
            flag_create(reporter=make_verified_user(), content=post, reason="spam")
    client.force_login(make_moderator(waste))

    record = client.get(reverse("community:moderation_audit"))

    assert record.status_code == 200
    assert "About Cheap watches" in record.text
    assert "About Secret spam" not in record.text
    assert "Hidden automatically after 3 reports" in record.text


def test_people_who_do_not_moderate_cannot_see_the_record(client, db):
    client.force_login(make_verified_user())

    assert client.get(reverse("community:moderation_audit")).status_code == 403


def test_the_record_costs_the_same_queries_however_long_it_is(
    client, waste, django_assert_max_num_queries
):
    moderator = make_moderator(waste)
    client.force_login(moderator)

    def hide_one() -> None:
        post = make_post(make_thread(waste))
        for _ in range(3):
            flag_create(reporter=make_verified_user(), content=post, reason="spam")

    hide_one()
    with django_assert_max_num_queries(100) as one:
        client.get(reverse("community:moderation_audit"))
    for _ in range(4):
        hide_one()
    with django_assert_max_num_queries(len(one.captured_queries)):
        record = client.get(reverse("community:moderation_audit"))

    assert record.text.count("Hidden automatically after 3 reports") == 5


def test_editors_set_what_earns_the_trusted_level_and_the_rules_follow(waste, client, editor):
    editor.is_superuser = True  # the admin's own permission model
    editor.save()
    client.force_login(editor)
    start = reverse("wagtailsettings:edit", args=["community", "communitymoderationsettings"])
    page = client.get(start, follow=True)
    url = page.redirect_chain[-1][0] if page.redirect_chain else start
    fields = {"flags_to_hide": "3", "trusted_flag_weight": "2"}
    refused = client.post(url, {**fields, "trusted_contributions": "0", "trusted_days": "30"})
    saved = client.post(url, {**fields, "trusted_contributions": "3", "trusted_days": "30"})
    person = joined_days_ago(30)
    thread = make_thread(waste, author=person)
    make_post(thread, author=person)
    make_post(thread, author=person)

    trust_level_recompute(person)

    assert "Approved contributions needed to be trusted" in page.text
    assert refused.status_code == 200  # shown again with the error, nothing saved
    assert saved.status_code == 302
    person.refresh_from_db()
    assert person.trust_level == TrustLevel.TRUSTED
    assert person.trust_level_reason == "3 approved contributions, joined 30 days ago"
    shown = client.get(reverse("community:trust_level_edit", kwargs={"pk": person.pk})).text
    assert "The trusted level needs 3 approved contributions and 30 days since joining" in shown
