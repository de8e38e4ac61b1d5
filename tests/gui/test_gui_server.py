"""Opening the province's shared database on a PostgreSQL server from the window: File → server, or at first run;
the address typed with real key events, a mistake said in the dialog, the window reopened on the server."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox
from sqlalchemy.engine import make_url

from ptds_desktop.config import Settings
from ptds_desktop.db.backup import BEFORE_RESTORE, list_backup_files
from ptds_desktop.db.database import open_database
from ptds_desktop.gui.backups_dialog import BackupsDialog
from ptds_desktop.gui.dialogs import FirstRunDialog
from ptds_desktop.gui.main_window import MainWindow
from ptds_desktop.gui.ops import DatabaseOps
from ptds_desktop.gui.server_dialog import ServerDialog
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services.offices import init_office, this_office


@pytest.fixture
def server_office(pg_head_url) -> str:
    db = open_database(pg_head_url, backup_daily=False)
    init_office(db, "Bộ CHQS tỉnh Đắk Lắk", "province")
    with db.unit_of_work() as s:
        orgs.create_organization(s, orgs.OrganizationInput("Phòng Tham mưu máy chủ", kind="department"))
    db.close()
    return pg_head_url


def _fill(dialog: ServerDialog, url: str, password: str = "") -> None:
    """Type the address as a user would: each field focused and typed into, key by key."""
    parsed = make_url(url)
    for edit, text in ((dialog.host_edit, parsed.host), (dialog.database_edit, parsed.database),
                       (dialog.user_edit, parsed.username), (dialog.password_edit, password)):
        edit.setFocus()
        QTest.keyClicks(edit, str(text))
    port_edit = dialog.port_spin.findChild(QLineEdit)
    dialog.port_spin.setFocus()
    QTest.keyClick(port_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(port_edit, str(parsed.port))


def _connect(dialog: ServerDialog) -> None:
    QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_the_window_opens_the_servers_database_from_the_file_menu(main_window, server_office, qtbot):
    dialog = main_window.open_server()
    qtbot.waitUntil(dialog.isVisible, timeout=15000)
    _fill(dialog, server_office, password="bi-mat")
    assert dialog.password_edit.echoMode() == QLineEdit.EchoMode.Password
    _connect(dialog)
    qtbot.waitUntil(lambda: not main_window.isVisible(), timeout=15000)
    assert main_window.reopen_requested
    chosen = main_window.database_to_open
    assert isinstance(chosen, str) and make_url(chosen).database == make_url(server_office).database
    assert not Settings.path().exists() or "bi-mat" not in Settings.path().read_text(encoding="utf-8")

    # The app then opens a window on it (gui/app.run_window): the title names the server database.
    window = MainWindow(None, None, None, Settings.load())
    qtbot.addWidget(window)
    window.open_after_paint(chosen)
    assert "bi-mat" not in window.path_label.text()
    with qtbot.waitSignal(window.opened, timeout=30000):
        window.show()
    view = window.current_view()
    qtbot.waitUntil(lambda: view.loaded, timeout=30000)
    try:
        where = f"postgresql://ptds@{make_url(server_office).host}:{make_url(server_office).port}/"
        assert window.windowTitle().startswith("PTDS Desktop — Bộ CHQS tỉnh Đắk Lắk — " + where)
        assert "bi-mat" not in window.windowTitle() and window.path_label.text().startswith(where)
        names = [view.model.row_at(r).name for r in range(view.model.rowCount())]
        assert "Phòng Tham mưu máy chủ" in names  # the server's data, not the laptop's
    finally:
        window.close()
        window.close_database()


def test_a_wrong_address_is_said_in_the_dialog(qtbot, qapp):
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog, "postgresql://ptds@127.0.0.1:9/ptds", password="bi-mat")
    _connect(dialog)
    assert dialog.isVisible() and dialog.url is None
    assert "Không kết nối được máy chủ" in dialog.error_label.text()
    assert "bi-mat" not in dialog.error_label.text()
    dialog.host_edit.clear()
    assert dialog.error_label.isHidden()  # the message was about the address as it was
    _connect(dialog)
    assert dialog.error_label.text() == "Hãy nhập máy chủ."


def test_a_new_laptop_joins_the_servers_database_at_first_run(db_path, server_office, qtbot):
    local = open_database(db_path)  # the app's own empty database on this laptop
    first_run = FirstRunDialog(local)
    qtbot.addWidget(first_run)
    first_run.show()
    dialog = first_run.choose_server()
    qtbot.waitUntil(dialog.isVisible, timeout=15000)
    _fill(dialog, server_office)
    _connect(dialog)
    qtbot.waitUntil(lambda: first_run.result() == FirstRunDialog.DialogCode.Accepted, timeout=15000)
    assert first_run.server_url is not None and first_run.office is None
    assert make_url(first_run.server_url).database == make_url(server_office).database
    local.close()
    assert Path(db_path).exists()


def test_backups_of_the_server_database_are_listed_made_and_restored_in_the_window(server_office, qtbot):
    db = open_database(server_office, backup_daily=False)  # as the window opens it
    ops = DatabaseOps(db)
    window = MainWindow(db, ops, this_office(db), Settings.load())
    qtbot.addWidget(window)
    window.show()
    try:
        dialog = window.open_backups()
        assert isinstance(dialog, BackupsDialog)
        qtbot.waitUntil(lambda: dialog.loaded, timeout=15000)
        dialog.backup_button.click()  # a pg_dump archive, listed with what it holds
        qtbot.waitUntil(lambda: dialog.loaded and dialog.model.rowCount() == 1, timeout=15000)
        cells = [str(dialog.model.index(0, c).data() or "") for c in range(dialog.model.columnCount())]
        assert cells[1] == "Sao lưu thủ công" and cells[3] == "0" and cells[-1] == ""  # read: no problem noted
        with db.unit_of_work() as s:
            orgs.create_organization(s, orgs.OrganizationInput("Phòng Chính trị", kind="department"))
        dialog.table.selectRow(0)
        dialog.restore_button.click()
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=15000)
        with qtbot.waitSignal(dialog.restored, timeout=30000):
            QApplication.activeModalWidget().button(QMessageBox.StandardButton.Yes).click()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=15000)
        assert window.reopen_requested and window.database_to_open is None  # the same server database again
    finally:
        ops.shutdown()
        db.close()
    reopened = open_database(server_office)
    with reopened.unit_of_work() as s:
        names = {o.name for o in orgs.list_organizations(s)}
    assert "Phòng Tham mưu máy chủ" in names and "Phòng Chính trị" not in names
    assert [b for b in list_backup_files(reopened.path) if b.kind == BEFORE_RESTORE]
    reopened.close()
