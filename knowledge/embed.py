"""The embeddable case-study widget (docs/widget.md): the builder's choices and the snippet a
council pastes into its own site. The widget reads only the public content API, so it can show
nothing the API would not show anyone."""

from pathlib import Path

from django import forms
from django.core.validators import RegexValidator
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from taggit.models import Tag

from knowledge.models import ServiceArea
from knowledge.queries import tags_on_live_case_studies

WIDGET_VERSION = 1
WIDGET_SOURCE = Path(__file__).resolve().parent / "widget" / f"commons-widget-v{WIDGET_VERSION}.js"
DEFAULT_LIMIT = 5
# The widget shows at most this many too (commons-widget-v1.js): a council's page is not a
# listing, and a short list keeps the API answer small.
MAX_LIMIT = 20
# The widget applies only such a colour (commons-widget-v1.js): nothing else can reach its CSS.
HEX_COLOUR = r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"


class EmbedForm(forms.Form):
    """What the widget shows. Nothing chosen means the newest case studies of the network."""

    service_area = forms.ModelChoiceField(
        queryset=ServiceArea.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Any service area",
        label="Service area",
        error_messages={"invalid_choice": "Choose a service area from the list"},
    )
    tag = forms.ModelChoiceField(
        queryset=Tag.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label="Any tag",
        label="Tag",
        error_messages={"invalid_choice": "Choose a tag from the list"},
    )
    limit = forms.IntegerField(
        min_value=1,
        max_value=MAX_LIMIT,
        initial=DEFAULT_LIMIT,
        label="Number of case studies",
        help_text=f"From 1 to {MAX_LIMIT}.",
        error_messages={
            "required": "Enter the number of case studies to show",
            "invalid": "Enter the number of case studies as a whole number, like 5",
            "min_value": "Show at least 1 case study",
            "max_value": f"Show {MAX_LIMIT} case studies or fewer",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
    )
    accent = forms.CharField(
        required=False,
        label="Link colour (optional)",
        help_text="A hex colour code, like #1d70b8. Leave it empty to use your page's own "
        "link colour.",
        validators=[
            RegexValidator(HEX_COLOUR, "Enter the link colour as a hex code, like #1d70b8")
        ],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Only tags that would find something; read when the form is made, not at import.
        self.fields["tag"].queryset = tags_on_live_case_studies()


def fallback_address(*, base_url: str, service_area: ServiceArea | None, tag: Tag | None) -> str:
    """Where the widget's link goes when it cannot show the list (or JavaScript is off): the
    Commons page listing the same case studies, as near as one page can."""
    if service_area is not None:
        path = reverse("knowledge:service_area", args=[service_area.slug])
    elif tag is not None:
        path = reverse("knowledge:tag", args=[tag.slug])
    else:
        path = "/"
    return base_url + path


def widget_snippet(
    *,
    base_url: str,
    service_area: ServiceArea | None = None,
    tag: Tag | None = None,
    limit: int = DEFAULT_LIMIT,
    accent: str = "",
) -> SafeString:
    """The HTML a council pastes: a box holding a plain link, and the script that turns the box
    into a list. `base_url` is this site's address without a trailing slash.

    crossorigin="anonymous" makes even the script's own request carry no cookies (a plain
    <script src> would send any Commons cookie the visitor has), so no request the widget causes
    can tell Commons who is reading; referrerpolicy="no-referrer" keeps the council's page
    address to itself too."""
    attributes = []
    if service_area is not None:
        attributes.append(format_html(' data-service-area="{}"', service_area.slug))
    if tag is not None:
        attributes.append(format_html(' data-tag="{}"', tag.slug))
    if accent:
        attributes.append(format_html(' data-accent="{}"', accent))
    return format_html(
        '<div data-commons-widget{} data-limit="{}">\n'
        '  <a href="{}">See case studies on Commons</a>\n'
        "</div>\n"
        '<script src="{}" crossorigin="anonymous" referrerpolicy="no-referrer" async>'
        "</script>",
        SafeString("".join(attributes)),
        limit,
        fallback_address(base_url=base_url, service_area=service_area, tag=tag),
        base_url + reverse("knowledge:widget_script", args=[WIDGET_VERSION]),
    )


def widget_source() -> bytes:
    """The widget's script, read when asked for (not at import: a missing file must not stop
    the site from starting)."""
    return WIDGET_SOURCE.read_bytes()
