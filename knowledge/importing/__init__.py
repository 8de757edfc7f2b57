"""Import the knowledge base from one JSON file in the format of docs/import-format.md.

All or nothing: the whole file is checked first and every problem reported; then everything is
written in one transaction, which is rolled back if anything fails.
"""

import json
import logging
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction

from knowledge.importing.documents import remove_stored_files
from knowledge.importing.problems import ImportValidationError, Problem
from knowledge.importing.validation import validate_content
from knowledge.importing.writers import ImportReport, write_content

__all__ = [
    "ImportReport",
    "ImportValidationError",
    "Problem",
    "import_content",
    "read_content_file",
]

logger = logging.getLogger(__name__)


def read_content_file(path: str | Path) -> Any:
    """The parsed JSON of an import file. Numbers with a fraction are read as Decimal, so money
    keeps its exact digits."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise ImportValidationError(
            [Problem(str(path), "", f"Cannot read the file: {error.strerror}.")]
        ) from error
    except UnicodeDecodeError as error:
        raise ImportValidationError(
            [Problem(str(path), "", "The file is not UTF-8 text.")]
        ) from error
    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        message = f"Not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        raise ImportValidationError([Problem(str(path), "", message)]) from error
    except RecursionError as error:
        # Python's parser recurses once per bracket; no record of the format is nested this deep.
        message = "The file is nested too deeply to read: no record of the format needs this."
        raise ImportValidationError([Problem(str(path), "", message)]) from error


def import_content(data: dict) -> ImportReport:
    """Check the whole of `data`, then create or update every record in one transaction.

    Raises ImportValidationError, having written nothing, if anything is wrong with the file or
    anything fails while writing.
    """
    plan = validate_content(data)
    stored_files: list[str] = []
    try:
        with transaction.atomic():
            report = write_content(plan, stored_files=stored_files)
    except BaseException:
        # Storage is not transactional: take back the files this import wrote.
        remove_stored_files(stored_files)
        raise
    logger.debug("Imported content: %s", report.summary())
    return report
