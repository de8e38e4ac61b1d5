"""Enrolment in the window: the province registers a commune from the Sync screen and writes its file; a new
installation's first run sets itself up from that file after showing who wrote it; the empty Sync screen says
what to do first and offers the buttons that do it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from ptds_desktop.config import Settings
from ptds_desktop.db.database import open_database
from ptds_desktop.gui.dialogs import EnrolmentConfirmDialog, FirstRunDialog
from ptds_desktop.gui.main_window import MainWindow
from ptds_desktop.gui.ops import DatabaseOps
from ptds_desktop.gui.sync_dialogs import RegisterOfficeDialog
from ptds_desktop.gui.sync_view import SyncView
from ptds_desktop.services import enrolment
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services.offices import init_office, this_office
from ptds_desktop.services.organizations import OrganizationInput
from ptds_desktop.sync import peers

WAIT = 20000


def _add_org(database, name: str) -> None:
    with database.unit_of_work() as session:
        orgs.create_organization(session, OrganizationInput(name))


def _org_names(database) -> list[str]:
    with database.unit_of_work() as session:
        return sorted(o.name for o in orgs.list_organizations(session))


def _sync_view(window: MainWindow, qtbot) -> SyncView:
    window.open_area([a.key for a in window.areas].index("sync"))
    view = window.current_view()
    assert isinstance(view, SyncView)
    qtbot.waitUntil(lambda: view.loaded, timeout=WAIT)
    return view


def test_the_province_registers_a_commune_and_writes_its_enrolment_file(
        db, open_main_window, qtbot, type_text, modal, tmp_path, monkeypatch):
    _add_org(db, "Sở Y tế")
    view = _sync_view(open_main_window(), qtbot)
    # Nobody to exchange with yet: the screen says what to do first, and that button works.
    assert view.peer_pages.currentWidget() is view.no_peers_page
    assert "đăng ký văn phòng cấp dưới" in view.no_peers_label.text()
    first_step = view.first_step_buttons[view.register_action]
    assert first_step.isVisible() and first_step.isEnabled()

    usb = tmp_path / "usb"
    usb.mkdir()
    target = usb / "hoa-phu.ptds-enrol"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    qtbot.mouseClick(first_step, Qt.MouseButton.LeftButton)
    dialog = modal()
    assert isinstance(dialog, RegisterOfficeDialog)
    assert dialog.parent_label.text() == "Bộ CHQS tỉnh Đắk Lắk (Tỉnh)"
    assert dialog.level_combo.currentData() == "commune"
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.file_edit.text() == str(target)

    # No name: refused under the field, nothing registered, nothing written.
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=WAIT)
    assert dialog.error_label.text() == "Tên văn phòng không được để trống."
    assert not target.exists() and dialog.isVisible()
    assert peers.list_peers(db) == []

    dialog.name_edit.setFocus()
    type_text(dialog.name_edit, "UBND xã Hòa Phú")
    type_text(dialog.place_edit, "Hòa Phú")
    assert dialog.file_edit.text() == str(target)  # chosen by hand: typing the name does not rename it
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QCoreApplication.instance().activeModalWidget(), QMessageBox), timeout=WAIT)
    box = QCoreApplication.instance().activeModalWidget()
    fingerprint = peers.identity(db).fingerprint
    assert "UBND xã Hòa Phú" in box.text()
    assert fingerprint in box.informativeText() and str(target) in box.informativeText()
    assert "1 cơ quan, đơn vị" in box.informativeText()
    # The one-time code that opens the commune's keys is shown to be read out, and is nowhere in the file.
    code = re.search(r"Mã một lần: ((?:[2-9A-Z]{4} ){3}[2-9A-Z]{4})", box.informativeText()).group(1)
    box.close()
    assert code not in target.read_text(encoding="utf-8") and code.replace(" ", "") not in target.read_text(
        encoding="utf-8")
    assert "PRIVATE KEY" not in target.read_text(encoding="utf-8")
    assert "office_private_key" in enrolment.unlock_keys(target, code)

    preview = enrolment.preview_enrolment(target)
    assert (preview.office_name, preview.level, preview.place_name) == ("UBND xã Hòa Phú", "commune", "Hòa Phú")
    assert preview.parent_fingerprint == fingerprint and preview.organizations == 1
    assert [(p.name, p.relation) for p in peers.list_peers(db)] == [("UBND xã Hòa Phú", "child")]
    qtbot.waitUntil(lambda: view.peer_pages.currentWidget() is view.peer_table, timeout=WAIT)
    assert view.peer_model.row_at(0).name == "UBND xã Hòa Phú"


def test_a_new_installation_sets_itself_up_from_the_enrolment_file(db, qtbot, modal, tmp_path, monkeypatch):
    _add_org(db, "Sở Y tế")
    _add_org(db, "Công an tỉnh")
    path = tmp_path / "hoa-phu.ptds-enrol"
    info = enrolment.make_enrolment_file(db, "UBND xã Hòa Phú", "commune", path, place_name="Hòa Phú")
    fresh = open_database(tmp_path / "commune.db")
    try:
        first_run = FirstRunDialog(fresh)
        qtbot.addWidget(first_run)
        first_run.show()
        qtbot.waitExposed(first_run)

        # A file that is not an enrolment file: said so, nothing set up.
        broken = tmp_path / "broken.ptds-enrol"
        broken.write_text("not json", encoding="utf-8")
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(broken), "")))
        qtbot.mouseClick(first_run.enrol_button, Qt.MouseButton.LeftButton)
        assert first_run.ui.errorLabel.isVisible() and "không đọc được" in first_run.ui.errorLabel.text()
        assert fresh.office_id() is None

        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
        qtbot.mouseClick(first_run.enrol_button, Qt.MouseButton.LeftButton)
        confirm = modal()
        assert isinstance(confirm, EnrolmentConfirmDialog)
        assert "Bộ CHQS tỉnh Đắk Lắk" in confirm.parent_label.text()
        assert confirm.fingerprint_label.text() == peers.identity(db).fingerprint
        assert "UBND xã Hòa Phú" in confirm.office_label.text() and "Hòa Phú" in confirm.office_label.text()
        assert confirm.catalogue_label.text() == "2 cơ quan, đơn vị"
        assert fresh.office_id() is None  # nothing applied before the user confirms
        # The keys in the file are locked by the code the province reads out: none, or a wrong one, is said
        # in the dialog, which stays open; nothing is set up.
        qtbot.mouseClick(confirm.ok_button, Qt.MouseButton.LeftButton)
        assert confirm.isVisible() and "cần mã một lần" in confirm.error_label.text()
        confirm.code_edit.setFocus()
        qtbot.keyClicks(confirm.code_edit, "ABCD EFGH JKLM NPQR")
        qtbot.mouseClick(confirm.ok_button, Qt.MouseButton.LeftButton)
        assert confirm.isVisible() and "Mã một lần không đúng" in confirm.error_label.text()
        assert fresh.office_id() is None
        confirm.code_edit.clear()
        qtbot.keyClicks(confirm.code_edit, info.code.lower().replace(" ", "-"))  # however it is typed
        qtbot.mouseClick(confirm.ok_button, Qt.MouseButton.LeftButton)

        qtbot.waitUntil(lambda: first_run.result() == QDialog.DialogCode.Accepted, timeout=WAIT)
        assert fresh.office_id() == info.office_id
        assert first_run.office is not None and first_run.office.name == "UBND xã Hòa Phú"
        assert first_run.office.parent_id == db.office_id()
        assert _org_names(fresh) == ["Công an tỉnh", "Sở Y tế"]
        assert [(p.name, p.relation) for p in peers.list_peers(fresh)] == [("Bộ CHQS tỉnh Đắk Lắk", "parent")]
    finally:
        fresh.close()


@pytest.fixture
def commune_window(qtbot, tmp_path):
    database = open_database(tmp_path / "commune.db")
    init_office(database, "UBND xã Ea Tu", "commune")
    ops = DatabaseOps(database)
    window = MainWindow(database, ops, this_office(database), Settings.load())
    qtbot.addWidget(window)
    window.show()
    yield window
    ops.shutdown()
    QCoreApplication.processEvents()
    database.close()


def test_a_commune_on_its_own_is_told_to_import_its_provinces_bundle(commune_window, qtbot):
    view = _sync_view(commune_window, qtbot)
    assert view.peer_pages.currentWidget() is view.no_peers_page
    assert "nhập gói đồng bộ do cấp trên gửi" in view.no_peers_label.text()
    assert not view.register_action.isEnabled()
    assert not view.first_step_buttons[view.register_action].isVisible()
    for action in (view.import_action, view.usb_action):
        button = view.first_step_buttons[action]
        assert button.isVisible() and button.isEnabled()
