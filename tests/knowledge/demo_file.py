"""The demo network's content file (knowledge/demo/content.json) as its tests read it."""

import json
import re
from functools import cache
from pathlib import Path

import knowledge.demo

CONTENT_FILE = Path(knowledge.demo.__file__).parent / "content.json"
FRONT_DOOR_ORGANISATIONS = [
    "northshire-county-council",
    "eastvale-district-council",
    "westmoor-borough-council",
    "tri-valley-revenues-partnership",
]


@cache
def load() -> dict:
    return json.loads(CONTENT_FILE.read_text(encoding="utf-8"))


def slugs(section: str) -> set[str]:
    return {record["slug"] for record in load()[section]}


def case_study(slug: str) -> dict:
    return next(c for c in load()["case_studies"] if c["slug"] == slug)


def published(section: str) -> list[dict]:
    return [record for record in load()[section] if record.get("published", True)]


def plain_text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html or "").strip()
