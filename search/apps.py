from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        # Imported here: the receivers import knowledge and community models.
        from search import signals, vocabulary

        signals.connect()
        vocabulary.connect()
