"""Compile the GUI's generated files, which are committed:

    ui/*.ui                               -> ptds_desktop/gui/forms/ui_*.py   (pyside6-uic)
    resources/translations/*.ts           -> *.qm                              (pyside6-lrelease)
      ptds_en.ts: the app's texts in English (source texts are Vietnamese), the core's messages included;
      qt_vi.ts:   Qt's own texts (context menus, standard buttons) in Vietnamese, kept by hand

Run after editing a form or a translation:      .venv/bin/python tools/compile_ui.py
After adding or changing tr() texts, first refresh the .ts from the sources (then translate the new
entries in Qt Linguist, `pyside6-linguist resources/translations/ptds_en.ts`, and run again):
                                                .venv/bin/python tools/compile_ui.py --update-ts
tests/gui/test_generated_files.py fails while any of these is stale or a text lacks its translation.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "ptds_desktop" / "gui" / "forms"
PACKAGE_DIR = ROOT / "ptds_desktop"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"


def qt_tool(name: str) -> str:
    """A PySide6 tool from the venv this Python runs in (pyside6-uic, pyside6-lupdate, pyside6-lrelease)."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6-Essentials in this environment.")
    return found


def form_target(ui_file: Path, out_dir: Path) -> Path:
    return out_dir / f"ui_{ui_file.stem}.py"


def compile_forms(out_dir: Path = FORMS_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        target = form_target(ui_file, out_dir)
        subprocess.run([qt_tool("pyside6-uic"), str(ui_file), "-o", str(target)], check=True)
        written.append(target)
    return written


def translation_sources() -> list[Path]:
    """Files holding translatable texts: the forms, the GUI code (not the forms compiled from them) and the
    core's messages (ptds_desktop/i18n.py: one catalogue for the core, the GUI and the CLI)."""
    code = [p for p in sorted(PACKAGE_DIR.rglob("*.py")) if FORMS_DIR not in p.parents and "migrations" not in p.parts]
    return sorted(UI_DIR.glob("*.ui")) + code


def update_ts(ts_file: Path) -> str:
    """Refresh a .ts from the sources: new texts appear unfinished, vanished ones are dropped."""
    proc = subprocess.run(
        [qt_tool("pyside6-lupdate"), *map(str, translation_sources()), "-locations", "none", "-no-obsolete",
         "-source-language", "vi_VN", "-target-language", ts_file.stem.split("_", 1)[1], "-ts", str(ts_file)],
        check=True, capture_output=True, text=True,
    )
    return proc.stdout


def release(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update-ts", action="store_true", help="refresh the .ts files from the sources first")
    args = parser.parse_args()
    for path in compile_forms():
        print(f"form        {path.relative_to(ROOT)}")
    for ts_file in sorted(TRANSLATIONS_DIR.glob("*.ts")):
        if args.update_ts and ts_file.name.startswith("ptds_"):  # qt_*.ts translate Qt's own texts, by hand
            print(update_ts(ts_file).strip())
        qm_file = ts_file.with_suffix(".qm")
        release(ts_file, qm_file)
        unfinished = ts_file.read_text(encoding="utf-8").count('type="unfinished"')
        note = f"  ({unfinished} texts still untranslated)" if unfinished else ""
        print(f"translation {qm_file.relative_to(ROOT)}{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
