from django.core.management import call_command
from wagtail.models import Page, Site

from knowledge.models import HomePage
from knowledge.services import home_page_ensure


def test_home_page_replaces_wagtails_welcome_page_once(db):
    first = home_page_ensure(title="Commons")
    second = home_page_ensure(title="Commons")

    assert first.pk == second.pk
    assert Site.objects.get(is_default_site=True).root_page_id == first.pk
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_loading_the_demo_twice_changes_nothing(db):
    call_command("load_demo")
    pages_after_first = list(Page.objects.order_by("pk").values_list("pk", "title", "path"))
    sites_after_first = list(Site.objects.values_list("pk", "hostname", "root_page_id"))

    call_command("load_demo")

    assert list(Page.objects.order_by("pk").values_list("pk", "title", "path")) == pages_after_first
    assert list(Site.objects.values_list("pk", "hostname", "root_page_id")) == sites_after_first
    assert HomePage.objects.count() == 1


def test_home_page_has_the_service_frame(client, home_page):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="#main-content" class="govuk-skip-link"' in html
    assert 'id="main-content"' in html
    assert "govuk-phase-banner" in html
    assert '<footer class="govuk-footer">' in html
    assert "Find and share what works in public services</h1>" in html
    assert 'name="viewport"' in html


def test_unknown_page_gets_a_plain_not_found_page(client, home_page):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
