"""Values that lost to a concurrent edit or delete: list them, put one back, or keep the current value.
Either decision is an ordinary change: it syncs, so no other office has to decide again.

A conflict's number is derived from the changes in it (row, field, stamp and office of the losing value, kind),
never a local counter: every office lists the same conflicts under the same numbers, so "xung đột số 482913"
read out on the phone means one thing everywhere."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any

from sqlalchemy import Connection, Row

from ptds_desktop.db import clock
from ptds_desktop.db.capture import mark_seen
from ptds_desktop.db.database import Database
from ptds_desktop.db.synced import area, decode, tables
from ptds_desktop.errors import NotFoundError, PtdsError
from ptds_desktop.i18n import translate
from ptds_desktop.models.base import model_for_table
from ptds_desktop.sync.peers import office_names

NUMBER_SPAN = 900_000  # six digits: short enough to read out, and two conflicts rarely share one


def conflict_number(tbl: str, row_id: str, field: str, kind: str, hlc: int, origin: str) -> int:
    digest = hashlib.sha256(f"{tbl}\n{row_id}\n{field}\n{kind}\n{hlc}\n{origin}".encode()).digest()
    return 100_000 + int.from_bytes(digest[:8], "big") % NUMBER_SPAN


@dataclasses.dataclass(frozen=True)
class ConflictInfo:
    id: int  # the conflict's number, the same in every office (`conflict_number`)
    kind: str  # edit: lost to a concurrent edit; delete: edited while someone deleted the row;
    # create: two offices created rows with one id, this creation lost (field owner_office_id)
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
        for tbl, row_id, field, kind, value, hlc, origin in conn.exec_driver_sql(
            "SELECT tbl, row_id, field, kind, value, hlc, origin FROM sync_conflicts "
            "ORDER BY hlc, origin, tbl, row_id, field, kind"
        ):
            row = conn.exec_driver_sql(f"SELECT {field}, deleted FROM {tbl} WHERE id=?", (row_id,)).fetchone()
            number = conflict_number(tbl, row_id, field, kind, hlc, origin)
            result.append(ConflictInfo(number, kind, tbl, area(tbl), row_id, field, json.loads(value), origin,
                                       names.get(origin, origin), clock.stamp_time(hlc).isoformat(timespec="seconds"),
                                       row[0] if row else None, bool(row[1]) if row else False))
    return result


def _conflict(conn: Connection, number: int) -> Row[Any]:
    found = [row for row in conn.exec_driver_sql(
        "SELECT tbl, row_id, field, kind, value, hlc, origin FROM sync_conflicts")
        if conflict_number(row[0], row[1], row[2], row[3], row[5], row[6]) == number]
    if not found:
        raise NotFoundError(translate(
            "Core", "Không tìm thấy xung đột số {number} (có thể đã được xử lý ở văn phòng khác).").format(
            number=number))
    if len(found) > 1:
        raise PtdsError(translate(
            "Core", "Có {count} xung đột cùng số {number}; hãy xử lý chúng trên màn hình Đồng bộ.").format(
            count=len(found), number=number))
    return found[0]


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
            raise NotFoundError(translate("Core", "Không tìm thấy dòng {row_id} của bảng {table}.").format(
                row_id=row_id, table=tbl))
        if kind == "create":
            raise PtdsError(translate(
                "Core", "Xung đột số {number}: hai văn phòng đã tạo dòng cùng một mã và bản của văn phòng "
                "“{office}” không được giữ. Không khôi phục được bản đó; hãy nhập lại nó thành "
                "một dòng mới, rồi chọn giữ giá trị hiện tại để đóng xung đột.").format(
                number=conflict_id, office=info.lost_origin_name))
        if kind == "delete":
            obj.deleted = False
        else:
            setattr(obj, field, decode(tables()[tbl], field, json.loads(value)))
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
