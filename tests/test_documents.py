"""Every document kind in every format against the checklist of DOCUMENT-FORMAT.md: page size, margins,
fonts embedded or named, heading block and its rules, number line, place-and-date line, title, body sizes,
signature, recipients, end mark, page numbers from page 2. PDFs are read with poppler, DOCX with python-docx,
XLSX with openpyxl; LibreOffice converts every DOCX and XLSX. The roster documents come from the services; the
matrix, the invitations and the backdrop are built here on the same model, as the plan and conference
documents will be. (That documents/ and exports/ import no service, storage or Qt: tests/test_layers.py.)"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess

import pytest
from document_checks import MM, assert_fonts_embedded, convert_with_libreoffice, flat, pdf_pages, pdf_text, soffice
from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from openpyxl import load_workbook
from roster_fixtures import establish, reorganise

from ptds_desktop.documents import text as dtext
from ptds_desktop.documents.model import (
    Article,
    Closing,
    Column,
    Document,
    Heading,
    IssuingBody,
    ListItem,
    PageSetup,
    Paragraph,
    Recipients,
    Section,
    SectionHeading,
    SectionRow,
    Signature,
    Table,
    Title,
)
from ptds_desktop.exports.files import write_document
from ptds_desktop.services import decisions, memberships
from ptds_desktop.services import documents as settings_service
from ptds_desktop.services.roster_documents import roster_document

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (pdftotext, pdffonts) needed")

A4 = (210, 297)
PORTRAIT = {"top": 20, "bottom": 20, "left": 30, "right": 15}
LANDSCAPE = {"top": 30, "bottom": 15, "left": 20, "right": 20}


@dataclasses.dataclass(frozen=True)
class Expect:
    """What a document must show on its first page (and its last page of text)."""

    issuer: str  # the issuing body line, upper case
    number: str | None  # "Số: 00215/QĐ-UBND"
    place_date: str  # "Đắk Lắk, ngày 20 tháng 01 năm 2026"
    title: tuple[str, ...]
    body_word: str  # a word of body text (13 pt)
    signature: tuple[str, ...]
    recipients: tuple[str, ...]
    end_mark: bool
    multipage: bool  # the first section runs over more than one page
    paper: tuple[float, float] = A4
    margins: dict = dataclasses.field(default_factory=lambda: PORTRAIT)
    table_header: tuple[str, ...] = ()
    body_size: float = 13  # a table's text is 12 pt


# ---------------------------------------------------------------- the documents


def _plan_with_matrix() -> Document:
    """A plan (portrait) whose appendix is a landscape task matrix with a two-level header and section rows."""
    heading = Heading(IssuingBody("Ban Chỉ huy Phòng thủ dân sự", "UBND tỉnh Đắk Lắk"), "kh-bch", "5", "Đắk Lắk",
                      dt.date(2026, 2, 5))
    body: list = [SectionHeading(1, "I", "Mục đích, yêu cầu"), SectionHeading(2, "1", "Mục đích")]
    body += [Paragraph("Đánh giá toàn diện kết quả chỉ đạo, tổ chức thực hiện công tác phòng thủ dân sự năm 2025; "
                       "chỉ rõ những ưu điểm, hạn chế, nguyên nhân, khó khăn, vướng mắc.")] * 24
    body += [ListItem("Làm tốt công tác chuẩn bị;"), ListItem("Tham gia đúng thành phần, thời gian.")]
    body = dtext.with_end_mark(body)
    body.append(Closing(Signature("Phó Trưởng ban thường trực", "Nguyễn Thiên Văn", "KT. Trưởng ban",
                                  "Phó Chủ tịch UBND tỉnh"),
                        Recipients(("Thường trực Tỉnh ủy (b/c)", "UBND tỉnh"), "VT, NC", "N_56")))
    phases = (Column("Giai đoạn 1 (đến năm 2025)", 1.2, True), Column("Giai đoạn 2 (2026 - 2030)", 1.2, True),
              Column("Giai đoạn 3 (sau năm 2030)", 1.2, True))
    columns = (Column("TT", 0.5, True), Column("Nội dung", 4), Column("Cơ quan chủ trì", 1.8),
               Column("Cơ quan phối hợp", 1.8), Column("Thời gian thực hiện", children=phases),
               Column("Sản phẩm nhiệm vụ", 1.6))
    rows: list = []
    for group in range(1, 4):
        rows.append(SectionRow(f"{dtext.roman(group)}. NHÓM NHIỆM VỤ THỨ {group}"))
        rows += [(i, f"Tham mưu, chỉ đạo và tổ chức nhiệm vụ số {i} của nhóm {group}.", "Ban CHQS thành phố",
                  "Các phòng, ban, cơ quan, đơn vị, địa phương", "Thường xuyên", None, None, "Kế hoạch, hướng dẫn")
                 for i in range(1, 9)]
    appendix = Section((Table(columns, tuple(rows)),), title=Title(
        "Ma trận nhiệm vụ", note="(Kèm theo Kế hoạch số 05/KH-BCH ngày 05/02/2026 của Ban Chỉ huy PTDS tỉnh)",
        label="Phụ lục"), page=PageSetup(orientation="landscape"), restart_page_numbers=True)
    return Document("Kế hoạch 05/KH-BCH", (
        Section(tuple(body), heading, Title("Kế hoạch", "Tổ chức Hội nghị sơ kết công tác phòng thủ dân sự năm 2025")),
        appendix), name="Ma trận nhiệm vụ")


INVITEES = ("Đồng chí Trần Văn Thử, Chủ tịch UBND tỉnh", "Sở Y tế tỉnh Đắk Lắk", "Bộ Chỉ huy Quân sự tỉnh Đắk Lắk")


def _invitations() -> Document:
    """One invitation per invitee in one file, each its own section numbering its own pages."""
    sections = []
    for invitee in INVITEES:
        blocks = dtext.with_end_mark([
            Paragraph("Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk trân trọng kính mời:"),
            Paragraph(invitee, "center_bold"),
            Paragraph("Tới dự Hội nghị sơ kết công tác phòng thủ dân sự năm 2025, triển khai nhiệm vụ năm 2026."),
            ListItem("Chủ trì: Đồng chí Chủ tịch UBND tỉnh - Trưởng ban Chỉ huy Phòng thủ dân sự tỉnh."),
            ListItem("Thời gian: 01 buổi, bắt đầu lúc 14 giờ 00 ngày 12/3/2026."),
            ListItem("Địa điểm: Phòng họp trực tuyến trụ sở HĐND và UBND tỉnh, số 09 Lê Duẩn."),
        ])
        blocks.append(Closing(Signature("Phó Trưởng ban thường trực", "Nguyễn Thiên Văn", "KT. Trưởng ban",
                                        "Phó Chủ tịch UBND tỉnh"), Recipients(("Như trên",), "VT")))
        sections.append(Section(tuple(blocks), Heading(IssuingBody("Ban Chỉ huy Phòng thủ dân sự", "UBND tỉnh Đắk Lắk"),
                                                       "GM-BCH", None, "Đắk Lắk", None, 2026),
                                Title("Giấy mời", "Dự Hội nghị sơ kết công tác phòng thủ dân sự năm 2025"),
                                restart_page_numbers=True))
    return Document("Giấy mời", tuple(sections))


def _backdrop() -> Document:
    """A3 landscape in large type; no page number."""
    return Document("Maket", (Section((
        Paragraph("UBND TỈNH ĐẮK LẮK - BAN CHỈ HUY PHÒNG THỦ DÂN SỰ", "center_bold", size=32),
        Paragraph("HỘI NGHỊ", "center_bold", size=90, space_before=40),
        Paragraph("SƠ KẾT CÔNG TÁC PHÒNG THỦ DÂN SỰ NĂM 2025, TRIỂN KHAI NHIỆM VỤ TRỌNG TÂM NĂM 2026", "center_bold",
                  size=44, space_before=20),
        Paragraph("Đắk Lắk, ngày 12 tháng 3 năm 2026", "center_italic", size=32, space_before=60),
    ), page=PageSetup("A3", "landscape"), page_numbers=False),))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Every document kind, rendered in every format it has, from one reorganised board of 46 members."""
    from ptds_desktop.db.database import open_database
    from ptds_desktop.services.offices import init_office

    folder = tmp_path_factory.mktemp("documents")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PTDS_HOME", str(folder / "home"))
        db = open_database(folder / "ptds.db")
        init_office(db, "Bộ CHQS tỉnh Đắk Lắk", "province", place_name="Đắk Lắk")
        pb = establish(db)
        reorganise(db, pb)
        with db.unit_of_work() as s:
            memberships.update_member(s, next(m.id for m in memberships.roster_on(s, pb.board_id, "01/02/2026")
                                         if m.full_name == "Vũ Thị Tạm"),
                                 memberships.MemberInput("member", position_text="Giám đốc Sở Y tế"))
            settings = settings_service.settings_input(settings_service.document_settings(s, "decision"))
            settings_service.update_document_settings(s, "decision", dataclasses.replace(
                settings, signer_name="Nguyễn Thiên Văn"))
            decisions.apply_decision(
                s, pb.board_id, decisions.DecisionInput("00700/qd-ubnd", "01/03/2026", issued_by="Chủ tịch UBND tỉnh"),
                joining=[memberships.MemberInput("member", position_text=f"Giám đốc Sở Thử nghiệm số {i} tỉnh Đắk Lắk")
                         for i in range(1, 41)])
            documents = {
                "decision": roster_document(s, "decision", pb.board_id, dt.date(2026, 2, 1)),
                "list": roster_document(s, "list", pb.board_id, dt.date(2026, 3, 1)),
                "duties": roster_document(s, "duties", pb.board_id, dt.date(2026, 2, 1)),
            }
        db.close()
    documents.update(matrix=_plan_with_matrix(), invitations=_invitations(), backdrop=_backdrop())
    formats = {"decision": ("pdf", "docx"), "list": ("pdf", "docx", "xlsx"), "duties": ("pdf", "docx"),
               "matrix": ("pdf", "docx", "xlsx"), "invitations": ("pdf", "docx"), "backdrop": ("pdf", "docx")}
    files = {}
    for kind, document in documents.items():
        for fmt in formats[kind]:
            files[kind, fmt] = write_document(document, folder / f"{kind}.{fmt}")
    return files


OPEN_DATE = "Đắk Lắk, ngày      tháng      năm 2026"
BOARD_SIGNATURE = ("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH UBND TỈNH")
EXPECT = {
    "decision": Expect(
        "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", "Số: 00215/QĐ-UBND", "Đắk Lắk, ngày 20 tháng 01 năm 2026",
        ("QUYẾT ĐỊNH", "Về việc kiện toàn Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk"), "Kiện",
        ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thiên Văn"),
        ("- Như Điều 3;", "- Bộ Quốc phòng (b/c);", "- Lưu: VT."), True, False),
    "list": Expect(
        "BAN CHỈ HUY PHÒNG THỦ DÂN SỰ", None, OPEN_DATE,
        ("DANH SÁCH", "Thành viên Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk"), "Trần", BOARD_SIGNATURE,
        ("- Thành viên Ban Chỉ huy PTDS tỉnh;", "- Lưu: VT."), False, True,
        table_header=("TT", "Họ và tên", "Chức vụ, đơn vị", "Chức danh trong Ban", "Điện thoại"), body_size=12),
    "duties": Expect(
        "BAN CHỈ HUY PHÒNG THỦ DÂN SỰ", None, OPEN_DATE,
        ("DANH SÁCH", "Phân công nhiệm vụ thành viên Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk"), "Lãnh",
        BOARD_SIGNATURE, ("- Thành viên Ban Chỉ huy PTDS tỉnh;", "- Lưu: VT."), True, False),
    "matrix": Expect(
        "BAN CHỈ HUY PHÒNG THỦ DÂN SỰ", "Số: 05/KH-BCH", "Đắk Lắk, ngày 05 tháng 02 năm 2026",
        ("KẾ HOẠCH", "Tổ chức Hội nghị sơ kết công tác phòng thủ dân sự năm 2025"), "Đánh",
        BOARD_SIGNATURE + ("Nguyễn Thiên Văn",), ("- Thường trực Tỉnh ủy (b/c);", "- Lưu: VT, NC. (N_56)"),
        True, True),
    "invitations": Expect(
        "BAN CHỈ HUY PHÒNG THỦ DÂN SỰ", "Số:      /GM-BCH", OPEN_DATE,
        ("GIẤY MỜI", "Dự Hội nghị sơ kết công tác phòng thủ dân sự năm 2025"), "Tới",
        BOARD_SIGNATURE + ("Nguyễn Thiên Văn",), ("- Như trên;", "- Lưu: VT."), True, False),
}


# ---------------------------------------------------------------- PDF


def _page_number_words(page, margins) -> list:
    return [w for w in page.words if w.text.isdigit() and w.y1 < margins["top"] * MM]


def _dark_run(pgm: bytes, y_range: tuple[float, float], x_range: tuple[float, float]) -> int:
    """The longest horizontal run of dark pixels in a band of a 72-dpi grey page (a drawn rule)."""
    header_end = 0
    fields = []
    while len(fields) < 4:  # "P5", width, height, maxval, each followed by whitespace
        start = header_end
        while pgm[header_end:header_end + 1].isspace():
            header_end += 1
            start = header_end
        while not pgm[header_end:header_end + 1].isspace():
            header_end += 1
        fields.append(pgm[start:header_end])
    width, height = int(fields[1]), int(fields[2])
    pixels = pgm[header_end + 1:]
    longest = 0
    for y in range(max(0, int(y_range[0])), min(height, int(y_range[1]) + 1)):
        run = 0
        for x in range(max(0, int(x_range[0])), min(width, int(x_range[1]))):
            if pixels[y * width + x] < 128:
                run += 1
                longest = max(longest, run)
            else:
                run = 0
    return longest


def _first_page_grey(path) -> bytes:
    return subprocess.run(["pdftoppm", "-gray", "-r", "72", "-f", "1", "-l", "1", str(path)],
                          capture_output=True, check=True).stdout


@pytest.mark.parametrize("kind", list(EXPECT))
def test_pdf_meets_the_checklist(rendered, kind):
    e = EXPECT[kind]
    path = rendered[kind, "pdf"]
    pages = pdf_pages(path)
    first = pages[0]
    # Page and margins: A4, and no word outside the text block but the page number in the top margin.
    assert (round(first.width / MM), round(first.height / MM)) == e.paper
    m = e.margins
    for page in pages:
        if (round(page.width / MM), round(page.height / MM)) != e.paper:
            continue  # a landscape appendix: checked in its own test
        numbers = _page_number_words(page, m)
        for w in page.words:
            if w in numbers:
                continue
            assert w.x0 >= m["left"] * MM - 1 and w.x1 <= page.width - m["right"] * MM + 1, w
            assert w.y0 >= m["top"] * MM - 1 and w.y1 <= page.height - m["bottom"] * MM + 1, w
    assert_fonts_embedded(path)
    # Heading block: issuing body left of the national name / motto, a rule under each.
    top = " ".join(w.text for w in sorted(first.words, key=lambda w: (round(w.y0), w.x0))[:40])
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in top and "Độc lập - Tự do - Hạnh phúc" in top
    issuer_line = first.line_with(e.issuer)
    national = first.line_with("Độc lập")
    assert max(w.x1 for w in issuer_line if w.x1 < national[0].x0) < national[0].x0
    grey = _first_page_grey(path)
    issuer_bottom = max(w.y1 for w in issuer_line)
    text_left = m["left"] * MM
    left_column = (text_left, national[0].x0 - 5)
    rule = _dark_run(grey, (issuer_bottom, issuer_bottom + 8), left_column)
    issuer_width = max(w.x1 for w in issuer_line if w.x1 < national[0].x0) - issuer_line[0].x0
    assert issuer_width / 3 - 3 <= rule <= issuer_width / 2 + 3, (rule, issuer_width)
    motto_bottom = max(w.y1 for w in national)
    motto_width = national[-1].x1 - national[0].x0
    motto_rule = _dark_run(grey, (motto_bottom, motto_bottom + 8), (national[0].x0 - 10, national[-1].x1 + 10))
    assert abs(motto_rule - motto_width) < 6, (motto_rule, motto_width)
    # Number and place/date on one line (12–13 pt upright, 13 pt italic).
    text = flat(pdf_text(path, "-f", "1", "-l", "1", "-layout"))
    place_line = first.line_with(e.place_date.split(",")[0] + ",")
    if e.number:
        assert flat(e.number) in text
        assert first.line_with("Số:")[0].y0 == pytest.approx(place_line[0].y0, abs=1.5)
    else:
        assert "Số:" not in text
    assert flat(e.place_date) in text
    # Title: type name and summary 14 pt bold, centred; body 13 pt.
    for line in e.title:
        assert line in text
    title_words = first.line_with(e.title[0])
    assert all(abs(w.size - 14) < 0.4 for w in title_words)
    centre = (m["left"] * MM + first.width - m["right"] * MM) / 2
    assert (title_words[0].x0 + title_words[-1].x1) / 2 == pytest.approx(centre, abs=3)
    body = [w for p in pages for w in p.words if w.text == e.body_word]
    assert body and all(abs(w.size - e.body_size) < 0.4 for w in body), e.body_word
    # Signature right, recipients left, end mark.
    whole = flat(pdf_text(path, "-layout"))
    main_pages = [p for p in pages if (round(p.width / MM), round(p.height / MM)) == e.paper]
    closing_page = next(p for p in reversed(main_pages) if any(w.text == "Nơi" for w in p.words))
    label = closing_page.line_with("Nơi nhận:")
    for line in e.signature:
        words = closing_page.line_with(line, below=label[0].y0 - 2)
        assert words[0].x0 > closing_page.width * 0.45, line
    assert label[0].x0 == pytest.approx(m["left"] * MM, abs=1) and abs(label[0].size - 12) < 0.4
    for line in e.recipients:
        assert line in whole
        assert abs(closing_page.line_with(line, below=label[0].y0)[0].size - 11) < 0.4
    assert ("./." in whole) == e.end_mark
    # Page numbers: none on page 1; from page 2, centred in the top margin, 13 pt.
    assert not _page_number_words(first, m)
    if e.multipage:
        second = pages[1]
        number = _page_number_words(second, m)
        assert [w.text for w in number] == ["2"]
        assert (number[0].x0 + number[0].x1) / 2 == pytest.approx(centre, abs=2)
        assert abs(number[0].size - 13) < 0.4
    if e.table_header:
        for page in main_pages[1:]:
            header = flat(" ".join(w.text for w in sorted(page.words, key=lambda w: (round(w.y0), w.x0))[:20]))
            assert "Họ và tên" in header and "Điện thoại" in header


def test_decision_appendix_cites_that_decision_on_its_own_pages(rendered):
    pages = pdf_pages(rendered["decision", "pdf"])
    assert len(pages) == 2
    appendix = flat(" ".join(w.text for w in pages[1].words))
    assert appendix.startswith("DANH SÁCH Thành viên Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk "
                               "(Kèm theo Quyết định số 00215/QĐ-UBND ngày 20/01/2026 của Chủ tịch UBND tỉnh)")
    assert "CỘNG HÒA" not in appendix and "Nơi nhận" not in appendix  # no heading or signature of its own
    assert not _page_number_words(pages[1], PORTRAIT)  # the appendix numbers its own pages
    assert "Đỗ Văn Thay Thế" in appendix and "Lê Văn Mẫu" not in appendix and "Thử nghiệm" not in appendix
    assert "Điện thoại" not in appendix


def test_placeholders_stay_out_of_printed_documents(rendered):
    duties = flat(pdf_text(rendered["duties", "pdf"]))
    assert "Chưa phân công" not in duties and "(Chưa" not in duties
    assert "2. Đồng chí Hoàng Văn Giả Định, Giám đốc Sở Xây dựng - Ủy viên./." in duties


def test_landscape_appendix_two_level_header_and_section_rows(rendered):
    pages = pdf_pages(rendered["matrix", "pdf"])
    landscape = [p for p in pages if p.width > p.height]
    assert landscape and all((round(p.width / MM), round(p.height / MM)) == (297, 210) for p in landscape)
    first = landscape[0]
    assert not _page_number_words(first, LANDSCAPE)
    for w in first.words:
        assert w.x0 >= 20 * MM - 1 and w.x1 <= first.width - 20 * MM + 1 and w.y0 >= 30 * MM - 1, w
    group = first.line_with("Thời gian thực hiện")
    phase = first.line_with("Giai đoạn 1")
    assert phase[0].y0 > group[0].y0  # the phases sit under their group label
    assert first.line_with("I. NHÓM NHIỆM VỤ THỨ 1")[0].x0 < 20 * MM + 10  # spans from the table's left edge
    if len(landscape) > 1:
        second = landscape[1]
        assert [w.text for w in _page_number_words(second, LANDSCAPE)] == ["2"]
        assert "Thời gian thực hiện" in " ".join(w.text for w in second.words)


def test_invitations_one_per_invitee_each_numbered_from_its_own_start(rendered):
    pages = pdf_pages(rendered["invitations", "pdf"])
    assert len(pages) == len(INVITEES)
    for page, invitee in zip(pages, INVITEES):
        text = " ".join(w.text for w in page.words)
        assert invitee in text and "GIẤY MỜI" in text and "Nơi nhận:" in text
        assert not _page_number_words(page, PORTRAIT)


def test_backdrop_is_a3_landscape_in_large_type(rendered):
    (page,) = pdf_pages(rendered["backdrop", "pdf"])
    assert (round(page.width / MM), round(page.height / MM)) == (420, 297)
    assert page.line_with("HỘI NGHỊ")[0].size == pytest.approx(90, abs=1)


# ---------------------------------------------------------------- DOCX


def _mm(length) -> float:
    """A Word length in mm, to 0.1 mm (Word stores twentieths of a point)."""
    return round(length / Mm(1), 1)


def _body_paragraph_texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def _fonts_named(doc) -> None:
    normal = doc.styles["Normal"]
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")} == {"Times New Roman"}
    used = {p.style.name for p in doc.paragraphs}
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                used |= {p.style.name for p in cell.paragraphs}
    for name in used:
        style = doc.styles[name]
        while style is not None and style.font.name is None:
            style = style.base_style
        assert style is not None and style.font.name == "Times New Roman", name


def _has_bottom_border(paragraph) -> bool:
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.find(qn("w:pBdr")) is not None


@pytest.mark.parametrize("kind", list(EXPECT))
def test_docx_meets_the_checklist(rendered, kind):
    e = EXPECT[kind]
    doc = open_docx(rendered[kind, "docx"])
    section = doc.sections[0]
    assert (_mm(section.page_width), _mm(section.page_height)) == e.paper
    m = e.margins
    assert [_mm(section.top_margin), _mm(section.bottom_margin), _mm(section.left_margin),
            _mm(section.right_margin)] == [m["top"], m["bottom"], m["left"], m["right"]]
    _fonts_named(doc)
    # Heading block: a borderless two-column table, a rule (paragraph border) under the issuer and the motto.
    heading = doc.tables[0]
    borders = heading._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None and {b.get(qn("w:val")) for b in borders} == {"nil"}
    left, right = heading.cell(0, 0), heading.cell(0, 1)
    assert e.issuer in [p.text for p in left.paragraphs]
    assert [p.text for p in right.paragraphs][:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                     "Độc lập - Tự do - Hạnh phúc"]
    assert _has_bottom_border(left.paragraphs[-1]) and _has_bottom_border(right.paragraphs[-1])
    issuer = next(p for p in left.paragraphs if p.text == e.issuer)
    assert issuer.style.font.bold and issuer.style.font.size == Pt(12)
    assert heading.cell(1, 0).text == (e.number or "")
    assert heading.cell(1, 1).text == e.place_date
    assert heading.cell(1, 1).paragraphs[0].style.font.italic
    # Title and body.
    texts = _body_paragraph_texts(doc)
    start = texts.index(e.title[0])
    assert texts[start:start + len(e.title)] == list(e.title)
    title = doc.paragraphs[start]
    assert title.style.font.bold and title.style.font.size == Pt(14)
    assert title.alignment is None and title.style.paragraph_format.alignment == 1  # centred
    body = doc.styles["PTDS Body"]
    assert body.font.size == Pt(13) and _mm(body.paragraph_format.first_line_indent) == 10
    assert body.paragraph_format.space_after >= Pt(6)
    # Signature right, recipients left (a borderless table), end mark.
    closing = next(t for t in doc.tables if any(p.text == "Nơi nhận:" for p in t.cell(0, 0).paragraphs))
    recipients, signature = closing.cell(0, 0), closing.cell(0, 1)
    assert recipients.paragraphs[0].style.font.bold and recipients.paragraphs[0].style.font.italic
    for line in e.recipients:
        assert line in recipients.text.splitlines()
    assert recipients.paragraphs[1].style.font.size == Pt(11)
    signature_lines = signature.text.splitlines()
    for line in e.signature:
        assert line in signature_lines
    name = signature.paragraphs[-1]
    if e.signature[-1] == name.text:
        assert name.paragraph_format.space_before >= Mm(20)  # room for the signature and seal
    all_text = "\n".join(texts + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    assert ("./." in all_text) == e.end_mark
    # Page numbers: a PAGE field in the header, hidden on the first page.
    assert section.different_first_page_header_footer
    assert "PAGE" in "".join(t.text or "" for t in section.header._element.iter(qn("w:instrText")))
    assert not list(section.first_page_header._element.iter(qn("w:instrText")))
    if e.table_header:
        data = next(t for t in doc.tables if t.cell(0, 0).text == "TT")
        assert [c.text for c in data.rows[0].cells] == list(e.table_header)
        assert data.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_docx_landscape_appendix_is_its_own_section(rendered):
    doc = open_docx(rendered["matrix", "docx"])
    _portrait, landscape = doc.sections
    assert (_mm(landscape.page_width), _mm(landscape.page_height)) == (297, 210)
    assert (_mm(landscape.top_margin), _mm(landscape.left_margin)) == (30, 20)
    assert landscape._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    matrix = doc.tables[-1]
    assert matrix.cell(0, 4).text == "Thời gian thực hiện" and matrix.cell(0, 6).text == "Thời gian thực hiện"
    assert [matrix.cell(1, c).text for c in (4, 5, 6)] == [
        "Giai đoạn 1 (đến năm 2025)", "Giai đoạn 2 (2026 - 2030)", "Giai đoạn 3 (sau năm 2030)"]
    assert matrix.cell(0, 0).text == matrix.cell(1, 0).text == "TT"  # merged down both header rows
    assert {c.text for c in matrix.rows[2].cells} == {"I. NHÓM NHIỆM VỤ THỨ 1"}
    for row in matrix.rows[:2]:
        assert row._tr.trPr.find(qn("w:tblHeader")) is not None


def test_docx_invitations_restart_numbering_per_invitee(rendered):
    doc = open_docx(rendered["invitations", "docx"])
    assert len(doc.sections) == len(INVITEES)
    for section in doc.sections:
        assert section.different_first_page_header_footer
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"


# ---------------------------------------------------------------- XLSX


@pytest.mark.parametrize("kind", ["list", "matrix"])
def test_xlsx_is_print_ready(rendered, kind):
    wb = load_workbook(rendered[kind, "xlsx"])
    ws = wb.worksheets[-1] if kind == "matrix" else wb.active
    landscape = kind == "matrix"
    assert (int(ws.page_setup.paperSize), ws.page_setup.orientation) == (9, "landscape" if landscape else "portrait")
    m = LANDSCAPE if landscape else PORTRAIT
    for side in ("top", "bottom", "left", "right"):
        assert getattr(ws.page_margins, side) * 25.4 == pytest.approx(m[side], abs=0.1)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.HeaderFooter.differentFirst and ws.oddFooter.center.text == "&P"
    first_header, last_header = (int(x.strip("$")) for x in ws.print_title_rows.split(":"))
    assert ws.freeze_panes == f"A{last_header + 1}"
    fonts = {c.font.name for row in ws.iter_rows() for c in row if c.value is not None}
    assert fonts == {"Times New Roman"}
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    if kind == "list":
        assert values[:2] == ["UBND TỈNH ĐẮK LẮK", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
        assert "DANH SÁCH" in values and OPEN_DATE in values
        assert [ws.cell(row=first_header, column=c).value for c in range(1, 6)] == list(EXPECT["list"].table_header)
        assert "Giám đốc Sở Thử nghiệm số 40 tỉnh Đắk Lắk" in values
        assert values[-4:] == list(BOARD_SIGNATURE) + [] or values[-3:] == list(BOARD_SIGNATURE)
    else:
        assert (first_header, last_header) == (first_header, first_header + 1)
        merged = {str(r) for r in ws.merged_cells.ranges}
        assert f"E{first_header}:G{first_header}" in merged and f"A{first_header}:A{last_header}" in merged
        section_row = last_header + 1
        assert ws.cell(row=section_row, column=1).value == "I. NHÓM NHIỆM VỤ THỨ 1"
        assert ws.cell(row=section_row, column=1).font.bold
        assert f"A{section_row}:H{section_row}" in merged


# ---------------------------------------------------------------- LibreOffice


def test_libreoffice_opens_every_docx_and_xlsx(rendered, tmp_path):
    if not soffice():
        pytest.skip("LibreOffice (soffice) is not installed: tools/setup-env.sh installs it")
    files = [path for (kind, fmt), path in rendered.items() if fmt in ("docx", "xlsx")]
    converted = convert_with_libreoffice(files, tmp_path / "lo")
    for (kind, fmt), path in rendered.items():
        if fmt == "pdf":
            continue
        pages = pdf_pages(converted[path])
        text = flat(pdf_text(converted[path]))
        own = pdf_pages(rendered[kind, "pdf"])
        if fmt == "docx":
            # The same layout as the app's PDF: the same paper, and the same pages give or take one.
            assert (round(pages[0].width / MM), round(pages[0].height / MM)) == (
                round(own[0].width / MM), round(own[0].height / MM))
            assert abs(len(pages) - len(own)) <= 1, (kind, len(pages), len(own))
        if fmt == "xlsx":  # the workbook holds the sections with a table
            assert {"list": "Thành viên Ban Chỉ huy", "matrix": "MA TRẬN NHIỆM VỤ"}[kind] in text
            assert "Giai đoạn 1" in text if kind == "matrix" else "Giám đốc Sở Thử nghiệm số 40" in text
        elif kind in EXPECT:
            e = EXPECT[kind]
            for line in e.title:
                assert line in text, (kind, fmt, line)
            if fmt == "docx":
                assert e.place_date.replace("      ", " ") in text
                if e.multipage:
                    assert [w.text for w in _page_number_words(pages[1], e.margins)] == ["2"]
                assert not _page_number_words(pages[0], e.margins)


# ---------------------------------------------------------------- text rules and layering


@pytest.mark.parametrize(("typed", "written"), [
    ("130/qd-ubnd", "130/QĐ-UBND"), ("Số: 5 / kh - bch", "05/KH-BCH"), ("01620/QĐ-UBND", "01620/QĐ-UBND"),
    ("15/ctr-ubnd", "15/CTr-UBND"), ("7/qyd-ubnd", "07/QyĐ-UBND"), ("/gm-bch", "/GM-BCH"),
    ("12/ubnd-nc", "12/UBND-NC"), ("3/ttr-bchqs", "03/TTr-BCHQS"),
])
def test_number_and_symbol_written_as_the_decree_wants(typed, written):
    assert dtext.normalize_number_symbol(typed) == written


def test_number_and_symbol_refused_when_it_is_none():
    for bad in ("130", "130/qd ubnd x", "130/"):
        with pytest.raises(ValueError):
            dtext.normalize_number_symbol(bad)


def test_place_and_date_line_pads_only_where_the_decree_asks():
    heading = Heading(IssuingBody("Ban"), "KH-BCH", None, "Đắk Lắk", dt.date(2026, 2, 5))
    assert dtext.place_date_line(heading) == "Đắk Lắk, ngày 05 tháng 02 năm 2026"
    assert dtext.place_date_line(dataclasses.replace(heading, date=dt.date(2026, 6, 12))) == \
        "Đắk Lắk, ngày 12 tháng 6 năm 2026"
    assert dtext.place_date_line(dataclasses.replace(heading, date=dt.date(2025, 12, 31))) == \
        "Đắk Lắk, ngày 31 tháng 12 năm 2025"
    draft = dataclasses.replace(heading, date=None, year=2026)
    assert dtext.place_date_line(draft) == "Đắk Lắk, ngày      tháng      năm 2026"
    assert dtext.number_line(draft) == "Số:      /KH-BCH"
    assert dtext.number_line(dataclasses.replace(heading, number="9")) == "Số: 09/KH-BCH"


def test_end_mark_replaces_the_final_stop_of_the_last_text_block():
    blocks = dtext.with_end_mark([Article(1, "Một."), Paragraph("Hai."), Table((Column("TT"),), ((1,),))])
    assert blocks[1] == Paragraph("Hai./.") and blocks[0] == Article(1, "Một.")


def test_pdf_row_height_is_a_minimum_a_long_entry_grows_its_row(tmp_path):
    """A sign-in sheet's rows leave room to sign, and an entry longer than that room pushes the next row down
    instead of printing over it."""
    long_entry = " ".join(["Đồng chí Nguyễn Văn An, Phó Chỉ huy trưởng, Ban Chỉ huy Phòng thủ dân sự"] * 6) + " CUỐI"
    table = Table((Column("TT", 0.5, True), Column("Đại biểu", 3), Column("Ký tên", 1.4)),
                  (("1", "NGẮN", ""), ("2", long_entry, ""), ("3", "SAUĐÓ", "")), row_height=15)
    path = write_document(Document("Danh sách", (Section((table,)),)), tmp_path / "ky.pdf")
    words = {w.text: w for page in pdf_pages(path) for w in page.words}
    # The short row keeps its 15 mm; the long one grows past it and the next row starts below its last line.
    assert words["2"].y0 - words["1"].y0 >= 15 * MM - 1
    assert words["SAUĐÓ"].y0 > words["CUỐI"].y1
    assert words["SAUĐÓ"].y0 - words["CUỐI"].y1 < 15 * MM
