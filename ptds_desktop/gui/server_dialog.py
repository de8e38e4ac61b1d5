"""Choosing the province office's shared database on a PostgreSQL server: its address, typed once per session.

The password is kept in memory for this run only, never in the settings file: a laptop left on a desk must not
hand the office database to whoever reads its files. The dialog opens the database itself (the same
`open_database` the window then uses), so a wrong address or password is said here and the user corrects it."""

from __future__ import annotations

from urllib.parse import quote

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ptds_desktop.config import APP_NAME
from ptds_desktop.db.database import open_database
from ptds_desktop.db.storage_errors import STORAGE_ERRORS
from ptds_desktop.errors import PtdsError
from ptds_desktop.gui.widgets import name_buttons

DEFAULT_PORT = 5432


class ServerDialog(QDialog):
    """Host, port, database, user and password; `url` is set once the database opened with them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.url: str | None = None
        self.setWindowTitle(f"{APP_NAME} — " + self.tr("Cơ sở dữ liệu trên máy chủ"))
        intro = QLabel(self.tr("Văn phòng cấp tỉnh dùng chung một cơ sở dữ liệu PostgreSQL trên máy chủ của cơ quan. "
                               "Nhập địa chỉ do cán bộ công nghệ thông tin cung cấp. Mật khẩu không được lưu lại."))
        intro.setWordWrap(True)
        self.host_edit = QLineEdit()
        self.host_edit.setObjectName("hostEdit")
        self.host_edit.setPlaceholderText("192.168.1.10")
        self.port_spin = QSpinBox()
        self.port_spin.setObjectName("portSpin")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.database_edit = QLineEdit()
        self.database_edit.setObjectName("databaseEdit")
        self.database_edit.setPlaceholderText("ptds")
        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("userEdit")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Máy chủ:"), self.host_edit)
        form.addRow(self.tr("&Cổng:"), self.port_spin)
        form.addRow(self.tr("Cơ sở &dữ liệu:"), self.database_edit)
        form.addRow(self.tr("&Tên đăng nhập:"), self.user_edit)
        form.addRow(self.tr("Mật &khẩu:"), self.password_edit)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        for edit in (self.host_edit, self.database_edit, self.user_edit, self.password_edit):
            edit.textChanged.connect(self.error_label.hide)  # a message about what was typed before goes
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Kết &nối"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.host_edit.setFocus()

    def typed_url(self) -> str | None:
        """The postgresql:// URL the fields make, or None (and the reason shown) when one is missing."""
        host, database, user = (e.text().strip() for e in (self.host_edit, self.database_edit, self.user_edit))
        missing = next((name for name, value in ((self.tr("máy chủ"), host), (self.tr("cơ sở dữ liệu"), database),
                                                 (self.tr("tên đăng nhập"), user)) if not value), None)
        if missing:
            self._say(self.tr("Hãy nhập %1.").replace("%1", missing))
            return None
        password = self.password_edit.text()
        login = quote(user, safe="") + (":" + quote(password, safe="") if password else "")
        return f"postgresql://{login}@{host}:{self.port_spin.value()}/{quote(database, safe='')}"

    def accept(self) -> None:
        url = self.typed_url()
        if url is None:
            return
        try:
            # Opened once here so a mistake is said in the dialog; the window opens it again the same way.
            open_database(url, backup_daily=False).close()
        except (PtdsError, *STORAGE_ERRORS) as exc:
            self._say(str(exc))
            return
        self.url = url
        super().accept()

    def _say(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
