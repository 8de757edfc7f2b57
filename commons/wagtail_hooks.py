"""Editors issue and revoke partners' API keys in the Wagtail admin (docs/api.md)."""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from commons.models import PartnerApiKey


class IssueKeyView(CreateView):
    """Makes the key as the snippet is saved and shows it in the success message: only its hash
    is stored, so this is the one time anyone can copy it."""

    issued_key = ""

    def save_instance(self) -> PartnerApiKey:
        self.issued_key = PartnerApiKey.objects.assign_key(self.form.instance)
        return super().save_instance()

    def get_success_message(self, instance: PartnerApiKey) -> str:
        return (
            f"API key for “{instance.name}” issued. Copy it now and send it to the partner "
            f"securely: it will not be shown again. The key is {self.issued_key}"
        )


class PartnerApiKeyViewSet(SnippetViewSet):
    model = PartnerApiKey
    add_view_class = IssueKeyView
    icon = "key"
    menu_label = "API keys"
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["name", "prefix", "requests_per_minute", "created", "revoked"]
    list_filter = ["revoked"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("contact_email"),
        FieldPanel("requests_per_minute"),
        FieldPanel("expiry_date"),
        FieldPanel("revoked", help_text="Tick to stop the key working. This cannot be undone."),
    ]


register_snippet(PartnerApiKeyViewSet)
