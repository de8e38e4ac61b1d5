"""Table columns of the conference screen, and a row model that marks overdue rows."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ptds_desktop.gui.labels import (
    INVITE_MODE_LABELS,
    INVITE_STATUS_LABELS,
    VENUE_KIND_LABELS,
    label,
)
from ptds_desktop.gui.table_model import Column, RowsTableModel
from ptds_desktop.text import format_date

OVERDUE_BACKGROUND = QColor("#f8d7d5")  # light red, readable in both palettes' text colour
DONE_FOREGROUND = QColor("#6b6b6b")
CENTRE = Qt.AlignmentFlag.AlignCenter


class MarkedRowsModel(RowsTableModel):
    """RowsTableModel whose overdue rows are shaded and finished rows greyed (the checklist, presentations)."""

    def __init__(self, columns: Sequence[Column], search_text: Callable[[Any], Iterable[str | None]],
                 overdue: Callable[[Any], bool], done: Callable[[Any], bool], parent: QObject | None = None):
        super().__init__(columns, search_text, parent)
        self._overdue = overdue
        self._done = done

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole and self._overdue(self.row_at(index.row())):
            return QBrush(OVERDUE_BACKGROUND)
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole and self._done(self.row_at(index.row())):
            return QBrush(DONE_FOREGROUND)
        return super().data(index, role)


def _date(value: Any) -> str:
    return format_date(value) if value else ""


CONFERENCE_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Ngày"), lambda c: c.date_label, width=90),
    Column(QT_TRANSLATE_NOOP("Columns", "Hội nghị"), lambda c: c.title),
]

CHECKLIST_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Hạn"), lambda i: _date(i.due_on), width=90),
    Column(QT_TRANSLATE_NOOP("Columns", "Việc cần làm"), lambda i: i.title),
    Column(QT_TRANSLATE_NOOP("Columns", "Cơ quan"), lambda i: i.who, width=170),
    Column(QT_TRANSLATE_NOOP("Columns", "Xong"), lambda i: "✓" if i.done else "", width=50, alignment=CENTRE),
]

INVITEE_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Đại biểu"), lambda p: p.label),
    Column(QT_TRANSLATE_NOOP("Columns", "Điểm cầu"), lambda p: p.venue_name, width=150),
    Column(QT_TRANSLATE_NOOP("Columns", "Hình thức"), lambda p: label(INVITE_MODE_LABELS, p.mode), width=80),
    Column(QT_TRANSLATE_NOOP("Columns", "Trả lời"), lambda p: label(INVITE_STATUS_LABELS, p.status), width=90),
]

PRESENTATION_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Cơ quan"), lambda p: p.organization_name, width=170),
    Column(QT_TRANSLATE_NOOP("Columns", "Chủ đề"), lambda p: p.topic),
    Column(QT_TRANSLATE_NOOP("Columns", "Phút"), lambda p: p.max_minutes, width=50, alignment=CENTRE),
    Column(QT_TRANSLATE_NOOP("Columns", "Hạn gửi"), lambda p: _date(p.due_on), width=90),
    Column(QT_TRANSLATE_NOOP("Columns", "Đã nhận"), lambda p: _date(p.received_on) or ("✓" if p.received else ""),
           width=90),
]

DUTY_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Cơ quan"), lambda d: d.heading, width=170),
    Column(QT_TRANSLATE_NOOP("Columns", "Nhiệm vụ"), lambda d: d.content.replace("\n", " ")),
    Column(QT_TRANSLATE_NOOP("Columns", "Hạn"), lambda d: _date(d.due_on), width=90),
    Column(QT_TRANSLATE_NOOP("Columns", "Xong"), lambda d: "✓" if d.done else "", width=50, alignment=CENTRE),
]

VENUE_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Loại"), lambda v: label(VENUE_KIND_LABELS, v.kind), width=110),
    Column(QT_TRANSLATE_NOOP("Columns", "Điểm cầu"), lambda v: v.place_label),
    Column(QT_TRANSLATE_NOOP("Columns", "Chủ trì"), lambda v: v.chair_label, width=200),
]

AGENDA_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Giờ"), lambda a: a.start_time, width=60, alignment=CENTRE),
    Column(QT_TRANSLATE_NOOP("Columns", "Nội dung"), lambda a: a.title),
    Column(QT_TRANSLATE_NOOP("Columns", "Người thực hiện"), lambda a: a.presenter_label, width=170),
    Column(QT_TRANSLATE_NOOP("Columns", "Phút"), lambda a: a.duration_minutes, width=50, alignment=CENTRE),
]

COUNT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Điểm cầu"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Tổng"), lambda r: r.counts.total, width=60, alignment=CENTRE),
    Column(QT_TRANSLATE_NOOP("Columns", "Xác nhận"), lambda r: r.counts.confirmed, width=75, alignment=CENTRE),
    Column(QT_TRANSLATE_NOOP("Columns", "Có mặt"), lambda r: r.counts.attended, width=65, alignment=CENTRE),
    Column(QT_TRANSLATE_NOOP("Columns", "Báo vắng"), lambda r: r.counts.declined, width=75, alignment=CENTRE),
    Column(QT_TRANSLATE_NOOP("Columns", "Chưa trả lời"), lambda r: r.counts.invited, width=95, alignment=CENTRE),
]
