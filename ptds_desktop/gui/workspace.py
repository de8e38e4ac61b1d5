"""The main window's database side: opening the database (passphrase, first-run set-up), the worker, what the
views are given, the dialogs that need the data, the clock check and the day's backup.

Importing this module loads SQLAlchemy, the models and the services, so the main window imports it only after
its first paint (issue #13): the user sees the window at once, and it fills in when the database is open.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ptds_desktop.config import APP_NAME, Settings, location_text
from ptds_desktop.db.backup import daily_backup
from ptds_desktop.db.database import Database, needs_passphrase, open_database
from ptds_desktop.db.storage_errors import STORAGE_ERRORS
from ptds_desktop.errors import PtdsError
from ptds_desktop.gui.backups_dialog import BackupsDialog
from ptds_desktop.gui.context import ViewContext
from ptds_desktop.gui.dialogs import AboutDialog, FirstRunDialog, SettingsDialog
from ptds_desktop.gui.folder_sync import FolderSyncRunner
from ptds_desktop.gui.ops import DatabaseOps, WriteFn
from ptds_desktop.gui.passphrase_dialog import PassphraseDialog
from ptds_desktop.gui.server_dialog import ServerDialog
from ptds_desktop.gui.widgets import name_buttons
from ptds_desktop.services.offices import OfficeData, this_office
from ptds_desktop.sync.status import check_clock

log = logging.getLogger(__name__)

EXIT_NOT_OPENED = 2  # the database could not be opened (the user was told why) or the passphrase was not given
EXIT_NOT_SET_UP = 1  # the first-run set-up was cancelled


def open_or_explain(db_path: Path | str, parent: QWidget | None = None) -> Database | None:
    """Open the database without its daily copy (taken on the worker once the window shows, `back_up_today`),
    or tell the user in a message box why not (newer schema, unreadable file). An encrypted database asks for
    its passphrase first (None when the user gives up)."""
    if isinstance(db_path, Path) and needs_passphrase(db_path):
        dialog = PassphraseDialog(db_path, parent)
        return dialog.db if dialog.exec() == QDialog.DialogCode.Accepted else None
    try:
        return open_database(db_path, backup_daily=False)
    except PtdsError as exc:
        message = str(exc)
    except STORAGE_ERRORS as exc:
        message = QCoreApplication.translate("App", "Không mở được cơ sở dữ liệu %1: %2").replace(
            "%1", location_text(db_path)).replace("%2", str(exc))
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, message, QMessageBox.StandardButton.Close, parent)
    name_buttons(box)
    box.exec()
    return None


class Workspace:
    """An open database as the main window uses it; `open` makes one, or gives the exit code when it cannot."""

    def __init__(self, db: Database, ops: DatabaseOps, office: OfficeData, window: QWidget, settings: Settings,
                 show_message: Callable[[str], None], offer_undo: Callable[[str, WriteFn], None]) -> None:
        self.db = db
        self.ops = ops
        self.office = office
        self.opened_here = False  # whether `open` opened the database (then `close` closes it)
        self.folder_sync = FolderSyncRunner(self.ops, settings, show_message, window)
        self.context = ViewContext(db=db, ops=self.ops, office=self.office, show_message=show_message,
                                   offer_undo=offer_undo, settings=settings, folder_sync=self.folder_sync)

    @staticmethod
    def open(db_path: Path | str, window: QWidget, settings: Settings, show_message: Callable[[str], None],
             offer_undo: Callable[[str, WriteFn], None]) -> Workspace | int:
        db = open_or_explain(db_path, window)
        if db is None:
            return EXIT_NOT_OPENED
        if db.office_id() is None:
            first_run = FirstRunDialog(db, window)
            if first_run.exec() != QDialog.DialogCode.Accepted:
                db.close()
                return EXIT_NOT_SET_UP
            if first_run.server_url is not None:  # this laptop works in the office's server database instead
                db.close()
                return Workspace.open(first_run.server_url, window, settings, show_message, offer_undo)
        workspace = Workspace(db, DatabaseOps(db), this_office(db), window, settings, show_message, offer_undo)
        workspace.opened_here = True
        return workspace

    def check_clock(self, on_wrong: Callable[[str], None]) -> None:
        """DESIGN §4: a laptop whose clock runs behind the data it holds would make new edits look old."""

        def check(db, _progress, _cancelled):
            return check_clock(db)

        self.ops.run_task(check, on_done=lambda result: None if result.ok else on_wrong(result.message))

    def back_up_today(self, on_done: Callable[[Path | None], None] | None = None) -> None:
        """The first open of the day copies the database (db.backup.daily_backup), on the worker after the views
        already asked for their data: a copy of a large database takes seconds, and the window need not wait."""

        def copy(db, _progress, _cancelled):
            return daily_backup(db.path)

        self.ops.run_task(copy, on_done=on_done, on_error=lambda exc: log.warning("daily backup failed: %s", exc))

    def settings_dialog(self, parent: QWidget) -> SettingsDialog:
        return SettingsDialog(self.context.settings, parent)

    def backups_dialog(self, parent: QWidget) -> BackupsDialog:
        return BackupsDialog(self.db, self.ops, self.context.settings, parent)

    def server_dialog(self, parent: QWidget) -> ServerDialog:
        return ServerDialog(parent)

    def about_dialog(self, parent: QWidget) -> AboutDialog:
        return AboutDialog(self.db, self.office, parent)

    def close(self) -> None:
        """Finish the queued jobs (a promised write completes), then close the database `open` opened."""
        if not self.opened_here:
            return
        self.ops.shutdown()
        self.db.close()

