"""The community part of the demo network `make run` shows.

Loading the demo takes seconds, so each test checks a whole family of facts about it.
"""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.urls import reverse

from community.models import (
    Community,
    ContentStatus,
    Interest,
    Listing,
    Membership,
    Notification,
    Post,
    Story,
    StoryResponse,
    Thread,
    User,
    Watch,
)
from community.selectors.brokerage import suggested_matches
from community.selectors.moderation import moderation_queue_for
from knowledge.models import SharedService

PASSWORD = "demo-pass-1234"
MODELS = (
    Community,
    Membership,
    Thread,
    Post,
    Story,
    StoryResponse,
    Listing,
    Interest,
    Watch,
    Notification,
    User,
)


def _load() -> None:
    with override_settings(DEBUG=True):
        call_command("load_demo", verbosity=0, stdout=None)
        call_command("load_community_demo", password=PASSWORD, stdout=None)


@pytest.fixture
def demo(db):
    _load()


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_the_demo_has_communities_threads_stories_and_listings_as_described(demo):
    communities = Community.objects.all()
    assert 4 <= communities.count() <= 5
    moderator = User.objects.get(username="moderator")
    assert all(moderator in community.moderators.all() for community in communities)
    assert all(c.memberships.filter(status="active").count() >= 3 for c in communities)

    threads = Thread.objects.filter(status=ContentStatus.VISIBLE)
    assert 8 <= threads.count() <= 14  # 12 public and members-only, 2 private (#17 item 4)
    assert threads.filter(is_pinned=True).count() == 1
    assert threads.filter(is_locked=True).count() == 1
    assert threads.filter(answer__isnull=False).count() >= 3
    assert threads.filter(answer__isnull=True, posts__isnull=True).exists()
    assert Post.objects.filter(body_html__contains="<a href=").exists()
    assert Post.objects.filter(body_html__contains="<strong>").exists()
    members_only = Community.objects.get(visibility=Community.Visibility.MEMBERS)
    assert members_only.join_policy == Community.JoinPolicy.APPROVAL
    assert members_only.threads.count() >= 2
    # Spread over months, so sorting by latest activity shows something.
    newest, oldest = threads.order_by("-last_activity_at")[0], threads.order_by("created_at")[0]
    assert (newest.last_activity_at - oldest.created_at).days > 60

    stories = Story.objects.all()
    assert stories.filter(status=ContentStatus.VISIBLE).count() >= 3
    assert stories.filter(status=ContentStatus.PENDING).count() == 1
    # The pending story reaches the communities' moderator, not only the editors.
    revenues = Community.objects.get(slug="revenues-and-benefits-officers")
    assert list(revenues.service_areas.values_list("slug", flat=True)) == ["revenues-and-benefits"]
    pending = stories.get(status=ContentStatus.PENDING)
    # (The question waiting there too is ask the author's, #17 item 6.)
    waiting = [item.content for item in moderation_queue_for(moderator).pending]
    assert [content for content in waiting if isinstance(content, Story)] == [pending]
    assert stories.filter(status=ContentStatus.VISIBLE, show_name=False).exists()
    assert {story.overall for story in stories} <= {2, 3, 4, 5}
    response = StoryResponse.objects.select_related("story__shared_service", "author").first()
    assert response is not None
    service = response.story.shared_service
    assert response.author.verified_officer_of_id in {
        service.lead_organisation_id,
        *service.partners.values_list("pk", flat=True),
    }

    listings = Listing.objects.all()
    assert 5 <= listings.count() <= 8
    assert listings.values("organisation").distinct().count() >= 4
    reasons = {r for listing in listings for m in suggested_matches(listing) for r in m.reasons}
    assert {"Same service area", "Same region", "Capacity fits"} <= reasons
    assert Interest.objects.count() == 1

    citizen = User.objects.get(username="citizen")
    assert Watch.objects.filter(user=citizen).count() >= 2
    assert Notification.objects.filter(user=citizen, read_at__isnull=True).exists()
    assert Notification.objects.filter(user=citizen, read_at__isnull=False).exists()


def test_the_role_accounts_exist_and_sign_in_by_email(demo, client):
    officer = User.objects.get(email="officer@northshire.gov.uk")
    assert officer.verified_officer_of.slug == "northshire-county-council"
    assert User.objects.filter(verified_officer_of__isnull=False).count() >= 4
    for email in ("citizen@commons.localhost", "officer@northshire.gov.uk"):
        response = client.post(
            reverse("account_login"), {"login": email, "password": PASSWORD}, follow=True
        )
        assert response.context["user"].email == email
        client.logout()
    assert client.login(email="moderator@commons.localhost", password=PASSWORD)


def test_loading_the_demo_again_changes_nothing(demo):
    before = _counts()
    threads = dict(Thread.objects.values_list("pk", "last_activity_at"))
    memberships = dict(Membership.objects.values_list("pk", "updated_at"))
    read = dict(Notification.objects.values_list("pk", "read_at"))

    _load()

    assert _counts() == before
    assert dict(Thread.objects.values_list("pk", "last_activity_at")) == threads
    assert dict(Membership.objects.values_list("pk", "updated_at")) == memberships
    assert dict(Notification.objects.values_list("pk", "read_at")) == read


def test_the_main_community_pages_render_for_anonymous_people(demo, client):
    public = Community.objects.filter(visibility=Community.Visibility.PUBLIC)
    public_thread = Thread.objects.filter(community__in=public).first()
    members_thread = Thread.objects.filter(
        community__visibility=Community.Visibility.MEMBERS
    ).first()
    service = SharedService.objects.filter(stories__status=ContentStatus.VISIBLE).first()
    urls = [
        reverse("community:communities"),
        *(community.get_absolute_url() for community in public),
        public_thread.get_absolute_url(),
        reverse("community:listings"),
        Listing.objects.first().get_absolute_url(),
        reverse("knowledge:shared_service", args=[service.slug]),
    ]

    for url in urls:
        assert client.get(url).status_code == 200, url
    page = client.get(reverse("knowledge:shared_service", args=[service.slug]))
    story = service.stories.filter(status=ContentStatus.VISIBLE).first()
    assert story.title in page.content.decode()
    assert client.get(members_thread.get_absolute_url()).status_code == 404


def test_the_command_refuses_to_run_outside_the_demo(db):
    with override_settings(DEBUG=False), pytest.raises(CommandError):
        call_command("load_community_demo", password=PASSWORD)
    assert not Community.objects.exists()


def test_the_demo_has_owned_case_studies_and_some_due_for_review(demo, client):
    from knowledge.models import CaseStudyPage

    owned = CaseStudyPage.objects.live().filter(content_owner__isnull=False)
    assert owned.count() >= 3
    for page in owned.select_related("content_owner"):
        # Officers own their own councils' case studies, and the ownership survives an edit.
        organisation = page.content_owner.verified_officer_of
        assert organisation in page.organisations.all(), page.title
        assert page.get_latest_revision_as_object().content_owner == page.content_owner
    stale = [page for page in CaseStudyPage.objects.live() if page.is_due_for_review()]
    assert stale
    assert CaseStudyPage.objects.live().filter(content_owner__isnull=True).exists()
    html = client.get(stale[0].url_path.removeprefix("/home")).content.decode()
    assert "This case study is due for review: some details may be out of date." in html


# --- #17 story loops ---


def test_the_demo_has_weight_on_stories_and_changes_made_shown_in_public(demo, client):
    from community.models import StoryChange, StoryWeight

    phone = Story.objects.get(title="Long wait on the phone after the merger")
    assert phone.weights.count() == 4
    assert not phone.weights.filter(user__username="citizen").exists()  # left for them to try
    assert StoryWeight.objects.count() >= 6
    changes = StoryChange.objects.select_related("story__shared_service")
    assert changes.count() == 2
    service = phone.shared_service
    page = client.get(service.get_absolute_url()).content.decode()
    assert "4 people have experienced this too" in page
    listed = client.get(reverse("community:service_changes", args=[service.slug])).content
    assert "six advisers" in listed.decode()
    everywhere = client.get(reverse("community:changes_made")).content.decode()
    assert everywhere.index("Webchat is now open") < everywhere.index("six advisers")
    weights = StoryWeight.objects.count()
    _load()  # a second run adds nothing
    assert (StoryWeight.objects.count(), changes.count()) == (weights, 2)


# --- end #17 story loops ---


# --- the private community (#17 item 4) ---------------------------------------------------------


def test_the_demo_has_a_private_community_joined_by_invitation_and_one_waiting(demo, client):
    private = Community.objects.get(visibility=Community.Visibility.PRIVATE)
    moderator = User.objects.get(username="moderator")
    citizen = User.objects.get(username="citizen")

    assert moderator in private.moderators.all()
    assert private.memberships.filter(status="active").count() >= 3
    assert private.threads.filter(status=ContentStatus.VISIBLE).count() >= 2
    waiting = private.invitations.get(accepted_at__isnull=True)
    assert waiting.email == citizen.email
    assert private.invitations.filter(accepted_by__isnull=False).count() >= 3
    assert private.name not in client.get("/communities/").content.decode()
    client.force_login(citizen)
    assert client.get(private.get_absolute_url()).status_code == 404
    assert client.get(waiting.get_absolute_url()).status_code == 200


# --- ask the author (#17 item 6) -----------------------------------------------------------------


def test_the_demo_has_a_published_question_and_answer_and_one_waiting(demo, client):
    from community.models import CaseStudyAnswer, CaseStudyQuestion

    page = CaseStudyQuestion.objects.get(status=ContentStatus.VISIBLE).page
    shown = client.get(page.url).content.decode()
    waiting = CaseStudyQuestion.objects.get(status=ContentStatus.PENDING)

    assert "Questions to the authors" in shown
    assert "Eight weeks. In hindsight" in shown
    assert waiting.body not in shown
    for username in ("moderator", "editor"):
        queue = moderation_queue_for(User.objects.get(username=username))
        assert waiting in [item.content for item in queue.pending], username
    answers = CaseStudyAnswer.objects.count()
    _load()  # a second run adds nothing
    assert (CaseStudyQuestion.objects.count(), CaseStudyAnswer.objects.count()) == (2, answers)


# --- end ask the author ---------------------------------------------------------------------
