"""The Vietnamese administrative document (Decree 30/2020/NĐ-CP, Appendix I) in ReportLab: page, header block,
title, body styles, tables, signature block and distribution list. Each document supplies only its body.

    story = header_block(Header(...)) + title_block("KẾ HOẠCH", "Tổ chức …") + [paragraph("…"), …]
    story += closing_block(Signature(...), Distribution([...]))
    build_pdf(path, story, title="…")
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import html
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as landscape_of
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ptds_desktop.config import RESOURCES_DIR
from ptds_desktop.text import format_long_date

FONT = "LiberationSerif"
FONT_BOLD = f"{FONT}-Bold"
FONT_ITALIC = f"{FONT}-Italic"
FONT_BOLD_ITALIC = f"{FONT}-BoldItalic"

BODY_SIZE = 13
HEADER_SIZE = 12  # issuing bodies and national name; 12 keeps "BAN CHỈ HUY PHÒNG THỦ DÂN SỰ" on one line
TITLE_SIZE = 14
TABLE_SIZE = 12
PAGE_NUMBER_SIZE = 13

# Decree 30: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. A landscape page is the portrait page
# turned, so the binding margin (30 mm) runs along its top.
PORTRAIT_MARGINS = {"top": 20 * mm, "bottom": 20 * mm, "left": 30 * mm, "right": 15 * mm}
LANDSCAPE_MARGINS = {"top": 30 * mm, "bottom": 15 * mm, "left": 20 * mm, "right": 20 * mm}

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
LEFT_COLUMN_SHARE = 0.44  # "about 40%", wide enough for a 27-letter body name in 12 pt bold


@functools.cache
def register_fonts() -> str:
    """Register the bundled Liberation Serif (metric twin of Times New Roman) once; returns the family name."""
    fonts_dir = RESOURCES_DIR / "fonts"
    for name, face in ((FONT, "Regular"), (FONT_BOLD, "Bold"), (FONT_ITALIC, "Italic"), (FONT_BOLD_ITALIC,
        "BoldItalic")):
        pdfmetrics.registerFont(TTFont(name, str(fonts_dir / f"LiberationSerif-{face}.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC)
    return FONT


def _style(name: str, size: float = BODY_SIZE, font: str = FONT, align=TA_JUSTIFY, **kw) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=kw.pop("leading", size * 1.2),
                          alignment=align, textColor=colors.black, **kw)


@dataclasses.dataclass(frozen=True)
class Styles:
    body: ParagraphStyle  # 13 pt, justified, first line indented 1 cm, 6 pt after
    basis: ParagraphStyle  # "Căn cứ …" italic
    heading1: ParagraphStyle  # "I. MỤC ĐÍCH, YÊU CẦU"
    heading2: ParagraphStyle  # "1. Mục đích"
    item: ParagraphStyle  # "- …" list lines, indented like the body
    plain: ParagraphStyle  # no indent, left
    center: ParagraphStyle
    center_bold: ParagraphStyle
    center_italic: ParagraphStyle
    title: ParagraphStyle  # "KẾ HOẠCH"
    summary: ParagraphStyle  # trích yếu
    appendix_label: ParagraphStyle  # "Phụ lục I"
    header: ParagraphStyle
    header_bold: ParagraphStyle
    number: ParagraphStyle  # "Số: 15/KH-BCH"
    place_date: ParagraphStyle
    table_header: ParagraphStyle
    table_cell: ParagraphStyle
    table_cell_center: ParagraphStyle
    table_section: ParagraphStyle
    recipients_label: ParagraphStyle
    recipients: ParagraphStyle
    signature: ParagraphStyle


@functools.cache
def styles() -> Styles:
    register_fonts()
    indent = 1 * mm * 10
    return Styles(
        body=_style("body", firstLineIndent=indent, spaceAfter=6),
        basis=_style("basis", font=FONT_ITALIC, firstLineIndent=indent, spaceAfter=6),
        heading1=_style("heading1", font=FONT_BOLD, firstLineIndent=indent, spaceBefore=6, spaceAfter=6),
        heading2=_style("heading2", font=FONT_BOLD, firstLineIndent=indent, spaceAfter=6),
        item=_style("item", firstLineIndent=indent, spaceAfter=3),
        plain=_style("plain", align=TA_LEFT),
        center=_style("center", align=TA_CENTER),
        center_bold=_style("center_bold", font=FONT_BOLD, align=TA_CENTER),
        center_italic=_style("center_italic", font=FONT_ITALIC, align=TA_CENTER),
        title=_style("title", TITLE_SIZE, FONT_BOLD, TA_CENTER, spaceBefore=12),
        summary=_style("summary", TITLE_SIZE, FONT_BOLD, TA_CENTER),
        appendix_label=_style("appendix_label", TITLE_SIZE, FONT_BOLD, TA_CENTER),
        header=_style("header", HEADER_SIZE, FONT, TA_CENTER),
        header_bold=_style("header_bold", HEADER_SIZE, FONT_BOLD, TA_CENTER),
        number=_style("number", 13, FONT, TA_CENTER),
        place_date=_style("place_date", 13, FONT_ITALIC, TA_CENTER),
        table_header=_style("table_header", TABLE_SIZE, FONT_BOLD, TA_CENTER, leading=TABLE_SIZE * 1.15),
        table_cell=_style("table_cell", TABLE_SIZE, FONT, TA_LEFT, leading=TABLE_SIZE * 1.15),
        table_cell_center=_style("table_cell_center", TABLE_SIZE, FONT, TA_CENTER, leading=TABLE_SIZE * 1.15),
        table_section=_style("table_section", TABLE_SIZE, FONT_BOLD, TA_LEFT, leading=TABLE_SIZE * 1.15),
        recipients_label=_style("recipients_label", 12, FONT_BOLD_ITALIC, TA_LEFT),
        recipients=_style("recipients", 11, FONT, TA_LEFT, leading=11 * 1.15),
        signature=_style("signature", 13, FONT_BOLD, TA_CENTER),
    )


def escape(text: str | None) -> str:
    """NFC text made safe for Paragraph markup (line breaks kept)."""
    value = unicodedata.normalize("NFC", text or "")
    return html.escape(value, quote=False).replace("\n", "<br/>")


def paragraph(text: str, style: str | ParagraphStyle = "body") -> Paragraph:
    """Plain text (escaped) in one of the Styles by name, or a given style."""
    chosen = getattr(styles(), style) if isinstance(style, str) else style
    return Paragraph(escape(text), chosen)


def markup(text: str, style: str | ParagraphStyle = "body") -> Paragraph:
    """Text already in ReportLab markup (<b>, <i>); the caller escapes the parts that came from data."""
    chosen = getattr(styles(), style) if isinstance(style, str) else style
    return Paragraph(unicodedata.normalize("NFC", text), chosen)


ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(number: int) -> str:
    out = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def heading(text: str, number: int | str | None = None, level: int = 1) -> Paragraph:
    """Level 1: "I. MỤC ĐÍCH, YÊU CẦU" (Roman numeral, upper case, bold); level 2: "1. Mục đích" (bold)."""
    if level == 1:
        label = f"{roman(number)}. " if isinstance(number, int) else (f"{number}. " if number else "")
        return paragraph(label + text.upper(), "heading1")
    label = f"{number}. " if number is not None else ""
    return paragraph(label + text, "heading2")


# ---------------------------------------------------------------- rules and header block


class Rule(Flowable):
    """A solid horizontal rule, centred in the frame."""

    def __init__(self, length: float, space_before: float = 2, space_after: float = 6, thickness: float = 0.6):
        super().__init__()
        self.length, self.thickness = length, thickness
        self.spaceBefore, self.spaceAfter = space_before, space_after

    def wrap(self, avail_width, avail_height):
        self._avail = avail_width
        return avail_width, self.thickness

    def draw(self):
        x = (self._avail - self.length) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, 0, x + self.length, 0)


def _longest_line(para: Paragraph, width: float) -> float:
    para.wrap(width, 10_000)
    lines = para.blPara.lines
    extra = [line[0] if para.blPara.kind == 0 else line.extraSpace for line in lines]
    return width - min(extra, default=width)


@dataclasses.dataclass(frozen=True)
class Header:
    """The first-page header block. `number_symbol` "15/KH-BCH" prints as "Số: 15/KH-BCH"; `subject` is the
    "V/v …" line of a công văn. Place and date print on the number's line, right."""

    issuing_body: str  # "BAN CHỈ HUY PHÒNG THỦ DÂN SỰ" (upper-cased when printed)
    parent_body: str | None = None  # "UBND TỈNH ĐẮK LẮK"
    number_symbol: str | None = None
    place: str | None = None  # "Đắk Lắk"
    date: dt.date | None = None
    subject: str | None = None


class HeaderBlock(Flowable):
    """Two columns (issuing body left, national name right), top lines aligned, a rule under the issuing body
    and under the motto, the number and the place/date on one baseline."""

    GAP = 4  # points between a text and its rule, and from the rule to the next line

    def __init__(self, header: Header, left_share: float = LEFT_COLUMN_SHARE):
        super().__init__()
        self.header = header
        self.left_share = left_share

    def _columns(self, width: float):
        st = styles()
        h = self.header
        left_w = width * self.left_share
        right_w = width - left_w
        left_top = []
        if h.parent_body:
            left_top.append(Paragraph(escape(h.parent_body.upper()), st.header))
        issuing = Paragraph(escape(h.issuing_body.upper()), st.header_bold)
        left_top.append(issuing)
        right_top = [Paragraph(NATIONAL_NAME, st.header_bold), Paragraph(MOTTO, _motto_style())]
        left_bottom = []
        if h.number_symbol:
            left_bottom.append(Paragraph(escape(f"Số: {h.number_symbol}"), st.number))
        if h.subject:
            left_bottom.append(Paragraph(escape(h.subject), _subject_style()))
        right_bottom = []
        if h.place or h.date:
            when = format_long_date(h.date) if h.date else "ngày      tháng      năm"
            right_bottom.append(Paragraph(escape(f"{h.place}, {when}" if h.place else when.capitalize()),
                st.place_date))
        return left_w, right_w, left_top, right_top, left_bottom, right_bottom, issuing

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        left_w, right_w, lt, rt, lb, rb, issuing = self._columns(avail_width)
        heights = lambda items, w: [p.wrap(w, avail_height)[1] for p in items]  # noqa: E731
        self._layout = (left_w, right_w, lt, rt, lb, rb, issuing)
        top = max(sum(heights(lt, left_w)), sum(heights(rt, right_w))) + 2 * self.GAP + 1
        bottom = max(sum(heights(lb, left_w)), sum(heights(rb, right_w)))
        self._top_height = top
        self.height = top + (bottom + self.GAP if bottom else 0) + 6
        return avail_width, self.height

    def draw(self):
        left_w, right_w, lt, rt, lb, rb, issuing = self._layout
        canv = self.canv
        canv.setLineWidth(0.6)

        def stack(items, x, w, y):
            for p in items:
                _, h = p.wrap(w, 10_000)
                y -= h
                p.drawOn(canv, x, y)
            return y

        y_left = stack(lt, 0, left_w, self.height)
        rule = max(_longest_line(issuing, left_w) * 0.4, 20)
        canv.line((left_w - rule) / 2, y_left - self.GAP, (left_w + rule) / 2, y_left - self.GAP)
        y_right = stack(rt, left_w, right_w, self.height)
        motto = pdfmetrics.stringWidth(MOTTO, FONT_BOLD, _motto_style().fontSize)
        x0 = left_w + (right_w - motto) / 2
        canv.line(x0, y_right - self.GAP, x0 + motto, y_right - self.GAP)
        y = self.height - self._top_height - self.GAP
        stack(lb, 0, left_w, y)
        stack(rb, left_w, right_w, y)


@functools.cache
def _motto_style() -> ParagraphStyle:
    return _style("motto", 13, FONT_BOLD, TA_CENTER)


@functools.cache
def _subject_style() -> ParagraphStyle:
    return _style("subject", 12, FONT, TA_CENTER)


def header_block(header: Header) -> list[Flowable]:
    return [HeaderBlock(header)]


def title_block(type_name: str, summary: str | None = None, note: str | None = None) -> list[Flowable]:
    """"KẾ HOẠCH" (upper case, bold), the summary line (bold), an optional italic note such as
    "(Kèm theo Quyết định số …)", and the short rule closing the title."""
    st = styles()
    flow: list[Flowable] = [paragraph(type_name.upper(), st.title)]
    last = None
    if summary:
        last = paragraph(summary, st.summary)
        flow.append(last)
    if note:
        last = paragraph(note, _note_style())
        flow.append(last)
    text = summary or type_name
    flow.append(_TitleRule(text))
    return flow


class _TitleRule(Rule):
    """A rule a third of the way to half the summary line: 40% of the summary's longest line."""

    def __init__(self, text: str):
        super().__init__(0, space_before=4, space_after=12)
        self.text = text

    def wrap(self, avail_width, avail_height):
        width = pdfmetrics.stringWidth(self.text, FONT_BOLD, TITLE_SIZE)
        self.length = min(width, avail_width) * 0.4
        return super().wrap(avail_width, avail_height)


@functools.cache
def _note_style() -> ParagraphStyle:
    return _style("title_note", 13, FONT_ITALIC, TA_CENTER, spaceBefore=2)


def appendix_title(title: str, citation: str, label: str = "Phụ lục") -> list[Flowable]:
    """An appendix of a document: "Phụ lục I", its title in capitals, "(Kèm theo … )" in italics, a rule."""
    st = styles()
    return [
        paragraph(label, st.appendix_label),
        paragraph(title.upper(), st.summary),
        paragraph(citation, _note_style()),
        _TitleRule(title.upper()),
    ]


# ---------------------------------------------------------------- tables


def data_table(
    headers: Sequence[str] | Sequence[Sequence[str]],
    rows: Sequence[Sequence[str | Flowable | None]],
    col_widths: Sequence[float],
    *,
    header_spans: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
    centred_columns: Sequence[int] = (),
    section_rows: Sequence[int] = (),
) -> Table:
    """A bordered table; the header (one row of labels, or several rows with `header_spans` as ReportLab
    ((col, row), (col, row)) pairs) repeats on every page. `col_widths` are fractions of the frame width when
    they sum to about 1, else points. `section_rows` (indexes into `rows`) span the table in bold: the
    Roman-numeral group rows of a matrix."""
    st = styles()
    header_rows = [list(headers)] if headers and isinstance(headers[0], str) else [list(r) for r in headers]

    def cell(value: object, style: ParagraphStyle) -> Flowable:
        return value if isinstance(value, Flowable) else Paragraph(escape("" if value is None else str(value)), style)

    data = [[cell(v, st.table_header) for v in row] for row in header_rows]
    sections = set(section_rows)
    for index, row in enumerate(rows):
        if index in sections:
            data.append([cell(row[0], st.table_section)] + [""] * (len(col_widths) - 1))
            continue
        data.append([cell(v, st.table_cell_center if c in centred_columns else st.table_cell) for c,
            v in enumerate(row)])
    n_header = len(header_rows)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # the cell default would set an unembedded Helvetica
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    commands += [("SPAN", a, b) for a, b in header_spans]
    commands += [("SPAN", (0, n_header + i), (-1, n_header + i)) for i in sections]
    table = _FractionTable(data, col_widths, repeatRows=n_header, style=TableStyle(commands))
    return table


class _FractionTable(Table):
    """A Table whose column widths may be fractions of the available width (resolved at wrap time; the
    pieces of a split table receive absolute widths)."""

    def __init__(self, data, colWidths=None, **kw):
        self._requested = list(colWidths or ())
        super().__init__(data, colWidths=colWidths, **kw)

    def wrap(self, avail_width, avail_height):
        if self._requested and 0.98 <= sum(self._requested) <= 1.02:
            self._argW = [avail_width * f for f in self._requested]
            self._colWidths = list(self._argW)
        return super().wrap(avail_width, avail_height)


# ---------------------------------------------------------------- signature and distribution


@dataclasses.dataclass(frozen=True)
class Signature:
    """`authority` "KT. TRƯỞNG BAN" / "TM. BAN CHỈ HUY" (optional), then position lines
    ("PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH UBND TỈNH"), then the signer's name under the signing space."""

    positions: tuple[str, ...]
    signer_name: str
    authority: str | None = None


@dataclasses.dataclass(frozen=True)
class Distribution:
    """"Nơi nhận:" entries ("Thường trực Tỉnh ủy (b/c)"), printed "- …;", then "- Lưu: VT, NC." and the
    drafter's note ("N_56")."""

    entries: tuple[str, ...]
    archive: str = "VT"
    drafter_note: str | None = None


def signature_block(signature: Signature) -> list[Flowable]:
    st = styles()
    lines = ([signature.authority] if signature.authority else []) + list(signature.positions)
    flow: list[Flowable] = [markup("<br/>".join(escape(x.upper()) for x in lines), st.signature)]
    flow.append(Spacer(1, 22 * mm))
    flow.append(paragraph(signature.signer_name, st.signature))
    return flow


def distribution_block(distribution: Distribution) -> list[Flowable]:
    st = styles()
    lines = [f"- {e.strip().rstrip(';.')};" for e in distribution.entries]
    archive = f"- Lưu: {distribution.archive.strip().rstrip('.')}."
    if distribution.drafter_note:
        archive += f" ({distribution.drafter_note.strip('()')})"
    lines.append(archive)
    return [paragraph("Nơi nhận:", st.recipients_label), markup("<br/>".join(escape(x) for x in lines), st.recipients)]


def closing_block(signature: Signature | None, distribution: Distribution | None) -> list[Flowable]:
    """Distribution list bottom left beside the signature block bottom right, kept together on one page."""
    left = distribution_block(distribution) if distribution else [""]
    right = signature_block(signature) if signature else [""]
    table = _FractionTable([[left, right]], [0.45, 0.55], style=TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [Spacer(1, 6), KeepTogether([table])]


# ---------------------------------------------------------------- building


def page_size(landscape: bool = False):
    return landscape_of(A4) if landscape else A4


def margins(landscape: bool = False) -> dict:
    return LANDSCAPE_MARGINS if landscape else PORTRAIT_MARGINS


def frame_width(landscape: bool = False) -> float:
    m = margins(landscape)
    return page_size(landscape)[0] - m["left"] - m["right"]


def _draw_page_number(canvas: Canvas, doc) -> None:
    """Arabic numeral, centred in the top margin, from the second page on."""
    canvas.saveState()
    canvas.setFont(FONT, PAGE_NUMBER_SIZE)
    width, height = doc.pagesize
    canvas.drawCentredString(doc.leftMargin + doc.width / 2, height - doc.topMargin / 2 - PAGE_NUMBER_SIZE / 3,
                             str(canvas.getPageNumber()))
    canvas.restoreState()


def build_pdf(
    target: Path | str | BinaryIO,
    story: list[Flowable],
    *,
    landscape: bool = False,
    title: str = "",
    author: str = "",
    subject: str = "",
) -> None:
    """Lay out `story` on A4 with the decree's margins; fonts embedded, Liberation Serif as every canvas's
    default (no stray Helvetica), page numbers from page 2."""
    register_fonts()
    m = margins(landscape)
    size = page_size(landscape)
    doc = BaseDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=size,
        leftMargin=m["left"], rightMargin=m["right"], topMargin=m["top"], bottomMargin=m["bottom"],
        title=unicodedata.normalize("NFC", title), author=unicodedata.normalize("NFC", author),
        subject=unicodedata.normalize("NFC", subject), creator="PTDS Desktop",
        initialFontName=FONT, initialFontSize=BODY_SIZE,
    )
    # No frame padding: the text block is exactly the page less the decree's margins.
    frame = Frame(m["left"], m["bottom"], size[0] - m["left"] - m["right"], size[1] - m["top"] - m["bottom"],
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="text")
    doc.addPageTemplates([
        PageTemplate("first", [frame], autoNextPageTemplate="later"),
        PageTemplate("later", [frame], onPage=_draw_page_number),
    ])
    doc.build(list(story))  # build() consumes the list it is given
