"""GUI fixtures: the database worker, the main window over the `db` fixture, and Vietnamese typing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from ptds_desktop.config import Settings
from ptds_desktop.gui.app import install_translation, register_fonts
from ptds_desktop.gui.main_window import MainWindow
from ptds_desktop.gui.ops import DatabaseOps
from ptds_desktop.services.offices import this_office


@pytest.fixture
def ops(db, qapp):
    worker = DatabaseOps(db)
    yield worker
    worker.shutdown()
    QCoreApplication.processEvents()  # deliver what the worker finished, before the database closes


@pytest.fixture
def open_main_window(db, ops, qtbot):
    """Build a main window as the app does (Settings.load(), fonts, translation)."""
    register_fonts()
    install_translation(QApplication.instance(), Settings.load().language)

    def make() -> MainWindow:
        window = MainWindow(db, ops, this_office(db), Settings.load())
        qtbot.addWidget(window)
        window.show()
        view = window.current_view()
        qtbot.waitUntil(lambda: view.loaded)
        return window

    return make


@pytest.fixture
def main_window(open_main_window) -> MainWindow:
    return open_main_window()


@pytest.fixture
def english(qapp):
    """The user chose English in the settings, and the app started with it."""
    settings = Settings.load()
    settings.language = "en"
    settings.save()
    assert install_translation(qapp, "en")
    yield
    install_translation(qapp, "vi")


@pytest.fixture
def type_text():
    """type_text(widget, "Đắk Lắk"): key events carrying the text (QTest.keyClicks aborts on non-ASCII)."""

    def type_(widget: QWidget, text: str) -> None:
        for char in text:
            # ASCII keys carry their own key code (Qt's codes are the upper-case characters), as a keyboard sends
            key = Qt.Key(ord(char.upper())) if " " <= char <= "~" else Qt.Key.Key_unknown
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))

    return type_


@pytest.fixture
def wait_idle(qtbot, ops):
    """Wait until the database worker has delivered every result."""
    return lambda: qtbot.waitUntil(lambda: ops.pending == 0)


@pytest.fixture
def modal(qtbot):
    """modal(): the dialog or message box the code under test opened with .open()."""

    def find():
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
        return QApplication.activeModalWidget()

    return find


@pytest.fixture
def reactivate(qtbot):
    """After a dialog closes, give the window its activation back (a window manager does; offscreen does not)."""

    def activate(window: QWidget) -> None:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        QApplication.processEvents()

    return activate
