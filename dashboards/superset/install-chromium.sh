#!/usr/bin/env bash
# Installs what the dashboard screenshots need when absent: Debian's Chromium (and its driver) and a font
# with Chinese glyphs (without one every Chinese title renders as empty boxes). Needs apt-get and root
# (or sudo). Skips Chromium when it is on the PATH or LIANGSHAN_CHROMIUM is set, and the font when
# fontconfig already knows a Chinese font.
set -euo pipefail
packages=()
if [ -n "${LIANGSHAN_CHROMIUM:-}" ] && [ -x "$LIANGSHAN_CHROMIUM" ]; then
  echo "chromium: using $LIANGSHAN_CHROMIUM" >&2
elif command -v chromium >/dev/null 2>&1; then
  echo "chromium: already installed ($(chromium --version 2>/dev/null || echo chromium))" >&2
else
  packages+=(chromium chromium-driver)
fi
if command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family 2>/dev/null | head -n 1)" ]; then
  echo "chromium: Chinese font present ($(fc-list :lang=zh family | head -n 1))" >&2
else
  packages+=(fonts-noto-cjk)
fi
[ ${#packages[@]} -eq 0 ] && exit 0
command -v apt-get >/dev/null 2>&1 || { echo "chromium: no apt-get here; install ${packages[*]} by hand (and set LIANGSHAN_CHROMIUM)" >&2; exit 1; }
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
t0=$(date +%s)
echo "chromium: installing ${packages[*]} with apt-get" >&2
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${packages[@]}"
echo "chromium: installed ${packages[*]} in $(( $(date +%s) - t0 )) s" >&2
