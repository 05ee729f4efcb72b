"""Where one page spends its time, in-process, without a server or a load generator.

    .venv/bin/python bench/profile_page.py --db sqlite:////tmp/bench.db /                  # patient1's start page
    .venv/bin/python bench/profile_page.py --db ... --user nurse1.1@bench.example /nurse/queue --top 30

Fill the database first (`APP_ENV=development DATABASE_URL=... flask --app webapp db-upgrade` and
`flask --app webapp seed-large --patients 1000`). Prints milliseconds per request (best of five
rounds), SQL statements and Python function calls per request, and with --top the functions that take
the most time. Function calls are the steadiest figure on a shared machine: compare them before and
after a change, then confirm with bench/run.py.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", default="/")
    parser.add_argument("--db", required=True, help="DATABASE_URL of a database filled by seed-large")
    parser.add_argument("--user", default="patient1@bench.example")
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--top", type=int, default=0, help="also list this many functions by own time "
                        "(PROFILE_SORT=cumulative in the environment: by time including the calls they make)")
    parser.add_argument("--sql", action="store_true", help="also print the SQL statements of one request")
    parser.add_argument("--json", action="store_true", help="print one JSON line instead (bench/through_proxy.py)")
    args = parser.parse_args()

    os.environ.update(APP_ENV="production", SECRET_KEY="profile-" + "x" * 40, DATABASE_URL=args.db,
                      LOGIN_RATE_LIMIT="1000000 per minute", WEB_CONCURRENCY="1",
                      APP_BASE_URL="http://localhost", PROXY_COUNT="0")  # one process
    from tests.querycount import count_queries
    from webapp import create_app
    from webapp.bulk_seed import BENCH_PASSWORD, BENCH_TOTP_SECRET

    app = create_app()
    app.config["SESSION_COOKIE_SECURE"] = False  # the test client speaks plain HTTP
    app.config["SESSION_COOKIE_NAME"] = "natahjem_session"  # a __Host- cookie needs https
    client = app.test_client()
    login = client.get("/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', login).group(1)
    answer = client.post("/auth/login", data={"email": args.user, "password": BENCH_PASSWORD, "csrf_token": token})
    if answer.status_code == 302 and answer.location.startswith("/auth/second-factor"):  # a nurse (finding 2)
        import pyotp

        step = client.get("/auth/second-factor").get_data(as_text=True)
        token = re.search(r'name="csrf_token" value="([^"]+)"', step).group(1)
        answer = client.post("/auth/second-factor", data={"csrf_token": token, "totp-submit": "1",
                                                          "totp-code": pyotp.TOTP(BENCH_TOTP_SECRET).now()})
    if answer.status_code != 302:
        sys.exit(f"could not sign in as {args.user}")
    status = client.get(args.path).status_code
    for _ in range(50):  # warm the caches: compiled statements, templates, catalogs
        client.get(args.path)

    rounds = 5
    per_round = max(1, args.requests // rounds)
    best = min(_timed(client, args.path, per_round) for _ in range(rounds))
    with count_queries(app.extensions["db_engine"]) as queries:
        client.get(args.path)
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(per_round):
        client.get(args.path)
    profile.disable()
    stats = pstats.Stats(profile)
    if args.json:
        print(json.dumps({"path": args.path, "user": args.user, "status": status, "ms": best * 1000,
                          "sql": len(queries), "calls": round(stats.total_calls / per_round)}))
        return
    print(f"{args.path} as {args.user}: status {status}, {best * 1000:.2f} ms a request (best of {rounds}), "
          f"{len(queries)} SQL statements, {stats.total_calls / per_round:.0f} Python calls")
    if args.sql:
        for statement in queries:
            print(" ".join(str(statement).split())[:300])
    if args.top:
        stats.sort_stats(os.environ.get("PROFILE_SORT", "tottime")).print_stats(args.top)


def _timed(client, path: str, requests: int) -> float:
    start = time.perf_counter()
    for _ in range(requests):
        client.get(path)
    return (time.perf_counter() - start) / requests


if __name__ == "__main__":
    main()
