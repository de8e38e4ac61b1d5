"""One member of a board: pick who holds the seat with the one reference picker (a person or an agency from the
catalogue, found without diacritics, or the decision's words when it names a position, not a person), or type a
new person (offered the likely duplicates on file)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QComboBox, QMessageBox, QWidget
from sqlalchemy.orm import Session

from ptds_desktop.gui.forms.ui_roster_member_dialog import Ui_RosterMemberDialog
from ptds_desktop.gui.labels import BOARD_ROLE_LABELS, label
from ptds_desktop.gui.ops import DatabaseOps, WriteFn
from ptds_desktop.gui.organization_dialog import OrganizationDialog
from ptds_desktop.gui.reference_picker import catalogue_candidates
from ptds_desktop.gui.roster.decision_form import save_after_asking
from ptds_desktop.gui.service_dialog import ServiceDialog
from ptds_desktop.gui.widgets import message_box
from ptds_desktop.services import decisions, memberships, people
from ptds_desktop.services import organizations as org_service
from ptds_desktop.services.boards import BoardData
from ptds_desktop.services.decisions import DecisionInput, DecisionResult
from ptds_desktop.services.memberships import MemberData, MemberInput
from ptds_desktop.services.organizations import OrganizationData
from ptds_desktop.services.people import DuplicatePersonError, PersonData, PersonInput
from ptds_desktop.services.references import Reference

SIGNED_ON = QT_TRANSLATE_NOOP("Fields", "ngày ký")  # what messages call the decision's date field

def _fill_role_combo(combo: QComboBox) -> None:
    for code in BOARD_ROLE_LABELS:
        combo.addItem(label(BOARD_ROLE_LABELS, code), code)


@dataclasses.dataclass(frozen=True)
class PendingMember:
    """A member to add, collected by the member dialog before the decision is saved."""

    id: str
    member: MemberInput
    name: str
    position: str
    fill: PersonInput | None = None  # typed for a duplicate reused as member.person_id: fills its empty fields

    @property
    def role_label(self) -> str:
        return label(BOARD_ROLE_LABELS, self.member.role)


_pending_ids = itertools.count(1)


class MemberDialog(ServiceDialog):
    """Three uses:

    - ADD: the person joins by a new decision (number, date below): one `apply_decision` call;
    - COLLECT: for the decision dialog; nothing is written, `collected` carries the PendingMember;
    - EDIT: correct a membership as recorded (`update_member`).
    `saved` carries the DecisionResult (ADD) or MemberData (EDIT).
    """

    ADD, COLLECT, EDIT = "add", "collect", "edit"
    collected = Signal(object)  # PendingMember (COLLECT)

    def __init__(self, ops: DatabaseOps, board: BoardData, mode: str, existing: MemberData | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.board = board
        self.mode = mode
        self.existing = existing
        self.loaded = False  # people and organizations arrived (tests wait on it)
        self._merge_into: str | None = None  # DuplicatePersonError answered "same person": reuse that record
        self._allow_duplicate = False  # … answered "someone else"
        self._organizations: list[OrganizationData] = []
        self._people: dict[str, PersonData] = {}
        self.first_decision = False  # ADD to a board with no members yet: the decision establishes it
        self.ui = Ui_RosterMemberDialog()
        self.ui.setupUi(self)
        self.bind_form(self.ui.buttonBox, self.ui.errorLabel, {
            "holder": self.ui.holderPicker, "person_id": self.ui.holderPicker, "full_name": self.ui.fullNameEdit,
            "title": self.ui.titleEdit,
            "organization_id": self.ui.organizationCombo, "phone": self.ui.phoneEdit, "email": self.ui.emailEdit,
            "role": self.ui.roleCombo, "position_text": self.ui.positionEdit,
            "responsibility": self.ui.responsibilityEdit, "number_symbol": self.ui.numberEdit,
            "issued_on": self.ui.dateEdit, "effective_on": self.ui.dateEdit,
        })
        self._build_form()
        if existing is not None:
            self._show(existing)
        self.ui.holderPicker.setFocus()
        ops.read(lambda s: (people.search_people(s), org_service.list_organizations(s)), self._loaded)

    def _build_form(self) -> None:
        titles = {self.ADD: self.tr("Thêm thành viên — %1"), self.COLLECT: self.tr("Thành viên mới — %1"),
                  self.EDIT: self.tr("Sửa thành viên — %1")}
        self.setWindowTitle(titles[self.mode].replace("%1", self.board.name))
        self.ui.decisionGroup.setVisible(self.mode == self.ADD)
        self.ui.dateEdit.configure(SIGNED_ON, "issued_on")
        self.ui.dateEdit.setDate(dt.date.today())
        _fill_role_combo(self.ui.roleCombo)
        self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData("member"))
        self.ui.responsibilityEdit.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.ui.organizationCombo.addItem(self.tr("(không có)"), None)
        self.ui.newOrganizationButton.clicked.connect(self.create_organization)
        for page, radio in enumerate((self.ui.existingRadio, self.ui.newRadio)):
            radio.toggled.connect(lambda on, page=page: on and self._show_person_page(page))

    def _show(self, member: MemberData) -> None:
        self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData(member.role))
        self.ui.positionEdit.setText(member.position or "")
        self.ui.responsibilityEdit.setPlainText(member.responsibility or "")
        if member.person_id and member.full_name:
            self.ui.holderPicker.set_reference(Reference(person_id=member.person_id), member.full_name)

    def _loaded(self, result: tuple[list[PersonData], list[OrganizationData]]) -> None:
        found, orgs = result
        self._people = {p.id: p for p in found}
        self._organizations = list(orgs)
        self.ui.holderPicker.set_candidates(catalogue_candidates(orgs, found))
        for org in orgs:
            self.ui.organizationCombo.addItem(org.name, org.id)
        self.loaded = True

    def _show_person_page(self, page: int) -> None:
        self.ui.personStack.setCurrentIndex(page)
        self.clear_errors()
        (self.ui.holderPicker, self.ui.fullNameEdit)[page].setFocus()

    def selected_person(self) -> PersonData | None:
        ref = self.ui.holderPicker.reference()
        return self._people.get(ref.person_id) if ref is not None and ref.person_id else None

    def create_organization(self) -> OrganizationDialog:
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
        """What the form says; the service checks it (a member needs a holder or a printed position)."""
        role = self.ui.roleCombo.currentData()
        position = self.ui.positionEdit.text().strip() or None
        responsibility = self.ui.responsibilityEdit.toPlainText()
        if self.ui.newRadio.isChecked() and not self._merge_into:
            return MemberInput(role, new_person=self.person_input(), position_text=position,
                               responsibility=responsibility)
        holder = Reference(person_id=self._merge_into) if self._merge_into else self.ui.holderPicker.reference()
        keep_org = None
        if self.existing is not None and position == (self.existing.position or None):
            keep_org = self.existing.organization_id
            if (holder.person_id if holder else None) != self.existing.person_id:
                position = None  # the new holder's own title, not the previous holder's
                keep_org = None
        return MemberInput(role, holder=holder, position_text=position, organization_id=keep_org,
                           responsibility=responsibility)

    def decision_input(self) -> DecisionInput:
        kind = "establish" if self.first_decision else "reorganize"
        return DecisionInput(
            number_symbol=self.ui.numberEdit.text(), issued_on=self.ui.dateEdit.value(), kind=kind,
            issued_by=self.ui.issuedByEdit.text(),
        )

    # --- saving -----------------------------------------------------------------------------------
    def save_fn(self) -> WriteFn | None:
        member = self.member_input()
        if self.mode == self.COLLECT:
            self._collect(member)
            return None
        decision = self.decision_input() if self.mode == self.ADD else None
        board_id = self.board.id
        existing_id = self.existing.id if self.existing else None
        fill = self.person_input() if self._merge_into else None

        def save(session: Session) -> DecisionResult | MemberData:
            if fill is not None and member.person_id:
                people.fill_empty_fields(session, member.person_id, fill)
            if existing_id is not None:
                return memberships.update_member(session, existing_id, member)
            assert decision is not None
            return decisions.apply_decision(session, board_id, decision, joining=[member])

        if decision is None:
            return save
        save_after_asking(self, self.ui.dateEdit, board_id, decision.issued_on, None, save)
        return None

    def handle_error(self, exc: Exception) -> bool:
        if isinstance(exc, DuplicatePersonError):
            self._offer_merge(exc.candidates)
            return True
        return False

    def _collect(self, member: MemberInput) -> None:
        """Nothing is written yet: a new person is checked by the service and offered its likely duplicates."""
        self.clear_errors()
        if member.new_person is None:
            self._collected(member)
            return
        data = member.new_person
        self.ops.read(lambda s: people.check_new_person(s, data),
                      lambda found: self._offer_merge(found) if found else self._collected(member),
                      self.show_error)

    def _collected(self, member: MemberInput) -> None:
        if member.new_person is not None:
            name, position = member.new_person.full_name, member.position_text or member.new_person.title or ""
        elif member.person_id:
            person = self.selected_person()
            name = person.full_name if person and person.id == member.person_id else ""
            position = member.position_text or (person.title if person else "") or ""
        else:  # a seat: the decision's words, or the agency picked
            name, position = "", member.position_text or self.ui.holderPicker.label()
        fill = self.person_input() if self._merge_into else None
        if fill is not None:
            name, position = fill.full_name, member.position_text or fill.title or ""
        self.collected.emit(PendingMember(f"new-{next(_pending_ids)}", member, name.strip(), position, fill))
        self.finish(None)

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

    def _merge_answered(self, clicked: QAbstractButton | None, merge: QAbstractButton, other: QAbstractButton,
                        candidate: PersonData) -> None:
        if clicked is merge:
            self._merge_into = candidate.id
            self.accept()
        elif clicked is other:
            self._allow_duplicate = True
            self.accept()
