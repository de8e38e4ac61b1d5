# Build dist\ptds-desktop with PyInstaller, then the installer with Inno Setup 6 (iscc on PATH).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
if (-not (Test-Path ".venv\Scripts\python.exe")) { py -3 -m venv .venv }
& .venv\Scripts\python.exe -m pip install -q -e . "pyinstaller>=6.5,<7"
& .venv\Scripts\python.exe -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\ptds.spec
& dist\ptds-desktop\ptds-cli.exe --version
$version = (& .venv\Scripts\python.exe -c "import ptds_desktop; print(ptds_desktop.__version__)").Trim()
iscc "/DAppVersion=$version" packaging\windows\ptds-desktop.iss
