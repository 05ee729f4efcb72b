#!/usr/bin/env bash
# The Procfile's clock process: run the date-driven checks every hour. They are idempotent, so a
# restart or an extra run raises no flag twice. --once-per-hour: with a clock on each of two machines, the
# first to claim the hour (a clock_run row) runs the checks and the other skips it.
set -u
while true; do
  flask --app webapp daily-checks --once-per-hour || echo "daily-checks failed; trying again next hour" >&2
  sleep 3600
done
