"""A tabular `documents.Document` as a print-ready workbook (openpyxl): one sheet per section holding a
table, its title lines centred across the table, a merged one- or two-level header repeated on every printed
page, section rows spanning the table, wrapped bordered cells, frozen panes below the header, A4 (or A3) fit
to one page wide with the decree's margins, page numbers in the footer from the second page. Paragraphs of
such a section print as wrapped lines across the table; the signature block as lines on the right.

    render_xlsx(document, "out.xlsx")   # ValueError when the document has no table
"""

from __future__ import annotations

import copy
import math
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ptds_desktop.documents import model as m
from ptds_desktop.documents import text as t
from ptds_desktop.i18n import translate

FONT_NAME = "Times New Roman"  # what the offices' Excel has; LibreOffice substitutes Liberation Serif
LINE_HEIGHT = 16.5  # points per line of 12–13 pt text
# Sheet width in character units for the text width of the page (fit to width scales the rest).
TEXT_WIDTH_CHARS = {False: 92.0, True: 140.0}

_thin = Side(style="thin", color="000000")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
LABEL_FONT = Font(name=FONT_NAME, size=14, bold=True)
TITLE_FONT = Font(name=FONT_NAME, size=14, bold=True)
NOTE_FONT = Font(name=FONT_NAME, size=13, italic=True)
BODY_FONT = Font(name=FONT_NAME, size=13)
HEADER_FONT = Font(name=FONT_NAME, size=12, bold=True)
CELL_FONT = Font(name=FONT_NAME, size=12)
SECTION_FONT = Font(name=FONT_NAME, size=12, bold=True)
SIGNATURE_FONT = Font(name=FONT_NAME, size=13, bold=True)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
JUSTIFY = Alignment(horizontal="justify", vertical="top", wrap_text=True, indent=2)


def _nfc(value: m.Cell) -> m.Cell:
    """NFC text; an empty string becomes an empty cell."""
    return (unicodedata.normalize("NFC", value) or None) if isinstance(value, str) else value


def _lines(text: str, width_chars: float) -> int:
    """Lines a wrapped text takes in a column `width_chars` wide (Times 12 pt: about 1.1 characters a unit)."""
    capacity = max(1.0, width_chars * 1.1)
    return sum(max(1, math.ceil(len(part) / capacity)) for part in str(text).split("\n"))


class _Sheet:
    def __init__(self, ws: Worksheet, widths: Sequence[float]) -> None:
        self.ws, self.widths, self.n = ws, list(widths), len(widths)
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        self.row = 1

    def line(self, text: str, font: Font, align: Alignment = CENTRE, first: int = 1, last: int | None = None) -> None:
        """A line merged across columns `first`..`last` (default the whole table)."""
        last = last or self.n
        cell = self.ws.cell(row=self.row, column=first, value=_nfc(text))
        cell.font, cell.alignment = font, align
        if last > first:
            self.ws.merge_cells(start_row=self.row, start_column=first, end_row=self.row, end_column=last)
        width = sum(self.widths[first - 1:last])
        factor = 1.0 if font.size is None else float(font.size) / 12
        letters = factor * (1.4 if font.bold and text.isupper() else 1.0)  # bold capitals run ~40% wider
        height = LINE_HEIGHT * 1.1 * factor * _lines(text, width * 0.9 / letters)
        # Two half-lines may share a row (heading block): the taller one sets its height.
        self.ws.row_dimensions[self.row].height = max(self.ws.row_dimensions[self.row].height or 0, height)
        self.row += 1

    def split(self, share: float = 0.42) -> int:
        """The last column of the left part of the page (heading block, recipients): the column boundary
        nearest to `share` of the table's width."""
        if self.n == 1:
            return 1
        total, running, best, best_gap = sum(self.widths), 0.0, 1, float("inf")
        for index, width in enumerate(self.widths[:-1], start=1):
            running += width
            if abs(running - total * share) < best_gap:
                best, best_gap = index, abs(running - total * share)
        return best

    def header(self, table: m.Table) -> tuple[int, int]:
        """The one- or two-level header; returns its first and last row."""
        ws, top = self.ws, self.row
        levels = table.header_levels
        col = 1
        for column in table.columns:
            span = max(1, len(column.children))
            self._header_cell(top, col, column.label)
            for offset in range(1, span):
                self._header_cell(top, col + offset, None)
            if column.children:
                ws.merge_cells(start_row=top, start_column=col, end_row=top, end_column=col + span - 1)
                for offset, child in enumerate(column.children):
                    self._header_cell(top + 1, col + offset, child.label)
            elif levels == 2:
                self._header_cell(top + 1, col, None)
                ws.merge_cells(start_row=top, start_column=col, end_row=top + 1, end_column=col)
            col += span
        for r in range(top, top + levels):
            ws.row_dimensions[r].height = LINE_HEIGHT * max(
                _lines(str(ws.cell(row=r, column=c + 1).value or ""), width) for c, width in enumerate(self.widths)
            ) + 4
        self.row = top + levels
        return top, top + levels - 1

    def _header_cell(self, row: int, column: int, value: str | None) -> None:
        cell = self.ws.cell(row=row, column=column, value=_nfc(value))
        cell.font, cell.alignment, cell.border = HEADER_FONT, CENTRE, BORDER

    def rows(self, table: m.Table) -> None:
        ws, leaves, styler = self.ws, table.leaves, _Styler()
        minimum = (table.row_height or 0) * 72 / 25.4
        aligns = [CENTRE if leaf.centred else LEFT for leaf in leaves]
        for values in table.rows:
            if isinstance(values, m.SectionRow):
                first = 1
                if values.code is not None:  # "I" in the first column, the title across the others
                    styler.apply(ws.cell(row=self.row, column=1, value=_nfc(values.code)), SECTION_FONT, CENTRE)
                    first = 2
                styler.apply(ws.cell(row=self.row, column=first, value=_nfc(values.text)), SECTION_FONT, LEFT)
                for c in range(first + 1, self.n + 1):
                    styler.apply(ws.cell(row=self.row, column=c), SECTION_FONT, LEFT)
                self._merge(first, self.n)
                width = sum(self.widths[first - 1:])
                ws.row_dimensions[self.row].height = LINE_HEIGHT * _lines(values.text, width) + 2
            else:
                height = 1
                for c, value in enumerate(values, start=1):
                    width = self.widths[c - 1]
                    if isinstance(value, m.Span):
                        self._merge(c, c + value.columns - 1)
                        width = sum(self.widths[c - 1:c - 1 + value.columns])
                        value = value.text
                    styler.apply(ws.cell(row=self.row, column=c, value=_nfc(value)), CELL_FONT, aligns[c - 1])
                    height = max(height, _lines("" if value is None else str(value), width))
                ws.row_dimensions[self.row].height = max(LINE_HEIGHT * height + 2, minimum)
            self.row += 1
        if not table.rows and table.empty_text:
            self.line(table.empty_text, NOTE_FONT)

    def _merge(self, first: int, last: int) -> None:
        """Merge within the current row. The cells are bordered already, so openpyxl's merge_cells (which
        re-borders the range and compares it with every earlier one: quadratic in the rows) is not needed."""
        if last > first:
            self.ws.merged_cells.ranges.add(
                CellRange(f"{get_column_letter(first)}{self.row}:{get_column_letter(last)}{self.row}")
            )


class _Styler:
    """Styles cells by copying one style array per (font, alignment), all bordered: openpyxl hashes style objects
    on every assignment, which dominated the export of a 1,000-task matrix (benchmarks/bench_tasks_excel.py)."""

    def __init__(self) -> None:
        self._arrays: dict[tuple[int, int], StyleArray] = {}

    def apply(self, cell: Cell, font: Font, alignment: Alignment) -> None:
        key = (id(font), id(alignment))
        array = self._arrays.get(key)
        if array is None:
            cell.font, cell.alignment, cell.border = font, alignment, BORDER
            self._arrays[key] = copy.copy(cell._style)
        else:
            cell._style = copy.copy(array)


def _setup_print(ws: Worksheet, page: m.PageSetup, title_rows: tuple[int, int] | None) -> None:
    """A4/A3, fit to one page wide (any number tall), header rows repeated, the decree's margins (turned for
    landscape), page number centred in the footer from the second page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A3 if page.size == "A3" else ws.PAPERSIZE_A4
    ws.page_setup.orientation = page.orientation
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if title_rows:
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
    inch = 25.4
    if page.landscape:
        ws.page_margins.left, ws.page_margins.right = 20 / inch, 20 / inch
        ws.page_margins.top, ws.page_margins.bottom = 30 / inch, 15 / inch
    else:
        ws.page_margins.left, ws.page_margins.right = 30 / inch, 15 / inch
        ws.page_margins.top, ws.page_margins.bottom = 20 / inch, 20 / inch
    ws.page_margins.footer = 8 / inch
    ws.print_options.horizontalCentered = True
    ws.HeaderFooter.differentFirst = True
    ws.oddFooter.center.text = "&P"
    ws.oddFooter.center.font = FONT_NAME
    ws.oddFooter.center.size = 13


def _widths(table: m.Table, landscape: bool) -> list[float]:
    leaves = table.leaves
    total = sum(leaf.width for leaf in leaves)
    return [round(TEXT_WIDTH_CHARS[landscape] * leaf.width / total, 1) for leaf in leaves]


def _write_section(ws: Worksheet, section: m.Section) -> None:
    tables = [b for b in section.blocks if isinstance(b, m.Table)]
    sheet = _Sheet(ws, _widths(tables[0], section.page.landscape))
    n = sheet.n
    if section.heading:
        issuer = section.heading.issuer
        split = sheet.split()
        for left, right, font in ((issuer.parent, t.NATIONAL_NAME, HEADER_FONT), (issuer.name, t.MOTTO, HEADER_FONT)):
            if left:
                sheet.line(left.upper(), Font(name=FONT_NAME, size=12, bold=left == issuer.name), CENTRE, 1, split)
                sheet.row -= 1
            sheet.line(right, font, CENTRE, split + 1, n)
        number, place_date = t.number_line(section.heading), t.place_date_line(section.heading)
        if number:
            sheet.line(number, BODY_FONT, CENTRE, 1, split)
            sheet.row -= 1
        if place_date:
            sheet.line(place_date, NOTE_FONT, CENTRE, split + 1, n)
        sheet.row += 1
    if section.title:
        if section.title.label:
            sheet.line(section.title.label, LABEL_FONT)
        sheet.line(section.title.kind.upper(), TITLE_FONT)
        if section.title.summary:
            sheet.line(section.title.summary, TITLE_FONT)
        if section.title.note:
            sheet.line(section.title.note, NOTE_FONT)
        sheet.row += 1
    frozen = False
    title_rows: tuple[int, int] | None = None
    for block in section.blocks:
        if isinstance(block, m.Table):
            header = sheet.header(block)
            if title_rows is None:
                title_rows = header
            if not frozen:
                ws.freeze_panes = ws.cell(row=sheet.row, column=1)
                frozen = True
            sheet.rows(block)
            sheet.row += 1
        elif isinstance(block, m.Paragraph):
            centred = block.style in ("center", "center_bold", "center_italic", "note")
            sheet.line(t.plain(block.text), NOTE_FONT if "italic" in block.style else BODY_FONT,
                       CENTRE if centred else JUSTIFY)
        elif isinstance(block, (m.ListItem, m.Article, m.SectionHeading)):
            text = t.heading_text(block) if isinstance(block, m.SectionHeading) else t.plain(
                t.list_runs(block) if isinstance(block, m.ListItem) else t.article_runs(block))
            sheet.line(text, BODY_FONT, JUSTIFY)
        elif isinstance(block, m.Closing):
            split = sheet.split()
            if block.signature:
                for text in block.signature.position_lines:
                    sheet.line(text, SIGNATURE_FONT, CENTRE, split + 1, n)
                sheet.row += 4
                if block.signature.name:
                    sheet.line(block.signature.name, SIGNATURE_FONT, CENTRE, split + 1, n)
    _setup_print(ws, section.page, title_rows)


def _sheet_title(name: str, used: set[str]) -> str:
    base = "".join(c for c in name if c not in "[]:*?/\\")[:28] or "Trang"
    title, counter = base, 2
    while title in used:
        title, counter = f"{base[:25]} {counter}", counter + 1
    used.add(title)
    return title


def render_xlsx(document: m.Document, target: Path | str | BinaryIO,
                at_section: Callable[[int], None] | None = None) -> None:
    """`at_section(index)` is called as sheet of section `index` is begun: an exception it raises stops the writing."""
    sections = [(n, s) for n, s in enumerate(document.sections) if any(isinstance(b, m.Table) for b in s.blocks)]
    if not sections:
        raise ValueError(translate("Core", "“{title}” không có bảng nào để xuất ra Excel.").format(
            title=document.title))
    wb = Workbook()
    used: set[str] = set()
    for index, (number, section) in enumerate(sections):
        if at_section is not None:
            at_section(number)
        ws = wb.active if index == 0 else wb.create_sheet()
        assert ws is not None
        ws.title = _sheet_title(document.name or (section.title.kind.capitalize() if section.title else "Bảng"), used)
        _write_section(ws, section)
    wb.properties.title = unicodedata.normalize("NFC", document.title)
    wb.properties.subject = unicodedata.normalize("NFC", document.subject)
    wb.properties.creator = "PTDS Desktop"
    wb.save(target)
