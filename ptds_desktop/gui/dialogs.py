"""Application-level dialogs: first run (which office is this?), settings, about."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ptds_desktop import __version__
from ptds_desktop.config import APP_NAME, Settings, user_data_dir
from ptds_desktop.db.database import Database
from ptds_desktop.errors import PtdsError
from ptds_desktop.gui.forms.ui_first_run_dialog import Ui_FirstRunDialog
from ptds_desktop.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from ptds_desktop.gui.labels import OFFICE_LEVEL_LABELS, label
from ptds_desktop.gui.widgets import FieldErrors, name_buttons
from ptds_desktop.services.offices import OfficeData, init_office

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}  # each named in its own language, never translated


class FirstRunDialog(QDialog):
    """Asks which office this installation serves, then makes the database that office's."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.office: OfficeData | None = None
        self.ui = Ui_FirstRunDialog()
        self.ui.setupUi(self)
        name_buttons(self.ui.buttonBox)
        for code in ("province", "commune"):
            self.ui.levelCombo.addItem(label(OFFICE_LEVEL_LABELS, code), code)
        self.ui.levelCombo.setCurrentIndex(self.ui.levelCombo.findData("commune"))  # most installations are communes
        self.errors = FieldErrors(self.ui.errorLabel, {"name": self.ui.nameEdit, "level": self.ui.levelCombo})
        self.ui.buttonBox.accepted.connect(self.accept)

    def accept(self) -> None:
        # One small write before the main window (and its worker) exists, so it runs here directly.
        try:
            self.office = init_office(
                self.db, self.ui.nameEdit.text(), self.ui.levelCombo.currentData(),
                place_name=self.ui.placeEdit.text().strip() or None,
            )
        except PtdsError as exc:
            self.errors.show(exc)
            return
        super().accept()


class SettingsDialog(QDialog):
    """User settings. The language applies at the next start (every view would otherwise need retranslating)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        name_buttons(self.ui.buttonBox)
        for code, name in LANGUAGES.items():
            self.ui.languageCombo.addItem(name, code)
        self.ui.languageCombo.setCurrentIndex(max(0, self.ui.languageCombo.findData(settings.language)))

    def accept(self) -> None:
        self.settings.language = self.ui.languageCombo.currentData()
        self.settings.save()
        super().accept()


class AboutDialog(QDialog):
    def __init__(self, db: Database, office: OfficeData, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Giới thiệu PTDS Desktop"))
        rows = [
            (self.tr("Phiên bản"), __version__),
            (self.tr("Văn phòng"), office.name),
            (self.tr("Tệp cơ sở dữ liệu"), str(db.path)),
            (self.tr("Thư mục dữ liệu người dùng"), str(user_data_dir())),
            (self.tr("Phiên bản lược đồ"), db.schema_revision() or ""),
            (self.tr("Nền tảng"), f"Python {platform.python_version()}, PySide6 {pyside_version}"),
        ]
        table = "".join(
            f"<tr><td style='padding-right:12px'><b>{_escape(k)}</b></td><td>{_escape(v)}</td></tr>" for k, v in rows
        )
        purpose = self.tr("Quản lý công việc của Ban Chỉ huy Phòng thủ dân sự, làm việc không cần mạng.")
        text = (
            f"<h3>{APP_NAME}</h3>"
            f"<p>{_escape(purpose)}</p>"
            f"<table>{table}</table>"
        )
        self.info = QLabel(text)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
