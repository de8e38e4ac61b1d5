"""Values that lost to a concurrent edit or delete: list them, put one back, or keep the current value.
Either decision is an ordinary change: it syncs, so no other office has to decide again."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from sqlalchemy import Connection, Row

from ptds_desktop.db import clock
from ptds_desktop.db.capture import mark_seen
from ptds_desktop.db.database import Database
from ptds_desktop.db.synced import area
from ptds_desktop.errors import NotFoundError
from ptds_desktop.models.base import model_for_table
from ptds_desktop.sync.peers import office_names


@dataclasses.dataclass(frozen=True)
class ConflictInfo:
    id: int
    kind: str  # edit: lost to a concurrent edit; delete: edited while someone deleted the row
    table: str
    area: str
    row_id: str
    field: str
    lost_value: object
    lost_origin_id: str
    lost_origin_name: str
    lost_at: str  # ISO time of the losing edit
    current_value: object
    row_deleted: bool


def list_conflicts(db: Database) -> list[ConflictInfo]:
    with db.engine.connect() as conn:
        names = office_names(conn)
        result = []
        for cid, tbl, row_id, field, kind, value, hlc, origin in conn.exec_driver_sql(
            "SELECT id, tbl, row_id, field, kind, value, hlc, origin FROM sync_conflicts ORDER BY hlc, id"
        ):
            row = conn.exec_driver_sql(f"SELECT {field}, deleted FROM {tbl} WHERE id=?", (row_id,)).fetchone()
            result.append(ConflictInfo(cid, kind, tbl, area(tbl), row_id, field, json.loads(value), origin,
                                       names.get(origin, origin), clock.stamp_time(hlc).isoformat(timespec="seconds"),
                                       row[0] if row else None, bool(row[1]) if row else False))
    return result


def _conflict(conn: Connection, conflict_id: int) -> Row[Any]:
    row = conn.exec_driver_sql(
        "SELECT tbl, row_id, field, kind, value, hlc, origin FROM sync_conflicts WHERE id=?", (conflict_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"Không tìm thấy xung đột số {conflict_id} (có thể đã được xử lý ở văn phòng khác).")
    return row


def restore_conflict(db: Database, conflict_id: int) -> ConflictInfo:
    """Put the losing value back (an 'edit' conflict) or undelete the row (a 'delete' conflict).
    The resolution is an ordinary change: it syncs, so no other office resolves it again."""
    with db.engine.connect() as conn:
        tbl, row_id, field, kind, value, hlc, origin = _conflict(conn, conflict_id)
    info = next(c for c in list_conflicts(db) if c.id == conflict_id)
    model = model_for_table(tbl)
    with db.unit_of_work() as session:
        obj = session.get(model, row_id)
        if obj is None:  # a conflict is only recorded on a row held here
            raise NotFoundError(f"Không tìm thấy dòng {row_id} của bảng {tbl}.")
        if kind == "delete":
            obj.deleted = False
        else:
            column = model.__table__.columns[field]
            decoded = json.loads(value)
            result_processor = column.type.dialect_impl(session.get_bind().dialect).result_processor(
                session.get_bind().dialect, None)
            setattr(obj, field, result_processor(decoded) if result_processor and decoded is not None else decoded)
        session.flush()
        mark_seen(session, tbl, row_id, field, hlc, origin)
    return info


def dismiss_conflict(db: Database, conflict_id: int) -> ConflictInfo:
    """Keep the current value; the decision syncs like any change."""
    with db.engine.connect() as conn:
        tbl, row_id, field, _kind, _value, hlc, origin = _conflict(conn, conflict_id)
    info = next(c for c in list_conflicts(db) if c.id == conflict_id)
    with db.unit_of_work() as session:
        mark_seen(session, tbl, row_id, field, hlc, origin)
    return info
