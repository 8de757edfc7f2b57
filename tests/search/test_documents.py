"""What each kind of content puts in its search document, and what never gets one."""

import pytest
from wagtail.models import PageViewRestriction

from community.models import Community, ContentStatus, StoryResponse
from search.sources import PUBLIC, community_audience, source_for, sources
from tests.factories import (
    CommunityFactory,
    ListingFactory,
    OrganisationFactory,
    ServiceAreaFactory,
    SharedServiceFactory,
    UserFactory,
    make_case_study,
    make_post,
    make_resource,
    make_story,
    make_thread,
)

pytestmark = pytest.mark.django_db


def document_of(obj) -> dict | None:
    source = source_for_object(obj)
    return source.documents([source.key_of(obj)]).get(source.key_of(obj))


def source_for_object(obj):
    model = type(obj.specific) if hasattr(obj, "specific") else type(obj)
    return next(source for source in sources().values() if source.model is model)


def test_every_kind_of_content_has_a_source():
    assert set(sources()) == {
        "case_study",
        "resource",
        "shared_service",
        "organisation",
        "profile",
        "community",
        "thread",
        "story",
        "listing",
    }


def test_a_case_study_document_carries_what_ranking_and_filtering_need(library):
    org = OrganisationFactory(name="Northshire County Council", region="north-east")
    area = ServiceAreaFactory(name="Revenues and benefits")
    page = make_case_study(
        library.case_studies,
        title="Three councils share revenues and benefits",
        organisations=[org],
        service_areas=[area],
        tags=["shared services", "TUPE"],
        lessons_learned="<p>Talk to <b>staff</b> early.</p>",
    )

    document = document_of(page)

    assert document["kind"] == "case_study"
    assert document["title"] == "Three councils share revenues and benefits"
    assert document["organisations"] == [org.slug]
    assert document["organisation_names"] == ["Northshire County Council"]
    assert document["service_areas"] == [area.slug]
    assert document["region"] == ["north-east"]
    assert document["tags"] == ["TUPE", "shared services"]
    assert document["audience"] == PUBLIC
    assert document["url"] == "/case-studies/three-councils-share-revenues-and-benefits/"
    assert "Talk to staff early." in document["body"]
    assert "<b>" not in document["body"]
    assert document["published_at"] == page.first_published_at


def test_drafts_and_private_pages_get_no_document(library):
    draft = make_case_study(library.case_studies, title="Still a draft", live=False)
    private = make_resource(library.resources, title="Behind a password")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    assert document_of(draft) is None
    assert document_of(private) is None


def test_a_thread_in_a_members_only_community_is_for_its_readers_only():
    community = CommunityFactory(visibility=Community.Visibility.MEMBERS)
    thread = make_thread(community, title="Budget cuts in shared ICT")
    make_post(thread, body_markdown="We moved to one **service desk**.")
    make_post(thread, body_markdown="Hidden reply", status=ContentStatus.HIDDEN)

    document = document_of(thread)

    assert document["audience"] == community_audience(community.pk)
    assert document["community"] == community.slug
    assert "We moved to one service desk." in document["body"]
    assert "Hidden reply" not in document["body"]
    assert document["reply_count"] == 1
    assert document["answered"] is False


def test_a_members_only_community_shows_outsiders_its_name_and_nothing_more():
    community = CommunityFactory(
        name="Shared ICT leaders",
        visibility=Community.Visibility.MEMBERS,
        description="Our secret plans for the data centre.",
    )

    document = document_of(community)

    assert document["title"] == "Shared ICT leaders"
    assert document["audience"] == PUBLIC
    assert "secret" not in str(document)


@pytest.mark.parametrize(
    "status", [ContentStatus.PENDING, ContentStatus.HIDDEN, ContentStatus.REMOVED]
)
def test_community_content_a_moderator_has_not_let_through_gets_no_document(status):
    community = CommunityFactory()
    thread = make_thread(community, status=status)
    story = make_story(SharedServiceFactory(), status=status)
    listing = ListingFactory(status=status)

    assert [document_of(thread), document_of(story), document_of(listing)] == [None, None, None]


def test_a_story_links_to_its_place_on_the_service_page_and_includes_the_answer():
    service = SharedServiceFactory()
    story = make_story(service, title="Sorted in a day")
    StoryResponse.objects.create(
        story=story,
        author=UserFactory(),
        organisation=service.lead_organisation,
        body_markdown="Thank you for telling us.",
        body_html="<p>Thank you for telling us.</p>",
    )

    document = document_of(story)

    assert document["url"] == f"{service.get_absolute_url()}#story-{story.pk}"
    assert document["body"] == "Thank you for telling us."
    assert document["answered"] is True
    assert document["organisations"] == [service.lead_organisation.slug]


def test_an_offer_carries_its_expiry_region_and_organisation():
    listing = ListingFactory(region="wales")

    document = document_of(listing)

    assert document["expires_on"] == listing.expires_on
    assert document["region"] == ["wales"]
    assert document["organisations"] == [listing.organisation.slug]
    assert document["meta_line"] == ["Offer", listing.organisation.name]


def test_a_deleted_object_gets_no_document():
    org = OrganisationFactory()
    key = str(org.pk)
    org.delete()

    assert source_for("organisation").documents([key]) == {}
