"""What the member and decision forms share about the decision they record: a date in the future or before the
board's founding is confirmed before saving; "Cấp ban hành" starts with the issuer entered last."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QMessageBox, QWidget

from ptds_desktop.config import Settings
from ptds_desktop.gui.ops import WriteFn
from ptds_desktop.gui.service_dialog import ServiceDialog
from ptds_desktop.gui.widgets import message_box
from ptds_desktop.services.decision_dates import decision_date_concerns


def save_after_asking(dialog: ServiceDialog, date_field: QWidget, board_id: str, issued_on: dt.date,
                      editing_id: str | None, save: WriteFn) -> None:
    """Submit `save` at once when the date raises no question; otherwise only after the user says yes
    (no: back to the date field, nothing written)."""

    def checked(concerns: list[str]) -> None:
        if not concerns:
            dialog.submit(save)
            return
        question = QCoreApplication.translate("DecisionDate", "Vẫn lưu với ngày ký này?")
        box = message_box(dialog, QMessageBox.Icon.Question, QCoreApplication.translate("DecisionDate", "Ngày ký"),
                          "\n".join([*concerns, "", question]),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)

        def answered(button: QAbstractButton) -> None:
            if button is yes:
                dialog.submit(save)
            else:
                date_field.setFocus()

        box.buttonClicked.connect(answered)
        box.open()

    dialog.ops.read(lambda session: decision_date_concerns(session, board_id, issued_on, editing_id), checked)


def remember_issuer(settings: Settings, issued_by: QLineEdit, dialog: ServiceDialog) -> None:
    """An office's decisions mostly come from one issuer (Chủ tịch UBND tỉnh): offer the last one entered, and
    remember what this dialog saves."""
    if not issued_by.text():
        issued_by.setText(settings.last_issued_by)

    def saved(result: object) -> None:
        decision = getattr(result, "decision", result)  # DecisionResult, or DecisionData when correcting
        issuer = getattr(decision, "issued_by", None)
        if issuer and issuer != settings.last_issued_by:
            settings.last_issued_by = issuer
            settings.save()

    dialog.saved.connect(saved)
