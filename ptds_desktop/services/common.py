"""Helpers every service uses: text cleaning, fetching live rows, tombstoning."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, and_, func, true
from sqlalchemy.orm import InstrumentedAttribute, Session

from ptds_desktop.errors import NotFoundError, ValidationError
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate
from ptds_desktop.models.base import Synced
from ptds_desktop.text import capitalized, fold, nfc, parse_date

T = TypeVar("T", bound=Synced)

# What messages call the rows they could not find (translated where the message is made)
ORGANIZATION = QT_TRANSLATE_NOOP("Fields", "cơ quan, đơn vị")
PERSON = QT_TRANSLATE_NOOP("Fields", "người")
BOARD = QT_TRANSLATE_NOOP("Fields", "Ban Chỉ huy")
DECISION = QT_TRANSLATE_NOOP("Fields", "quyết định")
MEMBER = QT_TRANSLATE_NOOP("Fields", "thành viên")


def clean(value: str | None) -> str | None:
    """NFC, trimmed, inner runs of spaces collapsed; empty becomes None."""
    text = nfc(value)
    if not text:
        return None
    return " ".join(text.split())


def required(value: str | None, label: str, field: str, max_length: int | None = None) -> str:
    text = clean(value)
    if not text:
        raise ValidationError(translate("Core", "{label} không được để trống.").format(
            label=capitalized(translate("Fields", label))), field)
    if max_length and len(text) > max_length:
        raise ValidationError(translate("Core", "{label} dài quá {limit} ký tự ({length}).").format(
            label=capitalized(translate("Fields", label)), limit=max_length, length=len(text)), field)
    return text


def not_found(label: str, row_id: str | None) -> NotFoundError:
    """`label`: what was looked for, marked QT_TRANSLATE_NOOP("Fields", …) where it is written."""
    return NotFoundError(translate("Core", "Không tìm thấy {what} có mã {id}.").format(
        what=translate("Fields", label), id=row_id))


def get_live(session: Session, model: type[T], row_id: str | None, label: str) -> T:
    row = session.get(model, row_id) if row_id else None
    if row is None or row.deleted:
        raise not_found(label, row_id)
    return row


def untombstone(session: Session, model: type[T], row_id: str, label: str) -> T:
    """Undo of a delete: clear the tombstone (a change that syncs like any other)."""
    row = session.get(model, row_id)
    if row is None:
        raise not_found(label, row_id)
    row.deleted = False
    session.flush()
    return row


def referenced(session: Session, model: type[T], row_id: str) -> T:
    """The row a foreign key of a stored row points at (the database guarantees it is there)."""
    row = session.get(model, row_id)
    if row is None:
        raise NotFoundError(translate("Core", "Không tìm thấy dòng {id} ({table}).").format(
            id=row_id, table=model.__name__))
    return row


def folded_contains(query: str, *columns: ColumnElement[Any] | InstrumentedAttribute[Any]) -> ColumnElement[bool]:
    """SQL condition: every word of `query` occurs in one of the columns, ignoring case and diacritics."""
    joined: ColumnElement[Any] = func.coalesce(columns[0], "")
    for column in columns[1:]:
        joined = joined + " " + func.coalesce(column, "")
    haystack = func.ptds_fold(joined)
    return and_(true(), *[haystack.contains(word, autoescape=True) for word in fold(query).split()])


def as_date(value: dt.date | str | None, label: str, field: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if not value:
        raise ValidationError(translate("Dates", "Thiếu {field}.").format(field=translate("Fields", label)), field)
    try:
        return parse_date(value, label)
    except ValidationError as exc:
        raise ValidationError(str(exc), field) from None
