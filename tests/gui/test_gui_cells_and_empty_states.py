"""Every registered area (gui/areas.py) at 1024×600 in both languages: table cells show their whole text, or an
ellipsis with a tooltip holding the whole text (never a fragment cut mid-word); and on an empty database each area
says what to do first, naming an action that is enabled."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QWidget,
)

from ptds_desktop import datafile
from ptds_desktop.gui.widgets import EmptyHint

SCREEN = QSize(1024, 600)
FIRST_ROWS = 12
# The Sync screen's first-run guidance is being rewritten with GUI enrolment: only a non-empty hint is asked of it.
SYNC = "sync"


def _needed(view: QAbstractItemView, index: QModelIndex, width: int) -> QSize:
    """The size the delegate needs to show the cell's whole text in a cell `width` wide (wrapping if the view does)."""
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, width, 10_000)
    option.font = view.font()
    option.fontMetrics = view.fontMetrics()
    if getattr(view, "wordWrap", lambda: False)():
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
    return view.itemDelegateForIndex(index).sizeHint(option, index)


def _cell_problems(view: QAbstractItemView, where: str) -> list[str]:
    model = view.model()
    problems: list[str] = []
    if model is None:
        return problems
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    for row in range(min(FIRST_ROWS, model.rowCount(QModelIndex()))):
        for column in range(columns):
            if isinstance(view, QTableView) and (view.isColumnHidden(column) or view.isRowHidden(row)):
                continue
            index = model.index(row, column)
            text = str(model.data(index, Qt.ItemDataRole.DisplayRole) or "")
            rect = view.visualRect(index)
            if not text.strip() or rect.width() <= 0:
                continue
            if isinstance(view, QTableView) and view.columnSpan(row, column) > 1:
                continue  # a heading spanning the row: measured below with its whole width
            needed = _needed(view, index, rect.width())
            if needed.width() <= rect.width() + margin and needed.height() <= rect.height() + margin:
                continue
            tooltip = str(model.data(index, Qt.ItemDataRole.ToolTipRole) or "")
            if view.textElideMode() == Qt.TextElideMode.ElideNone:
                problems.append(f"{where} row {row + 1} col {column + 1}: “{text[:40]}” cut without “…”")
            elif " ".join(text.split()) not in " ".join(tooltip.split()):
                problems.append(f"{where} row {row + 1} col {column + 1}: “{text[:40]}” needs "
                                f"{needed.width()}×{needed.height()}, has {rect.width()}×{rect.height()}, and no "
                                f"tooltip shows it whole")
    return problems


def _views(top: QWidget) -> list[QAbstractItemView]:
    return [v for v in top.findChildren(QAbstractItemView)
            if v.isVisibleTo(top) and v.model() is not None and v.viewport().isVisibleTo(top)
            and v.parentWidget() is not None and not v.isWindow()]


def _pages(view: QWidget) -> list[tuple[QTabWidget | None, int]]:
    return [(None, -1)] + [(tabs, i) for tabs in view.findChildren(QTabWidget) if tabs.isVisibleTo(view)
                           for i in range(tabs.count())]


def _each_page(window, qtbot, wait_idle):
    """Yields (area key, page name, view) for every area and each of its tabs, loaded."""
    for row, area in enumerate(window.areas):
        window.open_area(row)
        view = window.current_view()
        qtbot.waitUntil(lambda view=view: getattr(view, "loaded", True), timeout=30_000)
        wait_idle()
        for tabs, index in _pages(view):
            if tabs is not None:
                tabs.setCurrentIndex(index)  # a tab may read its list when first shown
                qtbot.waitUntil(lambda tabs=tabs: getattr(tabs.currentWidget(), "loaded", True), timeout=30_000)
                wait_idle()
            QApplication.processEvents()
            yield area.key, area.key if tabs is None else f"{area.key} / {tabs.tabText(index)}", view


@pytest.fixture
def english_or_not(request):
    def choose(language: str) -> None:
        if language == "en":
            request.getfixturevalue("english")
    return choose


@pytest.mark.parametrize("language", ["vi", "en"])
def test_table_cells_show_whole_texts_or_an_ellipsis_with_the_whole_text_as_tooltip(
        language, english_or_not, db, open_main_window, qtbot, wait_idle):
    english_or_not(language)
    datafile.load_demo(db)
    window = open_main_window()
    window.resize(SCREEN)
    problems: list[str] = []
    checked = 0
    for _key, page, view in _each_page(window, qtbot, wait_idle):
        for table in _views(view):
            if table.model().rowCount(QModelIndex()):
                checked += 1
            problems += [f"[{language}] {p}" for p in _cell_problems(table, f"{page} {type(table.model()).__name__}")]
    assert checked >= 8, "the demo data should fill the lists of every area"
    assert problems == [], "\n".join(dict.fromkeys(problems))


def _action_names(text: str) -> list[str]:
    """What a hint tells the user to press: “Thêm Ban…” (quoted) or a shortcut such as Ctrl+N."""
    return re.findall(r"“([^”]+)”", text) + re.findall(r"\b(?:Ctrl|Alt)\+\w+", text)


def _enabled_action(view: QWidget, name: str) -> bool:
    for widget in [view, *view.findChildren(QWidget)]:
        for action in widget.actions():
            if not action.isEnabled():
                continue
            if action.text().replace("&", "").strip() == name or action.shortcut().toString() == name:
                return True
    return False


@pytest.mark.parametrize("language", ["vi", "en"])
def test_each_empty_area_says_what_to_do_first_with_that_action_enabled(
        language, english_or_not, open_main_window, qtbot, wait_idle):
    english_or_not(language)
    window = open_main_window()
    window.resize(SCREEN)
    problems: list[str] = []
    for key, page, view in _each_page(window, qtbot, wait_idle):
        empty_lists = [v for v in _views(view) if v.model().rowCount(QModelIndex()) == 0]
        if not empty_lists:
            continue
        hints = [h.label.text() for h in view.findChildren(EmptyHint) if h.label.isVisibleTo(view)]
        if not any(h.strip() for h in hints):
            problems.append(f"[{language}] {page}: an empty list with no hint of what to do first")
            continue
        if key == SYNC:
            continue
        for hint in hints:
            for name in _action_names(hint):
                if not _enabled_action(view, name):
                    problems.append(f"[{language}] {page}: the hint “{hint}” names “{name}”, not an enabled action")
        if not any(_enabled_action(view, name) for hint in hints for name in _action_names(hint)):
            problems.append(f"[{language}] {page}: no hint names an action to start with: {hints}")
    assert problems == [], "\n".join(dict.fromkeys(problems))
