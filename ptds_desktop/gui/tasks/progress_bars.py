"""Progress per agency as bars a person takes in at a glance: one row per lead agency, a bar whose length is
its number of tasks, split into done / in progress / blocked / not started, and the overdue count in red."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ptds_desktop.services.progress import AgencyProgress

SEGMENTS = (  # attribute of AgencyProgress, colour, legend text
    ("done", QColor("#2e7d32")),
    ("in_progress", QColor("#1565c0")),
    ("blocked", QColor("#c62828")),
    ("not_started", QColor("#b0b0b0")),
)
OVERDUE = QColor("#c62828")


class AgencyProgressBars(QWidget):
    """Draws `set_rows(...)`; sized to its rows so a scroll area can hold it."""

    ROW_GAP = 6

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._rows: list[AgencyProgress] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.legend = {
            "done": self.tr("Hoàn thành"),
            "in_progress": self.tr("Đang thực hiện"),
            "blocked": self.tr("Vướng mắc"),
            "not_started": self.tr("Chưa thực hiện, chưa báo cáo"),
        }

    def set_rows(self, rows: Sequence[AgencyProgress]) -> None:
        self._rows = list(rows)
        self.setMinimumHeight(self._height())
        self.updateGeometry()
        self.update()

    def rows(self) -> list[AgencyProgress]:
        return list(self._rows)

    def _line(self) -> int:
        return self.fontMetrics().height() + 8

    def _height(self) -> int:
        return (len(self._rows) + 1) * (self._line() + self.ROW_GAP) + 8

    def sizeHint(self) -> QSize:
        return QSize(600, self._height())

    def row_text(self, row: AgencyProgress) -> str:
        text = self.tr("%1/%2 xong").replace("%1", str(row.done)).replace("%2", str(row.total))
        if row.overdue:
            text += " · " + self.tr("%1 quá hạn").replace("%1", str(row.overdue))
        return text

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics = self.fontMetrics()
        line = self._line()
        width = self.width()
        name_width = min(320, width // 3)
        count_width = metrics.horizontalAdvance(" 000/000 xong · 000 quá hạn ")
        bar_left = name_width + 8
        bar_width = max(40, width - bar_left - count_width - 8)
        # Legend.
        x = 4
        for key, colour in SEGMENTS:
            painter.fillRect(QRect(x, 6, 12, 12), colour)
            x += 16
            painter.drawText(QRect(x, 0, 400, line), Qt.AlignmentFlag.AlignVCenter, self.legend[key])
            x += metrics.horizontalAdvance(self.legend[key]) + 18
        biggest = max((r.total for r in self._rows), default=1)
        y = line + self.ROW_GAP
        for row in self._rows:
            name = metrics.elidedText(row.agency, Qt.TextElideMode.ElideRight, name_width - 4)
            painter.setPen(self.palette().text().color())
            painter.drawText(QRect(4, y, name_width - 4, line), Qt.AlignmentFlag.AlignVCenter, name)
            left = bar_left
            full = round(bar_width * row.total / biggest)
            for key, colour in SEGMENTS:
                count = getattr(row, key)
                part = round(full * count / row.total) if row.total else 0
                painter.fillRect(QRect(left, y + 3, part, line - 6), colour)
                left += part
            painter.setPen(OVERDUE if row.overdue else self.palette().text().color())
            painter.drawText(
                QRect(bar_left + full + 6, y, count_width, line), Qt.AlignmentFlag.AlignVCenter, self.row_text(row)
            )
            y += line + self.ROW_GAP
        painter.end()
