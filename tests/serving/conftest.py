import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.management.utils import get_random_secret_key
from django.db import connection

from tests.serving.processes import HOST, REPO


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Production's static files (WhiteNoise's manifest), collected once for these tests: pages
    cannot render without the manifest. Needs the front end built (`make test` builds it)."""
    root = tmp_path_factory.mktemp("static")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "commons.settings.production",
        "SECRET_KEY": get_random_secret_key(),
        "ALLOWED_HOSTS": HOST,
        "PUBLIC_BASE_URL": f"https://{HOST}",
        "STATIC_ROOT": str(root),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=REPO,
        env=env,
        check=True,
        timeout=300,
    )
    return root


@pytest.fixture
def production_env(django_db_setup, redis_url, collected_static: Path) -> dict[str, str]:
    """The environment of a production web process, on the suite's test database (migrated by
    pytest-django and shared rather than migrated again) and the Redis `make test` started.
    Nothing here holds a transaction open, so the processes see the database as it is."""
    database = urlsplit(os.environ["DATABASE_URL"])
    test_database = urlunsplit(database._replace(path="/" + connection.settings_dict["NAME"]))
    # Variables of the surrounding shell that would change what is tested stay out.
    env = {
        name: value
        for name, value in os.environ.items()
        if name
        not in {
            "DJANGO_SETTINGS_MODULE",
            "ELASTICSEARCH_URL",
            "CACHE_URL",
            "TRUSTED_PROXY_COUNT",
            "DATABASE_CONN_MAX_AGE",
            "WEB_CONCURRENCY",
            "GUNICORN_CMD_ARGS",
        }
    }
    env.update(
        DJANGO_SETTINGS_MODULE="commons.settings.production",
        SECRET_KEY=get_random_secret_key(),
        ALLOWED_HOSTS=HOST,
        PUBLIC_BASE_URL=f"https://{HOST}",
        DATABASE_URL=test_database,
        CACHE_URL=redis_url,
        STATIC_ROOT=str(collected_static),
    )
    return env
