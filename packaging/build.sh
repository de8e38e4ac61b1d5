#!/usr/bin/env bash
# Build a self-contained folder dist/ptds-desktop (run on the target OS: PyInstaller does not cross-compile).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup-env.sh
.venv/bin/python -m pip install -q "pyinstaller>=6.5,<7"
.venv/bin/python -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/ptds.spec
dist/ptds-desktop/ptds-cli --version
