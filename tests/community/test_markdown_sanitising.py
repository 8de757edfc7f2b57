"""Nothing a person types into a post can run script, restyle the page or frame another site."""

import pytest
from django.urls import reverse

from community.markdown import render_markdown
from tests.community.xss_payloads import PAYLOADS, elements_of, problems_in
from tests.factories import CommunityFactory, make_member, make_thread, make_verified_user


def test_there_are_plenty_of_payloads():
    assert len(set(PAYLOADS)) >= 50


@pytest.mark.parametrize("payload", PAYLOADS)
def test_render_markdown_leaves_nothing_dangerous(payload):
    html = render_markdown(payload)

    assert problems_in(html) == [], html


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/guide", True),
        ("http://example.org", True),
        ("mailto:team@example.org", True),
        ("/case-studies/", True),
        ("javascript:alert(1)", False),
        ("ftp://example.org/file", False),
    ],
)
def test_safe_links_are_kept_and_others_dropped(url, kept):
    html = render_markdown(f"[the guide]({url})")

    hrefs = [dict(attrs).get("href") for tag, attrs in elements_of(html) if tag == "a"]
    assert (hrefs == [url]) is kept, html


def test_the_checker_itself_catches_what_it_looks_for():
    assert problems_in('<a href=" jav\tascript:x">x</a><p onclick="x" style="x">') == [
        "javascript: URL in href of <a>",
        "event handler onclick on <p>",
        "style attribute on <p>",
    ]
    assert problems_in("<iframe></iframe>") == ["element <iframe>"]


def test_links_get_rel_nofollow_and_headings_sit_below_the_page_heading():
    html = render_markdown("# Big\n\n[x](https://example.org)")

    assert "<h3>Big</h3>" in html
    assert 'rel="nofollow noopener noreferrer ugc"' in html


@pytest.fixture
def baseline(client, db):
    """A clean thread page: what the site's own template puts there (its scripts, its forms)."""
    community = CommunityFactory(slug="xss")
    thread = make_thread(community, title="Clean", body_markdown="Nothing to see")
    elements = elements_of(client.get(thread.get_absolute_url()).content.decode())
    return {"community": community, "scripts": sum(tag == "script" for tag, _ in elements)}


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_posted_through_the_thread_form_show_as_harmless_text(client, baseline, payload):
    community = baseline["community"]
    author = make_member(community, make_verified_user(trusted_poster=True))
    client.force_login(author)

    response = client.post(
        reverse("community:thread_new", kwargs={"slug": community.slug}),
        {"title": payload[:200], "body": payload, "tags": ""},
        follow=True,
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert response.redirect_chain, page[:2000]
    elements = elements_of(page)
    assert sum(tag == "script" for tag, _ in elements) == baseline["scripts"]
    assert problems_in(page, allowed_tags=None) == []
    forbidden = {"iframe", "object", "embed", "applet", "frameset", "svg", "math", "base", "img"}
    assert not [tag for tag, _ in elements if tag in forbidden]
    assert not [a for tag, a in elements if tag == "meta" and dict(a).get("http-equiv")]
    if "<" in payload:
        assert payload not in page
