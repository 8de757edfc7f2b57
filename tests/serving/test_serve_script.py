"""scripts/serve.sh (`make serve`): production settings, migrate, collectstatic, then gunicorn."""

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.ports import free_port
from tests.serving.processes import REPO, WebProcess, get

SERVE = str(REPO / "scripts" / "serve.sh")


def test_serve_refuses_to_start_without_the_production_settings(tmp_path: Path):
    result = subprocess.run(
        [SERVE],
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode != 0
    assert (
        "production needs SECRET_KEY ALLOWED_HOSTS PUBLIC_BASE_URL in the environment"
        in result.stderr
    )


@pytest.mark.django_db  # the test database the server uses; the test itself writes nothing
def test_serve_migrates_collects_static_files_and_serves_until_asked_to_stop(
    production_env, tmp_path: Path
):
    port = free_port()
    env = {
        **production_env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    server = WebProcess([SERVE], env=env, port=port, log=tmp_path / "serve.log")
    try:
        server.wait_until_answering(seconds=240)

        health = get(port, "/healthz")
        sign_in = get(port, "/accounts/login/")
        stylesheet = re.search(r'href="(/static/commons/build/commons\.\w+\.css)"', sign_in.body)
        assert stylesheet, sign_in.body[:1000]
        css = get(port, stylesheet[1])
        plain_http = get(port, "/accounts/login/", headers={"X-Forwarded-Proto": "http"})
    finally:
        status = server.stop()

    assert (health.status, json.loads(health.body)["status"]) == (200, "ok")
    assert sign_in.status == 200
    assert "Sign in" in sign_in.body
    assert (css.status, css.headers["Content-Type"]) == (200, 'text/css; charset="utf-8"')
    assert plain_http.status == 301
    assert plain_http.headers["Location"] == "https://commons.example.org/accounts/login/"
    assert status == 0
    log = server.log.read_text()
    assert "No migrations to apply" in log
    assert '"GET /healthz HTTP/1.1" 200' in log
    assert (tmp_path / "static" / "staticfiles.json").exists()
