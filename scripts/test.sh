#!/usr/bin/env bash
# Install everything (scripts/setup.sh), then run every check and the whole test suite,
# stopping at the first failure:
#   ruff check, ruff format --check, mypy, lint-imports (the apps' layers, pyproject.toml),
#   makemigrations --check, check --deploy,
#   a demo smoke test (prepare a temporary demo database, serve it, fetch pages),
#   pytest on SQLite (all of tests/, browser tests included),
#   pytest on PostgreSQL (browser tests excluded),
#   the bench's smoke run on SQLite (every entry runs; how fast is not checked).
# Environment:
#   TAAVON_TEST_PG_URL  PostgreSQL URL for the second pass
#                       (default postgres://postgres@127.0.0.1:5432/postgres; pytest-django
#                       creates and drops the database test_<name>)
#   SKIP_PG=1           skip the PostgreSQL pass
#   PYTEST_ARGS="..."   extra arguments for both pytest passes (e.g. "-x -k dashboard")
#   KEEP_GOING=1        run every stage even after a failure (still exits non-zero)
set -euo pipefail
# shellcheck source=scripts/_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/_lib.sh"
cd "$REPO_ROOT"

T0=$SECONDS
STAGES=()
FAILED_STAGES=()
CURRENT=""
WORK="$(mktemp -d)"

print_summary() {
  echo
  echo "---- summary -------------------------------------------------------------"
  local line
  for line in "${STAGES[@]}"; do echo "  $line"; done
}

on_exit() {
  local rc=$?
  rm -rf "$WORK"
  if [ "$rc" -ne 0 ] && [ -n "$CURRENT" ]; then
    print_summary
    echo "test.sh: FAILED at stage '$CURRENT' (exit $rc) after $((SECONDS - T0))s"
  fi
  exit "$rc"
}
trap on_exit EXIT

# stage NAME COMMAND...: run one step in a subshell with errexit, time it, and stop at the
# first failure (or, with KEEP_GOING=1, note it and go on; the script still fails at the end).
stage() {
  local name="$1"
  shift
  CURRENT="$name"
  echo
  echo "==== [$name] $* ===="
  local start=$SECONDS rc=0
  set +e
  (
    set -e
    "$@"
  )
  rc=$?
  set -e
  local took=$((SECONDS - start))
  if [ "$rc" -eq 0 ]; then
    STAGES+=("$(printf 'ok     %5ss  %s' "$took" "$name")")
  else
    STAGES+=("$(printf 'FAILED %5ss  %s (exit %s)' "$took" "$name" "$rc")")
    FAILED_STAGES+=("$name")
    if [ "${KEEP_GOING:-0}" != "1" ]; then
      exit "$rc"
    fi
  fi
  CURRENT=""
}

# pytest_pass NAME LOGFILE ARGS...: exit code 5 (no tests collected) is a failure too.
pytest_pass() {
  local log="$1"
  shift
  local rc=0
  "$PY" -m pytest -p no:cacheprovider --durations=15 "$@" ${PYTEST_ARGS:-} 2>&1 | tee "$log" || rc=$?
  if [ "$rc" -eq 5 ]; then
    echo "pytest collected no tests: treated as a failure" >&2
  fi
  return "$rc"
}

pytest_outcome() { # the last '=== N passed ... ===' line of a pytest log, without the '='s
  grep -E '^=+ .*(passed|failed|errors?|skipped|deselected|no tests ran).* in [0-9.]+s.* =+$' "$1" \
    | tail -1 | sed -E 's/^=+ //; s/ =+$//'
}

# ---- stages --------------------------------------------------------------------------------

stage setup bash scripts/setup.sh
stage "ruff check" "$VENV/bin/ruff" check .
stage "ruff format --check" "$VENV/bin/ruff" format --check .
stage "mypy taavon" "$VENV/bin/mypy" taavon
stage "lint-imports" "$VENV/bin/lint-imports"
stage "makemigrations --check" env DJANGO_SETTINGS_MODULE=taavon.settings.test \
  "$PY" manage.py makemigrations --check --dry-run

deploy_check() {
  # The environment a production deployment sets (README: "Running in production").
  env -u DATABASE_URL DJANGO_SETTINGS_MODULE=taavon.settings.production \
    DJANGO_SECRET_KEY="ci-only-$(printf 'k%.0s' {1..60})-not-secret" \
    DJANGO_ALLOWED_HOSTS="taavon.example" \
    DJANGO_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend" \
    "$PY" manage.py check --deploy --fail-level WARNING
}
stage "check --deploy" deploy_check

demo_smoke() {
  local var_dir="$WORK/demo" port url code path
  mkdir -p "$var_dir"
  TAAVON_VAR_DIR="$var_dir" DEMO_NO_SERVE=1 TAAVON_SKIP_SETUP=1 bash scripts/demo.sh \
    >"$WORK/demo.log" 2>&1 || {
    cat "$WORK/demo.log"
    return 1
  }
  grep -q "Demo logins" "$WORK/demo.log" || {
    cat "$WORK/demo.log"
    echo "demo did not print the logins" >&2
    return 1
  }
  sed -n '/Demo logins/,$p' "$WORK/demo.log"
  port="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  url="http://127.0.0.1:$port"
  env -u DATABASE_URL TAAVON_VAR_DIR="$var_dir" DJANGO_SETTINGS_MODULE=taavon.settings.dev \
    "$PY" manage.py runserver "127.0.0.1:$port" --noreload >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do # up to a minute: system checks run first
    curl -fsS -o /dev/null "$url/" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.5
  done
  local failed=0
  for path in / /login/ /api/v1/openapi.json /static/taavon/css/app.css \
    "/static/vendor/vazirmatn/fonts/webfonts/Vazirmatn%5Bwght%5D.woff2"; do
    code="$(curl -sS -o /dev/null -w '%{http_code}' "$url$path" || echo 000)"
    echo "GET $path -> $code"
    [ "$code" = "200" ] || failed=1
  done
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  trap - EXIT
  if [ "$failed" -ne 0 ]; then
    echo "---- runserver log ----"
    cat "$WORK/server.log"
    return 1
  fi
}
stage "demo smoke" demo_smoke

pytest_sqlite() {
  # The in-memory SQLite database of taavon.settings.test; DATABASE_URL must not leak in.
  (
    unset DATABASE_URL
    pytest_pass "$WORK/pytest-sqlite.log"
  )
}
stage "pytest (SQLite)" pytest_sqlite

pg_local() {
  case "$1" in
  *@127.0.0.1[:/]* | *@localhost[:/]* | *@127.0.0.1 | *@localhost) return 0 ;;
  *) return 1 ;;
  esac
}

pg_prepare() {
  PG_URL="${TAAVON_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
  if ! command -v pg_isready >/dev/null 2>&1 || { pg_local "$PG_URL" && [ ! -d /etc/postgresql ]; }; then
    apt_ensure postgresql
  fi
  if ! pg_isready -q -d "$PG_URL"; then
    pg_local "$PG_URL" || die "PostgreSQL at $PG_URL is not reachable"
    local version
    version="$(ls /etc/postgresql | sort -V | tail -1)"
    log "starting PostgreSQL $version (cluster main)"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 60); do
      pg_isready -q -d "$PG_URL" && break
      sleep 0.5
    done
    pg_isready -d "$PG_URL" || die "PostgreSQL did not start"
  fi
  if ! psql -w -qAt -d "$PG_URL" -c 'select 1' >/dev/null 2>&1; then
    # A fresh Debian cluster asks for a password on 127.0.0.1: give the local postgres role one.
    if [ -z "${TAAVON_TEST_PG_URL:-}" ] && [ "$(id -u)" -eq 0 ] && command -v runuser >/dev/null 2>&1; then
      log "setting a password for the local postgres role (password authentication on 127.0.0.1)"
      runuser -u postgres -- psql -qc "ALTER ROLE postgres PASSWORD 'postgres'" >/dev/null
      PG_URL="postgres://postgres:postgres@127.0.0.1:5432/postgres"
    fi
    psql -w -qAt -d "$PG_URL" -c 'select 1' >/dev/null || die "cannot log in to PostgreSQL at $PG_URL"
  fi
  psql -w -qAt -d "$PG_URL" -c 'select version()'
  echo "$PG_URL" >"$WORK/pg_url"
}

pytest_postgres() {
  DATABASE_URL="$(cat "$WORK/pg_url")" pytest_pass "$WORK/pytest-postgres.log" -m "not browser"
}

if [ "${SKIP_PG:-0}" = "1" ]; then
  STAGES+=("skipped   PostgreSQL pass (SKIP_PG=1)")
else
  stage "PostgreSQL ready" pg_prepare
  stage "pytest (PostgreSQL)" pytest_postgres
fi

# Every bench entry must still run (bench/README.md); --smoke keeps it to about half a minute
# and writes no results file. A failing entry makes the bench exit non-zero.
stage "bench --smoke (SQLite)" "$PY" -m bench --scale small --smoke

# ---- summary -------------------------------------------------------------------------------
count() { # count WORD LOG...: sum of 'N WORD' over the final pytest lines of the logs
  local total=0 log n
  for log in "${@:2}"; do
    [ -f "$log" ] || continue
    n="$(pytest_outcome "$log" | grep -oE "[0-9]+ $1" | grep -oE '^[0-9]+' || true)"
    total=$((total + ${n:-0}))
  done
  echo "$total"
}
LOGS=("$WORK/pytest-sqlite.log" "$WORK/pytest-postgres.log")
print_summary
if [ -f "${LOGS[0]}" ]; then echo "  pytest (SQLite):     $(pytest_outcome "${LOGS[0]}")"; fi
if [ -f "${LOGS[1]}" ]; then echo "  pytest (PostgreSQL): $(pytest_outcome "${LOGS[1]}")"; fi
CURRENT=""
if [ "${#FAILED_STAGES[@]}" -gt 0 ]; then
  echo "test.sh: FAILED stages: ${FAILED_STAGES[*]} ($((SECONDS - T0))s)"
else
  echo "test.sh: OK, ${#STAGES[@]} stages in $((SECONDS - T0))s"
fi
FAILED_TESTS=$(($(count failed "${LOGS[@]}") + $(count error "${LOGS[@]}")))
echo "tests: $(count passed "${LOGS[@]}") passed, $FAILED_TESTS failed, $(count skipped "${LOGS[@]}") skipped"
[ "${#FAILED_STAGES[@]}" -eq 0 ]
