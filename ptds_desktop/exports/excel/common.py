"""Workbook helpers of the task matrix (exports/excel/task_matrix.py), until it is drawn by render_xlsx from
the document model: shared style objects, centred title lines, a merged one- or two-level header, bordered
wrapped cells, print titles, A4 fit to width."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ptds_desktop.documents.matrix import MatrixColumn

FONT_NAME = "Times New Roman"  # what the offices' Excel has; LibreOffice substitutes Liberation Serif
LINE_HEIGHT = 16.5  # points per line of 12–13 pt text

_thin = Side(style="thin", color="000000")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
TITLE_FONT = Font(name=FONT_NAME, size=14, bold=True)
NOTE_FONT = Font(name=FONT_NAME, size=13, italic=True)
HEADER_FONT = Font(name=FONT_NAME, size=12, bold=True)
CELL_FONT = Font(name=FONT_NAME, size=12)
SECTION_FONT = Font(name=FONT_NAME, size=12, bold=True)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


def leaf_columns(columns: Sequence[MatrixColumn]) -> list[tuple[str, float, bool]]:
    out = []
    for column in columns:
        if column.children:
            out += [(label, width, column.centred) for label, width in column.children]
        else:
            out.append((column.label, column.width, column.centred))
    return out


def _nfc(value):
    """NFC text; an empty string becomes an empty cell."""
    return (unicodedata.normalize("NFC", value) or None) if isinstance(value, str) else value


def title_line(ws: Worksheet, row: int, text: str, n_columns: int, font: Font = TITLE_FONT) -> int:
    """A line centred across the table's width (merged cells); returns the next row."""
    ws.cell(row=row, column=1, value=_nfc(text)).font = font
    ws.cell(row=row, column=1).alignment = CENTRE
    if n_columns > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=n_columns)
    total_width = sum(ws.column_dimensions[get_column_letter(c)].width or 10 for c in range(1, n_columns + 1))
    ws.row_dimensions[row].height = LINE_HEIGHT * 1.15 * _lines(text, total_width * 0.85)
    return row + 1


def write_header(ws: Worksheet, row: int, columns: Sequence[MatrixColumn]) -> int:
    """The header at `row`: one row, or two when a column has children (the parent merged across them, the
    others merged down both rows). Sets the column widths. Returns the first row after the header."""
    levels = 2 if any(c.children for c in columns) else 1
    col = 1
    for column in columns:
        span = max(1, len(column.children))
        _header_cell(ws, row, col, column.label)
        if column.children:
            if span > 1:
                ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + span - 1)
            for offset, (label, width) in enumerate(column.children):
                _header_cell(ws, row + 1, col + offset, label)
                ws.column_dimensions[get_column_letter(col + offset)].width = width
        else:
            if levels == 2:
                _header_cell(ws, row + 1, col, None)
                ws.merge_cells(start_row=row, start_column=col, end_row=row + 1, end_column=col)
            ws.column_dimensions[get_column_letter(col)].width = column.width
        for offset in range(1, span):
            _header_cell(ws, row, col + offset, None)
        col += span
    leaves = leaf_columns(columns)
    for r in range(row, row + levels):
        ws.row_dimensions[r].height = LINE_HEIGHT * max(
            _lines(ws.cell(row=r, column=c + 1).value or "", width) for c, (_, width, _) in enumerate(leaves)
        ) + 4
    return row + levels


def _header_cell(ws: Worksheet, row: int, column: int, value) -> None:
    cell = ws.cell(row=row, column=column, value=_nfc(value))
    cell.font = HEADER_FONT
    cell.alignment = CENTRE
    cell.border = BORDER


def _lines(text: str, width_chars: float) -> int:
    """Lines a wrapped text takes in a column `width_chars` wide (Times 12 pt: about 1.1 characters a unit)."""
    capacity = max(1.0, width_chars * 1.1)
    return sum(max(1, math.ceil(len(part) / capacity)) for part in str(text).split("\n"))


def write_rows(
    ws: Worksheet,
    row: int,
    columns: Sequence[MatrixColumn],
    rows: Sequence[Sequence],
    section_rows: Sequence[int] = (),
) -> int:
    """Bordered, wrapped data rows from `row`; rows whose index is in `section_rows` span the table in bold
    (Roman-numeral groups). Row heights follow the wrapped text. Returns the next free row."""
    leaves = leaf_columns(columns)
    n = len(leaves)
    sections = set(section_rows)
    for index, values in enumerate(rows):
        if index in sections:
            cell = ws.cell(row=row, column=1, value=_nfc(values[0]))
            cell.font, cell.alignment, cell.border = SECTION_FONT, LEFT, BORDER
            for c in range(2, n + 1):
                ws.cell(row=row, column=c).border = BORDER
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=n)
            ws.row_dimensions[row].height = LINE_HEIGHT * _lines(values[0], sum(w for _, w, _ in leaves))
        else:
            height = 1
            for c, ((_, width, centred), value) in enumerate(zip(leaves, values), start=1):
                cell = ws.cell(row=row, column=c, value=_nfc(value))
                cell.font, cell.border = CELL_FONT, BORDER
                cell.alignment = CENTRE if centred else LEFT
                height = max(height, _lines(value if value is not None else "", width))
            ws.row_dimensions[row].height = LINE_HEIGHT * height + 2
        row += 1
    return row


def setup_print(ws: Worksheet, title_rows: tuple[int, int], *, landscape: bool = False) -> None:
    """A4, fit to one page wide (any number tall), the header rows repeated on every page, the decree's
    margins (left 30 mm, right 15 mm, top and bottom 20 mm; turned for landscape)."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
    inch = 25.4
    if landscape:
        ws.page_margins.left, ws.page_margins.right = 20 / inch, 20 / inch
        ws.page_margins.top, ws.page_margins.bottom = 30 / inch, 15 / inch
    else:
        ws.page_margins.left, ws.page_margins.right = 30 / inch, 15 / inch
        ws.page_margins.top, ws.page_margins.bottom = 20 / inch, 20 / inch
    ws.print_options.horizontalCentered = True
