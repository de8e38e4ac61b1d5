"""Encryption at rest (SQLCipher), opt-in per office, known only to the storage layer.

An encrypted database has no "SQLite format 3" header: its first page is ciphertext. The passphrase given when
it was opened is remembered for this process, keyed by the database path, so the storage layer's own work
(automatic backups, restore, the signing key file beside it) uses it without the layers above knowing.
Backups of an encrypted database are encrypted with the same passphrase; `ptds passphrase` rekeys them too.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3

from ptds_desktop.errors import PtdsError
from ptds_desktop.i18n import translate

SQLITE_HEADER = b"SQLite format 3\x00"
# Errors of either driver: a plain database is opened with sqlite3, an encrypted one with sqlcipher3.
DBAPI_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher3.Error)
_WIPE_CHUNK = 1 << 20
_MIN_PAGE = 512

_passphrases: dict[Path, str] = {}


class PassphraseError(PtdsError):
    """The database is encrypted and the passphrase is missing or wrong."""


class PassphraseRequiredError(PassphraseError):
    pass


class WrongPassphraseError(PassphraseError):
    pass


def _registry_key(path: Path | str) -> Path:
    return Path(path).resolve()


def is_encrypted(path: Path | str) -> bool:
    """A file without SQLite's plain header, made of whole pages (SQLCipher's are 512 bytes or a multiple):
    a text or other stray file is not taken for an encrypted database, and is refused as not a database."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
            size = os.fstat(handle.fileno()).st_size
    except FileNotFoundError:
        return False
    return len(header) > 0 and header != SQLITE_HEADER and size % _MIN_PAGE == 0


def remember_passphrase(path: Path | str, passphrase: str | None) -> None:
    if passphrase is None:
        _passphrases.pop(_registry_key(path), None)
    else:
        _passphrases[_registry_key(path)] = passphrase


def passphrase_for(path: Path | str) -> str | None:
    """The passphrase this process opened the database at `path` with (None: plain, or not opened yet)."""
    return _passphrases.get(_registry_key(path))


def check_passphrase(passphrase: str) -> str:
    if not passphrase:
        raise PassphraseError("Mật khẩu không được để trống.")
    return passphrase


def key_pragma(passphrase: str) -> str:
    """PRAGMA key as SQLAlchemy's pysqlcipher dialect writes it (quoted as an identifier), so a raw connection
    derives the very same key as the engine."""
    return 'PRAGMA key="{}"'.format(passphrase.replace('"', '""'))


def wrong_passphrase_error(path: Path | str) -> WrongPassphraseError:
    return WrongPassphraseError(translate(
        "Core", "Mật khẩu không đúng: không giải mã được cơ sở dữ liệu {path}. Hãy nhập lại (chú ý chữ hoa, "
        "chữ thường và bộ gõ tiếng Việt).").format(path=path))


def connect(path: Path | str, passphrase: str | None = None, *, read_only: bool = False) -> Any:
    """A DB-API connection: sqlite3 for a plain file, sqlcipher3 keyed and checked for an encrypted one.
    A wrong passphrase raises WrongPassphraseError before anything is read or written."""
    target = f"file:{path}?mode=ro" if read_only else f"file:{path}"
    if passphrase is None:
        return sqlite3.connect(target, uri=True)
    conn = sqlcipher3.connect(target, uri=True)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not SQLCipher's stderr log
        conn.execute(key_pragma(passphrase))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        if "file is not a database" in str(exc) or "hmac" in str(exc).lower():
            raise wrong_passphrase_error(path) from None
        raise
    return conn


def connect_as_stored(path: Path | str, passphrase: str | None, *, read_only: bool = False) -> Any:
    """Open a file whichever way it is stored: plain files ignore the passphrase; encrypted ones need it."""
    if not is_encrypted(path):
        return connect(path, None, read_only=read_only)
    if passphrase is None:
        raise PassphraseRequiredError(
            f"Tệp {Path(path).name} đã được mã hóa; cần mật khẩu của cơ sở dữ liệu để mở.")
    return connect(path, passphrase, read_only=read_only)


def open_passphrase(path: Path, passphrase: str | None) -> str | None:
    """The passphrase to open `path` with (the given one, else the one this process already used), checked;
    None for a plain or new file. Remembered for the storage layer's later work on this database."""
    if not is_encrypted(path):
        if passphrase is not None and path.exists() and path.stat().st_size > 0:
            raise PassphraseError(
                f"Cơ sở dữ liệu {path} chưa được mã hóa; hãy dùng lệnh 'ptds encrypt' để mã hóa nó.")
        remember_passphrase(path, passphrase)  # a new database is created encrypted when one is given
        return passphrase
    known = passphrase_for(path)
    passphrase = passphrase if passphrase is not None else known
    if passphrase is None:
        raise PassphraseRequiredError(f"Cơ sở dữ liệu {path} đã được mã hóa; cần nhập mật khẩu để mở.")
    if passphrase != known:  # checked once: every keyed connection pays SQLCipher's slow key derivation
        connect(path, passphrase, read_only=True).close()
    remember_passphrase(path, passphrase)
    return passphrase


def _counts(conn: Any) -> dict[str, int]:
    tables = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    return {table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}


def export_copy(source: Path, source_passphrase: str | None, target: Path, target_passphrase: str | None) -> None:
    """Write `target` (which must not exist) holding everything in `source`, encrypted with
    `target_passphrase` (plain when None), through sqlcipher_export; checked (integrity, row counts of every
    table) and on disk before this returns. Works for each of plain/encrypted to plain/encrypted."""
    conn = sqlcipher3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if source_passphrase is not None:
            conn.execute(key_pragma(source_passphrase))
        expected = _counts(conn)
        conn.execute("ATTACH DATABASE ? AS target KEY ?", (str(target), target_passphrase or ""))
        conn.execute("SELECT sqlcipher_export('target')")
        user_version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA target.user_version = {int(user_version)}")
        conn.execute("DETACH DATABASE target")
    finally:
        conn.close()
    check = connect(target, target_passphrase)
    try:
        problems = [row[0] for row in check.execute("PRAGMA integrity_check")]
        if problems != ["ok"] or _counts(check) != expected:
            raise PtdsError(f"Bản chép {target.name} không khớp với {source.name}; không thay thế gì cả.")
    finally:
        check.close()
    _fsync(target)


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _overwrite(handle: Any) -> None:
    """Zero the bytes of a file that was just replaced (best effort: a journaling file system or an SSD may
    keep old blocks, which is why the data folder of a laptop that ever held plain data belongs on an
    encrypted disk as well)."""
    handle.seek(0, os.SEEK_END)
    size = handle.tell()
    handle.seek(0)
    zeros = bytes(_WIPE_CHUNK)
    for offset in range(0, size, _WIPE_CHUNK):
        handle.write(zeros[: min(_WIPE_CHUNK, size - offset)])
    handle.flush()
    os.fsync(handle.fileno())


def convert_file(path: Path, old: str | None, new: str | None) -> None:
    """Re-store a closed database file under `new` (None: plain): exported beside it, checked, then renamed
    over it in one step, so a crash leaves either the old file or the new one. The old bytes are zeroed."""
    part = path.with_name(path.name + ".part")
    part.unlink(missing_ok=True)
    checkpoint = connect_as_stored(path, old)
    try:
        checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the file, the WAL empty
    finally:
        checkpoint.close()
    try:
        export_copy(path, old if is_encrypted(path) else None, part, new)
        if os.name == "nt":  # Windows cannot rename over a file held open: replaced without zeroing
            os.replace(part, path)
        else:
            with open(path, "r+b") as old_file:  # still reaches the old bytes once the name is the new file's
                os.replace(part, path)
                _overwrite(old_file)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(path.with_name(path.name + suffix))


def rekey_file(path: Path, old: str, new: str) -> None:
    """Change the passphrase of an encrypted file in place: PRAGMA rekey rewrites every page in one
    transaction."""
    conn = connect(path, old)
    try:
        conn.isolation_level = None
        journal = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if journal.lower() == "wal":  # rekey needs a rollback journal
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute('PRAGMA rekey="{}"'.format(new.replace('"', '""')))
        if journal.lower() == "wal":
            conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()
    connect(path, new, read_only=True).close()
