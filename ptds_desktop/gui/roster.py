"""Command boards (Ban Chỉ huy): the boards, each board's roster today (reorder by drag or Ctrl+Up/Down), its
history (the roster on any date and a person's record of roles), its decisions, and the roster exports.

Reads and writes go through ctx.ops (the roster and people services); writes report TOPIC_ROSTER and the view
reloads what it shows when that topic changes. Exports run on the worker too; the UI thread only asks where.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QItemSelectionModel, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ptds_desktop.exports.roster import export_roster
from ptds_desktop.gui.areas import ViewContext
from ptds_desktop.gui.ops import TOPIC_ROSTER
from ptds_desktop.gui.roster_dialogs import BoardDialog, DecisionDialog, MemberDialog
from ptds_desktop.gui.roster_models import (
    DECISION_COLUMNS,
    PERSON_HISTORY_COLUMNS,
    ROSTER_WIDTHS,
    RosterModel,
    decision_search_text,
    to_qdate,
)
from ptds_desktop.gui.table_model import Column, RowsTableModel
from ptds_desktop.gui.widgets import EmptyHint, message_box, size_columns, view_action
from ptds_desktop.services import boards, decisions, memberships, roster
from ptds_desktop.services.boards import BoardData
from ptds_desktop.services.decisions import DecisionData
from ptds_desktop.services.memberships import MemberData
from ptds_desktop.services.roster import RosterSnapshot
from ptds_desktop.text import fold, format_date

BOARD_COLUMNS = [Column("Ban Chỉ huy", lambda b: b.name)]


@dataclasses.dataclass(frozen=True)
class BoardState:
    """What the view shows of one board, read in one go."""

    today: RosterSnapshot
    decisions: list[DecisionData]
    change_dates: list[dt.date]


def _read_board(board_id: str, on: dt.date):
    def read(session) -> tuple[BoardState, RosterSnapshot]:
        state = BoardState(roster.roster_snapshot(session, board_id), decisions.list_decisions(session, board_id),
                           roster.change_dates(session, board_id))
        return state, roster.roster_snapshot(session, board_id, on)

    return read


def _file_stem(text: str) -> str:
    return "-".join(fold(text).replace("/", " ").split())


class RosterView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False  # the boards and the selected board's roster have arrived (tests wait on it)
        self.board: BoardData | None = None
        self.state: BoardState | None = None
        self.history: RosterSnapshot | None = None
        self._generation = 0
        self._history_generation = 0
        self._person_generation = 0
        self._select_after_reload: str | None = None  # membership id to select once the roster is back
        self._person_id: str | None = None
        self.history_loaded = False
        self.last_export: Path | None = None
        style = self.style()

        # --- boards (left) ---
        self.boards_model = RowsTableModel(BOARD_COLUMNS, search_text=lambda b: (b.name,), parent=self)
        self.board_list = QListView()
        self.board_list.setModel(self.boards_model)
        self.board_list.setWordWrap(True)
        self.board_list.setSpacing(2)
        self.board_list.setAccessibleName(self.tr("Các Ban Chỉ huy"))
        self.board_list.selectionModel().currentRowChanged.connect(lambda current, _previous: self._board_chosen())
        self.new_board_action = view_action(self, self.tr("Thêm Ban…"), None, self.create_board,
                                             style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder),
                                             self.tr("Thêm Ban Chỉ huy (tỉnh, xã, phường)"))
        self.edit_board_action = view_action(self, self.tr("Sửa Ban…"), None, self.edit_board,
                                              style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
                                              self.tr("Sửa tên, cấp, Ủy ban nhân dân, cơ quan thường trực của Ban"))
        self.board_filter = QLineEdit()
        self.board_filter.setClearButtonEnabled(True)
        self.board_filter.setPlaceholderText(self.tr("Lọc theo tên"))
        self.board_filter.setToolTip(self.tr("Gõ không dấu cũng được, ví dụ “ea kao”"))
        self.board_filter.textChanged.connect(self._board_filter_changed)
        boards_title = QLabel(self.tr("Ban Chỉ huy"))
        boards_title.setStyleSheet("font-weight: bold;")
        boards_bar = QHBoxLayout()
        boards_bar.setContentsMargins(0, 0, 0, 0)
        for action in (self.new_board_action, self.edit_board_action):
            boards_bar.addWidget(self._button(action))
        boards_bar.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        left_layout.addWidget(boards_title)
        left_layout.addWidget(self.board_filter)
        left_layout.addWidget(self.board_list, 1)
        left_layout.addLayout(boards_bar)

        # --- header: the board and its decision in force, exports ---
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.title_label.setWordWrap(True)
        self.decision_label = QLabel()
        self.decision_label.setWordWrap(True)
        self.export_pdf_action = view_action(self, self.tr("Xuất PDF"), None, lambda: self.export("roster_pdf"),
                                              style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton),
                                              self.tr("Danh sách thành viên Ban ra PDF (ngày đang xem)"))
        self.export_xlsx_action = view_action(self, self.tr("Xuất Excel"), None, lambda: self.export("roster_xlsx"),
                                               style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton),
                                               self.tr("Danh sách thành viên Ban ra Excel (ngày đang xem)"))
        self.export_duties_action = view_action(self, self.tr("Phân công nhiệm vụ (PDF)"), None,
                                                 lambda: self.export("duties_pdf"),
                                                 style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton),
                                                 self.tr("Phân công nhiệm vụ thành viên Ban ra PDF (ngày đang xem)"))
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title_label)
        titles.addWidget(self.decision_label)
        header.addLayout(titles, 1)
        for action in (self.export_pdf_action, self.export_xlsx_action, self.export_duties_action):
            header.addWidget(self._button(action))

        # --- tab 1: the roster today ---
        self.roster_model = RosterModel(reorderable=True, parent=self)
        self.roster_model.reorder_requested.connect(self.reorder)
        self.table = QTableView()
        self.table.setModel(self.roster_model)
        size_columns(self.table, ROSTER_WIDTHS, wrap=True)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.doubleClicked.connect(lambda _index: self.edit_member())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._member_selected(self.table))
        self.empty_hint = EmptyHint(self.table, self.tr("Ban chưa có thành viên. Nhấn “Thành lập, kiện toàn…” để "
                                                        "nhập quyết định thành lập Ban."), "")
        self.add_action = view_action(self, self.tr("&Thêm thành viên…"), QKeySequence.StandardKey.New, self.add_member,
                                       style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder),
                                       self.tr("Bổ sung một thành viên theo quyết định mới (Ctrl+N)"))
        self.edit_action = view_action(self, self.tr("&Sửa…"), QKeySequence(Qt.Key.Key_F2), self.edit_member,
                                        style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
                                        self.tr("Sửa thông tin thành viên đang chọn như đã ghi (F2, Enter)"))
        self.delete_action = view_action(self, self.tr("&Xóa dòng nhập nhầm"), QKeySequence(Qt.Key.Key_Delete),
                                          self.delete_member, style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon),
                                          self.tr("Xóa thành viên nhập nhầm (người thôi tham gia Ban thì dùng "
                                                  "“Thành lập, kiện toàn…”)"))
        self.up_action = view_action(self, self.tr("Lên"), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Up),
                                      lambda: self.move_member(-1),
                                      style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp),
                                      self.tr("Đưa thành viên lên trên trong cùng chức danh (Ctrl+↑)"))
        self.down_action = view_action(self, self.tr("Xuống"), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Down),
                                        lambda: self.move_member(1),
                                        style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
                                        self.tr("Đưa thành viên xuống dưới trong cùng chức danh (Ctrl+↓)"))
        self.reorganize_action = view_action(self, self.tr("Thành lập, &kiện toàn…"),
                                              QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_K), self.reorganize,
                                              style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload),
                                              self.tr("Nhập quyết định: kết thúc và bổ sung thành viên trong một "
                                                      "lần (Ctrl+K)"))
        self.end_action = view_action(self, self.tr("&Thôi tham gia Ban…"), None, self.end_member,
                                       style.standardIcon(QStyle.StandardPixmap.SP_DialogCancelButton),
                                       self.tr("Ghi quyết định kiện toàn cho thành viên đang chọn thôi tham gia Ban"))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._member_menu)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QAction(self.table)
            enter.setShortcut(QKeySequence(key))
            enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            enter.triggered.connect(self.edit_member)
            self.table.addAction(enter)
        roster_bar = QHBoxLayout()
        for action in (self.add_action, self.edit_action, self.delete_action, self.up_action, self.down_action):
            roster_bar.addWidget(self._button(action))
        roster_bar.addStretch(1)
        roster_bar.addWidget(self._button(self.reorganize_action))
        self.count_label = QLabel()
        roster_tab = QWidget()
        roster_layout = QVBoxLayout(roster_tab)
        roster_layout.addLayout(roster_bar)
        roster_layout.addWidget(self.table, 1)
        roster_layout.addWidget(self.count_label)

        # --- tab 2: history ---
        self.history_date = QDateEdit()
        self.history_date.setDisplayFormat("dd/MM/yyyy")
        self.history_date.setCalendarPopup(True)
        self.history_date.setDate(QDate.currentDate())
        self.history_date.dateChanged.connect(lambda _d: self._load_history())
        self.change_combo = QComboBox()
        self.change_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.change_combo.activated.connect(self._change_date_chosen)
        date_label = QLabel(self.tr("Danh sách &tại ngày:"))
        date_label.setBuddy(self.history_date)
        change_label = QLabel(self.tr("Các &lần thay đổi:"))
        change_label.setBuddy(self.change_combo)
        history_bar = QHBoxLayout()
        history_bar.addWidget(date_label)
        history_bar.addWidget(self.history_date)
        history_bar.addSpacing(16)
        history_bar.addWidget(change_label)
        history_bar.addWidget(self.change_combo)
        history_bar.addStretch(1)
        self.history_decision_label = QLabel()
        self.history_decision_label.setWordWrap(True)
        self.history_model = RosterModel(parent=self)
        self.history_table = QTableView()
        self.history_table.setModel(self.history_model)
        size_columns(self.history_table, ROSTER_WIDTHS, wrap=True)
        self.history_table.selectionModel().selectionChanged.connect(
            lambda *_: self._member_selected(self.history_table))
        self.history_hint = EmptyHint(self.history_table, self.tr("Ngày này Ban chưa có thành viên."), "")
        self.person_label = QLabel(self.tr("Chọn một thành viên để xem quá trình tham gia Ban của người đó."))
        self.person_label.setWordWrap(True)
        self.person_model = RowsTableModel(PERSON_HISTORY_COLUMNS, search_text=lambda m: (), parent=self)
        self.person_table = QTableView()
        self.person_table.setModel(self.person_model)
        size_columns(self.person_table, [c.width for c in PERSON_HISTORY_COLUMNS])
        history_split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(history_bar)
        top_layout.addWidget(self.history_decision_label)
        top_layout.addWidget(self.history_table, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.person_label)
        bottom_layout.addWidget(self.person_table, 1)
        history_split.addWidget(top)
        history_split.addWidget(bottom)
        history_split.setStretchFactor(0, 3)
        history_split.setStretchFactor(1, 2)
        history_tab = QWidget()
        QVBoxLayout(history_tab).addWidget(history_split)

        # --- tab 3: decisions ---
        self.decisions_model = RowsTableModel(DECISION_COLUMNS, search_text=decision_search_text, parent=self)
        self.decisions_table = QTableView()
        self.decisions_table.setModel(self.decisions_model)
        size_columns(self.decisions_table, [c.width for c in DECISION_COLUMNS])
        self.decisions_table.doubleClicked.connect(lambda _index: self.edit_decision())
        self.edit_decision_action = view_action(self, self.tr("Sửa quyết định, đính kèm bản quét…"), None,
                                                 self.edit_decision,
                                                 style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView))
        decisions_bar = QHBoxLayout()
        decisions_bar.addWidget(self._button(self.edit_decision_action))
        decisions_bar.addStretch(1)
        decisions_bar.addWidget(self._button(self.reorganize_action))
        decisions_tab = QWidget()
        decisions_layout = QVBoxLayout(decisions_tab)
        decisions_layout.addLayout(decisions_bar)
        decisions_layout.addWidget(self.decisions_table, 1)

        self.tabs = QTabWidget()
        self.roster_tab_index = self.tabs.addTab(roster_tab, self.tr("Thành viên hiện nay"))
        self.history_tab_index = self.tabs.addTab(history_tab, self.tr("Lịch sử"))
        self.decisions_tab_index = self.tabs.addTab(decisions_tab, self.tr("Quyết định"))
        self.tabs.currentChanged.connect(lambda _i: self._update_actions())

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        right_layout.addLayout(header)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([210, 900])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)
        self.setFocusProxy(self.table)

        ctx.ops.changed.connect(self._data_changed)
        self._update_actions()
        self.reload()


    @staticmethod
    def _button(action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        return button

    # --- loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Boards, then the selected board."""
        self._generation += 1
        generation = self._generation
        self.ctx.ops.read(boards.list_boards, lambda boards: self._boards_loaded(generation, boards))

    def _boards_loaded(self, generation: int, boards: list[BoardData]) -> None:
        if generation != self._generation:
            return
        keep = self.board.id if self.board else None
        self.boards_model.set_rows(boards)
        if not boards:
            self.board = None
            self._show_state(None, None)
            self.loaded = True
            return
        own = [b.id for b in boards if b.office_id == self.ctx.office.id]
        chosen = keep if keep and self.boards_model.row_of(keep) is not None else (own[0] if own else boards[0].id)
        self.select_board(chosen, force=True)

    def _board_filter_changed(self, text: str) -> None:
        self.boards_model.set_filter(text)
        row = self.boards_model.row_of(self.board.id) if self.board else None
        if row is not None:
            self.board_list.selectionModel().setCurrentIndex(self.boards_model.index(row, 0),
                                                             QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def select_board(self, board_id: str, force: bool = False) -> None:
        row = self.boards_model.row_of(board_id)
        if row is None:
            return
        index = self.boards_model.index(row, 0)
        already = self.board_list.currentIndex() == index
        self.board_list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if already or force:
            self._board_chosen(force=True)

    def _board_chosen(self, force: bool = False) -> None:
        index = self.board_list.currentIndex()
        if not index.isValid():
            return
        board = self.boards_model.row_at(index.row())
        if not force and self.board is not None and board.id == self.board.id and self.state is not None:
            return  # the same board again (the filter changed): nothing to reload
        self.board = board
        self._load_board()

    def _load_board(self) -> None:
        self._generation += 1
        generation = self._generation
        board_id = self.board.id
        self.ctx.ops.read(_read_board(board_id, self.history_day()),
                          lambda result: self._board_loaded(generation, board_id, result))

    def _board_loaded(self, generation: int, board_id: str, result) -> None:
        if generation != self._generation or self.board is None or self.board.id != board_id:
            return
        state, history = result
        self._show_state(state, history)
        self.loaded = True

    def _show_state(self, state: BoardState | None, history: RosterSnapshot | None) -> None:
        keep = self._select_after_reload or self.selected_member_id()
        current_row = self.table.currentIndex().row()
        self._select_after_reload = None
        self.state = state
        if state is None:
            self.title_label.setText(self.tr("Chưa có Ban Chỉ huy nào. Nhấn “Thêm Ban…” để bắt đầu."))
            self.decision_label.clear()
            self.roster_model.set_rows([])
            self.decisions_model.set_rows([])
            self._show_history(None)
        else:
            self.title_label.setText(state.today.board.name)
            self.decision_label.setText(self._decision_text(state.today))
            self.roster_model.set_rows(state.today.members)
            self.decisions_model.set_rows(list(reversed(state.decisions)))
            self._fill_change_dates(state)
            self._show_history(history)
            row = self.roster_model.row_of(keep) if keep else None
            if row is None and self.roster_model.rowCount():
                row = min(max(current_row, 0), self.roster_model.rowCount() - 1)
            if row is not None:
                self.table.selectionModel().setCurrentIndex(
                    self.roster_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.empty_hint.update_for(self.roster_model.rowCount(), self.roster_model.rowCount())
        count = self.roster_model.rowCount()
        self.count_label.setText(self.tr("%n thành viên", "", count) if state else "")
        if self._person_id:
            self._load_person(self._person_id)
        self._update_actions()

    def _decision_text(self, snapshot: RosterSnapshot) -> str:
        if snapshot.decision is None:
            return self.tr("Chưa có quyết định thành lập.")
        return self.tr("Theo %1").replace("%1", snapshot.decision.citation)

    def _fill_change_dates(self, state: BoardState) -> None:
        by_date: dict[dt.date, list[str]] = {}
        for d in state.decisions:
            by_date.setdefault(d.issued_on, []).append(d.number_symbol)
        self.change_combo.clear()
        self.change_combo.addItem(self.tr("(chọn)"), None)
        for day in reversed(state.change_dates):
            numbers = ", ".join(by_date.get(day, []))
            self.change_combo.addItem(f"{format_date(day)} — {numbers}" if numbers else format_date(day), day)
        self._show_change_date(self.history_day())

    def _show_change_date(self, day: dt.date) -> None:
        # findData cannot compare Python dates
        days = [self.change_combo.itemData(i) for i in range(self.change_combo.count())]
        self.change_combo.setCurrentIndex(days.index(day) if day in days else 0)

    def _change_date_chosen(self, index: int) -> None:
        day = self.change_combo.itemData(index)
        if day is not None:
            self.history_date.setDate(to_qdate(day))

    def _data_changed(self, topics: frozenset) -> None:
        if TOPIC_ROSTER in topics:
            self.reload()

    # --- history -----------------------------------------------------------------------------------
    def history_day(self) -> dt.date:
        return self.history_date.date().toPython()

    def set_history_date(self, day: dt.date) -> None:
        self.history_date.setDate(to_qdate(day))

    def _load_history(self) -> None:
        if self.board is None:
            return
        self._history_generation += 1
        generation, board_id, day = self._history_generation, self.board.id, self.history_day()
        self._show_change_date(day)
        self.history_loaded = False
        self.ctx.ops.read(lambda s: roster.roster_snapshot(s, board_id, day),
                          lambda snap: generation == self._history_generation and self._show_history(snap))

    def _show_history(self, snapshot: RosterSnapshot | None) -> None:
        self.history = snapshot
        self.history_model.set_rows(snapshot.members if snapshot else [])
        self.history_hint.update_for(self.history_model.rowCount(), self.history_model.rowCount())
        if snapshot is None:
            self.history_decision_label.clear()
        else:
            text = self.tr("%1 — %n thành viên.", "", len(snapshot.members))
            self.history_decision_label.setText(text.replace("%1", self._decision_text(snapshot)))
        self.history_loaded = True

    def _member_selected(self, table: QTableView) -> None:
        self._update_actions()
        rows = table.selectionModel().selectedRows()
        if not rows:
            return
        member = table.model().row_at(rows[0].row())
        if member.person_id is None:
            self._person_id = None
            self.person_model.set_rows([])
            self.person_label.setText(self.tr("“%1”: quyết định chỉ ghi chức vụ, chưa ghi tên người.")
                                      .replace("%1", member.position or ""))
            return
        self._load_person(member.person_id)

    def _load_person(self, person_id: str) -> None:
        self._person_id = person_id
        self._person_generation += 1
        generation = self._person_generation
        self.ctx.ops.read(lambda s: roster.person_history(s, person_id),
                          lambda rows: generation == self._person_generation and self._show_person(rows))

    def _show_person(self, rows: list[MemberData]) -> None:
        self.person_model.set_rows(rows)
        name = rows[0].full_name if rows else ""
        self.person_label.setText(self.tr("Quá trình tham gia Ban Chỉ huy của %1:").replace("%1", name or "?"))

    # --- selection and actions ---------------------------------------------------------------------
    def selected_member(self) -> MemberData | None:
        rows = self.table.selectionModel().selectedRows()
        return self.roster_model.row_at(rows[0].row()) if rows else None

    def selected_member_id(self) -> str | None:
        member = self.selected_member()
        return member.id if member else None

    def select_member(self, membership_id: str) -> None:
        row = self.roster_model.row_of(membership_id)
        if row is not None:
            self.table.selectRow(row)

    def _update_actions(self) -> None:
        has_board = self.board is not None
        on_roster = self.tabs.currentIndex() == self.roster_tab_index
        member = self.selected_member()
        self.edit_board_action.setEnabled(has_board)
        self.add_action.setEnabled(has_board and on_roster)
        self.reorganize_action.setEnabled(has_board)
        for action in (self.edit_action, self.end_action, self.delete_action, self.up_action, self.down_action):
            action.setEnabled(has_board and on_roster and member is not None)
        for action in (self.export_pdf_action, self.export_xlsx_action, self.export_duties_action):
            action.setEnabled(has_board)
        self.edit_decision_action.setEnabled(bool(self.decisions_model.rowCount()))

    # --- boards ------------------------------------------------------------------------------------
    def create_board(self) -> BoardDialog:
        return self._open(BoardDialog(self.ctx.ops, None, self.ctx.office.id, self), self._board_saved)

    def edit_board(self) -> BoardDialog | None:
        if self.board is None:
            return None
        return self._open(BoardDialog(self.ctx.ops, self.board, self.ctx.office.id, self), self._board_saved)

    def _board_saved(self, board: BoardData) -> None:
        self.board = board  # reload selects it
        self.ctx.show_message(self.tr("Đã lưu “%1”.").replace("%1", board.name))

    def _open(self, dialog, on_saved):
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(on_saved)
        dialog.open()
        return dialog

    # --- members -----------------------------------------------------------------------------------
    def add_member(self) -> MemberDialog | None:
        if self.board is None:
            return None
        dialog = MemberDialog(self.ctx.ops, self.board, MemberDialog.ADD, parent=self)
        dialog.first_decision = self.state is not None and not self.state.decisions
        if dialog.first_decision:
            dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData("head"))
        return self._open(dialog, self._member_added)

    def _member_added(self, result: decisions.DecisionResult) -> None:
        joined = result.joined[0]
        self._select_after_reload = joined.id
        self.ctx.show_message(self.tr("Đã bổ sung %1 (%2) theo Quyết định số %3.")
                              .replace("%1", joined.full_name or joined.position or "")
                              .replace("%2", joined.role_label).replace("%3", result.decision.number_symbol))

    def edit_member(self) -> MemberDialog | None:
        member = self.selected_member()
        if member is None or self.board is None:
            return None
        dialog = MemberDialog(self.ctx.ops, self.board, MemberDialog.EDIT, member, parent=self)
        return self._open(dialog, self._member_edited)

    def _member_edited(self, member: MemberData) -> None:
        self._select_after_reload = member.id
        self.ctx.show_message(
            self.tr("Đã lưu thành viên “%1”.").replace("%1", member.full_name or member.position or ""))

    def delete_member(self) -> QMessageBox | None:
        member = self.selected_member()
        if member is None:
            return None
        box = message_box(self, QMessageBox.Icon.Question, self.tr("Xóa dòng nhập nhầm"),
                          self.tr("Xóa “%1” khỏi danh sách Ban như chưa từng nhập?")
                          .replace("%1", member.full_name or member.position or ""),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        box.setInformativeText(self.tr("Chỉ dùng khi nhập nhầm. Người thôi tham gia Ban được ghi bằng quyết định "
                                       "kiện toàn (“Thành lập, kiện toàn…”), để lịch sử được giữ."))
        box.finished.connect(lambda _r: box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes
                             and self._delete(member))
        box.open()
        return box

    def _delete(self, member: MemberData) -> None:
        membership_id = member.id
        name = member.full_name or member.position or ""
        self.ctx.ops.run(
            lambda s: (memberships.delete_membership(s, membership_id), {TOPIC_ROSTER}),
            lambda _r: self.ctx.offer_undo(
                self.tr("Đã xóa “%1”.").replace("%1", name),
                lambda s: (memberships.restore_membership(s, membership_id), {TOPIC_ROSTER}),
            ),
        )

    def _member_menu(self, pos) -> None:
        if self.selected_member() is None:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for action in (self.edit_action, self.end_action, None, self.up_action, self.down_action, None,
                       self.delete_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def end_member(self) -> DecisionDialog | None:
        """Someone leaves the board: a reorganisation decision with that member ticked “Kết thúc”."""
        member = self.selected_member()
        return self.reorganize([member.id]) if member else None

    def move_member(self, step: int) -> None:
        member = self.selected_member()
        if member is None:
            return
        self._select_after_reload = member.id
        membership_id = member.id
        self.ctx.ops.run(lambda s: (memberships.move_member(s, membership_id, step), {TOPIC_ROSTER}),
                         self._order_saver(member))

    def reorder(self, ordered_ids: list[str]) -> None:
        """A drag and drop: the service keeps the roster grouped by role and numbers it."""
        member = self.selected_member()
        if self.board is None or member is None:
            return
        board_id = self.board.id
        self._select_after_reload = member.id
        self.ctx.ops.run(lambda s: (memberships.reorder_members(s, board_id, ordered_ids), {TOPIC_ROSTER}),
                         self._order_saver(member))

    def _order_saver(self, moved: MemberData):
        """After a move: say so, and offer to put the previous order back (Ctrl+Z)."""
        board_id, before = self.board.id, [m.id for m in self.roster_model.rows()]

        def restore(session):
            return memberships.reorder_members(session, board_id, before), {TOPIC_ROSTER}

        def saved(after: list[MemberData]) -> None:
            if [m.id for m in after] != before:
                self.ctx.offer_undo(self.tr("Đã đổi thứ tự: %1 nay là số %2.")
                                    .replace("%1", moved.full_name or moved.position or "")
                                    .replace("%2", str(next(i for i, m in enumerate(after, 1) if m.id == moved.id))),
                                    restore)

        return saved

    # --- decisions ---------------------------------------------------------------------------------
    def reorganize(self, ending: list[str] | None = None) -> DecisionDialog | None:
        if self.board is None or self.state is None:
            return None
        dialog = DecisionDialog(self.ctx.ops, self.board, self.state.today.members, ending=ending or (), parent=self)
        return self._open(dialog, self._decision_applied)

    def _decision_applied(self, result: decisions.DecisionResult) -> None:
        self.ctx.show_message(
            self.tr("Đã ghi Quyết định số %1: thêm %2, kết thúc %3 thành viên.")
            .replace("%1", result.decision.number_symbol).replace("%2", str(len(result.joined)))
            .replace("%3", str(len(result.left))))

    def edit_decision(self) -> DecisionDialog | None:
        rows = self.decisions_table.selectionModel().selectedRows()
        if self.board is None or not rows:
            if self.board is None or not self.decisions_model.rowCount():
                return None
            rows = [self.decisions_model.index(0, 0)]
        decision = self.decisions_model.row_at(rows[0].row())
        dialog = DecisionDialog(self.ctx.ops, self.board, existing=decision, parent=self)
        return self._open(dialog, lambda d: self.ctx.show_message(
            self.tr("Đã lưu Quyết định số %1.").replace("%1", d.number_symbol)))

    # --- exports -----------------------------------------------------------------------------------
    def export_day(self) -> dt.date:
        """The roster exported is the one shown: the history date on the history tab, else today."""
        return self.history_day() if self.tabs.currentIndex() == self.history_tab_index else dt.date.today()

    def export(self, kind: str) -> None:
        if self.board is None:
            return
        day = self.export_day()
        titles = {
            "roster_pdf": (self.tr("Xuất danh sách thành viên ra PDF"), "Danh-sach", self.tr("Tệp PDF (*.pdf)"),
                           ".pdf"),
            "roster_xlsx": (self.tr("Xuất danh sách thành viên ra Excel"), "Danh-sach",
                            self.tr("Sổ tính Excel (*.xlsx)"), ".xlsx"),
            "duties_pdf": (self.tr("Xuất phân công nhiệm vụ ra PDF"), "Phan-cong", self.tr("Tệp PDF (*.pdf)"), ".pdf"),
        }
        title, prefix, file_filter, suffix = titles[kind]
        folder = self.ctx.settings.last_document_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"{prefix}-{_file_stem(self.board.name)}-{day:%d-%m-%Y}{suffix}"
        path, _filter = QFileDialog.getSaveFileName(self, title, str(Path(folder) / name), file_filter)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        self.ctx.settings.last_document_folder = str(target.parent)
        self.ctx.settings.save()
        board_id = self.board.id
        self.ctx.show_message(self.tr("Đang xuất %1…").replace("%1", str(target)))
        self.ctx.ops.read(lambda s: _export(s, kind, board_id, day, target), self._exported)

    def _exported(self, result: tuple[Path, int]) -> None:
        target, count = result
        self.last_export = target
        self.ctx.show_message(self.tr("Đã xuất %n thành viên vào %1", "", count).replace("%1", str(target)))


def _export(session, kind: str, board_id: str, day: dt.date, target: Path) -> tuple[Path, int]:
    """Worker thread: the same export as `ptds roster export`."""
    snapshot = roster.roster_snapshot(session, board_id, day)
    return export_roster(snapshot, kind, target), len(snapshot.members)
