"""The list model every screen uses: accent-insensitive filter and sort in Python, no proxy model."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from ptds_desktop.gui.table_model import Column, RowsTableModel, search_key
from ptds_desktop.text import fold


@dataclasses.dataclass(frozen=True)
class Row:
    id: str
    name: str
    note: str | None = None


def _model(*names):
    model = RowsTableModel([Column(QT_TRANSLATE_NOOP("Columns", "Tên"), lambda r: r.name)],
                           search_text=lambda r: (r.name, r.note))
    model.set_rows([Row(str(i), n) for i, n in enumerate(names)])
    return model


def _shown(model):
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_search_key_has_the_words_of_text_fold_for_every_character():
    for cp in range(0x3000):
        for text in (chr(cp), f"Đắk{chr(cp)}Lắk", f"A {chr(cp)} b"):
            assert search_key(text).split() == fold(text).split(), hex(cp)


def test_typing_narrows_and_deleting_widens_again(qapp):
    model = _model("Ủy ban nhân dân tỉnh Đắk Lắk", "Công an tỉnh Đắk Nông", "Sở Y tế")
    for text, expected in [
        ("d", ["Ủy ban nhân dân tỉnh Đắk Lắk", "Công an tỉnh Đắk Nông"]),
        ("dak l", ["Ủy ban nhân dân tỉnh Đắk Lắk"]),
        ("dak", ["Ủy ban nhân dân tỉnh Đắk Lắk", "Công an tỉnh Đắk Nông"]),
        ("ĐẮK NÔNG", ["Công an tỉnh Đắk Nông"]),
        ("", ["Ủy ban nhân dân tỉnh Đắk Lắk", "Công an tỉnh Đắk Nông", "Sở Y tế"]),
    ]:
        model.set_filter(text)
        assert _shown(model) == expected, text


def test_sort_ignores_diacritics_and_keeps_the_filter(qapp):
    model = _model("Ủy ban", "Sở Y tế", "Ban chỉ huy", "Đài phát thanh")
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert _shown(model) == ["Ban chỉ huy", "Đài phát thanh", "Sở Y tế", "Ủy ban"]
    model.set_filter("ban")
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert _shown(model) == ["Ủy ban", "Ban chỉ huy"]
