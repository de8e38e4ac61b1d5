#!/usr/bin/env bash
# Set up (first time), then lint (ruff), type-check (mypy) and run the whole test suite, headless.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup-env.sh
.venv/bin/ruff check ptds_desktop tests benchmarks tools
.venv/bin/mypy
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
