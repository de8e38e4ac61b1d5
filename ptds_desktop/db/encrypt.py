"""Turning encryption on for an existing database, and changing its passphrase, backups included.

Encrypting writes an encrypted copy beside the database with sqlcipher_export, checks it (integrity, row
counts of every table), then renames it over the plain file: a crash at any point leaves the plain database
whole, or the encrypted one. No plain copy is kept: the automatic backups are converted the same way, and
the replaced plain bytes are zeroed where the OS allows it (not on Windows, where a file held open cannot be
renamed over). Run with the application closed: another open connection would go on writing to the old file.
"""

from __future__ import annotations

from pathlib import Path

from ptds_desktop.db.backup import list_backup_files
from ptds_desktop.db.cipher import (
    PassphraseError,
    check_passphrase,
    convert_file,
    is_encrypted,
    open_passphrase,
    rekey_file,
    remember_passphrase,
)
from ptds_desktop.errors import PtdsError


def encrypt_database(db_path: Path, passphrase: str) -> int:
    """Encrypt the database and every backup of it under `passphrase`; returns how many backups."""
    check_passphrase(passphrase)
    if not db_path.exists() or db_path.stat().st_size == 0:
        raise PtdsError(f"Không tìm thấy cơ sở dữ liệu {db_path}. Hãy chạy 'ptds init --encrypt' để tạo mới.")
    if is_encrypted(db_path):
        raise PassphraseError(
            f"Cơ sở dữ liệu {db_path} đã được mã hóa; dùng 'ptds passphrase' để đổi mật khẩu.")
    convert_file(db_path, None, passphrase)
    remember_passphrase(db_path, passphrase)
    backups = [b.path for b in list_backup_files(db_path) if not is_encrypted(b.path)]
    for backup in backups:
        convert_file(backup, None, passphrase)
    return len(backups)


def change_passphrase(db_path: Path, old: str, new: str) -> int:
    """Rekey the database and its backups (those still under `old`); returns how many backups."""
    check_passphrase(new)
    if not is_encrypted(db_path):
        raise PassphraseError(f"Cơ sở dữ liệu {db_path} chưa được mã hóa; dùng 'ptds encrypt' để mã hóa.")
    open_passphrase(db_path, old)  # the old one must open it: WrongPassphraseError otherwise
    rekey_file(db_path, old, new)
    remember_passphrase(db_path, new)
    count = 0
    for backup in list_backup_files(db_path):
        if not is_encrypted(backup.path):
            convert_file(backup.path, None, new)
        else:
            try:
                rekey_file(backup.path, old, new)
            except PassphraseError:
                continue  # a copy under some older passphrase stays as it is
        count += 1
    return count
