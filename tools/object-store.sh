#!/usr/bin/env bash
# A local S3-compatible object store for the integration stage: moto's server (PyPI), in a cached virtualenv.
#
#   object-store.sh install             install moto[server] into the virtualenv (once)
#   object-store.sh server PORT         run the server in the foreground on 127.0.0.1:PORT (the tests start it)
#
# Environment (optional):
#   LIANGSHAN_MOTO_VENV   the virtualenv (default ~/.cache/liangshan/moto-<version>); reused when present
#   LIANGSHAN_PYTHON      the Python 3 used to make the virtualenv (default python3)
#
# moto keeps every object in memory and accepts any credentials: it stands in for S3, MinIO or a cloud's
# S3-compatible storage so that `--lakehouse s3a://...` runs for real in the tests. Never use it for data.
set -euo pipefail

MOTO_VERSION=5.2.6
VENV="${LIANGSHAN_MOTO_VENV:-$HOME/.cache/liangshan/moto-$MOTO_VERSION}"
PYTHON="${LIANGSHAN_PYTHON:-python3}"

say() { echo "object-store: $*" >&2; }
die() { echo "object-store: $*" >&2; exit 1; }

install() {
  if [ -x "$VENV/bin/moto_server" ] && [ -f "$VENV/.liangshan-installed" ]; then
    return 0
  fi
  command -v "$PYTHON" >/dev/null || die "no $PYTHON: install Python 3 (Debian: apt-get install python3 python3-venv) or set LIANGSHAN_PYTHON"
  say "installing moto[server] $MOTO_VERSION into $VENV (once)"
  rm -rf "$VENV"
  mkdir -p "$(dirname "$VENV")"
  "$PYTHON" -m venv "$VENV" || die "could not create a virtualenv with $PYTHON (Debian: apt-get install python3-venv)"
  "$VENV/bin/pip" install --quiet --upgrade pip
  "$VENV/bin/pip" install --quiet "moto[server]==$MOTO_VERSION"
  "$VENV/bin/python" -c 'import moto.server' || die "the installation in $VENV does not import; delete it and retry"
  touch "$VENV/.liangshan-installed"
  say "installed moto $MOTO_VERSION"
}

case "${1:-}" in
  install) install ;;
  server)
    [ -n "${2:-}" ] || die "usage: object-store.sh server PORT"
    install
    exec "$VENV/bin/moto_server" -H 127.0.0.1 -p "$2"
    ;;
  *) die "usage: object-store.sh install | server PORT" ;;
esac
