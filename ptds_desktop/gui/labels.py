"""Labels of the core's closed vocabularies (models/enums.py), marked so lupdate offers them for translation.

The Vietnamese text must equal the core's label exactly (tests/gui/test_translations.py checks it);
`label(ORG_KIND_LABELS, code)` returns it in the interface language.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Labels"

OFFICE_LEVEL_LABELS = {
    "province": QT_TRANSLATE_NOOP("Labels", "Tỉnh"),
    "commune": QT_TRANSLATE_NOOP("Labels", "Xã, phường"),
    "department": QT_TRANSLATE_NOOP("Labels", "Sở, ngành"),
}

ORG_KIND_LABELS = {
    "people_committee": QT_TRANSLATE_NOOP("Labels", "Ủy ban nhân dân"),
    "department": QT_TRANSLATE_NOOP("Labels", "Sở, ban, ngành"),
    "party": QT_TRANSLATE_NOOP("Labels", "Cơ quan Đảng"),
    "front": QT_TRANSLATE_NOOP("Labels", "Mặt trận, đoàn thể"),
    "military": QT_TRANSLATE_NOOP("Labels", "Quân sự"),
    "police": QT_TRANSLATE_NOOP("Labels", "Công an"),
    "press": QT_TRANSLATE_NOOP("Labels", "Báo chí"),
    "group": QT_TRANSLATE_NOOP("Labels", "Nhóm cơ quan"),
    "other": QT_TRANSLATE_NOOP("Labels", "Khác"),
}


def label(labels: dict[str, str], code: str) -> str:
    source = labels.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source else code
