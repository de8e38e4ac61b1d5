"""Dialogs of the roster screen: a board, a member (pick or create the person), a decision (establish or
reorganise the board as one action, or correct a decision's particulars).

Every write goes through `ops.run` and reports TOPIC_ROSTER; each dialog stays open, showing the service's
ValidationError under the field it names, until the write succeeds.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from ptds_desktop.errors import PtdsError, ValidationError
from ptds_desktop.gui.forms.ui_roster_board_dialog import Ui_RosterBoardDialog
from ptds_desktop.gui.forms.ui_roster_decision_dialog import Ui_RosterDecisionDialog
from ptds_desktop.gui.forms.ui_roster_member_dialog import Ui_RosterMemberDialog
from ptds_desktop.gui.labels import OFFICE_LEVEL_LABELS, label
from ptds_desktop.gui.ops import TOPIC_ROSTER, DatabaseOps
from ptds_desktop.gui.roster_models import DECISION_KIND_LABELS, ROLE_LABELS, EndingModel, to_qdate
from ptds_desktop.gui.table_model import Column, RowsTableModel
from ptds_desktop.gui.widgets import FieldErrors, configure_table, message_box, name_buttons, show_error, size_columns
from ptds_desktop.services import boards, decisions, memberships, people
from ptds_desktop.services import organizations as org_service
from ptds_desktop.services.boards import BoardData, BoardInput
from ptds_desktop.services.common import required
from ptds_desktop.services.decisions import DecisionData, DecisionInput
from ptds_desktop.services.memberships import MemberData, MemberInput
from ptds_desktop.services.organizations import OrganizationData
from ptds_desktop.services.people import DuplicatePersonError, PersonData, PersonInput


class InlineFieldErrors(FieldErrors):
    """FieldErrors whose message appears right under the field it names (in the field's form row), or at the
    bottom of the dialog when the error names no field on the form."""

    def __init__(self, dialog: QWidget, label_widget: QLabel, fields: dict[str, QWidget]):
        self._dialog = dialog
        self._home = label_widget.parentWidget().layout()
        self._home_index = self._home.indexOf(label_widget)
        self._placed_in: QFormLayout | None = None
        super().__init__(label_widget, fields)

    def clear(self) -> None:
        if getattr(self, "_placed_in", None) is not None:
            self._placed_in.takeRow(self._label)
            self._placed_in = None
            self._home.insertWidget(self._home_index, self._label)
        super().clear()

    def show(self, exc: Exception) -> None:
        super().show(exc)
        if self._marked is None:
            return
        for form in self._dialog.findChildren(QFormLayout):
            row = _form_row_of(form, self._marked)
            if row is not None:
                self._home.removeWidget(self._label)
                form.insertRow(row + 1, self._label)
                self._label.show()
                self._placed_in = form
                return


def _form_row_of(form: QFormLayout, widget: QWidget) -> int | None:
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.FieldRole) or form.itemAt(row, QFormLayout.ItemRole.SpanningRole)
        if item is None:
            continue
        if item.widget() is widget or (item.layout() is not None and item.layout().indexOf(widget) >= 0):
            return row
    return None


def _fill_role_combo(combo) -> None:
    for code in ROLE_LABELS:
        combo.addItem(label(ROLE_LABELS, code), code)


# ---------------------------------------------------------------------------------------------- board


class BoardDialog(QDialog):
    """Create or edit a command board (the province's, a commune's)."""

    saved = Signal(object)  # BoardData

    def __init__(self, ops: DatabaseOps, existing: BoardData | None, office_id: str | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.existing = existing
        self.office_id = office_id
        self.ui = Ui_RosterBoardDialog()
        self.ui.setupUi(self)
        name_buttons(self.ui.buttonBox)
        self.setWindowTitle(self.tr("Sửa Ban Chỉ huy") if existing else self.tr("Thêm Ban Chỉ huy"))
        for code in ("province", "commune"):
            self.ui.levelCombo.addItem(label(OFFICE_LEVEL_LABELS, code), code)
        self.errors = InlineFieldErrors(self, self.ui.errorLabel, {
            "name": self.ui.nameEdit, "unit_name": self.ui.unitEdit, "level": self.ui.levelCombo,
            "people_committee_id": self.ui.committeeCombo, "standing_agency_id": self.ui.agencyCombo,
        })
        self._name_follows_unit = existing is None
        self.ui.unitEdit.textEdited.connect(self._unit_edited)
        self.ui.nameEdit.textEdited.connect(self._name_edited)
        if existing is not None:
            self.ui.levelCombo.setCurrentIndex(max(0, self.ui.levelCombo.findData(existing.level)))
            self.ui.unitEdit.setText(existing.unit_name)
            self.ui.nameEdit.setText(existing.name)
        for combo in (self.ui.committeeCombo, self.ui.agencyCombo):
            combo.addItem(self.tr("(không có)"), None)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.unitEdit.setFocus()
        ops.read(org_service.list_organizations, self._organizations_loaded)

    def _organizations_loaded(self, orgs: list[OrganizationData]) -> None:
        for combo, chosen in ((self.ui.committeeCombo, self.existing and self.existing.people_committee_id),
                              (self.ui.agencyCombo, self.existing and self.existing.standing_agency_id)):
            for org in orgs:
                combo.addItem(org.name, org.id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def _unit_edited(self, unit: str) -> None:
        if self._name_follows_unit:  # "xã Ea Kao" → "Ban Chỉ huy Phòng thủ dân sự xã Ea Kao" until typed over
            self.ui.nameEdit.setText(f"Ban Chỉ huy Phòng thủ dân sự {unit.strip()}" if unit.strip() else "")

    def _name_edited(self, _text: str) -> None:
        self._name_follows_unit = False

    def input(self) -> BoardInput:
        return BoardInput(
            name=self.ui.nameEdit.text(), unit_name=self.ui.unitEdit.text(), level=self.ui.levelCombo.currentData(),
            office_id=self.existing.office_id if self.existing else self.office_id,
            people_committee_id=self.ui.committeeCombo.currentData(),
            standing_agency_id=self.ui.agencyCombo.currentData(),
        )

    def accept(self) -> None:
        data = self.input()
        try:
            required(data.unit_name, "Tên địa phương", "unit_name", 200)
            required(data.name, "Tên Ban Chỉ huy", "name", 300)
        except ValidationError as exc:
            self.errors.show(exc)
            return
        self.errors.clear()
        existing_id = self.existing.id if self.existing else None

        def save(session):
            if existing_id is None:
                return boards.create_board(session, data), {TOPIC_ROSTER}
            return boards.update_board(session, existing_id, data), {TOPIC_ROSTER}

        _submit(self, self.ops, save, self._done)

    def _done(self, board: BoardData) -> None:
        self.saved.emit(board)
        super().accept()


def _submit(dialog, ops: DatabaseOps, fn, on_done, on_error=None) -> None:
    """Run a dialog's write with its Save button disabled; errors go beside their field."""
    save = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    save.setEnabled(False)

    def done(result) -> None:
        save.setEnabled(True)
        on_done(result)

    def failed(exc: Exception) -> None:
        save.setEnabled(True)
        if on_error is not None and on_error(exc):
            return
        if isinstance(exc, PtdsError):
            dialog.errors.show(exc)
        else:
            show_error(dialog, exc)

    ops.run(fn, done, failed)


# ---------------------------------------------------------------------------------------------- member

PEOPLE_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Họ và tên"), lambda p: p.full_name, width=170),
    Column(QT_TRANSLATE_NOOP("Columns", "Chức vụ"), lambda p: p.title or ""),
    Column(QT_TRANSLATE_NOOP("Columns", "Cơ quan, đơn vị"), lambda p: p.organization_name or ""),
    Column(QT_TRANSLATE_NOOP("Columns", "Điện thoại"), lambda p: p.phone_display, width=110),
]


def _person_search_text(p: PersonData):
    local_phone = "0" + p.phone.removeprefix("+84") if p.phone else None
    return p.full_name, p.title, p.organization_name, p.email, p.phone_display, local_phone


@dataclasses.dataclass(frozen=True)
class PendingMember:
    """A member to add, collected by the member dialog before the decision is saved."""

    id: str
    member: MemberInput
    name: str
    position: str
    fill: PersonInput | None = None  # typed for a duplicate merged into member.person_id: fills its empty fields

    @property
    def role_label(self) -> str:
        return label(ROLE_LABELS, self.member.role)


_pending_ids = itertools.count(1)


class MemberDialog(QDialog):
    """One member of a board. Three uses:

    - ADD: the person joins by a new decision (number, date below): one `apply_decision` call;
    - COLLECT: for the decision dialog; nothing is written, `collected` carries the PendingMember;
    - EDIT: correct a membership as recorded (`update_member`).
    """

    ADD, COLLECT, EDIT = "add", "collect", "edit"
    saved = Signal(object)  # DecisionResult (ADD) or MemberData (EDIT)
    collected = Signal(object)  # PendingMember (COLLECT)

    def __init__(self, ops: DatabaseOps, board: BoardData, mode: str, existing: MemberData | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.board = board
        self.mode = mode
        self.existing = existing
        self.loaded = False  # people and organizations arrived (tests wait on it)
        self._merge_into: str | None = None  # DuplicatePersonError answered "same person": reuse that record
        self._allow_duplicate = False  # … answered "someone else"
        self._organizations: list[OrganizationData] = []
        self.first_decision = False  # ADD to a board with no members yet: the decision establishes it
        self.ui = Ui_RosterMemberDialog()
        self.ui.setupUi(self)
        name_buttons(self.ui.buttonBox)
        titles = {self.ADD: self.tr("Thêm thành viên — %1"), self.COLLECT: self.tr("Thành viên mới — %1"),
                  self.EDIT: self.tr("Sửa thành viên — %1")}
        self.setWindowTitle(titles[mode].replace("%1", board.name))
        self.ui.decisionGroup.setVisible(mode == self.ADD)
        self.ui.dateEdit.setDate(QDate.currentDate())
        _fill_role_combo(self.ui.roleCombo)
        self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData("member"))
        # a few lines of duties; the rest of the height goes to the people list
        self.ui.responsibilityEdit.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.ui.mainLayout.setStretchFactor(self.ui.personGroup, 1)

        self.people_model = RowsTableModel(PEOPLE_COLUMNS, search_text=_person_search_text, parent=self)
        configure_table(self.ui.peopleTable, self.people_model)
        self.ui.peopleTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ui.searchEdit.setClearButtonEnabled(True)
        self.ui.searchEdit.textChanged.connect(self._search_changed)
        self.ui.searchEdit.returnPressed.connect(lambda: self.ui.peopleTable.setFocus())
        self.ui.organizationCombo.addItem(self.tr("(không có)"), None)
        self.ui.newOrganizationButton.clicked.connect(self.create_organization)
        for page, radio in enumerate((self.ui.existingRadio, self.ui.newRadio, self.ui.seatRadio)):
            radio.toggled.connect(lambda on, page=page: on and self._show_person_page(page))

        self.errors = InlineFieldErrors(self, self.ui.errorLabel, {
            "person_id": self.ui.peopleTable, "full_name": self.ui.fullNameEdit, "title": self.ui.titleEdit,
            "organization_id": self.ui.organizationCombo, "phone": self.ui.phoneEdit, "email": self.ui.emailEdit,
            "role": self.ui.roleCombo, "position_text": self.ui.positionEdit,
            "responsibility": self.ui.responsibilityEdit, "number_symbol": self.ui.numberEdit,
            "issued_on": self.ui.dateEdit, "effective_on": self.ui.dateEdit,
        })
        if existing is not None:
            self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData(existing.role))
            self.ui.positionEdit.setText(existing.position or "")
            self.ui.responsibilityEdit.setPlainText(existing.responsibility or "")
            if existing.is_seat:
                self.ui.seatRadio.setChecked(True)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.searchEdit.setFocus()
        ops.read(lambda s: (people.search_people(s), org_service.list_organizations(s)),
                 self._loaded)

    def _loaded(self, result) -> None:
        found, orgs = result
        self.people_model.set_rows(found)
        self._organizations = list(orgs)
        for org in orgs:
            self.ui.organizationCombo.addItem(org.name, org.id)
        if self.existing is not None and self.existing.person_id:
            self.select_person(self.existing.person_id)
        self.loaded = True

    def _show_person_page(self, page: int) -> None:
        self.ui.personStack.setCurrentIndex(page)
        self.errors.clear()
        (self.ui.searchEdit, self.ui.fullNameEdit, self.ui.positionEdit)[page].setFocus()

    def _search_changed(self, text: str) -> None:
        self.people_model.set_filter(text)
        if self.people_model.rowCount():
            self.ui.peopleTable.selectRow(0)

    def select_person(self, person_id: str) -> bool:
        self.ui.existingRadio.setChecked(True)
        row = self.people_model.row_of(person_id)
        if row is None:
            self.ui.searchEdit.clear()
            row = self.people_model.row_of(person_id)
        if row is None:
            return False
        self.ui.peopleTable.selectRow(row)
        self.ui.peopleTable.scrollTo(self.people_model.index(row, 0))
        return True

    def selected_person(self) -> PersonData | None:
        rows = self.ui.peopleTable.selectionModel().selectedRows()
        return self.people_model.row_at(rows[0].row()) if rows else None

    def create_organization(self):
        from ptds_desktop.gui.organizations import OrganizationDialog

        dialog = OrganizationDialog(self.ops, None, self._organizations, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._organization_created)
        dialog.open()
        return dialog

    def _organization_created(self, org: OrganizationData) -> None:
        self._organizations.append(org)
        self.ui.organizationCombo.addItem(org.name, org.id)
        self.ui.organizationCombo.setCurrentIndex(self.ui.organizationCombo.count() - 1)

    # --- what the form says -----------------------------------------------------------------------
    def person_input(self) -> PersonInput:
        return PersonInput(
            full_name=self.ui.fullNameEdit.text(), title=self.ui.titleEdit.text(),
            organization_id=self.ui.organizationCombo.currentData(), phone=self.ui.phoneEdit.text(),
            email=self.ui.emailEdit.text(), allow_duplicate=self._allow_duplicate,
        )

    def member_input(self) -> MemberInput:
        """Checks what needs no database (the service repeats it and checks the rest)."""
        role = self.ui.roleCombo.currentData()
        position = self.ui.positionEdit.text().strip() or None
        responsibility = self.ui.responsibilityEdit.toPlainText()
        keep_org = None
        if self.existing is not None and position == (self.existing.position or None):
            keep_org = self.existing.organization_id
        if self.ui.existingRadio.isChecked() or self._merge_into:
            person = self.selected_person()
            if self._merge_into:
                person_id = self._merge_into
            elif person is None:
                raise ValidationError(self.tr("Hãy chọn một người trong danh sách, hoặc chọn “Thêm người mới”."),
                                      "person_id")
            else:
                person_id = person.id
            if self.existing is not None and person_id != self.existing.person_id:
                if position == (self.existing.position or None):
                    position = None  # the new holder's own title, not the previous holder's
                keep_org = None
            return MemberInput(role, person_id=person_id, position_text=position, organization_id=keep_org,
                               responsibility=responsibility)
        if self.ui.newRadio.isChecked():
            data = self.person_input()
            required(data.full_name, "Họ và tên", "full_name", 150)
            people.canonical_phone(data.phone)
            people.check_email(data.email)
            return MemberInput(role, new_person=data, position_text=position, responsibility=responsibility)
        if not position:
            raise ValidationError(self.tr("Hãy ghi chức vụ, đơn vị của thành viên (ví dụ “Giám đốc Sở Y tế”)."),
                                  "position_text")
        return MemberInput(role, position_text=position, organization_id=keep_org, responsibility=responsibility)

    def decision_input(self) -> DecisionInput:
        kind = "establish" if self.first_decision else "reorganize"
        return DecisionInput(
            number_symbol=decisions.normalize_number_symbol(self.ui.numberEdit.text()),
            issued_on=self.ui.dateEdit.date().toPython(), kind=kind, issued_by=self.ui.issuedByEdit.text(),
        )

    # --- saving -----------------------------------------------------------------------------------
    def accept(self) -> None:
        try:
            member = self.member_input()
            decision = self.decision_input() if self.mode == self.ADD else None
        except ValidationError as exc:
            self.errors.show(exc)
            return
        self.errors.clear()
        if self.mode == self.COLLECT:
            self._collect(member)
            return
        board_id = self.board.id
        existing_id = self.existing.id if self.existing else None
        fill = self.person_input() if self._merge_into else None

        def save(session):
            if fill is not None:
                _fill_empty_fields(session, member.person_id, fill)
            if existing_id is not None:
                return memberships.update_member(session, existing_id, member), {TOPIC_ROSTER}
            result = decisions.apply_decision(session, board_id, decision, joining=[member])
            return result, {TOPIC_ROSTER}

        _submit(self, self.ops, save, self._done, self._maybe_duplicate)

    def _done(self, result) -> None:
        self.saved.emit(result)
        super().accept()

    def _collect(self, member: MemberInput) -> None:
        if member.new_person is None or member.new_person.allow_duplicate:
            self._collected(member)
            return
        data = member.new_person
        self.ops.read(lambda s: people.find_likely_duplicates(s, data.full_name, data.phone),
                      lambda found: self._duplicates_checked(found, member))

    def _duplicates_checked(self, found: list[PersonData], member: MemberInput) -> None:
        if found:
            self._offer_merge(found)
        else:
            self._collected(member)

    def _collected(self, member: MemberInput) -> None:
        if member.new_person is not None:
            name, position = member.new_person.full_name, member.position_text or member.new_person.title or ""
        elif member.person_id:
            person = self.selected_person()
            name = person.full_name if person and person.id == member.person_id else ""
            position = member.position_text or (person.title if person else "") or ""
        else:
            name, position = "", member.position_text or ""
        fill = self.person_input() if self._merge_into else None
        if fill is not None:
            name, position = fill.full_name, member.position_text or fill.title or ""
        self.collected.emit(PendingMember(f"new-{next(_pending_ids)}", member, name.strip(), position, fill))
        super().accept()

    def _maybe_duplicate(self, exc: Exception) -> bool:
        if isinstance(exc, DuplicatePersonError):
            self._offer_merge(exc.candidates)
            return True
        return False

    def _offer_merge(self, candidates: list[PersonData]) -> QMessageBox:
        """Same name and phone as someone on file: use (merge into) that record, or confirm it is someone else."""
        first = candidates[0]
        described = ", ".join(x for x in (first.full_name, first.title, first.organization_name, first.phone_display)
                              if x)
        box = message_box(self, QMessageBox.Icon.Question, self.tr("Có thể trùng người"),
                          self.tr("Đã có người cùng họ tên và số điện thoại:\n%1").replace("%1", described),
                          QMessageBox.StandardButton.Cancel)
        box.setInformativeText(self.tr("Gộp: dùng hồ sơ đã có (bổ sung những thông tin còn trống từ mẫu này). "
                                       "Nếu đây là người khác, chọn “Người khác”."))
        merge = box.addButton(self.tr("&Gộp vào hồ sơ đã có"), QMessageBox.ButtonRole.AcceptRole)
        other = box.addButton(self.tr("Người &khác"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(merge)
        box.finished.connect(lambda _r: self._merge_answered(box.clickedButton(), merge, other, first))
        box.open()
        self.merge_box = box  # tests answer it
        return box

    def _merge_answered(self, clicked, merge, other, candidate: PersonData) -> None:
        if clicked is merge:
            self._merge_into = candidate.id
            self.accept()
        elif clicked is other:
            self._allow_duplicate = True
            self.accept()


def _fill_empty_fields(session, person_id: str, typed: PersonInput) -> None:
    """Merge what was typed for a duplicate into the record kept: only fields that record leaves empty."""
    kept = people.get_person(session, person_id)
    filled = PersonInput(
        kept.full_name, kept.title or typed.title or None, kept.organization_id or typed.organization_id or None,
        kept.phone or typed.phone or None, kept.email or typed.email or None, allow_duplicate=True,
    )
    if (filled.title, filled.organization_id, filled.email) != (kept.title, kept.organization_id, kept.email):
        people.update_person(session, person_id, filled)


# ---------------------------------------------------------------------------------------------- decision

PENDING_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Họ và tên"), lambda p: p.name, width=200),
    Column(QT_TRANSLATE_NOOP("Columns", "Chức danh trong Ban"), lambda p: p.role_label, width=200),
    Column(QT_TRANSLATE_NOOP("Columns", "Chức vụ, đơn vị"), lambda p: p.position),
]
ENDING_WIDTHS = (70, 190, 190, None)


class DecisionDialog(QDialog):
    """A new decision establishing or reorganising the board, as ONE action: the members it ends (ticked
    "Kết thúc") and the members it adds are written with the decision in a single `apply_decision` call.
    With `existing`, only the decision's particulars and its scanned file are edited."""

    saved = Signal(object)  # DecisionResult, or DecisionData when editing

    def __init__(self, ops: DatabaseOps, board: BoardData, current: Sequence[MemberData] = (),
                 existing: DecisionData | None = None, ending: Sequence[str] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.board = board
        self.existing = existing
        self.ui = Ui_RosterDecisionDialog()
        self.ui.setupUi(self)
        name_buttons(self.ui.buttonBox)
        for code in DECISION_KIND_LABELS:
            self.ui.kindCombo.addItem(label(DECISION_KIND_LABELS, code), code)
        if existing is not None:
            self.setWindowTitle(self.tr("Sửa quyết định %1").replace("%1", existing.number_symbol))
        elif current:
            self.setWindowTitle(self.tr("Kiện toàn %1").replace("%1", board.name))
        else:
            self.setWindowTitle(self.tr("Thành lập %1").replace("%1", board.name))
        kind = existing.kind if existing else ("reorganize" if current else "establish")
        self.ui.kindCombo.setCurrentIndex(self.ui.kindCombo.findData(kind))
        self.ui.dateEdit.setDate(to_qdate(existing.issued_on) if existing else QDate.currentDate())
        if existing is not None:
            self.ui.numberEdit.setText(existing.number_symbol)
            self.ui.issuedByEdit.setText(existing.issued_by or "")
            self.ui.signerNameEdit.setText(existing.signer_name or "")
            self.ui.signerTitleEdit.setText(existing.signer_title or "")
            self.ui.summaryEdit.setText(existing.summary or "")
            self.ui.fileEdit.setPlaceholderText(existing.attachment_filename or self.tr("(chưa đính kèm)"))
        else:
            self.ui.summaryEdit.setText(
                (self.tr("Kiện toàn %1") if current else self.tr("Thành lập %1")).replace("%1", board.name))
        self.file_path: Path | None = None
        self.ui.fileButton.clicked.connect(self.choose_file)
        self.ui.clearFileButton.clicked.connect(lambda: self._set_file(None))
        self.ui.clearFileButton.setEnabled(False)

        self.ending_model = EndingModel(current, ending, self)
        self.ui.currentTable.setModel(self.ending_model)
        size_columns(self.ui.currentTable, ENDING_WIDTHS)
        self.ui.currentLabel.setVisible(bool(current))
        self.ui.currentTable.setVisible(bool(current))
        self.pending_model = RowsTableModel(PENDING_COLUMNS, search_text=lambda p: (p.name,), parent=self)
        configure_table(self.ui.newTable, self.pending_model)
        self.ui.newTable.setSortingEnabled(False)  # in the order added
        self.ui.addMemberButton.clicked.connect(self.add_member)
        self.ui.removeMemberButton.clicked.connect(self.remove_member)
        self.ui.membersGroup.setVisible(existing is None)
        if existing is not None:
            self.resize(self.width(), 0)

        self.errors = InlineFieldErrors(self, self.ui.errorLabel, {
            "kind": self.ui.kindCombo, "number_symbol": self.ui.numberEdit, "issued_on": self.ui.dateEdit,
            "effective_on": self.ui.dateEdit, "issued_by": self.ui.issuedByEdit, "attachment": self.ui.fileEdit,
            "ending": self.ui.currentTable, "joining": self.ui.newTable, "role": self.ui.newTable,
            "person_id": self.ui.newTable, "full_name": self.ui.newTable, "position_text": self.ui.newTable,
        })
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.numberEdit.setFocus()

    # --- members ----------------------------------------------------------------------------------
    def add_member(self) -> MemberDialog:
        dialog = MemberDialog(self.ops, self.board, MemberDialog.COLLECT, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.collected.connect(self._member_collected)
        dialog.open()
        return dialog

    def _member_collected(self, pending: PendingMember) -> None:
        self.pending_model.set_rows([*self.pending_model.all_rows(), pending])
        self.errors.clear()

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
            number_symbol=decisions.normalize_number_symbol(self.ui.numberEdit.text()),
            issued_on=self.ui.dateEdit.date().toPython(), kind=self.ui.kindCombo.currentData(),
            issued_by=self.ui.issuedByEdit.text(), signer_name=self.ui.signerNameEdit.text(),
            signer_title=self.ui.signerTitleEdit.text(), summary=self.ui.summaryEdit.text(),
        )

    def accept(self) -> None:
        try:
            decision = self.decision_input()
            ending = self.ending_model.ending_ids()
            pending = self.pending_members()
            joining = [p.member for p in pending]
            fills = [(p.member.person_id, p.fill) for p in pending if p.fill is not None]
            if self.existing is None and not ending and not joining:
                if self.ending_model.rowCount():
                    message = self.tr("Hãy đánh dấu “Kết thúc” với người thôi tham gia, hoặc thêm thành viên mới.")
                else:
                    message = self.tr("Hãy thêm các thành viên Ban theo quyết định.")
                raise ValidationError(message, "joining")
        except ValidationError as exc:
            self.errors.show(exc)
            return
        self.errors.clear()
        board_id, existing_id, file_path = self.board.id, (self.existing.id if self.existing else None), self.file_path

        def save(session):
            if existing_id is not None:
                result = decisions.update_decision(session, existing_id, decision)
                if file_path is not None:
                    result = decisions.attach_decision_file(session, existing_id, file_path)
                return result, {TOPIC_ROSTER}
            for person_id, fill in fills:
                _fill_empty_fields(session, person_id, fill)
            result = decisions.apply_decision(session, board_id, decision, ending=ending, joining=joining)
            if file_path is not None:
                attached = decisions.attach_decision_file(session, result.decision.id, file_path)
                result = dataclasses.replace(result, decision=attached)
            return result, {TOPIC_ROSTER}

        _submit(self, self.ops, save, self._done)

    def _done(self, result) -> None:
        self.saved.emit(result)
        super().accept()

