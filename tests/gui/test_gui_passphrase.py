"""The passphrase asked at start for an encrypted database: a wrong one is said in the dialog, the right one
opens the database; the dialog fits 1024×600 in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from test_gui_small_screens import check_dialog

from ptds_desktop.db.cipher import remember_passphrase
from ptds_desktop.db.database import needs_passphrase, open_database
from ptds_desktop.gui.app import install_translation
from ptds_desktop.gui.passphrase_dialog import PassphraseDialog
from ptds_desktop.services.offices import init_office

PASSPHRASE = "Mật khẩu Hòa Phú"


@pytest.fixture
def encrypted_path(tmp_path):
    path = tmp_path / "ptds.db"
    db = open_database(path, passphrase=PASSPHRASE)
    init_office(db, "UBND xã Hòa Phú", "commune")
    db.close()
    remember_passphrase(path, None)  # as the app finds it at start
    return path


@pytest.mark.parametrize("language", ["vi", "en"])
def test_wrong_then_right_passphrase_opens_the_database(qtbot, qapp, type_text, encrypted_path, language):
    assert needs_passphrase(encrypted_path)
    install_translation(qapp, language)
    try:
        dialog = PassphraseDialog(encrypted_path)
        qtbot.addWidget(dialog)
        dialog.show()
        problems: list[str] = []
        check_dialog(dialog, "PassphraseDialog", language, problems)
        assert problems == []
        open_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)

        type_text(dialog.passphrase_edit, "Mật khẩu Hòa Phu")
        open_button.click()
        qtbot.waitUntil(dialog.error_label.isVisible, timeout=15000)
        expected = "Mật khẩu không đúng" if language == "vi" else "Wrong passphrase"
        assert expected in dialog.error_label.text() and dialog.db is None and dialog.isVisible()
        check_dialog(dialog, "PassphraseDialog with its error", language, problems)
        assert problems == []

        dialog.passphrase_edit.clear()
        type_text(dialog.passphrase_edit, PASSPHRASE)
        open_button.click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15000)
        assert dialog.db is not None and dialog.db.office_id() is not None
        dialog.db.close()
    finally:
        install_translation(qapp, "vi")
        QApplication.processEvents()
