"""The privacy notice, accessibility statement and cookies page: set up with every site, linked
from every page's footer, and editors' to change. The Beta banner's feedback link is theirs too."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import querydict_from_html

from knowledge.models import LegalPage, LegalPageKind, SiteBranding
from knowledge.services import library_ensure
from tests.factories import UserFactory, make_verified_user

KINDS = [LegalPageKind.PRIVACY, LegalPageKind.ACCESSIBILITY, LegalPageKind.COOKIES]


def footer_of(response) -> str:
    html = response.content.decode()
    return html[html.index('<footer class="govuk-footer">') :]


@pytest.mark.parametrize("kind", KINDS)
def test_site_setup_publishes_each_legal_page(client, library, kind):
    page = LegalPage.objects.get(kind=kind)

    assert page.live
    response = client.get(page.url)
    assert response.status_code == 200
    assert f'<h1 class="govuk-heading-xl">{page.title}</h1>' in response.content.decode()


def test_setting_up_again_keeps_what_editors_changed(library):
    privacy = LegalPage.objects.get(kind=LegalPageKind.PRIVACY)
    privacy.title = "How we use your data"
    privacy.save_revision().publish()

    library_ensure()

    assert LegalPage.objects.filter(kind=LegalPageKind.PRIVACY).count() == 1
    assert LegalPage.objects.get(kind=LegalPageKind.PRIVACY).title == "How we use your data"


@pytest.mark.parametrize("path", ["/", "/case-studies/", "/accounts/signup/", "/cookies/"])
def test_every_page_links_each_legal_page_from_its_footer(client, library, path):
    footer = footer_of(client.get(path))

    for page in LegalPage.objects.all():
        assert f'href="{page.url}">{page.title}</a>' in footer


def test_the_sign_up_page_links_the_privacy_notice_above_the_button(client, library):
    html = client.get(reverse("account_signup")).content.decode()
    form = html[html.index('<form method="post" action="/accounts/signup/"') :]

    assert '<a class="govuk-link" href="/privacy/">privacy notice</a>' in form


def test_an_unpublished_legal_page_leaves_the_footer(client, library):
    LegalPage.objects.get(kind=LegalPageKind.COOKIES).unpublish()

    assert 'href="/cookies/"' not in footer_of(client.get("/"))


def test_the_cookies_page_names_the_cookies_commons_sets_and_no_analytics(client, library):
    html = client.get("/cookies/").content.decode()

    for name in [settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "messages"]:
        assert f"<strong>{name}</strong>" in html
    assert "We do not use Google Analytics or any other analytics cookies" in html


def test_the_cookies_page_names_every_cookie_signing_in_sets(client, library):
    """Sign in, which leaves a message: each cookie the site sets is on the cookies page."""
    user = make_verified_user(username="ana", email="ana@example.org")
    client.get(reverse("account_login"))
    client.post(
        reverse("account_login"), {"login": user.email, "password": "correct-horse-battery"}
    )
    assert settings.SESSION_COOKIE_NAME in client.cookies
    cookies_page = client.get("/cookies/").content.decode()

    for name in client.cookies:
        assert f"<strong>{name}</strong>" in cookies_page


def test_the_demo_has_each_legal_page_and_a_feedback_address(db, client):
    call_command("load_demo", verbosity=0, stdout=None)

    for kind in KINDS:
        page = LegalPage.objects.live().get(kind=kind)
        assert client.get(page.url).status_code == 200
    for site in Site.objects.all():
        assert SiteBranding.for_site(site).feedback_address


def test_the_beta_banner_links_the_feedback_address_editors_set(client, home_page):
    branding = SiteBranding.for_site(Site.objects.get(is_default_site=True))
    branding.feedback_address = "feedback@northshire.gov.uk"
    branding.save()

    html = client.get("/").content.decode()
    banner = html[html.index('<section class="govuk-phase-banner"') : html.index("<main")]

    assert '<a class="govuk-link" href="mailto:feedback@northshire.gov.uk">' in banner


def test_a_feedback_web_address_is_linked_as_it_is(client, home_page):
    branding = SiteBranding.for_site(Site.objects.get(is_default_site=True))
    branding.feedback_address = "https://forms.example.gov.uk/commons-feedback"
    branding.save()

    assert (
        'href="https://forms.example.gov.uk/commons-feedback"' in client.get("/").content.decode()
    )


@pytest.mark.parametrize("address", ["feedback at example", "javascript:alert(1)", "ftp://x.org"])
def test_a_feedback_address_that_is_neither_email_nor_web_address_is_refused(home_page, address):
    branding = SiteBranding.for_site(Site.objects.get(is_default_site=True))
    branding.feedback_address = address

    with pytest.raises(ValidationError, match="Enter an email address"):
        branding.full_clean()


@pytest.fixture
def editor(db):
    user = UserFactory(username="editor")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_an_editor_can_change_a_legal_page_in_the_admin(client, library, editor):
    page = LegalPage.objects.get(kind=LegalPageKind.ACCESSIBILITY)
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["title"] = "Accessibility statement for Commons"

    response = client.post(url, data)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "Accessibility statement for Commons"


def test_an_editor_can_set_the_feedback_address_in_the_admin(client, home_page, editor):
    site = Site.objects.get(is_default_site=True)
    client.force_login(editor)
    url = reverse("wagtailsettings:edit", args=["knowledge", "sitebranding", site.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data["feedback_address"] = "feedback@eastvale.gov.uk"

    response = client.post(url, data)

    assert response.status_code == 302
    assert SiteBranding.for_site(site).feedback_address == "feedback@eastvale.gov.uk"
