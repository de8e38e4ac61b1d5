"""Unexpected errors: written to a rotating log in the data folder and shown in one dialog with a report the
user can copy and send; the application keeps running.

An exception escaping a slot (sys.excepthook) or a thread (threading.excepthook) is logged with its
traceback and added to the report dialog; a second error while the dialog is open is appended to it rather
than opening another window. Qt's own warnings go to the log only. A user error (PtdsError) is not
unexpected: it gets the usual message box with its Vietnamese text.
"""

from __future__ import annotations

import datetime as dt
import logging
import logging.handlers
import platform
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ptds_desktop import __version__
from ptds_desktop.config import APP_NAME
from ptds_desktop.errors import PtdsError
from ptds_desktop.gui.widgets import name_buttons, show_error

log = logging.getLogger(__name__)

LOG_FILE_NAME = "ptds.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def setup_logging(folder: Path) -> logging.handlers.RotatingFileHandler | None:
    """Log to the console and to <data folder>/ptds.log (1 MB, 5 old files kept). Returns the file handler, or
    None when the folder cannot be written (the app still runs, logging to the console only)."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    if not any(type(h) is logging.StreamHandler for h in root.handlers):
        console = logging.StreamHandler()
        console.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(console)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(folder / LOG_FILE_NAME, maxBytes=LOG_MAX_BYTES,
                                                       backupCount=LOG_BACKUPS, encoding="utf-8")
    except OSError as exc:
        log.warning("no log file in %s: %s", folder, exc)
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    return handler


def close_logging(handler: logging.Handler | None) -> None:
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()


def error_report(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """What a support person needs: versions, platform, moment, and the traceback (no user data)."""
    return "\n".join([
        f"{APP_NAME} {__version__}",
        f"Python {platform.python_version()}, PySide6 {pyside_version}, {platform.platform()}",
        f"{dt.datetime.now():%d/%m/%Y %H:%M:%S}",
        "",
        "".join(traceback.format_exception(kind, exc, tb)).rstrip(),
    ])


class ErrorDialog(QDialog):
    """The one window listing unexpected errors, with their report selectable and copyable."""

    def __init__(self, log_file: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lỗi không mong đợi"))
        text = self.tr("Đã xảy ra lỗi không mong đợi. Ứng dụng vẫn chạy tiếp; hãy kiểm tra lại thao tác vừa làm. "
                       "Nếu lỗi lặp lại, hãy sao chép báo cáo dưới đây gửi cho bộ phận hỗ trợ.")
        if log_file is not None:
            text += " " + self.tr("Báo cáo cũng được ghi vào %1.").replace("%1", str(log_file))
        intro = QLabel(text)
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(intro.textInteractionFlags() | intro.textInteractionFlags().TextSelectableByMouse)
        self.report = QPlainTextEdit()
        self.report.setObjectName("errorReport")
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.copy_button = QPushButton(self.tr("&Sao chép báo cáo"))
        self.copy_button.clicked.connect(self.copy_report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_buttons(buttons)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)
        self.count = 0

    def add(self, report: str) -> None:
        self.count += 1
        separator = "\n\n" + "-" * 60 + "\n\n" if self.count > 1 else ""
        self.report.appendPlainText(separator + report)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())


class ErrorReporter(QObject):
    """Installed once by the app: catches what escapes, logs it, shows it, and lets the event loop go on."""

    _from_thread = Signal(object, object, object)  # kind, exception, traceback: carried to the UI thread

    def __init__(self, log_file: Path | None, parent: QObject | None = None):
        super().__init__(parent)
        self.log_file = log_file
        self.dialog: ErrorDialog | None = None
        self.message: QMessageBox | None = None
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._from_thread.connect(self.report)

    def install(self) -> None:
        sys.excepthook = self._hook
        threading.excepthook = self._thread_hook
        qInstallMessageHandler(self._qt_message)

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook
        qInstallMessageHandler(None)

    def _hook(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not isinstance(exc, Exception):  # Ctrl+C, SystemExit: not ours to keep running through
            self._previous_hook(kind, exc, tb)
            return
        self.report(kind, exc, tb)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or not isinstance(args.exc_value, Exception):
            self._previous_thread_hook(args)
            return
        self._from_thread.emit(args.exc_type, args.exc_value, args.exc_traceback)

    def report(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, PtdsError):  # a user mistake reached here: its message is the whole story
            log.warning("user error: %s", exc)
            self.message = show_error(QApplication.activeWindow(), exc)  # held: with no parent, Python owns it
            return
        log.error("unexpected error", exc_info=(kind, exc, tb))
        if self.dialog is None:
            self.dialog = ErrorDialog(self.log_file, QApplication.activeWindow())
            self.dialog.finished.connect(self._dialog_closed)
            self.dialog.destroyed.connect(self._dialog_destroyed)  # with the window it belonged to
            self.dialog.open()
        self.dialog.add(error_report(kind, exc, tb))

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _dialog_destroyed(self) -> None:
        self.dialog = None

    @staticmethod
    def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
