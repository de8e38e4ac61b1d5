"""A document written to a file in the format its name (or the caller) asks for, never half-written.

The one door to the renderers for the CLI and the GUI: each renderer module, with its library (ReportLab,
python-docx, openpyxl: about a second to import together), is imported on the first export in its format, so
neither the window nor a command waits for libraries it does not use (issue #13; allowed by tests/test_layers.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ptds_desktop.documents.model import Document
from ptds_desktop.errors import PtdsError
from ptds_desktop.i18n import translate

FORMATS = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel"}
Renderer = Callable[[Document, BinaryIO, Callable[[int], None] | None], None]


def renderer(fmt: str) -> Renderer:
    """The function drawing a document in `fmt` (a key of FORMATS), its module imported on first use."""
    if fmt == "pdf":
        from ptds_desktop.exports.pdf.document import render_pdf

        return render_pdf
    if fmt == "docx":
        from ptds_desktop.exports.docx.document import render_docx

        return render_docx
    from ptds_desktop.exports.excel.document import render_xlsx

    return render_xlsx


def format_of(target: Path | str, fmt: str | None = None) -> str:
    """The format asked for, or the one the file name's suffix names."""
    chosen = (fmt or Path(target).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise PtdsError(translate("Core", "Không rõ định dạng của {name}: hãy chọn pdf, docx hoặc xlsx.").format(
            name=Path(target).name))
    return chosen


def write_document(document: Document, target: Path | str, fmt: str | None = None,
                   at_section: Callable[[int], None] | None = None) -> Path:
    """Render beside `target`, then rename, so a failed or interrupted export never leaves a half-written file
    under the user's chosen name, nor the partial file. `at_section(index)` is called as the renderer reaches
    section `index` (for progress; an exception it raises stops the writing and propagates)."""
    chosen = format_of(target, fmt)
    target = Path(target)
    partial = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as stream:
            renderer(chosen)(document, stream, at_section)
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise PtdsError(translate("Core", "Không ghi được {target}: {reason}").format(
            target=target, reason=exc.strerror or exc)) from None
    except ValueError as exc:
        partial.unlink(missing_ok=True)
        raise PtdsError(str(exc)) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target
