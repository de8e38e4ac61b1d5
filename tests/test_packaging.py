"""Packaging files: the Inno Setup script names only files that exist, its Vietnamese messages are complete,
and the Linux menu entry installs for the current user. (The build itself: bash packaging/build.sh.)"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = ROOT / "packaging" / "windows"
ISS = WINDOWS / "ptds-desktop.iss"
BOM = b"\xef\xbb\xbf"
_TOKENS = re.compile(r"%[0-9n]|\[(?:name|name/ver|mb|gb)\]")

# Every message of Inno Setup 6.1+'s Default.isl ([Messages], then [CustomMessages]) with the placeholders
# its English text carries; a translation must keep each one (Inno Setup fills them in at run time).
DEFAULT_ISL_MESSAGES: dict[str, set[str]] = {
    "SetupAppTitle": set(),
    "SetupWindowTitle": {'%1'},
    "UninstallAppTitle": set(),
    "UninstallAppFullTitle": {'%1'},
    "InformationTitle": set(),
    "ConfirmTitle": set(),
    "ErrorTitle": set(),
    "SetupLdrStartupMessage": {'%1'},
    "LdrCannotCreateTemp": set(),
    "LdrCannotExecTemp": set(),
    "HelpTextNote": set(),
    "LastErrorMessage": {'%1', '%2', '%3', '%n'},
    "SetupFileMissing": {'%1'},
    "SetupFileCorrupt": set(),
    "SetupFileCorruptOrWrongVer": set(),
    "InvalidParameter": {'%1', '%n'},
    "SetupAlreadyRunning": set(),
    "WindowsVersionNotSupported": set(),
    "WindowsServicePackRequired": {'%1', '%2'},
    "NotOnThisPlatform": {'%1'},
    "OnlyOnThisPlatform": {'%1'},
    "OnlyOnTheseArchitectures": {'%1', '%n'},
    "WinVersionTooLowError": {'%1', '%2'},
    "WinVersionTooHighError": {'%1', '%2'},
    "AdminPrivilegesRequired": set(),
    "PowerUserPrivilegesRequired": set(),
    "SetupAppRunningError": {'%1', '%n'},
    "UninstallAppRunningError": {'%1', '%n'},
    "PrivilegesRequiredOverrideTitle": set(),
    "PrivilegesRequiredOverrideInstruction": set(),
    "PrivilegesRequiredOverrideText1": {'%1'},
    "PrivilegesRequiredOverrideText2": {'%1'},
    "PrivilegesRequiredOverrideAllUsers": set(),
    "PrivilegesRequiredOverrideAllUsersRecommended": set(),
    "PrivilegesRequiredOverrideCurrentUser": set(),
    "PrivilegesRequiredOverrideCurrentUserRecommended": set(),
    "ErrorCreatingDir": {'%1'},
    "ErrorTooManyFilesInDir": {'%1'},
    "ExitSetupTitle": set(),
    "ExitSetupMessage": {'%n'},
    "AboutSetupMenuItem": set(),
    "AboutSetupTitle": set(),
    "AboutSetupMessage": {'%1', '%2', '%3', '%4', '%n'},
    "AboutSetupNote": set(),
    "TranslatorNote": set(),
    "ButtonBack": set(),
    "ButtonNext": set(),
    "ButtonInstall": set(),
    "ButtonOK": set(),
    "ButtonCancel": set(),
    "ButtonYes": set(),
    "ButtonYesToAll": set(),
    "ButtonNo": set(),
    "ButtonNoToAll": set(),
    "ButtonFinish": set(),
    "ButtonBrowse": set(),
    "ButtonWizardBrowse": set(),
    "ButtonNewFolder": set(),
    "SelectLanguageTitle": set(),
    "SelectLanguageLabel": set(),
    "ClickNext": set(),
    "BeveledLabel": set(),
    "BrowseDialogTitle": set(),
    "BrowseDialogLabel": set(),
    "NewFolderName": set(),
    "WelcomeLabel1": {'[name]'},
    "WelcomeLabel2": {'%n', '[name/ver]'},
    "WizardPassword": set(),
    "PasswordLabel1": set(),
    "PasswordLabel3": set(),
    "PasswordEditLabel": set(),
    "IncorrectPassword": set(),
    "WizardLicense": set(),
    "LicenseLabel": set(),
    "LicenseLabel3": set(),
    "LicenseAccepted": set(),
    "LicenseNotAccepted": set(),
    "WizardInfoBefore": set(),
    "InfoBeforeLabel": set(),
    "InfoBeforeClickLabel": set(),
    "WizardInfoAfter": set(),
    "InfoAfterLabel": set(),
    "InfoAfterClickLabel": set(),
    "WizardUserInfo": set(),
    "UserInfoDesc": set(),
    "UserInfoName": set(),
    "UserInfoOrg": set(),
    "UserInfoSerial": set(),
    "UserInfoNameRequired": set(),
    "WizardSelectDir": set(),
    "SelectDirDesc": {'[name]'},
    "SelectDirLabel3": {'[name]'},
    "SelectDirBrowseLabel": set(),
    "DiskSpaceGBLabel": {'[gb]'},
    "DiskSpaceMBLabel": {'[mb]'},
    "CannotInstallToNetworkDrive": set(),
    "CannotInstallToUNCPath": set(),
    "InvalidPath": {'%n'},
    "InvalidDrive": set(),
    "DiskSpaceWarningTitle": set(),
    "DiskSpaceWarning": {'%1', '%2', '%n'},
    "DirNameTooLong": set(),
    "InvalidDirName": set(),
    "BadDirName32": {'%1', '%n'},
    "DirExistsTitle": set(),
    "DirExists": {'%1', '%n'},
    "DirDoesntExistTitle": set(),
    "DirDoesntExist": {'%1', '%n'},
    "WizardSelectComponents": set(),
    "SelectComponentsDesc": set(),
    "SelectComponentsLabel2": set(),
    "FullInstallation": set(),
    "CompactInstallation": set(),
    "CustomInstallation": set(),
    "NoUninstallWarningTitle": set(),
    "NoUninstallWarning": {'%1', '%n'},
    "ComponentSize1": {'%1'},
    "ComponentSize2": {'%1'},
    "ComponentsDiskSpaceGBLabel": {'[gb]'},
    "ComponentsDiskSpaceMBLabel": {'[mb]'},
    "WizardSelectTasks": set(),
    "SelectTasksDesc": set(),
    "SelectTasksLabel2": {'[name]'},
    "WizardSelectProgramGroup": set(),
    "SelectStartMenuFolderDesc": set(),
    "SelectStartMenuFolderLabel3": set(),
    "SelectStartMenuFolderBrowseLabel": set(),
    "MustEnterGroupName": set(),
    "GroupNameTooLong": set(),
    "InvalidGroupName": set(),
    "BadGroupName": {'%1', '%n'},
    "NoProgramGroupCheck2": set(),
    "WizardReady": set(),
    "ReadyLabel1": {'[name]'},
    "ReadyLabel2a": set(),
    "ReadyLabel2b": set(),
    "ReadyMemoUserInfo": set(),
    "ReadyMemoDir": set(),
    "ReadyMemoType": set(),
    "ReadyMemoComponents": set(),
    "ReadyMemoGroup": set(),
    "ReadyMemoTasks": set(),
    "DownloadingLabel": set(),
    "ButtonStopDownload": set(),
    "StopDownload": set(),
    "ErrorDownloadAborted": set(),
    "ErrorDownloadFailed": {'%1', '%2'},
    "ErrorDownloadSizeFailed": {'%1', '%2'},
    "ErrorFileHash1": {'%1'},
    "ErrorFileHash2": {'%1', '%2'},
    "ErrorProgress": {'%1', '%2'},
    "ErrorFileSize": {'%1', '%2'},
    "WizardPreparing": set(),
    "PreparingDesc": {'[name]'},
    "PreviousInstallNotCompleted": {'%n', '[name]'},
    "CannotContinue": set(),
    "ApplicationsFound": set(),
    "ApplicationsFound2": set(),
    "CloseApplications": set(),
    "DontCloseApplications": set(),
    "ErrorCloseApplications": set(),
    "PrepareToInstallNeedsRestart": {'%n', '[name]'},
    "WizardInstalling": set(),
    "InstallingLabel": {'[name]'},
    "FinishedHeadingLabel": {'[name]'},
    "FinishedLabelNoIcons": {'[name]'},
    "FinishedLabel": {'[name]'},
    "ClickFinish": set(),
    "FinishedRestartLabel": {'[name]'},
    "FinishedRestartMessage": {'%n', '[name]'},
    "ShowReadmeCheck": set(),
    "YesRadio": set(),
    "NoRadio": set(),
    "RunEntryExec": {'%1'},
    "RunEntryShellExec": {'%1'},
    "ChangeDiskTitle": set(),
    "SelectDiskLabel2": {'%1', '%n'},
    "PathLabel": set(),
    "FileNotInDir2": {'%1', '%2'},
    "SelectDirectoryLabel": set(),
    "SetupAborted": {'%n'},
    "AbortRetryIgnoreSelectAction": set(),
    "AbortRetryIgnoreRetry": set(),
    "AbortRetryIgnoreIgnore": set(),
    "AbortRetryIgnoreCancel": set(),
    "StatusClosingApplications": set(),
    "StatusCreateDirs": set(),
    "StatusExtractFiles": set(),
    "StatusCreateIcons": set(),
    "StatusCreateIniEntries": set(),
    "StatusCreateRegistryEntries": set(),
    "StatusRegisterFiles": set(),
    "StatusSavingUninstall": set(),
    "StatusRunProgram": set(),
    "StatusRestartingApplications": set(),
    "StatusRollback": set(),
    "ErrorInternal2": {'%1'},
    "ErrorFunctionFailedNoCode": {'%1'},
    "ErrorFunctionFailed": {'%1', '%2'},
    "ErrorFunctionFailedWithMessage": {'%1', '%2', '%3', '%n'},
    "ErrorExecutingProgram": {'%1', '%n'},
    "ErrorRegOpenKey": {'%1', '%2', '%n'},
    "ErrorRegCreateKey": {'%1', '%2', '%n'},
    "ErrorRegWriteKey": {'%1', '%2', '%n'},
    "ErrorIniEntry": {'%1'},
    "FileAbortRetryIgnoreSkipNotRecommended": set(),
    "FileAbortRetryIgnoreIgnoreNotRecommended": set(),
    "SourceIsCorrupted": set(),
    "SourceDoesntExist": {'%1'},
    "ExistingFileReadOnly2": set(),
    "ExistingFileReadOnlyRetry": set(),
    "ExistingFileReadOnlyKeepExisting": set(),
    "ErrorReadingExistingDest": set(),
    "FileExistsSelectAction": set(),
    "FileExists2": set(),
    "FileExistsOverwriteExisting": set(),
    "FileExistsKeepExisting": set(),
    "FileExistsOverwriteOrKeepAll": set(),
    "ExistingFileNewerSelectAction": set(),
    "ExistingFileNewer2": set(),
    "ExistingFileNewerOverwriteExisting": set(),
    "ExistingFileNewerKeepExisting": set(),
    "ExistingFileNewerOverwriteOrKeepAll": set(),
    "ErrorChangingAttr": set(),
    "ErrorCreatingTemp": set(),
    "ErrorReadingSource": set(),
    "ErrorCopying": set(),
    "ErrorReplacingExistingFile": set(),
    "ErrorRestartReplace": set(),
    "ErrorRenamingTemp": set(),
    "ErrorRegisterServer": {'%1'},
    "ErrorRegSvr32Failed": {'%1'},
    "ErrorRegisterTypeLib": {'%1'},
    "UninstallDisplayNameMark": {'%1', '%2'},
    "UninstallDisplayNameMarks": {'%1', '%2', '%3'},
    "UninstallDisplayNameMark32Bit": set(),
    "UninstallDisplayNameMark64Bit": set(),
    "UninstallDisplayNameMarkAllUsers": set(),
    "UninstallDisplayNameMarkCurrentUser": set(),
    "ErrorOpeningReadme": set(),
    "ErrorRestartingComputer": set(),
    "UninstallNotFound": {'%1'},
    "UninstallOpenError": {'%1'},
    "UninstallUnsupportedVer": {'%1'},
    "UninstallUnknownEntry": {'%1'},
    "ConfirmUninstall": {'%1'},
    "UninstallOnlyOnWin64": set(),
    "OnlyAdminCanUninstall": set(),
    "UninstallStatusLabel": {'%1'},
    "UninstalledAll": {'%1'},
    "UninstalledMost": {'%1', '%n'},
    "UninstalledAndNeedsRestart": {'%1', '%n'},
    "UninstallDataCorrupted": {'%1'},
    "ConfirmDeleteSharedFileTitle": set(),
    "ConfirmDeleteSharedFile2": {'%n'},
    "SharedFileNameLabel": set(),
    "SharedFileLocationLabel": set(),
    "WizardUninstalling": set(),
    "StatusUninstalling": {'%1'},
    "ShutdownBlockReasonInstallingApp": {'%1'},
    "ShutdownBlockReasonUninstallingApp": {'%1'},
    "NameAndVersion": {'%1', '%2'},
    "AdditionalIcons": set(),
    "CreateDesktopIcon": set(),
    "CreateQuickLaunchIcon": set(),
    "ProgramOnTheWeb": {'%1'},
    "UninstallProgram": {'%1'},
    "LaunchProgram": {'%1'},
    "AssocFileExtension": {'%1', '%2'},
    "AssocingFileExtension": {'%1', '%2'},
    "AutoStartProgramGroupDescription": set(),
    "AutoStartProgram": {'%1'},
    "AddonHostProgramNotFound": {'%1', '%n'},
}


def _iss_text() -> str:
    return ISS.read_bytes().removeprefix(BOM).decode("utf-8")


def _spec_output_folder() -> str:
    spec = (ROOT / "packaging" / "ptds.spec").read_text(encoding="utf-8")
    return re.search(r'COLLECT\(.*name="([^"]+)"\)', spec).group(1)


def test_inno_setup_script_names_only_files_that_exist():
    named = re.findall(r'(?:Source|MessagesFile|LicenseFile|InfoBeforeFile|InfoAfterFile|SetupIconFile)'
                       r'\s*[:=]\s*"?([^";]+)"?', _iss_text())
    assert named, "no file named in the script?"
    built = f"dist/{_spec_output_folder()}/"
    for name in named:
        if name.startswith("compiler:"):
            assert name == "compiler:Default.isl", f"{name}: Inno Setup ships only Default.isl for sure"
            continue
        path = (WINDOWS / name.replace("\\", "/")).resolve()
        relative = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
        if relative.startswith(built):  # the PyInstaller folder the build makes just before iscc runs
            continue
        assert path.exists(), f"the script names {name}, which does not exist ({path})"


def test_inno_setup_files_are_unicode_for_the_vietnamese_texts():
    for path in (ISS, WINDOWS / "Vietnamese.isl"):
        assert path.read_bytes().startswith(BOM), f"{path.name} needs a UTF-8 byte-order mark"
    assert "Ban Chỉ huy Phòng thủ dân sự" in _iss_text()


def _isl_messages(path: Path) -> dict[str, str]:
    messages: dict[str, str] = {}
    section = ""
    for line in path.read_bytes().removeprefix(BOM).decode("utf-8").splitlines():
        if line.startswith("["):
            section = line
        elif section in ("[Messages]", "[CustomMessages]") and "=" in line and not line.startswith(";"):
            name, value = line.split("=", 1)
            assert name not in messages, f"{name} twice"
            messages[name] = value
    return messages


def test_vietnamese_messages_translate_every_default_message_keeping_placeholders():
    path = WINDOWS / "Vietnamese.isl"
    text = path.read_bytes().removeprefix(BOM).decode("utf-8")
    assert "LanguageName=Tiếng Việt" in text and "LanguageID=$042A" in text
    messages = _isl_messages(path)
    assert set(messages) == set(DEFAULT_ISL_MESSAGES), (
        f"missing {sorted(set(DEFAULT_ISL_MESSAGES) - set(messages))}, "
        f"unknown {sorted(set(messages) - set(DEFAULT_ISL_MESSAGES))}")
    for name, value in messages.items():
        assert set(_TOKENS.findall(value)) == DEFAULT_ISL_MESSAGES[name], f"{name}: placeholders changed: {value}"
    empty_in_english = {"HelpTextNote", "AboutSetupNote", "BeveledLabel"}
    assert [n for n, v in messages.items() if not v.strip() and n not in empty_in_english] == []
    assert "dữ liệu" in messages["ConfirmUninstall"]  # says the user's data stays


def test_inno_setup_never_deletes_user_data():
    text = _iss_text()
    assert "PrivilegesRequired=lowest" in text and "{localappdata}\\Programs\\PTDS Desktop" in text
    sections = re.findall(r"^\[(\w+)\]", text, flags=re.M)
    assert "UninstallDelete" not in sections and "InstallDelete" not in sections


def test_linux_menu_entry_installs_for_the_user(tmp_path):
    app = tmp_path / "ptds-desktop"
    icons = app / "_internal" / "resources" / "icons"
    icons.mkdir(parents=True)
    for png in (ROOT / "resources" / "icons").glob("ptds-*.png"):
        (icons / png.name).write_bytes(png.read_bytes())
    (app / "ptds").write_text("#!/bin/sh\n")
    (app / "ptds").chmod(0o755)
    data = tmp_path / "share"
    proc = subprocess.run(["bash", str(ROOT / "packaging" / "linux" / "install-desktop-entry.sh"), str(app)],
                          env={**os.environ, "XDG_DATA_HOME": str(data)}, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    entry = (data / "applications" / "ptds-desktop.desktop").read_text(encoding="utf-8")
    assert f"Exec={app}/ptds %U" in entry and "Icon=ptds-desktop" in entry and "@APPDIR@" not in entry
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "ptds-desktop.png").exists()
