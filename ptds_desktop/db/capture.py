"""Change capture, in one place: ORM flushes of synced rows become field-level changes in the outbox.

Installed on every session factory by `db.database.Database`. Remote changes are applied
with Core statements (sync.merge), which fire none of these events, so they are never captured again.
"""

from __future__ import annotations

import itertools
import json
import unicodedata
from typing import Any

from sqlalchemy import Connection, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from ptds_desktop.db import clock, counters
from ptds_desktop.db.changes import record_changes
from ptds_desktop.db.engine import shared_write
from ptds_desktop.db.session import office_of
from ptds_desktop.db.synced import (
    CREATION,
    ENROLLER_FIELDS,
    META_FIELDS,
    PURGE_MARKER,
    SEEN_MARKER,
    area,
    delete_conflicts,
    encode,
    may_change,
    office_parents,
    tables,
)
from ptds_desktop.errors import PtdsError
from ptds_desktop.i18n import translate
from ptds_desktop.models.base import new_id

SEQ_KEY = "sync_seq"
STAMP_INFO = "_sync_stamp"


def _synced(obj) -> bool:
    return getattr(obj, "__synced__", False)


def next_seqs(conn: Connection, count: int) -> int:
    """Reserve `count` sequence numbers of this office; returns the first. One statement (db.counters): staff
    writing at once on a shared database never take the same numbers."""
    return counters.add(conn, SEQ_KEY, count) - count + 1


def last_seq(conn: Connection) -> int:
    return counters.read(conn, SEQ_KEY)


def _before_flush(session: Session, _ctx, _instances) -> None:
    if any(_synced(o) for o in session.deleted):
        raise PtdsError(
            translate("Core", "Không xóa hẳn dữ liệu đồng bộ; hãy đánh dấu xóa (deleted = True) để xóa lan sang văn "
                              "phòng khác.")
        )
    new = [o for o in session.new if _synced(o)]
    dirty = [o for o in session.dirty if _synced(o) and session.is_modified(o, include_collections=False)]
    if not new and not dirty:
        return
    office_id = office_of(session)
    conn = session.connection()
    shared_write(conn)  # before the first write: an import or export running now finishes first
    parents = office_parents(conn)
    for obj in new:
        if obj.id is None:
            obj.id = new_id()
        if obj.__tablename__ == "offices":
            parents[obj.id] = obj.parent_id
    for obj in dirty:
        state = inspect(obj)
        for name in ("id", *META_FIELDS):
            if state.attrs[name].history.deleted:
                raise PtdsError(translate("Core", "Không được đổi trường {name} của một dòng đồng bộ ({table} "
                                                  "{id}).").format(name=name, table=obj.__tablename__, id=obj.id))
        for name in ENROLLER_FIELDS.get(obj.__tablename__, ()):
            if state.attrs[name].history.deleted and office_id != obj.created_by:
                raise PtdsError(translate(
                    "Core", "Chỉ văn phòng đã đăng ký “{office}” mới được đổi cấp và đơn vị cấp trên của nó.").format(
                    office=obj.name))
    for obj in new + dirty:
        if may_change(office_id, obj.owner_office_id, parents) is not True:
            owner = conn.exec_driver_sql("SELECT name FROM offices WHERE id=?", (obj.owner_office_id,)).scalar()
            raise PtdsError(
                translate("Core", "Văn phòng này không có quyền sửa dữ liệu “{area}” (mã {id}) do văn phòng “{owner}” "
                                  "quản lý.").format(
                    area=area(obj.__tablename__), id=obj.id, owner=owner or obj.owner_office_id)
            )
    stamp = clock.tick(conn, conn.engine)
    # After a clock reset a row may carry a stamp this office gave it while its clock was wrong: an edit of it
    # must still be later, or it would lose to the old value wherever that value arrives.
    newest_edited = max((inspect(o).attrs.hlc.loaded_value or 0 for o in dirty), default=0)
    if isinstance(newest_edited, int) and newest_edited >= stamp:
        if newest_edited >= clock.MAX_STAMP:
            raise PtdsError(f"Dòng “{area(dirty[0].__tablename__)}” mang dấu thời gian hỏng, không sửa được.")
        stamp = newest_edited + 1
    session.info[STAMP_INFO] = stamp
    for obj in new + dirty:
        obj.hlc = stamp


def _after_flush(session: Session, _ctx) -> None:
    stamp = session.info.pop(STAMP_INFO, None)
    if stamp is None:
        return
    office_id = office_of(session)
    conn = session.connection()
    infos = tables()
    outbox = []  # (tbl, row_id, field, value, hlc, base_hlc, base_origin)
    clocks = []  # (tbl, row_id, field, hlc, origin, base_hlc)
    seen = []  # the values the editor saw: overwritten knowingly, never a conflict
    delete_checks = []  # edited rows that are, or were, deleted: their delete conflicts are worked out again
    new = session.new  # the property builds a new set on every access
    for obj in new:
        if not _synced(obj):
            continue
        info = infos[obj.__tablename__]
        for field in info.fields:
            outbox.append((info.name, obj.id, field, encode(info, field, getattr(obj, field)), stamp, 0, ""))
        clocks.append((info.name, obj.id, CREATION, stamp, office_id, 0))
    for obj in session.dirty:
        if not _synced(obj) or obj in new:
            continue
        state = inspect(obj)
        info = infos[obj.__tablename__]
        changed = [f for f in info.fields if state.attrs[f].history.has_changes()]
        if not changed:
            continue
        old_row_stamp = (state.attrs.hlc.history.deleted or [0])[0] or 0
        known = {
            f: (h, o)
            for f, h, o in conn.exec_driver_sql(
                "SELECT field, hlc, origin FROM sync_field_clock WHERE tbl=? AND row_id=?", (info.name, obj.id)
            )
        }
        for field in changed:
            if field == "deleted":
                base = (old_row_stamp, "")
                if not obj.deleted:  # restored: the delete conflicts of the row are dealt with
                    conn.exec_driver_sql(
                        "DELETE FROM sync_conflicts WHERE tbl=? AND row_id=? AND kind='delete'", (info.name, obj.id)
                    )
            else:
                base = known.get(field) or known.get(CREATION) or (old_row_stamp, "")
            outbox.append((info.name, obj.id, field, encode(info, field, getattr(obj, field)), stamp, base[0], base[1]))
            clocks.append((info.name, obj.id, field, stamp, office_id, base[0] if field == "deleted" else 0))
            if base[0] and field != "deleted":
                seen.append((info.name, obj.id, field, base[0], base[1]))
        if obj.deleted or "deleted" in changed:
            delete_checks.append((info, obj, old_row_stamp))
    _write_outbox(conn, outbox)
    if seen:
        conn.exec_driver_sql(SEEN_INSERT,
            seen)
    if clocks:
        conn.exec_driver_sql(
            CLOCK_UPSERT,
            clocks,
        )
    for info, obj, old_row_stamp in delete_checks:
        _recheck_delete_conflicts(conn, info, obj, old_row_stamp)


def _recheck_delete_conflicts(conn: Connection, info: Any, obj: Any, old_row_stamp: int) -> None:
    """An edit of a deleted row is a 'delete' conflict here exactly as it will be at every receiver."""
    row_clock = {f: (h, o, b) for f, h, o, b in conn.exec_driver_sql(
        "SELECT field, hlc, origin, base_hlc FROM sync_field_clock WHERE tbl=? AND row_id=?", (info.name, obj.id))}
    seen = {(f, h, o) for f, h, o in conn.exec_driver_sql(
        "SELECT field, hlc, origin FROM sync_seen WHERE tbl=? AND row_id=?", (info.name, obj.id))}
    values = {f: encode(info, f, getattr(obj, f)) for f in info.fields}
    conn.exec_driver_sql("DELETE FROM sync_conflicts WHERE tbl=? AND row_id=? AND kind='delete'", (info.name, obj.id))
    found = [(info.name, obj.id, field, "delete", json.dumps(value, ensure_ascii=False), stamp[0], stamp[1])
             for field, value, stamp in delete_conflicts(info.fields, values, row_clock, (old_row_stamp, "", 0))
             if (field, stamp[0], stamp[1]) not in seen]
    if found:
        conn.exec_driver_sql(
            "INSERT INTO sync_conflicts(tbl, row_id, field, kind, value, hlc, origin) VALUES (?,?,?,?,?,?,?)", found)
    record_changes(conn, "sync_conflicts")


_JSON = json.JSONEncoder(ensure_ascii=False)
_json_str = json.encoder.c_encode_basestring or json.encoder.py_encode_basestring  # type: ignore[attr-defined]


def to_json(value: Any) -> str:
    """`json.dumps(value, ensure_ascii=False)`, without building an encoder per value (a bulk insert writes tens
    of thousands: benchmarks/bench_tasks_excel.py); text and nulls, most values, take the short way."""
    if value is None:
        return "null"
    kind = value.__class__
    if kind is str:
        return _json_str(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    return _JSON.encode(value)


SEEN_INSERT = "INSERT INTO sync_seen(tbl, row_id, field, hlc, origin) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING"
CLOCK_UPSERT = (  # a field's newest stamp: one row per field, the newer write replaces it
    "INSERT INTO sync_field_clock(tbl, row_id, field, hlc, origin, base_hlc) VALUES (?,?,?,?,?,?) "
    "ON CONFLICT (tbl, row_id, field) DO UPDATE SET hlc=excluded.hlc, origin=excluded.origin, "
    "base_hlc=excluded.base_hlc"
)
_OUTBOX_INSERT = (
    "INSERT INTO sync_outbox(seq, tbl, row_id, field, value, hlc, base_hlc, base_origin) VALUES (?,?,?,?,?,?,?,?)"
)


def _write_outbox(conn: Connection, outbox: list[Any]) -> None:
    if not outbox:
        return
    first = next_seqs(conn, len(outbox))
    conn.exec_driver_sql(
        _OUTBOX_INSERT,
        [(first + i, t, r, f, to_json(v), h, bh, bo) for i, (t, r, f, v, h, bh, bo) in enumerate(outbox)],
    )


def mark_seen(session: Session, tbl: str, row_id: str, field: str, hlc: int, origin: str) -> None:
    """Record, as a change that syncs, that the user has dealt with this losing value (it is no conflict)."""
    office_of(session)
    session.flush()
    conn = session.connection()
    stamp = clock.tick(conn, conn.engine)
    _write_outbox(conn, [(tbl, row_id, SEEN_MARKER, [field, hlc, origin], stamp, 0, "")])
    conn.exec_driver_sql(
        "DELETE FROM sync_conflicts WHERE tbl=? AND row_id=? AND field=? AND hlc=? AND origin=?",
        (tbl, row_id, field, hlc, origin),
    )
    conn.exec_driver_sql(
        SEEN_INSERT,
        (tbl, row_id, field, hlc, origin),
    )


def record_purges(conn: Connection, purges: list[tuple[str, str, Any]]) -> None:
    """Record, as this office's changes that sync, that these tombstones (table, row id, the deletion's
    [stamp, origin]) are purged everywhere (sync.purge)."""
    if purges:
        stamp = clock.tick(conn, conn.engine)
        _write_outbox(conn, [(tbl, row_id, PURGE_MARKER, value, stamp, 0, "") for tbl, row_id, value in purges])
        record_changes(conn, "sync_outbox")


def bulk_insert(session: Session, model, rows: list[dict]) -> list[str]:
    """Insert many new rows of a synced model in one statement (DESIGN §7: no per-row ORM objects) and record
    them as this office's changes, exactly as a flush of the same new objects would. Returns their ids."""
    if not rows:
        return []
    session.flush()
    office_id = office_of(session)
    conn = session.connection()
    shared_write(conn)
    stamp = clock.tick(conn, conn.engine)
    table = model.__table__
    info = tables()[table.name]
    # Column defaults read once: constants, and callables (ids) called per row.
    constant = {c.name: c.default.arg if c.default is not None and c.default.is_scalar else None for c in table.columns}
    computed = {c.name: c.default.arg for c in table.columns if c.default is not None and c.default.is_callable}
    full_rows: list[dict[str, Any]] = []
    for row in rows:
        full: dict[str, Any] = constant.copy()
        full.update(row if row.keys() <= constant.keys() else {k: v for k, v in row.items() if k in constant})
        for name, make in computed.items():
            if name not in row:
                full[name] = make({})
        full["id"] = full["id"] or new_id()
        full["created_by"] = full["created_by"] or office_id
        full["owner_office_id"] = full["owner_office_id"] or office_id
        full["deleted"] = bool(full["deleted"])
        full["hlc"] = stamp
        for name, value in full.items():
            if isinstance(value, str):
                full[name] = unicodedata.normalize("NFC", value)
        full_rows.append(full)
    # Each column encoded once (dates as text, booleans as 0/1, as SQLAlchemy would bind them): the same values
    # fill the table and the outbox; the row tuples come out of zip.
    columns: dict[str, list[Any]] = {}
    for name in constant:
        values = [r[name] for r in full_rows]
        encoder = info.encoders.get(name)
        if encoder is not None:
            values = [None if v is None else encoder(v) for v in values]
        columns[name] = values
    conn.exec_driver_sql(
        f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        list(zip(*columns.values())),
    )
    record_changes(conn, table.name)
    # The outbox rows written in one pass (what _write_outbox would write: one change per field, in order), built
    # column by column so the per-change tuples come out of zip, not out of Python code per change.
    json_columns = [list(map(to_json, columns[f])) for f in info.fields]
    per_row = len(info.fields)
    seq = next_seqs(conn, len(full_rows) * per_row)
    changes = list(zip(
        itertools.count(seq), itertools.repeat(info.name), itertools.chain.from_iterable(
            itertools.repeat(row_id, per_row) for row_id in columns["id"]), itertools.cycle(info.fields),
        itertools.chain.from_iterable(zip(*json_columns)), itertools.repeat(stamp), itertools.repeat(0),
        itertools.repeat(""),
    ))
    conn.exec_driver_sql(_OUTBOX_INSERT, changes)
    conn.exec_driver_sql(
        CLOCK_UPSERT,
        [(info.name, r["id"], CREATION, stamp, office_id, 0) for r in full_rows],
    )
    return [r["id"] for r in full_rows]


def install_capture(factory: sessionmaker) -> None:
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)
