#!/usr/bin/env bash
# A web vulnerability scan with Debian's wapiti of a running development server (`make run`), signed in
# as the demo patient and then as the demo nurse, as in the security review of 2026-12 ("Wapiti").
# Not part of `make test`: wapiti is installed here, when missing, and only here.
#
#   scripts/wapiti.sh [BASE_URL]          # default http://127.0.0.1:5000 (make run); loopback only
#
#   SCANS="patient nurse"   which signed-in scans to run, in order
#   CRAWL_SECONDS=1200      wapiti's --max-scan-time, which in 3.0.4 bounds the crawl only
#   ATTACK_SECONDS=120      wapiti's --max-attack-time, per attack module (13 modules run)
#   A scan takes at most about CRAWL_SECONDS + 13 × ATTACK_SECONDS; the review's patient scan took 6 minutes.
#   OUT=wapiti-report       folder for the cookie files and the JSON reports (patient.json, nurse.json)
#
# The scan writes a lot into the server's database (the review's patient scan raised 1,156 flags): use a
# throwaway demo database, never one with real data. Sign-out and the password change page are left out:
# five wrong current passwords end every session of the user (security finding 20), which would end the
# scan's session.
set -euo pipefail

BASE=${1:-http://127.0.0.1:5000}
BASE=${BASE%/}
SCANS=${SCANS:-patient nurse}
CRAWL_SECONDS=${CRAWL_SECONDS:-1200}
ATTACK_SECONDS=${ATTACK_SECONDS:-120}
OUT=${OUT:-wapiti-report}
PYTHON=/usr/bin/python3  # Debian's wapiti is a Debian Python package

case "$BASE" in
  http://127.*|http://localhost[:/]*|http://localhost) ;;
  *) echo "scripts/wapiti.sh scans only a server on this machine (http://127.x.x.x or localhost), not $BASE" >&2
     exit 2 ;;
esac

if ! [ -d /usr/lib/python3/dist-packages/wapitiCore ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "wapiti is missing. Install it with:  sudo apt-get update && sudo apt-get install -y wapiti" >&2
    exit 1
  fi
  echo "installing Debian package: wapiti"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wapiti
fi

if ! curl -fsS -o /dev/null "$BASE/healthz"; then
  echo "No server answers at $BASE/healthz: start one first, e.g.  PORT=5000 make run" >&2
  exit 1
fi

mkdir -p "$OUT"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A patched copy of Debian's wapitiCore, used through PYTHONPATH; the installed package is left as it is.
# 1. Debian's wapiti 3.0.4 dies on Python 3.11 with any -x ("global flags not at the start of the
#    expression"): its crawler puts (?ms) at the end of a regular expression (the review's workaround).
# 2. It sends every field of a multipart form as a file part (filename="csrf_token"), so the app finds no
#    CSRF token and refuses the form before anything is tested: the photo forms (/messages/new, replies,
#    symptom photos) went untested, and its csrf module called them "not properly checked" (both requests
#    got the same 400). Plain fields go as fields, files as files.
# 3. Its wapp module downloads a technology list from the internet when it is built, even when not
#    chosen; this scan talks to the target only.
cp -r /usr/lib/python3/dist-packages/wapitiCore "$work/"
"$PYTHON" - "$work/wapitiCore" <<'PY'
import pathlib, sys

core = pathlib.Path(sys.argv[1])
patches = [
    ("net/crawler.py", "return re.compile(res + r'\\Z(?ms)')", "return re.compile(r'(?ms)' + res + r'\\Z')"),
    ("net/crawler.py", "file_params = form.post_params + form.file_params\n            post_params = []",
     "file_params = form.file_params\n            post_params = form.post_params"),
    ("attack/mod_wapp.py", "            print(_(\"Downloading from the web...\"))\n            self.update()",
     "            return  # no download: the scan talks to the target only"),
]
for name, old, new in patches:
    path = core / name
    text = path.read_text()
    if old in text:
        path.write_text(text.replace(old, new, 1))
    elif new not in text:
        sys.exit(f"cannot patch {path}: this is not Debian's wapiti 3.0.4; check scripts/wapiti.sh")
PY

wapiti() {
  PYTHONPATH="$work" "$PYTHON" -c \
    "import sys; sys.argv[0] = 'wapiti'; from wapitiCore.main.wapiti import wapiti_main; sys.exit(wapiti_main())" "$@"
}

# Signs in through the login form (CSRF token and all) and writes the session cookie in wapiti's
# cookie-file format.
cookie_file() {  # email password file
  "$PYTHON" - "$BASE" "$1" "$2" "$3" <<'PY'
import http.cookiejar, json, re, sys, urllib.error, urllib.parse, urllib.request

base, email, password, path = sys.argv[1:5]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
page = opener.open(base + "/auth/login").read().decode()
token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
form = urllib.parse.urlencode({"csrf_token": token, "email": email, "password": password}).encode()
try:
    opener.open(base + "/auth/login", data=form)
    sys.exit(f"sign-in as {email} was refused (is this a demo server with the demo passwords?)")
except urllib.error.HTTPError as answer:
    if answer.code != 302 or "/auth/login" in answer.headers.get("Location", ""):
        sys.exit(f"sign-in as {email} answered {answer.code}: is the account locked or the limit reached?")
session = next(c for c in jar if c.name == "natahjem_session")
host = urllib.parse.urlsplit(base).hostname
cookies = {host: {"/": {"natahjem_session": {"value": session.value, "version": 0, "expires": session.expires,
                                              "secure": False, "port": None}}}}
with open(path, "w") as out:
    json.dump(cookies, out)
PY
}

summary() {  # report.json
  "$PYTHON" - "$1" <<'PY'
import json, sys

report = json.load(open(sys.argv[1]))
found = {name: len(items) for name, items in report["vulnerabilities"].items() if items}
anomalies = {name: len(items) for name, items in report.get("anomalies", {}).items() if items}
print(f"  {sys.argv[1]}: vulnerabilities {found or 'none'}; anomalies {anomalies or 'none'}")
for name, items in report["vulnerabilities"].items():
    for item in items:
        print(f"    {name}: {item.get('path')} {item.get('info', '')[:100]}")
PY
}

for who in $SCANS; do
  case "$who" in
    patient) email=patient@example.org; password=patient-demo-2026; start="$BASE/"; scope=(--scope folder) ;;
    nurse) email=nurse@example.org; password=nurse-demo-2026; start="$BASE/nurse/"
           scope=(--scope domain --max-links-per-page 40) ;;
    *) echo "unknown scan $who (patient or nurse)" >&2; exit 2 ;;
  esac
  cookie_file "$email" "$password" "$OUT/cookie-$who.json"
  echo "== $who scan of $start (crawl at most ${CRAWL_SECONDS} s, then ${ATTACK_SECONDS} s per module)"
  wapiti -u "$start" "${scope[@]}" -c "$OUT/cookie-$who.json" \
    -x "$BASE/auth/logout" -x "$BASE/auth/password" \
    -m "common,crlf,csrf,methods,-ssrf" --flush-session \
    --max-scan-time "$CRAWL_SECONDS" --max-attack-time "$ATTACK_SECONDS" \
    -f json -o "$OUT/$who.json"
  summary "$OUT/$who.json"
done
