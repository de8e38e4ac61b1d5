"""The Backups and restore dialog: copies listed with what they hold, back up now, restore (the app reopens)."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from ptds_desktop.config import Settings
from ptds_desktop.db.backup import MANUAL, automatic_backup, list_backup_files
from ptds_desktop.gui import app as gui_app
from ptds_desktop.gui.backups_dialog import BackupsDialog
from ptds_desktop.gui.main_window import MainWindow
from ptds_desktop.services import organizations as orgs


def _add_org(db, name: str) -> None:
    with db.unit_of_work() as s:
        orgs.create_organization(s, orgs.OrganizationInput(name, kind="department"))


def _names(path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return sorted(r[0] for r in conn.execute("SELECT name FROM organizations"))


def _cells(dialog: BackupsDialog, row: int) -> list[str]:
    model = dialog.model
    return [str(model.index(row, c).data() or "") for c in range(model.columnCount())]


def _answer_yes(box: QMessageBox) -> None:
    box.button(QMessageBox.StandardButton.Yes).click()


def test_lists_copies_backs_up_now_and_restores_then_asks_to_reopen(main_window, db, db_path, qtbot, modal):
    _add_org(db, "Sở Y tế tỉnh Đắk Lắk")
    automatic_backup(db_path, MANUAL)
    _add_org(db, "Sở Tài chính tỉnh Đắk Lắk")

    main_window.backups_action.trigger()
    dialog = modal()
    assert isinstance(dialog, BackupsDialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.model.rowCount() == 1
    assert _cells(dialog, 0)[1:2] == ["Sao lưu thủ công"]
    assert _cells(dialog, 0)[3:7] == ["0", "0", "0", "0"]  # no boards, members, plans, tasks yet

    dialog.keep_spin.setValue(4)  # the number kept of each kind is the user's setting
    assert Settings.load().backups_keep == 4 and main_window.settings.backups_keep == 4

    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.loaded and dialog.model.rowCount() == 2)
    dialog.table.selectRow(1)  # the older copy, holding only the first organization
    dialog.restore_button.click()
    box = modal()
    assert isinstance(box, QMessageBox) and "Khôi phục bản sao lưu lúc" in box.text()
    with qtbot.waitSignal(dialog.restored, timeout=10000):
        _answer_yes(box)
    qtbot.waitUntil(lambda: not main_window.isVisible())
    assert main_window.reopen_requested
    assert _names(db_path) == ["Sở Y tế tỉnh Đắk Lắk"]
    kept = [b for b in list_backup_files(db_path) if b.kind == "before-restore"]
    assert len(kept) == 1 and _names(kept[0].path) == ["Sở Tài chính tỉnh Đắk Lắk", "Sở Y tế tỉnh Đắk Lắk"]


def test_a_file_that_is_not_a_database_is_refused_and_nothing_changes(main_window, db_path, tmp_path, qtbot,
                                                                       modal, monkeypatch):
    text_file = tmp_path / "notes.db"
    text_file.write_text("ghi chú")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(text_file), ""))
    before = db_path.read_bytes()
    dialog = main_window.open_backups()
    qtbot.waitUntil(lambda: dialog.loaded)
    dialog.file_button.click()
    _answer_yes(modal())
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox)
                    and "không phải cơ sở dữ liệu SQLite" in QApplication.activeModalWidget().text())
    QApplication.activeModalWidget().close()
    assert not main_window.reopen_requested and dialog.file_button.isEnabled()
    assert db_path.read_bytes() == before


def test_app_opens_the_database_and_a_new_window_after_a_restore(db, db_path, qtbot):
    db.close()
    windows: list[MainWindow] = []

    def act():
        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
                       and w not in windows), None)
        if window is None:
            QTimer.singleShot(20, act)
            return
        windows.append(window)
        if len(windows) == 1:
            window._database_replaced(None)  # what a finished restore does
        else:
            window.close()
        QTimer.singleShot(20, act) if len(windows) == 1 else None

    QTimer.singleShot(20, act)
    assert gui_app.run(db_path) == 0
    assert len(windows) == 2
