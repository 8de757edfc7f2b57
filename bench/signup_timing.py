"""Time sign-ups with a new email address against sign-ups with one that already has an account.

Usage: .venv/bin/python bench/signup_timing.py [--requests N] [--database-url URL]

Builds a throwaway database (SQLite in a temporary folder unless --database-url is given),
migrates it and makes N accounts. Then it posts the sign-up form 2 x N times through Django's test
client (the whole Django stack, no network, the real password hasher of `commons.settings.dev`,
emails kept in memory), alternating a new address with a taken one so that a busy machine slows
both alike, each from its own client address so allauth's sign-up limit never answers instead.
Prints the median and 95th percentile of each. The two should match (issue #13, item 6): a
quicker answer for a taken address tells anyone which addresses have accounts. Nothing here
asserts a time: the figures go in BENCHMARKS.md.
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from bench.timing import median_and_p95, throwaway_django  # noqa: E402


def answers(username: str, email: str) -> dict[str, str]:
    return {
        "email": email,
        "username": username,
        "password1": "a-longer-secret-9",
        "password2": "a-longer-secret-9",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20, help="sign-ups timed on each path")
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    database = throwaway_django(args.database_url)
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.test import Client

    from community.models import User

    # One taken address per timed request: allauth mails a taken address at most once in three
    # minutes, so reusing one would time a cheaper, throttled path.
    password = make_password("an-existing-secret-1")
    owners = User.objects.bulk_create(
        User(username=f"owner{n}", email=f"owner{n}@example.org", password=password)
        for n in range(args.requests + 1)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in owners
    )

    paths = {"new address": [], "taken address": []}
    for number in range(args.requests + 1):  # the first round warms caches and lazy imports
        for path, username, email in (
            ("new address", f"newcomer{number}", f"newcomer{number}@example.org"),
            ("taken address", f"again{number}", f"owner{number}@example.org"),
        ):
            client = Client(REMOTE_ADDR=f"10.{number // 250}.{number % 250}.{len(path)}")
            started = time.perf_counter()
            response = client.post("/accounts/signup/", answers(username, email))
            elapsed = (time.perf_counter() - started) * 1000
            if response.status_code != 302:
                errors = getattr(response.context, "get", lambda _: None)("form")
                raise SystemExit(
                    f"sign-up with {email} answered {response.status_code}: "
                    f"{errors.errors if errors else response.content[:300]}"
                )
            if number:
                paths[path].append(elapsed)

    print(
        f"data: {User.objects.count()} accounts at the end; "
        f"database: {database}; "
        f"{args.requests} sign-ups a path, alternating; hasher: "
        f"{make_password('x').split('$', 1)[0]}"
    )
    print(f"{'path':16} {'median ms':>10} {'p95 ms':>8}")
    for path, timings in paths.items():
        median, p95 = median_and_p95(timings)
        print(f"{path:16} {median:10.1f} {p95:8.1f}")


if __name__ == "__main__":
    main()
