"""Two clocks (one per machine) still run the daily checks once an hour (issue 16 §1): the clock's
`daily-checks --once-per-hour` claims the hour in clock_run, and a second claim of that hour skips.
The rehearsal (tests/rehearsal) starts two real clocks at once on PostgreSQL; this covers both databases.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from webapp.checks import STALE_CLAIM, claim_hour
from webapp.models import ClockRun

NOW = datetime(2026, 12, 3, 14, 5, tzinfo=UTC)


def run_clock(app, now: datetime) -> str:
    result = app.test_cli_runner().invoke(args=["daily-checks", "--once-per-hour", "--now", now.isoformat()])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_second_clock_in_the_same_hour_skips_and_the_next_hour_runs(app, db_session):
    assert run_clock(app, NOW).startswith("daily checks done")
    assert run_clock(app, NOW + timedelta(minutes=40)).startswith("daily checks skipped")
    assert run_clock(app, NOW + timedelta(hours=1)).startswith("daily checks done")
    runs = db_session.exec(select(ClockRun).order_by(ClockRun.hour)).all()
    assert [run.hour for run in runs] == ["2026-12-03T14", "2026-12-03T15"]
    assert all(run.finished_at is not None for run in runs)


def test_without_the_flag_the_checks_run_every_time(app):
    # By hand, the tests and `make run`: no claim, as before.
    for _ in range(2):
        result = app.test_cli_runner().invoke(args=["daily-checks", "--now", NOW.isoformat()])
        assert result.output.startswith("daily checks done")


def test_two_clocks_claiming_at_once_get_one_run(app):
    engine = app.extensions["db_engine"]
    start = threading.Barrier(2)
    won: list[bool] = []

    def clock(number: int) -> None:
        with Session(engine) as session:
            start.wait(timeout=30)
            won.append(claim_hour(session, NOW, f"clock-{number}"))

    threads = [threading.Thread(target=clock, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(won) == [False, True]


def test_a_clock_that_died_mid_run_leaves_the_hour_to_another_after_a_while(app, db_session):
    with Session(app.extensions["db_engine"]) as session:
        assert claim_hour(session, NOW, "died")  # never finished
        assert not claim_hour(session, NOW + STALE_CLAIM - timedelta(minutes=1), "too soon")
        assert claim_hour(session, NOW + STALE_CLAIM + timedelta(minutes=1), "takes over")
        assert not claim_hour(session, NOW + STALE_CLAIM + timedelta(minutes=2), "a third")
    assert db_session.get(ClockRun, "2026-12-03T14").runner == "takes over"
