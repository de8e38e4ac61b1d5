"""Create or edit a command board (the province's, a commune's)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from ptds_desktop.gui.forms.ui_roster_board_dialog import Ui_RosterBoardDialog
from ptds_desktop.gui.labels import OFFICE_LEVEL_LABELS, label
from ptds_desktop.gui.ops import DatabaseOps, WriteFn
from ptds_desktop.gui.service_dialog import ServiceDialog
from ptds_desktop.services import boards
from ptds_desktop.services import organizations as org_service
from ptds_desktop.services.boards import BoardData, BoardInput
from ptds_desktop.services.organizations import OrganizationData


class BoardDialog(ServiceDialog):
    """`saved` carries the BoardData."""

    def __init__(self, ops: DatabaseOps, existing: BoardData | None, office_id: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.existing = existing
        self.office_id = office_id
        self.ui = Ui_RosterBoardDialog()
        self.ui.setupUi(self)
        self.bind_form(self.ui.buttonBox, self.ui.errorLabel, {
            "name": self.ui.nameEdit, "unit_name": self.ui.unitEdit, "level": self.ui.levelCombo,
            "people_committee_id": self.ui.committeeCombo, "standing_agency_id": self.ui.agencyCombo,
        })
        self.setWindowTitle(self.tr("Sửa Ban Chỉ huy") if existing else self.tr("Thêm Ban Chỉ huy"))
        for code in ("province", "commune"):
            self.ui.levelCombo.addItem(label(OFFICE_LEVEL_LABELS, code), code)
        for combo in (self.ui.committeeCombo, self.ui.agencyCombo):
            combo.addItem(self.tr("(không có)"), None)
        self._name_follows_unit = existing is None
        self.ui.unitEdit.textEdited.connect(self._unit_edited)
        self.ui.nameEdit.textEdited.connect(self._name_edited)
        if existing is not None:
            self.ui.levelCombo.setCurrentIndex(max(0, self.ui.levelCombo.findData(existing.level)))
            self.ui.unitEdit.setText(existing.unit_name)
            self.ui.nameEdit.setText(existing.name)
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

    def save_fn(self) -> WriteFn:
        data = self.input()
        existing_id = self.existing.id if self.existing else None

        def save(session: Session) -> BoardData:
            if existing_id is None:
                return boards.create_board(session, data)
            return boards.update_board(session, existing_id, data)

        return save
