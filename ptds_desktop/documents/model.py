"""The administrative document as plain data (Decree 30/2020/NĐ-CP, Appendix I; see DOCUMENT-FORMAT.md).

No drawing library types here: services build a `Document`, the renderers in `ptds_desktop.exports`
(`pdf.render_pdf`, `docx.render_docx`, `excel.render_xlsx`) draw the same text in each format.

    Document(
        title="Quyết định …",                       # file metadata
        sections=(
            Section(                                  # a run of pages with one page set-up
                heading=Heading(IssuingBody("UBND TỈNH ĐẮK LẮK", "BAN CHỈ HUY PHÒNG THỦ DÂN SỰ"),
                                symbol="KH-BCH", number=None, place="Đắk Lắk", date=None, year=2026),
                title=Title("KẾ HOẠCH", "Tổ chức Hội nghị …"),
                blocks=(Paragraph("Căn cứ …;", style="basis"), SectionHeading(1, "I", "Mục đích, yêu cầu"),
                        Paragraph("…"), ListItem("…"), Article(1, "…"), Table(...), PageBreak(), …),
                closing=Closing(Signature(...), Recipients(...)),
            ),
            Section(title=Title("DANH SÁCH", "Thành viên …", note="(Kèm theo …)"), blocks=(Table(...),),
                    page=PageSetup(orientation="landscape"), restart_page_numbers=True),   # an appendix
        ),
    )

A section starts on a new page; its page set-up (A4/A3, portrait/landscape) applies to all its pages. Page
numbers are printed from the section's second page (`page_numbers`); `restart_page_numbers` makes an
appendix (or each invitation of a batch) number its own pages. Repeated parts (one invitation per invitee
in one file) are one section each. `Closing` is a block, so a section may carry it anywhere (usually last).
The text helpers of `documents.text` (number line, place-and-date line, recipient lines) are what every
renderer prints, so one document gives the same words in PDF, DOCX and XLSX.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Literal

Align = Literal["justify", "left", "center", "right"]
ParagraphStyleName = Literal["body", "basis", "plain", "center", "center_bold", "center_italic", "note"]


@dataclasses.dataclass(frozen=True)
class IssuingBody:
    """The left column of the header block: parent body (upper line, optional) over the issuing body (bold,
    ruled). Printed upper case."""

    name: str  # "BAN CHỈ HUY PHÒNG THỦ DÂN SỰ"
    parent: str | None = None  # "UBND TỈNH ĐẮK LẮK"


@dataclasses.dataclass(frozen=True)
class Heading:
    """The first-page header block. `number` None leaves the number open for the office to fill in after
    signing ("Số:      /QĐ-UBND"); `date` None leaves day and month open ("ngày      tháng      năm 2026",
    the year from `year`). `symbol` None prints no number line. `subject` is the "V/v …" line of a công văn."""

    issuer: IssuingBody
    symbol: str | None = None  # "QĐ-UBND" (normalised when printed)
    number: str | None = None  # "130" (a leading 0 added below 10 when printed)
    place: str | None = None  # "Đắk Lắk"
    date: dt.date | None = None
    year: int | None = None  # for an open date; default the current year
    subject: str | None = None


@dataclasses.dataclass(frozen=True)
class Title:
    """Type name ("QUYẾT ĐỊNH", "DANH SÁCH"; upper case, bold), summary line (trích yếu, bold; several lines
    allowed with "\\n"), an italic note ("(Kèm theo Quyết định số … )"), then a short rule. `label` prints above
    the type name ("PHỤ LỤC", "Phụ lục I") for an appendix."""

    kind: str
    summary: str | None = None
    note: str | None = None
    label: str | None = None


@dataclasses.dataclass(frozen=True)
class Run:
    """A piece of a paragraph in one face."""

    text: str
    bold: bool = False
    italic: bool = False


Text = str | tuple[Run, ...]


@dataclasses.dataclass(frozen=True)
class Paragraph:
    """A paragraph. Styles: "body" (justified, first line indented, 6 pt after), "basis" ("Căn cứ …",
    italic, indented), "plain" (left, no indent), "center", "center_bold", "center_italic", "note" (centred
    italic). `size` overrides the body size (points) for a backdrop's large type; `space_before` in points."""

    text: Text
    style: ParagraphStyleName = "body"
    size: float | None = None
    space_before: float = 0
    keep_with_next: bool = False


@dataclasses.dataclass(frozen=True)
class SectionHeading:
    """Level 1 "I. MỤC ĐÍCH, YÊU CẦU" (upper-cased, bold); level 2 "1. Mục đích" (bold); level 3 "a) …"
    (upright). `label` is printed as given ("I", "1", "a"), the punctuation added by level."""

    level: Literal[1, 2, 3]
    label: str | None
    text: str


@dataclasses.dataclass(frozen=True)
class ListItem:
    """A list line "- …" (or "+ …"), indented like the body."""

    text: Text
    marker: str = "-"


@dataclasses.dataclass(frozen=True)
class Article:
    """"Điều 1. …": the label bold, the text on the same line, justified like the body."""

    number: int
    text: Text


@dataclasses.dataclass(frozen=True)
class Column:
    """A table column: its label, its width relative to the others (any unit: widths are shares of the text
    width), centred or left, and `children` for a two-level header (this label spans them)."""

    label: str
    width: float = 1.0
    centred: bool = False
    children: tuple[Column, ...] = ()


@dataclasses.dataclass(frozen=True)
class SectionRow:
    """A row spanning the table in bold: "I. CÔNG TÁC LÃNH ĐẠO" (Roman-numeral groups of a matrix). With `code`
    the code sits in the first column and the text spans the others (seed 003's appendix: "I" | "KIỆN TOÀN …")."""

    text: str
    code: str | None = None


@dataclasses.dataclass(frozen=True)
class Span:
    """A cell merged across `columns` leaf columns from its own (a timeframe written over the phase columns); the
    row keeps one value per leaf column, None in the columns it covers."""

    text: str
    columns: int


Cell = str | int | Span | None
Row = tuple[Cell, ...] | SectionRow


@dataclasses.dataclass(frozen=True)
class Table:
    """A bordered table whose header repeats on every page. `rows` hold one value per leaf column (children
    of a two-level header count one each) or a SectionRow. `row_height` (mm) is a minimum, for a sign-in
    sheet's signature column. `empty_text` is printed centred in italics when there are no rows."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    row_height: float | None = None
    empty_text: str | None = None

    @property
    def leaves(self) -> tuple[Column, ...]:
        out: list[Column] = []
        for column in self.columns:
            out += list(column.children) if column.children else [column]
        return tuple(out)

    @property
    def header_levels(self) -> int:
        return 2 if any(c.children for c in self.columns) else 1


@dataclasses.dataclass(frozen=True)
class PageBreak:
    """Start a new page within the section."""


@dataclasses.dataclass(frozen=True)
class Signature:
    """Bottom right: authority line ("TM. BAN CHỈ HUY", "KT. TRƯỞNG BAN", "Q.", "TL.", "TUQ."), position
    ("PHÓ TRƯỞNG BAN THƯỜNG TRỰC"), second position ("PHÓ CHỦ TỊCH UBND TỈNH"), room for the signature and
    seal, then the name. Upper case where the decree wants it (renderers upper-case the position lines)."""

    position: str | None
    name: str | None
    authority: str | None = None
    second_position: str | None = None

    @property
    def position_lines(self) -> tuple[str, ...]:
        lines = (self.authority, self.position, self.second_position)
        return tuple(line.strip().upper() for line in lines if line and line.strip())


@dataclasses.dataclass(frozen=True)
class Recipients:
    """"Nơi nhận:" bottom left: each entry printed "- …;", then "- Lưu: VT, …." and the drafter's note."""

    entries: tuple[str, ...]
    archive: str = "VT"
    drafter_note: str | None = None  # "N_56"


@dataclasses.dataclass(frozen=True)
class Closing:
    """Recipients left and signature right, kept together on one page."""

    signature: Signature | None
    recipients: Recipients | None


Block = Paragraph | SectionHeading | ListItem | Article | Table | PageBreak | Closing


@dataclasses.dataclass(frozen=True)
class PageSetup:
    """Paper and orientation of a section; the decree's margins are turned with a landscape page."""

    size: Literal["A4", "A3"] = "A4"
    orientation: Literal["portrait", "landscape"] = "portrait"

    @property
    def landscape(self) -> bool:
        return self.orientation == "landscape"


@dataclasses.dataclass(frozen=True)
class Section:
    """Pages with one set-up, starting on a new page: an optional header block and title, then blocks."""

    blocks: tuple[Block, ...]
    heading: Heading | None = None
    title: Title | None = None
    page: PageSetup = PageSetup()
    page_numbers: bool = True  # from the section's second page
    restart_page_numbers: bool = False


@dataclasses.dataclass(frozen=True)
class Document:
    """A whole file. `title` and `subject` go into the file's properties; `name` is the sheet name of a
    workbook (tabular documents)."""

    title: str
    sections: tuple[Section, ...]
    subject: str = ""
    author: str = ""
    name: str = ""

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(b for s in self.sections for b in s.blocks if isinstance(b, Table))
