"""`search.vocabulary` gives every rule in force: the shipped files, then what editors confirmed,
fresh within seconds of a change and without reindexing."""

import pytest

from search import process_cache, vocabulary
from search.models import VocabularyEntry
from search.phrases import clean_phrase
from tests.factories import VocabularyEntryFactory

pytestmark = pytest.mark.django_db

Kind, Status, Origin = VocabularyEntry.Kind, VocabularyEntry.Status, VocabularyEntry.Origin


def file_lines(path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_the_rules_begin_with_both_shipped_files_in_order():
    synonyms = file_lines(vocabulary.SYNONYMS_FILE)
    plain_english = file_lines(vocabulary.PLAIN_ENGLISH_FILE)

    rules = vocabulary.rules()

    assert rules[: len(synonyms)] == tuple(synonyms)
    assert rules[len(synonyms) : len(synonyms) + 3] == tuple(plain_english[:3])
    assert "bins, bin day, bin collection" in rules[len(synonyms)]
    assert len(rules) == len(synonyms) + len(plain_english)


def test_confirmed_entries_follow_the_files_synonyms_then_acronyms_then_residents_words():
    VocabularyEntryFactory(
        kind=Kind.PLAIN_ENGLISH, terms="wheelie bin\nbin bag", meanings="waste collection"
    )
    VocabularyEntryFactory(terms="mash", meanings="multi-agency safeguarding hub")
    VocabularyEntryFactory(kind=Kind.SYNONYM, terms="back office\nsupport services", meanings="")

    from_files = len(file_lines(vocabulary.SYNONYMS_FILE)) + len(
        file_lines(vocabulary.PLAIN_ENGLISH_FILE)
    )
    assert vocabulary.rules()[from_files:] == (
        "back office, support services",
        "mash, multi agency safeguarding hub",
        "wheelie bin, bin bag => waste collection",
    )


@pytest.mark.parametrize("status", [Status.CANDIDATE, Status.REJECTED])
def test_candidates_and_rejected_entries_do_not_apply(status):
    VocabularyEntryFactory(
        terms="eh", meanings="environmental health", status=status, origin=Origin.MINED
    )

    assert "eh, environmental health" not in vocabulary.rules()
    assert "eh" not in vocabulary.known_terms()


def test_a_rule_already_in_a_file_is_given_once():
    VocabularyEntryFactory(kind=Kind.ACRONYM, terms="tom", meanings="target operating model")

    assert vocabulary.rules().count("tom, target operating model") == 1


def test_hyphens_are_spaces_in_every_rule():
    VocabularyEntryFactory(terms="ssc", meanings="shared-service centre for north-west councils")

    assert not any("-" in rule for rule in vocabulary.rules())
    assert "ssc, shared service centre for north west councils" in vocabulary.rules()
    assert "fly tipping, dumped rubbish" in " ".join(vocabulary.plain_english_rules())


def test_plain_english_rules_are_the_one_way_rules_of_the_files_and_the_table():
    VocabularyEntryFactory(kind=Kind.PLAIN_ENGLISH, terms="wheelie bin", meanings="refuse")
    VocabularyEntryFactory(terms="eh", meanings="environmental health")

    rules = vocabulary.plain_english_rules()

    assert all(" => " in rule for rule in rules)
    assert rules[-1] == "wheelie bin => refuse"
    assert rules == tuple(rule for rule in vocabulary.rules() if "=>" in rule)


def test_known_terms_are_every_word_of_every_rule():
    VocabularyEntryFactory(terms="mash", meanings="multi-agency safeguarding hub")

    terms = vocabulary.known_terms()

    assert {"mash", "multi", "agency", "safeguarding", "hub"} <= terms
    assert {"nndr", "ehcp", "s151", "tupe"} <= terms  # synonyms.txt
    assert {"potholes", "highways", "fly", "tipping"} <= terms  # plain_english.txt
    assert {"children's", "childrens"} <= terms  # typed either way
    assert "=>" not in terms and "" not in terms
    assert all(term == term.lower() for term in terms)


def test_links_says_whether_two_phrases_are_in_one_rule_already():
    assert vocabulary.links("TUPE", "transfer of undertakings")
    assert vocabulary.links("bins", "waste collection")
    assert not vocabulary.links("tupe", "waste collection")


def test_the_rules_are_read_once_while_fresh(django_assert_num_queries):
    vocabulary.rules()

    with django_assert_num_queries(0):
        vocabulary.rules()
        vocabulary.known_terms()
        vocabulary.plain_english_rules()


def test_saving_an_entry_applies_at_once_in_this_process():
    assert "mash, multi agency safeguarding hub" not in vocabulary.rules()

    entry = VocabularyEntryFactory(
        terms="mash", meanings="multi-agency safeguarding hub", status=Status.CANDIDATE
    )
    assert "mash, multi agency safeguarding hub" not in vocabulary.rules()
    entry.status = Status.CONFIRMED
    entry.save()

    assert "mash, multi agency safeguarding hub" in vocabulary.rules()


def test_deleting_an_entry_applies_at_once_in_this_process():
    entry = VocabularyEntryFactory(terms="mash", meanings="multi-agency safeguarding hub")
    assert "mash, multi agency safeguarding hub" in vocabulary.rules()

    entry.delete()

    assert "mash, multi agency safeguarding hub" not in vocabulary.rules()


def test_a_change_made_by_another_process_applies_within_the_cache_time(monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(process_cache.time, "monotonic", lambda: clock[0])
    entry = VocabularyEntryFactory(
        terms="mash", meanings="multi-agency safeguarding hub", status=Status.CANDIDATE
    )
    assert "mash, multi agency safeguarding hub" not in vocabulary.rules()

    # Another process confirms it: no signal reaches this one.
    VocabularyEntry.objects.filter(pk=entry.pk).update(status=Status.CONFIRMED)
    clock[0] += vocabulary.CACHE_SECONDS - 1
    still_cached = vocabulary.rules()
    clock[0] += 2
    refreshed = vocabulary.rules()

    assert "mash, multi agency safeguarding hub" not in still_cached
    assert "mash, multi agency safeguarding hub" in refreshed


def test_the_shipped_rules_are_listed_by_file_for_the_admin():
    shipped = dict(vocabulary.shipped_rules())

    assert list(shipped) == ["synonyms.txt", "plain_english.txt"]
    assert "revs and bens, revenues and benefits, rev and bens" in shipped["synonyms.txt"]


def test_the_shipped_residents_words_are_sixty_or_more_valid_one_way_rules():
    lines = file_lines(vocabulary.PLAIN_ENGLISH_FILE)

    assert len(lines) >= 60
    for line in lines:
        left, arrow, right = line.partition(" => ")
        assert arrow and left and right, line
        for phrase in [*left.split(","), *right.split(",")]:
            assert clean_phrase(phrase) == phrase.strip(), line


@pytest.mark.parametrize(
    ("residents", "council"),
    [
        ("bins", "waste collection"),
        ("fly tipping", "environmental enforcement"),
        ("who answers the phone", "contact centre"),
        ("who answers the phone", "customer services"),
        ("solicitors", "legal services"),
        ("lawyers", "legal services"),
        ("top team", "corporate leadership team"),
        ("bosses", "senior management"),
        ("council tax help", "council tax reduction"),
        ("council tax help", "council tax support"),
        ("potholes", "highways"),
        ("roads", "highways"),
        ("care homes", "adult social care"),
        ("carers", "adult social care"),
        ("school bus", "home to school transport"),
        ("noise", "environmental health"),
        ("smells", "environmental health"),
        ("housing repairs", "responsive repairs"),
        ("claiming benefits", "benefits service"),
        ("parking tickets", "penalty charge notices"),
        ("planning permission", "planning applications"),
    ],
)
def test_the_shipped_residents_words_lead_to_the_councils_words(residents, council):
    assert any(
        residents in left.split(", ") and council in right.split(", ")
        for left, _, right in (rule.partition(" => ") for rule in vocabulary.plain_english_rules())
    )
