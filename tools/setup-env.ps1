# Prepare Windows for PTDS Desktop: a virtual environment in .venv with the package (editable, test extras).
# Safe to run again. Qt's Windows wheels carry their own libraries; nothing system-wide is installed.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
if (-not (Test-Path ".venv\Scripts\python.exe")) { py -3 -m venv .venv }
$stamp = ".venv\.installed"
if (-not (Test-Path $stamp) -or ((Get-Item "pyproject.toml").LastWriteTime -gt (Get-Item $stamp).LastWriteTime)) {
    & .venv\Scripts\python.exe -m pip install -q -e ".[test]"
    if ($LASTEXITCODE -ne 0) { throw "pip install failed" }
    New-Item -ItemType File -Force $stamp | Out-Null
}
