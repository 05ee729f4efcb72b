#!/usr/bin/env bash
# The Procfile's clock process: run the date-driven checks every hour. They are idempotent, so a
# restart or an extra run raises no flag twice.
set -u
while true; do
  flask --app webapp daily-checks || echo "daily-checks failed; trying again next hour" >&2
  sleep 3600
done
