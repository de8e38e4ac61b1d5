"""Asked at start when the database is encrypted: its passphrase, tried until it opens or the user gives up.

It opens the database itself (before the main window and its worker exist, like the first-run dialog), so a
wrong passphrase is said in the dialog and the user types again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ptds_desktop.config import APP_NAME
from ptds_desktop.db.database import Database, open_database
from ptds_desktop.db.storage_errors import STORAGE_ERRORS
from ptds_desktop.errors import PtdsError
from ptds_desktop.gui.widgets import name_buttons


class PassphraseDialog(QDialog):
    def __init__(self, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.db_path = db_path
        self.db: Database | None = None
        self.setWindowTitle(f"{APP_NAME} — " + QCoreApplication.translate("Passphrase", "Mật khẩu cơ sở dữ liệu"))
        intro = QLabel(QCoreApplication.translate(
            "Passphrase", "Dữ liệu của văn phòng này được mã hóa. Nhập mật khẩu để mở:") + f"\n{db_path}")
        intro.setWordWrap(True)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("passphraseEdit")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setMinimumWidth(420)
        self.show_check = QCheckBox(QCoreApplication.translate("Passphrase", "Hiện mật khẩu"))
        self.show_check.toggled.connect(self._show_passphrase)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(QCoreApplication.translate("Passphrase", "Mở"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.passphrase_edit, self.show_check, self.error_label, self.buttons):
            layout.addWidget(widget)
        self.passphrase_edit.setFocus()

    def _show_passphrase(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase_edit.setEchoMode(mode)

    def accept(self) -> None:
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            self._say(QCoreApplication.translate("Passphrase", "Hãy nhập mật khẩu."))
            return
        try:
            self.db = open_database(self.db_path, passphrase=passphrase, backup_daily=False)  # see gui/workspace.py
        except PtdsError as exc:
            self._say(str(exc))
            return
        except STORAGE_ERRORS as exc:
            self._say(QCoreApplication.translate("Passphrase", "Không mở được cơ sở dữ liệu %1: %2")
                      .replace("%1", str(self.db_path)).replace("%2", str(exc)))
            return
        super().accept()

    def _say(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.adjustSize()  # room for the message's lines
        self.passphrase_edit.selectAll()
        self.passphrase_edit.setFocus()
