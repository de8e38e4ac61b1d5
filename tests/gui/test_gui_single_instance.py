"""One instance per database: a second start says so and wakes the first window; other databases open freely."""

from __future__ import annotations

import socket
import sys

import pytest
from PySide6.QtCore import QDir, QTimer
from PySide6.QtWidgets import QApplication

from ptds_desktop.gui import app as gui_app
from ptds_desktop.gui.single_instance import SingleInstance, server_name


def test_second_claim_on_the_same_database_wakes_the_first(tmp_path, qtbot):
    first = SingleInstance(tmp_path / "ptds.db")
    assert first.claim()
    try:
        with qtbot.waitSignal(first.wake_requested, timeout=5000):
            assert not SingleInstance(tmp_path / "." / "ptds.db").claim()  # another spelling of the same path
        other = SingleInstance(tmp_path / "other.db")
        assert other.claim()
        other.release()
    finally:
        first.release()
    again = SingleInstance(tmp_path / "ptds.db")
    assert again.claim()  # released on exit: the next start is the first again
    again.release()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_a_socket_left_by_a_crashed_instance_does_not_block_the_start(tmp_path):
    name = server_name(tmp_path / "ptds.db")
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(f"{QDir.tempPath()}/{name}")  # bound, nobody listening: what a killed instance leaves
    try:
        instance = SingleInstance(tmp_path / "ptds.db")
        assert instance.claim()
        assert instance.server is not None and instance.server.isListening()
        instance.release()
    finally:
        stale.close()


def test_starting_the_app_twice_says_so_in_vietnamese_and_raises_the_first(db, db_path, qtbot, main_window):
    first = SingleInstance(db_path)
    assert first.claim()
    first.wake_requested.connect(main_window.bring_to_front)
    main_window.showMinimized()
    seen: list[str] = []

    def answer():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.close()

    QTimer.singleShot(20, answer)
    try:
        assert gui_app.run(db_path) == 0
        qtbot.waitUntil(lambda: not main_window.isMinimized())
    finally:
        first.release()
    assert len(seen) == 1 and "đang mở với cơ sở dữ liệu này" in seen[0]
