"""The settings modules read the environment and production refuses to run unsafely."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management.utils import get_random_secret_key

REPO = Path(__file__).resolve().parent.parent
VARIABLES_WE_SET = (
    "DATABASE_URL",
    "ELASTICSEARCH_URL",
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "CACHE_URL",
    "TRUSTED_PROXY_COUNT",
    "TRUSTED_CLIENT_IP_HEADER",
    "DATABASE_CONN_MAX_AGE",
    "PUBLIC_BASE_URL",
    "WAGTAILADMIN_BASE_URL",
)


def manage(*args: str, settings: str, **env: str | None) -> subprocess.CompletedProcess:
    """Run manage.py in a fresh process with only the variables given (None leaves one out)."""
    clean_env = {k: v for k, v in os.environ.items() if k not in VARIABLES_WE_SET}
    clean_env.update({k: v for k, v in env.items() if v is not None})
    clean_env["DJANGO_SETTINGS_MODULE"] = settings
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=clean_env,
        capture_output=True,
        text=True,
        check=False,
    )


def production(*args: str, **env: str | None) -> subprocess.CompletedProcess:
    """manage.py under the production settings, with what they require set unless overridden."""
    required = {
        "SECRET_KEY": get_random_secret_key(),
        "ALLOWED_HOSTS": "commons.example.org",
        "PUBLIC_BASE_URL": "https://commons.example.org",
        "DATABASE_URL": os.environ["DATABASE_URL"],
    }
    return manage(*args, settings="commons.settings.production", **{**required, **env})


def printed(
    script: str, *, settings: str = "commons.settings.dev", **env: str | None
) -> subprocess.CompletedProcess:
    """What a line of Python prints under the given settings (production: `production`)."""
    args = ("shell", "--no-imports", "-c", script)
    if settings == "commons.settings.production":
        return production(*args, **env)
    return manage(*args, settings=settings, **env)


def test_production_settings_pass_the_deploy_check_without_warnings(redis_url):
    result = production("check", "--deploy", "--fail-level", "WARNING", CACHE_URL=redis_url)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_warns_that_rate_limits_are_per_process_without_a_shared_cache():
    result = production("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode != 0
    assert "(commons.W001) Rate limits are per process without a shared cache" in result.stderr
    assert "CACHE_URL" in result.stderr


PRINT_SERVING_SETTINGS = (
    "from django.conf import settings as s;"
    "c = s.CACHES['default']; d = s.DATABASES['default'];"
    "print(c['BACKEND'], c.get('LOCATION', '-'));"
    "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS']);"
    "print(s.ALLAUTH_TRUSTED_PROXY_COUNT)"
)


def test_production_shares_a_cache_reuses_connections_and_trusts_one_proxy(redis_url):
    result = printed(
        PRINT_SERVING_SETTINGS,
        settings="commons.settings.production",
        CACHE_URL=redis_url,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"django.core.cache.backends.redis.RedisCache {redis_url}",
        "60 True",
        "1",
    ]


def test_the_embedded_default_keeps_its_cache_in_memory_and_trusts_no_proxy():
    result = printed(PRINT_SERVING_SETTINGS)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "django.core.cache.backends.locmem.LocMemCache -",
        "0 True",
        "0",
    ]


def test_connection_age_and_proxy_count_come_from_the_environment():
    result = printed(
        PRINT_SERVING_SETTINGS,
        settings="commons.settings.production",
        CACHE_URL="redis://cache.internal:6379/2",
        DATABASE_CONN_MAX_AGE="0",
        TRUSTED_PROXY_COUNT="2",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "django.core.cache.backends.redis.RedisCache redis://cache.internal:6379/2",
        "0 True",
        "2",
    ]


def test_a_secret_key_may_start_with_a_dollar_sign():
    """Django's own generator starts about one key in fifty with `$`; django-environ would
    read that as a reference to another variable and production would not start."""
    result = production(
        "check",
        SECRET_KEY="$" + get_random_secret_key()[1:],
    )

    assert result.returncode == 0, result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = production("check", SECRET_KEY=None)

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def production_without_base_url(public_base_url: str | None) -> subprocess.CompletedProcess:
    return production("check", PUBLIC_BASE_URL=public_base_url)


def test_production_refuses_to_start_without_a_public_base_url():
    result = production_without_base_url(None)

    assert result.returncode != 0
    assert "ImproperlyConfigured: Set PUBLIC_BASE_URL to the site's public address" in (
        result.stderr
    )


@pytest.mark.parametrize(
    "address",
    ["http://commons.example.org", "https://", "commons.example.org", "https://x.org/?a=1"],
)
def test_production_refuses_a_public_base_url_that_is_not_an_https_address(address):
    result = production_without_base_url(address)

    assert result.returncode != 0
    assert "PUBLIC_BASE_URL must be the site's https address" in result.stderr


def test_wagtails_emails_use_the_same_public_base_url():
    script = (
        "from django.conf import settings as s;print(s.PUBLIC_BASE_URL, s.WAGTAILADMIN_BASE_URL)"
    )
    result = printed(
        script,
        settings="commons.settings.production",
        PUBLIC_BASE_URL="https://commons.example.org/",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["https://commons.example.org"] * 2


def test_embedded_default_is_sqlite_and_database_search():
    script = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE']);"
        "print(s.WAGTAILSEARCH_BACKENDS['default']['BACKEND']);"
        "print(repr(s.ELASTICSEARCH_URL))"
    )
    result = printed(script)

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
    result = printed(
        script,
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
    result = printed(
        script,
        settings="commons.settings.production",
        ELASTICSEARCH_URL="http://search.example.org:9200",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "{'default': {'BACKEND': 'wagtail.search.backends.database'}}"


def test_several_elasticsearch_nodes_are_read_as_a_list():
    script = "from django.conf import settings as s;print(s.ELASTICSEARCH_URLS)"
    result = printed(
        script,
        ELASTICSEARCH_URL="http://es1.internal:9200, http://es2.internal:9200",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['http://es1.internal:9200', 'http://es2.internal:9200']"


def test_a_malformed_elasticsearch_url_stops_the_site_at_start_up():
    result = production(
        "check",
        ELASTICSEARCH_URL="http://es1.internal:9200,es2.internal:9200",
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "ELASTICSEARCH_URL: node 2 ('es2.internal:9200') has no scheme" in result.stderr
