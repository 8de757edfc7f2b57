"""Tag names as people type them, made safe to store and to link to."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from taggit.models import Tag

from commons.text import one_line

TAG_MAX_LENGTH = 100  # taggit's Tag.name
TAGS_MAX = 20


def tag_slug(name: str) -> str:
    """The slug taggit gives a new tag of this name (its own rule, settings included)."""
    return Tag(name=name).slugify(name)


def tag_names_clean(names: Iterable[str], *, what: str = "tag") -> list[str]:
    """Each name as one plain line, empty ones dropped, in the order given.

    Refuses a name with no letter or number: taggit would give it an empty slug, and a tag page
    cannot have an empty address.
    """
    cleaned = [one_line(name) for name in names]
    cleaned = [name for name in cleaned if name]
    for name in cleaned:
        if not tag_slug(name):
            raise ValidationError(
                f'The {what} "{name}" needs at least one letter or number.',
                code="tag_without_slug",
            )
    return cleaned
