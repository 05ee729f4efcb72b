"""How long the hourly reminder job takes for a large clinic population (issue 12: "efficient enough
for 10,000 patients"). Seeds the benchmark data set (webapp/bulk_seed.py: 10,000 patients, 5 years of
history each), gives a tenth of them e-mail reminders, then runs the job at three moments of a day and
reports seconds and SQL statements per run.

    PYTHONPATH=. python bench/reminders_job.py [--patients 10000] [--years 5] [--postgres]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from contextlib import nullcontext
from datetime import UTC, datetime, timedelta

from sqlalchemy import event, insert, select
from sqlmodel import Session, SQLModel

from webapp import create_app
from webapp.bulk_seed import seed
from webapp.config import TestConfig
from webapp.models import NotificationPrefs, OutboxMessage, Reminder, User


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    if args.postgres:
        from tests.pgcluster import create_database, throwaway_cluster

        cluster = throwaway_cluster()
    else:
        cluster = nullcontext(None)
    with cluster as pg, tempfile.TemporaryDirectory() as folder:
        url = create_database(pg["base"], "bench_reminders") if pg else f"sqlite:///{folder}/bench.db"
        app = create_app(TestConfig, overrides={"DATABASE_URL": url})
        engine = app.extensions["db_engine"]
        SQLModel.metadata.create_all(engine)
        today = datetime.now(UTC).date()
        started = time.perf_counter()
        counts = seed(engine, app.extensions["passwords"], clinics=20, patients=args.patients, years=args.years,
                      today=today)
        print(f"seeded in {time.perf_counter() - started:.0f} s: {counts}")
        with engine.begin() as connection:
            users = connection.execute(select(User.id).where(User.role == "patient")).scalars().all()
            connection.execute(insert(NotificationPrefs), [{"user_id": uid, "email": True} for uid in users[::10]])
        statements = []
        event.listen(engine, "before_cursor_execute", lambda *a: statements.append(1))
        from webapp.checks import run_outreach

        base = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
        for hours in (0, 1, 2, 3, 24):
            statements.clear()
            with app.app_context(), Session(engine, expire_on_commit=False) as session:
                began, cpu = time.perf_counter(), time.process_time()
                written = run_outreach(session, base + timedelta(hours=hours))
                took, cpu = time.perf_counter() - began, time.process_time() - cpu
            print(f"run at +{hours:>2} h: {took:.2f} s ({cpu:.2f} s CPU in this process), {len(statements)} SQL "
                  f"statements, {written} reminders written")
        with Session(engine) as session:
            reminders = len(session.exec(select(Reminder.id)).all())
            messages = len(session.exec(select(OutboxMessage.id)).all())
        print(f"{args.patients} patients ({engine.dialect.name}): {reminders} reminders, {messages} outbox messages")
        engine.dispose()


if __name__ == "__main__":
    main()
