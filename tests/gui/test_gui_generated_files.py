"""Committed generated files match their sources: compiled forms, the English translation and its .qm."""

from __future__ import annotations

import importlib.util
import shutil
import xml.etree.ElementTree as ET

import pytest

from ptds_desktop import i18n
from ptds_desktop.config import PROJECT_ROOT
from ptds_desktop.gui import labels
from ptds_desktop.models import enums

FIX = "run: .venv/bin/python tools/compile_ui.py --update-ts"


@pytest.fixture(scope="module")
def compile_ui():
    spec = importlib.util.spec_from_file_location("compile_ui", PROJECT_ROOT / "tools" / "compile_ui.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_compiled_forms_are_up_to_date(compile_ui, tmp_path):
    fresh = compile_ui.compile_forms(tmp_path)
    assert fresh, "no ui/*.ui forms found"
    committed = {p.name for p in compile_ui.FORMS_DIR.glob("ui_*.py")}
    assert committed == {p.name for p in fresh}, f"forms added or removed; {FIX}"
    for path in fresh:
        assert path.read_text(encoding="utf-8") == (compile_ui.FORMS_DIR / path.name).read_text(encoding="utf-8"), (
            f"{path.name} is stale; {FIX}")


def test_every_text_has_an_english_translation(compile_ui, tmp_path):
    committed = compile_ui.TRANSLATIONS_DIR / "ptds_en.ts"
    fresh = tmp_path / "ptds_en.ts"
    shutil.copy(committed, fresh)
    compile_ui.update_ts(fresh)
    assert fresh.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), (
        f"the texts in the code changed since ptds_en.ts was updated; {FIX}")
    untranslated = [
        m.findtext("source") for m in ET.parse(committed).iter("message")
        if m.find("translation").get("type") == "unfinished"
    ]
    assert untranslated == [], "translate these in resources/translations/ptds_en.ts"


def test_compiled_translations_are_up_to_date(compile_ui, tmp_path):
    ts_files = sorted(compile_ui.TRANSLATIONS_DIR.glob("*.ts"))
    assert {p.name for p in ts_files} >= {"ptds_en.ts", "qt_vi.ts"}
    for ts_file in ts_files:
        fresh = tmp_path / ts_file.with_suffix(".qm").name
        compile_ui.release(ts_file, fresh)
        assert fresh.read_bytes() == ts_file.with_suffix(".qm").read_bytes(), f"{fresh.name} is stale; {FIX}"


def test_vocabulary_labels_are_declared_once_and_translated(qapp):
    """Labels live in models/enums.py only: the interface shows the core's vocabularies, in English from the
    one catalogue lupdate fills from enums.py (a label lupdate did not see shows in Vietnamese)."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    vocabularies = {name: v for name, v in vars(enums).items() if isinstance(v, enums.Vocabulary)}
    assert {"OFFICE_LEVELS", "ORG_KINDS", "BOARD_ROLES", "DECISION_KINDS"} <= set(vocabularies)
    for name, value in vars(labels).items():
        if name.endswith("_LABELS"):
            assert any(value is v for v in vocabularies.values()), f"gui/labels.py {name} repeats a vocabulary"
    translator = QTranslator()
    assert translator.load(str(PROJECT_ROOT / "resources" / "translations" / "ptds_en.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        for name, vocabulary in vocabularies.items():
            for code in vocabulary:
                english = labels.label(vocabulary, code)
                assert english != vocabulary[code] or english.isascii(), f"{name}[{code!r}] is not translated"
                i18n.set_language("en")
                try:
                    assert vocabulary.translated(code) == english, f"{name}[{code!r}]: core and GUI differ"
                finally:
                    i18n.set_language("vi")
    finally:
        QCoreApplication.removeTranslator(translator)
