"""Create or edit one organization (cơ quan, đơn vị); also opened from the roster's member form."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from ptds_desktop.gui.forms.ui_organization_dialog import Ui_OrganizationDialog
from ptds_desktop.gui.labels import ORG_KIND_LABELS, label
from ptds_desktop.gui.ops import DatabaseOps, WriteFn
from ptds_desktop.gui.service_dialog import ServiceDialog
from ptds_desktop.services import organizations as service
from ptds_desktop.services.organizations import OrganizationData, OrganizationInput


class OrganizationDialog(ServiceDialog):
    """Stays open, showing the service's error under its field, until saved; `saved` carries OrganizationData."""

    def __init__(self, ops: DatabaseOps, existing: OrganizationData | None, parents: list[OrganizationData],
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.existing = existing
        self.ui = Ui_OrganizationDialog()
        self.ui.setupUi(self)
        self.bind_form(self.ui.buttonBox, self.ui.errorLabel, {
            "name": self.ui.nameEdit, "short_name": self.ui.shortNameEdit, "kind": self.ui.kindCombo,
            "parent_id": self.ui.parentCombo, "address": self.ui.addressEdit, "phone": self.ui.phoneEdit,
            "notes": self.ui.notesEdit,
        })
        self.setWindowTitle(self.tr("Sửa cơ quan, đơn vị") if existing else self.tr("Thêm cơ quan, đơn vị"))
        self._fill_choices(parents)
        if existing is not None:
            self._show(existing)
        self.ui.nameEdit.setFocus()

    def _fill_choices(self, parents: list[OrganizationData]) -> None:
        for code in ORG_KIND_LABELS:
            self.ui.kindCombo.addItem(label(ORG_KIND_LABELS, code), code)
        self.ui.kindCombo.setCurrentIndex(self.ui.kindCombo.findData("other"))
        self.ui.parentCombo.addItem(self.tr("(không có)"), None)
        for org in parents:
            self.ui.parentCombo.addItem(org.name, org.id)

    def _show(self, org: OrganizationData) -> None:
        self.ui.kindCombo.setCurrentIndex(self.ui.kindCombo.findData(org.kind))
        self.ui.nameEdit.setText(org.name)
        self.ui.shortNameEdit.setText(org.short_name or "")
        self.ui.parentCombo.setCurrentIndex(max(0, self.ui.parentCombo.findData(org.parent_id)))
        self.ui.addressEdit.setText(org.address or "")
        self.ui.phoneEdit.setText(org.phone or "")
        self.ui.notesEdit.setPlainText(org.notes or "")

    def input(self) -> OrganizationInput:
        return OrganizationInput(
            name=self.ui.nameEdit.text(),
            short_name=self.ui.shortNameEdit.text(),
            kind=self.ui.kindCombo.currentData(),
            parent_id=self.ui.parentCombo.currentData(),
            address=self.ui.addressEdit.text(),
            phone=self.ui.phoneEdit.text(),
            notes=self.ui.notesEdit.toPlainText(),
        )

    def save_fn(self) -> WriteFn:
        data = self.input()
        existing_id = self.existing.id if self.existing else None

        def save(session: Session) -> OrganizationData:
            if existing_id is None:
                return service.create_organization(session, data)
            return service.update_organization(session, existing_id, data)

        return save
