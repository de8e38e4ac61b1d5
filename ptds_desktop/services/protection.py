"""Encryption at rest for an office: the database, its backups and its signing key file, under one passphrase;
and moving an office to another database (its keys protected as the new database is)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ptds_desktop.db.cipher import passphrase_for
from ptds_desktop.db.copy import CopyReport, Progress, copy_database
from ptds_desktop.db.encrypt import change_passphrase, encrypt_database
from ptds_desktop.sync.keys import protect_key_files


@dataclasses.dataclass(frozen=True)
class ProtectionResult:
    database: str
    backups: int  # backup copies now under the passphrase
    key_files: int  # signing and seal key files now under the passphrase


def encrypt_office_data(db_path: Path, passphrase: str) -> ProtectionResult:
    """Encrypt an existing plain database, its backups and its key file (`ptds encrypt`)."""
    backups = encrypt_database(db_path, passphrase)
    keys = protect_key_files(db_path, None, passphrase)
    return ProtectionResult(str(db_path), backups, len(keys))


def change_office_passphrase(db_path: Path, old: str, new: str) -> ProtectionResult:
    """Change the passphrase of an encrypted database, its backups and its key file (`ptds passphrase`)."""
    backups = change_passphrase(db_path, old, new)
    keys = protect_key_files(db_path, old, new)
    return ProtectionResult(str(db_path), backups, len(keys))


def copy_office(source: Path | str, target: Path | str, progress: Progress | None = None) -> CopyReport:
    """`ptds db copy`: the office's database copied and verified (db.copy), then its key files stored again under
    the target's protection: an encrypted file's keys are read with its passphrase, and kept under it only where
    the target is encrypted alike (a server database has no passphrase: its keys are stored plain on this
    computer, as those of any server database)."""
    report = copy_database(source, target, progress)
    old, new = passphrase_for(report.source_path), passphrase_for(report.target_path)
    if old != new:
        protect_key_files(report.target_path, old, new)
    return report
