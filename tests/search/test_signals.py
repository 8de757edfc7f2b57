"""Every kind of change that affects a search document records the right index tasks."""

import pytest
from taggit.models import Tag
from wagtail.models import PageViewRestriction

from community.models import Community, ContentStatus, StoryResponse
from knowledge.models import CaseStudyPage
from search.models import IndexTask
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


def recorded() -> set[tuple[str, str]]:
    return set(IndexTask.objects.values_list("kind", "object_id"))


def key(kind: str, obj) -> tuple[str, str]:
    return (kind, str(obj.pk))


@pytest.fixture
def fresh():
    """Forget the tasks the set-up wrote, so a test sees only what its change recorded."""

    def forget():
        IndexTask.objects.all().delete()

    return forget


def test_saving_publishing_and_unpublishing_a_case_study_record_tasks(library, fresh):
    page = make_case_study(library.case_studies, live=False)
    fresh()
    page.save_revision().publish()
    assert recorded() == {key("case_study", page)}

    fresh()
    CaseStudyPage.objects.get(pk=page.pk).unpublish()
    assert recorded() == {key("case_study", page)}


def test_moving_a_page_records_tasks_for_the_pages_under_it(library, fresh):
    resource = make_resource(library.resources)
    fresh()
    resource.move(library.case_studies, pos="last-child")
    assert key("resource", resource) in recorded()


def test_changing_a_slug_records_tasks_for_the_pages_below(library, fresh):
    study = make_case_study(library.case_studies)
    resource = make_resource(library.resources)
    fresh()
    index = library.case_studies.specific
    index.slug = "programmes"
    index.save_revision().publish()
    assert key("case_study", study) in recorded()
    assert key("resource", resource) not in recorded()


def test_a_privacy_setting_records_tasks_for_the_branch_it_hides(library, fresh):
    study = make_case_study(library.case_studies)
    resource = make_resource(library.resources)
    fresh()
    restriction = PageViewRestriction.objects.create(
        page=library.resources, restriction_type=PageViewRestriction.LOGIN
    )
    assert recorded() == {key("resource", resource)}

    fresh()
    restriction.delete()
    assert recorded() == {key("resource", resource)}
    assert key("case_study", study) not in recorded()


def test_renaming_an_organisation_records_every_document_that_carries_its_name(library, fresh):
    organisation = OrganisationFactory(name="Northshire")
    study = make_case_study(library.case_studies, organisations=[organisation])
    resource = make_resource(library.resources, organisation=organisation)
    led = SharedServiceFactory(lead_organisation=organisation)
    partnered = SharedServiceFactory()
    partnered.partners.add(organisation)
    partnered.save()
    story = make_story(partnered)
    listing = ListingFactory(organisation=organisation)
    unrelated = SharedServiceFactory()
    fresh()

    organisation.name = "Northshire Council"
    organisation.save()

    assert recorded() == {
        key("organisation", organisation),
        key("case_study", study),
        key("resource", resource),
        key("shared_service", led),
        key("shared_service", partnered),
        key("story", story),
        key("listing", listing),
    }
    assert key("shared_service", unrelated) not in recorded()


def test_deleting_an_organisation_records_tasks_before_its_links_go(library, fresh):
    organisation = OrganisationFactory()
    study = make_case_study(library.case_studies, organisations=[organisation])
    listing = ListingFactory(organisation=organisation)
    expected = {
        key("organisation", organisation),
        key("case_study", study),
        key("listing", listing),
    }
    fresh()
    organisation.delete()
    assert recorded() == expected


def test_renaming_a_service_area_records_its_related_documents(library, fresh):
    area = ServiceAreaFactory(name="Revenues")
    study = make_case_study(library.case_studies, service_areas=[area])
    resource = make_resource(library.resources, service_areas=[area])
    service = SharedServiceFactory(service_area=area)
    story = make_story(service)
    listing = ListingFactory(service_area=area)
    fresh()
    area.name = "Revenues and benefits"
    area.save()
    assert recorded() == {
        key("case_study", study),
        key("resource", resource),
        key("shared_service", service),
        key("story", story),
        key("listing", listing),
    }


def test_a_shared_service_change_records_itself_and_its_stories(fresh):
    service = SharedServiceFactory()
    story = make_story(service)
    fresh()
    service.description = "Now covering payroll too."
    service.save()
    assert recorded() == {key("shared_service", service), key("story", story)}


def test_a_community_turning_members_only_records_all_its_threads(fresh):
    community = CommunityFactory()
    threads = [make_thread(community, title=f"Thread {n}") for n in range(3)]
    hidden = make_thread(community, status=ContentStatus.HIDDEN)
    fresh()
    community.visibility = Community.Visibility.MEMBERS
    community.save()
    expected = {key("community", community), *(key("thread", t) for t in [*threads, hidden])}
    assert recorded() == expected


def test_a_reply_its_moderation_and_its_deletion_record_its_thread(fresh):
    thread = make_thread(CommunityFactory())
    fresh()
    post = make_post(thread)
    assert recorded() == {key("thread", thread)}

    fresh()
    post.status = ContentStatus.HIDDEN
    post.save(update_fields=["status"])
    assert recorded() == {key("thread", thread)}

    fresh()
    post.delete()
    assert recorded() == {key("thread", thread)}


def test_changing_a_threads_tags_records_the_thread(fresh):
    thread = make_thread(CommunityFactory())
    fresh()
    thread.tags.add("tupe")
    assert recorded() == {key("thread", thread)}

    fresh()
    thread.tags.clear()
    assert recorded() == {key("thread", thread)}


def test_renaming_a_tag_records_what_carries_it(library, fresh):
    thread = make_thread(CommunityFactory())
    thread.tags.add("tupe")
    study = make_case_study(library.case_studies, tags=["tupe"])
    fresh()
    tag = Tag.objects.get(name="tupe")
    tag.name = "TUPE transfers"
    tag.save()
    assert recorded() == {key("thread", thread), key("case_study", study)}


def test_a_story_its_moderation_and_its_response_record_the_story(fresh):
    service = SharedServiceFactory()
    story = make_story(service, status=ContentStatus.PENDING)
    fresh()
    story.status = ContentStatus.VISIBLE
    story.save()
    assert recorded() == {key("story", story)}

    fresh()
    StoryResponse.objects.create(
        story=story,
        author=UserFactory(),
        organisation=service.lead_organisation,
        body_markdown="Thank you.",
        body_html="<p>Thank you.</p>",
    )
    assert recorded() == {key("story", story)}


def test_a_listing_and_a_thread_record_themselves(fresh):
    listing = ListingFactory()
    thread = make_thread(CommunityFactory())
    assert {key("listing", listing), key("thread", thread)} <= recorded()

    expected = {key("listing", listing), key("thread", thread)}
    fresh()
    listing.status = ContentStatus.HIDDEN
    listing.save()
    thread.delete()
    assert recorded() == expected
