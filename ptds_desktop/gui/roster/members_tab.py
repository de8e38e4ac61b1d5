"""The roster today (first tab of the roster screen): the members in order, add, edit, delete a mistaken row,
reorder by drag or Ctrl+Up/Down (undoable), and the member who leaves (a reorganisation decision)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMenu,
    QMessageBox,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ptds_desktop.gui.context import ViewContext
from ptds_desktop.gui.roster.decision_form import remember_issuer
from ptds_desktop.gui.roster.member_dialog import MemberDialog
from ptds_desktop.gui.roster.models import ROSTER_WIDTHS, RosterModel
from ptds_desktop.gui.widgets import (
    EmptyHint,
    action_bar,
    message_box,
    size_columns,
    view_action,
    widget_shortcut,
)
from ptds_desktop.services import memberships
from ptds_desktop.services.boards import BoardData
from ptds_desktop.services.decisions import DecisionResult
from ptds_desktop.services.memberships import MemberData
from ptds_desktop.services.roster import RosterSnapshot


class MembersTab(QWidget):
    """`member_selected(member)` follows the selection; `end_requested(membership_id)` asks the view for the
    reorganisation decision that ends that membership."""

    member_selected = Signal(object)  # MemberData | None
    end_requested = Signal(str)

    def __init__(self, ctx: ViewContext, reorganize_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.board: BoardData | None = None
        self.established = False  # the board has a decision: a member added is a reorganisation
        self._select_after_reload: str | None = None  # membership id to select once the roster is back
        self._current = True  # the shown tab: only then do its actions (and their shortcuts) work
        self._build_table()
        self._build_actions()
        self._lay_out(reorganize_action)

    def _build_table(self) -> None:
        self.model = RosterModel(reorderable=True, parent=self)
        self.model.reorder_requested.connect(self.reorder)
        self.table = QTableView()
        self.table.setModel(self.model)
        size_columns(self.table, ROSTER_WIDTHS, wrap=True)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.doubleClicked.connect(lambda _index: self.edit_member())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.empty_hint = EmptyHint(self.table, self.tr("Ban chưa có thành viên. Nhấn “Thành lập, kiện toàn…” để "
                                                        "nhập quyết định thành lập Ban."), "")
        self.count_label = QLabel()

    def _build_actions(self) -> None:
        style = self.style()
        self.add_action = view_action(self, self.tr("&Thêm thành viên…"), QKeySequence.StandardKey.New, self.add_member,
                                      style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder),
                                      self.tr("Bổ sung một thành viên theo quyết định mới"))
        self.edit_action = view_action(self, self.tr("&Sửa…"), QKeySequence(Qt.Key.Key_F2), self.edit_member,
                                       style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
                                       self.tr("Sửa thông tin thành viên đang chọn như đã ghi (F2, Enter)"))
        self.delete_action = view_action(self, self.tr("&Xóa dòng nhập nhầm"), QKeySequence(Qt.Key.Key_Delete),
                                         self.delete_member, style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon),
                                         self.tr("Xóa thành viên nhập nhầm (người thôi tham gia Ban thì dùng "
                                                 "“Thành lập, kiện toàn…”)"))
        self.up_action = view_action(self, self.tr("Lên"), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Up),
                                     lambda: self.move_member(-1), style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp),
                                     self.tr("Đưa thành viên lên trên trong cùng chức danh"))
        self.down_action = view_action(self, self.tr("Xuống"), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Down),
                                       lambda: self.move_member(1),
                                       style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
                                       self.tr("Đưa thành viên xuống dưới trong cùng chức danh"))
        self.end_action = view_action(self, self.tr("&Thôi tham gia Ban…"), None, self.end_member,
                                      style.standardIcon(QStyle.StandardPixmap.SP_DialogCancelButton),
                                      self.tr("Ghi quyết định kiện toàn cho thành viên đang chọn thôi tham gia Ban"))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            widget_shortcut(self.table, key, self.edit_member)

    def _lay_out(self, reorganize_action: QAction) -> None:
        bar = action_bar([self.add_action, self.edit_action, self.delete_action, self.up_action, self.down_action],
                         [reorganize_action])
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    # --- showing -----------------------------------------------------------------------------------
    def show_roster(self, board: BoardData | None, today: RosterSnapshot | None, established: bool) -> None:
        """The board's members today, keeping the selection (or the row just saved) where it was."""
        keep = self._select_after_reload or self.selected_member_id()
        current_row = self.table.currentIndex().row()
        self._select_after_reload = None
        self.board, self.established = board, established
        self.model.set_rows(today.members if today else [])
        row = self.model.row_of(keep) if keep else None
        if row is None and self.model.rowCount():
            row = min(max(current_row, 0), self.model.rowCount() - 1)
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        count = self.model.rowCount()
        no_board = self.tr("Chưa có Ban Chỉ huy nào: hãy thêm Ban ở danh sách bên trái trước.")
        self.empty_hint.update_for(count, count, None if board else no_board)
        self.count_label.setText(self.tr("%n thành viên", "", count) if today else "")
        self._update_actions()

    def set_current(self, current: bool) -> None:
        """Whether this tab is the one shown (its shortcuts must not fire from another tab)."""
        self._current = current
        self._update_actions()

    def _update_actions(self) -> None:
        usable = self.board is not None and self._current
        self.add_action.setEnabled(usable)
        member = self.selected_member()
        for action in (self.edit_action, self.end_action, self.delete_action, self.up_action, self.down_action):
            action.setEnabled(usable and member is not None)

    # --- selection ---------------------------------------------------------------------------------
    def selected_member(self) -> MemberData | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_member_id(self) -> str | None:
        member = self.selected_member()
        return member.id if member else None

    def select_member(self, membership_id: str) -> None:
        row = self.model.row_of(membership_id)
        if row is not None:
            self.table.selectRow(row)

    def _selection_changed(self) -> None:
        self._update_actions()
        self.member_selected.emit(self.selected_member())

    def _menu(self, pos: QPoint) -> None:
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

    # --- members -----------------------------------------------------------------------------------
    def add_member(self) -> MemberDialog | None:
        if self.board is None:
            return None
        dialog = MemberDialog(self.ctx.ops, self.board, MemberDialog.ADD, parent=self)
        dialog.first_decision = not self.established
        if dialog.first_decision:
            dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData("head"))
        dialog.saved.connect(self._member_added)
        remember_issuer(self.ctx.settings, dialog.ui.issuedByEdit, dialog)
        return _open(dialog)

    def _member_added(self, result: DecisionResult) -> None:
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
        dialog.saved.connect(self._member_edited)
        return _open(dialog)

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
            lambda s: memberships.delete_membership(s, membership_id),
            lambda _r: self.ctx.offer_undo(self.tr("Đã xóa “%1”.").replace("%1", name),
                                           lambda s: memberships.restore_membership(s, membership_id)),
        )

    def end_member(self) -> None:
        """Someone leaves the board: a reorganisation decision with that member ticked “Kết thúc”."""
        member = self.selected_member()
        if member is not None:
            self.end_requested.emit(member.id)

    # --- order -------------------------------------------------------------------------------------
    def move_member(self, step: int) -> None:
        member = self.selected_member()
        if member is None:
            return
        self._select_after_reload = member.id
        membership_id = member.id
        self.ctx.ops.run(lambda s: memberships.move_member(s, membership_id, step), self._order_saver(member))

    def reorder(self, ordered_ids: list[str]) -> None:
        """A drag and drop: the service keeps the roster grouped by role and numbers it."""
        member = self.selected_member()
        if self.board is None or member is None:
            return
        board_id = self.board.id
        self._select_after_reload = member.id
        self.ctx.ops.run(lambda s: memberships.reorder_members(s, board_id, ordered_ids), self._order_saver(member))

    def _order_saver(self, moved: MemberData) -> Callable[[list[MemberData]], None]:
        """After a move: say so, and offer to put the previous order back (Ctrl+Z)."""
        assert self.board is not None
        board_id, before = self.board.id, [m.id for m in self.model.rows()]

        def restore(session: Session) -> list[MemberData]:
            return memberships.reorder_members(session, board_id, before)

        def saved(after: list[MemberData]) -> None:
            if [m.id for m in after] != before:
                self.ctx.offer_undo(self.tr("Đã đổi thứ tự: %1 nay là số %2.")
                                    .replace("%1", moved.full_name or moved.position or "")
                                    .replace("%2", str(next(i for i, m in enumerate(after, 1) if m.id == moved.id))),
                                    restore)

        return saved


def _open(dialog: MemberDialog) -> MemberDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
