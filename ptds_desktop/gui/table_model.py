"""A thin table model over a Python list of service dataclasses, filtered and sorted in Python.

Declare the columns, hand it the rows a service returned, and set the filter text:

    COLUMNS = [Column(QT_TRANSLATE_NOOP("Columns", "Tên"), lambda o: o.name), ...]
    model = RowsTableModel(COLUMNS, search_text=lambda o: (o.name, o.short_name))
    model.set_rows(rows); model.set_filter("dak lak")

No QSortFilterProxyModel (DESIGN §7: seconds over large tables). Each row's search text is folded once
in `set_rows` (about 30 ms per 10k rows); a keystroke is then a substring test per row, and typing on
narrows the rows the previous keystroke kept (about 1 ms per 10k rows).

That is for lists of thousands. A list that can reach 100,000 rows (every progress report of a province)
is searched and sorted on the database worker, and `ResultsTableModel` only shows the list it answered:

    model = ResultsTableModel(COLUMNS); model.sort_requested.connect(view.search_again)
    model.show(rows)   # a reference swap and a reset: a few ms for 100,000 rows, whatever their size
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal

from ptds_desktop.text import fold


def _vietnamese_class() -> str:
    """ASCII, letters whose NFD is an ASCII letter plus combining marks (all Vietnamese ones), đ, the marks."""
    chars = [chr(cp) for cp in range(0xC0, 0x1F00)
             if (d := unicodedata.normalize("NFD", chr(cp)))[0].isascii()
             and all(unicodedata.category(m) == "Mn" for m in d[1:])]
    chars += [chr(cp) for cp in range(0x300, 0x370)] + ["đ", "Đ"]
    return "\\x00-\\x7f" + "".join(re.escape(c) for c in chars)


_NEEDS_FULL_FOLD = re.compile(f"[^{_vietnamese_class()}]")


def search_key(text: str) -> str:
    """The words of text.fold(text), computed in C for Vietnamese text (4× faster); spacing not normalised."""
    if text.isascii():
        return text.lower()
    if _NEEDS_FULL_FOLD.search(text):
        return fold(text)
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "d"))
    return plain.encode("ascii", "ignore").decode("ascii").lower()


@dataclasses.dataclass(frozen=True)
class Column:
    title: str  # source text, marked with QT_TRANSLATE_NOOP("Columns", …); translated when shown
    value: Callable[[Any], Any]
    width: int | None = None  # initial width in pixels; None = stretch to fill
    alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class _ColumnsModel(QAbstractTableModel):
    """Rows shown through Column declarations; subclasses decide which rows (`_visible`)."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self._columns = list(columns)
        self._visible: Sequence[Any] = []

    def row_at(self, row: int) -> Any:
        return self._visible[row]

    def row_of(self, row_id: str) -> int | None:
        for i, item in enumerate(self._visible):
            if item.id == row_id:
                return i
        return None

    def columns(self) -> list[Column]:
        return list(self._columns)

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


class ResultsTableModel(_ColumnsModel):
    """The rows a search on the database worker answered, in its order. A click on a header does not sort
    here: it asks the view (`sort_requested(column, order)`; column -1 = the list's own order) to search again."""

    sort_requested = Signal(int, object)  # column, Qt.SortOrder

    def show(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._visible = rows
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_requested.emit(column, order)


class RowsTableModel(_ColumnsModel):
    def __init__(self, columns: Sequence[Column], search_text: Callable[[Any], Iterable[str | None]], parent=None):
        super().__init__(columns, parent)
        self._search_text = search_text
        self._all: list[Any] = []
        self._keys: list[str] = []
        self._words: list[str] = []
        self._query = ""
        self._matching: list[int] | None = None  # positions in _all matching _words (None = all), unsorted
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._sort_keys: dict[int, list[str]] = {}  # column -> folded value per row of _all, built on demand

    # --- what views call -------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self._all = list(rows)
        self._keys = [search_key(" ".join(t for t in self._search_text(r) if t)) for r in self._all]
        self._sort_keys = {}
        self._matching = self._match(self._words, range(len(self._all)))
        self._apply()

    def set_filter(self, text: str) -> None:
        query = fold(text)
        if query == self._query:
            return
        # Typing on only narrows: rows failing "dak" cannot match "dak l".
        narrowing = self._query and query.startswith(self._query) and self._matching is not None
        candidates = self._matching if narrowing else range(len(self._all))
        self._query, self._words = query, query.split()
        self._matching = self._match(self._words, candidates)
        self._apply()

    def all_rows(self) -> list[Any]:
        """Every row, ignoring the filter."""
        return list(self._all)

    @property
    def total_count(self) -> int:
        return len(self._all)

    # --- QAbstractTableModel ----------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._apply()

    # --- internals --------------------------------------------------------------------------------
    def _match(self, words: list[str], candidates) -> list[int] | None:
        keys = self._keys
        if not words:
            return None
        if len(words) == 1:
            word = words[0]
            return [i for i in candidates if word in keys[i]]
        matching = list(candidates)
        for word in sorted(words, key=len, reverse=True):  # one pass per word, the rarest (longest) first
            matching = [i for i in matching if word in keys[i]]
        return matching

    def _apply(self) -> None:
        self.beginResetModel()
        positions = range(len(self._all)) if self._matching is None else self._matching
        if self._sort is not None:
            column, order = self._sort
            if column not in self._sort_keys:
                value = self._columns[column].value
                self._sort_keys[column] = [search_key(str(value(r) or "")) for r in self._all]
            sort_keys = self._sort_keys[column]
            positions = sorted(positions, key=sort_keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        self._visible = [self._all[i] for i in positions]
        self.endResetModel()
