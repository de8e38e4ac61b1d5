"""The board's decisions (third tab of the roster screen), newest first; correct one or attach its scan."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStyle, QTableView, QVBoxLayout, QWidget

from ptds_desktop.gui.context import ViewContext
from ptds_desktop.gui.roster.decision_dialog import DecisionDialog
from ptds_desktop.gui.roster.decision_form import remember_issuer
from ptds_desktop.gui.roster.models import DECISION_COLUMNS, decision_search_text
from ptds_desktop.gui.table_model import RowsTableModel
from ptds_desktop.gui.widgets import action_bar, size_columns, view_action
from ptds_desktop.services.boards import BoardData
from ptds_desktop.services.decisions import DecisionData


class DecisionsTab(QWidget):
    def __init__(self, ctx: ViewContext, reorganize_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.board: BoardData | None = None
        self.model = RowsTableModel(DECISION_COLUMNS, search_text=decision_search_text, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        size_columns(self.table, [c.width for c in DECISION_COLUMNS], wrap=True)  # a board has few decisions
        self.table.doubleClicked.connect(lambda _index: self.edit_decision())
        self.edit_action = view_action(self, self.tr("Sửa quyết định, đính kèm bản quét…"), None, self.edit_decision,
                                       self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView))
        layout = QVBoxLayout(self)
        layout.addWidget(action_bar([self.edit_action], [reorganize_action]))
        layout.addWidget(self.table, 1)

    def show_decisions(self, board: BoardData | None, decisions: list[DecisionData]) -> None:
        self.board = board
        self.model.set_rows(list(reversed(decisions)))
        self.edit_action.setEnabled(bool(self.model.rowCount()))

    def edit_decision(self) -> DecisionDialog | None:
        """The decision selected, else the newest."""
        if self.board is None or not self.model.rowCount():
            return None
        rows = self.table.selectionModel().selectedRows()
        decision = self.model.row_at(rows[0].row() if rows else 0)
        dialog = DecisionDialog(self.ctx.ops, self.board, existing=decision, parent=self)
        remember_issuer(self.ctx.settings, dialog.ui.issuedByEdit, dialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda d: self.ctx.show_message(
            self.tr("Đã lưu Quyết định số %1.").replace("%1", d.number_symbol)))
        dialog.open()
        return dialog
