"""Dialogs of the Tasks screen: a plan (heading fields and matrix shape), a section, and a task: content and
timeframe (parsed as typed), the agencies of each role with the one reference picker, and the offices it is
assigned to. Tabs keep the task dialog within a 1024x600 screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ptds_desktop.errors import PtdsError, ValidationError
from ptds_desktop.gui.labels import PLAN_KIND_LABELS, TASK_ROLE_LABELS, TIMEFRAME_LABELS, label
from ptds_desktop.gui.ops import TOPIC_TASKS, DatabaseOps
from ptds_desktop.gui.reference_picker import Candidate, ReferencePicker
from ptds_desktop.gui.widgets import FieldErrors, name_buttons, show_error
from ptds_desktop.services.common import required
from ptds_desktop.models.enums import PLAN_KINDS
from ptds_desktop.services import plans
from ptds_desktop.services.plans import DEFAULT_ROLES, PlanData, PlanInput, PlanMatrix, SectionData, TaskData, TaskInput
from ptds_desktop.services.references import Reference
from ptds_desktop.services.timeframes import parse_timeframe
from ptds_desktop.text import format_date, parse_date

class AgencyListEditor(QWidget):
    """The agencies of one role, in printed order: pick or type one, add it, remove or move the selected one."""

    def __init__(self, candidates: Sequence[Candidate], parent: QWidget | None = None):
        super().__init__(parent)
        self.list = QListWidget()
        self.picker = ReferencePicker()
        self.picker.set_candidates(candidates)
        add = QPushButton(self.tr("Thêm vào danh sách"))
        add.clicked.connect(self.add_current)
        remove = QPushButton(self.tr("Bỏ"))
        remove.clicked.connect(self.remove_selected)
        up = QPushButton(self.tr("Lên"))
        up.clicked.connect(lambda: self._move(-1))
        down = QPushButton(self.tr("Xuống"))
        down.clicked.connect(lambda: self._move(1))
        buttons = QHBoxLayout()
        for b in (add, remove, up, down):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.picker)

    def set_references(self, items: Sequence[tuple[Reference, str]]) -> None:
        self.list.clear()
        for ref, printed in items:
            self._append(ref, printed)

    def _append(self, ref: Reference, printed: str) -> None:
        item = QListWidgetItem(printed)
        item.setData(Qt.ItemDataRole.UserRole, ref)
        self.list.addItem(item)

    def add_current(self) -> None:
        ref = self.picker.reference()
        if ref is not None:
            self._append(ref, self.picker.label())
            self.picker.set_reference(None)

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def references(self) -> list[Reference]:
        """Listed agencies, plus one still in the picker (typed but not yet added)."""
        refs = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        pending = self.picker.reference()
        return refs + ([pending] if pending is not None else [])


class TaskDialog(QDialog):
    saved = Signal(object)  # TaskData

    def __init__(self, ops: DatabaseOps, matrix: PlanMatrix, existing: TaskData | None, section_id: str | None,
                 candidates: Sequence[Candidate], offices: Sequence[tuple[str, str]],
                 save: Callable, parent: QWidget | None = None):
        """`save(session, TaskInput)` is the write to run (add or update), given by the view."""
        super().__init__(parent)
        self.ops = ops
        self.matrix = matrix
        self.existing = existing
        self._save = save
        self.setWindowTitle(self.tr("Sửa nhiệm vụ") if existing else self.tr("Thêm nhiệm vụ"))
        self.resize(760, 520)

        self.section_combo = QComboBox()
        # Long section titles must not widen the dialog beyond a 1024-pixel screen.
        self.section_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.section_combo.setMinimumContentsLength(30)
        self.section_combo.addItem(self.tr("(không thuộc nhóm)"), None)
        for section in matrix.sections:
            self.section_combo.addItem(f"{section.code}. {section.title}", section.id)
        self.code_edit = QLineEdit()
        self.content_edit = QPlainTextEdit()
        self.timeframe_edit = QLineEdit()
        self.timeframe_edit.setPlaceholderText(self.tr("Ví dụ: Thường xuyên; Quý I năm 2025; Trước ngày 15/6/2024"))
        self.timeframe_note = QLabel()
        self.timeframe_note.setStyleSheet("color: palette(mid);")
        self.timeframe_edit.textChanged.connect(self._timeframe_changed)
        self.phase_boxes = [QCheckBox(label) for label in matrix.plan.phase_labels]
        self.deliverable_edit = QPlainTextEdit()
        self.deliverable_edit.setMaximumHeight(self.fontMetrics().height() * 3 + 12)

        main = QWidget()
        form = QFormLayout(main)
        form.addRow(self.tr("Nhóm"), self.section_combo)
        form.addRow(self.tr("Số thứ tự"), self.code_edit)
        form.addRow(self.tr("Nội dung"), self.content_edit)
        form.addRow(self.tr("Thời gian thực hiện"), self.timeframe_edit)
        form.addRow("", self.timeframe_note)
        if self.phase_boxes:
            phases = QHBoxLayout()
            for box in self.phase_boxes:
                phases.addWidget(box)
                box.toggled.connect(lambda _on: self._timeframe_changed(self.timeframe_edit.text()))
            form.addRow(self.tr("Hoặc đánh dấu giai đoạn"), phases)
        form.addRow(self.tr("Sản phẩm"), self.deliverable_edit)

        roles = list(dict.fromkeys([*matrix.roles, *(existing.agencies if existing else ())]))
        self.agency_tabs = QTabWidget()
        self.agency_editors: dict[str, AgencyListEditor] = {}
        for role in roles:
            editor = AgencyListEditor(candidates)
            if existing is not None:
                editor.set_references([(a.reference, a.label) for a in existing.agencies.get(role, ())])
            self.agency_editors[role] = editor
            self.agency_tabs.addTab(editor, label(TASK_ROLE_LABELS, role))

        self.office_list = QListWidget()
        assigned = set(existing.assigned_office_ids) if existing else set()
        for office_id, name in offices:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, office_id)
            item.setCheckState(Qt.CheckState.Checked if office_id in assigned else Qt.CheckState.Unchecked)
            self.office_list.addItem(item)

        self.tabs = QTabWidget()
        self.tabs.addTab(main, self.tr("Nội dung"))
        self.tabs.addTab(self.agency_tabs, self.tr("Cơ quan"))
        self.tabs.addTab(self.office_list, self.tr("Giao cho văn phòng"))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        fields: dict[str, QWidget] = {"content": self.content_edit, "code": self.code_edit,
                                      "timeframe_text": self.timeframe_edit, "section_id": self.section_combo}
        fields.update(self.agency_editors)
        self.errors = FieldErrors(self.error_label, fields)

        if existing is not None:
            self.section_combo.setCurrentIndex(max(0, self.section_combo.findData(existing.section_id)))
            self.code_edit.setText(existing.code or "")
            self.content_edit.setPlainText(existing.content)
            self.timeframe_edit.setText(existing.timeframe.text or "")
            for i in existing.timeframe.phases:
                if 0 < i <= len(self.phase_boxes):
                    self.phase_boxes[i - 1].setChecked(True)
            self.deliverable_edit.setPlainText(existing.deliverable or "")
        else:
            self.section_combo.setCurrentIndex(max(0, self.section_combo.findData(section_id)))
        self._timeframe_changed(self.timeframe_edit.text())
        self.content_edit.setFocus()

    def _timeframe_changed(self, text: str) -> None:
        frame = parse_timeframe(text)
        if frame.text is None:
            marked = [i for i, box in enumerate(self.phase_boxes, start=1) if box.isChecked()]
            note = self.tr("Theo giai đoạn: %1").replace("%1", ", ".join(map(str, marked))) if marked else ""
        else:
            kind = label(TIMEFRAME_LABELS, frame.kind)
            note = kind + (" · " + self.tr("hạn %1").replace("%1", format_date(frame.due_on)) if frame.due_on else "")
        self.timeframe_note.setText(note)

    def input(self) -> TaskInput:
        return TaskInput(
            content=self.content_edit.toPlainText(), section_id=self.section_combo.currentData(),
            code=self.code_edit.text(), timeframe_text=self.timeframe_edit.text(),
            phases=tuple(i for i, box in enumerate(self.phase_boxes, start=1) if box.isChecked()),
            deliverable=self.deliverable_edit.toPlainText(),
            agencies={role: editor.references() for role, editor in self.agency_editors.items()},
            assigned_office_ids=tuple(
                self.office_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.office_list.count())
                if self.office_list.item(i).checkState() == Qt.CheckState.Checked
            ),
        )

    def accept(self) -> None:
        data = self.input()
        try:
            required(data.content, "Nội dung nhiệm vụ", "content")
        except ValidationError as exc:
            self.tabs.setCurrentIndex(0)
            self.errors.show(exc)
            return
        self.errors.clear()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.ops.run(lambda session: self._save(session, data), self._done, self._failed)

    def _done(self, task: TaskData) -> None:
        self.saved.emit(task)
        super().accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        if isinstance(exc, PtdsError):
            field = getattr(exc, "field", None)
            if field in self.agency_editors:
                self.tabs.setCurrentIndex(1)
                self.agency_tabs.setCurrentWidget(self.agency_editors[field])
            self.errors.show(exc)
        else:
            show_error(self, exc)


class PlanDialog(QDialog):
    """A new plan, or its heading fields and matrix shape: the agency columns and the phase columns."""

    saved = Signal(object)  # PlanData

    def __init__(self, ops: DatabaseOps, existing: PlanData | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.existing = existing
        self.setWindowTitle(self.tr("Sửa kế hoạch") if existing else self.tr("Kế hoạch mới"))
        self.kind_combo = QComboBox()
        for code in PLAN_KINDS:
            self.kind_combo.addItem(label(PLAN_KIND_LABELS, code), code)
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText("04/CTr-UBND")
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.title_edit = QPlainTextEdit()
        self.title_edit.setMaximumHeight(self.fontMetrics().height() * 3 + 12)
        self.bases_edit = QPlainTextEdit()
        self.bases_edit.setPlaceholderText(self.tr("Các văn bản kế hoạch thực hiện (căn cứ), mỗi văn bản một dòng"))
        self.role_boxes = {role: QCheckBox(label(TASK_ROLE_LABELS, role)) for role in TASK_ROLE_LABELS}
        self.phases_edit = QPlainTextEdit()
        self.phases_edit.setPlaceholderText(self.tr("Để trống nếu chỉ một cột thời gian; mỗi giai đoạn một dòng"))
        self.phases_edit.setMaximumHeight(self.fontMetrics().height() * 4 + 12)
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
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.errors = FieldErrors(self.error_label, {"title": self.title_edit, "number_symbol": self.number_edit,
                                                     "issued_on": self.date_edit, "kind": self.kind_combo})
        chosen = existing.matrix_roles if existing and existing.matrix_roles else DEFAULT_ROLES
        for role, box in self.role_boxes.items():
            box.setChecked(role in chosen)
        if existing is not None:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(existing.kind)))
            self.number_edit.setText(existing.number_symbol or "")
            self.date_edit.setText(format_date(existing.issued_on) if existing.issued_on else "")
            self.title_edit.setPlainText(existing.title)
            self.bases_edit.setPlainText(existing.legal_bases or "")
            self.phases_edit.setPlainText("\n".join(existing.phase_labels))
        self.resize(760, 500)

    def input(self) -> PlanInput:
        date_text = self.date_edit.text().strip()
        try:
            issued_on = parse_date(date_text, "ngày ban hành") if date_text else None
        except ValidationError as exc:
            raise ValidationError(str(exc), "issued_on") from None
        base = self.existing
        return PlanInput(
            title=self.title_edit.toPlainText(), kind=self.kind_combo.currentData(),
            number_symbol=self.number_edit.text(), issued_on=issued_on,
            legal_bases=self.bases_edit.toPlainText(),
            place_name=base.place_name if base else None, issuer_org_id=base.issuer_org_id if base else None,
            parent_issuer_text=base.parent_issuer_text if base else None, preamble=base.preamble if base else None,
            purpose=base.purpose if base else None, requirements=base.requirements if base else None,
            body=base.body if base else None, appendix_title=base.appendix_title if base else None,
            matrix_roles=tuple(role for role, box in self.role_boxes.items() if box.isChecked()),
            phase_labels=tuple(self.phases_edit.toPlainText().splitlines()),
        )

    def accept(self) -> None:
        try:
            data = self.input()
            required(data.title, "Trích yếu (tên kế hoạch)", "title")
        except ValidationError as exc:
            self.errors.show(exc)
            return
        existing_id = self.existing.id if self.existing else None

        def save(session):
            if existing_id is None:
                return plans.create_plan(session, data), {TOPIC_TASKS}
            return plans.update_plan(session, existing_id, data), {TOPIC_TASKS}

        self.ops.run(save, self._done, self.errors.show)

    def _done(self, plan: PlanData) -> None:
        self.saved.emit(plan)
        super().accept()


class SectionDialog(QDialog):
    """A Roman-numeral group of tasks: its number and title."""

    saved = Signal(object)  # SectionData

    def __init__(self, ops: DatabaseOps, plan_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.plan_id = plan_id
        self.setWindowTitle(self.tr("Thêm nhóm nhiệm vụ"))
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("I, II, III…")
        self.title_edit = QLineEdit()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Số thứ tự"), self.code_edit)
        form.addRow(self.tr("Tên nhóm"), self.title_edit)
        form.addRow(self.error_label)
        form.addRow(self.buttons)
        self.errors = FieldErrors(self.error_label, {"code": self.code_edit, "title": self.title_edit})
        self.resize(560, 160)

    def accept(self) -> None:
        code, title, plan_id = self.code_edit.text(), self.title_edit.text(), self.plan_id
        self.ops.run(lambda s: (plans.add_section(s, plan_id, code, title), {TOPIC_TASKS}), self._done, self.errors.show)

    def _done(self, section: SectionData) -> None:
        self.saved.emit(section)
        super().accept()
