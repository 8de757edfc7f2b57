"""What a provider says a story led it to change ("Change made", community.services.story_loops)
is part of the story's search document, sent through the outbox: someone searching for the
change finds the story that caused it, and a change an editor removed is no longer found."""

import datetime

from django.contrib.auth.models import AnonymousUser, Group

from community.services.story_loops import story_change_mark, story_change_remove
from search.indexes import ensure_index
from search.models import IndexTask
from search.services import search
from tests.factories import SharedServiceFactory, make_officer, make_story, make_verified_user
from tests.search.draining import drain_everything


def found_titles(words: str) -> list[str]:
    return [hit.title for hit in search(words, user=AnonymousUser()).hits]


def test_a_change_made_finds_its_story_until_an_editor_removes_it(db, es):
    ensure_index(es)
    editor = make_verified_user(username="editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    service = SharedServiceFactory(name="Northshire revenues")
    story = make_story(service, title="Reminder letters came too late", author=make_verified_user())
    drain_everything()
    assert found_titles("Quillbridge") == []

    story_change_mark(
        user=make_officer(service.lead_organisation),
        story=story,
        body="Reminders now come by text message through Quillbridge, a week earlier.",
        changed_on=datetime.date(2026, 3, 1),
    )
    assert IndexTask.objects.filter(kind="story", object_id=str(story.pk)).exists()
    drain_everything()

    assert found_titles("Quillbridge") == ["Reminder letters came too late"]

    story_change_remove(editor=editor, story=story, note="Named a supplier by mistake.")
    drain_everything()
    assert found_titles("Quillbridge") == []
