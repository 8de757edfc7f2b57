from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = "Knowledge"

    def ready(self) -> None:
        # Connects the signal handlers that release a contribution's document when it goes live.
        import knowledge.contribution  # noqa: F401
