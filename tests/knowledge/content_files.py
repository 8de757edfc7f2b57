"""A good import file and a way to count what the knowledge base holds, for the import and
export tests."""

import base64

from taggit.models import Tag
from wagtail.documents.models import Document
from wagtail.models import Revision

from knowledge.models import (
    CaseStudyPage,
    Organisation,
    OrganisationEmailDomain,
    ResourcePage,
    ServiceArea,
    SharedService,
)

TEMPLATE_BYTES = b"Business case template: costs, savings, risks.\n"


def good_content() -> dict:
    """A small network: two service areas, three organisations, one shared service, two
    published case studies (the first related to the second, further down), a draft, a link
    and a document."""
    return {
        "format": "commons-content",
        "version": 1,
        "service_areas": [
            {"slug": "revenues-and-benefits", "name": "Revenues and benefits"},
            {"slug": "waste", "name": "Waste and recycling", "description": "Bins."},
        ],
        "organisations": [
            {
                "slug": "northshire",
                "name": "Northshire County Council",
                "kind": "council",
                "region": "north-west",
                "website": "https://northshire.gov.uk",
                "email_domains": ["northshire.gov.uk", "NORTHSHIRE.org.uk "],
            },
            {"slug": "southshire", "name": "Southshire District Council", "kind": "council"},
            {"slug": "tri-council", "name": "Tri-council Partnership", "kind": "partnership"},
        ],
        "shared_services": [
            {
                "slug": "tri-council-revs-and-bens",
                "name": "Tri-council revenues and benefits",
                "lead_organisation": "northshire",
                "partners": ["southshire", "tri-council"],
                "service_area": "revenues-and-benefits",
                "since": "2020-04-01",
                "status": "live",
            }
        ],
        "case_studies": [
            {
                "slug": "tri-council-revs-and-bens",
                "title": "Three councils share revenues and benefits",
                "summary": "Three councils merged their revenues and benefits teams.",
                "organisations": ["northshire", "southshire"],
                "service_areas": ["revenues-and-benefits"],
                "stage": "live",
                "started_on": "2019-04-01",
                "ended_on": "2021-03-31",
                "investment_pounds": "1250000.00",
                "annual_savings_pounds": 900000,
                "savings_percent": 30,
                "staff_change_fte": "-12.5",
                "outcomes": "<p>Processing times fell by a third.</p>",
                "what_went_wrong": "<p>The data migration ran <b>three months</b> late.</p>",
                "due_diligence": [
                    {"area": "it-assets", "status": "problem-found", "notes": "Two systems."},
                    {"area": "capacity", "status": "done"},
                ],
                "contacts": [
                    {
                        "name": "Alex Example",
                        "role": "Head of revenues",
                        "organisation": "northshire",
                        "email": "alex@northshire.gov.uk",
                    },
                    {"name": "Sam Example", "organisation": None},
                ],
                "revisits": [
                    {
                        "revisited_on": "2022-04-01",
                        "actual_annual_savings_pounds": "640000",
                        "actual_costs_to_date_pounds": 1410000,
                        "what_changed": "<p>A fourth council asked to join.</p>",
                        "what_went_wrong_since": "<p>Two staff left in the first month.</p>",
                    },
                    {"revisited_on": "2023-04-01", "actual_annual_savings_pounds": "880000"},
                ],
                "related": ["shared-waste-fleet"],
                "tags": ["tupe", "data migration", "tupe"],
                "last_reviewed": "2026-03-01",
                "first_published_at": "2021-06-01T09:30:00+00:00",
            },
            {
                "slug": "shared-waste-fleet",
                "title": "A shared waste fleet",
                "summary": "Two councils bought and ran one fleet of bin lorries.",
                "organisations": ["southshire"],
                "service_areas": ["waste"],
                "stage": "implementation",
                "what_went_wrong": "<p>The depot was too small.</p>",
            },
            {
                "slug": "shared-legal-draft",
                "title": "Shared legal services (draft)",
                "summary": "Still being written.",
                "published": False,
            },
        ],
        "resources": [
            {
                "slug": "business-case-guide",
                "title": "Writing a shared service business case",
                "summary": "A guide.",
                "kind": "guide",
                "external_url": "https://example.org/guide",
                "organisation": "tri-council",
                "service_areas": ["revenues-and-benefits"],
                "licence": "cc-by-4.0",
                "tags": ["business case"],
            },
            {
                "slug": "business-case-template",
                "title": "Business case template",
                "summary": "A template to fill in.",
                "kind": "template",
                "document": {
                    "title": "Business case template (text)",
                    "file_name": "business-case-template.txt",
                    "content_base64": base64.b64encode(TEMPLATE_BYTES).decode(),
                },
            },
        ],
    }


def counts() -> dict[str, int]:
    models = [ServiceArea, Organisation, OrganisationEmailDomain, SharedService, CaseStudyPage]
    found = {model.__name__: model.objects.count() for model in models}
    for model in [ResourcePage, Document, Revision, Tag]:
        found[model.__name__] = model.objects.count()
    return found
