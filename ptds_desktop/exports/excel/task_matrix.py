"""A plan's task matrix as a workbook, the shape of seed 003's appendix: title lines, a two-level merged header
("Thời gian thực hiện" over the phase columns), Roman-numeral section rows spanning the table, wrapped
bordered cells, header rows repeated on every page, landscape A4 fitted to the width.

`matrix_layout` turns the matrix into plain columns and rows (the shape of the document model's Table), and
`write_matrix_xlsx` draws them; the importer (imports/task_matrix.py) reads the same header names back.
"""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange

from ptds_desktop.errors import PtdsError
from ptds_desktop.exports.excel.common import (
    BORDER,
    CELL_FONT,
    CENTRE,
    LEFT,
    LINE_HEIGHT,
    NOTE_FONT,
    SECTION_FONT,
    Column,
    _lines,
    leaf_columns,
    setup_print,
    title_line,
    write_header,
)
from ptds_desktop.models.enums import TASK_AGENCY_ROLES
from ptds_desktop.services.plans import PlanMatrix, TaskData
from ptds_desktop.text import format_long_date

TIME_LABEL = "Thời gian thực hiện"
DELIVERABLE_LABEL = "Sản phẩm nhiệm vụ"
PHASE_MARK = "x"


@dataclasses.dataclass(frozen=True)
class SectionLine:
    code: str
    title: str


@dataclasses.dataclass(frozen=True)
class TaskLine:
    cells: tuple[str | None, ...]  # one per leaf column
    spanning_time: bool  # the timeframe words span the phase columns (merged)


@dataclasses.dataclass(frozen=True)
class MatrixLayout:
    title_lines: tuple[str, ...]
    note: str | None
    columns: tuple[Column, ...]
    rows: tuple[SectionLine | TaskLine, ...]
    time_column: int  # 0-based leaf index of the first time column
    phase_count: int


def appendix_note(matrix: PlanMatrix) -> str | None:
    """ "(Kèm theo Chương trình hành động số 04/CTr-UBND ngày 31 tháng 12 năm 2024 của UBND thành phố …)"."""
    plan = matrix.plan
    if not plan.number_symbol and not plan.issued_on:
        return None
    words = f"(Kèm theo {plan.kind_label}"
    if plan.number_symbol:
        words += f" số {plan.number_symbol}"
    if plan.issued_on:
        words += f" {format_long_date(plan.issued_on)}"
    if plan.issuer_name:
        words += f" của {plan.issuer_name}"
    return words + ")"


def matrix_layout(matrix: PlanMatrix) -> MatrixLayout:
    plan = matrix.plan
    roles = matrix.roles
    phases = plan.phase_labels
    with_deliverable = bool(phases) or any(t.deliverable for t in matrix.tasks)
    role_width = 24 if len(roles) <= 2 else 20
    columns = [Column("TT", 5, centred=True), Column("Nội dung", 46 if len(roles) <= 2 else 40)]
    columns += [Column(TASK_AGENCY_ROLES[r], role_width) for r in roles]
    if phases:
        columns.append(Column(TIME_LABEL, children=tuple((label, 13) for label in phases), centred=True))
    else:
        columns.append(Column(TIME_LABEL, 15, centred=True))
    if with_deliverable:
        columns.append(Column(DELIVERABLE_LABEL, 22))
    time_column = 2 + len(roles)

    def task_line(task: TaskData) -> TaskLine:
        cells: list[str | None] = [task.code, task.content, *(task.agencies_text(r) or None for r in roles)]
        spanning = False
        if phases:
            marks = set(task.timeframe.phases)
            if marks:
                cells += [PHASE_MARK if i in marks else None for i in range(1, len(phases) + 1)]
            else:
                cells += [task.timeframe.text] + [None] * (len(phases) - 1)
                spanning = bool(task.timeframe.text) and len(phases) > 1
        else:
            cells.append(task.timeframe.text)
        if with_deliverable:
            cells.append(task.deliverable)
        return TaskLine(tuple(cells), spanning)

    rows: list[SectionLine | TaskLine] = [task_line(t) for t in matrix.tasks_of(None)]
    for section in matrix.sections:
        rows.append(SectionLine(section.code, section.title))
        rows += [task_line(t) for t in matrix.tasks_of(section.id)]
    appendix = plan.appendix_title.splitlines() if plan.appendix_title else [plan.title]
    # An appendix title transcribed with its "(Kèm theo …)" line keeps it as printed.
    printed_note = next((line for line in appendix if line.startswith("(")), None)
    return MatrixLayout(
        title_lines=("Phụ lục", *(line for line in appendix if line != printed_note)),
        note=printed_note or appendix_note(matrix),
        columns=tuple(columns),
        rows=tuple(rows),
        time_column=time_column,
        phase_count=len(phases),
    )


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


def write_matrix_xlsx(matrix: PlanMatrix, target: Path | str | BinaryIO) -> None:
    layout = matrix_layout(matrix)
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
    wb.properties.title = f"Phụ lục nhiệm vụ - {matrix.plan.title}"[:250]
    wb.properties.creator = "PTDS Desktop"
    wb.save(target)


def export_matrix_xlsx(matrix: PlanMatrix, target: Path | str) -> Path:
    """Write beside the target then rename, so an interrupted export never leaves a half-written file."""
    target = Path(target)
    partial = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_matrix_xlsx(matrix, partial)
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise PtdsError(f"Không ghi được {target}: {exc.strerror or exc}") from None
    return target
