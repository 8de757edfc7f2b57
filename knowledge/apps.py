from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = "Knowledge"

    def ready(self) -> None:
        # Connects the signal handlers that release a contribution's document when it goes live.
        import knowledge.signals  # noqa: F401

        self._admin_tag_fields_plain()

    @staticmethod
    def _admin_tag_fields_plain() -> None:
        """Every tag field in Wagtail's admin follows the public forms' tag rules. Replaces
        Wagtail's own registration for TaggableManager, with the same arguments."""
        from taggit.managers import TaggableManager
        from wagtail.admin.forms.models import register_form_field_override

        from knowledge.page_forms import PlainTagField

        register_form_field_override(
            TaggableManager,
            override=lambda db_field: {
                "form_class": PlainTagField,
                "tag_model": db_field.related_model,
            },
        )
