"""Every text a user can read in a window: labels, buttons, titles, tooltips, placeholders, list and combo items,
table headers, tab titles, menu and toolbar actions with their shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)


def _action_texts(action: QAction) -> list[str]:
    texts = [action.text(), action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""]
    if not action.shortcut().isEmpty():
        texts.append(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
    if action.menu() is not None:
        texts += menu_texts(action.menu())
    return texts


def menu_texts(menu: QMenu) -> list[str]:
    return [menu.title()] + [t for a in menu.actions() if not a.isSeparator() for t in _action_texts(a)]


def _model_texts(view: QAbstractItemView, rows: int = 50) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts = []
    for column in range(model.columnCount(QModelIndex())):
        texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
        for row in range(min(rows, model.rowCount())):
            texts.append(str(model.index(row, column).data(Qt.ItemDataRole.ToolTipRole) or ""))
    return texts


def visible_texts(root: QWidget, *, with_data: bool = False) -> list[tuple[str, str]]:
    """(where, text) for `root` and each child widget that is shown (or would be, in a hidden tab or page).
    Data cells are the user's own text; only with `with_data` are their tool tips read."""
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, *texts: str) -> None:
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        found.extend((where, t) for t in texts if t and t.strip())

    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and (widget.isWindow() or not widget.isVisibleTo(root)):
            continue  # another window (a pop-up, a dialog) is scanned on its own; hidden widgets say nothing
        add(widget, widget.toolTip(), widget.whatsThis(), widget.accessibleName())
        if widget is root:
            add(widget, widget.windowTitle())
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(widget, widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget, widget.title())
        elif isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
            add(widget, widget.placeholderText())
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            add(widget, *(widget.itemText(i) for i in range(widget.count())))
        elif isinstance(widget, QTabWidget):
            add(widget, *(widget.tabText(i) for i in range(widget.count())))
        elif isinstance(widget, QAbstractItemView):
            # headers are QHeaderView children (scanned as such); lists show their items
            if isinstance(widget, QListView) and widget.model() is not None:
                model = widget.model()
                add(widget, *(str(model.index(r, 0).data() or "") for r in range(min(50, model.rowCount()))))
            if isinstance(widget, QHeaderView) and widget.model() is not None:
                model = widget.model()
                add(widget, *(str(model.headerData(c, widget.orientation()) or "") for c in range(widget.count())
                              if not widget.isSectionHidden(c)))
            if with_data:
                add(widget, *_model_texts(widget))
        elif isinstance(widget, QMenu):
            add(widget, *menu_texts(widget))
        for action in widget.actions():
            if action.isVisible() and not action.isSeparator():
                add(widget, *_action_texts(action))
    return found
