"""Committed generated files match their sources: compiled forms, the English translation and its .qm."""

from __future__ import annotations

import importlib.util
import shutil
import xml.etree.ElementTree as ET

import pytest

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


def test_interface_labels_match_the_core_vocabularies():
    """Every `<NAME>_LABELS` of gui/labels.py is the core's `<NAME>S` word for word (then translated)."""
    interface = {name: value for name, value in vars(labels).items() if name.endswith("_LABELS")}
    assert set(interface) >= {"OFFICE_LEVEL_LABELS", "ORG_KIND_LABELS", "BOARD_ROLE_LABELS", "DECISION_KIND_LABELS"}
    for name, labels_of in interface.items():
        stem = name.removesuffix("_LABELS")
        vocabulary = stem + ("ES" if stem.endswith("S") else "S")  # PROGRESS_STATUS_LABELS: PROGRESS_STATUSES
        assert getattr(enums, vocabulary) == labels_of, f"{name} differs from models/enums.py {vocabulary}"
