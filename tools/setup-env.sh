#!/usr/bin/env bash
# Prepare a Debian/Ubuntu machine for PTDS Desktop: the system libraries Qt and the tests need,
# a virtual environment in .venv, and the package installed in it (editable, with test extras).
# Safe to run again: every step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

# Libraries Qt's xcb and offscreen platforms load, the tools the tests call (pdftotext, xvfb-run; LibreOffice
# headless to open every Word and Excel file the app writes, with the metric twin of Times New Roman),
# and python3-venv for a system Python without venv. SQLCipher (encryption at rest) needs no system package:
# the sqlcipher3-binary wheel from PyPI (a dependency in pyproject.toml) carries the library.
# PostgreSQL (the provincial office's shared database): the tests start a throwaway server of their own
# (tests/pg_cluster.py), so they need the server binaries (initdb, pg_ctl) and the unaccent extension
# (postgresql-contrib; on Debian 12 both are in postgresql-15, which the two metapackages pull in).
# The client library needs no system package: the psycopg[binary] wheel carries libpq.
SYSTEM_PACKAGES="libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0
 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libx11-xcb1 xvfb xauth poppler-utils
 libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation2 postgresql postgresql-contrib"

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in $SYSTEM_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
  python3 -c "import venv, ensurepip" 2>/dev/null || missing="$missing python3-venv"
fi
if [ -n "$missing" ]; then
  echo "Installing system packages:$missing"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  log=.venv/install.log
  if ! { .venv/bin/python -m pip install --upgrade pip && .venv/bin/python -m pip install -e ".[test]"; } >"$log" 2>&1; then
    tail -40 "$log"; echo "pip install failed; full log in $log" >&2; exit 1
  fi
  touch "$stamp"
fi
# SQLCipher must load (a platform without a sqlcipher3-binary wheel fails here, not at the first encrypted open).
.venv/bin/python -c "import sqlcipher3" || { echo "sqlcipher3-binary did not install for this Python" >&2; exit 1; }
