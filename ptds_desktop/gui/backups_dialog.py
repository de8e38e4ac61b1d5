"""Backups and restore: the database's copies with date, size and what each holds; back up now; restore one.

The list is read in the database worker (each copy is opened and checked). Restoring closes the database,
writes the copy over it (the current one is kept as a "before restore" copy), and asks the main window to
open the database again, so every screen shows the restored data.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ptds_desktop.config import Settings
from ptds_desktop.db.backup import KIND_LABELS, MANUAL, automatic_backup
from ptds_desktop.db.database import Database
from ptds_desktop.db.restore import (
    BackupInfo,
    RestoreResult,
    list_backups,
    restore_database_file,
)
from ptds_desktop.gui.ops import DatabaseOps
from ptds_desktop.gui.table_model import Column, RowsTableModel
from ptds_desktop.gui.widgets import (
    EmptyHint,
    message_box,
    name_buttons,
    show_error,
    size_columns,
)

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _count(field: str):
    return lambda b: getattr(b.contents, field) if b.contents else ""


COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Thời điểm"), lambda b: b.taken_at.strftime("%d/%m/%Y %H:%M"), 130),
    Column(QT_TRANSLATE_NOOP("Columns", "Loại"),
           lambda b: QCoreApplication.translate("Backups", KIND_LABELS.get(b.kind, b.kind)), 170),
    Column(QT_TRANSLATE_NOOP("Columns", "Cỡ"), lambda b: f"{b.size / 1024:,.0f} KB", 80, _RIGHT),
    Column(QT_TRANSLATE_NOOP("Columns", "Ban"), _count("boards"), 50, _RIGHT),
    Column(QT_TRANSLATE_NOOP("Columns", "Thành viên"), _count("members"), 80, _RIGHT),
    Column(QT_TRANSLATE_NOOP("Columns", "Kế hoạch"), _count("plans"), 70, _RIGHT),
    Column(QT_TRANSLATE_NOOP("Columns", "Nhiệm vụ"), _count("tasks"), 70, _RIGHT),
    Column(QT_TRANSLATE_NOOP("Columns", "Ghi chú"), lambda b: b.problem or "", None),
]


class BackupsDialog(QDialog):
    restored = Signal(object)  # RestoreResult: the database was replaced and must be opened again

    def __init__(self, db: Database, ops: DatabaseOps, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.ops = ops
        self.settings = settings
        self.loaded = False
        self.setWindowTitle(self.tr("Sao lưu và khôi phục"))
        intro = QLabel(self.tr("Ứng dụng tự sao lưu khi mở lần đầu mỗi ngày, trước khi nhập dữ liệu và trước khi "
                               "nâng cấp. Khôi phục một bản sẽ thay dữ liệu hiện tại; bản hiện tại được giữ lại "
                               "thành một bản sao lưu."))
        intro.setWordWrap(True)
        self.model = RowsTableModel(COLUMNS, search_text=lambda b: (b.kind,), parent=self)
        self.table = QTableView()
        self.table.setObjectName("backupsTable")
        self.table.setModel(self.model)
        size_columns(self.table, [c.width for c in COLUMNS])
        self.table.doubleClicked.connect(self.restore_selected)
        self.empty = EmptyHint(self.table, self.tr("Chưa có bản sao lưu nào."), "")
        self.backup_button = QPushButton(self.tr("&Sao lưu ngay"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("&Khôi phục bản đã chọn…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button = QPushButton(self.tr("Khôi phục từ &tệp…"))
        self.file_button.clicked.connect(self.restore_from_file)
        self.keep_spin = QSpinBox()
        self.keep_spin.setObjectName("keepSpin")
        self.keep_spin.setRange(1, 100)
        self.keep_spin.setValue(settings.backups_keep)
        self.keep_spin.valueChanged.connect(self._keep_changed)
        keep_label = QLabel(self.tr("&Giữ lại mỗi loại:"))
        keep_label.setBuddy(self.keep_spin)
        self.keep_spin.setSuffix(self.tr(" bản mới nhất"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_buttons(buttons)
        buttons.rejected.connect(self.reject)
        keep_row = QHBoxLayout()
        keep_row.addWidget(keep_label)
        keep_row.addWidget(self.keep_spin)
        keep_row.addStretch(1)
        row = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.file_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(keep_row)
        layout.addLayout(row)
        self.resize(900, 420)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        self.reload()

    # --- reading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        self.loaded = False
        path = self.db.path
        self.ops.run_task(lambda _db, _progress, _cancelled: list_backups(path), on_done=self._show)

    def _show(self, backups: list[BackupInfo]) -> None:
        self.model.set_rows(backups)
        self.empty.update_for(len(backups), len(backups))
        if backups:
            self.table.selectRow(0)
        self._update_buttons()
        self.loaded = True

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.restore_button.setEnabled(chosen is not None and chosen.contents is not None)

    def _keep_changed(self, value: int) -> None:
        """Applies from the next automatic copy, which removes the older ones beyond the number."""
        self.settings.backups_keep = value
        self.settings.save()

    # --- actions ---------------------------------------------------------------------------------
    def back_up_now(self) -> None:
        path = self.db.path
        self.backup_button.setEnabled(False)

        def done(_target) -> None:
            self.backup_button.setEnabled(True)
            self.reload()

        def failed(exc: Exception) -> None:
            self.backup_button.setEnabled(True)
            show_error(self, exc)

        self.ops.run_task(lambda _db, _p, _c: automatic_backup(path, MANUAL), on_done=done, on_error=failed)

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.contents is None:
            return
        when = chosen.taken_at.strftime("%d/%m/%Y %H:%M")
        self.confirm_restore(chosen.path, self.tr("Khôi phục bản sao lưu lúc %1? Dữ liệu nhập sau thời điểm đó sẽ "
                                                  "không còn trong cơ sở dữ liệu (bản hiện tại được giữ lại thành "
                                                  "một bản sao lưu).").replace("%1", when))

    def restore_from_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp cơ sở dữ liệu để khôi phục"), "",
                                              self.tr("Cơ sở dữ liệu PTDS, bản sao lưu (*.db *.dump);;Mọi tệp (*)"))
        if path:
            self.confirm_restore(path, self.tr("Khôi phục từ tệp %1? Dữ liệu hiện tại sẽ được thay (bản hiện tại "
                                               "được giữ lại thành một bản sao lưu).").replace("%1", path))

    def confirm_restore(self, source: str, question: str) -> QMessageBox:
        box = message_box(self, QMessageBox.Icon.Question, self.tr("Khôi phục"), question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          QMessageBox.StandardButton.No)
        def answered(_result: int) -> None:
            if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
                self._restore(source)

        box.finished.connect(answered)
        box.open()
        return box

    def _restore(self, source: str) -> None:
        for button in (self.backup_button, self.restore_button, self.file_button):
            button.setEnabled(False)

        def restore(db: Database, _progress, _cancelled) -> RestoreResult:
            # No pooled connection may stay open on the file being replaced.
            return restore_database_file(db.path, source, close_current=db.close)

        def failed(exc: Exception) -> None:
            self.backup_button.setEnabled(True)
            self.file_button.setEnabled(True)
            self._update_buttons()
            show_error(self, exc)

        self.ops.run_task(restore, on_done=self._restored, on_error=failed)

    def _restored(self, result: RestoreResult) -> None:
        self.accept()
        self.restored.emit(result)
