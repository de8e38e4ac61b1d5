"""Moving an office between engines: every row of every table, its keys and attachment files, checked row for row.

The copy goes through SQLAlchemy's own types, so a date read from SQLite's text arrives in PostgreSQL as a date and
back; sync state (outbox, clocks, peers, local settings) is copied like any table, so the office keeps its identity
and its place in every exchange."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select

from ptds_desktop.config import attachments_dir_for, keys_dir_for, location_text
from ptds_desktop.db.cipher import passphrase_for
from ptds_desktop.db.database import Database, open_database
from ptds_desktop.db.engine import defer_foreign_keys
from ptds_desktop.db.server import is_server_url
from ptds_desktop.errors import PtdsError
from ptds_desktop.i18n import translate
from ptds_desktop.models import Base

_BATCH = 5000


@dataclasses.dataclass(frozen=True)
class CopyReport:
    source: str  # as messages name them (no password)
    target: str
    rows: dict[str, int]  # table -> rows copied (and found equal in the target)
    files: int  # key and attachment files copied beside the target
    source_path: Path  # the file, or a server database's local stand-in, beside which keys live
    target_path: Path


Progress = Callable[[str, int, int, int], None]  # table, tables done, tables in all, rows of that table


def copy_database(source: Path | str, target: Path | str, progress: Progress | None = None) -> CopyReport:
    """Copy the office database at `source` (a SQLite file or a postgresql:// URL) into `target`, which must be
    new or empty (checked before the source is opened); then compare both, table by table and row by row.
    `progress` after each table. The source is only read (once brought to this release's schema, as every open
    does).

    An encrypted source must have been unlocked in this process (its passphrase known); a new file made from it
    is encrypted with the same passphrase. Its key files are copied as they are: re-protecting them for a target
    without that passphrase (a server database) is the caller's (services.protection.copy_office)."""
    if _same_database(source, target):
        raise PtdsError(translate("Core", "Nguồn và đích là cùng một cơ sở dữ liệu; hãy chọn một đích khác."))
    if not is_server_url(source) and not Path(source).is_file():
        raise PtdsError(translate("Core", "Không tìm thấy cơ sở dữ liệu nguồn {path}.").format(path=source))
    new_file = not is_server_url(target) and not Path(target).exists()
    # The target is checked first: a refused copy has not even opened the source.
    passphrase = None if is_server_url(source) or is_server_url(target) else passphrase_for(source)
    dst = open_database(target, passphrase=passphrase, backup_daily=False)
    try:
        _refuse_non_empty(dst)
        src = open_database(source, create=False, backup_daily=False)
        try:
            tables = list(Base.metadata.sorted_tables)
            counts: dict[str, int] = {}
            with src.engine.connect() as reader, dst.engine.begin() as writer:
                defer_foreign_keys(writer)  # offices point at their parent office
                for number, table in enumerate(tables, 1):
                    counts[table.name] = _copy_table(reader, writer, table)
                    if progress is not None:
                        progress(table.name, number, len(tables), counts[table.name])
                _sync_sequences(writer, tables)
            with src.engine.connect() as left, dst.engine.connect() as right:
                for table in tables:
                    _verify_table(left, right, table, src.describe(), dst.describe())
            files = _copy_beside(src.path, dst.path)
            return CopyReport(src.describe(), dst.describe(), counts, files, src.path, dst.path)
        finally:
            src.close()
    except BaseException:
        dst.close()
        if new_file:  # no half-made file left where the user asked for a copy
            for suffix in ("", "-wal", "-shm", ".instance"):
                Path(str(target) + suffix).unlink(missing_ok=True)
        raise
    finally:
        dst.close()


def _same_database(source: Path | str, target: Path | str) -> bool:
    if is_server_url(source) or is_server_url(target):
        return is_server_url(source) and is_server_url(target) and location_text(source) == location_text(target)
    return Path(target).exists() and Path(source).resolve() == Path(target).resolve()


def _refuse_non_empty(db: Database) -> None:
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name != "local_settings" and conn.execute(select(func.count()).select_from(table)).scalar():
                raise PtdsError(translate("Core", "Cơ sở dữ liệu đích {target} đã có dữ liệu (bảng {table}); chỉ "
                                                  "chép sang một cơ sở dữ liệu mới hoặc rỗng.").format(
                    target=db.describe(), table=table.name))
        # The settings the open itself wrote (version, instance) are replaced by the source's.
        conn.execute(Base.metadata.tables["local_settings"].delete())
        conn.commit()


def _ordered(table: Table) -> Any:
    return select(table).order_by(*table.primary_key.columns)


def _copy_table(reader: Connection, writer: Connection, table: Table) -> int:
    count = 0
    result = reader.execution_options(yield_per=_BATCH).execute(_ordered(table))
    for rows in result.partitions(_BATCH):
        writer.execute(insert(table), [row._asdict() for row in rows])
        count += len(rows)
    return count


def _sync_sequences(writer: Connection, tables: list[Table]) -> None:
    """PostgreSQL's counters behind integer keys start past the rows copied in (SQLite takes max+1 by itself)."""
    if writer.dialect.name != "postgresql":
        return
    for table in tables:
        for column in table.primary_key.columns:
            sequence = writer.exec_driver_sql("SELECT pg_get_serial_sequence(?, ?)", (table.name, column.name)).scalar()
            if sequence:
                writer.exec_driver_sql(f"SELECT setval('{sequence}', coalesce((SELECT max({column.name}) FROM "
                                       f"{table.name}), 0) + 1, false)")


def _verify_table(left: Connection, right: Connection, table: Table, source: str, target: str) -> None:
    """Both sides equal, row for row and value for value (as the models read them)."""
    mine = left.execute(_ordered(table))
    theirs = right.execute(_ordered(table))
    for number, (a, b) in enumerate(zip(mine, theirs, strict=False), 1):
        if tuple(a) != tuple(b):
            differing = next(c.name for c, x, y in zip(table.columns, a, b, strict=True) if x != y)
            raise PtdsError(translate("Core", "Bản chép khác bản gốc: bảng {table}, dòng {row}, cột {column}. "
                                              "Cơ sở dữ liệu đích {target} không nên dùng; nguồn {source} không "
                                              "bị thay đổi.").format(
                table=table.name, row=number, column=differing, target=target, source=source))
    left_count = left.execute(select(func.count()).select_from(table)).scalar()
    right_count = right.execute(select(func.count()).select_from(table)).scalar()
    if left_count != right_count:
        raise PtdsError(translate("Core", "Bản chép khác bản gốc: bảng {table} có {theirs} dòng, nguồn có {mine}. "
                                          "Cơ sở dữ liệu đích {target} không nên dùng; nguồn {source} không bị "
                                          "thay đổi.").format(
            table=table.name, theirs=right_count, mine=left_count, target=target, source=source))


def _copy_beside(source: Path, target: Path) -> int:
    """The office's keys and attachment files, which live beside the database, never in it."""
    copied = 0
    for folder_of in (keys_dir_for, attachments_dir_for):
        origin, destination = folder_of(source), folder_of(target)
        if not origin.is_dir():
            continue
        for file in origin.rglob("*"):
            if file.is_file():
                goal = destination / file.relative_to(origin)
                goal.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(file, goal)
                copied += 1
    return copied
