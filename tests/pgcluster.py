"""A private, throwaway PostgreSQL cluster in a temporary folder, on a free port (tests and bench).

initdb and pg_ctl refuse to run as root, so as root they run as the `postgres` user.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess  # nosec B404
import tempfile
from pathlib import Path


class PostgresMissing(RuntimeError):
    pass


def pg_bin() -> str:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not found:
        raise PostgresMissing("PostgreSQL server binaries are missing: run `sudo apt-get install -y postgresql` "
                              "(make test installs them when run as root)")
    return str(Path(found[-1]).parent)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(*cmd: str) -> None:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run(prefix + list(cmd), check=True, capture_output=True, text=True)  # noqa: S603  # nosec B603


@contextlib.contextmanager
def throwaway_cluster(*, durable: bool = False, extra: str = ""):
    """Yields {"port", "url", "base"}. `durable=False` turns off fsync for speed (tests only)."""
    pgbin = pg_bin()
    tmp = tempfile.mkdtemp(prefix="natahjem-pg-")
    if os.geteuid() == 0:
        shutil.chown(tmp, "postgres", "postgres")
    data = f"{tmp}/data"
    port = free_port()
    options = f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c max_connections=200 {extra}"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    _as_postgres(f"{pgbin}/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale")
    _as_postgres(f"{pgbin}/pg_ctl", "-D", data, "-l", f"{tmp}/server.log", "-w", "-o", options, "start")
    try:
        yield {"port": port, "url": f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres",
               "base": f"postgresql+psycopg://postgres@127.0.0.1:{port}", "data": data, "pgbin": pgbin,
               "options": options, "log": f"{tmp}/server.log"}
    finally:
        _as_postgres(f"{pgbin}/pg_ctl", "-D", data, "-m", "fast", "-w", "stop")
        shutil.rmtree(tmp, ignore_errors=True)


def stop_cluster(cluster: dict) -> None:
    """Stop a running throwaway cluster (a database outage); start_cluster brings it back as it was."""
    _as_postgres(f"{cluster['pgbin']}/pg_ctl", "-D", cluster["data"], "-m", "fast", "-w", "stop")


def start_cluster(cluster: dict) -> None:
    _as_postgres(f"{cluster['pgbin']}/pg_ctl", "-D", cluster["data"], "-l", cluster["log"], "-w", "-o",
                 cluster["options"], "start")


def create_database(base_url: str, name: str) -> str:
    from sqlalchemy import create_engine, text

    admin = create_engine(f"{base_url}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"{base_url}/{name}"
