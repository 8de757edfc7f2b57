"""The embedded default, for real: `commons.settings.dev` on a fresh SQLite file with no
Elasticsearch, as `make run` gives a newcomer. Questions people type must find things there."""

import json
from pathlib import Path

import pytest

from tests.search.contract import embedded_env, manage

SEED = """
from community.models import Community
from knowledge.services import library_ensure
from tests.factories import CommunityFactory, make_case_study, make_thread

library = library_ensure()
make_case_study(library.case_studies, title="Three councils share revenues and benefits")
make_case_study(
    library.case_studies,
    title="Waste fleet partnership",
    summary="Two councils share one refuse fleet.",
)
make_thread(
    CommunityFactory(name="Finance officers"),
    title="Splitting the contracts",
    body_markdown="How did you split the information technology <script>x</script> contracts?",
)
private = CommunityFactory(name="Secret circle", visibility=Community.Visibility.MEMBERS)
make_thread(private, title="Revenues and benefits backlog")
"""


class EmbeddedSite:
    def __init__(self, database: Path):
        self.env = embedded_env(database)

    def manage(self, *arguments: str) -> str:
        return manage(self.env, *arguments)

    def search(self, query: str, *options: str):
        return json.loads(self.manage("search_query", query, *options))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> EmbeddedSite:
    """Migrated and given a little content once for the module: migrations take a while."""
    embedded = EmbeddedSite(tmp_path_factory.mktemp("embedded") / "db.sqlite3")
    embedded.manage("migrate", "--verbosity", "0")
    embedded.manage("shell", "--command", SEED)
    return embedded


def test_a_multi_word_question_finds_the_case_study_on_sqlite(site):
    results = site.search("how did councils share revs and bens")

    assert (results["backend"], results["degraded"]) == ("database", False)
    titles = [hit["title"] for hit in results["hits"]]
    assert titles[0] == "Three councils share revenues and benefits"
    # Any word may match (OR): the case study about sharing a fleet is found, lower down.
    assert "Waste fleet partnership" in titles[1:]
    assert "<mark>revenues</mark>" in results["hits"][0]["snippet"]


def test_an_acronym_finds_what_it_stands_for_with_a_safe_snippet(site):
    results = site.search("ICT")

    assert [hit["title"] for hit in results["hits"]] == ["Splitting the contracts"]
    snippet = results["hits"][0]["snippet"]
    assert "<mark>information</mark> <mark>technology</mark>" in snippet
    assert "<script>" not in snippet


def test_members_only_discussions_stay_hidden_from_people_signed_out(site):
    results = site.search("revenues and benefits backlog")

    assert "Revenues and benefits backlog" not in [hit["title"] for hit in results["hits"]]
    assert results["facets"]["kind"] == {"case_study": 1}


def test_autocomplete_finds_titles_by_the_start_of_any_word(site):
    suggestions = site.search("reven", "--autocomplete")

    assert [s["text"] for s in suggestions] == ["Three councils share revenues and benefits"]
