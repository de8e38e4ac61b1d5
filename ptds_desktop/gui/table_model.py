"""A thin table model over a Python list of service dataclasses, filtered and sorted in Python.

Declare the columns, hand it the rows a service returned, and set the filter text:

    COLUMNS = [Column(QT_TRANSLATE_NOOP("Columns", "Tên"), lambda o: o.name), ...]
    model = RowsTableModel(COLUMNS, search_text=lambda o: (o.name, o.short_name))
    model.set_rows(rows); model.set_filter("dak lak")

No QSortFilterProxyModel (DESIGN §7: seconds over large tables). Each row's search text is folded once
in `set_rows`; a filter keystroke is then a substring test per row, milliseconds for 100k rows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from ptds_desktop.text import fold


@dataclasses.dataclass(frozen=True)
class Column:
    title: str  # source text, marked with QT_TRANSLATE_NOOP("Columns", …); translated when shown
    value: Callable[[Any], Any]
    width: int | None = None  # initial width in pixels; None = stretch to fill
    alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class RowsTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], search_text: Callable[[Any], Iterable[str | None]], parent=None):
        super().__init__(parent)
        self._columns = list(columns)
        self._search_text = search_text
        self._all: list[Any] = []
        self._keys: list[str] = []
        self._visible: list[Any] = []
        self._words: list[str] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._sort_keys: dict[int, list[str]] = {}  # column -> folded value per row of _all, built on demand

    # --- what views call -------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self._all = list(rows)
        self._keys = [" ".join(fold(t) for t in self._search_text(r) if t) for r in self._all]
        self._sort_keys = {}
        self._apply()

    def set_filter(self, text: str) -> None:
        words = fold(text).split()
        if words != self._words:
            self._words = words
            self._apply()

    def row_at(self, row: int) -> Any:
        return self._visible[row]

    def row_of(self, row_id: str) -> int | None:
        for i, item in enumerate(self._visible):
            if item.id == row_id:
                return i
        return None

    def all_rows(self) -> list[Any]:
        """Every row, ignoring the filter."""
        return list(self._all)

    @property
    def total_count(self) -> int:
        return len(self._all)

    def columns(self) -> list[Column]:
        return list(self._columns)

    # --- QAbstractTableModel ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = column.value(self._visible[index.row()])
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment.value)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Columns", self._columns[section].title)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._apply()

    # --- internals --------------------------------------------------------------------------------
    def _apply(self) -> None:
        self.beginResetModel()
        positions = range(len(self._all))
        if self._words:
            words, keys = self._words, self._keys
            positions = [i for i in positions if all(w in keys[i] for w in words)]
        if self._sort is not None:
            column, order = self._sort
            if column not in self._sort_keys:
                value = self._columns[column].value
                self._sort_keys[column] = [fold(str(value(r) or "")) for r in self._all]
            sort_keys = self._sort_keys[column]
            positions = sorted(positions, key=sort_keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        self._visible = [self._all[i] for i in positions]
        self.endResetModel()
