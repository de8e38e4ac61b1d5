"""Session-level hooks: sync metadata defaults and NFC text, applied in one place for every write."""

from __future__ import annotations

import unicodedata

from sqlalchemy import String, Text, event
from sqlalchemy.orm import Session, sessionmaker

from ptds_desktop.db.changes import install_change_recording
from ptds_desktop.errors import PtdsError


def _normalise_text(obj) -> None:
    for column in obj.__table__.columns:
        if isinstance(column.type, (String, Text)):
            value = getattr(obj, column.key, None)
            if isinstance(value, str) and not unicodedata.is_normalized("NFC", value):
                setattr(obj, column.key, unicodedata.normalize("NFC", value))


def office_of(session: Session) -> str:
    """The office this session writes as; synced rows cannot be written before `ptds init`."""
    office_id = session.info.get("office_id")
    if office_id is None:
        raise PtdsError("Chưa khởi tạo văn phòng cho cơ sở dữ liệu này. Hãy chạy 'ptds init'.")
    return office_id


def _fill_sync_metadata(session: Session, _flush_context, _instances) -> None:
    new = session.new  # computed once: the property builds a new set on every access
    for obj in list(new) + list(session.dirty):
        if not getattr(obj, "__synced__", False):
            continue
        _normalise_text(obj)
        if obj in new:
            if not obj.created_by or not obj.owner_office_id:
                office_id = office_of(session)
                obj.created_by = obj.created_by or office_id
                obj.owner_office_id = obj.owner_office_id or office_id


def install_session_hooks(factory: sessionmaker) -> None:
    from ptds_desktop.sync.capture import install_capture

    event.listen(factory, "before_flush", _fill_sync_metadata)
    install_capture(factory)  # after the metadata fill: capture needs the owner set
    install_change_recording(factory)
