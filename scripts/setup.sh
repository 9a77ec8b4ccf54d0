#!/usr/bin/env bash
# Install everything Taavon needs on Debian 12, idempotently:
#   - the Debian packages in apt-packages.txt (only the missing ones),
#   - a Python 3.12 virtualenv in .venv with `pip install -e ".[dev]"` (pinned in pyproject.toml),
#   - compiled translations (manage.py compilemessages).
# Run as root, or as a user with sudo. Safe to run again: it skips what is already done.
# TAAVON_FORCE_PIP=1 reinstalls the Python packages even when pyproject.toml has not changed.
set -euo pipefail
# shellcheck source=scripts/_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/_lib.sh"
cd "$REPO_ROOT"

# ---- Debian packages ---------------------------------------------------------------------
mapfile -t APT_PACKAGES < <(apt_package_list)
apt_ensure "${APT_PACKAGES[@]}"

# ---- Python 3.12 -------------------------------------------------------------------------
# usable PYTHON EXACT: PYTHON runs and is Python 3.12 (EXACT=1) or 3.12 and newer (EXACT=0).
usable() {
  [ -x "$1" ] || command -v "$1" >/dev/null 2>&1 || return 1
  "$1" - "$2" <<'PY' >/dev/null 2>&1
import sys
exact = sys.argv[1] == "1"
v = sys.version_info[:2]
sys.exit(0 if (v == (3, 12) if exact else v >= (3, 12)) else 1)
PY
}

find_python() {
  local candidate pyenv_root
  if usable python3.12 1; then
    command -v python3.12
    return 0
  fi
  pyenv_root="$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")"
  for candidate in "$pyenv_root"/versions/3.12.*/bin/python3.12 /root/.pyenv/versions/3.12.1/bin/python; do
    if usable "$candidate" 1; then
      echo "$candidate"
      return 0
    fi
  done
  if usable python3 0; then
    command -v python3
    return 0
  fi
  return 1
}

venv_ok() {
  [ -x "$PY" ] && usable "$PY" 0 && "$PY" -m pip --version >/dev/null 2>&1
}

if ! venv_ok; then
  PYTHON="$(find_python)" || die "Python 3.12 not found. Tried: python3.12 on PATH, \
\$(pyenv root)/versions/3.12.*/bin/python3.12, /root/.pyenv/versions/3.12.1/bin/python, python3 >= 3.12. \
Install Python 3.12 (e.g. 'pyenv install 3.12') and run this script again."
  log "creating .venv with $PYTHON ($("$PYTHON" --version 2>&1))"
  if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    # A Debian python3 (>= 3.12) without its venv module.
    apt_ensure "python3-venv"
  fi
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
fi

# ---- Python packages ---------------------------------------------------------------------
STAMP="$VENV/.taavon-setup-stamp"
want_stamp="$( (sha256sum pyproject.toml; "$PY" --version) | sha256sum | cut -d' ' -f1)"
if [ "${TAAVON_FORCE_PIP:-0}" = "1" ] || [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$want_stamp" ] \
  || [ ! -x "$VENV/bin/taavon" ]; then
  log "pip install -e \".[dev]\" into .venv ($("$PY" --version 2>&1))"
  "$PY" -m pip install --disable-pip-version-check -q -e ".[dev]"
  echo "$want_stamp" >"$STAMP"
else
  log "Python packages up to date (pyproject.toml unchanged since the last install)"
fi

# ---- Runtime directory ---------------------------------------------------------------------
# SQLite database, media and file SMS live here (gitignored). Settings other than dev do not
# create it, and Django's system checks open the default SQLite database.
mkdir -p "${TAAVON_VAR_DIR:-$REPO_ROOT/var}"

# ---- Translations ------------------------------------------------------------------------
if find taavon -name '*.po' -print -quit | grep -q .; then
  log "manage.py compilemessages"
  DJANGO_SETTINGS_MODULE=taavon.settings.test "$PY" manage.py compilemessages \
    --ignore=.venv --ignore=node_modules --ignore=var --ignore=artifacts -v 0
else
  log "no .po files yet; skipping compilemessages"
fi

log "setup done: $("$PY" --version 2>&1) in .venv; run 'bash scripts/demo.sh' or 'bash scripts/test.sh'"
