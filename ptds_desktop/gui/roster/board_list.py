"""The list of command boards (left of the roster screen): filter, choose, create and edit a board."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListView, QStyle, QVBoxLayout, QWidget

from ptds_desktop.gui.context import ViewContext
from ptds_desktop.gui.ops import LatestRead
from ptds_desktop.gui.roster.board_dialog import BoardDialog
from ptds_desktop.gui.table_model import Column, RowsTableModel
from ptds_desktop.gui.widgets import EmptyHint, tool_button, view_action
from ptds_desktop.services import boards
from ptds_desktop.services.boards import BoardData

BOARD_COLUMNS = [Column("Ban Chỉ huy", lambda b: b.name)]


class BoardList(QWidget):
    """Emits `chosen(board)` when the user picks a board, and after every reload (the board's data may have
    changed); `chosen(None)` when there is no board at all."""

    chosen = Signal(object)  # BoardData | None

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.board: BoardData | None = None
        self._boards = LatestRead[list[BoardData]](ctx.ops)
        self.model = RowsTableModel(BOARD_COLUMNS, search_text=lambda b: (b.name,), parent=self)
        self._build_list()
        self._build_actions()
        self._lay_out()

    def _build_list(self) -> None:
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAccessibleName(self.tr("Các Ban Chỉ huy"))
        self.list.selectionModel().currentRowChanged.connect(lambda _current, _previous: self._picked())
        self.empty_hint = EmptyHint(self.list, self.tr("Chưa có Ban Chỉ huy nào. Nhấn “Thêm Ban…” bên dưới để "
                                                       "bắt đầu."), self.tr("Không có Ban nào khớp bộ lọc."))
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Lọc theo tên"))
        self.filter.setToolTip(self.tr("Gõ không dấu cũng được, ví dụ “ea kao”"))
        self.filter.textChanged.connect(self._filter_changed)

    def _build_actions(self) -> None:
        style = self.style()
        self.new_action = view_action(self, self.tr("Thêm Ban…"), None, self.create_board,
                                      style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder),
                                      self.tr("Thêm Ban Chỉ huy (tỉnh, xã, phường)"))
        self.edit_action = view_action(self, self.tr("Sửa Ban…"), None, self.edit_board,
                                       style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
                                       self.tr("Sửa tên, cấp, Ủy ban nhân dân, cơ quan thường trực của Ban"))
        self.edit_action.setEnabled(False)

    def _lay_out(self) -> None:
        title = QLabel(self.tr("Ban Chỉ huy"))
        title.setStyleSheet("font-weight: bold;")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for action in (self.new_action, self.edit_action):
            bar.addWidget(tool_button(action))
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(title)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addLayout(bar)

    # --- loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        self._boards.read(boards.list_boards, self._loaded)

    def _loaded(self, boards: list[BoardData]) -> None:
        keep = self.board.id if self.board else None
        self.model.set_rows(boards)
        self.empty_hint.update_for(self.model.rowCount(), len(boards))
        if not boards:
            self._set_board(None)
            return
        own = [b.id for b in boards if b.office_id == self.ctx.office.id]
        chosen = keep if keep and self.model.row_of(keep) is not None else (own[0] if own else boards[0].id)
        self.select(chosen, force=True)

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        row = self.model.row_of(self.board.id) if self.board else None
        if row is not None:
            self.list.selectionModel().setCurrentIndex(self.model.index(row, 0),
                                                       QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def select(self, board_id: str, force: bool = False) -> None:
        """Make `board_id` current; with `force`, announce it even when it already was (its data changed)."""
        row = self.model.row_of(board_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        already = self.list.currentIndex() == index
        self.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if already or force:
            self._picked(force=True)

    def _picked(self, force: bool = False) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            return
        board = self.model.row_at(index.row())
        if not force and self.board is not None and board.id == self.board.id:
            return  # the same board again (the filter changed): nothing to reload
        self._set_board(board)

    def _set_board(self, board: BoardData | None) -> None:
        self.board = board
        self.edit_action.setEnabled(board is not None)
        self.chosen.emit(board)

    # --- commands ----------------------------------------------------------------------------------
    def create_board(self) -> BoardDialog:
        return self._open(BoardDialog(self.ctx.ops, None, self.ctx.office.id, self))

    def edit_board(self) -> BoardDialog | None:
        if self.board is None:
            return None
        return self._open(BoardDialog(self.ctx.ops, self.board, self.ctx.office.id, self))

    def _open(self, dialog: BoardDialog) -> BoardDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self, board: BoardData) -> None:
        self.board = board  # the reload that follows the write selects it
        self.ctx.show_message(self.tr("Đã lưu “%1”.").replace("%1", board.name))
