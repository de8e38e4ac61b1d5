#!/usr/bin/env bash
# Build the one-folder Linux application dist/ptds-desktop, then smoke-test the frozen program.
#   bash packaging/build.sh
# Run on the target OS: PyInstaller does not cross-compile (Windows: packaging\windows\build.ps1).
# Any failing step stops the build with a message; the last lines give the folder's size and build time.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
bash tools/setup-env.sh
.venv/bin/python -m pip install -q "pyinstaller>=6.5,<7"
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
    packaging/ptds.spec
app=dist/ptds-desktop
cp packaging/linux/ptds-desktop.desktop packaging/linux/install-desktop-entry.sh "$app/"
bash packaging/smoke-test.sh "$app"
echo "Built $app: $(du -sm "$app" | cut -f1) MB, $(find "$app" -type f | wc -l) files, in $(( $(date +%s) - started )) s."
