from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

hex_colour = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", "Enter a colour as # and six hexadecimal digits, such as #1d70b8."
)


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
    welcome_heading = models.CharField(
        max_length=120, default="Find and share what works in public services"
    )
    welcome_text = models.TextField(blank=True)
    footer_text = models.TextField(blank=True)

    panels = [
        FieldPanel("organisation"),
        FieldPanel("tagline"),
        FieldPanel("logo"),
        FieldPanel("brand_colour"),
        FieldPanel("welcome_heading"),
        FieldPanel("welcome_text"),
        FieldPanel("footer_text"),
    ]

    class Meta:
        verbose_name = "site branding"
