"""One catalogue of texts for the core, the GUI and the CLI, in the language the user chose.

Texts are written in Vietnamese. The English interface reads resources/translations/ptds_en.ts, the file Qt
Linguist edits and `tools/compile_ui.py --update-ts` fills from the code: lupdate finds the core's
`translate("Context", "text")` and `QT_TRANSLATE_NOOP("Context", "text")` calls as it finds the GUI's. The core
cannot import Qt, so this module reads the .ts itself; the GUI's QTranslator reads the same texts from the .qm.

Texts with values use named fields filled after translation, so a translator can reorder them:
    translate("Dates", "{field} không tồn tại: {text}.").format(field=..., text=...)
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET

from ptds_desktop.config import RESOURCES_DIR

TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
SOURCE_LANGUAGE = "vi"
_current = SOURCE_LANGUAGE


def set_language(language: str) -> None:
    """The interface language for every text the core produces from now on (the GUI sets it at start-up)."""
    global _current
    _current = language if language in available_languages() else SOURCE_LANGUAGE


def current_language() -> str:
    return _current


def available_languages() -> list[str]:
    return [SOURCE_LANGUAGE] + sorted(p.stem.split("_", 1)[1] for p in TRANSLATIONS_DIR.glob("ptds_*.ts"))


@functools.cache
def _catalogue(language: str) -> dict[tuple[str, str], str]:
    root = ET.parse(TRANSLATIONS_DIR / f"ptds_{language}.ts").getroot()
    texts = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") != "unfinished":
                texts[(name, message.findtext("source") or "")] = translation.text
    return texts


def translate(context: str, text: str) -> str:
    """`text` in the current language (itself when Vietnamese, or when no translation exists yet)."""
    if _current == SOURCE_LANGUAGE:
        return text
    return _catalogue(_current).get((context, text), text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks a text to translate later with translate(context, text): a label passed to a message."""
    return text
