"""Writing a many-section document (300 invitations) with progress and cancel, for the GUI's worker and the CLI.

The renderers call back as their layout reaches each section (the PDF renderer on every page), so progress
follows the slow part, and a cancel stops it there: the partial file is removed and nothing is left behind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ptds_desktop.documents.model import Document
from ptds_desktop.errors import Cancelled
from ptds_desktop.exports.files import format_of, write_document
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]
WRITING = "Đang ghi tệp"
CANCELLED = QT_TRANSLATE_NOOP("Core", "Đã hủy xuất văn bản; không tệp nào được ghi.")


def write_with_progress(document: Document, target: Path | str, fmt: str | None = None,
                        progress: ProgressFn | None = None, is_cancelled: CancelFn | None = None) -> Path:
    chosen = format_of(target, fmt)
    total = len(document.sections)
    furthest = -1

    def at_section(index: int) -> None:
        nonlocal furthest
        if is_cancelled is not None and is_cancelled():
            raise Cancelled(translate("Core", CANCELLED))
        if progress is not None and index > furthest:  # later pages of a section do not repeat it
            furthest = index
            progress(index, total, WRITING)

    written = write_document(document, target, chosen, at_section)
    if is_cancelled is not None and is_cancelled():  # stopped while the last page was finished
        written.unlink(missing_ok=True)
        raise Cancelled(translate("Core", CANCELLED))
    if progress is not None:
        progress(total, total, WRITING)
    return written
