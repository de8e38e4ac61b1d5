"""The roster screen (Ban Chỉ huy): the board list beside the chosen board — its heading and decision in force,
the exports, and three tabs (members today, history, decisions).

The view reads the chosen board's state in one go and hands each tab its part; it reloads when a write
touches a table the screen shows (ROSTER_TABLES), whoever wrote. Exports run on the worker too; the UI
thread only asks where.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ptds_desktop.db.changes import Changes
from ptds_desktop.exports.files import FORMATS as FORMAT_LABELS
from ptds_desktop.exports.files import write_document
from ptds_desktop.gui.context import ViewContext
from ptds_desktop.gui.ops import LatestRead
from ptds_desktop.gui.roster.board_list import BoardList
from ptds_desktop.gui.roster.decision_dialog import DecisionDialog
from ptds_desktop.gui.roster.decision_form import remember_issuer
from ptds_desktop.gui.roster.decisions_tab import DecisionsTab
from ptds_desktop.gui.roster.history_tab import HistoryTab
from ptds_desktop.gui.roster.members_tab import MembersTab
from ptds_desktop.gui.roster.models import decision_text
from ptds_desktop.gui.widgets import view_action
from ptds_desktop.models import BoardMembership, CommandBoard, Decision, Organization, Person
from ptds_desktop.services import decisions, roster
from ptds_desktop.services.boards import BoardData
from ptds_desktop.services.decisions import DecisionData, DecisionResult
from ptds_desktop.services.roster import RosterSnapshot
from ptds_desktop.services.roster_documents import ROSTER_FORMATS, roster_document
from ptds_desktop.text import fold

# What the screen shows: a write touching any of these reloads it.
ROSTER_TABLES = frozenset(m.__tablename__ for m in (CommandBoard, Decision, BoardMembership, Person, Organization))


@dataclasses.dataclass(frozen=True)
class BoardState:
    """What the view shows of one board, read in one go: today, its decisions, the dates it changed, and the
    roster on the history tab's date."""

    today: RosterSnapshot
    decisions: list[DecisionData]
    change_dates: list[dt.date]
    on_day: RosterSnapshot


def _read_board(board_id: str, day: dt.date) -> Callable[[Session], BoardState]:
    def read(session: Session) -> BoardState:
        return BoardState(roster.roster_snapshot(session, board_id), decisions.list_decisions(session, board_id),
                          roster.change_dates(session, board_id), roster.roster_snapshot(session, board_id, day))

    return read


def _file_stem(text: str) -> str:
    return "-".join(fold(text).replace("/", " ").split())


class RosterView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False  # the boards and the chosen board's roster have arrived (tests wait on it)
        self.board: BoardData | None = None
        self.state: BoardState | None = None
        self.last_export: Path | None = None
        self._states = LatestRead[BoardState](ctx.ops)
        self._build_actions()
        self.boards = BoardList(ctx)
        self.boards.chosen.connect(self._board_chosen)
        self._build_tabs()
        self._lay_out()
        ctx.ops.subscribe(self, ROSTER_TABLES, self._data_changed)
        self._update_actions()
        self.reload()

    def _build_actions(self) -> None:
        style = self.style()
        save_icon = style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton)
        # One "Xuất văn bản" menu: each document of the board in each format it has (the day shown).
        self.export_menu = QMenu(self)
        self.export_actions: dict[tuple[str, str], QAction] = {}
        document_names = {"decision": self.tr("Quyết định kiện toàn Ban"), "list": self.tr("Danh sách thành viên"),
                          "duties": self.tr("Phân công nhiệm vụ thành viên")}
        for what, formats in ROSTER_FORMATS.items():
            if self.export_actions:
                self.export_menu.addSeparator()
            for fmt in formats:
                action = self.export_menu.addAction(f"{document_names[what]} ({FORMAT_LABELS[fmt]})")
                action.triggered.connect(lambda _checked=False, w=what, f=fmt: self.export(w, f))
                self.export_actions[what, fmt] = action
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Xuất văn bản"))
        self.export_button.setToolTip(self.tr("Quyết định, danh sách thành viên, phân công nhiệm vụ ra PDF, Word, "
                                              "Excel (ngày đang xem)"))
        self.export_button.setIcon(save_icon)
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setAutoRaise(True)
        self.export_button.setMenu(self.export_menu)
        self.reorganize_action = view_action(self, self.tr("Thành lập, &kiện toàn…"),
                                             QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_K), self.reorganize,
                                             style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload),
                                             self.tr("Nhập quyết định: kết thúc và bổ sung thành viên trong một "
                                                     "lần"))

    def _build_tabs(self) -> None:
        self.members = MembersTab(self.ctx, self.reorganize_action)
        self.history = HistoryTab(self.ctx)
        self.decisions = DecisionsTab(self.ctx, self.reorganize_action)
        self.members.end_requested.connect(lambda membership_id: self.reorganize([membership_id]))
        self.tabs = QTabWidget()
        self.members_tab_index = self.tabs.addTab(self.members, self.tr("Thành viên hiện nay"))
        self.history_tab_index = self.tabs.addTab(self.history, self.tr("Lịch sử"))
        self.decisions_tab_index = self.tabs.addTab(self.decisions, self.tr("Quyết định"))
        self.tabs.currentChanged.connect(lambda _i: self._update_actions())

    def _lay_out(self) -> None:
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.title_label.setWordWrap(True)
        self.decision_label = QLabel()
        self.decision_label.setWordWrap(True)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title_label)
        titles.addWidget(self.decision_label)
        header.addLayout(titles, 1)
        header.addWidget(self.export_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        right_layout.addLayout(header)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.boards)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 900])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)
        self.setFocusProxy(self.members.table)

    # --- loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Boards, then the chosen board (BoardList announces it once the list is back)."""
        self.boards.reload()

    def _data_changed(self, _changes: Changes) -> None:
        self.reload()

    def _board_chosen(self, board: BoardData | None) -> None:
        self.board = board
        if board is None:
            self._states.cancel()
            self._show_state(None)
            self.loaded = True
            return
        self._states.read(_read_board(board.id, self.history.day()), self._board_loaded)

    def _board_loaded(self, state: BoardState) -> None:
        self._show_state(state)
        self.loaded = True

    def _show_state(self, state: BoardState | None) -> None:
        self.state = state
        if state is None:
            self.title_label.setText(self.tr("Chưa có Ban Chỉ huy nào. Nhấn “Thêm Ban…” để bắt đầu."))
            self.decision_label.clear()
            self.members.show_roster(None, None, False)
            self.decisions.show_decisions(None, [])
            self.history.show_board(None, [], [], None)
        else:
            self.title_label.setText(state.today.board.name)
            self.decision_label.setText(decision_text(state.today))
            self.members.show_roster(self.board, state.today, bool(state.decisions))
            self.decisions.show_decisions(self.board, state.decisions)
            self.history.show_board(self.board, state.decisions, state.change_dates, state.on_day)
        self._update_actions()

    def _update_actions(self) -> None:
        has_board = self.board is not None
        self.members.set_current(self.tabs.currentIndex() == self.members_tab_index)
        self.reorganize_action.setEnabled(has_board)
        self.export_button.setEnabled(has_board)

    # --- decisions ---------------------------------------------------------------------------------
    def reorganize(self, ending: list[str] | None = None) -> DecisionDialog | None:
        if self.board is None or self.state is None:
            return None
        dialog = DecisionDialog(self.ctx.ops, self.board, self.state.today.members, ending=ending or (), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._decision_applied)
        remember_issuer(self.ctx.settings, dialog.ui.issuedByEdit, dialog)
        dialog.open()
        return dialog

    def _decision_applied(self, result: DecisionResult) -> None:
        self.ctx.show_message(
            self.tr("Đã ghi Quyết định số %1: thêm %2, kết thúc %3 thành viên.")
            .replace("%1", result.decision.number_symbol).replace("%2", str(len(result.joined)))
            .replace("%3", str(len(result.left))))

    # --- exports -----------------------------------------------------------------------------------
    def export_day(self) -> dt.date:
        """The roster exported is the one shown: the history date on the history tab, else today."""
        return self.history.day() if self.tabs.currentIndex() == self.history_tab_index else dt.date.today()

    def export(self, what: str, fmt: str) -> None:
        """Save one of the board's documents ("decision", "list", "duties") as PDF, Word or Excel."""
        if self.board is None:
            return
        day = self.export_day()
        titles = {"decision": (self.tr("Xuất quyết định kiện toàn Ban"), "Quyet-dinh"),
                  "list": (self.tr("Xuất danh sách thành viên"), "Danh-sach"),
                  "duties": (self.tr("Xuất phân công nhiệm vụ"), "Phan-cong")}
        filters = {"pdf": self.tr("Tệp PDF (*.pdf)"), "docx": self.tr("Văn bản Word (*.docx)"),
                   "xlsx": self.tr("Sổ tính Excel (*.xlsx)")}
        title, prefix = titles[what]
        suffix = f".{fmt}"
        folder = self.ctx.settings.last_document_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"{prefix}-{_file_stem(self.board.name)}-{day:%d-%m-%Y}{suffix}"
        path, _filter = QFileDialog.getSaveFileName(self, title, str(Path(folder) / name), filters[fmt])
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        self.ctx.settings.last_document_folder = str(target.parent)
        self.ctx.settings.save()
        board_id = self.board.id
        self.ctx.show_message(self.tr("Đang xuất %1…").replace("%1", str(target)))
        self.ctx.ops.read(lambda s: _export(s, what, fmt, board_id, day, target), self._exported)

    def _exported(self, target: Path) -> None:
        self.last_export = target
        self.ctx.show_message(self.tr("Đã xuất %1").replace("%1", str(target)))


def _export(session: Session, what: str, fmt: str, board_id: str, day: dt.date, target: Path) -> Path:
    """Worker thread: the same export as `ptds roster export`."""
    return write_document(roster_document(session, what, board_id, day), target, fmt)
