"""Keys over the years on the Sync screen (services/key_rotation.py): revoke the key of an office this one enrolled
(a lost laptop), from now or from a moment, after a confirmation naming the office and its key's fingerprint."""

from __future__ import annotations

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ptds_desktop.gui.date_field import DateField
from ptds_desktop.gui.widgets import message_box, name_buttons
from ptds_desktop.services.key_rotation import SINCE, RevocableOffice
from ptds_desktop.text import format_date


class RevokeKeyDialog(QDialog):
    """Choose the office and the moment; emits `chosen(office_id, since)` (since: None for now, or
    "dd/mm/yyyy HH:MM") once the user confirmed the office and fingerprint in a second box."""

    chosen = Signal(str, object)

    def __init__(self, offices: list[RevocableOffice], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thu hồi khóa của văn phòng"))
        self.offices = [o for o in offices if o.fingerprint]
        intro = QLabel(self.tr(
            "Khi máy của một văn phòng do văn phòng này đăng ký bị mất: mọi văn phòng sẽ từ chối thay đổi ký bằng "
            "khóa của máy đó ghi sau thời điểm thu hồi, và giữ những thay đổi ghi trước đó. Sau đó ghi tệp đăng ký "
            "lại cho máy mới."))
        intro.setWordWrap(True)
        self.office_combo = QComboBox()
        for office in self.offices:
            text = f"{office.name} — {office.fingerprint}"
            if office.revoked_since:
                text += " " + self.tr("(đã thu hồi từ %1)").replace("%1", office.revoked_since)
            self.office_combo.addItem(text, office.office_id)
        self.now_radio = QRadioButton(self.tr("&Ngay bây giờ (giữ mọi thay đổi đã nhận)"))
        self.from_radio = QRadioButton(self.tr("&Từ lúc:"))
        self.now_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.now_radio)
        group.addButton(self.from_radio)
        self.date_field = DateField(label=SINCE, key="since")
        self.time_edit = QTimeEdit(QTime(0, 0))
        self.time_edit.setDisplayFormat("HH:mm")
        moment = QWidget()
        row = QHBoxLayout(moment)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.from_radio)
        row.addWidget(self.date_field, 1)
        row.addWidget(self.time_edit)
        for widget in (self.date_field, self.time_edit):
            widget.setEnabled(False)
        self.from_radio.toggled.connect(self.date_field.setEnabled)
        self.from_radio.toggled.connect(self.time_edit.setEnabled)
        form = QFormLayout()
        form.addRow(self.tr("Văn &phòng:"), self.office_combo)
        form.addRow(self.tr("Thu hồi:"), self.now_radio)
        form.addRow("", moment)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Thu hồi…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.offices))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.confirmation: QMessageBox | None = None

    def since(self) -> str | None:
        if self.now_radio.isChecked():
            return None
        day = self.date_field.date()
        if day is None:
            return ""
        return f"{format_date(day)} {self.time_edit.time().toString('HH:mm')}"

    def accept(self) -> None:
        since = self.since()
        if since == "":
            self.error_label.setText(self.date_field.error() or self.tr("Hãy gõ ngày thu hồi, ví dụ 15/06/2026."))
            self.date_field.setFocus()
            return
        office = self.offices[self.office_combo.currentIndex()]
        moment = since or self.tr("bây giờ")
        self.confirmation = message_box(
            self, QMessageBox.Icon.Warning, self.tr("Thu hồi khóa"),
            self.tr("Thu hồi khóa của “%1”?").replace("%1", office.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        self.confirmation.setInformativeText(
            self.tr("Dấu vân tay khóa: %1\nTừ: %2\n\nMọi văn phòng sẽ từ chối thay đổi ký bằng khóa này ghi sau "
                    "thời điểm đó. Không hoàn tác được; máy mới của văn phòng cần tệp đăng ký mới.")
            .replace("%1", office.fingerprint or "").replace("%2", moment))
        self.confirmation.buttonClicked.connect(
            lambda button: self._confirmed(office.office_id, since)
            if self.confirmation is not None
            and self.confirmation.standardButton(button) == QMessageBox.StandardButton.Yes else None)
        self.confirmation.open()

    def _confirmed(self, office_id: str, since: str | None) -> None:
        if self.result() == QDialog.DialogCode.Accepted:  # both signals may come: act once
            return
        self.chosen.emit(office_id, since)
        super().accept()
