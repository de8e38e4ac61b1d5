#!/usr/bin/env bash
# Smoke test of a built application folder (packaging/build.sh runs it):
#   bash packaging/smoke-test.sh dist/ptds-desktop
# The frozen program prints its version, initialises and checks a new database, exports a roster PDF whose
# fonts are the bundled, embedded Liberation Serif with the Vietnamese text intact, and opens its window
# offscreen and closes it. It runs in an empty temporary folder, so nothing from the source tree is used.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
app="$(cd "${1:?usage: smoke-test.sh APP_FOLDER}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }
step() { echo "-- $*"; }
export PTDS_HOME="$work/home" QT_QPA_PLATFORM=offscreen
unset PTDS_DB PYTHONPATH PYTHONHOME
cd "$work"
cli="$app/ptds-cli"
db="$work/ptds.db"

step "version"
expected="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$repo/ptds_desktop/__init__.py")"
version="$("$cli" --version)" || fail "ptds-cli --version exited with $?"
[ "$version" = "ptds $expected" ] || fail "version printed '$version', expected 'ptds $expected'"

step "init and check a new database"
"$cli" --db "$db" init --office "Bộ CHQS tỉnh Đắk Lắk" --level province --place "Đắk Lắk" > init.txt \
    || fail "init: $(cat init.txt)"
"$cli" --db "$db" check > check.txt || fail "check: $(cat check.txt)"
[ "$(tail -n 1 check.txt)" = "ok" ] || fail "check did not end with ok: $(cat check.txt)"

step "roster PDF with the bundled fonts"
"$cli" --db "$db" demo > demo.txt || fail "demo data: $(cat demo.txt)"
"$cli" --db "$db" roster export --format pdf -o roster.pdf > export.txt || fail "roster export: $(cat export.txt)"
pdffonts roster.pdf > fonts.txt || fail "roster.pdf is not a readable PDF"
grep -q "LiberationSerif" fonts.txt || fail "roster.pdf does not use the bundled Liberation Serif: $(cat fonts.txt)"
if tail -n +3 fonts.txt | awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit !bad }'; then
    fail "a font of roster.pdf is not embedded: $(cat fonts.txt)"
fi
pdftotext roster.pdf roster.txt
grep -q "BAN CHỈ HUY PHÒNG THỦ DÂN SỰ" roster.txt || fail "the roster's Vietnamese heading is missing or garbled"

step "window opens offscreen and closes"
timeout 120 "$app/ptds" --db "$db" gui --quit-after 2 > gui.txt 2>&1 || fail "the GUI exited with $?: $(tail -n 20 gui.txt)"
grep -q "main window shown: PTDS Desktop — Bộ CHQS tỉnh Đắk Lắk" gui.txt || fail "no main window: $(tail -n 20 gui.txt)"
if grep -q "Traceback" gui.txt; then fail "the GUI printed a traceback: $(cat gui.txt)"; fi

echo "Smoke test passed: $version"
