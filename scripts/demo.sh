#!/usr/bin/env bash
# Install everything (scripts/setup.sh), then run the Taavon demo:
# migrate the SQLite database var/taavon.sqlite3, load the demo data, print the URLs and the
# demo logins, and serve on http://127.0.0.1:8000/ (Ctrl-C stops it).
#   DEMO_NO_SERVE=1      prepare the database and print the logins, but do not serve
#   DEMO_ADDRPORT=H:P    serve elsewhere (default 127.0.0.1:8000)
#   TAAVON_VAR_DIR=DIR   keep the SQLite database (and media) in DIR instead of var/
#   TAAVON_SKIP_SETUP=1  skip scripts/setup.sh (used by scripts/test.sh, which ran it already)
set -euo pipefail
# shellcheck source=scripts/_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/_lib.sh"
cd "$REPO_ROOT"

if [ "${TAAVON_SKIP_SETUP:-0}" != "1" ]; then
  bash scripts/setup.sh
fi

# The demo always runs on SQLite with the development settings.
unset DATABASE_URL
export DJANGO_SETTINGS_MODULE=taavon.settings.dev

args=(demo --addrport "${DEMO_ADDRPORT:-127.0.0.1:8000}")
if [ "${DEMO_NO_SERVE:-0}" = "1" ]; then
  args+=(--no-serve)
fi
log "manage.py ${args[*]}"
exec "$PY" manage.py "${args[@]}"
