"""Dialogs of the Sync screen: progress of a long task with Cancel, export choices, the import preview, and the
registration of a new office under this one (its enrolment file).

Long work (export, preview, import, USB) runs on the one database worker through `ops.run_task`;
these dialogs only collect choices, show progress and results. Engine errors are shown as the engine
wrote them (`widgets.show_error`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ptds_desktop.errors import PtdsError, ValidationError
from ptds_desktop.gui.forms.ui_sync_export_dialog import Ui_SyncExportDialog
from ptds_desktop.gui.forms.ui_sync_import_dialog import Ui_SyncImportDialog
from ptds_desktop.gui.labels import OFFICE_LEVEL_LABELS, label
from ptds_desktop.gui.ops import DatabaseOps, TaskFn, TaskHandle
from ptds_desktop.gui.table_model import Column, RowsTableModel
from ptds_desktop.gui.widgets import FieldErrors, name_buttons, show_error
from ptds_desktop.services import enrolment
from ptds_desktop.services.enrolment import EnrolmentInfo
from ptds_desktop.services.offices import OfficeData
from ptds_desktop.sync import exchange
from ptds_desktop.sync.errors import SyncCancelled, UnknownPeerError
from ptds_desktop.sync.exchange import ImportReport
from ptds_desktop.sync.peers import PeerInfo

SHOW_PROGRESS_AFTER_MS = 300  # quick tasks finish without a flashing dialog


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class TaskProgress(QProgressDialog):
    """Progress of one task on the worker; Cancel asks the task to stop (it stops at its next check)."""

    def __init__(self, title: str, text: str, parent: QWidget | None):
        super().__init__(parent)
        self.handle: TaskHandle | None = None
        self.setWindowTitle(title)
        self.setLabelText(text)
        self.cancel_button = QPushButton(QCoreApplication.translate("Buttons", "Hủy"))
        self.setCancelButton(self.cancel_button)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        self.setMinimumWidth(420)
        self.setRange(0, 0)  # busy indicator until the first report
        self.canceled.connect(self._cancel)

    def report(self, done: int, total: int, _label: str) -> None:
        if total > 0:
            self.setRange(0, total)
            self.setValue(min(done, total))

    def _cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    def finish(self) -> None:
        self.handle = None  # hiding must not count as a cancel
        self.hide()
        self.deleteLater()


def run_with_progress(ops: DatabaseOps, parent: QWidget, title: str, text: str, fn: TaskFn,
                      on_done: Callable[[Any], None], on_error: Callable[[Exception], None]) -> TaskProgress:
    progress = TaskProgress(title, text, parent)

    def done(result) -> None:
        progress.finish()
        on_done(result)

    def failed(exc: Exception) -> None:
        progress.finish()
        on_error(exc)

    progress.handle = ops.run_task(fn, progress.report, done, failed)
    return progress


# ------------------------------------------------------------------------------------------------- export


class ExportDialog(QDialog):
    """Which office the bundle is for, where to write it, full or only what the recipient lacks."""

    chosen = Signal(str, str, bool)  # recipient ("all", "*" or an office id), folder, full

    def __init__(self, peers: list[PeerInfo], folder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_SyncExportDialog()
        self.ui.setupUi(self)
        name_buttons(self.ui.buttonBox)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Xuất gói"))
        for peer in peers:
            self.ui.recipientCombo.addItem(f"{peer.name} — {relation_label(peer.relation)}", peer.office_id)
        self.ui.recipientCombo.addItem(self.tr("Mọi văn phòng trao đổi (mỗi văn phòng một gói)"), "all")
        self.ui.recipientCombo.addItem(self.tr("Bất kỳ văn phòng nào (gói đầy đủ)"), "*")
        self.ui.folderEdit.setText(folder)
        self.ui.browseButton.clicked.connect(self.browse)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.errors = FieldErrors(self.ui.errorLabel, {"folder": self.ui.folderEdit})

    def browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục lưu gói"), self.ui.folderEdit.text())
        if folder:
            self.ui.folderEdit.setText(folder)

    def accept(self) -> None:
        folder = self.ui.folderEdit.text().strip()
        if not folder:
            self.errors.show(ValidationError(self.tr("Hãy chọn thư mục lưu gói."), "folder"))
            return
        if not Path(folder).is_dir():
            self.errors.show(ValidationError(
                self.tr("Không thấy thư mục %1 (USB đã cắm chưa?).").replace("%1", folder), "folder"))
            return
        self.chosen.emit(self.ui.recipientCombo.currentData(), folder, self.ui.fullCheck.isChecked())
        super().accept()


# ------------------------------------------------------------------------------------------------- enrolment


class RegisterOfficeDialog(QDialog):
    """Register a new office under this one (name, level) and write its enrolment file, which carries this
    office's key and organization catalogue; the new office's installation is set up from it at first run."""

    registered = Signal(object)  # EnrolmentInfo

    def __init__(self, ops: DatabaseOps, office: OfficeData, folder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.folder = folder
        self._chosen_path = False  # the user picked the file: typing the name no longer renames it
        self.setWindowTitle(self.tr("Đăng ký văn phòng cấp dưới"))
        intro = QLabel(self.tr(
            "Đăng ký một văn phòng trực thuộc văn phòng này và ghi tệp đăng ký của nó. Mang tệp sang máy của văn "
            "phòng mới (USB) và chọn “Thiết lập từ tệp đăng ký” khi mở ứng dụng lần đầu: máy đó nhận khóa và danh "
            "mục cơ quan, đơn vị của văn phòng này."))
        intro.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.name_edit.setPlaceholderText(self.tr("Ví dụ: UBND xã Hòa Phú"))
        self.level_combo = QComboBox()
        for code in OFFICE_LEVEL_LABELS:
            self.level_combo.addItem(label(OFFICE_LEVEL_LABELS, code), code)
        self.level_combo.setCurrentIndex(self.level_combo.findData("commune"))
        self.place_edit = QLineEdit()
        self.place_edit.setMaxLength(100)
        self.place_edit.setPlaceholderText(self.tr("Địa danh ghi trên văn bản, ví dụ: Hòa Phú"))
        self.parent_label = QLabel(f"{office.name} ({label(OFFICE_LEVEL_LABELS, office.level)})")
        self.file_edit = QLineEdit()
        self.browse_button = QPushButton(self.tr("&Chọn…"))
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self._buddy(self.tr("&Tên văn phòng:"), self.name_edit), self.name_edit)
        form.addRow(self._buddy(self.tr("C&ấp:"), self.level_combo), self.level_combo)
        form.addRow(self._buddy(self.tr("Đị&a danh:"), self.place_edit), self.place_edit)
        form.addRow(self.tr("Cấp trên:"), self.parent_label)
        form.addRow(self._buddy(self.tr("Tệp đăng &ký:"), self.file_edit), file_row)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Đăng ký và &ghi tệp"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.errors = FieldErrors(self.error_label, {"name": self.name_edit, "level": self.level_combo,
                                                     "place": self.place_edit, "file": self.file_edit})
        self.name_edit.textChanged.connect(self._suggest_file)
        self.file_edit.textEdited.connect(self._file_typed)
        self._suggest_file("")
        self.resize(600, self.sizeHint().height())

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        buddy = QLabel(text)
        buddy.setBuddy(widget)
        return buddy

    def _suggest_file(self, name: str) -> None:
        if not self._chosen_path:
            self.file_edit.setText(str(Path(self.folder) / enrolment.suggested_file_name(name or "")))

    def _file_typed(self, _text: str) -> None:
        self._chosen_path = True

    def browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Ghi tệp đăng ký"), self.file_edit.text(),
            self.tr("Tệp đăng ký PTDS (*%1)").replace("%1", enrolment.ENROLMENT_SUFFIX))
        if path:
            self._chosen_path = True
            self.file_edit.setText(path)

    def accept(self) -> None:
        path = self.file_edit.text().strip()
        if not path:
            self.errors.show(ValidationError(self.tr("Hãy chọn nơi ghi tệp đăng ký."), "file"))
            return
        if not Path(path).parent.is_dir():
            self.errors.show(ValidationError(
                self.tr("Không thấy thư mục %1 (USB đã cắm chưa?).").replace("%1", str(Path(path).parent)), "file"))
            return
        self.errors.clear()
        name, level = self.name_edit.text(), self.level_combo.currentData()
        place = self.place_edit.text().strip() or None
        self.ok_button.setEnabled(False)

        def work(db, _progress, _cancelled) -> EnrolmentInfo:
            return enrolment.make_enrolment_file(db, name, level, path, place_name=place)

        def done(info: EnrolmentInfo) -> None:
            self.registered.emit(info)
            super(RegisterOfficeDialog, self).accept()

        def failed(exc: Exception) -> None:
            self.ok_button.setEnabled(True)
            if isinstance(exc, PtdsError):
                self.errors.show(exc)
            else:
                show_error(self, exc)

        self.ops.run_task(work, on_done=done, on_error=failed)


RELATION_LABELS = {
    "parent": QT_TRANSLATE_NOOP("SyncLabels", "Cấp trên"),
    "child": QT_TRANSLATE_NOOP("SyncLabels", "Cấp dưới"),
    "other": QT_TRANSLATE_NOOP("SyncLabels", "Văn phòng khác"),
}


def relation_label(relation: str) -> str:
    source = RELATION_LABELS.get(relation)
    return QCoreApplication.translate("SyncLabels", source) if source else relation


# ------------------------------------------------------------------------------------------------- import

AREA_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Khu vực"), lambda a: a.area),
    Column(QT_TRANSLATE_NOOP("Columns", "Thêm mới"), lambda a: a.inserts, 90, Qt.AlignmentFlag.AlignCenter),
    Column(QT_TRANSLATE_NOOP("Columns", "Cập nhật"), lambda a: a.updates, 90, Qt.AlignmentFlag.AlignCenter),
    Column(QT_TRANSLATE_NOOP("Columns", "Xóa"), lambda a: a.deletes, 70, Qt.AlignmentFlag.AlignCenter),
    Column(QT_TRANSLATE_NOOP("Columns", "Xung đột"), lambda a: a.conflicts, 80, Qt.AlignmentFlag.AlignCenter),
    Column(QT_TRANSLATE_NOOP("Columns", "Từ chối"), lambda a: a.rejections, 80, Qt.AlignmentFlag.AlignCenter),
]
MAX_REJECTIONS_LISTED = 8


class ImportPreviewDialog(QDialog):
    """What a bundle would change, per area, with its warnings; Apply imports it (on the worker).

    Opened with the preview's report, or with the UnknownPeerError of a first-time sender: then the
    sender's fingerprint is shown to compare by phone, and confirming previews again trusting it.
    """

    applied = Signal(object)  # ImportReport

    def __init__(self, ops: DatabaseOps, path: str, report: ImportReport | None = None,
                 unknown: UnknownPeerError | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.path = path
        self.trust: str | None = None
        self.report: ImportReport | None = None
        self.ui = Ui_SyncImportDialog()
        self.ui.setupUi(self)
        name_buttons(self.ui.buttonBox)
        self.apply_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setText(self.tr("Á&p dụng"))
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        self.ui.fileLabel.setText(path)
        self.model = RowsTableModel(AREA_COLUMNS, search_text=lambda _a: (), parent=self)
        self.ui.areasTable.setModel(self.model)
        self.ui.areasTable.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ui.areasTable.verticalHeader().hide()
        # The table is as tall as its few rows; the space left goes below the notes, not into empty rows.
        self.ui.mainLayout.insertStretch(self.ui.mainLayout.indexOf(self.ui.buttonBox), 1)
        header = self.ui.areasTable.horizontalHeader()
        header.setHighlightSections(False)
        for i, column in enumerate(AREA_COLUMNS):
            if column.width is None:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            else:
                header.resizeSection(i, column.width)
        self.ui.trustButton.clicked.connect(self.confirm_sender)
        self.unknown = unknown
        if unknown is not None:
            self._show_unknown(unknown)
        else:
            self._show_report(report)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        self.resize(self.width(), self.sizeHint().height())

    # --- states --------------------------------------------------------------------------------------
    def _show_unknown(self, exc: UnknownPeerError) -> None:
        self.setWindowTitle(self.tr("Gói từ văn phòng chưa quen"))
        self.ui.senderLabel.setText(self.tr("Gói từ “%1”").replace("%1", exc.office_name))
        self.ui.trustLabel.setText(self.tr(
            "Máy này chưa có khóa của “%1” (mã %2). Hãy gọi điện cho văn phòng đó và đọc đối chiếu dấu vân tay "
            "khóa dưới đây với dấu vân tay hiện trên màn hình Đồng bộ của họ. Chỉ xác nhận khi khớp hoàn toàn."
        ).replace("%1", exc.office_name).replace("%2", exc.office_id))
        self.ui.fingerprintLabel.setText(exc.fingerprint)
        self.ui.trustFrame.show()
        self.ui.statusLabel.setText(self.tr("Chưa xem trước được nội dung gói khi chưa xác nhận văn phòng gửi."))
        self.ui.areasTable.hide()
        self.ui.notesLabel.hide()
        self.apply_button.setEnabled(False)

    def _show_report(self, report: ImportReport) -> None:
        self.report = report
        self.setWindowTitle(self.tr("Xem trước gói đồng bộ"))
        self.ui.senderLabel.setText(self.tr("Gói từ “%1”").replace("%1", report.sender_name))
        self.ui.trustFrame.hide()
        if report.status == "already_applied":
            self.ui.statusLabel.setText(f"<b>{_escape(report.message)}</b>")
            self.ui.areasTable.hide()
            self.ui.notesLabel.hide()
            self.apply_button.hide()
            self.cancel_button.setText(self.tr("Đóng"))
            return
        status = report.message
        if self.trust:
            status += " " + self.tr("Dấu vân tay %1 đã được xác nhận; khóa sẽ được lưu khi áp dụng.").replace(
                "%1", self.trust)
        self.ui.statusLabel.setText(_escape(status))
        self.model.set_rows(report.areas)
        self._fit_table()
        self.ui.areasTable.setVisible(bool(report.areas))
        notes = preview_notes(report)
        self.ui.notesLabel.setText("<br>".join(notes))
        self.ui.notesLabel.setVisible(bool(notes))
        self.apply_button.setEnabled(True)
        self.apply_button.setDefault(True)

    def _fit_table(self) -> None:
        table = self.ui.areasTable
        rows = sum(table.rowHeight(r) for r in range(self.model.rowCount()))
        table.setFixedHeight(table.horizontalHeader().height() + rows + 2 * table.frameWidth() + 2)

    # --- commands ------------------------------------------------------------------------------------
    def confirm_sender(self) -> None:
        fingerprint = self.unknown.fingerprint if self.unknown else None
        if fingerprint is None:
            return
        self.ui.trustButton.setEnabled(False)

        def previewed(report: ImportReport) -> None:
            self.trust = fingerprint
            self.unknown = None
            self._show_report(report)
            self._fit_height()

        def failed(exc: Exception) -> None:
            self.ui.trustButton.setEnabled(True)
            show_error(self, exc)

        def work(db, _progress, _cancelled):
            return exchange.preview_bundle(db, self.path, trust=fingerprint)

        run_with_progress(self.ops, self, self.tr("Nhập gói"), self.tr("Đang kiểm tra gói…"), work, previewed, failed)

    def apply(self) -> TaskProgress | None:
        if self.report is None or self.report.status == "already_applied":
            return None
        self.apply_button.setEnabled(False)
        trust = self.trust

        def work(db, progress, cancelled):
            return exchange.import_bundle(db, self.path, trust=trust, progress=progress, cancel=cancelled)

        def done(report: ImportReport) -> None:
            self.report = report
            self.applied.emit(report)
            self.accept()

        def failed(exc: Exception) -> None:
            self.apply_button.setEnabled(True)
            if isinstance(exc, SyncCancelled):
                self.ui.statusLabel.setText(self.tr("Đã hủy nhập gói; dữ liệu không thay đổi."))
            else:
                show_error(self, exc)

        return run_with_progress(self.ops, self, self.tr("Nhập gói"), self.tr("Đang áp dụng gói…"), work, done,
                                 failed)


def preview_notes(report: ImportReport) -> list[str]:
    """Warnings and notes of a preview or an import, as HTML lines."""
    translate = QCoreApplication.translate
    warn = "<span style='color:#a05a00'>⚠ %1</span>"
    alarm = "<span style='color:#b00020; font-weight:bold'>⚠ %1</span>"
    notes = [alarm.replace("%1", _escape(k)) for k in report.key_conflicts]
    notes += [warn.replace("%1", _escape(w)) for w in report.clock_warnings]
    if report.refused_by_sender:
        text = translate("SyncNotes", "“%1” đã từ chối %2 thay đổi của văn phòng này (xem thẻ “Bị từ chối”).")
        notes.append(warn.replace("%1", _escape(text.replace("%1", report.sender_name).replace(
            "%2", str(report.refused_by_sender)))))
    for skipped in report.skipped_segments:
        text = translate("SyncNotes", "Chưa áp dụng được (chưa biết khóa văn phòng gốc): %1")
        notes.append(warn.replace("%1", _escape(text.replace("%1", skipped))))
    if report.pending:
        text = translate("SyncNotes", "Số thay đổi chờ bản ghi chưa tới (gói trước còn thiếu): %1; "
                                      "sẽ tự áp dụng khi nhận đủ.")
        notes.append(_escape(text.replace("%1", str(report.pending))))
    if report.purged:
        text = translate("SyncNotes", "Đã xóa hẳn %1 dòng đã xóa mà mọi văn phòng đã xác nhận; chúng không "
                                      "quay lại nữa.")
        notes.append(_escape(text.replace("%1", str(report.purged))))
    if report.rejections:
        text = translate("SyncNotes", "Số thay đổi bị từ chối vì văn phòng gốc không có quyền sửa bản ghi đó: %1")
        notes.append(warn.replace("%1", _escape(text.replace("%1", str(len(report.rejections))))))
        for r in report.rejections[:MAX_REJECTIONS_LISTED]:
            notes.append(_escape(f"  · {r.origin_name} — {r.area} “{r.record}”: {r.field} ({r.reason})"))
        if len(report.rejections) > MAX_REJECTIONS_LISTED:
            text = translate("SyncNotes", "… và %1 thay đổi khác.")
            notes.append(_escape(text.replace("%1", str(len(report.rejections) - MAX_REJECTIONS_LISTED))))
    return notes
