"""Production keeps each database connection for a minute (DATABASE_CONN_MAX_AGE, 60) and checks
it before reusing it (CONN_HEALTH_CHECKS), so a database restart costs no request an error."""

import json
from pathlib import Path

import pytest
from django.db import connection

from tests.serving.processes import all_answering, get, gunicorn


def the_servers_connections() -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return [pid for (pid,) in cursor.fetchall()]


def cut(pids: list[int]) -> None:
    """What a database restart does to a kept connection: the server end goes away."""
    with connection.cursor() as cursor:
        for pid in pids:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])


@pytest.mark.django_db
def test_a_kept_connection_is_reused_and_replaced_when_the_database_dropped_it(
    production_env, tmp_path: Path
):
    server = gunicorn(env=production_env, log=tmp_path / "server.log")
    try:
        all_answering(server)
        get(server.port, "/healthz")
        kept = the_servers_connections()
        get(server.port, "/healthz")
        assert the_servers_connections() == kept, "the connection was not kept between requests"

        cut(kept)
        after_restart = get(server.port, "/healthz")
    finally:
        server.stop()

    assert len(kept) == 1
    assert after_restart.status == 200
    assert json.loads(after_restart.body)["database"] == {"ok": True, "vendor": "postgresql"}
