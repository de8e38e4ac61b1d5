#!/usr/bin/env bash
# Set up (first time) and start PTDS Desktop. Extra arguments go to `ptds` (e.g. --db FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup-env.sh
exec .venv/bin/ptds "$@"
