"""Consistent copies of a live database through SQLite's online backup API, kept in rotation.

Copies live in `<db>.backups/` named `<stem>-<kind>-<YYYYmmdd-HHMMSS-ffffff>.db`; each kind keeps the newest
`Settings.backups_keep` copies, so a burst of imports never pushes out the daily copies.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import re
from pathlib import Path

from ptds_desktop.config import Settings, backups_dir_for
from ptds_desktop.db.cipher import DBAPI_ERRORS, connect, passphrase_for
from ptds_desktop.db.incarnation import mark_copy
from ptds_desktop.db.server import dump_server, server_url
from ptds_desktop.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

DAILY = "daily"
BEFORE_IMPORT = "before-import"
BEFORE_MIGRATE = "before-migrate"
BEFORE_SYNC = "before-sync"
BEFORE_RESTORE = "before-restore"
MANUAL = "manual"
BACKUP_KINDS = (DAILY, BEFORE_IMPORT, BEFORE_MIGRATE, BEFORE_SYNC, BEFORE_RESTORE, MANUAL)
KIND_LABELS = {  # shown translated: translate("Backups", KIND_LABELS[kind])
    DAILY: QT_TRANSLATE_NOOP("Backups", "Hằng ngày"),
    BEFORE_IMPORT: QT_TRANSLATE_NOOP("Backups", "Trước khi nhập dữ liệu"),
    BEFORE_MIGRATE: QT_TRANSLATE_NOOP("Backups", "Trước khi nâng cấp"),
    BEFORE_SYNC: QT_TRANSLATE_NOOP("Backups", "Trước khi nhập gói đồng bộ"),
    BEFORE_RESTORE: QT_TRANSLATE_NOOP("Backups", "Trước khi khôi phục"),
    MANUAL: QT_TRANSLATE_NOOP("Backups", "Sao lưu thủ công"),
}
_COPY_ERRORS: tuple[type[Exception], ...] = (OSError, *DBAPI_ERRORS)
_STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<kind>" + "|".join(BACKUP_KINDS) + r")-(?P<stamp>\d{8}-\d{6}-\d{6})\.(db|dump)$")


@dataclasses.dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: str
    taken_at: dt.datetime
    size: int


def backup_to(source: Path | str, target: Path | str) -> Path:
    """Copy `source` to `target` (written beside as .part, then renamed, so a crash leaves no half file).
    A copy of an encrypted database is encrypted with the same passphrase (SQLCipher's backup API copies
    between databases keyed alike); a server database is copied by pg_dump."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    try:
        url = server_url(source)
        if url is not None:
            dump_server(url, part)
        else:
            _copy_file(source, part)
        with open(part, "rb") as handle:  # on disk before the name says it is a finished copy
            os.fsync(handle.fileno())
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)  # a full disk must not also keep a useless half copy
        raise
    return target


def _copy_file(source: Path | str, part: Path) -> None:
    """SQLite's online backup of a live file (or an encrypted one, keyed alike)."""
    passphrase = passphrase_for(source)
    src = connect(source, passphrase, read_only=True)
    try:
        dst = connect(part, passphrase)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            mark_copy(dst)  # opened again, it takes new sequence numbers (db.incarnation)
        finally:
            dst.close()
    finally:
        src.close()


def list_backup_files(db_path: Path) -> list[BackupFile]:
    """This database's automatic and manual copies, newest first (unfinished .part files are not copies)."""
    folder = backups_dir_for(db_path)
    found = []
    for path in folder.glob(f"{db_path.stem}-*.*") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match is None or match["stem"] != db_path.stem:
            continue
        try:
            size = path.stat().st_size
        except OSError:  # removed meanwhile by another rotation
            continue
        found.append(BackupFile(path, match["kind"], dt.datetime.strptime(match["stamp"], _STAMP_FORMAT), size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def automatic_backup(db_path: Path, reason: str, keep: int | None = None) -> Path:
    """A dated copy in the database's backups folder; keeps the newest `keep` (the setting) of this kind."""
    if reason not in BACKUP_KINDS:
        raise ValueError(f"unknown backup kind {reason!r}")
    keep = Settings.load().backups_keep if keep is None else keep
    stamp = dt.datetime.now().strftime(_STAMP_FORMAT)
    suffix = ".dump" if server_url(db_path) else ".db"  # pg_dump's archive for a server database
    target = backup_to(db_path, backups_dir_for(db_path) / f"{db_path.stem}-{reason}-{stamp}{suffix}")
    same_kind = [b for b in list_backup_files(db_path) if b.kind == reason]
    for old in same_kind[max(keep, 1):]:
        old.path.unlink(missing_ok=True)
    return target


def daily_backup(db_path: Path, today: dt.date | None = None) -> Path | None:
    """The first open of each day copies the database as it was; later opens that day do nothing.
    A copy that cannot be written (full disk) is logged, not fatal: the data stays readable, and the copies
    before an import or a migration, which protect risky work, still refuse to go on without one."""
    today = today or dt.date.today()
    if any(b.kind == DAILY and b.taken_at.date() == today for b in list_backup_files(db_path)):
        return None
    try:
        return automatic_backup(db_path, DAILY)
    except _COPY_ERRORS as exc:
        log.warning("daily backup of %s not written: %s", db_path, exc)
        return None
