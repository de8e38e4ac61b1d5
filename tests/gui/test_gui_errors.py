"""Unexpected errors: one dialog with a copyable report, a rotating log file, and the application going on."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QTimer, qWarning
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from ptds_desktop import __version__
from ptds_desktop.errors import ValidationError
from ptds_desktop.gui.errors_dialog import LOG_FILE_NAME, ErrorDialog, ErrorReporter, close_logging, setup_logging


@pytest.fixture
def reporter(qapp, tmp_path):
    handler = setup_logging(tmp_path)
    installed = ErrorReporter(tmp_path / LOG_FILE_NAME)
    installed.install()
    yield installed
    installed.uninstall()
    close_logging(handler)
    if installed.dialog is not None:
        installed.dialog.close()


def _broken_slot() -> None:
    raise KeyError("mã không có")


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_opens_one_report_and_the_app_goes_on(reporter, main_window, tmp_path, qtbot):
    QTimer.singleShot(0, _broken_slot)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.count == 1)
    dialog = reporter.dialog
    assert isinstance(dialog, ErrorDialog) and dialog.isVisible()
    report = dialog.report.toPlainText()
    assert f"PTDS Desktop {__version__}" in report
    assert "_broken_slot" in report and "KeyError: 'mã không có'" in report

    QTimer.singleShot(0, _broken_slot)  # a second error joins the same window
    qtbot.waitUntil(lambda: dialog.count == 2)
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog) and w.isVisible()] == [dialog]

    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.report.toPlainText()
    log_text = (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "unexpected error" in log_text and "KeyError: 'mã không có'" in log_text

    dialog.close()
    assert main_window.isVisible()
    main_window.open_area(1)  # still usable
    assert main_window.current_view() is main_window.views["roster"]


def test_an_error_in_a_thread_reaches_the_report(reporter, qtbot):
    thread = threading.Thread(target=_broken_slot)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.count == 1)
    assert "KeyError" in reporter.dialog.report.toPlainText()


@pytest.mark.qt_no_exception_capture
def test_a_user_error_gets_its_own_message_not_a_report(reporter, qtbot):
    def mistake() -> None:
        raise ValidationError("Ngày kết thúc trước ngày bắt đầu (dòng 4).")

    def boxes() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]

    QTimer.singleShot(0, mistake)
    qtbot.waitUntil(lambda: len(boxes()) == 1)
    box = boxes()[0]
    assert box.text() == "Ngày kết thúc trước ngày bắt đầu (dòng 4)."
    box.close()
    assert reporter.dialog is None


def test_qt_warnings_and_old_logs_rotate_in_the_data_folder(reporter, tmp_path):
    qWarning("cảnh báo của Qt")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "cảnh báo của Qt" in (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")
    for _ in range(1200):
        logging.getLogger("test").info("x" * 1000)
    assert (tmp_path / f"{LOG_FILE_NAME}.1").exists()
    assert (tmp_path / LOG_FILE_NAME).stat().st_size < 1_000_000


def test_no_log_file_when_the_folder_cannot_be_written(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert setup_logging(blocker / "sub") is None  # a file where the folder should be: console only
