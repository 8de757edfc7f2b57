import math
import re

from coloraide import Color
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, RegexValidator, URLValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

HEX_COLOUR = r"^#[0-9a-fA-F]{6}$"
hex_colour = RegexValidator(
    HEX_COLOUR, "Enter a colour as # and six hexadecimal digits, such as #1d70b8."
)
# WCAG 2.2 AA for normal-sized text: the header's site name, search and account links are white.
READABLE_CONTRAST = 4.5


def validate_readable_under_white_text(value: str) -> None:
    """Refuse a header colour that white text would be hard to read on."""
    if not re.fullmatch(HEX_COLOUR, value):
        return  # hex_colour explains what a colour looks like; a second error would not help
    ratio = Color(value).contrast("white")
    if ratio < READABLE_CONTRAST:
        # Rounded down, so a colour just short of 4.5 never reads as "4.5 to 1" and refused.
        shown = math.floor(ratio * 10) / 10
        raise ValidationError(
            f"White text on {value} has a contrast ratio of {shown} to 1; it needs at least "
            f"{READABLE_CONTRAST} to 1 to be readable. Choose a darker colour."
        )


class LogoPlacement(models.TextChoices):
    LEFT = "left", "Left of the site's name"
    ABOVE = "above", "Above the site's name"
    NONE = "none", "Not shown in the header"


def validate_feedback_address(value: str) -> None:
    """An email address or a web address, so the Beta banner's link always goes somewhere."""
    validator = URLValidator(schemes=["https", "http"]) if "://" in value else EmailValidator()
    try:
        validator(value)
    except ValidationError:
        raise ValidationError(
            "Enter an email address, such as feedback@example.gov.uk, or a web address "
            "starting with https://."
        ) from None


@register_setting(icon="site")
class SiteBranding(BaseSiteSetting):
    """How one council's (or partnership's) front door onto the network looks."""

    organisation = models.ForeignKey(
        "knowledge.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Whose work this site's home page features.",
    )
    tagline = models.CharField(max_length=200, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    brand_colour = models.CharField(
        max_length=7,
        default="#1d70b8",
        validators=[hex_colour],
        help_text="Used for the bars under the header and above the footer.",
    )
    header_colour = models.CharField(
        max_length=7,
        default="#0b0c0c",
        validators=[hex_colour, validate_readable_under_white_text],
        help_text="The background of the header's top bar, behind the site's name and logo. "
        "Its text is white, so the colour must be dark enough: a contrast of at least 4.5 to 1.",
    )
    logo_placement = models.CharField(
        max_length=10,
        choices=LogoPlacement.choices,
        default=LogoPlacement.LEFT,
        help_text="Where the logo goes in the header.",
    )
    welcome_heading = models.CharField(
        max_length=120, default="Find and share what works in public services"
    )
    welcome_text = models.TextField(blank=True)
    footer_text = models.TextField(blank=True)
    feedback_address = models.CharField(
        max_length=300,
        blank=True,
        validators=[validate_feedback_address],
        help_text="Where the Beta banner's feedback link goes: an email address or a web address "
        "(such as a survey). Leave empty to show the banner without a link.",
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("tagline"),
        FieldPanel("logo"),
        FieldPanel("logo_placement"),
        FieldPanel("header_colour"),
        FieldPanel("brand_colour"),
        FieldPanel("welcome_heading"),
        FieldPanel("welcome_text"),
        FieldPanel("footer_text"),
        FieldPanel("feedback_address"),
    ]

    class Meta:
        verbose_name = "site branding"

    @property
    def feedback_href(self) -> str:
        if not self.feedback_address or "://" in self.feedback_address:
            return self.feedback_address
        return f"mailto:{self.feedback_address}"
