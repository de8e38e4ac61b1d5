; Inno Setup 6 script: per-user install (no administrator rights needed on office laptops).
; Build on Windows: packaging\windows\build.ps1 (PyInstaller folder, then iscc /DAppVersion=X.Y.Z this file).
; The program goes to %LOCALAPPDATA%\Programs\PTDS Desktop. The user's data (database, backups, keys, settings,
; log) lives apart, in %LOCALAPPDATA%\ptds-desktop (platformdirs), which this installer never writes and the
; uninstaller never deletes: there is no [UninstallDelete] section, and the uninstaller removes only the
; files it installed. Reinstalling or upgrading keeps the data too.
; Vietnamese.isl (beside this script) is the project's translation of Inno Setup's messages: Inno Setup
; ships none for Vietnamese. tests/test_packaging.py checks every file named here exists.
; Saved as UTF-8 with a byte-order mark: Inno Setup 6 reads the Vietnamese texts here only then.
#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (build.ps1 does)
#endif
[Setup]
AppId={{8FF4AF67-4FE6-43F2-A0E9-B29E32F1976C}
AppName=PTDS Desktop
AppVersion={#AppVersion}
AppPublisher=Ban Chỉ huy Phòng thủ dân sự
DefaultDirName={localappdata}\Programs\PTDS Desktop
DefaultGroupName=PTDS Desktop
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=ptds-desktop-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\ptds.exe
UninstallDisplayName=PTDS Desktop
; Close a running PTDS Desktop before replacing its files (Restart Manager).
CloseApplications=yes

[Languages]
Name: "vi"; MessagesFile: "Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\ptds-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\PTDS Desktop"; Filename: "{app}\ptds.exe"
Name: "{group}\{cm:UninstallProgram,PTDS Desktop}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\PTDS Desktop"; Filename: "{app}\ptds.exe"

[Run]
Filename: "{app}\ptds.exe"; Description: "{cm:LaunchProgram,PTDS Desktop}"; Flags: nowait postinstall skipifsilent
