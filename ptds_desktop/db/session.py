"""What every write session carries and does before a flush: the office it writes as, NFC text, sync metadata."""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path
from typing import Any

from sqlalchemy import String, Text, event
from sqlalchemy.orm import Session, sessionmaker

from ptds_desktop.errors import PtdsError
from ptds_desktop.i18n import translate

_CONTEXT_KEY = "ptds_write_context"


@dataclasses.dataclass(frozen=True)
class WriteContext:
    """Who writes and where: set once per session by `Database.unit_of_work`, read with `write_context`."""

    office_id: str | None  # None until `ptds init`
    db_path: Path  # the database file; attachments and keys live beside it


def bind_context(session: Session, context: WriteContext) -> None:
    session.info[_CONTEXT_KEY] = context


def write_context(session: Session) -> WriteContext:
    context = session.info.get(_CONTEXT_KEY)
    if not isinstance(context, WriteContext):
        raise PtdsError(translate("Core", "Phiên làm việc không gắn với cơ sở dữ liệu nào."))
    return context


def office_of(session: Session) -> str:
    """The office this session writes as; synced rows cannot be written before `ptds init`."""
    office_id = write_context(session).office_id
    if office_id is None:
        raise PtdsError(translate("Core", "Chưa khởi tạo văn phòng cho cơ sở dữ liệu này. Hãy chạy 'ptds init'."))
    return office_id


def _normalise_text(obj: Any) -> None:
    for column in obj.__table__.columns:
        if isinstance(column.type, (String, Text)):
            value = getattr(obj, column.key, None)
            if isinstance(value, str) and not unicodedata.is_normalized("NFC", value):
                setattr(obj, column.key, unicodedata.normalize("NFC", value))


def _fill_sync_metadata(session: Session, _flush_context: object, _instances: object) -> None:
    new = session.new  # computed once: the property builds a new set on every access
    for obj in list(new) + list(session.dirty):
        if not getattr(obj, "__synced__", False):
            continue
        _normalise_text(obj)
        if obj in new and (not obj.created_by or not obj.owner_office_id):
            office_id = office_of(session)
            obj.created_by = obj.created_by or office_id
            obj.owner_office_id = obj.owner_office_id or office_id


def install_metadata_fill(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _fill_sync_metadata)
