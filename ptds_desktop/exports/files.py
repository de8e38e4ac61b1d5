"""A document written to a file in the format its name (or the caller) asks for, never half-written."""

from __future__ import annotations

from pathlib import Path

from ptds_desktop.documents.model import Document
from ptds_desktop.errors import PtdsError
from ptds_desktop.exports.docx.document import render_docx
from ptds_desktop.exports.excel.document import render_xlsx
from ptds_desktop.exports.pdf.document import render_pdf
from ptds_desktop.i18n import translate

FORMATS = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel"}
RENDERERS = {"pdf": render_pdf, "docx": render_docx, "xlsx": render_xlsx}


def format_of(target: Path | str, fmt: str | None = None) -> str:
    """The format asked for, or the one the file name's suffix names."""
    chosen = (fmt or Path(target).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise PtdsError(translate("Core", "Không rõ định dạng của {name}: hãy chọn pdf, docx hoặc xlsx.").format(
            name=Path(target).name))
    return chosen


def write_document(document: Document, target: Path | str, fmt: str | None = None) -> Path:
    """Render beside `target`, then rename, so a failed or interrupted export never leaves a half-written file
    under the user's chosen name."""
    chosen = format_of(target, fmt)
    target = Path(target)
    partial = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as stream:
            RENDERERS[chosen](document, stream)
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise PtdsError(translate("Core", "Không ghi được {target}: {reason}").format(
            target=target, reason=exc.strerror or exc)) from None
    except ValueError as exc:
        partial.unlink(missing_ok=True)
        raise PtdsError(str(exc)) from None
    return target
