"""A production rehearsal on real parts (issue 16 §1): nginx terminating TLS (a throwaway self-signed
certificate) with HTTP/2 and compression, in front of two gunicorn nodes started as the Procfile starts
them with production settings; a throwaway PostgreSQL cluster; Redis for the rate limits; the outbox worker;
two clocks; an SMTP server that keeps what it is sent.

    make rehearsal                      # the long form: python -m deploy.rehearsal; Ctrl-C stops it all
    python -m pytest tests/rehearsal -s # the short form's checks (in `make test`), with its figures

`rehearsal()` is also what tests/rehearsal/test_rehearsal.py (the short form, in `make test`) starts.
Every part runs on a free port in one temporary folder and is stopped at the end, even on failure.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import socket
import ssl
import subprocess  # nosec B404
import sys
import tempfile
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.http_browser import SESSION_COOKIES, Browser
from tests.liveservers import (
    ROOT,
    LiveServer,
    gunicorn_server,
    production_env,
    redis_server,
    release,
    stop,
    wait_until,
)
from tests.pgcluster import create_database, free_port, throwaway_cluster
from tests.smtp_mailbox import SmtpServer
from webapp.bulk_seed import BENCH_PASSWORD

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CURL = shutil.which("curl") or "/usr/bin/curl"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
HOST = "natahjem.rehearsal.test"  # the configured host: APP_BASE_URL, the certificate, nginx's server_name
WORKERS = 2  # gunicorn workers per node: two nodes of two on this 2-core machine


# ---------------------------------------------------------------- TLS and nginx
def make_certificate(folder: Path, host: str) -> None:
    """A throwaway self-signed certificate for the host, valid two days."""
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",  # noqa: S603,S607
                    "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem"), "-subj", f"/CN={host}",
                    "-addext", f"subjectAltName=DNS:{host}"], check=True, capture_output=True)  # nosec B603 B607


def brotli_available() -> bool:
    """The Debian module (libnginx-mod-http-brotli-filter) is there and nginx accepts it."""
    if not BROTLI_MODULE.exists():
        return False
    with tempfile.TemporaryDirectory() as folder:
        conf = Path(folder) / "t.conf"
        conf.write_text(f"load_module {BROTLI_MODULE};\nerror_log stderr;\npid {folder}/p;\nevents {{}}\n"
                        "http { brotli on; }\n")
        return subprocess.run([NGINX, "-t", "-q", "-p", folder, "-c", str(conf)],  # noqa: S603  # nosec B603
                              capture_output=True).returncode == 0


def nginx_config(folder: Path, port: int, host: str, nodes: list[int], brotli: bool) -> str:
    values = {
        "folder": str(folder), "port": str(port), "host": host,
        # As root, the workers run as root too: the temporary folder is private to the user that made it.
        "user": "user root;" if os.geteuid() == 0 else "",
        "load_brotli": f"load_module {BROTLI_MODULE};" if brotli else "",
        "brotli": ("brotli on; brotli_comp_level 5; brotli_types text/css application/javascript text/javascript "
                   "application/json application/manifest+json application/fhir+json image/svg+xml text/plain;"
                   if brotli else ""),
        "upstream": "\n        ".join(f"server 127.0.0.1:{node} max_fails=1 fail_timeout=5s;" for node in nodes),
    }
    text = (HERE / "nginx.conf.template").read_text()
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", value)
    return text


def tls_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


@contextlib.contextmanager
def nginx_server(folder: Path, host: str, nodes: list[int], port: int) -> Iterator[tuple[int, bool]]:
    """nginx in the foreground on the port APP_BASE_URL names; yields (port, brotli on)."""
    folder.mkdir(parents=True, exist_ok=True)
    make_certificate(folder, host)
    brotli = brotli_available()
    conf = folder / "nginx.conf"
    conf.write_text(nginx_config(folder, port, host, nodes, brotli))
    log = folder / "stderr.log"  # what nginx says before its error_log is open (a wrong directive)
    with log.open("ab") as out:
        # -e: the error log from the start, not Debian's /var/log/nginx (not writable when not root)
        process = subprocess.Popen([NGINX, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(conf)],  # noqa: S603  # nosec B603
                                   stdout=subprocess.DEVNULL, stderr=out, start_new_session=True)
    try:
        wait_until(lambda: tls_answers(port), f"nginx on port {port}", process=process, log=log)
        yield port, brotli
    finally:
        stop(process)


# ---------------------------------------------------------------- a client through the proxy
class TlsBrowser(Browser):
    """tests/http_browser.Browser over https through nginx, with the configured Host. The certificate is
    our own throwaway one, so it is trusted as the only authority (and its host name checked)."""

    def __init__(self, port: int, host: str, cafile: Path, forwarded_for: str | None = None):
        super().__init__(port)
        self.host = host
        self.context = ssl.create_default_context(cafile=str(cafile))
        self.forwarded_for = forwarded_for  # a forged X-Forwarded-For sent by this client
        self.headers: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None):
        conn = http.client.HTTPSConnection(self.host, self.port, timeout=60, context=self.context)
        # The name is ours, not in any DNS: connect to 127.0.0.1 but speak TLS (SNI, check) for the host.
        conn.sock = self.context.wrap_socket(socket.create_connection(("127.0.0.1", self.port), timeout=60),
                                             server_hostname=self.host)
        headers = {"Host": f"{self.host}:{self.port}"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if self.forwarded_for:
            headers["X-Forwarded-For"] = self.forwarded_for
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            # As a browser does on our own forms (Referrer-Policy: same-origin); Flask-WTF refuses a form
            # posted over https without a Referer from the same host (WTF_CSRF_SSL_STRICT).
            headers["Referer"] = f"https://{self.host}:{self.port}{path}"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        self.headers = {}
        for header, value in response.getheaders():
            self.headers[header.lower()] = value if header.lower() not in self.headers else \
                f"{self.headers[header.lower()]}, {value}"
            if header.lower() == "set-cookie" and value.split("=", 1)[0] in SESSION_COOKIES:
                self.cookie = value.split(";", 1)[0]
        conn.close()
        location = response.getheader("Location", "")
        base = f"https://{self.host}:{self.port}"
        if location.startswith(base):
            location = location[len(base):]
        return response.status, location, data.decode("utf-8", "replace")


# ---------------------------------------------------------------- the whole deployment
@dataclass
class Rehearsal:
    folder: Path
    host: str
    port: int  # nginx's https port
    brotli: bool
    nodes: list[LiveServer]
    env: dict[str, str]
    database_url: str
    redis_url: str
    smtp: SmtpServer
    pg: dict
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        return f"https://{self.host}:{self.port}"

    @property
    def cafile(self) -> Path:
        return self.folder / "nginx" / "cert.pem"

    def browser(self, forwarded_for: str | None = None) -> TlsBrowser:
        return TlsBrowser(self.port, self.host, self.cafile, forwarded_for)

    def curl(self, path: str, *args: str) -> str:
        """curl through nginx (HTTP/2 by ALPN when offered), trusting our certificate; returns stdout."""
        result = subprocess.run(  # noqa: S603  # nosec B603
            [CURL, "-sS", "--cacert", str(self.cafile), "--resolve", f"{self.host}:{self.port}:127.0.0.1",
             *args, f"{self.base_url}{path}"], check=True, capture_output=True, text=True, timeout=60)
        return result.stdout

    def start_process(self, name: str, command: list[str]) -> subprocess.Popen:
        log = self.folder / f"{name}.log"
        with log.open("ab") as out:
            process = subprocess.Popen(command, cwd=ROOT, env=self.env,  # noqa: S603  # nosec B603
                                       stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        self.processes[name] = process
        return process

    def log(self, name: str) -> str:
        path = self.folder / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""


def flask(env: dict, *args: str) -> str:
    return subprocess.run([str(BIN / "flask"), "--app", "webapp", *args], cwd=ROOT, env=env,  # noqa: S603
                          check=True, capture_output=True, text=True).stdout  # nosec B603


def seed(database_url: str, patients: int) -> None:
    """The schema and the benchmark's patients (patient<n>@bench.example), made in development mode, as
    seed-large refuses production; the nodes then run on it in production mode."""
    env = {**os.environ, "APP_ENV": "development", "DATABASE_URL": database_url}
    env.pop("TEST_DATABASE_URL", None)
    flask(env, "db-upgrade")
    flask(env, "seed-large", "--clinics", "1", "--patients", str(patients), "--years", "1")


@contextlib.contextmanager
def rehearsal(folder: Path, *, patients: int = 10, workers: int = WORKERS, clocks: int = 2,
              **settings: str) -> Iterator[Rehearsal]:
    """Start every part, in order, and stop every one at the end (the last started first)."""
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as parts:
        pg = parts.enter_context(throwaway_cluster())
        database_url = create_database(pg["base"], "natahjem")
        seed(database_url, patients)
        redis_url = parts.enter_context(redis_server(folder / "redis"))
        smtp = SmtpServer().start()
        parts.callback(smtp.stop)
        nginx_port = free_port()
        env = production_env(
            database_url, redis_url, folder,
            APP_BASE_URL=f"https://{HOST}:{nginx_port}", PROXY_COUNT="1",
            # The nodes answer their own address too: the readiness check asks each node directly.
            TRUSTED_HOSTS="127.0.0.1",
            WEB_CONCURRENCY=str(workers), SMTP_HOST="127.0.0.1", SMTP_PORT=str(smtp.port), SMTP_STARTTLS="false",
            MAIL_FROM="natahjem@rehearsal.test",
            PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}", **settings)
        release(env)
        nodes = [parts.enter_context(gunicorn_server(env, folder / f"node-{name}", workers=workers)) for name in "ab"]
        port, brotli = parts.enter_context(nginx_server(folder / "nginx", HOST, [node.port for node in nodes], nginx_port))
        deployment = Rehearsal(folder, HOST, port, brotli, nodes, env, database_url, redis_url, smtp, pg)

        def stop_processes():
            for process in reversed(list(deployment.processes.values())):
                stop(process)

        parts.callback(stop_processes)
        deployment.start_process("worker", [str(BIN / "flask"), "--app", "webapp", "worker"])
        for number in range(clocks):
            deployment.start_process(f"clock-{number + 1}", [str(ROOT / "scripts" / "clock.sh")])
        yield deployment


def main() -> None:  # pragma: no cover - the long form, run by hand (make rehearsal)
    import argparse
    import signal
    import threading

    parser = argparse.ArgumentParser(description="NataHjem's production rehearsal on real parts")
    parser.add_argument("--patients", type=int, default=50, help="benchmark patients to seed (patient<n>@bench.example)")
    parser.add_argument("--workers", type=int, default=WORKERS, help="gunicorn workers per node")
    parser.add_argument("--seconds", type=float, default=0, help="stop after this long (0: at Ctrl-C)")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="natahjem-rehearsal-"))
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    print(f"starting in {folder} ...", flush=True)
    with rehearsal(folder, patients=options.patients, workers=options.workers) as site:
        version = site.curl("/healthz", "--http2", "-o", "/dev/null", "-w", "%{http_version}")
        print(f"""
NataHjem rehearsal: {site.base_url}  (HTTP/{version}, brotli {"on" if site.brotli else "off"})
  nodes      {", ".join(f"127.0.0.1:{node.port}" for node in site.nodes)}
  database   {site.database_url}
  redis      {site.redis_url}
  smtp       127.0.0.1:{site.smtp.port} (kept in memory)
  logs       {folder}
  sign in    patient1@bench.example / {BENCH_PASSWORD}
  try        curl --cacert {site.cafile} --resolve {site.host}:{site.port}:127.0.0.1 --http2 -I {site.base_url}/auth/login
The checks: python -m pytest tests/rehearsal -s (they start their own). Ctrl-C stops every part.
""", flush=True)
        try:
            done.wait(options.seconds or None)
        except KeyboardInterrupt:
            pass
    shutil.rmtree(folder, ignore_errors=True)
    print("stopped")


if __name__ == "__main__":  # pragma: no cover
    main()
