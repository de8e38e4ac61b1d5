# Set up (first time) and run the whole test suite on Windows. Extra arguments go to pytest.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
if (-not (Test-Path ".venv\Scripts\python.exe")) { py -3 -m venv .venv }
$stamp = ".venv\.installed"
if (-not (Test-Path $stamp) -or ((Get-Item "pyproject.toml").LastWriteTime -gt (Get-Item $stamp).LastWriteTime)) {
    & .venv\Scripts\python.exe -m pip install -q -e ".[test]"
    New-Item -ItemType File -Force $stamp | Out-Null
}
$env:QT_QPA_PLATFORM = "offscreen"
& .venv\Scripts\python.exe -m pytest @args
exit $LASTEXITCODE
