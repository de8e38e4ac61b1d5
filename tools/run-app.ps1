# Set up (first time) and start PTDS Desktop on Windows. Extra arguments go to `ptds`.
$ErrorActionPreference = "Stop"
& (Join-Path $PSScriptRoot "setup-env.ps1")
& .venv\Scripts\ptds.exe @args
exit $LASTEXITCODE
