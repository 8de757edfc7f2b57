"""Case studies, resources, organisations and shared services as search documents."""

from collections import defaultdict
from datetime import date, datetime

from django.db.models import Model, QuerySet
from wagtail.models import Page

from community.models import CaseStudyAnswer, CaseStudyQuestion, ContentStatus
from knowledge.models import (
    CaseStudyPage,
    CaseStudyRevisit,
    Organisation,
    ResourcePage,
    SharedService,
)
from knowledge.models.case_studies import CaseStudyTag
from knowledge.models.resources import ResourceTag
from search.sources.base import (
    OrganisationRow,
    ServiceAreaRow,
    Source,
    as_datetime,
    linked,
    plain_text,
    tag_names,
)


def page_path(page: Page) -> str:
    """The page's path from its site's root. Every branded site shares one page tree, so the
    path works on all of them, and the result links stay on the site the person is using."""
    parts = page.get_url_parts()
    return parts[2] if parts else page.url_path


def published_questions_text(page_ids: list[int]) -> dict[int, list[str]]:
    """The plain text of published questions and answers, by case study, in one query."""
    visible = ContentStatus.VISIBLE
    questions = CaseStudyQuestion.objects.filter(page_id__in=page_ids, status=visible)
    answers = CaseStudyAnswer.objects.filter(
        question__page_id__in=page_ids, question__status=visible, status=visible
    )
    # No ORDER BY inside the union: SQLite (the embedded default) refuses one in either part,
    # and the models' default ordering would add it.
    rows = (
        questions.order_by()
        .values_list("page_id", "body")
        .union(answers.order_by().values_list("question__page_id", "body"), all=True)
    )
    texts: dict[int, list[str]] = defaultdict(list)
    for page_id, body in rows:
        texts[page_id].append(body)
    return texts


class PageSource(Source):
    """What case studies and resources share: Wagtail pages with a summary, tags and service
    areas (read per batch as `related(page)["tags"]` and `["service_areas"]`)."""

    lexicon_fields = ("title", "summary", "tags__name")
    tagged = True

    def prepare_title(self, page: Page) -> str:
        return page.title

    def prepare_summary(self, page: Page) -> str:
        return page.summary

    def prepare_tags(self, page: Page) -> list[str]:
        return sorted(self.related(page)["tags"])

    def prepare_service_areas(self, page: Page) -> list[str]:
        return sorted(area.slug for area in self.related(page)["service_areas"])

    def prepare_service_area_names(self, page: Page) -> list[str]:
        return sorted(area.name for area in self.related(page)["service_areas"])

    def prepare_published_at(self, page: Page) -> datetime | None:
        return page.first_published_at

    def prepare_updated_at(self, page: Page) -> datetime | None:
        return page.last_published_at or page.first_published_at

    def prepare_url(self, page: Page) -> str:
        return page_path(page)


class CaseStudySource(PageSource):
    kind = "case_study"
    label = "Case studies"
    singular = "Case study"
    model = CaseStudyPage

    def indexable(self) -> QuerySet:
        # public(): pages behind a Wagtail privacy setting (password, sign-in, groups) are
        # never indexed, so no search can reveal them.
        return (
            CaseStudyPage.objects.live()
            .public()
            .prefetch_related("organisations", "service_areas", "tags")
        )

    def prepare_body(self, page: CaseStudyPage) -> str:
        # Revisits are children of the page, published with it, so the page's own index task
        # carries what they say: no task of their own is needed.
        revisits = [
            text
            for revisit in self.related(page)["revisits"]
            for text in (revisit.what_changed, revisit.what_went_wrong_since)
        ]
        # Published questions to the authors and their answers are read under the case study,
        # so they are found with it; their own saves enqueue the page (search/signals.py).
        questions = self.related(page)["questions"]
        written = plain_text(
            page.outcomes,
            page.what_went_wrong,
            page.lessons_learned,
            page.target_operating_model,
            page.culture_and_leadership,
            *revisits,
        )
        # Plain text already: through `plain_text`, a "<" someone typed would read as a tag.
        return "\n\n".join(part for part in (written, *questions) if part.strip())

    def related_in_batch(self, pages: list[Model]) -> dict[int, dict[str, list]]:
        ids = [page.pk for page in pages]
        tags = tag_names(CaseStudyTag, ids)
        organisations = linked(CaseStudyPage, "organisations", ids, OrganisationRow)
        areas = linked(CaseStudyPage, "service_areas", ids, ServiceAreaRow)
        revisits = defaultdict(list)
        for revisit in CaseStudyRevisit.objects.filter(page_id__in=ids).only(
            "page_id", "what_changed", "what_went_wrong_since"
        ):
            revisits[revisit.page_id].append(revisit)
        questions = published_questions_text(ids)
        return {
            pk: {
                "tags": tags.get(pk, []),
                "organisations": organisations.get(pk, []),
                "service_areas": areas.get(pk, []),
                "revisits": revisits[pk],
                "questions": questions[pk],
            }
            for pk in ids
        }

    def related_of(self, page: CaseStudyPage) -> dict[str, list]:
        return {
            "tags": [tag.name for tag in page.tags.all()],
            "organisations": list(page.organisations.all()),
            "service_areas": list(page.service_areas.all()),
            "revisits": list(page.revisits.all()),
            "questions": published_questions_text([page.pk])[page.pk],
        }

    def prepare_organisations(self, page: CaseStudyPage) -> list[str]:
        return sorted(org.slug for org in self.related(page)["organisations"])

    def prepare_organisation_names(self, page: CaseStudyPage) -> list[str]:
        return sorted(org.name for org in self.related(page)["organisations"])

    def prepare_region(self, page: CaseStudyPage) -> list[str]:
        return sorted({org.region for org in self.related(page)["organisations"] if org.region})

    def prepare_meta_line(self, page: CaseStudyPage) -> list[str]:
        return [page.get_stage_display(), *self.prepare_organisation_names(page)]


class ResourceSource(PageSource):
    kind = "resource"
    label = "Resources"
    singular = "Resource"
    model = ResourcePage

    def indexable(self) -> QuerySet:
        return (
            ResourcePage.objects.live()
            .public()
            .select_related("organisation")
            .prefetch_related("service_areas", "tags")
        )

    def related_in_batch(self, pages: list[Model]) -> dict[int, dict[str, list]]:
        ids = [page.pk for page in pages]
        tags = tag_names(ResourceTag, ids)
        areas = linked(ResourcePage, "service_areas", ids, ServiceAreaRow)
        return {pk: {"tags": tags.get(pk, []), "service_areas": areas.get(pk, [])} for pk in ids}

    def related_of(self, page: ResourcePage) -> dict[str, list]:
        return {
            "tags": [tag.name for tag in page.tags.all()],
            "service_areas": list(page.service_areas.all()),
        }

    def prepare_organisations(self, page: ResourcePage) -> list[str]:
        return [page.organisation.slug] if page.organisation else []

    def prepare_organisation_names(self, page: ResourcePage) -> list[str]:
        return [page.organisation.name] if page.organisation else []

    def prepare_region(self, page: ResourcePage) -> list[str]:
        return [page.organisation.region] if page.organisation and page.organisation.region else []

    def prepare_meta_line(self, page: ResourcePage) -> list[str]:
        return [page.get_kind_display(), *self.prepare_organisation_names(page)]


class OrganisationSource(Source):
    kind = "organisation"
    label = "Organisations"
    singular = "Organisation"
    model = Organisation
    title_field = "name"
    lexicon_fields = ("name", "summary")

    def indexable(self) -> QuerySet:
        return Organisation.objects.all()

    def prepare_title(self, org: Organisation) -> str:
        return org.name

    def prepare_summary(self, org: Organisation) -> str:
        return org.summary

    def prepare_organisations(self, org: Organisation) -> list[str]:
        return [org.slug]

    def prepare_region(self, org: Organisation) -> list[str]:
        return [org.region] if org.region else []

    def prepare_meta_line(self, org: Organisation) -> list[str]:
        return [org.get_kind_display(), *([org.get_region_display()] if org.region else [])]


class SharedServiceSource(Source):
    kind = "shared_service"
    label = "Shared services"
    singular = "Shared service"
    model = SharedService
    title_field = "name"
    lexicon_fields = ("name", "description")

    def indexable(self) -> QuerySet:
        return SharedService.objects.select_related(
            "lead_organisation", "service_area"
        ).prefetch_related("partners")

    def related_in_batch(self, services: list[Model]) -> dict[int, dict[str, list]]:
        ids = [service.pk for service in services]
        partners = linked(SharedService, "partners", ids, OrganisationRow)
        return {pk: {"partners": partners.get(pk, [])} for pk in ids}

    def related_of(self, service: SharedService) -> dict[str, list]:
        return {"partners": list(service.partners.all())}

    def _organisations(self, service: SharedService) -> list[Organisation | OrganisationRow]:
        return [service.lead_organisation, *self.related(service)["partners"]]

    def prepare_title(self, service: SharedService) -> str:
        return service.name

    def prepare_summary(self, service: SharedService) -> str:
        return service.description

    def prepare_organisations(self, service: SharedService) -> list[str]:
        return sorted({org.slug for org in self._organisations(service)})

    def prepare_organisation_names(self, service: SharedService) -> list[str]:
        return sorted({org.name for org in self._organisations(service)})

    def prepare_service_areas(self, service: SharedService) -> list[str]:
        return [service.service_area.slug]

    def prepare_service_area_names(self, service: SharedService) -> list[str]:
        return [service.service_area.name]

    def prepare_region(self, service: SharedService) -> list[str]:
        return sorted({org.region for org in self._organisations(service) if org.region})

    def prepare_published_at(self, service: SharedService) -> datetime | None:
        since: date | None = service.since
        return as_datetime(since)

    def prepare_meta_line(self, service: SharedService) -> list[str]:
        return [service.get_status_display(), service.lead_organisation.name]
