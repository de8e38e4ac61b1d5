"""A `documents.Document` as a Word file made of Word's own parts, so staff can finish it in Word: named
paragraph styles in Times New Roman, A4 (or A3) with the decree's margins per section, the two-column heading
as a borderless table, rules as paragraph borders that move with the text, tables with their header rows
repeating, and the page number as a PAGE field in the header with a different first page.

    render_docx(document, "out.docx")
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from docx import Document as new_word_document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph

from ptds_desktop.documents import model as m
from ptds_desktop.documents import text as t

FONT = "Times New Roman"
BODY_SIZE = 13
HEADER_SIZE = 12
TITLE_SIZE = 14
TABLE_SIZE = 12
PAGE_NUMBER_SIZE = 13
FIRST_LINE_INDENT = Mm(10)
LEFT_COLUMN_SHARE = 0.44
RULE_SHARE = 0.4  # of the ruled line's length

# Decree 30 margins (mm); a landscape page is the portrait one turned (binding margin along the top).
PORTRAIT_MARGINS = {"top": 20, "bottom": 20, "left": 30, "right": 15}
LANDSCAPE_MARGINS = {"top": 30, "bottom": 15, "left": 20, "right": 20}
PAPER_MM = {"A4": (210, 297), "A3": (297, 420)}

_ALIGN = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT,
          "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}

# Style name: (size, bold, italic, alignment, first-line indent, space after in points)
STYLES: dict[str, tuple[float, bool, bool, str, bool, float]] = {
    "PTDS Body": (BODY_SIZE, False, False, "justify", True, 6),
    "PTDS Basis": (BODY_SIZE, False, True, "justify", True, 6),
    "PTDS Plain": (BODY_SIZE, False, False, "left", False, 6),
    "PTDS Center": (BODY_SIZE, False, False, "center", False, 6),
    "PTDS Center Bold": (BODY_SIZE, True, False, "center", False, 6),
    "PTDS Center Italic": (BODY_SIZE, False, True, "center", False, 6),
    "PTDS Note": (BODY_SIZE, False, True, "center", False, 0),
    "PTDS Heading 1": (BODY_SIZE, True, False, "justify", True, 6),
    "PTDS Heading 2": (BODY_SIZE, True, False, "justify", True, 6),
    "PTDS Heading 3": (BODY_SIZE, False, False, "justify", True, 6),
    "PTDS List": (BODY_SIZE, False, False, "justify", True, 3),
    "PTDS Title Label": (TITLE_SIZE, True, False, "center", False, 0),
    "PTDS Title": (TITLE_SIZE, True, False, "center", False, 0),
    "PTDS Summary": (TITLE_SIZE, True, False, "center", False, 0),
    "PTDS Header": (HEADER_SIZE, False, False, "center", False, 0),
    "PTDS Header Bold": (HEADER_SIZE, True, False, "center", False, 0),
    "PTDS Motto": (13, True, False, "center", False, 0),
    "PTDS Number": (13, False, False, "center", False, 0),
    "PTDS Subject": (12, False, False, "center", False, 0),
    "PTDS Place Date": (13, False, True, "center", False, 0),
    "PTDS Table Header": (TABLE_SIZE, True, False, "center", False, 0),
    "PTDS Table Cell": (TABLE_SIZE, False, False, "left", False, 0),
    "PTDS Table Cell Center": (TABLE_SIZE, False, False, "center", False, 0),
    "PTDS Table Section": (TABLE_SIZE, True, False, "left", False, 0),
    "PTDS Recipients Label": (12, True, True, "left", False, 0),
    "PTDS Recipients": (11, False, False, "left", False, 0),
    "PTDS Signature": (13, True, False, "center", False, 0),
    "PTDS Page Number": (PAGE_NUMBER_SIZE, False, False, "center", False, 0),
    "PTDS Rule": (2, False, False, "center", False, 0),
}
PARAGRAPH_STYLES = {"body": "PTDS Body", "basis": "PTDS Basis", "plain": "PTDS Plain", "center": "PTDS Center",
                    "center_bold": "PTDS Center Bold", "center_italic": "PTDS Center Italic", "note": "PTDS Note"}


def _name_font(element: Any) -> None:
    """Times New Roman for every script, so Word never falls back to its theme font for Vietnamese."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


_STYLE_IDS: dict[str, str] = {}  # our style names -> ids, the same in every document (set by _setup_styles)


def _setup_styles(doc: WordDocument) -> None:
    normal = doc.styles["Normal"]
    _STYLE_IDS["Table Grid"] = doc.styles["Table Grid"].style_id
    normal.font.name = FONT
    normal.font.size = Pt(BODY_SIZE)
    _name_font(normal.element)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    for name, (size, bold, italic, align, indent, after) in STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        assert isinstance(style, ParagraphStyle)
        style.base_style = normal
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        _name_font(style.element)
        fmt = style.paragraph_format
        fmt.alignment = _ALIGN[align]
        fmt.space_after = Pt(after)
        fmt.space_before = Pt(0)
        fmt.line_spacing = 1.0 if size > 2 else Pt(2)
        if indent:
            fmt.first_line_indent = FIRST_LINE_INDENT
        _STYLE_IDS[name] = style.style_id
    doc.styles["PTDS Heading 1"].paragraph_format.space_before = Pt(6)
    doc.styles["PTDS Title"].paragraph_format.space_before = Pt(12)
    doc.styles["PTDS Note"].paragraph_format.space_before = Pt(2)
    for name in ("PTDS Heading 1", "PTDS Heading 2", "PTDS Title", "PTDS Title Label"):
        doc.styles[name].paragraph_format.keep_with_next = True


def _text(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def _add_runs(paragraph: WordParagraph, runs: Sequence[m.Run] | str) -> WordParagraph:
    parts = [m.Run(runs)] if isinstance(runs, str) else list(runs)
    for part in parts:
        lines = _text(part.text).split("\n")
        run = paragraph.add_run(lines[0])
        for line in lines[1:]:
            run.add_break()
            run.add_text(line)
        if part.bold:
            run.bold = True
        if part.italic:
            run.italic = True
    return paragraph


def _styled(paragraph: WordParagraph, name: str) -> WordParagraph:
    """Set the paragraph style by id. python-docx's `paragraph.style = ...` scans every style of the document
    twice per paragraph (by name, then for the default), which took most of a long document's render time."""
    paragraph._p.style = _STYLE_IDS[name]
    return paragraph


def _para(container: Any, runs: Sequence[m.Run] | str, style: str) -> WordParagraph:
    paragraph = _styled(container.add_paragraph(), style)
    return _add_runs(paragraph, runs)


def _first_paragraph(cell: _Cell, runs: Sequence[m.Run] | str, style: str) -> WordParagraph:
    """A cell starts with an empty paragraph: use it for the first text."""
    paragraph = cell.paragraphs[0]
    _styled(paragraph, style)
    return _add_runs(paragraph, runs)


def _rule(container: Any, width_mm: float, line_mm: float, space_after: float = 0) -> WordParagraph:
    """A solid rule `line_mm` long, centred in a `width_mm` wide column: a tiny paragraph whose bottom border
    runs between its indents."""
    paragraph = _styled(container.add_paragraph(), "PTDS Rule")
    side = max((width_mm - line_mm) / 2, 0)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    paragraph.paragraph_format.space_after = Pt(space_after)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)
    return paragraph


def _text_mm(text: str, size: float, bold: bool = True) -> float:
    """About how long a line of Times New Roman is (mm): 0.5 em a character, a little more in bold."""
    longest = max((len(line) for line in text.split("\n")), default=0)
    return longest * size * (0.45 if bold else 0.42) * 25.4 / 72


def _borderless(table: WordTable) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr.append(margins)


def _fixed_widths(table: WordTable, widths_mm: Sequence[float]) -> None:
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)


# ---------------------------------------------------------------- parts


def _heading(doc: WordDocument, heading: m.Heading, width_mm: float) -> None:
    left_w = width_mm * LEFT_COLUMN_SHARE
    right_w = width_mm - left_w
    table = doc.add_table(rows=2, cols=2)
    _borderless(table)
    _fixed_widths(table, (left_w, right_w))
    left, right = table.cell(0, 0), table.cell(0, 1)
    issuer = heading.issuer
    if issuer.parent:
        _first_paragraph(left, issuer.parent.upper(), "PTDS Header")
        _para(left, issuer.name.upper(), "PTDS Header Bold")
    else:
        _first_paragraph(left, issuer.name.upper(), "PTDS Header Bold")
    _rule(left, left_w, min(_text_mm(issuer.name.upper(), HEADER_SIZE), left_w) * RULE_SHARE, 4)
    _first_paragraph(right, t.NATIONAL_NAME, "PTDS Header Bold")
    _para(right, t.MOTTO, "PTDS Motto")
    _rule(right, right_w, _text_mm(t.MOTTO, 13) * 0.92, 4)
    number = t.number_line(heading)
    if number:
        _first_paragraph(table.cell(1, 0), number, "PTDS Number")
    if heading.subject:
        _para(table.cell(1, 0), heading.subject, "PTDS Subject")
    place_date = t.place_date_line(heading)
    if place_date:
        _first_paragraph(table.cell(1, 1), place_date, "PTDS Place Date")


def _title(doc: WordDocument, title: m.Title, width_mm: float) -> None:
    if title.label:
        _para(doc, title.label, "PTDS Title Label")
    _para(doc, title.kind.upper(), "PTDS Summary" if title.label else "PTDS Title")
    if title.summary:
        _para(doc, title.summary, "PTDS Summary")
    if title.note:
        _para(doc, title.note, "PTDS Note")
    ruled = title.summary or title.kind.upper()
    _rule(doc, width_mm, min(_text_mm(ruled, TITLE_SIZE), width_mm) * RULE_SHARE, 12)


def _merge_across(cells: Sequence[_Cell], first: int, last: int) -> _Cell:
    """cells[first..last] of one row as one cell, as `_Cell.merge` joins empty cells of a row (w:gridSpan, the
    widths added up), without its search for the row's place in the table at each merge: quadratic, 6 of the 12 s
    of a 1,000-task matrix."""
    tc = cells[first]._tc
    swallowed = [cell._tc for cell in cells[first + 1 : last + 1]]
    widths = [tc.width, *(other.width for other in swallowed)]
    if all(width is not None for width in widths):
        tc.width = Emu(sum(width or 0 for width in widths))
    for other in swallowed:
        other.getparent().remove(other)
    tc.grid_span = last - first + 1
    return cells[first]


def _repeat_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    for tag in ("w:tblHeader", "w:cantSplit"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        tr_pr.append(element)


def _table(doc: WordDocument, table: m.Table, width_mm: float) -> None:
    leaves = table.leaves
    n = len(leaves)
    levels = table.header_levels
    extra = 1 if not table.rows and table.empty_text else 0
    word = doc.add_table(rows=levels + len(table.rows) + extra, cols=n)
    word._tbl.tblStyle_val = _STYLE_IDS["Table Grid"]  # as _styled: no scan of the styles per table
    margins = OxmlElement("w:tblCellMar")
    for edge, twips in (("top", "40"), ("bottom", "40"), ("left", "60"), ("right", "60")):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), twips)
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    word._tbl.tblPr.append(margins)
    word.alignment = WD_TABLE_ALIGNMENT.CENTER
    total = sum(leaf.width for leaf in leaves)
    _fixed_widths(word, [width_mm * leaf.width / total for leaf in leaves])
    # Cells are taken from their rows: Table.cell() lists every cell of the table on each call.
    word_rows = list(word.rows)  # indexing `word.rows` lists every row again
    header = [word_rows[r].cells for r in range(levels)]
    col = 0
    for column in table.columns:
        _first_paragraph(header[0][col], column.label, "PTDS Table Header")
        if column.children:
            _merge_across(header[0], col, col + len(column.children) - 1)
            for offset, child in enumerate(column.children):
                _first_paragraph(header[1][col + offset], child.label, "PTDS Table Header")
            col += len(column.children)
        else:
            if levels == 2:
                header[0][col].merge(header[1][col])
            col += 1
    for r in range(levels):
        _repeat_header(word_rows[r])
        for cell in word_rows[r].cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for index, row in enumerate(table.rows, start=levels):
        cells = word_rows[index].cells
        if isinstance(row, m.SectionRow):
            first = 0 if row.code is None else 1
            if row.code is not None:
                _first_paragraph(cells[0], row.code, "PTDS Table Header")  # bold, centred
            merged = _merge_across(cells, first, n - 1)
            _first_paragraph(merged, row.text, "PTDS Table Section")
            continue
        for c, (leaf, value) in enumerate(zip(leaves, row)):
            cell = cells[c]
            if isinstance(value, m.Span):
                cell = _merge_across(cells, c, c + value.columns - 1)
                value = value.text
            elif value is None and any(
                isinstance(v, m.Span) and i + v.columns > c for i, v in enumerate(row[:c])
            ):
                continue  # covered by a merged cell to its left
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            _first_paragraph(cell, "" if value is None else str(value),
                             "PTDS Table Cell Center" if leaf.centred else "PTDS Table Cell")
        if table.row_height:
            word_rows[index].height = Mm(table.row_height)
            word_rows[index].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    if extra:
        merged = word.cell(levels, 0).merge(word.cell(levels, n - 1))
        _first_paragraph(merged, table.empty_text or "", "PTDS Center Italic")
    _styled(doc.add_paragraph(), "PTDS Rule")  # Word needs a paragraph between two tables


def _closing(doc: WordDocument, closing: m.Closing, width_mm: float) -> None:
    _styled(doc.add_paragraph(), "PTDS Rule").paragraph_format.space_after = Pt(6)  # the PDF's 6 pt before the block
    table = doc.add_table(rows=1, cols=2)
    _borderless(table)
    _fixed_widths(table, (width_mm * 0.45, width_mm * 0.55))
    row = table.rows[0]
    tr_pr = row._tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    cant_split.set(qn("w:val"), "true")
    tr_pr.append(cant_split)
    left, right = row.cells
    if closing.recipients:
        _first_paragraph(left, "Nơi nhận:", "PTDS Recipients Label")
        _para(left, "\n".join(t.recipient_lines(closing.recipients)), "PTDS Recipients")
    if closing.signature:
        _first_paragraph(right, "\n".join(closing.signature.position_lines), "PTDS Signature")
        if closing.signature.name:
            name = _para(right, closing.signature.name, "PTDS Signature")
            name.paragraph_format.space_before = Mm(24)  # room for the signature and the seal


def _block(doc: WordDocument, block: m.Block, width_mm: float) -> None:
    if isinstance(block, m.Paragraph):
        paragraph = _para(doc, t.runs(block.text), PARAGRAPH_STYLES[block.style])
        if block.size:
            for run in paragraph.runs:
                run.font.size = Pt(block.size)
        if block.space_before:
            paragraph.paragraph_format.space_before = Pt(block.space_before)
        if block.keep_with_next:
            paragraph.paragraph_format.keep_with_next = True
    elif isinstance(block, m.SectionHeading):
        _para(doc, t.heading_text(block), f"PTDS Heading {block.level}")
    elif isinstance(block, m.ListItem):
        _para(doc, t.list_runs(block), "PTDS List")
    elif isinstance(block, m.Article):
        _para(doc, t.article_runs(block), "PTDS Body")
    elif isinstance(block, m.Table):
        _table(doc, block, width_mm)
    elif isinstance(block, m.PageBreak):
        _styled(doc.add_paragraph(), "PTDS Rule").add_run().add_break(WD_BREAK.PAGE)
    elif isinstance(block, m.Closing):
        _closing(doc, block, width_mm)
    else:
        raise TypeError(f"unknown block {block!r}")


# ---------------------------------------------------------------- pages


def _page_field(paragraph: WordParagraph) -> None:
    """A PAGE field: Word and LibreOffice print the page's number there."""
    def field_char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    run = paragraph.add_run()
    run._r.append(field_char("begin"))
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    run = paragraph.add_run()
    run._r.append(instruction)
    run = paragraph.add_run()
    run._r.append(field_char("separate"))
    paragraph.add_run("2")
    run = paragraph.add_run()
    run._r.append(field_char("end"))


def _setup_section(section: Any, setup: m.Section, restart: bool) -> float:
    """Paper, orientation, margins, and the page number header; returns the text width in mm."""
    short, long = PAPER_MM[setup.page.size]
    landscape = setup.page.landscape
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(long), Mm(short)) if landscape else (Mm(short), Mm(long))
    margins = LANDSCAPE_MARGINS if landscape else PORTRAIT_MARGINS
    section.top_margin, section.bottom_margin = Mm(margins["top"]), Mm(margins["bottom"])
    section.left_margin, section.right_margin = Mm(margins["left"]), Mm(margins["right"])
    section.header_distance = Mm(margins["top"] / 2 - 3)
    section.footer_distance = Mm(margins["bottom"] / 2)
    # The number is hidden on the first page of a document or of a section numbering its own pages.
    section.different_first_page_header_footer = restart
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    _styled(paragraph, "PTDS Page Number")
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    if setup.page_numbers:
        _page_field(paragraph)
    first = section.first_page_header
    first.is_linked_to_previous = False
    if restart:
        sect_pr = section._sectPr
        number_type = sect_pr.find(qn("w:pgNumType"))
        if number_type is None:
            number_type = OxmlElement("w:pgNumType")
            sect_pr.append(number_type)
        number_type.set(qn("w:start"), "1")
    return short - margins["left"] - margins["right"] if not landscape else long - margins["left"] - margins["right"]


def render_docx(document: m.Document, target: Path | str | BinaryIO,
                at_section: Callable[[int], None] | None = None) -> None:
    """`at_section(index)` is called as section `index` is begun: an exception it raises stops the writing."""
    doc = new_word_document()
    _setup_styles(doc)
    body = doc.element.body
    for child in list(body):  # the template's empty first paragraph
        if child.tag == qn("w:p"):
            body.remove(child)
    for index, setup in enumerate(document.sections):
        if at_section is not None:
            at_section(index)
        section = doc.sections[0] if index == 0 else doc.add_section(WD_SECTION.NEW_PAGE)
        width = _setup_section(section, setup, restart=index == 0 or setup.restart_page_numbers)
        if setup.heading:
            _heading(doc, setup.heading, width)
        if setup.title:
            _title(doc, setup.title, width)
        for block in setup.blocks:
            _block(doc, block, width)
    props = doc.core_properties
    props.title = _text(document.title)
    props.subject = _text(document.subject)
    props.author = _text(document.author) or "PTDS Desktop"
    props.comments = "PTDS Desktop"
    doc.save(target if not isinstance(target, Path) else str(target))
