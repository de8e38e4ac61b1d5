"""Encryption at rest for an office: the database, its backups and its signing key file, under one passphrase."""

from __future__ import annotations

import dataclasses
from pathlib import Path

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
