"""What a case study's revisits say is found by search, sent through the outbox on publishing."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser

from knowledge.models import CaseStudyRevisit
from search.indexes import ensure_index
from search.models import IndexTask
from search.services import search
from tests.factories import make_case_study, publish
from tests.search.draining import drain_everything


def test_words_from_a_revisit_find_the_case_study_once_the_outbox_drains(library, es):
    ensure_index(es)
    page = make_case_study(
        library.case_studies,
        title="Tri-council revenues and benefits",
        started_on=datetime.date(2022, 4, 1),
    )
    drain_everything()
    assert search("Quillbridge", user=AnonymousUser()).hits == []

    page.revisits.add(
        CaseStudyRevisit(
            revisited_on=datetime.date(2023, 4, 1),
            actual_annual_savings_pounds=Decimal("600000"),
            what_went_wrong_since="<p>The Quillbridge system lost a month of direct debits.</p>",
        )
    )
    publish(page)
    assert IndexTask.objects.filter(kind="case_study", object_id=str(page.pk)).exists()
    drain_everything()

    found = search("Quillbridge", user=AnonymousUser())
    assert [hit.title for hit in found.hits] == ["Tri-council revenues and benefits"]
