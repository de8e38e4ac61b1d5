"""A decision establishing or reorganising a board, as ONE action, or the correction of a decision's particulars."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)
from sqlalchemy.orm import Session

from ptds_desktop.errors import ValidationError
from ptds_desktop.gui.forms.ui_roster_decision_dialog import Ui_RosterDecisionDialog
from ptds_desktop.gui.labels import BOARD_ROLE_LABELS, DECISION_KIND_LABELS, label
from ptds_desktop.gui.ops import DatabaseOps, WriteFn
from ptds_desktop.gui.roster.decision_form import save_after_asking
from ptds_desktop.gui.roster.member_dialog import SIGNED_ON, MemberDialog, PendingMember
from ptds_desktop.gui.roster.models import EndingModel
from ptds_desktop.gui.service_dialog import ServiceDialog
from ptds_desktop.gui.table_model import Column, RowsTableModel
from ptds_desktop.gui.widgets import configure_table, size_columns
from ptds_desktop.services import decisions, people
from ptds_desktop.services.boards import BoardData
from ptds_desktop.services.decisions import DecisionData, DecisionInput, DecisionResult
from ptds_desktop.services.memberships import MemberData
from ptds_desktop.services.roster_documents import default_decision_summary

PENDING_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Họ và tên"), lambda p: p.name, width=200),
    Column(QT_TRANSLATE_NOOP("Columns", "Chức danh trong Ban"), lambda p: p.role_label, width=200),
    Column(QT_TRANSLATE_NOOP("Columns", "Chức vụ, đơn vị"), lambda p: p.position),
]
ENDING_WIDTHS = (70, 190, 190, None)


class RoleDelegate(QStyledItemDelegate):
    """Edits a member's role with a list of the board roles."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QComboBox:  # noqa: N802
        combo = QComboBox(parent)
        for code in BOARD_ROLE_LABELS:
            combo.addItem(label(BOARD_ROLE_LABELS, code), code)
        return combo

    def setEditorData(self, editor: QComboBox, index: QModelIndex) -> None:  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QComboBox, model: QAbstractItemModel, index: QModelIndex) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DecisionDialog(ServiceDialog):
    """The members it ends (ticked "Kết thúc") and the members it adds are written with the decision in a single
    `apply_decision` call. With `existing`, only the decision's particulars and its scanned file are edited.
    `saved` carries the DecisionResult, or the DecisionData when editing."""

    def __init__(self, ops: DatabaseOps, board: BoardData, current: Sequence[MemberData] = (),
                 existing: DecisionData | None = None, ending: Sequence[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.board = board
        self.existing = existing
        self.file_path: Path | None = None
        self.ui = Ui_RosterDecisionDialog()
        self.ui.setupUi(self)
        self.bind_form(self.ui.buttonBox, self.ui.errorLabel, {
            "kind": self.ui.kindCombo, "number_symbol": self.ui.numberEdit, "issued_on": self.ui.dateEdit,
            "effective_on": self.ui.dateEdit, "issued_by": self.ui.issuedByEdit, "attachment": self.ui.fileEdit,
            "ending": self.ui.currentTable, "joining": self.ui.newTable, "role": self.ui.newTable,
            "person_id": self.ui.newTable, "holder": self.ui.newTable, "full_name": self.ui.newTable,
            "position_text": self.ui.newTable,
        })
        self._build_particulars(bool(current))
        self._build_members(current, ending)
        self.ui.numberEdit.setFocus()

    def _build_particulars(self, reorganising: bool) -> None:
        board, existing = self.board, self.existing
        for code in DECISION_KIND_LABELS:
            self.ui.kindCombo.addItem(label(DECISION_KIND_LABELS, code), code)
        if existing is not None:
            self.setWindowTitle(self.tr("Sửa quyết định %1").replace("%1", existing.number_symbol))
        elif reorganising:
            self.setWindowTitle(self.tr("Kiện toàn %1").replace("%1", board.name))
        else:
            self.setWindowTitle(self.tr("Thành lập %1").replace("%1", board.name))
        kind = existing.kind if existing else ("reorganize" if reorganising else "establish")
        self.ui.kindCombo.setCurrentIndex(self.ui.kindCombo.findData(kind))
        self.ui.dateEdit.configure(SIGNED_ON, "issued_on")
        self.ui.dateEdit.setDate(existing.issued_on if existing else dt.date.today())
        if existing is not None:
            self.ui.numberEdit.setText(existing.number_symbol)
            self.ui.issuedByEdit.setText(existing.issued_by or "")
            self.ui.signerNameEdit.setText(existing.signer_name or "")
            self.ui.signerTitleEdit.setText(existing.signer_title or "")
            self.ui.summaryEdit.setText(existing.summary or "")
            self.ui.fileEdit.setPlaceholderText(existing.attachment_filename or self.tr("(chưa đính kèm)"))
        else:
            # Stored and synced to other offices: Vietnamese whatever the interface language.
            self.ui.summaryEdit.setText(default_decision_summary("reorganize" if reorganising else "establish",
                                                                 board.name))
        self.ui.fileButton.clicked.connect(self.choose_file)
        self.ui.clearFileButton.clicked.connect(lambda: self._set_file(None))
        self.ui.clearFileButton.setEnabled(False)

    def _build_members(self, current: Sequence[MemberData], ending: Sequence[str]) -> None:
        self.ending_model = EndingModel(current, ending, self)
        self.ui.currentTable.setModel(self.ending_model)
        size_columns(self.ui.currentTable, ENDING_WIDTHS)
        # the role column opens a list of roles: a member given another role stays, in one step
        self.ui.currentTable.setItemDelegateForColumn(2, RoleDelegate(self.ui.currentTable))
        self.ui.currentTable.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                             | QAbstractItemView.EditTrigger.SelectedClicked
                                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.ui.currentLabel.setVisible(bool(current))
        self.ui.currentTable.setVisible(bool(current))
        self.pending_model = RowsTableModel(PENDING_COLUMNS, search_text=lambda p: (p.name,), parent=self)
        configure_table(self.ui.newTable, self.pending_model)
        self.ui.newTable.setSortingEnabled(False)  # in the order added
        self.ui.addMemberButton.clicked.connect(self.add_member)
        self.ui.removeMemberButton.clicked.connect(self.remove_member)
        self.ui.membersGroup.setVisible(self.existing is None)
        if self.existing is not None:
            self.resize(self.width(), 0)

    # --- members ----------------------------------------------------------------------------------
    def add_member(self) -> MemberDialog:
        dialog = MemberDialog(self.ops, self.board, MemberDialog.COLLECT, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.collected.connect(self._member_collected)
        dialog.open()
        return dialog

    def _member_collected(self, pending: PendingMember) -> None:
        self.pending_model.set_rows([*self.pending_model.all_rows(), pending])
        self.clear_errors()

    def remove_member(self) -> None:
        rows = {i.row() for i in self.ui.newTable.selectionModel().selectedRows()}
        self.pending_model.set_rows([p for i, p in enumerate(self.pending_model.all_rows()) if i not in rows])

    def pending_members(self) -> list[PendingMember]:
        return self.pending_model.all_rows()

    # --- file ---------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Chọn bản quét quyết định"), "",
            self.tr("Bản quét (*.pdf *.jpg *.jpeg *.png);;Mọi tệp (*)"))
        if path:
            self._set_file(Path(path))

    def _set_file(self, path: Path | None) -> None:
        self.file_path = path
        self.ui.fileEdit.setText(str(path) if path else "")
        self.ui.clearFileButton.setEnabled(path is not None)

    # --- saving -----------------------------------------------------------------------------------
    def decision_input(self) -> DecisionInput:
        return DecisionInput(
            number_symbol=self.ui.numberEdit.text(), issued_on=self.ui.dateEdit.value(),
            kind=self.ui.kindCombo.currentData(), issued_by=self.ui.issuedByEdit.text(),
            signer_name=self.ui.signerNameEdit.text(), signer_title=self.ui.signerTitleEdit.text(),
            summary=self.ui.summaryEdit.text(),
        )

    def save_fn(self) -> WriteFn | None:
        decision = self.decision_input()
        editing_id = self.existing.id if self.existing else None
        save_after_asking(self, self.ui.dateEdit, self.board.id, decision.issued_on, editing_id, self._write(decision))
        return None

    def _write(self, decision: DecisionInput) -> WriteFn:
        existing_id, file_path = (self.existing.id if self.existing else None), self.file_path
        if existing_id is not None:
            def correct(session: Session) -> DecisionData:
                result = decisions.update_decision(session, existing_id, decision)
                return decisions.attach_decision_file(session, existing_id, file_path) if file_path else result

            return correct
        ending = self.ending_model.ending_ids()
        role_changes = self.ending_model.role_changes()
        pending = self.pending_members()
        if not ending and not pending and not role_changes:
            self._refuse_empty()
        joining = [p.member for p in pending]
        fills = [(p.member.person_id, p.fill) for p in pending if p.fill is not None and p.member.person_id]
        board_id = self.board.id

        def apply(session: Session) -> DecisionResult:
            for person_id, fill in fills:
                people.fill_empty_fields(session, person_id, fill)
            result = decisions.apply_decision(session, board_id, decision, ending=ending, joining=joining,
                                              role_changes=role_changes)
            if file_path is None:
                return result
            attached = decisions.attach_decision_file(session, result.decision.id, file_path)
            return dataclasses.replace(result, decision=attached)

        return apply

    def _refuse_empty(self) -> None:
        """What to do on this form (the service would only say a decision must change someone)."""
        if self.ending_model.rowCount():
            message = self.tr("Hãy đánh dấu “Kết thúc” với người thôi tham gia, đổi chức danh của người ở lại, "
                              "hoặc thêm thành viên mới.")
        else:
            message = self.tr("Hãy thêm các thành viên Ban theo quyết định.")
        raise ValidationError(message, "joining")
