"""Add or edit a task: content and timeframe (parsed as typed), the agencies of each role with the one
reference picker, and the offices it is assigned to. Tabs keep the dialog within a 1024x600 screen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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

from ptds_desktop.errors import ValidationError
from ptds_desktop.gui.labels import TASK_AGENCY_ROLE_LABELS, TIMEFRAME_KIND_LABELS, label
from ptds_desktop.gui.ops import DatabaseOps, WriteFn
from ptds_desktop.gui.reference_picker import Candidate, ReferencePicker
from ptds_desktop.gui.service_dialog import ServiceDialog
from ptds_desktop.services import plans
from ptds_desktop.services.common import required
from ptds_desktop.services.plans import PlanMatrix, TaskData, TaskInput
from ptds_desktop.services.references import Reference
from ptds_desktop.services.timeframes import parse_timeframe
from ptds_desktop.text import format_date


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


class TaskDialog(ServiceDialog):
    """Add a task to the plan (into `section_id`) or edit `existing`; `saved` carries TaskData."""

    def __init__(
        self,
        ops: DatabaseOps,
        matrix: PlanMatrix,
        existing: TaskData | None,
        section_id: str | None,
        candidates: Sequence[Candidate],
        offices: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.matrix = matrix
        self.existing = existing
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
            self.agency_tabs.addTab(editor, label(TASK_AGENCY_ROLE_LABELS, role))

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
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        fields: dict[str, QWidget] = {
            "content": self.content_edit,
            "code": self.code_edit,
            "timeframe_text": self.timeframe_edit,
            "phases": self.timeframe_edit,
            "section_id": self.section_combo,
        }
        fields.update(self.agency_editors)
        self.bind_form(self.buttons, self.error_label, fields)

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
            kind = label(TIMEFRAME_KIND_LABELS, frame.kind)
            note = kind + (" · " + self.tr("hạn %1").replace("%1", format_date(frame.due_on)) if frame.due_on else "")
        self.timeframe_note.setText(note)

    def input(self) -> TaskInput:
        return TaskInput(
            content=self.content_edit.toPlainText(),
            section_id=self.section_combo.currentData(),
            code=self.code_edit.text(),
            timeframe_text=self.timeframe_edit.text(),
            phases=tuple(i for i, box in enumerate(self.phase_boxes, start=1) if box.isChecked()),
            deliverable=self.deliverable_edit.toPlainText(),
            agencies={role: editor.references() for role, editor in self.agency_editors.items()},
            assigned_office_ids=tuple(
                self.office_list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.office_list.count())
                if self.office_list.item(i).checkState() == Qt.CheckState.Checked
            ),
        )

    def save_fn(self) -> WriteFn:
        data = self.input()
        try:
            required(data.content, "Nội dung nhiệm vụ", "content")
        except ValidationError:
            self.tabs.setCurrentIndex(0)
            raise
        if self.existing is not None:
            task_id = self.existing.id
            return lambda session: plans.update_task(session, task_id, data)
        plan_id = self.matrix.plan.id
        return lambda session: plans.add_task(session, plan_id, data)

    def show_error(self, exc: Exception) -> None:
        """Bring the tab holding the field at fault to the front, then show the error under it."""
        field = getattr(exc, "field", None)
        if field in self.agency_editors:
            self.tabs.setCurrentIndex(1)
            self.agency_tabs.setCurrentWidget(self.agency_editors[field])
        elif field in ("content", "code", "timeframe_text", "phases", "section_id"):
            self.tabs.setCurrentIndex(0)
        super().show_error(exc)
