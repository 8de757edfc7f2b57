"""Acronyms are found where content defines them, with Schwartz and Hearst's algorithm, and
parentheses that hold a year, a sum or an aside are never read as acronyms."""

import pytest

from search.acronyms import find_definitions, looks_like_short_form


@pytest.mark.parametrize(
    ("text", "short_form", "long_form"),
    [
        ("Our environmental health (EH) team visits.", "EH", "environmental health"),
        (
            "The multi-agency safeguarding hub (MASH) opened in 2019.",
            "MASH",
            "multi-agency safeguarding hub",
        ),
        ("Officers were seconded under section 113 (s113) of the Act.", "s113", "section 113"),
        (
            "We completed a data protection impact assessment (DPIA) first.",
            "DPIA",
            "data protection impact assessment",
        ),
        (
            "Residents claim the council tax reduction scheme (CTR) online.",
            "CTR",
            "council tax reduction scheme",
        ),
        ("Two local authorities (LAs) share one team.", "LAs", "local authorities"),
        (
            "Both councils run a Shared Service Centre (SSC) for payroll.",
            "SSC",
            "Shared Service Centre",
        ),
    ],
)
def test_a_long_form_before_its_short_form_in_parentheses_is_a_definition(
    text, short_form, long_form
):
    assert find_definitions(text) == [(short_form, long_form)]


@pytest.mark.parametrize(
    "text",
    [
        "The review (2019) found savings.",
        "Costs rose in the second year (see below).",
        "The budget was cut by a fifth (£1.2m).",
        "Northshire agreed to host the service (the council).",
        "Contact the contact centre (Optional) for help.",
        "It ran from April to June (Q2).",
        "A single letter (A) is not an acronym.",
        "An acronym with no long form before it (ZQXW) is left out.",
        "Empty parentheses () say nothing.",
    ],
)
def test_parentheses_that_hold_no_acronym_give_nothing(text):
    assert find_definitions(text) == []


def test_leading_words_that_do_not_match_are_cut():
    text = "Under the new council tax reduction scheme (CTR) more people qualify."

    assert find_definitions(text) == [("CTR", "council tax reduction scheme")]


def test_the_short_form_may_come_first_with_the_long_form_in_parentheses():
    text = "MASH (multi-agency safeguarding hub) partners meet daily."

    assert find_definitions(text) == [("MASH", "multi-agency safeguarding hub")]


def test_a_short_form_is_cut_at_a_comma_or_semicolon_as_in_the_paper():
    text = "The multi-agency safeguarding hub (MASH, see below) and the youth offending team (YOT; "
    text += "now youth justice)."

    assert find_definitions(text) == [
        ("MASH", "multi-agency safeguarding hub"),
        ("YOT", "youth offending team"),
    ]


def test_a_long_form_never_reaches_back_past_the_end_of_a_sentence():
    text = "Environmental services moved. Health checks (EH) followed."

    assert find_definitions(text) == []


def test_a_long_form_never_reaches_back_past_a_line_break():
    assert find_definitions("Environmental\nhealth (EH)") == []


def test_a_long_form_has_at_most_twice_as_many_words_as_the_short_form_has_letters():
    # "EH" allows min(2 + 5, 2 * 2) = 4 words: the match needs five.
    too_long = "Everyone in the whole council area has a health (EH) check."
    fits = "Environmental and public health (EH) checks."

    assert find_definitions(too_long) == []
    assert find_definitions(fits) == [("EH", "Environmental and public health")]


def test_hyphenated_words_count_as_two_words():
    # "HR" allows four words; "high-risk re-referral-heavy" are five.
    assert find_definitions("The high-risk re-referral-heavy (HR) cases.") == []


def test_the_first_letter_must_start_a_word():
    # The "e" of "the" and "care" cannot stand for the E of "EH".
    text = "The care home health (EH) visits."

    assert find_definitions(text) == []


def test_a_long_form_that_merely_contains_the_short_form_is_not_a_definition():
    assert find_definitions("The MASH team (MASH) met.") == []


def test_each_definition_is_given_once_in_the_order_first_seen():
    text = (
        "The youth offending team (YOT) works with the multi-agency safeguarding hub (MASH).\n"
        "Later the youth offending team (YOT) moved."
    )

    assert find_definitions(text) == [
        ("YOT", "youth offending team"),
        ("MASH", "multi-agency safeguarding hub"),
    ]


def test_nested_parentheses_use_the_innermost_pair():
    text = "The multi-agency safeguarding hub (its partners (MASH)) is new."

    assert find_definitions(text) == []
    assert find_definitions("The service (the multi-agency safeguarding hub (MASH))") == [
        ("MASH", "multi-agency safeguarding hub")
    ]


def test_quotes_around_a_long_form_are_not_part_of_it():
    text = "We call it the “multi-agency safeguarding hub” (MASH)."

    assert find_definitions(text) == [("MASH", "multi-agency safeguarding hub")]


def test_white_space_inside_a_long_form_is_single_spaces():
    assert find_definitions("data  protection\timpact assessment (DPIA)") == [
        ("DPIA", "data protection impact assessment")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EH", True),
        ("MASH", True),
        ("s113", True),
        ("LAs", True),
        ("A&E", True),
        ("M", False),
        ("2019", False),
        ("£1.2m", False),
        ("see below", False),
        ("Optional", False),
        ("council", False),
        ("ABCDEFGHIJK", False),
        ("-EH", False),
    ],
)
def test_what_looks_like_a_short_form(text, expected):
    assert looks_like_short_form(text) is expected


def test_text_with_no_parentheses_gives_nothing():
    assert find_definitions("") == []
    assert find_definitions("Shared services spread slowly.") == []
