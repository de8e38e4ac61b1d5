"""What a database file holds, the backups listed with their contents, and restoring one over the live file.

A backup of an encrypted database is encrypted with the same passphrase and opened with it; a plain file
restored into an encrypted database is encrypted on the way in (never left plain beside it).

A file is restored only when it is a PTDS database this version can open: SQLite, with an Alembic
revision this app knows, passing `PRAGMA integrity_check`, and of the same office. The current database is
copied first (kind "before-restore"), then the file is written over it with SQLite's backup API, which
replaces every page in one transaction: a crash mid-restore leaves the old database, never a mix.

A server database's copies are pg_dump archives: one is restored when pg_restore reads it, its revision is known
and its office is this one; after a before-restore dump, pg_restore replaces the database's contents in one
transaction. Either way the office then numbers its changes in a new epoch (db.incarnation), as any copy does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from ptds_desktop.db.backup import (
    BEFORE_RESTORE,
    BackupFile,
    automatic_backup,
    list_backup_files,
)
from ptds_desktop.db.cipher import (
    DBAPI_ERRORS,
    SQLITE_HEADER,
    PassphraseError,
    connect,
    connect_as_stored,
    export_copy,
    is_encrypted,
    passphrase_for,
)
from ptds_desktop.db.database import OFFICE_ID_KEY, known_revisions
from ptds_desktop.db.incarnation import mark_copy, start_new_incarnation
from ptds_desktop.db.server import ARCHIVE_MAGIC, make_server_engine, read_archive_rows, restore_server, server_url
from ptds_desktop.errors import PtdsError
from ptds_desktop.i18n import translate

# What the Restore screen shows of a copy: live rows only (tombstones and ended memberships are history).
_COUNTS = {
    "boards": "SELECT count(*) FROM command_boards WHERE deleted = 0",
    "members": "SELECT count(*) FROM board_memberships WHERE deleted = 0 AND end_date IS NULL",
    "plans": "SELECT count(*) FROM plans WHERE deleted = 0",
    "tasks": "SELECT count(*) FROM tasks WHERE deleted = 0",
}


class NotRestorableError(PtdsError):
    """The file cannot replace the database; the message says why."""


@dataclasses.dataclass(frozen=True)
class DatabaseContents:
    revision: str
    office_id: str | None
    office_name: str | None
    boards: int
    members: int
    plans: int
    tasks: int


@dataclasses.dataclass(frozen=True)
class BackupInfo:
    path: str
    kind: str
    taken_at: dt.datetime
    size: int
    contents: DatabaseContents | None
    problem: str | None  # why it cannot be restored, when it cannot


@dataclasses.dataclass(frozen=True)
class RestoreResult:
    restored_from: str
    safety_copy: str | None  # the database as it was just before, for an undo by hand
    contents: DatabaseContents


def inspect_database_file(path: Path | str, *, thorough: bool = True,
                          passphrase: str | None = None) -> DatabaseContents:
    """What the file holds, or NotRestorableError naming what is wrong with it. Opens it read-only.
    `thorough=False` (listing many copies) runs quick_check, which skips the index-content comparison.
    `passphrase`: the one an encrypted file is opened with (a plain file ignores it)."""
    path = Path(path)
    name = path.name
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        raise NotRestorableError(translate("Core", "Không tìm thấy tệp {path}.").format(path=path)) from None
    except OSError as exc:
        raise NotRestorableError(translate("Core", "Không đọc được tệp {path}: {reason}.").format(
            path=path, reason=exc.strerror or exc)) from None
    if header.startswith(ARCHIVE_MAGIC):
        return _inspect_archive(path)
    if header != SQLITE_HEADER and passphrase is None:
        raise NotRestorableError(translate("Core", "Tệp {name} không phải cơ sở dữ liệu SQLite (phần đầu tệp không "
                                                   "đúng), hoặc là cơ sở dữ liệu đã mã hóa của nơi khác.").format(
            name=name))
    try:
        conn = connect_as_stored(path, passphrase, read_only=True)
    except PassphraseError:
        raise NotRestorableError(translate("Core", "Tệp {name} không phải cơ sở dữ liệu SQLite, hoặc đã được mã hóa "
                                                   "bằng mật khẩu khác với mật khẩu của cơ sở dữ liệu này.").format(
            name=name)) from None
    except DBAPI_ERRORS as exc:
        raise NotRestorableError(
            translate("Core", "Không mở được tệp {name}: {exc}.").format(name=name, exc=exc)) from None
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            raise NotRestorableError(
                translate("Core", "Tệp {name} là SQLite nhưng không phải cơ sở dữ liệu PTDS (không có bảng "
                                  "alembic_version).").format(name=name))
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
        if revision is None:
            raise NotRestorableError(translate("Core", "Tệp {name} chưa có phiên bản lược đồ (bảng alembic_version "
                                                       "trống).").format(name=name))
        if revision not in known_revisions():
            raise NotRestorableError(
                translate("Core", "Tệp {name} do phiên bản PTDS Desktop mới hơn tạo (lược đồ {revision}); hãy cập "
                                  "nhật ứng dụng trước khi khôi phục.").format(name=name, revision=revision))
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check" if thorough else "PRAGMA quick_check")]
        except DBAPI_ERRORS as exc:  # damage bad enough to stop the check itself
            problems = [str(exc)]
        if problems != ["ok"]:
            raise NotRestorableError(
                translate("Core", "Tệp {name} bị hỏng, kiểm tra toàn vẹn không đạt: {problems}.").format(
                    name=name, problems="; ".join(problems[:3])))
        counts = {key: conn.execute(sql).fetchone()[0] if _table(sql) in tables else 0
                  for key, sql in _COUNTS.items()}
        office_id = office_name = None
        if "local_settings" in tables:
            found = conn.execute("SELECT value FROM local_settings WHERE key=?", (OFFICE_ID_KEY,)).fetchone()
            office_id = found[0] if found else None
        if office_id and "offices" in tables:
            found = conn.execute("SELECT name FROM offices WHERE id=?", (office_id,)).fetchone()
            office_name = found[0] if found else None
    except DBAPI_ERRORS as exc:
        raise NotRestorableError(translate("Core", "Tệp {name} không đọc được như cơ sở dữ liệu PTDS ({exc}).").format(
            name=name, exc=exc)) from None
    finally:
        conn.close()
    return DatabaseContents(revision, office_id, office_name, **counts)


def _inspect_archive(path: Path) -> DatabaseContents:
    """What a server database's pg_dump archive holds, read with pg_restore (no database needed)."""
    wanted = ["alembic_version", "local_settings", "offices", "command_boards", "board_memberships", "plans",
              "tasks"]
    try:
        rows = read_archive_rows(path, wanted)
    except PtdsError as exc:
        raise NotRestorableError(translate("Core", "Không đọc được bản sao lưu {name}: {exc}.").format(
            name=path.name, exc=exc)) from None
    revision = rows["alembic_version"][0]["version_num"] if rows["alembic_version"] else None
    if revision is None:
        raise NotRestorableError(translate("Core", "Tệp {name} chưa có phiên bản lược đồ (bảng alembic_version "
                                                   "trống).").format(name=path.name))
    if revision not in known_revisions():
        raise NotRestorableError(
            translate("Core", "Tệp {name} do phiên bản PTDS Desktop mới hơn tạo (lược đồ {revision}); hãy cập "
                              "nhật ứng dụng trước khi khôi phục.").format(name=path.name, revision=revision))
    office_id = next((r["value"] for r in rows["local_settings"] if r["key"] == OFFICE_ID_KEY), None)
    office_name = next((r["name"] for r in rows["offices"] if r["id"] == office_id), None)

    def live(table: str) -> int:
        return sum(1 for r in rows[table] if r["deleted"] == "0" and r.get("end_date") is None)

    return DatabaseContents(revision, office_id, office_name, boards=live("command_boards"),
                            members=live("board_memberships"), plans=live("plans"), tasks=live("tasks"))


def _table(sql: str) -> str:
    return sql.split(" FROM ")[1].split()[0]


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Every copy of this database, newest first, with what it holds (or why it cannot be restored)."""
    passphrase = passphrase_for(db_path)
    return [_info(backup, passphrase) for backup in list_backup_files(db_path)]


def _info(backup: BackupFile, passphrase: str | None) -> BackupInfo:
    try:
        contents, problem = inspect_database_file(backup.path, thorough=False, passphrase=passphrase), None
    except PtdsError as exc:
        contents, problem = None, str(exc)
    return BackupInfo(str(backup.path), backup.kind, backup.taken_at, backup.size, contents, problem)


def restore_database_file(db_path: Path, source: Path | str, *,
                          close_current: Callable[[], None] | None = None) -> RestoreResult:
    """Replace the database at `db_path` with `source`, after keeping a copy of it. `close_current` closes the
    caller's connections once the file is known good (a refused file leaves the database open and untouched).
    The caller opens the database again afterwards (which migrates a copy made by an earlier version)."""
    db_path, source = Path(db_path), Path(source)
    url = server_url(db_path)
    if url is not None:
        return _restore_server(url, db_path, source, close_current)
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise NotRestorableError(translate("Core", "Tệp đã chọn chính là cơ sở dữ liệu đang dùng."))
    passphrase = passphrase_for(db_path)
    contents = inspect_database_file(source, passphrase=passphrase)
    safety_copy = None
    if db_path.exists() and db_path.stat().st_size > 0:
        try:
            current = inspect_database_file(db_path, passphrase=passphrase)
        except NotRestorableError:
            current = None  # a broken current database is what a restore is for
        _refuse_other_office(source, contents, current)
        safety_copy = str(automatic_backup(db_path, BEFORE_RESTORE))
    if close_current is not None:
        close_current()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    staged = db_path.with_name(db_path.name + ".restore.part")
    staged.unlink(missing_ok=True)
    try:
        copy_from = source
        if passphrase is not None and not is_encrypted(source):
            export_copy(source, None, staged, passphrase)  # SQLCipher copies pages only between files keyed alike
            copy_from = staged
        src = connect_as_stored(copy_from, passphrase, read_only=True)
        try:
            dst = connect(db_path, passphrase)
            try:
                src.backup(dst)
                mark_copy(dst)  # whatever file it came from, the next open gives the office a new incarnation
                dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                dst.close()
        finally:
            src.close()
    except DBAPI_ERRORS as exc:
        raise PtdsError(
            translate("Core", "Không khôi phục được từ {name}: {exc}. Cơ sở dữ liệu hiện tại không đổi.").format(
                name=source.name, exc=exc)) from None
    finally:
        staged.unlink(missing_ok=True)
    return RestoreResult(str(source), safety_copy, contents)


def _refuse_other_office(source: Path, contents: DatabaseContents, current: DatabaseContents | None) -> None:
    if current and current.office_id and contents.office_id and current.office_id != contents.office_id:
        raise NotRestorableError(
            translate("Core", "Tệp {name} là dữ liệu của văn phòng “{office}”, không phải của văn phòng này "
                              "(“{own_office}”).").format(
                name=source.name, office=contents.office_name or contents.office_id,
                own_office=current.office_name or current.office_id))


def _restore_server(url: str, anchor: Path, source: Path, close_current: Callable[[], None] | None) -> RestoreResult:
    try:
        with open(source, "rb") as handle:
            is_archive = handle.read(len(ARCHIVE_MAGIC)) == ARCHIVE_MAGIC
    except OSError:
        is_archive = False
    if not is_archive:
        raise NotRestorableError(translate("Core", "Tệp {name} không phải bản sao lưu của cơ sở dữ liệu trên máy chủ "
                                                   "(pg_dump). Để đưa một tệp SQLite lên máy chủ, dùng 'ptds db copy'.")
                                 .format(name=source.name))
    contents = _inspect_archive(source)
    engine = make_server_engine(url)
    try:
        with engine.connect() as conn:
            office = conn.exec_driver_sql("SELECT o.id, o.name FROM local_settings s JOIN offices o ON o.id = s.value "
                                          "WHERE s.key = ?", (OFFICE_ID_KEY,)).first()
        current = DatabaseContents("", office[0], office[1], 0, 0, 0, 0) if office else None
        _refuse_other_office(source, contents, current)
        safety_copy = str(automatic_backup(anchor, BEFORE_RESTORE))
        if close_current is not None:
            close_current()
        restore_server(url, source)
        if contents.office_id:
            with engine.begin() as conn:
                start_new_incarnation(conn, translate("Core", "đây là một bản sao lưu được mở lại (khôi phục)"))
    finally:
        engine.dispose()
    return RestoreResult(str(source), safety_copy, contents)
