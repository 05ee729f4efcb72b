"""Flask CLI commands: database migrations, demo data, translations."""

from __future__ import annotations

# subprocess runs pybabel for the translate commands only, with arguments fixed in this file.
import subprocess  # nosec B404
import sys
from pathlib import Path

import click
from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlmodel import Session, select

from .config import ConfigError, is_production

ROOT = Path(__file__).resolve().parent.parent


def alembic_config(database_url: str) -> AlembicConfig:
    config = AlembicConfig(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.attributes["database_url"] = database_url
    return config


def upgrade_database(app) -> None:
    command.upgrade(alembic_config(app.config["DATABASE_URL"]), "head")


def refuse_demo_accounts(app) -> None:
    """Production refuses to start while a demo account still has its published password."""
    from .demo import ACCOUNTS
    from .models import User

    try:
        with Session(app.extensions["db_engine"]) as session:
            users = session.exec(select(User).where(User.email.in_([a[0] for a in ACCOUNTS]))).all()
    except (OperationalError, ProgrammingError):
        return  # no tables yet: the release step has not migrated; nothing to check
    by_email = {a[0]: a[5] for a in ACCOUNTS}
    passwords = app.extensions["passwords"]
    for user in users:
        if passwords.verify(user.password_hash, by_email[user.email]):
            raise ConfigError(f"demo account {user.email} with its demo password exists in production")


def init_app(app) -> None:
    @app.cli.command("db-upgrade")
    def db_upgrade():
        """Migrate the database to the newest schema (Alembic)."""
        upgrade_database(app)
        click.echo("database is up to date")

    @app.cli.command("daily-checks")
    @click.option("--now", "now_text", default=None, help="ISO date-time to run as (tests, catching up)")
    @click.option("--once-per-hour", is_flag=True,
                  help="the clock's way: skip when another clock already ran (or is running) this hour")
    def daily_checks(now_text, once_per_hour):
        """Raise the date-driven flags (overdue doses, supply, monitoring); safe to run again."""
        import os
        import socket
        from datetime import UTC, datetime

        from .checks import claim_hour, clock_hour, finish_hour, run_daily_checks, run_outreach

        now = datetime.fromisoformat(now_text) if now_text else datetime.now(UTC)
        if now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
        from .auth.accounts import forget_old_login_attempts

        with Session(app.extensions["db_engine"]) as session:
            if once_per_hour and not claim_hour(session, now, f"{socket.gethostname()}:{os.getpid()}"):
                click.echo(f"daily checks skipped: another clock has the hour {clock_hour(now)}:00 UTC")
                return
            raised = run_daily_checks(session, now)
            written = run_outreach(session, now)
            forgotten = forget_old_login_attempts(session, now)  # retention (security finding 18)
            session.commit()
            if once_per_hour:
                finish_hour(session, now, datetime.now(UTC))
        click.echo(f"daily checks done: {raised} new flags, {written} reminders and messages, "
                   f"{forgotten} old login attempts deleted")

    @app.cli.command("vapid-keys")
    def vapid_keys():
        """Print a new VAPID key pair for Web Push, to paste into the environment (issue 12)."""
        from .notify.push import new_key_pair

        private, public = new_key_pair()
        click.echo("# Web Push keys for NataHjem. Keep the private key secret; changing the pair means every")
        click.echo("# device must turn notifications on again.")
        click.echo(f"VAPID_PRIVATE_KEY={private}")
        click.echo(f"VAPID_PUBLIC_KEY={public}")
        click.echo(f"VAPID_SUBJECT={app.config.get('VAPID_SUBJECT') or 'mailto:' + app.config['MAIL_FROM']}")

    @app.cli.command("demo-data")
    def demo_data():
        """Load the demo clinics, accounts and history (demo mode only)."""
        from .demo import load_demo_data

        if not app.config.get("DEMO_MODE"):
            raise click.ClickException("demo data is only for demo mode (APP_ENV=development)")
        with Session(app.extensions["db_engine"]) as session:
            created = load_demo_data(session, app.extensions["passwords"])
        click.echo("demo data loaded" if created else "demo data already present")

    @app.cli.command("api-token")
    @click.option("--clinic", "clinic_id", type=int, help="the clinic whose patients a new token may read")
    @click.option("--label", default="", help="which record system holds it, e.g. 'DIPS Arena'")
    @click.option("--list", "listing", is_flag=True, help="list the tokens (id, clinic, label, made, revoked)")
    @click.option("--revoke", "revoke_id", type=int, help="stop the token with this id")
    def api_token(clinic_id, label, listing, revoke_id):
        """Print a new read-only FHIR API token for one clinic, once: only its hash is kept (issue 15).
        --list shows the tokens, --revoke ID stops one."""
        from datetime import UTC, datetime

        from .fhir.tokens import api_tokens, new_api_token, revoke_api_token

        with Session(app.extensions["db_engine"]) as session:
            if listing:
                for row in api_tokens(session):
                    revoked = row.revoked_at.isoformat(timespec="minutes") if row.revoked_at else "-"
                    click.echo(f"{row.id}\tclinic {row.clinic_id}\t{row.label or '-'}\t"
                               f"{row.created_at.isoformat(timespec='minutes')}\trevoked {revoked}")
                return
            try:
                if revoke_id is not None:
                    row = revoke_api_token(session, revoke_id, datetime.now(UTC))
                    click.echo(f"API token {row.id} (clinic {row.clinic_id}) is revoked")
                    return
                if clinic_id is None:
                    raise click.UsageError("give --clinic N for a new token, or --list, or --revoke ID")
                token = new_api_token(session, clinic_id, label)
            except LookupError as missing:
                raise click.ClickException(str(missing)) from None
        click.echo(token)

    @app.cli.command("seed-large")
    @click.option("--clinics", default=20, show_default=True)
    @click.option("--patients", default=10_000, show_default=True)
    @click.option("--years", default=5, show_default=True)
    def seed_large(clinics, patients, years):
        """Fill an empty database with a large realistic data set (benchmarks; never in production)."""
        import time
        from datetime import UTC, datetime

        from .bulk_seed import seed

        if is_production(app.config):
            raise click.ClickException("seed-large is for benchmark databases, never production")
        started = time.perf_counter()
        counts = seed(app.extensions["db_engine"], app.extensions["passwords"], clinics=clinics, patients=patients,
                      years=years, today=datetime.now(UTC).date())
        click.echo(f"seeded in {time.perf_counter() - started:.1f} s: " + ", ".join(f"{k} {v}" for k, v in counts.items()))

    @app.cli.group()
    def translate():
        """Extract, update and compile the gettext catalogs (pybabel)."""

    def pybabel(*args: str) -> None:
        subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT)  # noqa: S603  # nosec B603

    @translate.command()
    def update():
        """Extract marked strings and merge them into every catalog."""
        pybabel("extract", "-F", "babel.cfg", "-k", "_l", "-o", "messages.pot", ".")
        pybabel("update", "-i", "messages.pot", "-d", "translations", "--no-fuzzy-matching")
        (ROOT / "messages.pot").unlink()

    @translate.command()
    def compile():  # noqa: A001 - the pybabel word
        """Compile the catalogs (.po → .mo)."""
        pybabel("compile", "-d", "translations", "--statistics")
