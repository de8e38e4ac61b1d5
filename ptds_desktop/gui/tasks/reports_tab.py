"""Every progress report of every plan in one list: which office reported what on which task, filtered by any
words (without diacritics) and sorted by any column.

A province holds about 100,000 reports. The list is read once on the database worker into a
services.report_search.ReportIndex, and each filter or sort is computed there too (about 10–30 ms); the UI
thread only swaps the answered list into a ResultsTableModel (a few ms), so typing never freezes the window.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from ptds_desktop.db.changes import Changes
from ptds_desktop.gui.context import ViewContext
from ptds_desktop.gui.labels import PROGRESS_STATUS_LABELS, label
from ptds_desktop.gui.ops import LatestRead, long_lived
from ptds_desktop.gui.table_model import Column, ResultsTableModel
from ptds_desktop.gui.widgets import EmptyHint, size_columns, widget_shortcut
from ptds_desktop.models import Office, Plan, ProgressReport, Task
from ptds_desktop.services.report_search import ReportIndex, ReportRow, load_report_index
from ptds_desktop.text import format_date

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# In the order of services.report_search's SORT_* columns: a column's number is what it sorts by.
REPORT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Văn phòng báo cáo"), lambda r: r.office, 150),
    Column(QT_TRANSLATE_NOOP("Columns", "Thuộc kế hoạch"), lambda r: r.plan, 85),
    Column(QT_TRANSLATE_NOOP("Columns", "Nội dung nhiệm vụ"),
           lambda r: f"{r.task_code} {r.task}" if r.task_code else r.task),
    Column(QT_TRANSLATE_NOOP("Columns", "Ngày báo cáo"), lambda r: format_date(r.reported_on), 90),
    Column(QT_TRANSLATE_NOOP("Columns", "Tình trạng"), lambda r: label(PROGRESS_STATUS_LABELS, r.status), 120),
    Column(QT_TRANSLATE_NOOP("Columns", "%"), lambda r: r.percent, 45, RIGHT),
    Column(QT_TRANSLATE_NOOP("Columns", "Nội dung báo cáo"), lambda r: r.text),
]
# A write touching one of these makes the list stale.
SHOWN_TABLES = {model.__tablename__ for model in (ProgressReport, Task, Plan, Office)}


class ReportsTab(QWidget):
    task_chosen = Signal(str, str)  # plan id, task id: the user opened a report's task

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False  # True once a list has been shown (tests wait on it)
        self.index: ReportIndex | None = None
        self.when_no_plan = ""  # the hint when there is no plan at all (set by the tasks view)
        self._stale = True  # the index must be read (again) when the tab is next shown
        self._sort: tuple[int | None, bool] = (None, False)  # SORT_* column (None: by plan and task), descending
        self._index_read = LatestRead[ReportIndex](ctx.ops)
        self._search = LatestRead[list[ReportRow]](ctx.ops)

        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Lọc báo cáo: văn phòng, kế hoạch, nhiệm vụ, nội dung… "
                                                    "(không dấu cũng được)"))
        self.filter_edit.textChanged.connect(lambda _text: self.search())
        self.count_label = QLabel()
        self.model = ResultsTableModel(REPORT_COLUMNS, self)
        self.model.sort_requested.connect(self._sort_requested)
        self.table = QTableView()
        self.table.setModel(self.model)
        size_columns(self.table, [column.width for column in REPORT_COLUMNS])
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the load order first
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(self._open_task)
        widget_shortcut(self.table, Qt.Key.Key_Return, lambda: self._open_task(self.table.currentIndex()))
        widget_shortcut(self.filter_edit, Qt.Key.Key_Down, self.table.setFocus)
        widget_shortcut(self.filter_edit, Qt.Key.Key_Escape, self.filter_edit.clear)
        self.empty_hint = EmptyHint(
            self.table,
            self.tr("Chưa có báo cáo tiến độ nào. Chọn một nhiệm vụ ở “Bảng nhiệm vụ” rồi nhấn “Báo cáo tiến độ…” "
                    "(Ctrl+R)."),
            self.tr("Không có báo cáo nào khớp bộ lọc."))
        self.table.setToolTip(self.tr("Nhấp đúp (hoặc Enter) để mở nhiệm vụ của báo cáo trong bảng nhiệm vụ"))

        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.filter_edit)
        ctx.ops.subscribe(self, SHOWN_TABLES, self._data_changed)

    # --- loading: the index once per change, then one search per keystroke or sort ------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        if self.index is None:
            self._show_loading()
        self._index_read.read(long_lived(load_report_index), self._index_loaded)

    def _data_changed(self, _changes: Changes) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def _index_loaded(self, index: ReportIndex) -> None:
        self.index = index
        self.search()

    def search(self) -> None:
        index = self.index
        if index is None:
            return  # the list is still loading: it is searched with the current filter when it arrives
        query, (column, descending) = self.filter_edit.text(), self._sort
        self._search.read(lambda _session: index.search(query, column, descending),
                          lambda rows: self._shown(index, rows))

    def _sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        self._sort = (column if column >= 0 else None, order == Qt.SortOrder.DescendingOrder)
        self.search()

    def _shown(self, index: ReportIndex, rows: list[ReportRow]) -> None:
        current = self.table.currentIndex()
        keep = self.model.row_at(current.row()).id if current.isValid() else None
        self.model.show(rows)
        count = self.tr("%1 / %2 báo cáo")
        self.count_label.setText(count.replace("%1", str(len(rows))).replace("%2", str(len(index))))
        self.empty_hint.update_for(len(rows), len(index), None if index.task_keys else self.when_no_plan or None)
        if keep is not None and len(rows) < 10_000:  # finding it again in a longer list is not worth a pause
            row = self.model.row_of(keep)
            if row is not None:
                self.table.selectRow(row)
        self.loaded = True

    def _show_loading(self) -> None:
        self.count_label.setText("")
        self.empty_hint.update_for(0, 0, self.tr("Đang tải báo cáo tiến độ…"))

    def _open_task(self, index: QModelIndex) -> None:
        if index.isValid():
            row = self.model.row_at(index.row())
            self.task_chosen.emit(row.plan_id, row.task_id)
