"""The settings modules read the environment and production refuses to run unsafely."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.management.utils import get_random_secret_key

REPO = Path(__file__).resolve().parent.parent
VARIABLES_WE_SET = (
    "DATABASE_URL",
    "ELASTICSEARCH_URL",
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


def manage(*args: str, settings: str, **env: str) -> subprocess.CompletedProcess:
    clean_env = {k: v for k, v in os.environ.items() if k not in VARIABLES_WE_SET}
    clean_env.update(env, DJANGO_SETTINGS_MODULE=settings)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_the_deploy_check_without_warnings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        settings="commons.settings.production",
        SECRET_KEY=get_random_secret_key(),
        ALLOWED_HOSTS="commons.example.org",
        DATABASE_URL=os.environ["DATABASE_URL"],
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_a_secret_key_may_start_with_a_dollar_sign():
    """Django's own generator starts about one key in fifty with `$`; django-environ would
    read that as a reference to another variable and production would not start."""
    result = manage(
        "check",
        settings="commons.settings.production",
        SECRET_KEY="$" + get_random_secret_key()[1:],
        ALLOWED_HOSTS="commons.example.org",
        DATABASE_URL=os.environ["DATABASE_URL"],
    )

    assert result.returncode == 0, result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = manage(
        "check",
        settings="commons.settings.production",
        ALLOWED_HOSTS="commons.example.org",
        DATABASE_URL=os.environ["DATABASE_URL"],
    )

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_embedded_default_is_sqlite_and_database_search():
    script = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE']);"
        "print(s.WAGTAILSEARCH_BACKENDS['default']['BACKEND']);"
        "print(repr(s.ELASTICSEARCH_URL))"
    )
    result = manage("shell", "--no-imports", "-c", script, settings="commons.settings.dev")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "wagtail.search.backends.database",
        "''",
    ]


def test_database_and_search_come_from_the_environment():
    script = (
        "from django.conf import settings as s;"
        "d = s.DATABASES['default'];"
        "print(d['ENGINE'], d['HOST'], d['PORT'], d['NAME']);"
        "print(s.ELASTICSEARCH_URL)"
    )
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        script,
        settings="commons.settings.dev",
        DATABASE_URL="postgres://someone@db.example.org:6543/commons_live",
        ELASTICSEARCH_URL="http://search.example.org:9200",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "django.db.backends.postgresql db.example.org 6543 commons_live",
        "http://search.example.org:9200",
    ]


def test_wagtails_admin_search_stays_in_the_database_when_elasticsearch_is_configured():
    """Editors' admin search is written in the edit's own transaction: never out of step after
    an outage, never a 500 or a wait because a node is sick (docs/search.md)."""
    script = "from django.conf import settings;print(settings.WAGTAILSEARCH_BACKENDS)"
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        script,
        settings="commons.settings.production",
        SECRET_KEY=get_random_secret_key(),
        ALLOWED_HOSTS="commons.example.org",
        DATABASE_URL=os.environ["DATABASE_URL"],
        ELASTICSEARCH_URL="http://search.example.org:9200",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "{'default': {'BACKEND': 'wagtail.search.backends.database'}}"
