"""The sync folder while the app runs: on a timer and on demand, through the one database worker, one run at
a time (the core's lock guards the folder against other apps too). Results go to the status bar: a share
that is away for a while is normal, so a scheduled run never opens a dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ptds_desktop.config import Settings
from ptds_desktop.db.database import Database
from ptds_desktop.gui.ops import DatabaseOps, ProgressFn
from ptds_desktop.sync import folder
from ptds_desktop.sync.usb import UsbResult


class FolderSyncRunner(QObject):
    finished = Signal(object)  # the UsbResult, or the exception of a failed run
    running_changed = Signal(bool)

    def __init__(self, ops: DatabaseOps, settings: Settings, show_message: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.settings = settings
        self.show_message = show_message
        self.running = False
        self.last_message = ""
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.run_now)
        self.configure()

    @property
    def folder(self) -> str:
        return self.settings.sync_folder

    def configure(self) -> None:
        """Follow the settings: a folder set starts the schedule, none stops it."""
        self.timer.setInterval(max(1, self.settings.sync_folder_minutes) * 60_000)
        if self.folder:
            self.timer.start()
        else:
            self.timer.stop()

    def set_folder(self, path: str) -> None:
        self.settings.sync_folder = path
        self.settings.save()
        self.configure()

    def run_now(self) -> bool:
        """Start a run unless one is going or no folder is set; False when nothing was started."""
        target = self.folder
        if not target or self.running:
            return False
        self._set_running(True)

        def work(db: Database, progress: ProgressFn, cancelled: Callable[[], bool]) -> UsbResult:
            return folder.folder_sync(db, target, progress=progress, cancel=cancelled)

        self.ops.run_task(work, on_done=self._done, on_error=self._failed)
        return True

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.running_changed.emit(running)

    def _done(self, result: UsbResult) -> None:
        self._set_running(False)
        applied = sum(1 for r in result.imported if r.status == "applied")
        sent = sum(1 for r in result.exported if r.changes)
        text = (self.tr("Đồng bộ thư mục %1: nhập %2 gói, gửi thay đổi cho %3 văn phòng.")
                .replace("%1", Path(result.folder).name or result.folder)
                .replace("%2", str(applied)).replace("%3", str(sent)))
        if result.errors:
            text += " " + self.tr("%n gói không nhập được (xem bằng “Nhập gói…”).", "", len(result.errors))
        self._report(text)
        self.finished.emit(result)

    def _failed(self, exc: Exception) -> None:
        self._set_running(False)
        self._report(self.tr("Đồng bộ thư mục không chạy: %1").replace("%1", str(exc)))
        self.finished.emit(exc)

    def _report(self, text: str) -> None:
        self.last_message = text
        self.show_message(text)
