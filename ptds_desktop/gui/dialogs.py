"""Application-level dialogs: first run (which office is this? a new one, or one its parent registered, set up
from the enrolment file), settings, about."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ptds_desktop import __version__
from ptds_desktop.config import APP_NAME, Settings, user_data_dir
from ptds_desktop.db.database import Database
from ptds_desktop.errors import PtdsError
from ptds_desktop.gui.forms.ui_first_run_dialog import Ui_FirstRunDialog
from ptds_desktop.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from ptds_desktop.gui.labels import OFFICE_LEVEL_LABELS, label
from ptds_desktop.gui.server_dialog import ServerDialog
from ptds_desktop.gui.widgets import FieldErrors, name_buttons
from ptds_desktop.services import enrolment
from ptds_desktop.services.enrolment import EnrolmentPreview
from ptds_desktop.services.offices import OfficeData, init_office, this_office

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}  # each named in its own language, never translated


class FirstRunDialog(QDialog):
    """Asks which office this installation serves, then makes the database that office's."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.office: OfficeData | None = None
        self.server_url: str | None = None  # set when the user chose the office's server database instead
        self.ui = Ui_FirstRunDialog()
        self.ui.setupUi(self)
        name_buttons(self.ui.buttonBox)
        for code in ("province", "commune"):
            self.ui.levelCombo.addItem(label(OFFICE_LEVEL_LABELS, code), code)
        self.ui.levelCombo.setCurrentIndex(self.ui.levelCombo.findData("commune"))  # most installations are communes
        self.errors = FieldErrors(self.ui.errorLabel, {"name": self.ui.nameEdit, "level": self.ui.levelCombo})
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Tạo văn phòng mới"))
        self._add_enrolment_choice()
        self.resize(self.width(), self.sizeHint().height())

    def _add_enrolment_choice(self) -> None:
        """Most offices are registered by their parent first: set up from its file, or create a new office."""
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        text = QLabel(self.tr(
            "Văn phòng cấp trên đã đăng ký văn phòng này và đưa tệp đăng ký? Hãy thiết lập từ tệp đó: máy này "
            "nhận tên văn phòng, khóa của cấp trên và danh mục cơ quan, đơn vị."))
        text.setWordWrap(True)
        self.enrol_button = QPushButton(self.tr("Thiết lập từ tệp đăng &ký…"))
        self.enrol_button.clicked.connect(self.choose_enrolment_file)
        row = QHBoxLayout(box)
        row.addWidget(text, 1)
        row.addWidget(self.enrol_button)
        server_box = QFrame()
        server_box.setFrameShape(QFrame.Shape.StyledPanel)
        server_text = QLabel(self.tr("Cán bộ văn phòng cấp tỉnh dùng chung cơ sở dữ liệu trên máy chủ của cơ quan? "
                                     "Hãy kết nối tới cơ sở dữ liệu đó."))
        server_text.setWordWrap(True)
        self.server_button = QPushButton(self.tr("Kết nối &máy chủ…"))
        self.server_button.clicked.connect(self.choose_server)
        server_row = QHBoxLayout(server_box)
        server_row.addWidget(server_text, 1)
        server_row.addWidget(self.server_button)
        new_office = QLabel(self.tr("Hoặc tạo văn phòng mới (chưa trao đổi với văn phòng nào):"))
        new_office.setStyleSheet("font-weight: bold;")
        at = self.ui.mainLayout.indexOf(self.ui.introLabel) + 1
        self.ui.mainLayout.insertWidget(at, box)
        self.ui.mainLayout.insertWidget(at + 1, server_box)
        self.ui.mainLayout.insertWidget(at + 2, new_office)

    def choose_server(self) -> ServerDialog:
        dialog = ServerDialog(self)
        dialog.accepted.connect(lambda: self._use_server(dialog.url))
        dialog.open()
        return dialog

    def _use_server(self, url: str | None) -> None:
        self.server_url = url
        super().accept()

    def choose_enrolment_file(self) -> EnrolmentConfirmDialog | None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp đăng ký do cấp trên ghi"), "",
            self.tr("Tệp đăng ký PTDS (*%1);;Mọi tệp (*)").replace("%1", enrolment.ENROLMENT_SUFFIX))
        if not path:
            return None
        try:
            preview = enrolment.preview_enrolment(path)  # reads and checks the file only: quick, no database
        except PtdsError as exc:
            self.errors.show(exc)
            return None
        self.errors.clear()
        dialog = EnrolmentConfirmDialog(preview, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.confirmed.connect(self.set_up_from)
        dialog.open()
        return dialog

    def set_up_from(self, path: str, code: str = "") -> None:
        try:
            enrolment.enrol(self.db, path, code or None)
        except PtdsError as exc:
            self.errors.show(exc)
            return
        self.office = this_office(self.db)
        super().accept()

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


class EnrolmentConfirmDialog(QDialog):
    """Before applying an enrolment file: who wrote it, with its key's fingerprint to compare by phone, and what
    this installation will become."""

    confirmed = Signal(str, str)  # the file's path, the one-time code typed ("" for a file of an earlier release)

    def __init__(self, preview: EnrolmentPreview, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Thiết lập từ tệp đăng ký"))
        self.parent_label = QLabel(f"<b>{_escape(preview.parent_name)}</b> "
                                   f"({label(OFFICE_LEVEL_LABELS, preview.parent_level)})")
        self.fingerprint_label = QLabel(preview.parent_fingerprint)
        self.fingerprint_label.setStyleSheet("font-family: monospace; font-size: 16pt; font-weight: bold;")
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        check = QLabel(self.tr(
            "Hãy gọi điện cho “%1” và đọc đối chiếu dấu vân tay này với dấu vân tay hiện trên màn hình Đồng bộ của "
            "họ. Chỉ thiết lập khi khớp hoàn toàn: tệp giả mạo sẽ có dấu vân tay khác.").replace(
                "%1", preview.parent_name))
        check.setWordWrap(True)
        office = preview.office_name + (f" — {preview.place_name}" if preview.place_name else "")
        self.office_label = QLabel(f"<b>{_escape(office)}</b> ({label(OFFICE_LEVEL_LABELS, preview.level)})")
        self.office_label.setWordWrap(True)
        self.catalogue_label = QLabel(self.tr("%n cơ quan, đơn vị", "", preview.organizations))
        form = QFormLayout()
        form.addRow(self.tr("Văn phòng đăng ký:"), self.parent_label)
        form.addRow(self.tr("Dấu vân tay khóa:"), self.fingerprint_label)
        form.addRow(check)
        form.addRow(self.tr("Máy này sẽ là:"), self.office_label)
        form.addRow(self.tr("Danh mục nhận kèm:"), self.catalogue_label)
        self.code: str | None = None
        self.code_edit: QLineEdit | None = None
        if preview.needs_code:  # files of earlier releases carry no locked keys
            self.code_edit = QLineEdit()
            self.code_edit.setPlaceholderText("XXXX XXXX XXXX XXXX")
            font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            font.setPointSize(14)
            self.code_edit.setFont(font)  # not a style sheet: FieldErrors marks the field with one
            code_label = QLabel(self.tr("&Mã một lần:"))
            code_label.setBuddy(self.code_edit)
            code_hint = QLabel(self.tr(
                "Khóa của văn phòng này trong tệp được khóa bằng mã một lần (4 nhóm 4 ký tự) mà “%1” đọc cho qua "
                "điện thoại; mã không đi kèm tệp.").replace("%1", preview.parent_name))
            code_hint.setWordWrap(True)
            form.addRow(code_label, self.code_edit)
            form.addRow(code_hint)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Thiết lập"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.errors = FieldErrors(self.error_label, {"code": self.code_edit} if self.code_edit else {})
        if self.code_edit is not None:
            self.code_edit.setFocus()  # what the user types next, the province on the phone
        self.resize(560, self.sizeHint().height())

    def accept(self) -> None:
        if self.code_edit is not None:
            self.code = self.code_edit.text()
            try:  # a wrong code is said here, the dialog still open, before anything is written
                enrolment.unlock_keys(self.preview.path, self.code)
            except PtdsError as exc:
                self.errors.show(exc)
                self.resize(self.width(), max(self.height(), self.sizeHint().height()))  # room for the message
                return
        super().accept()
        self.confirmed.emit(self.preview.path, self.code or "")


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
        self.ui.folderMinutesSpin.setValue(settings.sync_folder_minutes)
        self.ui.warnDaysSpin.setValue(settings.sync_warn_days)

    def accept(self) -> None:
        self.settings.language = self.ui.languageCombo.currentData()
        self.settings.sync_folder_minutes = self.ui.folderMinutesSpin.value()
        self.settings.sync_warn_days = self.ui.warnDaysSpin.value()
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
