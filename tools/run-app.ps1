# Set up (first time) and start PTDS Desktop on Windows. Extra arguments go to `ptds`.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
if (-not (Test-Path ".venv\Scripts\python.exe")) { py -3 -m venv .venv }
$stamp = ".venv\.installed"
if (-not (Test-Path $stamp) -or ((Get-Item "pyproject.toml").LastWriteTime -gt (Get-Item $stamp).LastWriteTime)) {
    & .venv\Scripts\python.exe -m pip install -q -e ".[test]"
    New-Item -ItemType File -Force $stamp | Out-Null
}
& .venv\Scripts\ptds.exe @args
exit $LASTEXITCODE
