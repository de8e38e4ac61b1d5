; Inno Setup 6 script: per-user install (no administrator rights needed on office laptops).
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

[Languages]
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\ptds-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\PTDS Desktop"; Filename: "{app}\ptds.exe"
Name: "{userdesktop}\PTDS Desktop"; Filename: "{app}\ptds.exe"

[Run]
Filename: "{app}\ptds.exe"; Description: "Mở PTDS Desktop"; Flags: nowait postinstall skipifsilent
