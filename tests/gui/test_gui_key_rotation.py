"""Key rotation and revocation on the Sync screen (issue #15): the same services as `ptds sync key`, with a
confirmation that names the office and its key's fingerprint."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from test_gui_sync import _modal, clocks, enrol, sync_window  # noqa: F401  (fixtures)

from ptds_desktop.gui.key_dialogs import RevokeKeyDialog
from ptds_desktop.sync import keyring, peers

WAIT = 20_000


def test_rotating_the_key_from_the_screen_shows_the_new_fingerprint(db, sync_window, qtbot):
    _window, view = sync_window(db)
    old = peers.identity(db).fingerprint
    qtbot.waitUntil(lambda: view.fingerprint_label.text() == old, timeout=WAIT)
    view.rotate_action.trigger()
    box = _modal(qtbot, QMessageBox)
    assert old in box.informativeText()
    box.button(QMessageBox.StandardButton.Yes).click()
    done = _modal(qtbot, QMessageBox)
    qtbot.waitUntil(lambda: peers.identity(db).fingerprint in done.text(), timeout=WAIT)
    new = peers.identity(db).fingerprint
    assert new != old
    done.close()
    qtbot.waitUntil(lambda: view.fingerprint_label.text() == new, timeout=WAIT)


def test_revoking_a_lost_laptops_key_names_the_office_and_fingerprint(db, enrol, sync_window, qtbot):
    commune = enrol("UBND xã Ea Tu")
    fingerprint = peers.identity(commune).fingerprint
    _window, view = sync_window(db)
    qtbot.waitUntil(lambda: view.revoke_action.isEnabled(), timeout=WAIT)
    view.revoke_action.trigger()
    dialog = _modal(qtbot, RevokeKeyDialog)
    assert "UBND xã Ea Tu" in dialog.office_combo.currentText() and fingerprint in dialog.office_combo.currentText()
    dialog.accept()
    confirm = _modal(qtbot, QMessageBox)
    assert "UBND xã Ea Tu" in confirm.text() and fingerprint in confirm.informativeText()
    confirm.button(QMessageBox.StandardButton.Yes).click()
    summary = _modal(qtbot, QMessageBox)
    qtbot.waitUntil(lambda: "UBND xã Ea Tu" in summary.text(), timeout=WAIT)
    with db.engine.connect() as conn:
        (revocation,) = keyring.held_revocations(conn)
    assert revocation.office_id == commune.office_id() and revocation.issuer_id == db.office_id()
    assert any("đăng ký" in b.text() for b in summary.buttons())


def test_declining_the_confirmation_revokes_nothing(db, enrol, sync_window, qtbot):
    enrol("UBND xã Ea Tu")
    _window, view = sync_window(db)
    qtbot.waitUntil(lambda: view.revoke_action.isEnabled(), timeout=WAIT)
    view.revoke_action.trigger()
    dialog = _modal(qtbot, RevokeKeyDialog)
    dialog.from_radio.setChecked(True)
    dialog.accept()  # no date typed: said under the field, nothing asked yet
    assert dialog.error_label.text() and dialog.confirmation is None
    dialog.now_radio.setChecked(True)
    dialog.accept()
    confirm = _modal(qtbot, QMessageBox)
    confirm.button(QMessageBox.StandardButton.No).click()
    qtbot.waitUntil(lambda: confirm.isHidden() if confirm is not None else True, timeout=WAIT)
    with db.engine.connect() as conn:
        assert keyring.held_revocations(conn) == []
