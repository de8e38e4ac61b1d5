"""The JSON data file (docs/data-format.md): export every synced table, import it back, load the samples.

One format serves three uses: a full copy of a database (`ptds data export/import`), the organization
catalogue and the sample documents in data/ (`ptds demo`). Import validates the whole file before writing
anything, then writes parents first in one transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import unicodedata
import uuid
from pathlib import Path

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Integer,
    String,
    Table,
    Text,
    bindparam,
    delete,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ScalarElementColumnDefault
from sqlalchemy.types import TypeDecorator

from ptds_desktop.config import DATA_DIR, SAMPLES_DIR
from ptds_desktop.db import clock
from ptds_desktop.db.backup import BEFORE_IMPORT, automatic_backup
from ptds_desktop.db.changes import record_changes
from ptds_desktop.db.database import Database
from ptds_desktop.db.renamed_values import upgrade_value
from ptds_desktop.errors import PtdsError, ValidationError
from ptds_desktop.i18n import translate
from ptds_desktop.models.base import SYNC_META_COLUMNS, is_not_blank, model_for_table, synced_tables, vocabulary_of
from ptds_desktop.models.sync import SyncFieldClock

FORMAT_NAME = "ptds-data"
FORMAT_VERSION = 1
# Sync metadata that a hand-written file (the samples) may leave out: filled from the loading office.
OFFICE_FILLED = ("created_by", "owner_office_id")
# Columns holding "table name + row id" of any document, checked like foreign keys.
POLYMORPHIC_REFERENCES = {
    "attachments": ("owner_table", "owner_row_id"),
    "distribution_entries": ("document_table", "document_id"),
    "signature_blocks": ("document_table", "document_id"),
}
CATALOGUE_FILE = DATA_DIR / "organizations.json"

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$")
# C0 controls other than tab/newline/CR, DEL, and lone surrogates (JSON allows "\ud800"; UTF-8 does not).
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


@dataclasses.dataclass(frozen=True)
class TableCount:
    table: str
    inserted: int
    updated: int
    unchanged: int


@dataclasses.dataclass(frozen=True)
class ImportReport:
    tables: tuple[TableCount, ...]

    @property
    def inserted(self) -> int:
        return sum(t.inserted for t in self.tables)

    @property
    def updated(self) -> int:
        return sum(t.updated for t in self.tables)

    @property
    def unchanged(self) -> int:
        return sum(t.unchanged for t in self.tables)


# ---------------------------------------------------------------- export


def _column_order(table: Table) -> list:
    """Sync metadata first, then the table's own columns in model order: the key order of every row."""
    meta = [table.c[name] for name in SYNC_META_COLUMNS]
    return meta + [c for c in table.columns if c.name not in SYNC_META_COLUMNS]


def _to_json_value(value):
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def export_document(session: Session) -> dict:
    """Every synced table (dependency order), every row including tombstones, sorted by id."""
    tables = {}
    for table in synced_tables():
        columns = _column_order(table)
        rows = session.execute(select(*columns).order_by(table.c.id)).all()
        tables[table.name] = [{c.name: _to_json_value(v) for c, v in zip(columns, row)} for row in rows]
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "tables": tables}


def dumps(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def export_file(db: Database, path: Path | str) -> dict[str, int]:
    """Write the data file atomically; returns the row count per table."""
    path = Path(path)
    with db.unit_of_work() as session:
        document = export_document(session)
    text = dumps(document)
    part = path.with_name(path.name + ".part")
    try:
        with open(part, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(part, path)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise PtdsError(translate("Core", "Không ghi được tệp {path}: {exc}").format(path=path, exc=exc)) from None
    return {name: len(rows) for name, rows in document["tables"].items()}


# ---------------------------------------------------------------- reading and checking a file


@dataclasses.dataclass
class _Row:
    index: int  # 1-based position in the file's list, for messages
    values: dict  # validated, converted; only the keys the file gave (plus nothing else)


@dataclasses.dataclass
class DataDocument:
    """A parsed, structurally valid file: rows per synced table, in dependency order."""

    source: str
    tables: dict[str, list[_Row]]


def _where(table: str, row: _Row | None, field: str | None = None) -> str:
    text = translate("Core", "Bảng “{table}”").format(table=table)
    if row is not None:
        text += translate("Core", ", dòng {row}").format(row=row.index)
        row_id = row.values.get("id")
        if isinstance(row_id, str):
            text += translate("Core", " (mã {id})").format(id=row_id)
    if field:
        text += translate("Core", ", trường “{field}”").format(field=field)
    return text


def _fail(table: str, row: _Row | None, field: str | None, problem: str) -> ValidationError:
    return ValidationError(f"{_where(table, row, field)}: {problem}", f"{table}.{field}" if field else table)


def _column_rules(table: Table) -> tuple[dict[str, set[str]], set[str]]:
    """Allowed values and not-blank columns, as the models declare them (`coded`, `not_blank`)."""
    allowed = {c.name: set(vocabulary) for c in table.columns if (vocabulary := vocabulary_of(c)) is not None}
    return allowed, {c.name for c in table.columns if is_not_blank(c)}


def _convert(table: str, row: _Row, column, value, allowed: set[str] | None, not_blank: bool):
    """Check one value against its column's type; returns the Python value to store."""
    name = column.name
    if value is None:
        if not column.nullable:
            raise _fail(table, row, name, translate("Core", "không được để trống (null)."))
        return None
    kind = column.type.impl if isinstance(column.type, TypeDecorator) else column.type  # models.base.Flag
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise _fail(table, row, name, translate("Core", "phải là true hoặc false, không phải {value!r}.").format(
                value=value))
        return value
    if isinstance(kind, (Integer, BigInteger)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise _fail(table, row, name, translate("Core", "phải là số nguyên, không phải {value!r}.").format(
                value=value))
        if name == "hlc" and value < 0:
            raise _fail(table, row, name, translate("Core", "dấu thời gian không được âm ({value}).").format(
                value=value))
        return value
    if isinstance(kind, DateTime):
        if not isinstance(value, str) or not _ISO_DATETIME.match(value):
            raise _fail(table, row, name, translate("Core", "phải là ngày giờ dạng YYYY-MM-DDTHH:MM:SS, không phải "
                                                            "{value!r}.").format(value=value))
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            raise _fail(table, row, name,
                translate("Core", "ngày giờ không tồn tại: {value}.").format(value=value)) from None
    if isinstance(kind, Date):
        if not isinstance(value, str) or not _ISO_DATE.match(value):
            raise _fail(table, row, name,
                translate("Core", "phải là ngày dạng YYYY-MM-DD, không phải {value!r}.").format(
                value=value))
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise _fail(table, row, name,
                translate("Core", "ngày không tồn tại: {value}.").format(value=value)) from None
    if isinstance(kind, (String, Text)):
        if not isinstance(value, str):
            raise _fail(table, row, name, translate("Core", "phải là chuỗi văn bản, không phải {value!r}.").format(
                value=value))
        bad = _BAD_CHARS.search(value)
        if bad:
            raise _fail(table, row, name,
                translate("Core", "văn bản chứa ký tự không hợp lệ U+{code:04X} ở vị trí {position}.").format(
                    code=ord(bad.group()), position=bad.start() + 1))
        text = unicodedata.normalize("NFC", value)
        length = getattr(kind, "length", None)
        if length and len(text) > length:
            raise _fail(table, row, name, translate("Core", "dài quá {length} ký tự ({count}).").format(
                length=length, count=len(text)))
        if not_blank and not text.strip():
            raise _fail(table, row, name, translate("Core", "không được để trống."))
        text = upgrade_value(table, name, text)  # as an earlier release wrote it
        if allowed is not None and text not in allowed:
            raise _fail(table, row, name,
                translate("Core", "giá trị {text!r} không hợp lệ (chọn một trong: {choices}).").format(
                    text=text, choices=", ".join(sorted(allowed))))
        return text
    raise PtdsError(translate("Core", "{where}: kiểu cột {kind} chưa được định dạng tệp dữ liệu hỗ trợ.").format(
        where=_where(table, row, name), kind=kind))


def _check_id(table: str, row: _Row, value) -> None:
    if not isinstance(value, str):
        raise _fail(table, row, "id", translate("Core", "thiếu mã (id) hoặc mã không phải chuỗi."))
    try:
        canonical = str(uuid.UUID(value))
    except ValueError:
        canonical = None
    if canonical != value:
        raise _fail(table, row, "id",
            translate("Core", "mã {value!r} không đúng dạng UUID (chữ thường, có gạch nối).").format(
            value=value))


def parse_document(raw: str, source: str) -> DataDocument:
    """Check the file's structure and every value (no database needed)."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            translate("Core", "Tệp {source} không phải JSON hợp lệ: dòng {lineno}, cột {colno}: {msg}.").format(
                source=source, lineno=exc.lineno, colno=exc.colno, msg=exc.msg)
        ) from None
    if not isinstance(data, dict):
        raise ValidationError(translate("Core", "Tệp {source}: phải là một đối tượng JSON có “format”, “version” và "
                                                "“tables”.").format(source=source))
    if data.get("format") != FORMAT_NAME:
        raise ValidationError(translate("Core", "Tệp {source} không phải tệp dữ liệu PTDS (cần \"format\": "
                                                "\"{FORMAT_NAME}\").").format(
            source=source, FORMAT_NAME=FORMAT_NAME),
            "format")
    version = data.get("version")
    if type(version) is not int or version != FORMAT_VERSION:
        raise ValidationError(
            translate("Core", "Tệp {source} dùng định dạng phiên bản {version!r}; phiên bản này của ứng dụng chỉ đọc "
                              "được phiên bản {FORMAT_VERSION}.").format(
                source=source, version=version, FORMAT_VERSION=FORMAT_VERSION), "version",
        )
    extra = sorted(set(data) - {"format", "version", "tables", "description"})
    if extra:
        raise ValidationError(
            translate("Core", "Tệp {source}: khóa không được hỗ trợ ở cấp ngoài cùng: {keys}.").format(
            source=source, keys=", ".join(extra)))
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise ValidationError(
            translate("Core", "Tệp {source}: thiếu “tables” (đối tượng: tên bảng → danh sách dòng).").format(
            source=source), "tables")
    known = {t.name: t for t in synced_tables()}
    unknown = [name for name in tables if name not in known]
    if unknown:
        raise ValidationError(
            translate("Core", "Tệp {source}: bảng “{table}” không có trong dữ liệu đồng bộ của ứng dụng (các bảng: "
                              "{tables}).").format(source=source, table=unknown[0], tables=", ".join(known)),
            unknown[0],
        )
    parsed: dict[str, list[_Row]] = {}
    seen_ids: dict[str, set[str]] = {}
    for table in synced_tables():  # dependency order, whatever order the file used
        if table.name not in tables:
            continue
        rows = tables[table.name]
        if not isinstance(rows, list):
            raise _fail(table.name, None, None, translate("Core", "phải là một danh sách các dòng."))
        allowed, not_blank = _column_rules(table)
        ids = seen_ids.setdefault(table.name, set())
        out = []
        for index, item in enumerate(rows, start=1):
            row = _Row(index, {})
            if not isinstance(item, dict):
                raise _fail(table.name, row, None, translate("Core", "mỗi dòng phải là một đối tượng JSON."))
            row.values["id"] = item.get("id")
            _check_id(table.name, row, item.get("id"))
            if item["id"] in ids:
                raise _fail(table.name, row, "id", translate("Core", "mã bị trùng với một dòng trước trong tệp."))
            ids.add(item["id"])
            for key in item:
                if key not in table.c:
                    raise _fail(table.name, row, key, translate("Core", "không có cột này trong bảng."))
            for column in table.columns:
                if column.name not in item:
                    required = not column.nullable and column.default is None and column.server_default is None
                    if required and column.name not in OFFICE_FILLED:
                        raise _fail(table.name, row, column.name, translate("Core", "thiếu trường bắt buộc."))
                    continue
                row.values[column.name] = _convert(
                    table.name, row, column, item[column.name], allowed.get(column.name), column.name in not_blank
                )
            out.append(row)
        parsed[table.name] = out
    return DataDocument(source, parsed)


def read_document(path: Path | str) -> DataDocument:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PtdsError(translate("Core", "Không đọc được tệp {path}: {exc}").format(path=path, exc=exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            translate("Core", "Tệp {path} không phải văn bản UTF-8 (byte sai ở vị trí {start}).").format(
            path=path, start=exc.start)) from None
    return parse_document(text, str(path))


# ---------------------------------------------------------------- applying a file to a database


def _existing(session: Session, table: Table, ids: list[str]) -> dict[str, int]:
    """id → hlc of the rows that already exist."""
    found: dict[str, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        found.update((row_id, hlc) for row_id, hlc in session.execute(
            select(table.c.id, table.c.hlc).where(table.c.id.in_(chunk))))
    return found


def _check_references(session: Session, doc: DataDocument) -> None:
    """Every foreign key and document reference points at a row in the file or the database."""
    incoming = {name: {r.values["id"] for r in rows} for name, rows in doc.tables.items()}
    known = {t.name: t for t in synced_tables()}
    wanted: dict[str, dict[str, tuple[str, _Row, str]]] = {}  # target table → id → first use
    for name, rows in doc.tables.items():
        table = known[name]
        refs = [(fk.parent.name, fk.column.table.name) for fk in table.foreign_keys]
        poly = POLYMORPHIC_REFERENCES.get(name)
        for row in rows:
            uses = [(col, target) for col, target in refs if row.values.get(col) is not None]
            if poly and row.values.get(poly[1]) is not None:
                target = row.values.get(poly[0])
                if target not in known:
                    raise _fail(name, row, poly[0], translate("Core", "bảng {target!r} không phải bảng dữ liệu đồng "
                                                                      "bộ.").format(target=target))
                uses.append((poly[1], target))
            for col, target in uses:
                ref = row.values[col]
                if ref not in incoming.get(target, set()):
                    wanted.setdefault(target, {}).setdefault(ref, (name, row, col))
    for wanted_table, wanted_ids in wanted.items():
        target_table = known.get(wanted_table)
        if target_table is None:  # a local table: nothing in the file can point into it
            continue
        present = set(_existing(session, target_table, list(wanted_ids)))
        for ref, (name, row, col) in wanted_ids.items():
            if ref not in present:
                raise _fail(name, row, col, translate("Core", "trỏ tới dòng không tồn tại: bảng “{wanted_table}”, mã "
                                                              "{ref}.").format(wanted_table=wanted_table, ref=ref))


def _parents_first(table: Table, rows: list[_Row]) -> list[_Row]:
    """Within one table, rows referring to another row of the same table come after it."""
    self_refs = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    if not self_refs:
        return rows
    by_id = {r.values["id"]: r for r in rows}
    ordered: list[_Row] = []
    state: dict[str, int] = {}  # 1 = visiting, 2 = placed

    def place(row: _Row) -> None:
        row_id = row.values["id"]
        if state.get(row_id) == 2:
            return
        if state.get(row_id) == 1:
            raise _fail(table.name, row, self_refs[0], translate("Core", "vòng tham chiếu (dòng là cấp trên của chính "
                                                                         "nó)."))
        state[row_id] = 1
        for col in self_refs:
            parent = by_id.get(row.values.get(col))
            if parent is not None and parent is not row:
                place(parent)
            elif parent is row:
                raise _fail(table.name, row, col, translate("Core", "dòng không thể trỏ tới chính nó."))
        state[row_id] = 2
        ordered.append(row)

    for row in rows:
        place(row)
    return ordered


def _full_values(table: Table, row: _Row, office_id: str | None) -> dict:
    """Every column, with defaults for the ones the file left out (Core executemany needs equal keys)."""
    values = {}
    for column in table.columns:
        if column.name in row.values:
            values[column.name] = row.values[column.name]
        elif column.name in OFFICE_FILLED:
            if office_id is None:
                raise _fail(table.name, row, column.name,
                            translate("Core", "thiếu trường bắt buộc (cơ sở dữ liệu chưa là văn phòng nào để điền "
                                              "thay)."))
            values[column.name] = office_id
        elif isinstance(column.default, ScalarElementColumnDefault):
            values[column.name] = column.default.arg
        else:
            values[column.name] = None
    return values


def _locate_integrity_error(session: Session, table: Table, rows: list[_Row], values: list[dict],
    exc) -> ValidationError:
    """A constraint the checks above do not model failed for one of `rows`: find which, for the message."""
    conn = session.connection()
    for row, row_values in zip(rows, values):
        savepoint = conn.begin_nested()
        try:
            conn.execute(table.insert(), [row_values])
        except IntegrityError as row_exc:
            savepoint.rollback()
            return _fail(table.name, row, None,
                translate("Core", "vi phạm ràng buộc của cơ sở dữ liệu ({orig}).").format(
                orig=row_exc.orig))
        savepoint.rollback()
    return _fail(table.name, None, None, translate("Core", "vi phạm ràng buộc của cơ sở dữ liệu ({orig}).").format(
        orig=exc.orig))


def apply_document(session: Session, doc: DataDocument, *, office_id: str | None, via_orm: bool) -> ImportReport:
    """Insert new rows and update those whose incoming `hlc` is newer, parents first, in the session's transaction.

    `via_orm=False` (data import): Core bulk statements that keep every stamp as given and are not seen by
    the change capture. `via_orm=True` (samples, small): ORM objects, so this office's change capture
    records them as its own changes.
    """
    _check_references(session, doc)
    known = {t.name: t for t in synced_tables()}
    counts = []
    for name, rows in doc.tables.items():
        table = known[name]
        rows = _parents_first(table, rows)
        existing = _existing(session, table, [r.values["id"] for r in rows])
        new = [r for r in rows if r.values["id"] not in existing]
        newer = [r for r in rows if r.values["id"] in existing and r.values.get("hlc", 0) > existing[r.values["id"]]]
        if via_orm:
            _write_orm(session, table, new, newer)
        else:
            _write_core(session, table, new, newer, office_id)
        counts.append(TableCount(name, len(new), len(newer), len(rows) - len(new) - len(newer)))
        if new or newer:
            record_changes(session, name)  # the ORM path records itself; Core statements do not
    if not via_orm:
        # Stamps kept as given: the local clock must still run ahead of them (DESIGN §4, clocks).
        newest = max((r.values.get("hlc", 0) for rows in doc.tables.values() for r in rows), default=0)
        clock.observe(session.connection(), newest)
    return ImportReport(tuple(counts))


def _write_core(session: Session, table: Table, new: list[_Row], newer: list[_Row], office_id: str | None) -> None:
    conn = session.connection()
    if new:
        values = [_full_values(table, r, office_id) for r in new]
        try:
            with conn.begin_nested():
                conn.execute(table.insert(), values)
        except IntegrityError as exc:
            raise _locate_integrity_error(session, table, new, values, exc) from None
    if newer:
        # Only the columns the file gives; id is matched through a renamed parameter.
        by_keys: dict[tuple, list[dict]] = {}
        for r in newer:
            given = {k: v for k, v in r.values.items() if k != "id"}
            by_keys.setdefault(tuple(sorted(given)), []).append({"row_id": r.values["id"], **given})
        for keys, params in by_keys.items():
            stmt = update(table).where(table.c.id == bindparam("row_id")).values({k: bindparam(k) for k in keys})
            conn.execute(stmt, params)
        # The whole row now carries the file's stamp: drop per-field stamps so sync compares against it.
        conn.execute(
            delete(SyncFieldClock).where(
                SyncFieldClock.tbl == table.name, SyncFieldClock.row_id.in_([r.values["id"] for r in newer])
            )
        )


def _write_orm(session: Session, table: Table, new: list[_Row], newer: list[_Row]) -> None:
    model = model_for_table(table.name)
    for r in new:
        session.add(model(**r.values))  # created_by/owner left out are filled by the session hook
    for r in newer:
        obj = session.get(model, r.values["id"])
        for key, value in r.values.items():
            if getattr(obj, key) != value:
                setattr(obj, key, value)
    session.flush()  # table by table, so parents exist before children are flushed


def import_document(db: Database, doc: DataDocument) -> ImportReport:
    """`ptds data import` of a checked file: one transaction, nothing written on any error."""
    if db.office_id() is not None:  # a database with data in it: keep a copy as it was before the import
        automatic_backup(db.path, BEFORE_IMPORT)
    with db.unit_of_work() as session:
        return apply_document(session, doc, office_id=db.office_id(), via_orm=False)


# ---------------------------------------------------------------- demo data


def demo_files() -> list[Path]:
    """The organization catalogue first, then the sample documents that refer to it."""
    return [CATALOGUE_FILE, *sorted(SAMPLES_DIR.glob("*.json"))]


def load_demo(db: Database) -> ImportReport:
    """Load catalogue and samples as this office's own data, in one transaction; rerunning adds nothing."""
    if db.office_id() is None:
        raise PtdsError(translate("Core", "Cơ sở dữ liệu chưa là văn phòng nào; không nạp được dữ liệu mẫu."))
    docs = [read_document(path) for path in demo_files()]
    merged: dict[str, list[_Row]] = {}
    first_seen: dict[tuple[str, str], str] = {}
    for doc in docs:
        for name, rows in doc.tables.items():
            for row in rows:
                key = (name, row.values["id"])
                if key in first_seen:
                    raise _fail(name, row, "id", translate("Core", "mã trùng giữa {first} và {second}.").format(
                        first=first_seen[key], second=doc.source))
                first_seen[key] = doc.source
            merged.setdefault(name, []).extend(rows)
    order = [t.name for t in synced_tables() if t.name in merged]
    combined = DataDocument(translate("Core", "dữ liệu mẫu"), {name: merged[name] for name in order})
    with db.unit_of_work() as session:
        return apply_document(session, combined, office_id=db.office_id(), via_orm=True)
