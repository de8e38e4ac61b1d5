"""Small helpers every dialog uses: button texts in the interface language, and errors shown beside a field."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QStyle,
    QTableView,
    QToolBar,
    QToolButton,
    QWidget,
)

from ptds_desktop.errors import PtdsError, ValidationError
from ptds_desktop.gui.table_model import RowsTableModel

# Qt ships no Vietnamese translation of its own buttons, so the ones we show are named here.
_BUTTON_TEXTS = {
    QDialogButtonBox.StandardButton.Ok: QT_TRANSLATE_NOOP("Buttons", "Đồng ý"),
    QDialogButtonBox.StandardButton.Save: QT_TRANSLATE_NOOP("Buttons", "Lưu"),
    QDialogButtonBox.StandardButton.Cancel: QT_TRANSLATE_NOOP("Buttons", "Hủy"),
    QDialogButtonBox.StandardButton.Close: QT_TRANSLATE_NOOP("Buttons", "Đóng"),
    QDialogButtonBox.StandardButton.Yes: QT_TRANSLATE_NOOP("Buttons", "&Có"),
    QDialogButtonBox.StandardButton.No: QT_TRANSLATE_NOOP("Buttons", "&Không"),
}
_MESSAGE_BOX_BUTTONS = {
    QMessageBox.StandardButton.Ok: _BUTTON_TEXTS[QDialogButtonBox.StandardButton.Ok],
    QMessageBox.StandardButton.Cancel: _BUTTON_TEXTS[QDialogButtonBox.StandardButton.Cancel],
    QMessageBox.StandardButton.Close: _BUTTON_TEXTS[QDialogButtonBox.StandardButton.Close],
    QMessageBox.StandardButton.Yes: _BUTTON_TEXTS[QDialogButtonBox.StandardButton.Yes],
    QMessageBox.StandardButton.No: _BUTTON_TEXTS[QDialogButtonBox.StandardButton.No],
}


def name_buttons(box: QDialogButtonBox | QMessageBox) -> None:
    """Give the standard buttons of a button box or message box their texts in the interface language."""
    texts = _BUTTON_TEXTS if isinstance(box, QDialogButtonBox) else _MESSAGE_BOX_BUTTONS
    for which, source in texts.items():
        button = box.button(which)
        if button is not None:
            button.setText(QCoreApplication.translate("Buttons", source))


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons=QMessageBox.StandardButton.Ok, default=QMessageBox.StandardButton.NoButton) -> QMessageBox:
    """A window-modal message box, not yet shown: call .open() (never blocks; tests can find and click it)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setDefaultButton(default)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    name_buttons(box)
    return box


def show_error(parent: QWidget | None, exc: Exception) -> QMessageBox:
    """A user error shows its Vietnamese message; anything else says it was unexpected and gives details."""
    title = QCoreApplication.translate("Errors", "Lỗi")
    if isinstance(exc, PtdsError):
        box = message_box(parent, QMessageBox.Icon.Warning, title, str(exc))
    else:
        box = message_box(parent, QMessageBox.Icon.Critical, title,
                          QCoreApplication.translate("Errors",
                              "Đã xảy ra lỗi không mong đợi. Dữ liệu không bị thay đổi."))
        box.setDetailedText(f"{type(exc).__name__}: {exc}")
    box.open()
    return box


class FieldErrors:
    """Shows an error (ValidationError.field names the field) right under that field's row of the form, and marks
    the field; an error naming no field on the form shows in `label` where the form placed it."""

    def __init__(self, label: QLabel, fields: Mapping[str, QWidget]) -> None:
        self._label = label
        self._fields = dict(fields)
        self._marked: QWidget | None = None
        home = label.parentWidget().layout()
        assert isinstance(home, QBoxLayout), "the error label sits in a box layout of the form"
        self._home = home
        self._home_index = home.indexOf(label)
        self._placed_in: QFormLayout | None = None
        self.clear()

    def clear(self) -> None:
        if self._placed_in is not None:
            self._placed_in.takeRow(self._label)
            self._placed_in = None
            self._home.insertWidget(self._home_index, self._label)
        self._label.clear()
        self._label.hide()
        if self._marked is not None:
            self._marked.setStyleSheet("")
            self._marked = None

    def show(self, exc: Exception) -> None:
        self.clear()
        self._label.setText(str(exc))
        self._label.show()
        field = exc.field if isinstance(exc, ValidationError) else None
        widget = self._fields.get(field or "")
        if widget is None:
            return
        marked = widget.focusProxy() or widget  # a composite field (DateField): mark its line edit
        marked.setStyleSheet("border: 1px solid #b00020;")
        widget.setFocus()
        self._marked = marked
        self._place_under(widget)

    def _place_under(self, widget: QWidget) -> None:
        for form in self._label.window().findChildren(QFormLayout):
            row = _form_row_of(form, widget)
            if row is not None:
                self._home.removeWidget(self._label)
                form.insertRow(row + 1, self._label)
                self._label.show()
                self._placed_in = form
                return


def _form_row_of(form: QFormLayout, widget: QWidget) -> int | None:
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.FieldRole) or form.itemAt(row, QFormLayout.ItemRole.SpanningRole)
        if item is None:
            continue
        layout = item.layout()
        if item.widget() is widget or (layout is not None and layout.indexOf(widget) >= 0):
            return row
    return None


class EmptyHint(QObject):
    """A grey note centred over an empty table: nothing there yet, or nothing matches the filter."""

    def __init__(self, view: QAbstractItemView, when_empty: str, when_filtered: str):
        super().__init__(view)
        self._when_empty = when_empty
        self._when_filtered = when_filtered
        self.label = QLabel(view.viewport())
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: palette(mid); padding: 24px;")
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.hide()
        view.viewport().installEventFilter(self)

    def update_for(self, shown: int, total: int, when_empty: str | None = None) -> None:
        """`when_empty`: what to do first when it depends on the state (no board yet: add one)."""
        self.label.setText((when_empty or self._when_empty) if total == 0 else self._when_filtered)
        self.label.setVisible(shown == 0)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.label.setGeometry(0, 0, watched.width(), min(watched.height(), 120))
        return False


def size_columns(table: QTableView, widths, *, wrap: bool = False) -> None:
    """How every table looks: whole rows, read-only, alternating rows, the given column widths (None = stretch).
    For tables in the service's order (roster, history, decisions): one row at a time, not sortable.
    `wrap` lets long texts wrap onto taller rows instead of being cut; only for short lists."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(wrap)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    if wrap:
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    for i in range(len(widths)):
        header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
    _ColumnFit(table, list(widths))


class _ColumnFit(QObject):
    """Column widths that keep every header readable: a fixed column is never narrower than its header; the
    stretching columns (width None) share what is left but keep at least their header's width (and
    STRETCH_MINIMUM for their text), so a narrow screen scrolls the table sideways instead of cutting headers."""

    STRETCH_MINIMUM = 120

    def __init__(self, table: QTableView, widths: list[int | None]) -> None:
        super().__init__(table)
        self._table = table
        self._widths = widths
        table.viewport().installEventFilter(self)
        self.fit()

    def _header_width(self, section: int) -> int:
        header = self._table.horizontalHeader()
        model = self._table.model()
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "") if model is not None else ""
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        return max((header.fontMetrics().horizontalAdvance(line) for line in text.split("\n")), default=0) \
            + 2 * margin + 4

    def fit(self) -> None:
        header = self._table.horizontalHeader()
        fixed = {i: max(w, self._header_width(i)) for i, w in enumerate(self._widths) if w is not None}
        stretch = {i: max(self.STRETCH_MINIMUM, self._header_width(i))
                   for i, w in enumerate(self._widths) if w is None}
        spare = self._table.viewport().width() - sum(fixed.values()) - sum(stretch.values())
        share = max(0, spare) // len(stretch) if stretch else 0
        for i, width in fixed.items():
            header.resizeSection(i, width)
        for i, width in stretch.items():
            header.resizeSection(i, width + share)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False


def configure_table(table: QTableView, model: RowsTableModel) -> None:
    """A catalogue list: as size_columns with the model's Column widths, plus multi-select and sorting."""
    table.setModel(model)
    size_columns(table, [column.width for column in model.columns()])
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)


def view_action(owner: QWidget, text: str, shortcut, slot, icon=None, tip: str = "") -> QAction:
    """An action of a view: its shortcut works anywhere in the window while the view is shown, and only then
    (a hidden area's shortcuts must not fire)."""
    action = QAction(text, owner)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(slot)
    if icon is not None:
        action.setIcon(icon)
    if tip:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)  # key names in the UI language
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
    owner.addAction(action)
    return action


def tool_button(action: QAction) -> QToolButton:
    """A flat button showing an action's icon and text beside each other (the bars above the lists)."""
    button = QToolButton()
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setAutoRaise(True)
    return button


def action_bar(actions: Sequence[QAction], trailing: Sequence[QAction] = ()) -> QToolBar:
    """The bar above a list: `actions` from the left, `trailing` at the right end. On a narrow screen the
    actions that do not fit move into the bar's » menu instead of widening the window."""
    bar = QToolBar()
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.setIconSize(QSize(16, 16))
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.addActions(list(actions))
    if trailing:
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addActions(list(trailing))
    return bar


def widget_shortcut(widget: QWidget, key: Qt.Key, slot: Callable[[], object]) -> QAction:
    """A key that acts only while `widget` has the focus (Enter in a table edits; Down in a filter box)."""
    action = QAction(widget)
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(slot)
    widget.addAction(action)
    return action
