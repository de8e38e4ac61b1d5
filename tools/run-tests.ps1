# Set up (first time) and run the whole test suite on Windows. Extra arguments go to pytest.
$ErrorActionPreference = "Stop"
& (Join-Path $PSScriptRoot "setup-env.ps1")
$env:QT_QPA_PLATFORM = "offscreen"
& .venv\Scripts\python.exe -m pytest @args
exit $LASTEXITCODE
