"""Every screen and dialog on a 1024×600 laptop, in both languages: nothing out of the window, no header or label
cut, and, in the Vietnamese interface, no English word. Screens are the registered areas (gui/areas.py) with
their tabs; dialogs are those their "…" actions and the menus' "…" actions open, so new ones are covered."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStyle,
    QStyleOptionHeader,
    QTabWidget,
    QWidget,
)
from screen_texts import visible_texts
from vietnamese_words import english_words

from ptds_desktop import datafile
from ptds_desktop.gui.dialogs import EnrolmentConfirmDialog, FirstRunDialog
from ptds_desktop.services import enrolment

SCREEN = QRect(0, 0, 1024, 600)
TITLE_BAR = 32  # the window manager's frame above a dialog


def _in_scrolled_content(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent is parent.parentWidget().viewport():
            return True
        parent = parent.parentWidget()
    return False


def _header_problems(header: QHeaderView) -> list[str]:
    model = header.model()
    problems = []
    if model is None or header.isHidden():
        return problems
    for logical in range(header.count()):
        if header.isSectionHidden(logical):
            continue
        text = str(model.headerData(logical, header.orientation(), Qt.ItemDataRole.DisplayRole) or "")
        option = QStyleOptionHeader()
        header.initStyleOption(option)
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, option, header)
        needed = max((header.fontMetrics().horizontalAdvance(line) for line in text.split("\n")), default=0)
        if needed + 2 * margin > header.sectionSize(logical):
            problems.append(f"header “{text}” needs {needed + 2 * margin}px, has {header.sectionSize(logical)}px")
    return problems


def layout_problems(top: QWidget) -> list[str]:
    """What a user of this window at its current size could not read or reach."""
    problems = []
    bounds = top.rect().intersected(SCREEN)  # a window wider than the screen is cut by the screen's edge
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or widget.isWindow() or _in_scrolled_content(widget, top):
            continue
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        rect = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
        if widget.width() > 0 and widget.height() > 0 and not bounds.contains(rect):
            problems.append(f"{where} lies outside the window: {rect.getRect()} not in {bounds.getRect()}")
        if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            problems += [f"{where}: {p}" for p in _header_problems(widget)]
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.textFormat() != Qt.TextFormat.RichText \
                and "<" not in widget.text() and widget.text():
            shown = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")  # mnemonics are underlines
            needed = max(widget.fontMetrics().horizontalAdvance(line) for line in shown.split("\n"))
            if needed > widget.contentsRect().width() + 1:
                has = widget.contentsRect().width()
                problems.append(f"{where} “{widget.text()}” cut: needs {needed}px, has {has}px")
    return problems


def english_problems(top: QWidget) -> list[str]:
    return [f"{where}: “{text}” → {english_words(text, acronyms=True)}" for where, text in visible_texts(top)
            if english_words(text, acronyms=True)]


def _tabs_of(top: QWidget) -> list[tuple[QTabWidget, int]]:
    return [(tabs, i) for tabs in top.findChildren(QTabWidget) if tabs.isVisibleTo(top) for i in range(tabs.count())]


def check_window(top: QWidget, name: str, language: str, problems: list[str]) -> None:
    """The window as it is, then each of its tabs."""
    pages = [(None, -1), *_tabs_of(top)]
    for tabs, index in pages:
        if tabs is not None:
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
        page = name if tabs is None else f"{name} / {tabs.tabText(index)}"
        problems += [f"[{language}] {page}: {p}" for p in layout_problems(top)]
        if language == "vi":
            problems += [f"[{language}] {page}: {p}" for p in english_problems(top)]


def check_dialog(dialog: QWidget, name: str, language: str, problems: list[str]) -> None:
    """A dialog must fit the screen below its title bar, and be readable at the size it opens with."""
    minimum = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    if minimum.width() > SCREEN.width() or minimum.height() > SCREEN.height() - TITLE_BAR:
        problems.append(f"[{language}] {name}: needs at least {minimum.width()}×{minimum.height()}")
    if dialog.width() > SCREEN.width() or dialog.height() > SCREEN.height() - TITLE_BAR:
        problems.append(f"[{language}] {name}: opens at {dialog.width()}×{dialog.height()}, taller or wider than "
                        f"the screen")
    check_window(dialog, name, language, problems)


@pytest.fixture
def demo_db(db):
    datafile.load_demo(db)
    return db


@pytest.fixture
def no_blocking_file_dialogs(monkeypatch):
    """Actions asking for a file or folder with Qt's static (blocking) dialogs: answer "cancelled"."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([], "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))


def _dialog_actions(widget: QWidget):
    """Actions that open a dialog say so with "…" (Thêm…, Cài đặt…): those of the widget and of the parts it is
    made of (a screen's tabs); only enabled ones can be used."""
    actions = dict.fromkeys(a for w in [widget, *widget.findChildren(QWidget)] for a in w.actions())
    return [a for a in actions if a.text().rstrip().endswith("…") and a.isEnabled() and a.isVisible()]


opened: list[str] = []  # what the last run opened (the test checks it reached the dialogs it should)


def _open_each(qtbot, actions, name: str, visit: Callable[[QWidget, str], None], settle: Callable[[], None]) -> None:
    for action in actions:
        action.trigger()
        settle()  # a dialog may open only once a read it needs has come back (new conference: the boards)
        QApplication.processEvents()
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            continue
        qtbot.waitExposed(dialog)
        visit(dialog, f"{name} → {action.text().replace('&', '')}")
        opened.append(f"{name} → {action.text().replace('&', '')}")
        dialog.close() if isinstance(dialog, QMessageBox) else dialog.reject()
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_screen_and_dialog_fits_1024x600_and_reads_in_its_language(
        language, request, demo_db, open_main_window, qtbot, wait_idle, no_blocking_file_dialogs, tmp_path):
    if language == "en":
        request.getfixturevalue("english")
    opened.clear()
    window = open_main_window()
    window.resize(SCREEN.size())
    qtbot.waitUntil(lambda: window.width() <= SCREEN.width())
    problems: list[str] = []
    for row, area in enumerate(window.areas):
        window.open_area(row)
        view = window.current_view()
        qtbot.waitUntil(lambda view=view: getattr(view, "loaded", True))
        wait_idle()
        QApplication.processEvents()
        if window.width() > SCREEN.width() or window.height() > SCREEN.height():
            problems.append(f"[{language}] {area.key}: the window grows to {window.width()}×{window.height()}")
        check_window(window, area.key, language, problems)
        triggered: set = set()
        for tabs, index in [(None, -1), *_tabs_of(window)]:  # a tab's actions work while it is shown
            if tabs is not None:
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
            actions = [a for a in _dialog_actions(view) if a not in triggered]
            triggered.update(actions)
            _open_each(qtbot, actions, area.key, lambda dialog, name: check_dialog(dialog, name, language, problems),
                           wait_idle)
    menu_actions = [a for m in window.menuBar().actions() for a in _dialog_actions(m.menu())]
    _open_each(qtbot, menu_actions, "menu", lambda dialog, name: check_dialog(dialog, name, language, problems),
               wait_idle)
    first_run = FirstRunDialog(demo_db)
    qtbot.addWidget(first_run)
    first_run.show()
    check_dialog(first_run, "first run", language, problems)
    # First run from an enrolment file: its confirmation, with the longest names an office may have.
    path = tmp_path / "long.ptds-enrol"
    enrolment.make_enrolment_file(demo_db, "Ủy ban nhân dân xã Ea Kao, thành phố Buôn Ma Thuột, tỉnh Đắk Lắk",
                                  "commune", path, place_name="Buôn Ma Thuột")
    confirm = EnrolmentConfirmDialog(enrolment.preview_enrolment(path), first_run)
    confirm.show()
    qtbot.waitExposed(confirm)
    check_dialog(confirm, "first run → enrolment file", language, problems)
    assert problems == [], "\n".join(problems)
    reached = {name.split(" → ")[1] for name in opened}
    assert {"Thêm…", "Sửa…", "Thêm Ban…", "Sửa Ban…", "Thêm thành viên…", "Thành lập, kiện toàn…", "Cài đặt…",
            "Giới thiệu…", "Đăng ký văn phòng cấp dưới…"} <= reached if language == "vi" else len(reached) >= 9, \
        "; ".join(sorted(reached))
