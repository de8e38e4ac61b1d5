"""Start-up: database refusals shown to the user, first-run set-up, bundled fonts, the database worker."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import tempfile
import threading
from pathlib import Path

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from sqlalchemy import event

from ptds_desktop.db.backup import DAILY, daily_backup, list_backup_files
from ptds_desktop.db.changes import Changes
from ptds_desktop.db.database import open_database
from ptds_desktop.errors import ValidationError
from ptds_desktop.gui import app as gui_app
from ptds_desktop.gui import workspace
from ptds_desktop.gui.dialogs import FirstRunDialog
from ptds_desktop.models import Organization
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services.organizations import OrganizationInput


def _answer_next_modal(qtbot, seen: list[str]) -> None:
    """Read and close the next modal window (run() uses exec(), so the timer must act inside its loop)."""

    def close():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, close)
            return
        seen.append(box.text())
        box.close()

    QTimer.singleShot(20, close)


def test_database_from_a_newer_app_is_refused_with_a_message(db_path, qtbot):
    open_database(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
        conn.execute("UPDATE local_settings SET value = '9.0.0' WHERE key = 'app_version'")
    seen: list[str] = []
    _answer_next_modal(qtbot, seen)
    assert gui_app.run(db_path) == 2
    assert len(seen) == 1
    assert "Hãy cập nhật ứng dụng lên phiên bản 9.0.0" in seen[0]


def test_a_file_that_is_not_a_database_is_refused_with_a_message(tmp_path, qtbot):
    path = tmp_path / "notes.db"
    path.write_text("not a database " * 200)
    seen: list[str] = []
    _answer_next_modal(qtbot, seen)
    assert gui_app.run(path) == 2
    assert "không phải cơ sở dữ liệu PTDS" in seen[0]


def test_first_run_makes_the_database_an_office(db_path, qtbot):
    db = open_database(db_path)
    try:
        dialog = FirstRunDialog(db)
        qtbot.addWidget(dialog)
        ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        assert [dialog.ui.levelCombo.itemText(i) for i in range(dialog.ui.levelCombo.count())] == ["Tỉnh", "Xã, phường"]
        assert dialog.ui.levelCombo.currentText() == "Xã, phường"  # most installations are communes

        ok.click()
        assert dialog.ui.errorLabel.text() == "Tên văn phòng không được để trống."
        assert db.office_id() is None

        dialog.ui.nameEdit.setText("UBND xã Ea Kao")
        dialog.ui.placeEdit.setText("Ea Kao")
        with qtbot.waitSignal(dialog.accepted):
            ok.click()
        assert dialog.office.name == "UBND xã Ea Kao"
        assert dialog.office.level == "commune"
        assert dialog.office.place_name == "Ea Kao"
        assert db.office_id() == dialog.office.id
    finally:
        db.close()


def test_application_has_its_icon_in_every_size(qapp):
    sizes = gui_app.app_icon().availableSizes()
    assert {(s.width(), s.height()) for s in sizes} >= {(16, 16), (32, 32), (48, 48), (256, 256)}


def test_bundled_font_is_registered(qapp):
    assert "Liberation Serif" in gui_app.register_fonts()
    assert "Liberation Serif" in QFontDatabase.families()
    assert QFontDatabase.WritingSystem.Vietnamese in QFontDatabase.writingSystems("Liberation Serif")
    gui_app.ensure_vietnamese_font(qapp)  # offscreen has no system fonts: the bundled one must take over
    used = QFontInfo(qapp.font()).family()
    assert QFontDatabase.WritingSystem.Vietnamese in QFontDatabase.writingSystems(used)


def test_worker_runs_off_the_ui_thread_in_order_and_reports_changes(ops, qtbot):
    threads, results, changes = [], [], []
    ops.changed.connect(changes.append)

    def create(session):
        threads.append(threading.get_ident())
        return orgs.create_organization(session, OrganizationInput("Sở Y tế"))

    ops.run(create, lambda org: results.append(("created", org.name, threading.get_ident())))
    ops.read(orgs.list_organizations, lambda rows: results.append(("read", [o.name for o in rows])))
    qtbot.waitUntil(lambda: len(results) == 2)
    ui_thread = threading.get_ident()
    assert threads and threads[0] != ui_thread
    assert results == [("created", "Sở Y tế", ui_thread), ("read", ["Sở Y tế"])]
    assert changes == [Changes(frozenset({Organization.__tablename__}))]  # computed by the core; the read adds none


def test_worker_error_rolls_back_and_reaches_on_error(ops, qtbot, db):
    errors = []

    def half_done(session):
        orgs.create_organization(session, OrganizationInput("Sở Tư pháp"))
        orgs.create_organization(session, OrganizationInput("  "))
        return None

    ops.run(half_done, lambda _r: errors.append("done?"), errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValidationError) and errors[0].field == "name"
    with db.unit_of_work() as s:
        assert orgs.list_organizations(s) == []


def test_a_result_for_a_closed_window_is_dropped(ops, qtbot):
    label = QLabel()
    ops.read(orgs.list_organizations, lambda rows: label.setText(str(len(rows))))
    shiboken6.delete(label)  # the view closed before the worker answered
    after = []
    with qtbot.waitSignal(ops.busy_changed, check_params_cb=lambda busy: busy is False):
        ops.read(orgs.list_organizations, after.append)
    assert after == [[]]  # the dropped answer broke nothing: the next job is answered, the worker is idle
    assert ops.pending == 0


def test_a_database_on_a_read_only_folder_is_refused_with_a_message(qtbot, tmp_path):
    folder = Path(tempfile.mkdtemp(prefix="ptds-ro-"))  # enterable by another account, unlike tmp_path
    try:
        open_database(folder / "ptds.db").close()
        (folder / "ptds.db").chmod(0o444)
        folder.chmod(0o555)
        seen: list[str] = []
        _answer_next_modal(qtbot, seen)
        with _unprivileged():
            assert gui_app.run(folder / "ptds.db") == 2
        assert "chỉ cho đọc" in seen[0]
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def _unprivileged():
    """Root ignores file modes: act as `nobody` for file access while the block runs (a user sees the chmod)."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(65534)
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def test_a_write_on_a_full_disk_shows_the_reason_and_the_window_stays(main_window, db, db_path, qtbot, modal):
    with db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    db.engine.dispose()
    event.listen(db.engine, "connect", lambda conn, _record: conn.execute(f"PRAGMA max_page_count={pages}"))

    def fill(session):
        for i in range(300):
            orgs.create_organization(session, OrganizationInput(f"Cơ quan số {i} " + "x" * 200))
        return None

    main_window.ops.run(fill)
    box = modal()
    assert "đã đầy" in box.text() and "không mong đợi" not in box.text()
    box.close()
    assert main_window.isVisible()


def test_the_days_copy_is_taken_on_the_worker_after_the_window_opens_and_once_a_day(db, db_path, qtbot,
                                                                                    monkeypatch):
    db.close()
    assert list_backup_files(db_path) == []  # a new database has no copy yet
    copied_on: list[str] = []

    def spy(path):
        copied_on.append(threading.current_thread().name)
        return daily_backup(path)

    monkeypatch.setattr(workspace, "daily_backup", spy)
    assert gui_app.run(db_path, quit_after=0.05) == 0
    daily = [b for b in list_backup_files(db_path) if b.kind == DAILY]
    assert len(daily) == 1 and daily[0].taken_at.date() == dt.date.today()
    assert copied_on and copied_on[0].startswith("ptds-db")  # the database worker, not the start's path

    assert gui_app.run(db_path, quit_after=0.05) == 0  # opened again the same day: no second copy
    assert [b.path for b in list_backup_files(db_path) if b.kind == DAILY] == [daily[0].path]
