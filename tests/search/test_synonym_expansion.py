"""Reading synonyms.txt outside Elasticsearch: the rules the database fallback expands with."""

import pytest

from search import vocabulary
from search.synonyms import Concept, expand, parse_rule

# The rules in force include the editors' confirmed entries, read from the database.
pytestmark = pytest.mark.django_db


def alternatives(query: str, rules: tuple[str, ...] | None = None) -> list[tuple[str, ...]]:
    return [concept.alternatives for concept in expand(query, rules)]


def test_a_question_becomes_its_concepts_without_stop_words():
    assert alternatives("how did councils share revs and bens") == [
        ("councils", "la", "local authority", "council"),
        ("share",),
        ("revs and bens", "revenues and benefits", "rev and bens"),
    ]


def test_each_phrase_of_an_equivalence_finds_the_others():
    assert alternatives("Revenues and Benefits") == [
        ("revenues and benefits", "revs and bens", "rev and bens")
    ]
    assert alternatives("ICT")[0][:2] == ("ict", "information technology")
    assert alternatives("information technology")[0][:2] == ("information technology", "ict")


def test_the_longest_phrase_wins_and_apostrophes_and_accents_fold():
    assert alternatives("Children\u2019s social care") == [
        ("childrens social care", "csc")
    ]
    assert alternatives("café send") == [
        ("cafe",),
        ("send", "special educational needs and disabilities", "special educational needs"),
    ]


def test_an_ampersand_is_and():
    assert alternatives("revs & bens")[0][1] == "revenues and benefits"


def test_a_one_way_rule_adds_to_what_was_typed():
    assert parse_rule("bins, rubbish => waste collection") == {
        ("bins",): ("bins", "rubbish", "waste collection"),
        ("rubbish",): ("bins", "rubbish", "waste collection"),
    }
    assert alternatives("rubbish", rules=("bins, rubbish => waste collection",)) == [
        ("rubbish", "bins", "waste collection")
    ]
    assert alternatives("waste collection", rules=("bins, rubbish => waste collection",)) == [
        ("waste",),
        ("collection",),
    ]
    assert parse_rule("tom, target operating model")[("tom",)] == ("tom", "target operating model")


def test_a_question_of_only_stop_words_keeps_its_words():
    assert expand("how to") == [Concept(("how",)), Concept(("to",))]
    assert expand("  ") == []


def test_every_rule_in_force_is_understood():
    for rule in vocabulary.rules():
        for phrase in rule.split("=>")[0].split(","):
            concepts = expand(phrase)
            assert len(concepts) == 1 and concepts[0].known, phrase


def test_a_plural_finds_the_rule_for_the_singular():
    assert alternatives("computers", rules=("computer => ict",)) == [
        ("computers", "computer", "ict")
    ]


def test_a_hyphenated_word_is_one_concept_written_apart_or_joined():
    assert alternatives("low-code platform") == [("low code", "lowcode"), ("platform",)]
    assert alternatives("Tri-borough")[0][:2] == ("tri borough", "triborough")


def test_british_and_american_spellings_find_each_other():
    assert alternatives("harmonization") == [("harmonization", "harmonisation")]
    assert alternatives("harmonisation") == [("harmonisation", "harmonization")]
    assert "contact centre" in alternatives("contact center")[0]
    assert alternatives("programs") == [("programs", "programmes")]


def test_stop_words_never_count_as_concepts_and_vocabulary_words_are_known():
    concepts = expand("what is the cost of a shared legal team", rules=())
    assert [concept.typed for concept in concepts] == ["cost", "shared", "legal", "team"]
    assert not any(concept.known for concept in concepts)

    # A resident's phrase is matched before its stop words are dropped.
    concepts = expand("who answers the phone for my council")
    assert [concept.typed for concept in concepts] == ["who answers the phone", "council"]
    assert all(concept.known for concept in concepts)
    assert "contact centre" in concepts[0].alternatives


def test_forms_that_stemmers_split_are_searched_for_too():
    assert alternatives("evidencing") == [("evidencing", "evidence")]
    assert alternatives("evidence") == [("evidence", "evidencing")]
    assert alternatives("harmonised") == [("harmonised", "harmonized", "harmonise")]
