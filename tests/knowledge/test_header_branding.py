"""Editors give a council's front door its own header: a colour that white text stays readable on,
and the council's logo left of the site's name, above it, or not at all."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site
from wagtail.test.utils.form_data import querydict_from_html

from knowledge.models import LogoPlacement, SiteBranding
from tests.factories import UserFactory


@pytest.fixture
def branding(home_page) -> SiteBranding:
    return SiteBranding.for_site(Site.objects.get(is_default_site=True))


def test_a_header_colour_too_light_for_white_text_is_refused_with_its_contrast(branding):
    branding.header_colour = "#f47738"

    with pytest.raises(ValidationError) as error:
        branding.full_clean()

    assert error.value.message_dict["header_colour"] == [
        "White text on #f47738 has a contrast ratio of 2.7 to 1; it needs at least 4.5 to 1 "
        "to be readable. Choose a darker colour."
    ]


def test_the_admin_keeps_a_pale_header_colour_and_says_why_it_was_refused(client, branding):
    editor = UserFactory(username="editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    url = reverse("wagtailsettings:edit", args=["knowledge", "sitebranding", branding.site_id])
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data["header_colour"] = "#ffdd00"
    data["logo_placement"] = LogoPlacement.ABOVE

    response = client.post(url, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "White text on #ffdd00 has a contrast ratio of 1.3 to 1" in html
    assert 'value="#ffdd00"' in html
    branding.refresh_from_db()
    assert branding.header_colour == "#0b0c0c"


def test_a_header_colour_just_dark_enough_for_white_text_is_accepted(branding):
    branding.header_colour = "#767676"  # 4.54 to 1: the lightest grey that passes

    branding.full_clean()


def test_a_header_colour_that_is_not_a_colour_gets_only_the_format_error(branding):
    branding.header_colour = "navy"

    with pytest.raises(ValidationError) as error:
        branding.full_clean()

    assert error.value.message_dict["header_colour"] == [
        "Enter a colour as # and six hexadecimal digits, such as #1d70b8."
    ]


def test_the_header_colour_reaches_the_page_through_the_nonced_style_element(client, branding):
    branding.header_colour = "#00703c"
    branding.save()

    html = client.get("/").content.decode()

    style = html.split("<style nonce=")[1].split("</style>")[0]
    assert "--commons-header-colour: #00703c;" in style
    header = html.split("<header")[1].split("</header>")[0]
    assert "style=" not in header


@pytest.fixture
def logo(db) -> Image:
    return Image.objects.create(title="Northshire crest", file=get_test_image_file())


@pytest.mark.parametrize(
    ("placement", "logo_shown", "css_class"),
    [
        (LogoPlacement.LEFT, True, "commons-header__homepage-link--logo-left"),
        (LogoPlacement.ABOVE, True, "commons-header__homepage-link--logo-above"),
        (LogoPlacement.NONE, False, "commons-header__homepage-link--logo-none"),
    ],
)
def test_the_logo_sits_where_the_editor_placed_it(
    client, branding, logo, placement, logo_shown, css_class
):
    branding.logo = logo
    branding.logo_placement = placement
    branding.save()

    header = client.get("/").content.decode().split("<header")[1].split("</header>")[0]

    assert css_class in header
    assert ('class="commons-header__logo"' in header) is logo_shown


def test_a_new_site_keeps_todays_look_a_black_header_with_the_logo_on_the_left(branding):
    assert (branding.header_colour, branding.logo_placement) == ("#0b0c0c", LogoPlacement.LEFT)
