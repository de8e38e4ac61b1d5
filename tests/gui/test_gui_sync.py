"""The Sync screen driven as a user would: export a bundle, import it through the preview, confirm an
unknown sender, review and restore a conflict, one-action USB sync, cancel, broken bundles."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from ptds_desktop.config import Settings
from ptds_desktop.db.clock import FakeClock, use_clock
from ptds_desktop.db.database import open_database
from ptds_desktop.gui.key_dialogs import RevokeKeyDialog
from ptds_desktop.gui.main_window import MainWindow
from ptds_desktop.gui.ops import DatabaseOps
from ptds_desktop.gui.sync_dialogs import ExportDialog, ImportPreviewDialog, preview_notes
from ptds_desktop.gui.sync_view import SyncView
from ptds_desktop.models import Organization
from ptds_desktop.services import enrolment
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services.offices import this_office
from ptds_desktop.services.organizations import OrganizationInput
from ptds_desktop.sync import conflicts, exchange, keyring, peers, usb
from ptds_desktop.sync import status as sync_status
from ptds_desktop.sync.errors import BundleError, SyncCancelled


@pytest.fixture
def clocks(db):
    """The province (`db`) on a fake clock; commune clocks are added by `enrol`. They start a little after
    the real time the `db` fixture's office was stamped with, so no clock looks behind."""
    start = int(time.time() * 1000) + 120_000
    clocks = {"start": start, "province": FakeClock(start)}
    use_clock(db, clocks["province"])
    return clocks


@pytest.fixture
def enrol(db, tmp_path, clocks):
    """enrol(name, swap_keys=True): a commune enrolled under the province (`db`); with `swap_keys`, one
    bundle each way so each knows the other's key, as after the first USB visit. With `certified=False` the
    province keeps no key for it (an office enrolled by a 0.1 province, or by a stranger)."""
    opened = []

    def make(name: str, swap_keys: bool = True, certified: bool = True):
        folder = tmp_path / name.replace(" ", "_")
        folder.mkdir()
        info = enrolment.make_enrolment_file(db, name, "commune", folder / "office.enrol")
        commune = open_database(folder / "office.db")
        opened.append(commune)
        clock = FakeClock(clocks["start"])
        use_clock(commune, clock)
        clocks[name] = clock
        enrolment.enrol(commune, folder / "office.enrol", info.code)
        if not certified:
            for office in (db, commune):
                with office.engine.begin() as conn:
                    for table in ("sync_keys", "sync_key_certificates"):
                        conn.exec_driver_sql(f"DELETE FROM {table} WHERE office_id=?", (commune.office_id(),))
        if swap_keys:
            (up,) = exchange.export_bundles(commune, db.office_id(), folder / "mail")
            exchange.import_bundle(db, up.path, trust=peers.identity(commune).fingerprint)
            (down,) = exchange.export_bundles(db, commune.office_id(), folder / "mail")
            exchange.import_bundle(commune, down.path)
        return commune

    yield make
    for commune in opened:
        commune.close()


@pytest.fixture
def sync_window(qtbot):
    """sync_window(database) -> the main window over that office's database, showing the Sync screen."""
    workers = []

    def open_(database) -> tuple[MainWindow, SyncView]:
        ops = DatabaseOps(database)
        workers.append(ops)
        window = MainWindow(database, ops, this_office(database), Settings.load())
        qtbot.addWidget(window)
        window.show()
        window.open_area([a.key for a in window.areas].index("sync"))
        view = window.current_view()
        assert isinstance(view, SyncView)
        qtbot.waitUntil(lambda: view.loaded)
        return window, view

    yield open_
    for ops in workers:
        ops.shutdown()
    QCoreApplication.processEvents()


def _modal(qtbot, kind):
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=10000)
    return QApplication.activeModalWidget()


def _close(qtbot, widget) -> None:
    widget.close()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not widget)


def _add_org(database, name, **kw):
    with database.unit_of_work() as session:
        return orgs.create_organization(session, OrganizationInput(name, **kw))


def _org_names(database):
    with database.unit_of_work() as session:
        return [o.name for o in orgs.list_organizations(session)]


def _edit(database, org_id, **values):
    with database.unit_of_work() as session:
        org = session.get(Organization, org_id)
        for key, value in values.items():
            setattr(org, key, value)


def _dump(database) -> dict:
    conn = sqlite3.connect(database.path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("organizations", "offices", "sync_peers", "sync_receipts", "sync_conflicts")}
    finally:
        conn.close()


def _export_through_dialog(qtbot, view, recipient_id, folder: Path, monkeypatch) -> QMessageBox:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))
    view.export_action.trigger()
    dialog = _modal(qtbot, ExportDialog)
    dialog.ui.browseButton.click()
    assert dialog.ui.folderEdit.text() == str(folder)
    combo = dialog.ui.recipientCombo
    combo.setCurrentIndex(combo.findData(recipient_id))
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    return _modal(qtbot, QMessageBox)


def _choose_files(monkeypatch, *paths) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(p) for p in paths], "")))


def test_screen_shows_this_office_and_its_peers(db, enrol, sync_window):
    commune = enrol("UBND xã Hòa Phú")
    _add_org(db, "Sở Y tế")
    _window, view = sync_window(db)
    me = peers.identity(db)
    assert view.fingerprint_label.text() == me.fingerprint
    assert view.id_label.text() == me.office_id
    assert view.name_label.text() == "Bộ CHQS tỉnh Đắk Lắk (Tỉnh)"
    assert view.peer_model.rowCount() == 1
    peer = view.peer_model.row_at(0)
    assert peer.office_id == commune.office_id()
    cells = [view.peer_model.index(0, c).data() for c in range(view.peer_model.columnCount())]
    assert cells[:3] == ["UBND xã Hòa Phú", "Cấp dưới", peers.identity(commune).fingerprint]
    assert cells[3] != "chưa" and cells[4] != "chưa"  # one exchange each way already
    assert int(cells[5]) > 0  # the new organization waits for the commune
    assert not view.clock_banner.isVisible()


def test_export_then_import_through_the_preview(db, enrol, sync_window, qtbot, tmp_path, monkeypatch):
    commune = enrol("UBND xã Hòa Phú")
    _add_org(db, "Sở Y tế tỉnh Đắk Lắk", short_name="SYT")
    out = tmp_path / "usb"
    out.mkdir()

    _province_window, province_view = sync_window(db)
    box = _export_through_dialog(qtbot, province_view, commune.office_id(), out, monkeypatch)
    assert box.text() == "Đã xuất 1 gói."
    (bundle,) = out.glob("*.ptds.zip")
    assert bundle.name in box.informativeText() and "UBND xã Hòa Phú" in box.informativeText()
    _close(qtbot, box)
    assert Settings.load().last_export_folder == str(out)

    commune_window, commune_view = sync_window(commune)
    _choose_files(monkeypatch, bundle)
    commune_view.import_action.trigger()
    preview = _modal(qtbot, ImportPreviewDialog)
    assert preview.ui.senderLabel.text() == "Gói từ “Bộ CHQS tỉnh Đắk Lắk”"
    assert not preview.ui.trustFrame.isVisible()
    areas = {preview.model.row_at(r).area: preview.model.row_at(r) for r in range(preview.model.rowCount())}
    assert areas["Cơ quan, đơn vị"].inserts == 1
    assert "Sở Y tế tỉnh Đắk Lắk" not in _org_names(commune)  # a preview changes nothing

    preview.apply_button.click()
    summary = _modal(qtbot, QMessageBox)
    assert summary.text().startswith(f"Đã nhập gói {bundle.name} từ “Bộ CHQS tỉnh Đắk Lắk”")
    assert "Cơ quan, đơn vị: 1 thêm mới" in summary.informativeText()
    assert _org_names(commune) == ["Sở Y tế tỉnh Đắk Lắk"]
    _close(qtbot, summary)
    qtbot.waitUntil(lambda: commune_view.peer_model.row_at(0).last_received_at is not None)

    # The same bundle again: said plainly, nothing to apply.
    commune_view.import_action.trigger()
    again = _modal(qtbot, ImportPreviewDialog)
    assert "đã được nhập trước đây" in again.ui.statusLabel.text()
    assert not again.apply_button.isVisible()
    assert again.cancel_button.text() == "Đóng"
    _close(qtbot, again)


def test_unknown_sender_is_confirmed_by_fingerprint(db, enrol, sync_window, qtbot, tmp_path, monkeypatch):
    newcomer = enrol("UBND xã Ea Tu", swap_keys=False, certified=False)  # its key has never reached the province
    _add_org(newcomer, "Công an xã Ea Tu")
    (bundle,) = exchange.export_bundles(newcomer, db.office_id(), tmp_path / "mail")
    _window, view = sync_window(db)
    _choose_files(monkeypatch, bundle.path)
    view.import_action.trigger()
    dialog = _modal(qtbot, ImportPreviewDialog)
    fingerprint = peers.identity(newcomer).fingerprint
    assert dialog.ui.trustFrame.isVisible()
    assert dialog.ui.fingerprintLabel.text() == fingerprint
    assert "UBND xã Ea Tu" in dialog.ui.trustLabel.text()
    assert not dialog.apply_button.isEnabled()

    dialog.ui.trustButton.click()
    qtbot.waitUntil(lambda: dialog.apply_button.isEnabled())
    assert not dialog.ui.trustFrame.isVisible()
    assert fingerprint in dialog.ui.statusLabel.text()
    dialog.apply_button.click()
    _close(qtbot, _modal(qtbot, QMessageBox))
    assert "Công an xã Ea Tu" in _org_names(db)
    qtbot.waitUntil(lambda: any(p.name == "UBND xã Ea Tu" and p.fingerprint == fingerprint
                                for p in view.peer_model.all_rows()))


def test_concurrent_edit_shows_as_conflict_and_restore_brings_the_other_value_back(
        db, enrol, clocks, sync_window, qtbot, tmp_path):
    commune = enrol("UBND xã Hòa Phú")
    org = _add_org(commune, "Công an xã Hòa Phú")
    (up,) = exchange.export_bundles(commune, db.office_id(), tmp_path / "mail")
    exchange.import_bundle(db, up.path)
    clocks["UBND xã Hòa Phú"].advance(1000)
    _edit(commune, org.id, phone="0262 111 111")  # typed at the commune...
    clocks["province"].advance(2000)
    _edit(db, org.id, phone="0262 999 999")  # ...and, later, at the province, neither seeing the other
    (down,) = exchange.export_bundles(db, commune.office_id(), tmp_path / "mail")
    exchange.import_bundle(commune, down.path)

    _window, view = sync_window(commune)
    assert view.tabs.tabText(1) == "Xung đột (1)"
    view.tabs.setCurrentIndex(1)
    cells = [view.conflict_model.index(0, c).data() for c in range(view.conflict_model.columnCount())]
    assert cells[:6] == ["Cơ quan, đơn vị", "Công an xã Hòa Phú", "Điện thoại", "0262 999 999", "0262 111 111",
                         "UBND xã Hòa Phú"]
    assert view.restore_button.isEnabled()  # the first conflict is selected: one click
    view.restore_button.click()
    qtbot.waitUntil(lambda: view.conflict_model.rowCount() == 0)
    assert view.tabs.tabText(1) == "Xung đột"
    assert view.window().message_label.text() == "Đã khôi phục 1 giá trị."
    with commune.unit_of_work() as session:
        assert session.get(Organization, org.id).phone == "0262 111 111"
    assert conflicts.list_conflicts(commune) == []


def test_dismiss_keeps_the_current_value(db, enrol, clocks, sync_window, qtbot, tmp_path):
    commune = enrol("UBND xã Hòa Phú")
    org = _add_org(commune, "Công an xã Hòa Phú")
    (up,) = exchange.export_bundles(commune, db.office_id(), tmp_path / "mail")
    exchange.import_bundle(db, up.path)
    _edit(commune, org.id, notes="xã")
    clocks["province"].advance(2000)
    _edit(db, org.id, notes="tỉnh")
    (down,) = exchange.export_bundles(db, commune.office_id(), tmp_path / "mail")
    exchange.import_bundle(commune, down.path)
    _window, view = sync_window(commune)
    view.conflict_table.selectRow(0)
    view.dismiss_button.click()
    qtbot.waitUntil(lambda: view.conflict_model.rowCount() == 0)
    with commune.unit_of_work() as session:
        assert session.get(Organization, org.id).notes == "tỉnh"


def test_usb_sync_between_two_offices_on_one_folder(db, enrol, clocks, sync_window, qtbot, tmp_path, monkeypatch):
    commune = enrol("UBND xã Hòa Phú")
    stick = tmp_path / "USB"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(stick)))
    _add_org(commune, "Ban Chỉ huy Quân sự xã Hòa Phú")
    _add_org(db, "Sở Tư pháp tỉnh Đắk Lắk")

    _commune_window, commune_view = sync_window(commune)
    commune_view.usb_action.trigger()
    box = _modal(qtbot, QMessageBox)
    assert box.text() == f"Đồng bộ qua USB xong: nhập 0 gói, ghi 1 gói vào {stick}."
    _close(qtbot, box)
    assert Settings.load().last_usb_folder == str(stick)

    _province_window, province_view = sync_window(db)
    province_view.usb_action.trigger()
    box = _modal(qtbot, QMessageBox)
    assert box.text() == f"Đồng bộ qua USB xong: nhập 1 gói, ghi 1 gói vào {stick}."
    assert box.icon() == QMessageBox.Icon.Information
    _close(qtbot, box)
    assert "Ban Chỉ huy Quân sự xã Hòa Phú" in _org_names(db)

    commune_view.usb_action.trigger()
    box = _modal(qtbot, QMessageBox)
    assert box.text().startswith("Đồng bộ qua USB xong: nhập 1 gói")
    _close(qtbot, box)
    assert "Sở Tư pháp tỉnh Đắk Lắk" in _org_names(commune)


def test_cancel_during_export_writes_nothing_and_changes_nothing(db, enrol, sync_window, qtbot, tmp_path,
                                                                  monkeypatch):
    commune = enrol("UBND xã Hòa Phú")
    for i in range(50):
        _add_org(db, f"Cơ quan {i}")
    out = tmp_path / "out"
    out.mkdir()
    # Hold the export at its first step until the user has pressed Cancel, as a long export would be.
    real_write = exchange.write_bundle
    started = threading.Event()

    def slow_write(target, manifest, segments, attachments, private_key, progress=None, cancel=None, **sealed):
        started.set()
        if progress:
            progress(0, len(segments) + 1, "")
        deadline = time.monotonic() + 10
        while not cancel() and time.monotonic() < deadline:
            time.sleep(0.01)
        return real_write(target, manifest, segments, attachments, private_key, progress, cancel, **sealed)

    monkeypatch.setattr(exchange, "write_bundle", slow_write)
    _window, view = sync_window(db)
    before = _dump(db)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(out)))
    view.export_action.trigger()
    dialog = _modal(qtbot, ExportDialog)
    dialog.ui.browseButton.click()
    dialog.ui.recipientCombo.setCurrentIndex(dialog.ui.recipientCombo.findData(commune.office_id()))
    dialog.ui.fullCheck.setChecked(True)
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(started.is_set)
    qtbot.waitUntil(lambda: view.progress.isVisible(), timeout=5000)
    assert not view.export_action.isEnabled()  # one long task at a time
    view.progress.cancel_button.click()
    qtbot.waitUntil(lambda: view.window().message_label.text() == "Đã hủy xuất gói; không có tệp nào được ghi.")
    assert list(out.iterdir()) == []
    assert _dump(db) == before
    assert view.export_action.isEnabled()
    assert QApplication.activeModalWidget() is None


def test_broken_bundle_shows_the_engine_message(db, enrol, sync_window, qtbot, tmp_path, monkeypatch):
    enrol("UBND xã Hòa Phú")
    broken = tmp_path / "PTDS_hong.ptds.zip"
    broken.write_bytes(b"PK\x03\x04 this is not a whole zip file")
    with pytest.raises(BundleError) as expected:
        exchange.preview_bundle(db, broken)
    _window, view = sync_window(db)
    before = _dump(db)
    _choose_files(monkeypatch, broken)
    view.import_action.trigger()
    box = _modal(qtbot, QMessageBox)
    assert box.text() == str(expected.value)
    assert box.text().startswith("Gói PTDS_hong.ptds.zip bị hỏng")
    assert box.informativeText() == "" and box.detailedText() == ""
    _close(qtbot, box)
    assert _dump(db) == before


def test_bundle_for_another_office_is_refused_with_the_engine_message(db, enrol, sync_window, qtbot, tmp_path,
                                                                       monkeypatch):
    commune = enrol("UBND xã Hòa Phú")
    (bundle,) = exchange.export_bundles(db, commune.office_id(), tmp_path / "mail")
    with pytest.raises(BundleError) as expected:
        exchange.preview_bundle(db, bundle.path)
    _window, view = sync_window(db)
    _choose_files(monkeypatch, bundle.path)
    view.import_action.trigger()
    box = _modal(qtbot, QMessageBox)
    assert box.text() == str(expected.value)
    assert "gửi cho văn phòng khác" in box.text()
    _close(qtbot, box)


def test_clock_behind_the_newest_stamp_shows_a_warning(db, enrol, clocks, sync_window, qtbot):
    commune = enrol("UBND xã Hòa Phú")
    clocks["UBND xã Hòa Phú"].set(clocks["start"] - 10 * 24 * 3600 * 1000)  # someone set the laptop back ten days
    window, view = sync_window(commune)
    assert view.clock_banner.isVisible()
    assert view.clock_banner.text() == "⚠ " + sync_status.check_clock(commune).message
    # The app says it at start too, whatever screen opens first.
    qtbot.waitUntil(lambda: window.clock_warning is not None and window.clock_warning.isVisible())
    assert window.clock_warning.text() == sync_status.check_clock(commune).message
    _close(qtbot, window.clock_warning)


def test_a_right_clock_gives_no_warning_at_start(db, enrol, sync_window, qtbot):
    window, view = sync_window(db)
    qtbot.waitUntil(lambda: window.ops.pending == 0)  # the start-up clock check has answered
    assert QApplication.activeModalWidget() is None  # no message box over the window
    assert not view.clock_banner.isVisible()
    assert view.name_label.text().startswith(peers.identity(db).name)  # the screen shows this office as usual


def test_english_interface(english, db, enrol, sync_window):
    enrol("UBND xã Hòa Phú")
    window, view = sync_window(db)
    assert window.nav.item([a.key for a in window.areas].index("sync")).text() == "Sync"
    assert view.usb_action.text() == "Sync via &USB…"
    headers = [view.peer_model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.peer_model.columnCount())]
    assert headers == ["Office", "Relation", "Key fingerprint", "Last received", "Last sent", "Changes they lack",
                       "Waiting since"]
    assert view.peer_model.index(0, 1).data() == "Subordinate"


def test_preview_names_the_office_whose_clock_runs_ahead(db, enrol, clocks, sync_window, qtbot, tmp_path,
                                                         monkeypatch):
    commune = enrol("UBND xã Hòa Phú")
    clocks["UBND xã Hòa Phú"].advance(3 * 24 * 3600 * 1000)  # the commune laptop is three days ahead
    _add_org(commune, "Công an xã Hòa Phú")
    (bundle,) = exchange.export_bundles(commune, db.office_id(), tmp_path / "mail")
    _window, view = sync_window(db)
    _choose_files(monkeypatch, bundle.path)
    view.import_action.trigger()
    preview = _modal(qtbot, ImportPreviewDialog)
    assert preview.ui.notesLabel.isVisible()
    assert "Đồng hồ của “UBND xã Hòa Phú” chạy nhanh" in preview.ui.notesLabel.text()
    _close(qtbot, preview)


def test_preview_lists_rejections_and_changes_waiting_for_their_record(ops, qtbot, tmp_path):
    report = exchange.ImportReport(
        str(tmp_path / "b.ptds.zip"), "x", "UBND xã Ea Tu", "preview", "Xem trước gói b.ptds.zip: 3 thay đổi mới.", 3,
        (exchange.AreaCounts("Cơ quan, đơn vị", 0, 0, 0, 0, 1),),
        (exchange.Rejection("x", "UBND xã Ea Tu", "Cơ quan, đơn vị", "organizations", "r1", "name",
                           "không có quyền", "Sở Y tế"),),
        2, ("UBND xã Krông: 4 thay đổi (chưa biết khóa)",), (), None)
    dialog = ImportPreviewDialog(ops, report.path, report)
    qtbot.addWidget(dialog)
    notes = dialog.ui.notesLabel.text()
    assert "Số thay đổi chờ bản ghi chưa tới (gói trước còn thiếu): 2" in notes
    assert "Số thay đổi bị từ chối vì văn phòng gốc không có quyền sửa bản ghi đó: 1" in notes
    assert "UBND xã Ea Tu — Cơ quan, đơn vị “Sở Y tế”: name (không có quyền)" in notes
    assert "UBND xã Krông: 4 thay đổi (chưa biết khóa)" in notes
    assert dialog.apply_button.isEnabled()


def test_run_task_reports_progress_on_the_ui_thread_and_stops_when_cancelled(ops, qtbot):
    ui_thread = threading.current_thread()
    seen, results, errors = [], [], []
    release = threading.Event()

    def task(db, progress, is_cancelled):
        for step in range(1, 1000):
            progress(step, 1000, f"step {step}")
            if step == 3:
                release.wait(5)
            if is_cancelled():
                raise SyncCancelled("Đã hủy.")
        return "finished", ()

    def on_progress(done, total, label):
        assert threading.current_thread() is ui_thread
        seen.append((done, total, label))

    handle = ops.run_task(task, on_progress, results.append, errors.append)
    qtbot.waitUntil(lambda: len(seen) >= 3)
    assert seen[:3] == [(1, 1000, "step 1"), (2, 1000, "step 2"), (3, 1000, "step 3")]
    handle.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], SyncCancelled) and results == []
    assert ops.pending == 0


def test_edit_lost_to_a_delete_is_shown_and_restore_undeletes(db, enrol, clocks, sync_window, qtbot, tmp_path):
    commune = enrol("UBND xã Hòa Phú")
    org = _add_org(commune, "Đội dân quân xã Hòa Phú")
    (up,) = exchange.export_bundles(commune, db.office_id(), tmp_path / "mail")
    exchange.import_bundle(db, up.path)
    clocks["province"].advance(1000)
    _edit(db, org.id, deleted=True)  # the province deletes it...
    clocks["UBND xã Hòa Phú"].advance(2000)
    _edit(commune, org.id, phone="0262 123 456")  # ...while the commune, not knowing, adds its phone
    (up,) = exchange.export_bundles(commune, db.office_id(), tmp_path / "mail")
    exchange.import_bundle(db, up.path)
    conflict_list = conflicts.list_conflicts(db)
    assert [c.kind for c in conflict_list] == ["delete"]

    _window, view = sync_window(db)
    cells = [view.conflict_model.index(0, c).data() for c in range(view.conflict_model.columnCount())]
    assert cells[1] == "Đội dân quân xã Hòa Phú"
    assert cells[3] == "(bản ghi đã bị xóa)"
    view.conflict_table.selectRow(0)
    view.restore_button.click()
    qtbot.waitUntil(lambda: view.conflict_model.rowCount() == 0)
    assert "Đội dân quân xã Hòa Phú" in _org_names(db)


def test_first_usb_visit_confirms_the_new_office_by_fingerprint(db, enrol, sync_window, qtbot, tmp_path, monkeypatch):
    commune = enrol("UBND xã Hòa Phú", swap_keys=False, certified=False)  # enrolled, nothing exchanged yet
    _add_org(commune, "Ban Chỉ huy Quân sự xã Hòa Phú")
    stick = tmp_path / "USB"
    stick.mkdir()
    (bundle,) = usb.usb_sync(commune, stick).exported
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(stick)))

    _window, view = sync_window(db)
    view.usb_action.trigger()
    box = _modal(qtbot, QMessageBox)
    assert box.icon() == QMessageBox.Icon.Warning
    assert peers.identity(commune).fingerprint in box.informativeText()
    offered = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda _parent, _title, start, _filter: offered.append(start) or ([bundle.path],
                            "")))
    view.errors_button.click()
    preview = _modal(qtbot, ImportPreviewDialog)
    assert offered == [str(stick)]
    assert preview.ui.fingerprintLabel.text() == peers.identity(commune).fingerprint
    preview.ui.trustButton.click()
    qtbot.waitUntil(preview.apply_button.isEnabled)
    preview.apply_button.click()
    _close(qtbot, _modal(qtbot, QMessageBox))
    assert "Ban Chỉ huy Quân sự xã Hòa Phú" in _org_names(db)


def test_rejected_changes_are_listed_with_the_senders_name(db, enrol, sync_window, qtbot, tmp_path, monkeypatch):
    from ptds_desktop.db import capture

    commune = enrol("UBND xã Ea Tu")
    org = _add_org(db, "Sở Y tế").id
    (down,) = exchange.export_bundles(db, commune.office_id(), tmp_path / "mail")
    exchange.import_bundle(commune, down.path)
    with monkeypatch.context() as modified_app:  # a commune app without its own authority check
        modified_app.setattr(capture, "may_change", lambda *_args: True)
        _edit(commune, org, name="Sở Y tế (xã sửa)")
    (up,) = exchange.export_bundles(commune, db.office_id(), tmp_path / "mail")
    exchange.import_bundle(db, up.path)
    _window, view = sync_window(db)
    qtbot.waitUntil(lambda: view.rejected_model.rowCount() == 1, timeout=15000)
    row = view.rejected_model.row_at(0)
    assert (row.origin_name, row.record) == ("UBND xã Ea Tu", "Sở Y tế")
    assert view.tabs.tabText(2).endswith("(1)")


def test_a_key_conflict_is_shown_loudly_and_settled_on_the_screen(db, enrol, sync_window, qtbot, tmp_path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from ptds_desktop.sync import certificates, keys

    commune = enrol("UBND xã Ea Tu")
    other = enrol("UBND xã Hòa Phú")
    fake = keys.public_key_of(Ed25519PrivateKey.generate())
    forged = certificates.issue(keys.load_private_key(db.path, db.office_id()), db.office_id(), commune.office_id(),
                                fake)
    with other.engine.begin() as conn:  # what a dishonest relay's bundle would have left behind
        certificates.store(conn, [forged])
    _window, view = sync_window(other)
    qtbot.waitUntil(lambda: view.key_box.isVisible(), timeout=15000)
    genuine = peers.identity(commune).fingerprint
    assert "UBND xã Ea Tu" in view.key_banner.text() and keys.fingerprint(fake) in view.key_banner.text()
    view.confirm_key(commune.office_id(), genuine)
    qtbot.waitUntil(lambda: not view.key_box.isVisible(), timeout=15000)
    assert certificates.key_conflicts(other) == []


def test_sync_folder_is_set_on_the_screen_and_run_on_demand(db, enrol, sync_window, qtbot, tmp_path, monkeypatch):
    commune = enrol("UBND xã Hòa Phú")
    share = tmp_path / "Thư mục chung"
    share.mkdir()
    _add_org(db, "Sở Tư pháp tỉnh Đắk Lắk")
    province_window, province_view = sync_window(db)
    assert not province_view.folder_now_action.isEnabled()  # no folder yet
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(share)))
    province_view.choose_folder_button.click()
    assert Settings.load().sync_folder == str(share)
    assert province_view.folder_label.text() == str(share)
    assert province_window.folder_sync.timer.isActive()  # the schedule runs while the app is open
    assert province_view.folder_now_action.isEnabled()

    province_view.folder_now_button.click()
    qtbot.waitUntil(lambda: not province_window.folder_sync.running, timeout=30000)
    assert province_window.message_label.text() == (
        "Đồng bộ thư mục Thư mục chung: nhập 0 gói, gửi thay đổi cho 1 văn phòng.")
    assert [p.name for p in share.iterdir() if p.name.endswith(exchange.BUNDLE_SUFFIX)]

    # The commune's app, set to the same folder, takes the bundle and answers on its next run.
    commune_window, commune_view = sync_window(commune)
    assert commune_view.folder_label.text() == str(share)  # the same settings file in this test
    assert commune_view.sync_folder_now()
    assert not commune_view.sync_folder_now()  # one run at a time
    qtbot.waitUntil(lambda: not commune_window.folder_sync.running, timeout=30000)
    assert "nhập 1 gói" in commune_window.message_label.text()
    assert "Sở Tư pháp tỉnh Đắk Lắk" in _org_names(commune)
    qtbot.waitUntil(lambda: not commune_view._stale, timeout=15000)


def test_a_peer_silent_too_long_is_flagged_on_the_screen(db, enrol, clocks, sync_window, qtbot):
    enrol("UBND xã Hòa Phú")
    _add_org(db, "Sở Y tế")
    clocks["province"].advance(20 * 24 * 3600 * 1000)
    _window, view = sync_window(db)
    assert view.peer_banner.isVisible()
    text = view.peer_banner.text()
    assert "“UBND xã Hòa Phú” không gửi gói về đã 20 ngày" in text and "Họ còn thiếu" in text
    waiting = view.peer_model.index(0, view.peer_model.columnCount() - 1).data()
    assert waiting not in ("—", "chưa")


def test_a_database_opened_from_a_copy_says_so_on_the_screen(db, sync_window, qtbot, tmp_path):
    laptop = tmp_path / "second-laptop"
    laptop.mkdir()
    for item in db.path.parent.iterdir():  # the whole data folder, key and everything beside it
        if item.name.startswith(db.path.name):
            (shutil.copytree if item.is_dir() else shutil.copy)(item, laptop / item.name)
    copy = open_database(laptop / db.path.name)
    try:
        _window, view = sync_window(copy)
        qtbot.waitUntil(lambda: view.clock_banner.isVisible(), timeout=15000)
        assert "cơ sở dữ liệu này là bản sao" in view.clock_banner.text()
    finally:
        copy.close()


# ---------------------------------------------------------------- keys over the years (issue #15)


KEY_WAIT = 20_000  # key rotation and revocation (issue #15)


def test_rotating_the_key_from_the_screen_shows_the_new_fingerprint(db, sync_window, qtbot):
    _window, view = sync_window(db)
    old = peers.identity(db).fingerprint
    qtbot.waitUntil(lambda: view.fingerprint_label.text() == old, timeout=KEY_WAIT)
    view.rotate_action.trigger()
    box = _modal(qtbot, QMessageBox)
    assert old in box.informativeText()
    box.button(QMessageBox.StandardButton.Yes).click()
    done = _modal(qtbot, QMessageBox)
    qtbot.waitUntil(lambda: peers.identity(db).fingerprint in done.text(), timeout=KEY_WAIT)
    new = peers.identity(db).fingerprint
    assert new != old
    done.close()
    qtbot.waitUntil(lambda: view.fingerprint_label.text() == new, timeout=KEY_WAIT)


def test_revoking_a_lost_laptops_key_names_the_office_and_fingerprint(db, enrol, sync_window, qtbot):
    commune = enrol("UBND xã Ea Tu")
    fingerprint = peers.identity(commune).fingerprint
    _window, view = sync_window(db)
    qtbot.waitUntil(lambda: view.revoke_action.isEnabled(), timeout=KEY_WAIT)
    view.revoke_action.trigger()
    dialog = _modal(qtbot, RevokeKeyDialog)
    assert "UBND xã Ea Tu" in dialog.office_combo.currentText() and fingerprint in dialog.office_combo.currentText()
    dialog.accept()
    confirm = _modal(qtbot, QMessageBox)
    assert "UBND xã Ea Tu" in confirm.text() and fingerprint in confirm.informativeText()
    confirm.button(QMessageBox.StandardButton.Yes).click()
    summary = _modal(qtbot, QMessageBox)
    qtbot.waitUntil(lambda: "UBND xã Ea Tu" in summary.text(), timeout=KEY_WAIT)
    with db.engine.connect() as conn:
        (revocation,) = keyring.held_revocations(conn)
    assert revocation.office_id == commune.office_id() and revocation.issuer_id == db.office_id()
    assert any("đăng ký" in b.text() for b in summary.buttons())


def test_declining_the_confirmation_revokes_nothing(db, enrol, sync_window, qtbot):
    enrol("UBND xã Ea Tu")
    _window, view = sync_window(db)
    qtbot.waitUntil(lambda: view.revoke_action.isEnabled(), timeout=KEY_WAIT)
    view.revoke_action.trigger()
    dialog = _modal(qtbot, RevokeKeyDialog)
    dialog.from_radio.setChecked(True)
    dialog.accept()  # no date typed: said under the field, nothing asked yet
    assert dialog.error_label.text() and dialog.confirmation is None
    dialog.now_radio.setChecked(True)
    dialog.accept()
    confirm = _modal(qtbot, QMessageBox)
    confirm.button(QMessageBox.StandardButton.No).click()
    qtbot.waitUntil(lambda: confirm.isHidden() if confirm is not None else True, timeout=KEY_WAIT)
    with db.engine.connect() as conn:
        assert keyring.held_revocations(conn) == []


def test_the_import_result_says_how_many_deleted_records_were_purged(qapp):
    report = exchange.ImportReport("PTDS_goi.ptds.zip", "p", "Bộ CHQS tỉnh", "applied", "", 3, (), (), 0, (), (),
                                   None)
    assert not any("xóa hẳn" in note for note in preview_notes(report))
    notes = preview_notes(dataclasses.replace(report, purged=12))
    assert any("Đã xóa hẳn 12 dòng đã xóa" in note for note in notes)
