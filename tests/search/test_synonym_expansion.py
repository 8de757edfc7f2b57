"""Reading synonyms.txt outside Elasticsearch: the rules the database fallback expands with."""

from search.analysis import synonym_rules
from search.synonyms import Concept, expand, parse_rule, synonym_table, words


def alternatives(query: str) -> list[tuple[str, ...]]:
    return [concept.alternatives for concept in expand(query)]


def test_a_question_becomes_its_concepts_without_stop_words():
    assert alternatives("how did councils share revs and bens") == [
        ("councils",),
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
        ("childrens social care", "csc", "children's social care")
    ]
    assert alternatives("café send") == [
        ("cafe",),
        ("send", "special educational needs and disabilities", "special educational needs"),
    ]


def test_an_ampersand_is_and():
    assert alternatives("revs & bens")[0][1] == "revenues and benefits"


def test_a_rewrite_rule_replaces_what_was_typed():
    assert parse_rule("colour, color => colour") == {
        ("colour",): ("colour",),
        ("color",): ("colour",),
    }
    assert parse_rule("tom, target operating model")[("tom",)] == ("tom", "target operating model")


def test_a_question_of_only_stop_words_keeps_its_words():
    assert expand("how to") == [Concept(("how",)), Concept(("to",))]
    assert expand("  ") == []


def test_every_rule_in_the_file_is_understood():
    table = synonym_table()
    for rule in synonym_rules():
        for phrase in rule.split("=>")[0].split(","):
            assert tuple(words(phrase)) in table, phrase
