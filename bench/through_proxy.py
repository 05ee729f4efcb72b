"""NataHjem's pages as a patient's phone gets them: through the production rehearsal (issue 16 §4).

    .venv/bin/python bench/through_proxy.py                       # 200 patients, 5 s a page, two runs
    .venv/bin/python bench/through_proxy.py --seconds 10 --runs 3 --write /tmp/proxy.md

Starts deploy/rehearsal.py (nginx with TLS, HTTP/2, gzip and brotli before two gunicorn nodes of two
workers, PostgreSQL, Redis), signs in 20 patients and 3 nurses through nginx, and reports for each page:

- CPU milliseconds in-process (bench/profile_page.py on the rehearsal's database, best of five rounds),
  and Python calls a request: the steadiest figures on a shared machine;
- bytes on the wire as nginx sends them to a browser that accepts gzip, and one that accepts brotli: the
  page's HTML, and the page with its CSS and JS (what a first visit downloads);
- wrk through nginx over TLS (2 threads, 20 connections, HTTP/1.1: wrk speaks no HTTP/2), sending
  Accept-Encoding "gzip, deflate, br" as browsers do: requests a second (each run, for the spread), p95,
  and each signed-in page's throughput as a share of the signed-in layout-only page (/emergency).

Prints a Markdown section (and writes it with --write). Not part of the test suite: it measures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess  # nosec B404
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import CONNECTIONS, machine, pages, user_file  # noqa: E402
from deploy.rehearsal import CURL, rehearsal  # noqa: E402
from webapp.bulk_seed import BENCH_PASSWORD, BENCH_TOTP_SECRET  # noqa: E402

# Benchmark users sign in twenty times from one address and post many reports: the limits are moved out
# of the way here, as bench/run.py does; production keeps its own.
BENCH_LIMITS = {name: "1000000 per minute" for name in (
    "LOGIN_RATE_LIMIT", "LOGIN_RATE_LIMIT_ADDRESS", "REPORT_RATE_LIMIT", "MESSAGE_RATE_LIMIT")}
# Patient pages that only read, besides those bench/run.py loads (their weight and CPU time).
MORE_PATIENT_PAGES = [
    {"name": "my doses (/injections/)", "path": "/injections/", "who": "patient", "target": "patient"},
    {"name": "symptom form (/symptoms/new)", "path": "/symptoms/new", "who": "patient", "target": "patient"},
    {"name": "pharmacy (/pharmacy/)", "path": "/pharmacy/", "who": "patient", "target": "patient"},
    {"name": "PML risk (/risk/)", "path": "/risk/", "who": "patient", "target": "patient"},
]
NURSE_PROFILE_USER = "nurse1.1@bench.example"


def sign_in(site, how_many: int) -> dict[str, list[tuple[str, str]]]:
    """(cookie, CSRF token) of signed-in patients, ready to log a dose (the check done), and nurses."""
    users: dict[str, list[tuple[str, str]]] = {"patient": [], "nurse": []}
    for n in range(how_many):
        browser = site.browser()
        browser.sign_in(f"patient{n + 1}@bench.example", BENCH_PASSWORD)
        token = browser.csrf("/injections/check")
        browser.request("POST", "/injections/check", {"csrf_token": token, "then": "log"})
        users["patient"].append((browser.cookie, browser.csrf("/injections/new")))
    for n in range(3):
        browser = site.browser()
        browser.sign_in(f"nurse1.{n + 1}@bench.example", BENCH_PASSWORD, BENCH_TOTP_SECRET)
        users["nurse"].append((browser.cookie, browser.csrf("/nurse/")))
    return users


def wire_bytes(site, cookie: str, path: str, encoding: str) -> tuple[int, int, int]:
    """(status, compressed bytes of the page, of the page with its CSS and JS) as nginx sends them to a
    browser whose Accept-Encoding is `encoding`. curl without --compressed counts the bytes as received."""
    def fetch(url_path: str, with_cookie: bool) -> tuple[int, int]:
        out = site.curl(url_path, "--http2", "-H", f"Accept-Encoding: {encoding}",
                        *(["-H", f"Cookie: {cookie}"] if with_cookie else []),
                        "-o", "/dev/null", "-w", "%{http_code} %{size_download}")
        code, size = out.split()
        return int(code), int(size)

    status, page = fetch(path, True)
    html = site.curl(path, "--http2", "-H", f"Cookie: {cookie}")
    assets = sum(fetch(asset, False)[1]
                 for asset in sorted(set(re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html))))
    return status, page, page + assets


def cpu_in_process(database_url: str, page: dict, requests: int) -> dict | None:
    """bench/profile_page.py on the rehearsal's database: GET pages only (it has no form to fill)."""
    if page.get("method", "GET") != "GET":
        return None
    user = NURSE_PROFILE_USER if page["who"] == "nurse" else "patient1@bench.example"
    path = page["path"]
    env = {**os.environ, "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "profile_page.py"), "--db", database_url,  # noqa: S603
                             "--user", user, "--requests", str(requests), "--json", path],
                            cwd=ROOT, env=env, capture_output=True, text=True, check=False)  # nosec B603
    line = next((line for line in reversed(result.stdout.splitlines()) if line.startswith("{")), None)
    if line is None:
        print(f"profile_page.py failed for {path}:\n{result.stderr[-2000:]}", flush=True)
        return None
    return json.loads(line)


def wrk(site, page: dict, users: list[tuple[str, str]], seconds: int) -> dict:
    out = tempfile.NamedTemporaryFile(suffix=".json", delete=False).name
    headers = [f"Host: {site.host}:{site.port}", "Accept-Encoding: gzip, deflate, br"]
    if page.get("method") == "POST":
        headers.append(f"Referer: {site.base_url}{page['path']}")  # as a browser sends on our own forms
    env = {**os.environ, "BENCH_USERS": user_file([f"{cookie}\t{csrf}" for cookie, csrf in users]),
           "BENCH_PATH": page["path"], "BENCH_METHOD": page.get("method", "GET"),
           "BENCH_BODY": page.get("body", ""), "BENCH_OUT": out, "BENCH_HEADERS": "\n".join(headers)}
    subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s",  # noqa: S603,S607
                    "-s", str(ROOT / "bench" / "wrk_script.lua"), f"https://127.0.0.1:{site.port}"],
                   env=env, check=True, capture_output=True)  # nosec B603 B607
    result = json.loads(Path(out).read_text())
    result["rps"] = result["requests"] / result["seconds"]
    return result


def measure(args) -> tuple[list[dict], dict]:
    folder = Path(tempfile.mkdtemp(prefix="natahjem-proxy-bench-"))
    try:
        with rehearsal(folder, patients=args.patients, clocks=0, **BENCH_LIMITS) as site:
            info = {"brotli": site.brotli, "http": site.curl("/healthz", "--http2", "-o", "/dev/null", "-w",
                                                            "%{http_version}")}
            users = sign_in(site, 20)
            chosen = pages(site.port)
            chosen[3:3] = MORE_PATIENT_PAGES  # after the start page, before the nurse pages and the writes
            results = []
            for page in chosen:
                row = {"name": page["name"], "path": page["path"], "who": page["who"], "target": page.get("target"),
                       "method": page.get("method", "GET"), "rps": [], "p95": []}
                cookie = users[page["who"]][0][0]
                if row["method"] == "GET":
                    status, row["gzip_page"], row["gzip_total"] = wire_bytes(site, cookie, page["path"], "gzip")
                    _s, row["br_page"], row["br_total"] = wire_bytes(site, cookie, page["path"], "br")
                    if status == 404:
                        continue
                    row["status"] = status
                row["cpu"] = cpu_in_process(site.database_url, page, args.requests)
                results.append(row)
            for run in range(args.runs):  # whole rounds, so that a busy spell spreads over every page
                for row, page in ((row, next(p for p in chosen if p["name"] == row["name"])) for row in results):
                    figures = wrk(site, page, users[page["who"]], args.seconds)
                    row["rps"].append(figures["rps"])
                    row["p95"].append(figures["p95"])
                    row.setdefault("bad", 0)
                    row["bad"] += figures["non2xx3xx"] + figures["errors"]
                    print(f"run {run + 1}: {row['name']}: {figures['rps']:.0f} req/s, p95 {figures['p95']:.1f} ms, "
                          f"non-2xx/3xx {figures['non2xx3xx']}, errors {figures['errors']}", flush=True)
            return results, info
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def checks(row: dict, layout: dict, bare: dict) -> str:
    """Issue 16 §4's targets: a patient page >= 60% of the layout-only page's throughput, the layout-only
    page >= 35% of the bare route, every page <= 15 KB compressed (HTML, CSS and JS, gzip)."""
    found = []
    if row is layout and bare:
        found.append(("35% of bare", median(row["rps"]) / median(bare["rps"]) >= 0.35))
    if row.get("target") == "patient" and layout:
        found.append(("60% of layout", median(row["rps"]) / median(layout["rps"]) >= 0.60))
    if "gzip_total" in row and row is not bare:
        found.append(("<= 15 KB", row["gzip_total"] <= 15 * 1024))
    return ", ".join(f"{name}: {'met' if ok else 'NOT met'}" for name, ok in found) or "-"


def weight(row: dict, kind: str) -> str:
    if kind + "_page" not in row:
        return "-"
    return f"{row[kind + '_page'] / 1024:.1f} / {row[kind + '_total'] / 1024:.1f}"


def report(results: list[dict], info: dict, args, load: str) -> str:
    bare = next((row for row in results if row["path"] == "/healthz"), None)
    layout = next((row for row in results if row["path"] == "/emergency"), None)
    lines = [
        f"## Through the rehearsal (nginx, TLS, compression): {dt.date.today().isoformat()}",
        "",
        f"`bench/through_proxy.py --patients {args.patients} --seconds {args.seconds} --runs {args.runs}` on "
        f"{machine()}; load average before: {load}. nginx (HTTP/{info['http']} to curl, brotli "
        f"{'on' if info['brotli'] else 'off'}), two gunicorn nodes of two sync workers, PostgreSQL, Redis. wrk: "
        f"2 threads, {CONNECTIONS} connections, HTTPS/1.1 with Accept-Encoding gzip, deflate, br. CPU ms: "
        "bench/profile_page.py in one process on the same database (GET pages; best of five rounds).",
        "",
        "| page | CPU ms in-process | Python calls | gzip KB page / with CSS+JS | brotli KB page / with CSS+JS "
        "| req/s (each run) | ratio to layout | p95 ms (worst run) | non-2xx/3xx | targets |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in results:
        cpu = row.get("cpu")
        ratio = f"{median(row['rps']) / median(layout['rps']):.0%}" if layout and row is not bare else "-"
        if row is bare and layout:
            ratio = f"layout is {median(layout['rps']) / median(bare['rps']):.0%} of bare"
        lines.append(
            f"| {row['name']} | {cpu['ms']:.2f} | {cpu['calls']} | {weight(row, 'gzip')} | {weight(row, 'br')} | "
            if cpu else f"| {row['name']} | - | - | {weight(row, 'gzip')} | {weight(row, 'br')} | ")
        lines[-1] += (f"{' / '.join(f'{rps:.0f}' for rps in row['rps'])} | {ratio} | {max(row['p95']):.1f} | "
                      f"{row.get('bad', 0)} | {checks(row, layout, bare)} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--patients", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--runs", type=int, default=2, help="wrk rounds over every page (their spread is shown)")
    parser.add_argument("--requests", type=int, default=300, help="requests a page for the in-process CPU time")
    parser.add_argument("--write", help="also write the Markdown section to this file")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: sudo apt-get install -y wrk")
    if not shutil.which(CURL) and not Path(CURL).exists():
        sys.exit("curl is missing")
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    results, info = measure(args)
    text = report(results, info, args, load)
    print(text)
    if args.write:
        Path(args.write).write_text(text)


if __name__ == "__main__":
    main()
