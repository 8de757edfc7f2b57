"""What an editor may put in the search vocabulary: phrases cleaned, each kind complete, no
character that would change a rule, nothing twice, and errors that say what to change."""

import pytest
from django.core.exceptions import ValidationError

from search.models import VocabularyEntry
from search.phrases import clean_phrase, rule_phrase
from tests.factories import VocabularyEntryFactory

pytestmark = pytest.mark.django_db

Kind = VocabularyEntry.Kind


def entry(kind: str, terms: str, meanings: str = "") -> VocabularyEntry:
    return VocabularyEntry(kind=kind, terms=terms, meanings=meanings)


def errors_of(candidate: VocabularyEntry) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as raised:
        candidate.full_clean()
    return raised.value.message_dict


def test_phrases_are_lower_case_with_single_spaces():
    synonym = entry(Kind.SYNONYM, "  Revs   and\tBens \n\nRevenues and Benefits\n")

    synonym.full_clean()

    assert synonym.terms == "revs and bens\nrevenues and benefits"
    assert synonym.phrases == ["revs and bens", "revenues and benefits"]


def test_a_phrase_typed_twice_is_kept_once():
    synonym = entry(Kind.SYNONYM, "ICT\nict\nInformation technology")

    synonym.full_clean()

    assert synonym.phrases == ["ict", "information technology"]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("revs, bens", "has a comma in it. Put each phrase on its own line."),
        ("bins => waste", "has “=>” in it."),
        ("bins\x00", "has a hidden control character in it."),
        ("zero\u200bwidth", "has a hidden control character in it."),
        ("back\\slash", "has a backslash"),
        ("#bins", "starts with #."),
        ("...", "needs at least one letter or number."),
        ("x" * 101, "is too long. A phrase must be 100 characters or fewer."),
    ],
)
def test_a_phrase_that_would_change_the_rule_is_refused_with_a_reason(typed, message):
    with pytest.raises(ValidationError) as raised:
        clean_phrase(typed)

    assert message in raised.value.messages[0]


def test_a_synonym_needs_at_least_two_phrases():
    errors = errors_of(entry(Kind.SYNONYM, "revs and bens"))

    assert errors == {
        "terms": ["Give at least two words or phrases that mean the same, one a line."]
    }


def test_phrases_that_differ_only_by_hyphens_are_one_phrase():
    errors = errors_of(entry(Kind.SYNONYM, "multi-agency hub\nmulti agency hub"))

    assert "terms" in errors


def test_an_acronym_needs_one_short_form_and_one_long_form():
    assert errors_of(entry(Kind.ACRONYM, "", "")) == {
        "terms": ["Give one short form, for example MASH."],
        "meanings": ["Give one long form, for example multi-agency safeguarding hub."],
    }
    assert errors_of(entry(Kind.ACRONYM, "MASH\nMSH", "multi-agency safeguarding hub")) == {
        "terms": ["Give one short form, for example MASH."]
    }


def test_an_acronym_is_kept_as_typed_in_lower_case():
    acronym = entry(Kind.ACRONYM, "MASH", "Multi-Agency Safeguarding Hub")

    acronym.full_clean()

    assert (acronym.terms, acronym.meanings) == ("mash", "multi-agency safeguarding hub")
    assert str(acronym) == "mash: multi-agency safeguarding hub"


def test_residents_words_need_words_on_both_sides_that_differ():
    assert errors_of(entry(Kind.PLAIN_ENGLISH, "bins", "")) == {
        "meanings": [
            "Give at least one word or phrase the council uses, for example waste collection."
        ]
    }
    assert errors_of(entry(Kind.PLAIN_ENGLISH, "", "waste collection")) == {
        "terms": ["Give at least one word or phrase residents use, for example bins."]
    }
    assert errors_of(entry(Kind.PLAIN_ENGLISH, "bins", "Bins")) == {
        "meanings": ["Give council words that are different from the residents' words."]
    }


def test_every_phrase_that_needs_changing_is_listed():
    errors = errors_of(entry(Kind.PLAIN_ENGLISH, "bins, rubbish\nfly tipping\ndog=>poo", "ok"))

    assert len(errors["terms"]) == 2
    assert "“bins, rubbish”" in errors["terms"][0]
    assert "“dog=>poo”" in errors["terms"][1]


def test_an_entry_already_in_the_vocabulary_is_not_added_again():
    VocabularyEntryFactory(terms="mash", meanings="multi-agency safeguarding hub")

    errors = errors_of(entry(Kind.ACRONYM, "MASH", "multi agency safeguarding hub"))

    assert errors == {
        "terms": [
            "This is already in the search vocabulary (in use): "
            "“mash: multi-agency safeguarding hub”."
        ]
    }


def test_a_synonym_set_in_another_order_is_the_same_entry():
    VocabularyEntryFactory(
        kind=Kind.SYNONYM, terms="revs and bens\nrevenues and benefits", meanings=""
    )

    errors = errors_of(entry(Kind.SYNONYM, "Revenues and benefits\nrevs and bens"))

    assert "already in the search vocabulary" in errors["terms"][0]


def test_a_rejected_suggestion_is_pointed_out_rather_than_added_again():
    VocabularyEntryFactory(
        terms="ctr",
        meanings="council tax reduction",
        status=VocabularyEntry.Status.REJECTED,
        origin=VocabularyEntry.Origin.MINED,
    )

    errors = errors_of(entry(Kind.ACRONYM, "CTR", "council tax reduction"))

    assert errors["terms"][0].endswith("Confirm it in the list instead.")
    assert "(rejected)" in errors["terms"][0]


def test_an_entry_saved_again_is_not_its_own_duplicate():
    acronym = VocabularyEntryFactory(terms="eh", meanings="environmental health")

    acronym.full_clean()


def test_the_same_phrases_as_a_different_kind_are_a_different_entry():
    VocabularyEntryFactory(kind=Kind.SYNONYM, terms="bins\nwaste collection", meanings="")

    entry(Kind.PLAIN_ENGLISH, "bins", "waste collection").full_clean()


@pytest.mark.parametrize(
    ("kind", "terms", "meanings", "rule"),
    [
        (
            Kind.SYNONYM,
            "revs and bens\nrevenues and benefits",
            "",
            "revs and bens, revenues and benefits",
        ),
        (
            Kind.ACRONYM,
            "mash",
            "multi-agency safeguarding hub",
            "mash, multi agency safeguarding hub",
        ),
        (
            Kind.PLAIN_ENGLISH,
            "bins\nrubbish",
            "waste collection",
            "bins, rubbish => waste collection",
        ),
        (
            Kind.PLAIN_ENGLISH,
            "fly-tipping",
            "illegal dumping\nenvironmental crime",
            "fly tipping => illegal dumping, environmental crime",
        ),
    ],
)
def test_each_kind_is_one_solr_rule(kind, terms, meanings, rule):
    assert entry(kind, terms, meanings).rule() == rule


def test_a_rule_phrase_writes_hyphens_and_dashes_as_spaces():
    assert rule_phrase("Multi-Agency  Safeguarding \u2013 Hub") == "multi agency safeguarding hub"
