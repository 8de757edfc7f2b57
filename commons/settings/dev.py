"""The embedded demo that `make run` serves: SQLite and Wagtail's database search by default."""

import secrets
from collections.abc import Callable

from django.core.management.utils import get_random_secret_key

from .base import *

DEBUG = env.bool("DEBUG", default=True)


def _local_secret(name: str, make: Callable[[], str]) -> str:
    """A secret made once per checkout and kept in a git-ignored file, so none is committed."""
    secret_file = BASE_DIR / f".{name}"
    if not secret_file.exists():
        secret_file.write_text(make())
        secret_file.chmod(0o600)
    return secret_file.read_text().strip()


SECRET_KEY = secret("SECRET_KEY", default="") or _local_secret("secret_key", get_random_secret_key)
DEMO_EDITOR_PASSWORD = secret("DEMO_EDITOR_PASSWORD", default="") or _local_secret(
    "demo_editor_password", lambda: secrets.token_urlsafe(12)
)
