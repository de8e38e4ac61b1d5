"""The roster's history (second tab of the roster screen): the roster on any date, the dates it changed, and the
record of board roles of the member selected (here or on the roster today)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from ptds_desktop.gui.context import ViewContext
from ptds_desktop.gui.date_field import DateField
from ptds_desktop.gui.ops import LatestRead
from ptds_desktop.gui.roster.models import PERSON_HISTORY_COLUMNS, ROSTER_WIDTHS, RosterModel, decision_text
from ptds_desktop.gui.table_model import RowsTableModel
from ptds_desktop.gui.widgets import EmptyHint, size_columns
from ptds_desktop.services import roster
from ptds_desktop.services.boards import BoardData
from ptds_desktop.services.decisions import DecisionData
from ptds_desktop.services.memberships import MemberData
from ptds_desktop.services.roster import RosterSnapshot
from ptds_desktop.text import format_date


class HistoryTab(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.board: BoardData | None = None
        self.snapshot: RosterSnapshot | None = None
        self.loaded = False  # the roster on the chosen date has arrived (tests wait on it)
        self._person_id: str | None = None
        self._snapshots = LatestRead[RosterSnapshot](ctx.ops)
        self._person_rows = LatestRead[list[MemberData]](ctx.ops)
        self._build_date_bar()
        self._build_tables()
        self._lay_out()

    def _build_date_bar(self) -> None:
        self.date_edit = DateField(label=QT_TRANSLATE_NOOP("Fields", "ngày xem danh sách"), key="history_date")
        self.date_edit.setDate(dt.date.today())
        self.date_edit.setMaximumWidth(self.date_edit.fontMetrics().horizontalAdvance("00/00/00000") + 48)
        self.date_edit.dateChanged.connect(lambda day: day and self._load())
        self.change_combo = QComboBox()
        self.change_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.change_combo.activated.connect(self._change_date_chosen)
        self.decision_label = QLabel()
        self.decision_label.setWordWrap(True)

    def _build_tables(self) -> None:
        self.model = RosterModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        size_columns(self.table, ROSTER_WIDTHS, wrap=True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.hint = EmptyHint(self.table, self.tr("Ngày này Ban chưa có thành viên."), "")
        self.person_label = QLabel(self.tr("Chọn một thành viên để xem quá trình tham gia Ban của người đó."))
        self.person_label.setWordWrap(True)
        self.person_model = RowsTableModel(PERSON_HISTORY_COLUMNS, search_text=lambda m: (), parent=self)
        self.person_table = QTableView()
        self.person_table.setModel(self.person_model)
        size_columns(self.person_table, [c.width for c in PERSON_HISTORY_COLUMNS])

    def _lay_out(self) -> None:
        date_label = QLabel(self.tr("Danh sách &tại ngày:"))
        date_label.setBuddy(self.date_edit)
        change_label = QLabel(self.tr("Các &lần thay đổi:"))
        change_label.setBuddy(self.change_combo)
        bar = QHBoxLayout()
        bar.addWidget(date_label)
        bar.addWidget(self.date_edit)
        bar.addSpacing(16)
        bar.addWidget(change_label)
        bar.addWidget(self.change_combo)
        bar.addStretch(1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.decision_label)
        top_layout.addWidget(self.table, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.person_label)
        bottom_layout.addWidget(self.person_table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(split)

    # --- the roster on a date ----------------------------------------------------------------------
    def day(self) -> dt.date:
        return self.date_edit.date() or dt.date.today()

    def set_day(self, day: dt.date) -> None:
        self.date_edit.setDate(day)

    def show_board(self, board: BoardData | None, decisions: list[DecisionData], change_dates: list[dt.date],
                   snapshot: RosterSnapshot | None) -> None:
        """A board's change dates and its roster on the chosen date (read with the board)."""
        self.board = board
        self._fill_change_dates(decisions, change_dates)
        self._show_snapshot(snapshot)
        if self._person_id:
            self._load_person(self._person_id)

    def _fill_change_dates(self, decisions: list[DecisionData], change_dates: list[dt.date]) -> None:
        by_date: dict[dt.date, list[str]] = {}
        for d in decisions:
            by_date.setdefault(d.issued_on, []).append(d.number_symbol)
        self.change_combo.clear()
        self.change_combo.addItem(self.tr("(chọn)"), None)
        for day in reversed(change_dates):
            numbers = ", ".join(by_date.get(day, []))
            self.change_combo.addItem(f"{format_date(day)} — {numbers}" if numbers else format_date(day), day)
        self._show_change_date(self.day())

    def _show_change_date(self, day: dt.date) -> None:
        # findData cannot compare Python dates
        days = [self.change_combo.itemData(i) for i in range(self.change_combo.count())]
        self.change_combo.setCurrentIndex(days.index(day) if day in days else 0)

    def _change_date_chosen(self, index: int) -> None:
        day = self.change_combo.itemData(index)
        if day is not None:
            self.set_day(day)

    def _load(self) -> None:
        if self.board is None:
            return
        board_id, day = self.board.id, self.day()
        self._show_change_date(day)
        self.loaded = False
        self._snapshots.read(lambda s: roster.roster_snapshot(s, board_id, day), self._show_snapshot)

    def _show_snapshot(self, snapshot: RosterSnapshot | None) -> None:
        self.snapshot = snapshot
        self.model.set_rows(snapshot.members if snapshot else [])
        self.hint.update_for(self.model.rowCount(), self.model.rowCount())
        self._keep_person_on_list()
        if snapshot is None:
            self.decision_label.clear()
        else:
            text = self.tr("%1 — %n thành viên.", "", len(snapshot.members))
            self.decision_label.setText(text.replace("%1", decision_text(snapshot)))
        self.loaded = True

    # --- a person's record -------------------------------------------------------------------------
    def _keep_person_on_list(self) -> None:
        """The lower panel shows someone on the list of the chosen date: the same person if still there,
        else the first on the list, else no one."""
        members = [self.model.row_at(r) for r in range(self.model.rowCount())]
        same = [r for r, m in enumerate(members) if self._person_id and m.person_id == self._person_id]
        row = same[0] if same else (0 if members else None)
        if row is None:
            self._person_id = None
            self._person_rows.cancel()
            self.person_model.set_rows([])
            self.person_label.clear()
            return
        self.table.selectRow(row)
        self.show_person(members[row])

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.show_person(self.model.row_at(rows[0].row()))

    def show_person(self, member: MemberData | None) -> None:
        """The board roles of the member selected in the list (as it stood on the chosen date)."""
        if member is None:
            return
        if member.person_id is None:
            self._person_id = None
            self._person_rows.cancel()
            self.person_model.set_rows([])
            self.person_label.setText(self.tr("“%1”: quyết định chỉ ghi chức vụ, chưa ghi tên người.")
                                      .replace("%1", member.position or ""))
            return
        self._load_person(member.person_id)

    def _load_person(self, person_id: str) -> None:
        self._person_id = person_id
        self._person_rows.read(lambda s: roster.person_history(s, person_id), self._show_person)

    def _show_person(self, rows: list[MemberData]) -> None:
        self.person_model.set_rows(rows)
        name = rows[0].full_name if rows else ""
        self.person_label.setText(self.tr("Quá trình tham gia Ban Chỉ huy của %1:").replace("%1", name or "?"))
