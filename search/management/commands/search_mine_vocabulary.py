"""`manage.py search_mine_vocabulary`: propose the acronyms content defines to editors."""

from django.core.management.base import BaseCommand, CommandParser

from search.mining import mine_everything


class Command(BaseCommand):
    help = (
        "Find the acronyms that content defines, such as 'multi-agency safeguarding hub "
        "(MASH)', and list new ones in the admin's Search vocabulary for editors to confirm. "
        "Reads the database only: Elasticsearch is not needed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size: int, **options) -> None:
        report = mine_everything(batch_size=batch_size)
        self.stdout.write(
            f"Read {report.documents} documents: {report.definitions} acronym definitions "
            f"found, {report.new_candidates} new for editors to confirm or reject."
        )
