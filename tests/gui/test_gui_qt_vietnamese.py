"""Qt's own dialogs and texts in the Vietnamese interface: file dialogs, message boxes, context menus, the
calendar, shortcut names. No English word a user could read."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QCalendarWidget, QDialogButtonBox, QFileDialog, QMessageBox
from screen_texts import menu_texts, visible_texts
from vietnamese_words import english_words

from ptds_desktop.config import Settings
from ptds_desktop.gui.app import install_translation, setup_application
from ptds_desktop.gui.date_field import DateField


@pytest.fixture
def vietnamese(qapp):
    setup_application(qapp, Settings.load())
    assert install_translation(qapp, "vi")
    yield qapp


def english_on(widget) -> list[tuple[str, str]]:
    return [(where, text) for where, text in visible_texts(widget) if english_words(text)]


@pytest.mark.parametrize("mode", ["open", "save", "folder"])
def test_file_dialogs_are_qt_own_and_vietnamese(vietnamese, qtbot, tmp_path, mode):
    assert QApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)  # on Linux, translatable
    (tmp_path / "danh-sach.pdf").write_bytes(b"%PDF")
    dialog = QFileDialog(None, "Chọn tệp", str(tmp_path), "Tệp PDF (*.pdf)")
    if mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if mode == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert english_on(dialog) == []
    buttons = dialog.findChild(QDialogButtonBox)
    assert {b.text().replace("&", "") for b in buttons.buttons()} <= {"Mở", "Lưu", "Chọn", "Hủy"}
    labels = {w: t for w, t in visible_texts(dialog)}
    assert any(t == "Tìm trong:" for t in labels.values())


def test_message_box_buttons_and_details_are_vietnamese(vietnamese, qtbot):
    box = QMessageBox(QMessageBox.Icon.Warning, "Lỗi", "Không ghi được tệp.",
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel
                      | QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Ignore)
    box.setDetailedText("chi tiết")
    qtbot.addWidget(box)
    box.show()
    assert english_on(box) == []
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert {"Đồng ý", "Hủy", "Thử lại", "Bỏ qua", "Xem chi tiết…"} <= texts


def test_text_context_menus_are_vietnamese(vietnamese, qtbot):
    field = DateField()
    qtbot.addWidget(field)
    menu = field.edit.createStandardContextMenu()
    english = [t for t in menu_texts(menu) if english_words(t)]
    assert english == []
    assert "Chọn tất cả" in [a.text().split("\t")[0] for a in menu.actions()]


def test_calendar_pop_up_is_vietnamese(vietnamese, qtbot):
    field = DateField()
    qtbot.addWidget(field)
    field.show_calendar()
    calendar: QCalendarWidget = field.calendar
    qtbot.waitUntil(calendar.isVisible)
    assert english_on(calendar) == []
    assert calendar.locale().monthName(1).lower() == "tháng 1"


@pytest.mark.parametrize("keys, expected", [
    (QKeySequence.StandardKey.Preferences, None), ("Ctrl+Down", "Ctrl+Xuống"), ("Alt+Left", "Alt+Trái"),
    ("Ctrl+Space", "Ctrl+Dấu cách"), ("Del", "Del"), ("Ctrl+Return", "Ctrl+Enter"), ("F2", "F2"),
])
def test_shortcut_names_are_vietnamese_or_as_printed_on_keys(vietnamese, keys, expected):
    text = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
    assert english_words(text) == [], text
    if expected is not None:
        assert text == expected


def test_main_window_menus_and_shortcuts_are_vietnamese(vietnamese, main_window):
    texts = [t for action in main_window.menuBar().actions() for t in menu_texts(action.menu())]
    assert [t for t in texts if english_words(t)] == []
