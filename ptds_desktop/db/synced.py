"""What sync needs to know about the synced tables: columns, foreign keys, stored value encoding,
and who may change a row (the owner office or one of its ancestors)."""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.dialects import sqlite

import ptds_desktop.models  # noqa: F401  (complete metadata)
from ptds_desktop.models.base import synced_tables

META_FIELDS = ("created_by", "owner_office_id")
SEEN_MARKER = "#seen"  # pseudo-field: "this stamp of that field was seen" (a resolved conflict)
PURGE_MARKER = "#purged"  # pseudo-field: "this tombstone is purged everywhere" (sync.purge)
CREATION = "*"  # field-clock entry holding the stamp of the row's creation
# An office's place in the tree belongs to the office that enrolled it (the row's created_by), not to the
# office itself: otherwise a commune could leave its province's authority by changing its own parent.
ENROLLER_FIELDS: dict[str, tuple[str, ...]] = {"offices": ("parent_id", "level")}
NO_CONFLICT_FIELDS = {"deleted", *META_FIELDS}
_DIALECT = sqlite.dialect()

# Areas shown in previews and reports, by table.
AREA_LABELS = {
    "offices": "Văn phòng", "organizations": "Cơ quan, đơn vị", "people": "Cá nhân",
    "command_boards": "Ban Chỉ huy", "attachments": "Tệp đính kèm", "decisions": "Quyết định",
    "board_memberships": "Thành viên Ban Chỉ huy", "plans": "Kế hoạch", "plan_sections": "Kế hoạch",
    "tasks": "Nhiệm vụ", "task_agencies": "Nhiệm vụ", "task_assignments": "Nhiệm vụ",
    "progress_reports": "Tiến độ", "conferences": "Hội nghị", "venues": "Hội nghị", "agenda_items": "Hội nghị",
    "participant_groups": "Hội nghị", "invitees": "Hội nghị", "presentations": "Hội nghị",
    "preparation_duties": "Hội nghị", "conference_milestones": "Hội nghị", "distribution_entries": "Văn bản",
    "signature_blocks": "Văn bản", "document_settings": "Văn bản",
}

# The column that names a record to a person (which record a conflict is about); None: the table has none.
RECORD_NAME_COLUMNS: dict[str, str | None] = {
    "offices": "name", "organizations": "name", "people": "full_name", "command_boards": "name",
    "attachments": "filename", "decisions": "number_symbol", "board_memberships": "position_text",
    "plans": "title", "plan_sections": "title", "tasks": "content", "task_agencies": None,
    "task_assignments": None, "progress_reports": "text", "conferences": "title", "venues": "name",
    "agenda_items": "title", "participant_groups": "name", "invitees": "text", "presentations": "topic",
    "preparation_duties": "content", "distribution_entries": "text", "signature_blocks": "signer_name",
    "document_settings": "issuing_body", "conference_milestones": "title",
}


@dataclasses.dataclass(frozen=True)
class TableInfo:
    name: str
    order: int  # position in dependency order (parents first)
    fields: tuple[str, ...]  # every column but id and hlc
    foreign_keys: dict  # column -> referenced table
    encoders: dict  # column -> bind processor (Python value -> stored value), only where one exists
    name_column: str | None  # RECORD_NAME_COLUMNS
    decoders: dict  # column -> result processor (stored value -> Python value), only where one exists


@functools.cache
def tables() -> dict[str, TableInfo]:
    result = {}
    for order, table in enumerate(synced_tables()):
        fields = tuple(c.name for c in table.columns if c.name not in ("id", "hlc"))
        fks = {}
        for fk in table.foreign_keys:
            fks[fk.parent.name] = fk.column.table.name
        encoders, decoders = {}, {}
        for column in table.columns:
            impl = column.type.dialect_impl(_DIALECT)
            if (encoder := impl.bind_processor(_DIALECT)) is not None:
                encoders[column.name] = encoder
            if (decoder := impl.result_processor(_DIALECT, None)) is not None:
                decoders[column.name] = decoder
        result[table.name] = TableInfo(str(table.name), order, fields, fks, encoders, RECORD_NAME_COLUMNS[table.name],
                                       decoders)
    return result


def area(table: str) -> str:
    return AREA_LABELS.get(table, table)


def encode(info: TableInfo, field: str, value):
    """The value as the database stores it (dates as text, booleans as 0/1): what travels in changes."""
    processor = info.encoders.get(field)
    if processor is not None and value is not None:
        return processor(value)
    return value


def decode(info: TableInfo, field: str, value):
    """The Python value of a stored value as it travels (the inverse of `encode`), whatever the engine here."""
    processor = info.decoders.get(field)
    if processor is not None and value is not None:
        return processor(value)
    return value


def office_parents(conn: Connection) -> dict[str, str | None]:
    return {office_id: parent for office_id, parent in conn.exec_driver_sql("SELECT id, parent_id FROM offices")}


def may_change(origin: str, owner: str, parents: dict[str, Any]) -> bool | None:
    """True when `origin` is the owner or an ancestor of it; None while the owner's line is unknown here."""
    office = owner
    visited = set()
    while office is not None and office not in visited:
        if office == origin:
            return True
        if office not in parents:
            return None
        visited.add(office)
        office = parents[office]
    return False


def delete_conflicts(fields: tuple[str, ...], values: dict[str, Any], row_clock: dict[str, Any],
                     fallback: tuple[Any, ...]) -> list[tuple[str, Any, tuple[Any, ...]]]:
    """On a deleted row, the fields whose value is newer than what the deleter saw: (field, value, stamp).
    One rule for received changes (sync.merge) and local edits (db.capture), so every office lists the same."""
    if not values.get("deleted"):
        return []
    deletion = row_clock.get("deleted") or row_clock.get(CREATION) or fallback
    result = []
    for field in fields:
        if field in NO_CONFLICT_FIELDS:
            continue
        stamp = row_clock.get(field) or row_clock.get(CREATION) or fallback
        if stamp[1] and stamp[0] > deletion[2] and stamp[:2] != deletion[:2]:
            result.append((field, values.get(field), stamp))
    return result
