"""A `documents.Document` drawn with ReportLab on the decree's page (DOCUMENT-FORMAT.md): header block,
title, body styles, tables with a repeated header, signature block and recipients, page numbers from the
second page of each section, fonts embedded (Liberation Serif, the metric twin of Times New Roman).

    render_pdf(document, "out.pdf")
"""

from __future__ import annotations

import dataclasses
import functools
import html
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.pagesizes import landscape as landscape_of
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import (
    PageBreak as RLPageBreak,
)
from reportlab.platypus import (
    Paragraph as RLParagraph,
)
from reportlab.platypus import (
    Table as RLTable,
)

from ptds_desktop.config import RESOURCES_DIR
from ptds_desktop.documents import model as m
from ptds_desktop.documents import text as t

FONT = "LiberationSerif"
FONT_BOLD = f"{FONT}-Bold"
FONT_ITALIC = f"{FONT}-Italic"
FONT_BOLD_ITALIC = f"{FONT}-BoldItalic"

BODY_SIZE = 13
HEADER_SIZE = 12  # issuing bodies and national name; 12 keeps "BAN CHỈ HUY PHÒNG THỦ DÂN SỰ" on one line
TITLE_SIZE = 14
TABLE_SIZE = 12
PAGE_NUMBER_SIZE = 13
FIRST_LINE_INDENT = 10 * mm
SIGNING_SPACE = 24 * mm  # room for the signature and the seal

# Decree 30: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. A landscape page is the portrait page
# turned, so the binding margin (30 mm) runs along its top.
PORTRAIT_MARGINS = {"top": 20 * mm, "bottom": 20 * mm, "left": 30 * mm, "right": 15 * mm}
LANDSCAPE_MARGINS = {"top": 30 * mm, "bottom": 15 * mm, "left": 20 * mm, "right": 20 * mm}
LEFT_COLUMN_SHARE = 0.44  # "about 40%", wide enough for a 27-letter body name in 12 pt bold


@functools.cache
def register_fonts() -> str:
    """Register the bundled Liberation Serif once; returns the family name."""
    fonts_dir = RESOURCES_DIR / "fonts"
    faces = ((FONT, "Regular"), (FONT_BOLD, "Bold"), (FONT_ITALIC, "Italic"), (FONT_BOLD_ITALIC, "BoldItalic"))
    for name, face in faces:
        pdfmetrics.registerFont(TTFont(name, str(fonts_dir / f"LiberationSerif-{face}.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC)
    return FONT


_ALIGN = {"justify": TA_JUSTIFY, "left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


def _style(name: str, size: float = BODY_SIZE, font: str = FONT, align: int = TA_JUSTIFY, **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=kw.pop("leading", size * 1.2),
                          alignment=align, textColor=colors.black, **kw)


@dataclasses.dataclass(frozen=True)
class Styles:
    body: ParagraphStyle  # 13 pt, justified, first line indented 1 cm, 6 pt after
    basis: ParagraphStyle  # "Căn cứ …" italic
    plain: ParagraphStyle
    center: ParagraphStyle
    center_bold: ParagraphStyle
    center_italic: ParagraphStyle
    note: ParagraphStyle  # "(Kèm theo …)" under a title
    heading1: ParagraphStyle  # "I. MỤC ĐÍCH, YÊU CẦU"
    heading2: ParagraphStyle  # "1. Mục đích"
    heading3: ParagraphStyle  # "a) …"
    item: ParagraphStyle  # "- …" list lines, indented like the body
    title_label: ParagraphStyle  # "PHỤ LỤC"
    title: ParagraphStyle  # "KẾ HOẠCH"
    summary: ParagraphStyle  # trích yếu
    header: ParagraphStyle
    header_bold: ParagraphStyle
    motto: ParagraphStyle
    number: ParagraphStyle  # "Số: 15/KH-BCH"
    subject: ParagraphStyle  # "V/v …"
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
    indent = FIRST_LINE_INDENT
    return Styles(
        body=_style("body", firstLineIndent=indent, spaceAfter=6),
        basis=_style("basis", font=FONT_ITALIC, firstLineIndent=indent, spaceAfter=6),
        plain=_style("plain", align=TA_LEFT, spaceAfter=6),
        center=_style("center", align=TA_CENTER, spaceAfter=6),
        center_bold=_style("center_bold", font=FONT_BOLD, align=TA_CENTER, spaceAfter=6),
        center_italic=_style("center_italic", font=FONT_ITALIC, align=TA_CENTER, spaceAfter=6),
        note=_style("note", font=FONT_ITALIC, align=TA_CENTER, spaceBefore=2),
        heading1=_style("heading1", font=FONT_BOLD, firstLineIndent=indent, spaceBefore=6, spaceAfter=6),
        heading2=_style("heading2", font=FONT_BOLD, firstLineIndent=indent, spaceAfter=6),
        heading3=_style("heading3", firstLineIndent=indent, spaceAfter=6),
        item=_style("item", firstLineIndent=indent, spaceAfter=3),
        title_label=_style("title_label", TITLE_SIZE, FONT_BOLD, TA_CENTER, spaceAfter=2),
        title=_style("title", TITLE_SIZE, FONT_BOLD, TA_CENTER, spaceBefore=12),
        summary=_style("summary", TITLE_SIZE, FONT_BOLD, TA_CENTER),
        header=_style("header", HEADER_SIZE, FONT, TA_CENTER),
        header_bold=_style("header_bold", HEADER_SIZE, FONT_BOLD, TA_CENTER),
        motto=_style("motto", 13, FONT_BOLD, TA_CENTER),
        number=_style("number", 13, FONT, TA_CENTER),
        subject=_style("subject", 12, FONT, TA_CENTER),
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
    """NFC text made safe for Paragraph markup: line breaks kept, and runs of spaces (the open number and
    date of a draft) kept wide instead of collapsing to one."""
    value = html.escape(unicodedata.normalize("NFC", text or ""), quote=False).replace("\n", "<br/>")
    return re.sub(r" {2,}", lambda gap: " " + "&nbsp;" * (len(gap.group()) - 1), value)


def _markup(runs: Sequence[m.Run]) -> str:
    out = []
    for run in runs:
        piece = escape(run.text)
        if run.bold:
            piece = f"<b>{piece}</b>"
        if run.italic:
            piece = f"<i>{piece}</i>"
        out.append(piece)
    return "".join(out)


def _para(runs: Sequence[m.Run] | str, style: ParagraphStyle) -> RLParagraph:
    return RLParagraph(escape(runs) if isinstance(runs, str) else _markup(runs), style)


# ---------------------------------------------------------------- rules and header block


class Rule(Flowable):
    """A solid horizontal rule, centred in the frame; `length` None takes 40% of `text`'s longest line."""

    def __init__(self, text: str, font: str = FONT_BOLD, size: float = TITLE_SIZE,
                 space_before: float = 4, space_after: float = 12, thickness: float = 0.6) -> None:
        super().__init__()
        self.text, self.font, self.size, self.thickness = text, font, size, thickness
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self.length = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail = avail_width
        longest = max((pdfmetrics.stringWidth(line, self.font, self.size) for line in self.text.split("\n")),
                      default=0)
        self.length = min(longest, avail_width) * 0.4
        return avail_width, self.thickness

    def draw(self) -> None:
        x = (self._avail - self.length) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, 0, x + self.length, 0)


def _longest_line(para: RLParagraph, width: float) -> float:
    para.wrap(width, 10_000)
    lines = para.blPara.lines
    extra = [line[0] if para.blPara.kind == 0 else line.extraSpace for line in lines]
    return float(width - min(extra, default=width))


class HeaderBlock(Flowable):
    """Two columns (issuing body left, national name right), top lines aligned, a rule under the issuing body
    and under the motto, the number and the place/date on one line."""

    GAP = 4  # points between a text and its rule, and from the rule to the next line

    def __init__(self, heading: m.Heading, left_share: float = LEFT_COLUMN_SHARE) -> None:
        super().__init__()
        st = styles()
        self.left_share = left_share
        issuer = heading.issuer
        self.left_top = ([RLParagraph(escape(issuer.parent.upper()), st.header)] if issuer.parent else [])
        self.issuing = RLParagraph(escape(issuer.name.upper()), st.header_bold)
        self.left_top.append(self.issuing)
        self.right_top = [RLParagraph(t.NATIONAL_NAME, st.header_bold), RLParagraph(t.MOTTO, st.motto)]
        number = t.number_line(heading)
        self.left_bottom = [RLParagraph(escape(number), st.number)] if number else []
        if heading.subject:
            self.left_bottom.append(RLParagraph(escape(heading.subject), st.subject))
        place_date = t.place_date_line(heading)
        self.right_bottom = [RLParagraph(escape(place_date), st.place_date)] if place_date else []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.left_w = avail_width * self.left_share
        self.right_w = avail_width - self.left_w

        def height(items: list[RLParagraph], w: float) -> float:
            return float(sum(p.wrap(w, avail_height)[1] for p in items))

        self._top_height = max(height(self.left_top, self.left_w), height(self.right_top, self.right_w)) \
            + 2 * self.GAP + 1
        bottom = max(height(self.left_bottom, self.left_w), height(self.right_bottom, self.right_w))
        self.height = self._top_height + (bottom + self.GAP if bottom else 0) + 6
        return avail_width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.setLineWidth(0.6)

        def stack(items: list[RLParagraph], x: float, w: float, y: float) -> float:
            for p in items:
                _, h = p.wrap(w, 10_000)
                y -= h
                p.drawOn(canv, x, y)
            return y

        y_left = stack(self.left_top, 0, self.left_w, self.height)
        rule = max(_longest_line(self.issuing, self.left_w) * 0.4, 20)
        canv.line((self.left_w - rule) / 2, y_left - self.GAP, (self.left_w + rule) / 2, y_left - self.GAP)
        y_right = stack(self.right_top, self.left_w, self.right_w, self.height)
        motto = pdfmetrics.stringWidth(t.MOTTO, FONT_BOLD, styles().motto.fontSize)
        x0 = self.left_w + (self.right_w - motto) / 2
        canv.line(x0, y_right - self.GAP, x0 + motto, y_right - self.GAP)
        y = self.height - self._top_height - self.GAP
        stack(self.left_bottom, 0, self.left_w, y)
        stack(self.right_bottom, self.left_w, self.right_w, y)


def title_flowables(title: m.Title) -> list[Flowable]:
    """Label ("PHỤ LỤC"), type name, summary line, italic note, and the short rule closing the title."""
    st = styles()
    flow: list[Flowable] = []
    if title.label:
        flow.append(_para(title.label, st.title_label))
    kind_style = st.summary if title.label else st.title
    flow.append(_para(title.kind.upper(), kind_style))
    if title.summary:
        flow.append(_para(title.summary, st.summary))
    if title.note:
        flow.append(_para(title.note, st.note))
    flow.append(Rule(title.summary or title.kind.upper()))
    return flow


# ---------------------------------------------------------------- tables


class _FractionTable(RLTable):
    """A Table whose column widths are shares of the available width, resolved at wrap time (the pieces of a
    split table receive absolute widths)."""

    def __init__(self, data: list[list[Any]], colWidths: Sequence[float | None] | None = None,
                 shares: Sequence[float] | None = None, **kw: Any) -> None:
        # The pieces of a split table come back through here with absolute `colWidths` and no shares.
        self._shares = list(shares or ())
        super().__init__(data, colWidths=colWidths, **kw)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._shares:
            total = sum(self._shares)
            self._argW = [avail_width * share / total for share in self._shares]
            self._colWidths = list(self._argW)
        width, height = super().wrap(avail_width, avail_height)
        return float(width), float(height)


def table_flowable(table: m.Table) -> Flowable:
    """Bordered, the header (one or two levels) repeated on every page, section rows spanning in bold."""
    st = styles()
    leaves = table.leaves
    n = len(leaves)
    levels = table.header_levels
    header: list[list[Any]] = [[""] * n for _ in range(levels)]
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
    col = 0
    for column in table.columns:
        header[0][col] = _para(column.label, st.table_header)
        if column.children:
            spans.append(((col, 0), (col + len(column.children) - 1, 0)))
            for offset, child in enumerate(column.children):
                header[1][col + offset] = _para(child.label, st.table_header)
            col += len(column.children)
        else:
            if levels == 2:
                spans.append(((col, 0), (col, 1)))
            col += 1
    data: list[list[Any]] = list(header)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # the cell default would set an unembedded Helvetica
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    commands += [("SPAN", a, b) for a, b in spans]
    # Minimum heights (a sign-in sheet leaves room to sign); a longer entry grows its row.
    heights: list[float] = [0.0] * levels
    for row in table.rows:
        r = len(data)
        if isinstance(row, m.SectionRow):
            if row.code is None:
                data.append([_para(row.text, st.table_section)] + [""] * (n - 1))
                commands.append(("SPAN", (0, r), (-1, r)))
            else:
                data.append([_para(row.code, st.table_header), _para(row.text, st.table_section)]
                            + [""] * (n - 2))
                commands.append(("SPAN", (1, r), (-1, r)))
            heights.append(0.0)
            continue
        cells = []
        for c, (leaf, v) in enumerate(zip(leaves, row)):
            if isinstance(v, m.Span):
                commands.append(("SPAN", (c, r), (c + v.columns - 1, r)))
                v = v.text
            cells.append(_para("" if v is None else str(v), st.table_cell_center if leaf.centred else st.table_cell))
        data.append(cells + [""] * (n - len(cells)))
        heights.append(table.row_height * mm if table.row_height else 0.0)
    if not table.rows and table.empty_text:
        data.append([_para(table.empty_text, st.center_italic)] + [""] * (n - 1))
        commands.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
        heights.append(0.0)
    return _FractionTable(data, shares=[leaf.width for leaf in leaves], repeatRows=levels, minRowHeights=heights,
                          style=TableStyle(commands))


# ---------------------------------------------------------------- signature and recipients


def signature_flowables(signature: m.Signature) -> list[Flowable]:
    st = styles()
    flow: list[Flowable] = [RLParagraph("<br/>".join(escape(x) for x in signature.position_lines), st.signature)]
    flow.append(Spacer(1, SIGNING_SPACE))
    if signature.name:
        flow.append(_para(signature.name, st.signature))
    return flow


def recipients_flowables(recipients: m.Recipients) -> list[Flowable]:
    st = styles()
    return [_para("Nơi nhận:", st.recipients_label),
            RLParagraph("<br/>".join(escape(x) for x in t.recipient_lines(recipients)), st.recipients)]


def closing_flowables(closing: m.Closing) -> list[Flowable]:
    """Recipients bottom left beside the signature block bottom right, kept together on one page."""
    left: list[Flowable] | str = recipients_flowables(closing.recipients) if closing.recipients else ""
    right: list[Flowable] | str = signature_flowables(closing.signature) if closing.signature else ""
    table = _FractionTable([[left, right]], shares=[0.45, 0.55], style=TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [Spacer(1, 6), KeepTogether([table])]


# ---------------------------------------------------------------- blocks


def _paragraph_style(p: m.Paragraph) -> ParagraphStyle:
    base: ParagraphStyle = getattr(styles(), p.style)
    if p.size is None and not p.space_before and not p.keep_with_next:
        return base
    size = p.size or base.fontSize
    return ParagraphStyle(f"{base.name}_{size}", parent=base, fontSize=size, leading=size * 1.2,
                          spaceBefore=p.space_before or base.spaceBefore, keepWithNext=int(p.keep_with_next))


def block_flowables(block: m.Block) -> list[Flowable]:
    st = styles()
    if isinstance(block, m.Paragraph):
        return [_para(t.runs(block.text), _paragraph_style(block))]
    if isinstance(block, m.SectionHeading):
        style = {1: st.heading1, 2: st.heading2, 3: st.heading3}[block.level]
        return [CondPageBreak(3 * BODY_SIZE), _para(t.heading_text(block), style)]
    if isinstance(block, m.ListItem):
        return [_para(t.list_runs(block), st.item)]
    if isinstance(block, m.Article):
        return [_para(t.article_runs(block), st.body)]
    if isinstance(block, m.Table):
        return [table_flowable(block), Spacer(1, 6)]
    if isinstance(block, m.PageBreak):
        return [RLPageBreak()]
    if isinstance(block, m.Closing):
        return closing_flowables(block)
    raise TypeError(f"unknown block {block!r}")


# ---------------------------------------------------------------- pages


def page_size(page: m.PageSetup) -> tuple[float, float]:
    size = A3 if page.size == "A3" else A4
    width, height = landscape_of(size) if page.landscape else size
    return float(width), float(height)


def margins(page: m.PageSetup) -> dict[str, float]:
    return LANDSCAPE_MARGINS if page.landscape else PORTRAIT_MARGINS


def frame_width(page: m.PageSetup) -> float:
    mg = margins(page)
    return page_size(page)[0] - mg["left"] - mg["right"]


class _Numbering:
    """Page numbers per section: restarted or running on, printed from a section's second page. Each page's start
    also tells `at_section` which section layout has reached (progress, and a chance to stop)."""

    def __init__(self, at_section: Callable[[int], None] | None = None) -> None:
        self.first_page = 1  # the page the current numbering starts on
        self.at_section = at_section

    def section_start(self, index: int, section: m.Section) -> Callable[[Canvas, Any], None]:
        def on_page(canvas: Canvas, doc: Any) -> None:
            if self.at_section is not None:
                self.at_section(index)
            if section.restart_page_numbers:
                self.first_page = canvas.getPageNumber()
            self._draw(canvas, section, is_first=True)
        return on_page

    def later(self, index: int, section: m.Section) -> Callable[[Canvas, Any], None]:
        def on_page(canvas: Canvas, doc: Any) -> None:
            if self.at_section is not None:
                self.at_section(index)
            self._draw(canvas, section, is_first=False)
        return on_page

    def _draw(self, canvas: Canvas, section: m.Section, is_first: bool) -> None:
        number = canvas.getPageNumber() - self.first_page + 1
        if not section.page_numbers or number < 2 or (is_first and section.restart_page_numbers):
            return
        mg = margins(section.page)
        width, height = canvas._pagesize
        canvas.saveState()
        canvas.setFont(FONT, PAGE_NUMBER_SIZE)
        canvas.drawCentredString(mg["left"] + (width - mg["left"] - mg["right"]) / 2,
                                 height - mg["top"] / 2 - PAGE_NUMBER_SIZE / 3, str(number))
        canvas.restoreState()


def render_pdf(document: m.Document, target: Path | str | BinaryIO,
               at_section: Callable[[int], None] | None = None) -> None:
    """Lay out every section on its page with the decree's margins; fonts embedded, Liberation Serif as
    every canvas's default (no stray Helvetica). `at_section(index)` is called as each page of section `index`
    begins: an exception it raises stops the layout."""
    register_fonts()
    numbering = _Numbering(at_section)
    templates: list[PageTemplate] = []
    story: list[Flowable] = []
    for index, section in enumerate(document.sections):
        size = page_size(section.page)
        mg = margins(section.page)
        frame = Frame(mg["left"], mg["bottom"], size[0] - mg["left"] - mg["right"], size[1] - mg["top"] - mg["bottom"],
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        first, later = f"s{index}", f"s{index}_later"
        templates.append(PageTemplate(first, [frame], onPage=numbering.section_start(index, section), pagesize=size,
                                      autoNextPageTemplate=later))
        templates.append(PageTemplate(later, [frame], onPage=numbering.later(index, section), pagesize=size))
        if index:
            story += [NextPageTemplate(first), RLPageBreak()]
        if section.heading:
            story.append(HeaderBlock(section.heading))
        if section.title:
            story += title_flowables(section.title)
        for block in section.blocks:
            story += block_flowables(block)  # a page break lands on the section's `later` template
    first_size = page_size(document.sections[0].page) if document.sections else A4
    doc = BaseDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=first_size,
        title=unicodedata.normalize("NFC", document.title), author=unicodedata.normalize("NFC", document.author),
        subject=unicodedata.normalize("NFC", document.subject), creator="PTDS Desktop",
        initialFontName=FONT, initialFontSize=BODY_SIZE,
    )
    doc.addPageTemplates(templates)
    doc.build(story)
