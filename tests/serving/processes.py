"""Real web processes for the tests of production serving, and a visitor who talks to them the
way the TLS proxy does: plain HTTP from 127.0.0.1, with X-Forwarded-For and X-Forwarded-Proto."""

import http.client
import re
import signal
import subprocess
import time
from dataclasses import dataclass
from email.message import Message
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from tests.ports import free_port

REPO = Path(__file__).resolve().parents[2]
HOST = "commons.example.org"
LOGIN_PATH = "/accounts/login/"
FAILED = "One or both are not right"
REFUSED = "You have tried to sign in too many times"


@dataclass
class Answer:
    status: int
    headers: Message
    body: str


def get(port: int, path: str, *, headers: dict[str, str] | None = None) -> Answer:
    """One request as the proxy sends it."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(
        "GET", path, headers={"Host": HOST, "X-Forwarded-Proto": "https", **(headers or {})}
    )
    response = connection.getresponse()
    answer = Answer(response.status, response.headers, response.read().decode())
    connection.close()
    return answer


class WebProcess:
    """A server process started with `command`, answering on `port`, logging to `log`."""

    def __init__(self, command: list[str], *, env: dict[str, str], port: int, log: Path):
        self.port = port
        self.log = log
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT
            )

    def wait_until_answering(self, *, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                code = self.process.returncode
                raise AssertionError(f"server exited with {code}:\n{self.tail()}")
            try:
                if get(self.port, "/healthz").status in (200, 503):
                    return
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise AssertionError(f"server did not answer within {seconds} s:\n{self.tail()}")

    def stop(self) -> int:
        """Asks gunicorn to stop gracefully (SIGTERM, what systemd sends) and waits for it."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def tail(self) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-30:])


def gunicorn(*, env: dict[str, str], log: Path) -> WebProcess:
    """One gunicorn process with one worker, started as scripts/serve.sh starts it; call
    `wait_until_answering` (starting several first lets them load the code side by side)."""
    port = free_port()
    command = [
        str(REPO / ".venv" / "bin" / "gunicorn"),
        "commons.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--no-control-socket",
    ]
    return WebProcess(command, env=env, port=port, log=log)


def all_answering(*servers: WebProcess) -> None:
    for server in servers:
        server.wait_until_answering(seconds=60)


class Visitor:
    """Someone at `address` behind the proxy, keeping their cookies as a browser would."""

    def __init__(self, address: str):
        self.address = address
        self.cookies: dict[str, str] = {}

    def _request(self, port: int, method: str, path: str, body: str | None = None):
        headers = {
            "Host": HOST,
            "X-Forwarded-For": self.address,
            "X-Forwarded-Proto": "https",
            # Django checks the Referer of a secure POST against the host (CSRF protection).
            "Referer": f"https://{HOST}{LOGIN_PATH}",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        connection.close()
        return response.status, text

    def sign_in(self, port: int, *, email: str, password: str) -> str:
        """'failed', 'refused' (the rate limit) or 'signed in'."""
        status, page = self._request(port, "GET", LOGIN_PATH)
        assert status == 200, page[:500]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, "no CSRF token on the sign-in page"
        form = urlencode({"csrfmiddlewaretoken": token[1], "login": email, "password": password})
        status, page = self._request(port, "POST", LOGIN_PATH, form)
        if status == 302:
            return "signed in"
        assert status == 200, f"{status}: {page[:500]}"
        if REFUSED in page:
            return "refused"
        assert FAILED in page, page[:2000]
        return "failed"
