"""A plan's task matrix as a workbook, the shape of seed 003's appendix: title lines, a two-level merged header
("Thời gian thực hiện" over the phase columns), Roman-numeral section rows spanning the table, wrapped
bordered cells, header rows repeated on every page, landscape A4 fitted to the width.

`write_matrix_xlsx` draws a documents.matrix.MatrixLayout (built by services.plan_documents.matrix_layout); the
importer (imports/task_matrix.py) reads the same header names back.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange

from ptds_desktop.documents.matrix import MatrixLayout, SectionLine
from ptds_desktop.errors import PtdsError
from ptds_desktop.exports.excel.common import (
    BORDER,
    CELL_FONT,
    CENTRE,
    LEFT,
    LINE_HEIGHT,
    NOTE_FONT,
    SECTION_FONT,
    _lines,
    leaf_columns,
    setup_print,
    title_line,
    write_header,
)
from ptds_desktop.i18n import translate


class _Styler:
    """Styles cells by copying one style array per (font, alignment): openpyxl hashes style objects on every
    assignment, which dominated the export of a 1,000-task matrix (benchmarks/bench_tasks_excel.py)."""

    def __init__(self) -> None:
        self._arrays: dict[tuple[int, int], object] = {}

    def apply(self, cell, font, alignment) -> None:
        key = (id(font), id(alignment))
        array = self._arrays.get(key)
        if array is None:
            cell.font, cell.alignment, cell.border = font, alignment, BORDER
            self._arrays[key] = copy.copy(cell._style)
        else:
            cell._style = copy.copy(array)


def _merge(ws, row: int, first_column: int, last_column: int) -> None:
    """Merge within one row. The cells are already bordered, so openpyxl's merge_cells (which re-borders the
    range and compares it with every earlier range, quadratic in the number of rows) is not needed."""
    ws.merged_cells.ranges.add(
        CellRange(f"{get_column_letter(first_column)}{row}:{get_column_letter(last_column)}{row}")
    )


def write_matrix_xlsx(layout: MatrixLayout, target: Path | str | BinaryIO) -> None:
    leaves = leaf_columns(layout.columns)
    n = len(leaves)
    wb = Workbook()
    ws = wb.active
    ws.title = "Phụ lục nhiệm vụ"
    for index, (_label, width, _centred) in enumerate(leaves, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    row = 1
    for line in layout.title_lines:
        row = title_line(ws, row, line, n)
    if layout.note:
        row = title_line(ws, row, layout.note, n, NOTE_FONT)
    header_row = row + 1
    row = write_header(ws, header_row, layout.columns)
    first_data = row
    alignments = [CENTRE if centred else LEFT for _label, _width, centred in leaves]
    widths = [width for _label, width, _centred in leaves]
    span_width = sum(widths[layout.time_column : layout.time_column + layout.phase_count])
    styler = _Styler()
    for row_line in layout.rows:
        if isinstance(row_line, SectionLine):
            section_line = row_line
            styler.apply(ws.cell(row=row, column=1, value=section_line.code), SECTION_FONT, CENTRE)
            styler.apply(ws.cell(row=row, column=2, value=section_line.title), SECTION_FONT, LEFT)
            for c in range(3, n + 1):
                styler.apply(ws.cell(row=row, column=c), SECTION_FONT, LEFT)
            _merge(ws, row, 2, n)
            ws.row_dimensions[row].height = LINE_HEIGHT * _lines(section_line.title, sum(widths[1:])) + 2
        else:
            task_line = row_line
            height = 1
            for c, value in enumerate(task_line.cells):
                styler.apply(ws.cell(row=row, column=c + 1, value=value), CELL_FONT, alignments[c])
                width = span_width if task_line.spanning_time and c == layout.time_column else widths[c]
                height = max(height, _lines(value or "", width))
            if task_line.spanning_time:
                start = layout.time_column + 1
                _merge(ws, row, start, start + layout.phase_count - 1)
            ws.row_dimensions[row].height = LINE_HEIGHT * height + 2
        row += 1
    setup_print(ws, (header_row, first_data - 1), landscape=True)
    ws.freeze_panes = ws.cell(row=first_data, column=1)
    wb.properties.title = f"Phụ lục nhiệm vụ - {layout.title}"[:250]
    wb.properties.creator = "PTDS Desktop"
    wb.save(target)


def export_matrix_xlsx(layout: MatrixLayout, target: Path | str) -> Path:
    """Write beside the target then rename, so an interrupted export never leaves a half-written file."""
    target = Path(target)
    partial = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_matrix_xlsx(layout, partial)
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise PtdsError(translate("Core", "Không ghi được {target}: {reason}").format(
            target=target, reason=exc.strerror or exc)) from None
    return target
