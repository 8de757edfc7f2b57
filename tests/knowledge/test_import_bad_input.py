"""`import_content` refuses a file it cannot store with a plain message, never a traceback, and
cleans the text it can."""

import json

import pytest
from django.core.management import CommandError, call_command
from taggit.models import Tag

from knowledge.models import CaseStudyPage, Organisation
from tests.knowledge.content_files import counts, good_content


def refusal_of(path) -> str:
    with pytest.raises(CommandError) as refused:
        call_command("import_content", str(path))
    return str(refused.value)


def test_deeply_nested_json_is_refused_in_plain_words_and_nothing_is_imported(library, tmp_path):
    path = tmp_path / "nested.json"
    nested = "[" * 100_000 + "]" * 100_000
    path.write_text(json.dumps(good_content())[:-1] + f', "extra": {nested}}}')
    before = counts()

    message = refusal_of(path)

    assert message.startswith(f"Nothing was imported: 1 problem in {path}:\n")
    assert "nested too deeply" in message
    assert "Traceback" not in message and "RecursionError" not in message
    assert counts() == before


def _with_tags(*tags: str):
    def change(content: dict) -> None:
        content["case_studies"][0]["tags"] = list(tags)

    return change


def _with_organisation_name(name: str):
    def change(content: dict) -> None:
        content["organisations"][0]["name"] = name

    return change


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(_with_tags("waste", "rev\u0000enues"), ["tags: ", "NUL"], id="NUL in a tag"),
        pytest.param(
            _with_organisation_name("North\u0000shire"), ["name: ", "NUL"], id="NUL in a name"
        ),
        pytest.param(
            _with_tags("waste", ">>>"),
            ['tags: The tag ">>>" needs at least one letter or number.'],
            id="punctuation-only tag",
        ),
    ],
)
def test_a_value_that_cannot_be_stored_is_refused_in_plain_words_and_nothing_is_imported(
    library, tmp_path, change, expected
):
    content = good_content()
    change(content)
    path = tmp_path / "content.json"
    path.write_text(json.dumps(content))
    before = counts()

    message = refusal_of(path)

    assert message.startswith(f"Nothing was imported: 1 problem in {path}:\n")
    assert all(fragment in message for fragment in expected), message
    assert counts() == before


def test_control_characters_in_titles_names_and_tags_are_dropped_on_import(library, tmp_path):
    content = good_content()
    case_study = content["case_studies"][0]
    case_study["title"] = "Three councils\r\nshare \u202erevenues\u2069\x1b and benefits"
    case_study["summary"] = "Line one.\r\nLine\x07 two."
    case_study["tags"] = ["re\tcycling\u2066", "waste\x0b"]
    content["organisations"][0]["name"] = "Northshire\x1f County\u202d Council"
    path = tmp_path / "content.json"
    path.write_text(json.dumps(content))

    call_command("import_content", str(path))

    page = CaseStudyPage.objects.get(slug=case_study["slug"])
    assert page.title == "Three councils share revenues and benefits"
    assert page.summary == "Line one.\nLine two."
    assert sorted(tag.name for tag in page.tags.all()) == ["re cycling", "waste"]
    assert Organisation.objects.get(slug="northshire").name == "Northshire County Council"
    assert not Tag.objects.filter(name__contains="\u2066").exists()
