from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = "Community"

    def ready(self) -> None:
        # Imported here, not at module level: both need the models, which are ready only now.
        # `panels` registers the stories panel with knowledge's shared service page.
        from community import panels, signals  # noqa: F401

        signals.connect()
