"""`manage.py search_query "question"`: what the search page would find, as JSON.

For operators checking relevance or the fallback from a shell, whichever backend answers.
"""

import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError, CommandParser

from search import services
from search.types import SORTS, SearchFilters


class Command(BaseCommand):
    help = "Search as a person would, and print the results (or suggestions) as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("query")
        parser.add_argument("--kind", action="append", default=[], help="Only this kind.")
        parser.add_argument("--sort", choices=SORTS, default=SORTS[0])
        parser.add_argument("--page", type=int, default=1)
        parser.add_argument("--per-page", type=int, default=10)
        parser.add_argument("--user", help="Search as this username (default: signed out).")
        parser.add_argument(
            "--autocomplete", action="store_true", help="Suggest as you type instead."
        )

    def handle(self, *args, query: str, **options) -> None:
        user = self._user(options["user"])
        if options["autocomplete"]:
            suggestions = services.autocomplete(query, user=user)
            answer = [{"text": s.text, "kind": s.kind, "url": s.url} for s in suggestions]
        else:
            results = services.search(
                query,
                user=user,
                filters=SearchFilters(kinds=tuple(options["kind"])),
                sort=options["sort"],
                page=options["page"],
                per_page=options["per_page"],
            )
            answer = {
                "query": results.query,
                "backend": results.backend,
                "degraded": results.degraded,
                "total": results.total,
                "page": results.page,
                "hits": [
                    {
                        "kind": hit.kind,
                        "title": hit.title,
                        "url": hit.url,
                        "snippet": str(hit.snippet),
                        "score": hit.score,
                    }
                    for hit in results.hits
                ],
                "facets": {
                    facet.name: {value.value: value.count for value in facet.values}
                    for facet in results.facets
                },
            }
        self.stdout.write(json.dumps(answer, indent=2))

    def _user(self, username: str | None):
        if not username:
            return AnonymousUser()
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"No one is called {username!r}.") from error
