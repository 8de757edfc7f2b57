from django.apps import AppConfig


class CommonsConfig(AppConfig):
    name = "commons"
    verbose_name = "Commons"

    def ready(self) -> None:
        from commons import checks  # noqa: F401  (registers the deploy checks)
        from commons.api import schema  # noqa: F401  (registers the API key's OpenAPI scheme)

        self._admin_text_fields_plain()

    @staticmethod
    def _admin_text_fields_plain() -> None:
        """Every text field of every Wagtail admin form (page titles, snippets such as
        communities and organisations) goes through PlainTextField, as the public forms do.

        Registered per model field class, so each form Wagtail builds later picks it up; a
        `pre_save` signal would also clean what code writes on purpose, and a page form's
        `clean()` would miss the snippets.
        """
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.admin.widgets import AdminAutoHeightTextInput

        from commons.forms import PlainTextField

        # Exact classes: an EmailField or URLField (both CharFields) keeps its own form field.
        register_form_field_override(
            models.CharField, override={"form_class": PlainTextField}, exact_class=True
        )
        # Replaces Wagtail's own override for TextField (exact class, so rich text is left to
        # its editor), whose widget is kept.
        register_form_field_override(
            models.TextField,
            override={"form_class": PlainTextField, "widget": AdminAutoHeightTextInput},
            exact_class=True,
        )
