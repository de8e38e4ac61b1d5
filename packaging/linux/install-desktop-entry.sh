#!/usr/bin/env bash
# Add PTDS Desktop to the applications menu of the current user (no root needed):
#   bash install-desktop-entry.sh [APP_FOLDER]      (default: the built folder dist/ptds-desktop)
# Copies the icon into the user's icon theme and writes the .desktop entry pointing at APP_FOLDER/ptds.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
app="$(cd "${1:-$here/../../dist/ptds-desktop}" && pwd)"
[ -x "$app/ptds" ] || { echo "no ptds program in $app" >&2; exit 1; }
data="${XDG_DATA_HOME:-$HOME/.local/share}"
for size in 16 24 32 48 64 128 256; do
    install -Dm644 "$app/_internal/resources/icons/ptds-$size.png" "$data/icons/hicolor/${size}x${size}/apps/ptds-desktop.png"
done
mkdir -p "$data/applications"
sed "s|@APPDIR@|$app|g" "$here/ptds-desktop.desktop" > "$data/applications/ptds-desktop.desktop"
echo "Đã thêm PTDS Desktop vào menu ứng dụng ($data/applications/ptds-desktop.desktop)."
