#!/usr/bin/env bash
# A local Apache Superset for development and CI.
#
#   superset.sh install            install apache-superset and the trino dialect into a cached virtualenv
#   superset.sh start [--port P]   install if needed, initialise the instance (once) and start it in the background
#   superset.sh stop               stop the instance started by `start`
#   superset.sh status             say whether it answers
#
# Environment (all optional):
#   LIANGSHAN_SUPERSET_VENV     the virtualenv (default ~/.cache/liangshan/superset-6.1.0); reused when present
#   LIANGSHAN_SUPERSET_HOME     the instance: SQLite metadata, secret key, config, log, pid
#                               (default ~/.cache/liangshan/superset-home)
#   LIANGSHAN_SUPERSET_PORT     port on 127.0.0.1 (default 8088)
#   LIANGSHAN_SUPERSET_USER     admin user created on first start (default admin)
#   LIANGSHAN_SUPERSET_PASSWORD its password (required on first start; never stored in the repository)
#   LIANGSHAN_PYTHON            the Python 3.10-3.12 used to make the virtualenv (default python3)
#
# The metadata database is SQLite, the secret key is generated once per instance, and because the
# instance serves plain HTTP on loopback, Talisman is off and the session cookie is not marked Secure.
#
# Secrets: the admin password reaches `superset fab create-admin` through its environment (click reads the
# option from FLASK_FAB_CREATE_ADMIN_PASSWORD), never its command line, where `ps` would show it to every
# user. Everything the script creates (instance directory, secret key, config, SQLite metadata, logs) is
# owner-only: umask 077, and an existing instance is tightened on every start.
set -euo pipefail
umask 077

SUPERSET_VERSION=6.1.0
VENV="${LIANGSHAN_SUPERSET_VENV:-$HOME/.cache/liangshan/superset-$SUPERSET_VERSION}"
INSTANCE="${LIANGSHAN_SUPERSET_HOME:-$HOME/.cache/liangshan/superset-home}"
PORT="${LIANGSHAN_SUPERSET_PORT:-8088}"
ADMIN="${LIANGSHAN_SUPERSET_USER:-admin}"
PYTHON="${LIANGSHAN_PYTHON:-python3}"
# Packages Superset imports but its wheel does not declare (6.1.0: "No module named 'rich'", then 'cachetools'
# on the first database import), and a pin: with
# Flask-Caching 2.5 the metastore cache fails ("unexpected keyword argument 'ignore_delete_many_errors'").
EXTRA_PACKAGES=(rich cachetools "flask-caching==2.3.1")

say() { echo "superset: $*" >&2; }
die() { echo "superset: $*" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

install() {
  if [ -x "$VENV/bin/superset" ] && [ -f "$VENV/.liangshan-installed" ]; then
    return 0
  fi
  command -v "$PYTHON" >/dev/null || die "no $PYTHON: install Python 3.10-3.12 (Debian: apt-get install python3 python3-venv) or set LIANGSHAN_PYTHON"
  local t0; t0="$(now)"
  say "installing apache-superset $SUPERSET_VERSION and trino into $VENV (once; a few minutes)"
  rm -rf "$VENV"
  mkdir -p "$(dirname "$VENV")"
  "$PYTHON" -m venv "$VENV" || die "could not create a virtualenv with $PYTHON (Debian: apt-get install python3-venv)"
  "$VENV/bin/pip" install --quiet --upgrade pip setuptools wheel
  "$VENV/bin/pip" install --quiet "apache-superset==$SUPERSET_VERSION" trino "${EXTRA_PACKAGES[@]}"
  "$VENV/bin/python" -c 'import superset, trino.sqlalchemy' || die "the installation in $VENV does not import; delete it and retry"
  touch "$VENV/.liangshan-installed"
  say "installed in $(since "$t0") s"
}

write_config() {
  mkdir -p "$INSTANCE"
  # An instance made by an earlier version (default umask) is made owner-only too.
  chmod 700 "$INSTANCE"
  find "$INSTANCE" -maxdepth 1 -type f -exec chmod 600 {} +
  if [ ! -s "$INSTANCE/secret_key" ]; then
    (umask 077; "$VENV/bin/python" -c 'import secrets; print(secrets.token_urlsafe(48))' >"$INSTANCE/secret_key")
  fi
  cat >"$INSTANCE/superset_config.py" <<'EOF'
# Written by dashboards/superset/superset.sh: a local instance on loopback over plain HTTP.
import os

_HOME = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(_HOME, "secret_key")) as f:
    SECRET_KEY = f.read().strip()
SQLALCHEMY_DATABASE_URI = "sqlite:///" + os.path.join(_HOME, "superset.db") + "?check_same_thread=false"
# Plain HTTP on 127.0.0.1: no HTTPS redirects or HSTS, and the session cookie must travel without TLS.
TALISMAN_ENABLED = False
SESSION_COOKIE_SECURE = False
SESSION_COOKIE_SAMESITE = "Lax"
WTF_CSRF_ENABLED = True
# One process, no Celery: results and thumbnails are not cached between workers.
CACHE_CONFIG = {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 300}
DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
FEATURE_FLAGS = {"DASHBOARD_RBAC": False}
BABEL_DEFAULT_LOCALE = "zh"
LANGUAGES = {"zh": {"flag": "cn", "name": "Chinese"}, "en": {"flag": "us", "name": "English"}}
SUPERSET_WEBSERVER_TIMEOUT = 120
SQLLAB_TIMEOUT = 120
RATELIMIT_ENABLED = False
EOF
}

superset_cmd() {
  SUPERSET_CONFIG_PATH="$INSTANCE/superset_config.py" FLASK_APP=superset \
    "$VENV/bin/superset" "$@"
}

initialise() {
  if [ -f "$INSTANCE/.initialised" ]; then
    return 0
  fi
  [ -n "${LIANGSHAN_SUPERSET_PASSWORD:-}" ] || die "set LIANGSHAN_SUPERSET_PASSWORD: the password of the admin user '$ADMIN' created on first start"
  local t0; t0="$(now)"
  say "initialising the instance in $INSTANCE (metadata database, admin '$ADMIN', roles)"
  superset_cmd db upgrade >>"$INSTANCE/init.log" 2>&1 || die "superset db upgrade failed; see $INSTANCE/init.log"
  # The password goes through the environment of this one command (export is a shell builtin: no argv).
  ( export FLASK_FAB_CREATE_ADMIN_PASSWORD="$LIANGSHAN_SUPERSET_PASSWORD"
    superset_cmd fab create-admin --username "$ADMIN" --firstname Liangshan --lastname Admin \
      --email "$ADMIN@localhost" >>"$INSTANCE/init.log" 2>&1 </dev/null ) \
    || die "creating the admin failed; see $INSTANCE/init.log"
  grep -q "Admin User $ADMIN created" "$INSTANCE/init.log" || die "superset did not report the admin '$ADMIN' created; see $INSTANCE/init.log"
  superset_cmd init >>"$INSTANCE/init.log" 2>&1 || die "superset init failed; see $INSTANCE/init.log"
  touch "$INSTANCE/.initialised"
  say "initialised in $(since "$t0") s"
}

answers() {
  curl -fsS --max-time 3 "http://127.0.0.1:$PORT/health" 2>/dev/null | grep -q OK
}

running_pid() {
  [ -f "$INSTANCE/superset.pid" ] || return 1
  local pid; pid="$(cat "$INSTANCE/superset.pid")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

start() {
  install
  write_config
  initialise
  if running_pid >/dev/null; then
    answers && { say "already running on http://127.0.0.1:$PORT (pid $(running_pid))"; return 0; }
  fi
  if answers; then
    die "something else already answers on port $PORT; choose another with --port"
  fi
  local t0; t0="$(now)"
  say "starting on http://127.0.0.1:$PORT (log: $INSTANCE/superset.log)"
  # setsid: its own process group, so stop ends the server and its reloader children together.
  # REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE, when set, override the trino driver's `verify` (requests prefers
  # them to the session's setting), so the CA bundle the database entry names (the local Trino's own
  # certificate) would be replaced by another and the verified connection refused: unset them.
  env -u REQUESTS_CA_BUNDLE -u CURL_CA_BUNDLE SUPERSET_CONFIG_PATH="$INSTANCE/superset_config.py" FLASK_APP=superset \
    setsid "$VENV/bin/superset" run -h 127.0.0.1 -p "$PORT" --with-threads \
    >>"$INSTANCE/superset.log" 2>&1 </dev/null &
  echo $! >"$INSTANCE/superset.pid"
  for _ in $(seq 1 240); do
    if answers; then
      say "ready on http://127.0.0.1:$PORT in $(since "$t0") s"
      return 0
    fi
    running_pid >/dev/null || die "Superset exited while starting; last lines of $INSTANCE/superset.log:
$(tail -n 20 "$INSTANCE/superset.log")"
    sleep 0.5
  done
  die "Superset did not answer on port $PORT within 120 s; see $INSTANCE/superset.log"
}

stop() {
  local pid
  if pid="$(running_pid)"; then
    kill -- "-$pid" 2>/dev/null || kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 -- "-$pid" 2>/dev/null || true
    say "stopped (pid $pid)"
  else
    say "not running"
  fi
  rm -f "$INSTANCE/superset.pid"
}

status() {
  if answers; then
    say "running on http://127.0.0.1:$PORT${LIANGSHAN_SUPERSET_HOME:+ (instance $INSTANCE)}"
  else
    say "not answering on port $PORT"
    return 3
  fi
}

command="${1:-}"
shift || true
while [ $# -gt 0 ]; do
  case "$1" in
    --port) PORT="$2"; shift 2 ;;
    --home) INSTANCE="$2"; shift 2 ;;
    *) die "unknown option $1 (options: --port P, --home DIR)" ;;
  esac
done
case "$command" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  -h|--help|help|"") sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command $command (install, start, stop, status)" ;;
esac
