"""Writing a many-section document (300 invitations) with progress and cancel, for the GUI's worker and the CLI.

The renderers walk `document.sections` once, in order, while they draw; handing them a sequence that reports
each section it gives out (and stops when cancelled) turns that walk into progress without the renderers
knowing. A cancelled or failed write leaves neither the target nor its partial file behind.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

from ptds_desktop.documents.model import Document, Section
from ptds_desktop.errors import Cancelled
from ptds_desktop.exports.files import format_of, write_document
from ptds_desktop.i18n import translate

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]
WRITING = "Đang ghi tệp"


class _ReportingSections(tuple):
    """A tuple of sections whose iteration reports (done, total) and raises Cancelled when asked to stop."""

    report: Callable[[int], None]

    def __iter__(self) -> Iterator[Section]:
        for index, section in enumerate(tuple.__iter__(self)):
            self.report(index)
            yield section


def write_with_progress(document: Document, target: Path | str, fmt: str | None = None,
                        progress: ProgressFn | None = None, is_cancelled: CancelFn | None = None) -> Path:
    chosen = format_of(target, fmt)
    total = len(document.sections)
    furthest = -1

    def report(index: int) -> None:
        nonlocal furthest
        if is_cancelled is not None and is_cancelled():
            raise Cancelled(translate("Core", "Đã hủy xuất văn bản; không tệp nào được ghi."))
        if progress is not None and index > furthest:  # a second walk of the sections does not move back
            furthest = index
            progress(index, total, WRITING)

    sections = _ReportingSections(document.sections)
    sections.report = report
    partial = Path(target).with_name(Path(target).name + ".part")
    try:
        written = write_document(dataclasses.replace(document, sections=sections), target, chosen)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if is_cancelled is not None and is_cancelled():  # stopped while the last pages were laid out
        written.unlink(missing_ok=True)
        raise Cancelled(translate("Core", "Đã hủy xuất văn bản; không tệp nào được ghi."))
    if progress is not None:
        progress(total, total, WRITING)
    return written
