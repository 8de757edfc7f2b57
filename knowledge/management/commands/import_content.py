from django.core.management.base import BaseCommand, CommandError

from knowledge.importing import ImportValidationError, import_content, read_content_file


class Command(BaseCommand):
    help = (
        "Import case studies, resources, organisations, service areas and shared services from a "
        "JSON file (docs/import-format.md). All or nothing; importing a file twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the JSON file to import")

    def handle(self, *args, **options):
        try:
            report = import_content(read_content_file(options["file"]))
        except ImportValidationError as error:
            count = len(error.problems)
            listing = "\n".join(f"  {problem}" for problem in error.problems)
            raise CommandError(
                f"Nothing was imported: {count} problem{'s' if count != 1 else ''} "
                f"in {options['file']}:\n{listing}"
            ) from error
        self.stdout.write(self.style.SUCCESS(f"Imported {options['file']}: {report.summary()}."))
