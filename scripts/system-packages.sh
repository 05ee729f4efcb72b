#!/usr/bin/env bash
# Makes sure the Debian packages the tests need are here: Chromium (browser tests), the
# PostgreSQL server (integration tests on a real PostgreSQL) and the Redis server (the shared rate-limit
# store the gunicorn tests start, tests/liveservers.py), nginx with its brotli module, openssl and curl (the
# production rehearsal, tests/rehearsal), Pango and HarfBuzz for WeasyPrint (the summary PDF,
# issue 15) and poppler-utils (pdftotext and pdftoppm read the PDF back in the tests). Installs them when run as root;
# otherwise stops with the exact command to run. No test is skipped for lack of them.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || missing+=(postgresql)
command -v runuser >/dev/null || missing+=(util-linux)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
# WeasyPrint loads these with ctypes at import (doc.courtbouillon.org/weasyprint, "Installation" / Debian).
for library in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; do
  dpkg-query -W -f='${Status}' "$library" 2>/dev/null | grep -q "install ok installed" || missing+=("$library")
done
command -v fc-list >/dev/null || missing+=(fontconfig)
compgen -G "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" >/dev/null || missing+=(fonts-dejavu-core)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
# The production rehearsal (deploy/rehearsal.py, tests/rehearsal): nginx with Debian's brotli module, a
# throwaway certificate from openssl, and curl to see HTTP/2 and the compressed bytes.
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -e /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] || missing+=(libnginx-mod-http-brotli-filter)
command -v openssl >/dev/null || missing+=(openssl)
command -v curl >/dev/null || missing+=(curl)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  # The packages' own services (nginx on port 80, the Debian PostgreSQL cluster, Redis) are never used, and
  # nginx's install fails when it cannot start on a busy port 80: no service starts while installing.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  # The Debian PostgreSQL cluster and Redis service are not used: the tests start their own private ones.
  exit 0
fi
echo "The tests need these Debian packages: ${missing[*]}" >&2
echo "Install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
exit 1
