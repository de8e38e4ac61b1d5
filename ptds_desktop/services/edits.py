"""Saving a form when other staff may have saved the same row since it opened (a shared office database).

A form keeps the values it opened with (`started`). Saving writes only the fields the user changed, so two
staff editing different fields of one row both keep their changes (each field then syncs with its own stamp).
A changed field that someone else has also changed since is not overwritten silently: `StaleEditError` lists
each such field (what the form started from, what the other person saved, what this user typed) and nothing
is saved; the same save with `overwrite=True` writes them anyway.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from ptds_desktop.db import clock
from ptds_desktop.errors import FieldClash, StaleEditError
from ptds_desktop.i18n import translate
from ptds_desktop.models.base import Synced
from ptds_desktop.services.common import not_found
from ptds_desktop.text import format_date

Shown = Callable[[Any], str]


def locked_live(session: Session, model: type[Synced], row_id: str, label: str) -> Any:
    """The row, read once this transaction holds the office's clock (db.clock.hold): every other writer
    waits for it before saving, so no save slips in between the comparison below and the write."""
    clock.hold(session.connection())
    row = session.get(model, row_id, populate_existing=True)
    if row is None or row.deleted:
        raise not_found(label, row_id)
    return row


def shown(value: Any) -> str:
    """A stored value as a person reads it."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def apply_edit(row: Any, wanted: Mapping[str, Any], started: Mapping[str, Any] | None, labels: Mapping[str, str],
               *, overwrite: bool = False, show: Mapping[str, Shown] | None = None) -> list[str]:
    """Write into `row` the fields of `wanted` that differ from `started` (all of them when `started` is None:
    a caller without a form). Returns the fields written. `labels`: field -> label marked
    QT_TRANSLATE_NOOP("Fields", …); `show`: how a field's value reads, when not plainly (a code's label)."""
    changed = {k: v for k, v in wanted.items() if started is None or v != started[k]}
    clashes = []
    if started is not None and not overwrite:
        for field, mine in changed.items():
            theirs = getattr(row, field)
            if theirs != started[field] and theirs != mine:
                text = (show or {}).get(field, shown)
                clashes.append(FieldClash(field, translate("Fields", labels.get(field, field)),
                                          text(started[field]), text(theirs), text(mine)))
    if clashes:
        raise StaleEditError(translate(
            "Core", "Người khác đã sửa {fields} sau khi bạn mở biểu mẫu; chưa lưu gì.").format(
            fields=", ".join(f"“{c.label}”" for c in clashes)), tuple(clashes))
    written = []
    for field, value in changed.items():
        if getattr(row, field) != value:
            setattr(row, field, value)
            written.append(field)
    return written
