"""The site's template kit: a partial more than one app draws lives in templates/includes/."""

import re
from collections import defaultdict
from pathlib import Path

from django.conf import settings

INCLUDE = re.compile(r"""{%\s*include\s+["']([^"']+)["']""")


def _templates_dir() -> Path:
    return Path(settings.BASE_DIR) / "templates"


def _apps_including() -> dict[str, set[str]]:
    """Each included partial, with the apps (first folder under templates/) that include it."""
    apps: dict[str, set[str]] = defaultdict(set)
    root = _templates_dir()
    for template in root.rglob("*.html"):
        folders = template.relative_to(root).parts[:-1]
        app = folders[0] if folders else "site"  # 404.html and its kind are the site's own
        for partial in INCLUDE.findall(template.read_text()):
            apps[partial].add(app)
    return apps


def test_partials_shared_by_apps_live_in_the_site_kit():
    shared_elsewhere = {
        partial: sorted(apps)
        for partial, apps in _apps_including().items()
        if len(apps - {"includes"}) > 1 and not partial.startswith("includes/")
    }

    assert shared_elsewhere == {}


def test_community_and_search_templates_draw_no_knowledge_partials():
    root = _templates_dir()
    borrowed = [
        f"{template.relative_to(root)} includes {partial}"
        for folder in ("community", "search")
        for template in (root / folder).rglob("*.html")
        for partial in INCLUDE.findall(template.read_text())
        if partial.startswith("knowledge/")
    ]

    assert borrowed == []


def test_form_fields_and_error_summaries_are_drawn_by_one_kit():
    root = _templates_dir()
    drawing_fields = sorted(
        template.relative_to(root).as_posix()
        for template in root.rglob("*.html")
        if re.search(
            r'field\.errors|class="govuk-error-summary"|class="govuk-checkboxes__input"'
            r' id="{{ field',
            template.read_text(),
        )
    )

    assert [name for name in drawing_fields if not name.startswith("includes/forms/")] == []
