# Set up (first time), then lint (ruff), type-check (mypy) and run the whole test suite on Windows.
# Extra arguments go to pytest.
$ErrorActionPreference = "Stop"
& (Join-Path $PSScriptRoot "setup-env.ps1")
& .venv\Scripts\ruff.exe check ptds_desktop tests benchmarks tools
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& .venv\Scripts\mypy.exe
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
$env:QT_QPA_PLATFORM = "offscreen"
& .venv\Scripts\python.exe -m pytest @args
exit $LASTEXITCODE
