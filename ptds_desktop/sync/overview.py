"""What the Sync screen shows, read in one go: the status of this office and its peers, and the conflicts to
review, each with the name of the record it is about (the table's declared name column, sync.schema)."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from ptds_desktop.config import Settings
from ptds_desktop.db.database import Database
from ptds_desktop.db.synced import area, tables
from ptds_desktop.models.base import synced_tables
from ptds_desktop.sync.certificates import KeyConflict, key_conflicts
from ptds_desktop.sync.conflicts import ConflictInfo, list_conflicts
from ptds_desktop.sync.peers import office_names, require_office
from ptds_desktop.sync.status import SyncStatus, status

SHORT_ID = 8  # a record without a name column is shown by the start of its id


@dataclasses.dataclass(frozen=True)
class ConflictRow:
    """A conflict as the screen lists it: ConflictInfo plus the name of the record it is about."""

    id: int
    info: ConflictInfo
    record: str


@dataclasses.dataclass(frozen=True)
class RejectedChange:
    """A change refused because its sender may not change that row, or that field: a received change refused
    here, or a change of this office that another office reported it refused."""

    origin_id: str
    origin_name: str
    refused_by_id: str
    refused_by_name: str
    seq: int
    area: str
    table: str
    row_id: str
    record: str
    field: str
    reason: str


@dataclasses.dataclass(frozen=True)
class SyncOverview:
    status: SyncStatus
    conflicts: list[ConflictRow]
    rejected: list[RejectedChange]
    key_conflicts: list[KeyConflict]


def record_names(db: Database, keys: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(table, row id) -> the record's name, or the start of its id when it has none."""
    known = {t.name: t for t in synced_tables()}
    infos = tables()
    names: dict[tuple[str, str], str] = {}
    with db.engine.connect() as conn:
        for table_name, row_id in keys:
            table, info = known.get(table_name), infos.get(table_name)
            value = None
            if table is not None and info is not None and info.name_column is not None:
                column = table.c[info.name_column]
                value = conn.execute(select(column).where(table.c.id == row_id)).scalar()
            names[(table_name, row_id)] = str(value) if value else row_id[:SHORT_ID]
    return names


def list_rejected(db: Database) -> list[RejectedChange]:
    """Every refused change, newest sender first by name, with the sender's and the record's names."""
    me = require_office(db)
    with db.engine.connect() as conn:
        offices = office_names(conn)
        here = conn.exec_driver_sql("SELECT origin, seq, tbl, row_id, field, reason FROM sync_rejections").fetchall()
        elsewhere = conn.exec_driver_sql(
            "SELECT office_id, seq, tbl, row_id, field, reason FROM sync_refused_elsewhere").fetchall()
    names = record_names(db, {(t, r) for _o, _s, t, r, _f, _why in [*here, *elsewhere]})

    def name(office_id: str) -> str:
        return offices.get(office_id, office_id[:SHORT_ID])

    result = [RejectedChange(o, name(o), me, name(me), s, area(t), t, r, names[(t, r)], f, why)
              for o, s, t, r, f, why in here]
    result += [RejectedChange(me, name(me), o, name(o), s, area(t), t, r, names[(t, r)], f, why)
               for o, s, t, r, f, why in elsewhere]
    return sorted(result, key=lambda x: (x.origin_name, x.refused_by_name, x.seq))


def sync_overview(db: Database, warn_after_days: int = Settings.sync_warn_days) -> SyncOverview:
    conflicts = list_conflicts(db)
    names = record_names(db, {(c.table, c.row_id) for c in conflicts})
    rows = [ConflictRow(c.id, c, names[(c.table, c.row_id)]) for c in conflicts]
    return SyncOverview(status(db, warn_after_days), rows, list_rejected(db), key_conflicts(db))
