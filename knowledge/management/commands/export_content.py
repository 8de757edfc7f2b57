import json

from django.core.management.base import BaseCommand, CommandError

from knowledge.exporting import ExportError, export_content


class Command(BaseCommand):
    help = (
        "Export the knowledge base as JSON in the import format (docs/import-format.md), to a "
        "file or to standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="where to write (standard output if not given)")

    def handle(self, *args, **options):
        try:
            content = export_content()
        except ExportError as error:
            raise CommandError(f"Nothing was exported: {error}") from error
        text = json.dumps(content, indent=2, ensure_ascii=False) + "\n"
        if not options["file"]:
            self.stdout.write(text, ending="")
            return
        with open(options["file"], "w", encoding="utf-8") as handle:
            handle.write(text)
        counts = ", ".join(
            f"{len(records)} {key.replace('_', ' ')}"
            for key, records in content.items()
            if isinstance(records, list)
        )
        self.stdout.write(self.style.SUCCESS(f"Exported {counts} to {options['file']}."))
