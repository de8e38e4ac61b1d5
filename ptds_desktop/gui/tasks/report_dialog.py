"""This office's progress report on one task: state, percentage, words, files attached."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ptds_desktop.gui.labels import PROGRESS_STATUS_LABELS, label
from ptds_desktop.gui.ops import DatabaseOps, WriteFn
from ptds_desktop.gui.service_dialog import ServiceDialog
from ptds_desktop.services import progress
from ptds_desktop.services.plans import TaskData


class ReportDialog(ServiceDialog):
    """`saved` carries ReportData."""

    def __init__(self, ops: DatabaseOps, task: TaskData, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.task = task
        self.files: list[Path] = []
        self.setWindowTitle(self.tr("Báo cáo tiến độ"))
        self.status_combo = QComboBox()
        for code in PROGRESS_STATUS_LABELS:
            self.status_combo.addItem(label(PROGRESS_STATUS_LABELS, code), code)
        self.percent_spin = QSpinBox()
        self.percent_spin.setRange(0, 100)
        self.percent_spin.setSuffix("%")
        self.status_combo.currentIndexChanged.connect(self._status_changed)
        self.text_edit = QPlainTextEdit()
        self.files_label = QLabel()
        attach = QPushButton(self.tr("Đính kèm tệp…"))
        attach.clicked.connect(self._choose_files)
        files = QHBoxLayout()
        files.addWidget(attach)
        files.addWidget(self.files_label, 1)
        title = QLabel(f"{task.code or ''} {task.content}")
        title.setWordWrap(True)
        error_label = QLabel()
        error_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(title)
        form.addRow(self.tr("Tình trạng"), self.status_combo)
        form.addRow(self.tr("Tỷ lệ hoàn thành"), self.percent_spin)
        form.addRow(self.tr("Nội dung báo cáo"), self.text_edit)
        form.addRow(files)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(error_label)
        layout.addWidget(buttons)
        self.error_label = error_label
        self.bind_form(
            buttons,
            error_label,
            {
                "status": self.status_combo,
                "percent": self.percent_spin,
                "attachments": self.files_label,
                "task_id": self.status_combo,
            },
        )
        self.resize(560, 380)

    def _status_changed(self) -> None:
        code = self.status_combo.currentData()
        if code == "done":
            self.percent_spin.setValue(100)
        elif code == "not_started":
            self.percent_spin.setValue(0)

    def _choose_files(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("Tệp đính kèm báo cáo"), folder)
        self.set_files([Path(n) for n in names])

    def set_files(self, files: list[Path]) -> None:
        self.files = files
        self.files_label.setText(", ".join(f.name for f in files))

    def save_fn(self) -> WriteFn:
        data = progress.ReportInput(
            self.task.id,
            self.status_combo.currentData(),
            self.percent_spin.value(),
            self.text_edit.toPlainText(),
            attachments=tuple(self.files),
        )
        return lambda session: progress.report_progress(session, data)
