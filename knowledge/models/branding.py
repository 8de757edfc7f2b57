from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, RegexValidator, URLValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

hex_colour = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", "Enter a colour as # and six hexadecimal digits, such as #1d70b8."
)



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
