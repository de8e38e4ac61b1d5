"""A plan's heading fields and matrix shape (agency columns, phase columns), and a new section of its matrix."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ptds_desktop.errors import ValidationError
from ptds_desktop.gui.labels import PLAN_KIND_LABELS, TASK_AGENCY_ROLE_LABELS, label
from ptds_desktop.gui.ops import DatabaseOps, WriteFn
from ptds_desktop.gui.service_dialog import ServiceDialog
from ptds_desktop.services import plans
from ptds_desktop.services.plans import DEFAULT_ROLES, PlanData, PlanInput
from ptds_desktop.text import format_date, parse_date


class PlanDialog(ServiceDialog):
    """A new plan, or an existing one's heading and matrix shape; `saved` carries PlanData."""

    def __init__(self, ops: DatabaseOps, existing: PlanData | None, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.existing = existing
        self.setWindowTitle(self.tr("Sửa kế hoạch") if existing else self.tr("Kế hoạch mới"))
        self.kind_combo = QComboBox()
        for code in PLAN_KIND_LABELS:
            self.kind_combo.addItem(label(PLAN_KIND_LABELS, code), code)
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText("04/CTr-UBND")
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.title_edit = QPlainTextEdit()
        self.title_edit.setMaximumHeight(self.fontMetrics().height() * 3 + 12)
        self.bases_edit = QPlainTextEdit()
        self.bases_edit.setPlaceholderText(self.tr("Các văn bản kế hoạch thực hiện (căn cứ), mỗi văn bản một dòng"))
        self.role_boxes = {role: QCheckBox(label(TASK_AGENCY_ROLE_LABELS, role)) for role in TASK_AGENCY_ROLE_LABELS}
        self.phases_edit = QPlainTextEdit()
        self.phases_edit.setPlaceholderText(self.tr("Để trống nếu chỉ một cột thời gian; mỗi giai đoạn một dòng"))
        self.phases_edit.setMaximumHeight(self.fontMetrics().height() * 4 + 12)
        self._lay_out()
        chosen = existing.matrix_roles if existing and existing.matrix_roles else DEFAULT_ROLES
        for role, box in self.role_boxes.items():
            box.setChecked(role in chosen)
        if existing is not None:
            self._show(existing)
        self.resize(760, 500)

    def _lay_out(self) -> None:
        roles = QHBoxLayout()
        for box in self.role_boxes.values():
            roles.addWidget(box)
        form = QFormLayout()
        form.addRow(self.tr("Loại văn bản"), self.kind_combo)
        form.addRow(self.tr("Số, ký hiệu"), self.number_edit)
        form.addRow(self.tr("Ngày ban hành"), self.date_edit)
        form.addRow(self.tr("Trích yếu"), self.title_edit)
        form.addRow(self.tr("Căn cứ"), self.bases_edit)
        form.addRow(self.tr("Cột cơ quan"), roles)
        form.addRow(self.tr("Cột giai đoạn"), self.phases_edit)
        error_label = QLabel()
        error_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(error_label)
        layout.addWidget(buttons)
        self.error_label = error_label
        self.bind_form(
            buttons,
            error_label,
            {
                "title": self.title_edit,
                "number_symbol": self.number_edit,
                "issued_on": self.date_edit,
                "kind": self.kind_combo,
                "matrix_roles": self.kind_combo,
            },
        )

    def _show(self, plan: PlanData) -> None:
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(plan.kind)))
        self.number_edit.setText(plan.number_symbol or "")
        self.date_edit.setText(format_date(plan.issued_on) if plan.issued_on else "")
        self.title_edit.setPlainText(plan.title)
        self.bases_edit.setPlainText(plan.legal_bases or "")
        self.phases_edit.setPlainText("\n".join(plan.phase_labels))

    def input(self) -> PlanInput:
        """What the form says; the fields it does not show are kept as they are."""
        date_text = self.date_edit.text().strip()
        try:
            issued_on = parse_date(date_text, "ngày ban hành") if date_text else None
        except ValidationError as exc:
            raise ValidationError(str(exc), "issued_on") from None
        base = self.existing
        return PlanInput(
            title=self.title_edit.toPlainText(),
            kind=self.kind_combo.currentData(),
            number_symbol=self.number_edit.text(),
            issued_on=issued_on,
            legal_bases=self.bases_edit.toPlainText(),
            place_name=base.place_name if base else None,
            issuer_org_id=base.issuer_org_id if base else None,
            parent_issuer_text=base.parent_issuer_text if base else None,
            preamble=base.preamble if base else None,
            purpose=base.purpose if base else None,
            requirements=base.requirements if base else None,
            body=base.body if base else None,
            appendix_title=base.appendix_title if base else None,
            matrix_roles=tuple(role for role, box in self.role_boxes.items() if box.isChecked()),
            phase_labels=tuple(self.phases_edit.toPlainText().splitlines()),
        )

    def save_fn(self) -> WriteFn:
        data = self.input()
        if self.existing is None:
            return lambda session: plans.create_plan(session, data)
        plan_id = self.existing.id
        return lambda session: plans.update_plan(session, plan_id, data)


class SectionDialog(ServiceDialog):
    """A Roman-numeral group of tasks: its number and title; `saved` carries SectionData."""

    def __init__(self, ops: DatabaseOps, plan_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.plan_id = plan_id
        self.setWindowTitle(self.tr("Thêm nhóm nhiệm vụ"))
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("I, II, III…")
        self.title_edit = QLineEdit()
        error_label = QLabel()
        error_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Số thứ tự"), self.code_edit)
        form.addRow(self.tr("Tên nhóm"), self.title_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(error_label)
        layout.addWidget(buttons)
        self.bind_form(buttons, error_label, {"code": self.code_edit, "title": self.title_edit})
        self.resize(560, 160)

    def save_fn(self) -> WriteFn:
        code, title, plan_id = self.code_edit.text(), self.title_edit.text(), self.plan_id
        return lambda session: plans.add_section(session, plan_id, code, title)
