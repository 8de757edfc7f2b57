from django.apps import AppConfig


class CommonsConfig(AppConfig):
    name = "commons"
    verbose_name = "Commons"

    def ready(self) -> None:
        from commons import checks  # noqa: F401  (registers the deploy checks)
