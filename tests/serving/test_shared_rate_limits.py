"""Failed sign-ins are counted in the shared cache (CACHE_URL, Redis), so every web process
refuses the sixth, and a restart forgets nothing. Real gunicorn processes with production
settings; each visitor tries a different address each time, so only the per-visitor limit
(five failed sign-ins in five minutes) counts."""

import secrets
from pathlib import Path

import pytest

from tests.serving.processes import Visitor, all_answering, gunicorn

# Asks pytest-django for the test database the processes use; the test itself writes nothing.
pytestmark = pytest.mark.django_db


def a_visitor() -> Visitor:
    # An address of its own for each run, so runs sharing one Redis are unlikely to meet.
    return Visitor(f"198.51.100.{secrets.randbelow(254) + 1}")


def alternate(visitor: Visitor, ports: list[int], count: int, *, start: int = 0) -> list[str]:
    return [
        visitor.sign_in(ports[n % len(ports)], email=f"guess{start + n}@example.org", password="x")
        for n in range(count)
    ]


def test_failed_sign_ins_on_one_process_count_on_another_and_survive_a_restart(
    production_env, tmp_path: Path
):
    first = gunicorn(env=production_env, log=tmp_path / "first.log")
    second = gunicorn(env=production_env, log=tmp_path / "second.log")
    try:
        all_answering(first, second)
        visitor = a_visitor()
        assert alternate(visitor, [first.port, second.port], 5) == ["failed"] * 5

        assert alternate(visitor, [second.port], 1, start=5) == ["refused"]

        assert second.stop() == 0
        second = gunicorn(env=production_env, log=tmp_path / "second-again.log")
        all_answering(second)
        assert alternate(visitor, [second.port, first.port], 2, start=6) == ["refused"] * 2
    finally:
        first.stop()
        second.stop()


def test_without_a_shared_cache_each_process_counts_alone(production_env, tmp_path: Path):
    """What production did before CACHE_URL: the sixth attempt reached a process that had seen
    only two, and a restart wiped the count."""
    local_memory = {k: v for k, v in production_env.items() if k != "CACHE_URL"}
    first = gunicorn(env=local_memory, log=tmp_path / "first.log")
    second = gunicorn(env=local_memory, log=tmp_path / "second.log")
    try:
        all_answering(first, second)
        visitor = a_visitor()
        alternate(visitor, [first.port, second.port], 5)

        assert alternate(visitor, [second.port], 1, start=5) == ["failed"]
    finally:
        first.stop()
        second.stop()
