"""Change capture, in one place: ORM flushes of synced rows become field-level changes in the outbox.

Installed on every session factory by `db.database.Database`. Remote changes are applied
with Core statements (sync.merge), which fire none of these events, so they are never captured again.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from sqlalchemy import Connection, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from ptds_desktop.db import clock
from ptds_desktop.db.changes import record_changes
from ptds_desktop.db.session import office_of
from ptds_desktop.db.synced import CREATION, META_FIELDS, SEEN_MARKER, area, encode, may_change, office_parents, tables
from ptds_desktop.errors import PtdsError
from ptds_desktop.i18n import translate
from ptds_desktop.models.base import new_id

SEQ_KEY = "sync_seq"
STAMP_INFO = "_sync_stamp"


def _synced(obj) -> bool:
    return getattr(obj, "__synced__", False)


def next_seqs(conn: Connection, count: int) -> int:
    """Reserve `count` sequence numbers of this office; returns the first."""
    row = conn.exec_driver_sql("SELECT value FROM local_settings WHERE key=?", (SEQ_KEY,)).fetchone()
    last = int(row[0]) if row else 0
    conn.exec_driver_sql(
        "INSERT INTO local_settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
        (SEQ_KEY, str(last + count)),
    )
    return last + 1


def last_seq(conn: Connection) -> int:
    row = conn.exec_driver_sql("SELECT value FROM local_settings WHERE key=?", (SEQ_KEY,)).fetchone()
    return int(row[0]) if row else 0


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
    for obj in new + dirty:
        if may_change(office_id, obj.owner_office_id, parents) is not True:
            owner = conn.exec_driver_sql("SELECT name FROM offices WHERE id=?", (obj.owner_office_id,)).scalar()
            raise PtdsError(
                translate("Core", "Văn phòng này không có quyền sửa dữ liệu “{area}” (mã {id}) do văn phòng “{owner}” "
                                  "quản lý.").format(
                    area=area(obj.__tablename__), id=obj.id, owner=owner or obj.owner_office_id)
            )
    stamp = clock.tick(conn, conn.engine)
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
    _write_outbox(conn, outbox)
    if seen:
        conn.exec_driver_sql("INSERT OR IGNORE INTO sync_seen(tbl, row_id, field, hlc, origin) VALUES (?,?,?,?,?)",
            seen)
    if clocks:
        conn.exec_driver_sql(
            "INSERT OR REPLACE INTO sync_field_clock(tbl, row_id, field, hlc, origin, base_hlc) VALUES (?,?,?,?,?,?)",
            clocks,
        )


def _write_outbox(conn: Connection, outbox: list[Any]) -> None:
    if not outbox:
        return
    first = next_seqs(conn, len(outbox))
    conn.exec_driver_sql(
        "INSERT INTO sync_outbox(seq, tbl, row_id, field, value, hlc, base_hlc, base_origin) VALUES (?,?,?,?,?,?,?,?)",
        [(first + i, t, r, f, json.dumps(v, ensure_ascii=False), h, bh, bo) for i, (t, r, f, v, h, bh,
            bo) in enumerate(outbox)],
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
        "INSERT OR IGNORE INTO sync_seen(tbl, row_id, field, hlc, origin) VALUES (?,?,?,?,?)",
        (tbl, row_id, field, hlc, origin),
    )


def _column_default(column):
    default = column.default
    if default is None:
        return None
    if default.is_callable:
        return default.arg({})  # per row: ids
    return default.arg if default.is_scalar else None


def bulk_insert(session: Session, model, rows: list[dict]) -> list[str]:
    """Insert many new rows of a synced model in one statement (DESIGN §7: no per-row ORM objects) and record
    them as this office's changes, exactly as a flush of the same new objects would. Returns their ids."""
    if not rows:
        return []
    session.flush()
    office_id = office_of(session)
    conn = session.connection()
    stamp = clock.tick(conn, conn.engine)
    table = model.__table__
    info = tables()[table.name]
    full_rows = []
    for row in rows:
        full = {c.name: row[c.name] if c.name in row else _column_default(c) for c in table.columns}
        full["id"] = full["id"] or new_id()
        full["created_by"] = full["created_by"] or office_id
        full["owner_office_id"] = full["owner_office_id"] or office_id
        full["deleted"] = bool(full["deleted"])
        full["hlc"] = stamp
        for name, value in full.items():
            if isinstance(value, str):
                full[name] = unicodedata.normalize("NFC", value)
        full_rows.append(full)
    conn.execute(table.insert(), full_rows)
    record_changes(conn, table.name)
    _write_outbox(conn, [
        (info.name, r["id"], f, encode(info, f, r[f]), stamp, 0, "") for r in full_rows for f in info.fields
    ])
    conn.exec_driver_sql(
        "INSERT OR REPLACE INTO sync_field_clock(tbl, row_id, field, hlc, origin, base_hlc) VALUES (?,?,?,?,?,?)",
        [(info.name, r["id"], CREATION, stamp, office_id, 0) for r in full_rows],
    )
    return [r["id"] for r in full_rows]


def install_capture(factory: sessionmaker) -> None:
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)
