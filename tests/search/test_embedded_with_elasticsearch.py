"""`make run` with ELASTICSEARCH_URL set: SQLite beside a real Elasticsearch node, as the
README offers. Searches whose results carry organisation and service-area facets must work."""

import os
import uuid

import pytest
from elasticsearch import Elasticsearch

from tests.search.test_embedded_default import EmbeddedSite

SEED = """
from knowledge.services import library_ensure
from tests.factories import OrganisationFactory, ServiceAreaFactory, make_case_study

library = library_ensure()
make_case_study(
    library.case_studies,
    title="Three councils share revenues and benefits",
    organisations=[OrganisationFactory(name="Northshire County Council")],
    service_areas=[ServiceAreaFactory(name="Revenues and benefits")],
)
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> EmbeddedSite:
    prefix = f"embedded_{uuid.uuid4().hex[:8]}"
    embedded = EmbeddedSite(tmp_path_factory.mktemp("embedded-es") / "db.sqlite3")
    embedded.env.update(
        ELASTICSEARCH_URL=os.environ["ELASTICSEARCH_URL"], ELASTICSEARCH_INDEX_PREFIX=prefix
    )
    embedded.manage("migrate", "--verbosity", "0")
    embedded.manage("shell", "--command", SEED)
    embedded.manage("search_rebuild")
    yield embedded
    Elasticsearch(os.environ["ELASTICSEARCH_URL"]).indices.delete(
        index=f"{prefix}_*", ignore_unavailable=True, allow_no_indices=True
    )


def test_a_search_with_named_facets_answers_from_elasticsearch_on_sqlite(site):
    results = site.search("revenues and benefits")

    assert (results["backend"], results["degraded"]) == ("elasticsearch", False)
    titles = [hit["title"] for hit in results["hits"]]
    assert titles == ["Three councils share revenues and benefits"]
    assert results["facets"]["organisation"] == {"northshire-county-council": 1}
    assert results["facets"]["service_area"] == {"revenues-and-benefits": 1}
