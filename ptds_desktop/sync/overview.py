"""What the Sync screen shows, read in one go: the status of this office and its peers, and the conflicts to
review, each with the name of the record it is about (the table's declared name column, sync.schema)."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from ptds_desktop.db.database import Database
from ptds_desktop.db.synced import tables
from ptds_desktop.models.base import synced_tables
from ptds_desktop.sync.conflicts import ConflictInfo, list_conflicts
from ptds_desktop.sync.status import SyncStatus, status

SHORT_ID = 8  # a record without a name column is shown by the start of its id


@dataclasses.dataclass(frozen=True)
class ConflictRow:
    """A conflict as the screen lists it: ConflictInfo plus the name of the record it is about."""

    id: int
    info: ConflictInfo
    record: str


@dataclasses.dataclass(frozen=True)
class SyncOverview:
    status: SyncStatus
    conflicts: list[ConflictRow]


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


def sync_overview(db: Database) -> SyncOverview:
    conflicts = list_conflicts(db)
    names = record_names(db, {(c.table, c.row_id) for c in conflicts})
    rows = [ConflictRow(c.id, c, names[(c.table, c.row_id)]) for c in conflicts]
    return SyncOverview(status(db), rows)
