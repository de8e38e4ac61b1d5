import datetime as dt
import re
import shutil
import subprocess
import unicodedata

import pytest
from openpyxl import Workbook, load_workbook
from roster_fixtures import establish, reorganise, reorganised_database

from ptds_desktop.exports.excel.common import Column, setup_print, write_header, write_rows
from ptds_desktop.exports.excel.roster import write_roster_xlsx
from ptds_desktop.exports.pdf import document as doc
from ptds_desktop.exports.pdf.roster import write_duties_pdf, write_roster_pdf
from ptds_desktop.services import decisions, memberships, roster

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (pdftotext, pdffonts) needed")


def pdf_text(path, *args) -> str:
    out = subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True, encoding="utf-8",
                         check=True).stdout
    assert unicodedata.is_normalized("NFC", out)
    return out


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_fonts_embedded(path) -> None:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    fonts = out.splitlines()[2:]
    assert fonts, out
    for line in fonts:
        name, emb = line.split()[0], line.split()[-5]
        assert emb == "yes" and "LiberationSerif" in name, out


@pytest.fixture
def board(db):
    pb = establish(db)
    reorganise(db, pb)
    return pb


def _snapshot(db, pb, on):
    with db.unit_of_work() as s:
        return roster.roster_snapshot(s, pb.board_id, on)


HEADER = ("UBND TỈNH ĐẮK LẮK BAN CHỈ HUY PHÒNG THỦ DÂN SỰ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
          "Độc lập - Tự do - Hạnh phúc DANH SÁCH Thành viên Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk")
COLUMNS = "TT Họ và tên Chức vụ, đơn vị Chức danh trong Ban Điện thoại"


def test_roster_pdf_text_is_the_roster_in_order(db, board, tmp_path):
    path = tmp_path / "roster.pdf"
    write_roster_pdf(_snapshot(db, board, "01/02/2026"), path)
    assert flat(pdf_text(path, "-raw")) == flat(
        f"{HEADER} (Kèm theo Quyết định số 00215/QĐ-UBND ngày 20/01/2026 của Chủ tịch UBND tỉnh) {COLUMNS} "
        "1 Trần Văn Thử Chủ tịch UBND tỉnh Trưởng ban 0912.000.001 "
        "2 Nguyễn Thiên Văn Phó Chủ tịch UBND tỉnh Phó Trưởng ban thường trực 0819.449.153 "
        "3 Đỗ Văn Thay Thế Chỉ huy trưởng Bộ CHQS tỉnh Phó Trưởng ban 0905.000.004 "
        "4 Phạm Thị Ví Dụ Phó Chỉ huy trưởng, Tham mưu trưởng Bộ CHQS tỉnh Ủy viên thường trực "
        "5 Vũ Thị Tạm Giám đốc Sở Y tế Ủy viên "
        "6 Hoàng Văn Giả Định Giám đốc Sở Xây dựng Ủy viên 0905.000.002"
    )
    layout = pdf_text(path, "-layout").splitlines()
    # The two header columns sit side by side: parent body beside the national name, issuing body beside the motto.
    assert re.search(r"UBND TỈNH ĐẮK LẮK\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", layout[0])
    assert re.search(r"BAN CHỈ HUY PHÒNG THỦ DÂN SỰ\s+Độc lập - Tự do - Hạnh phúc", layout[1])
    assert_fonts_embedded(path)


def test_roster_pdf_on_an_earlier_date_is_the_earlier_board(db, board, tmp_path):
    path = tmp_path / "earlier.pdf"
    write_roster_pdf(_snapshot(db, board, "19/01/2026"), path)
    text = flat(pdf_text(path, "-raw"))
    assert "(Kèm theo Quyết định số 01620/QĐ-UBND ngày 09/10/2025 của Chủ tịch UBND tỉnh)" in text
    assert "3 Lê Văn Mẫu Chỉ huy trưởng Bộ CHQS tỉnh Phó Trưởng ban 0905.000.003" in text
    # The seat named by position: "Họ và tên" left blank.
    assert "5 Giám đốc Sở Y tế Ủy viên 6 Hoàng Văn Giả Định" in text
    assert "Đỗ Văn Thay Thế" not in text and "Vũ Thị Tạm" not in text


def test_duties_pdf_groups_members_by_role(db, board, tmp_path):
    path = tmp_path / "duties.pdf"
    write_duties_pdf(_snapshot(db, board, "01/02/2026"), path)
    text = flat(pdf_text(path, "-raw"))
    assert text.startswith(HEADER.replace("Thành viên Ban", "Phân công nhiệm vụ thành viên Ban"))
    expected_order = [
        "I. TRƯỞNG BAN", "1. Đồng chí Trần Văn Thử, Chủ tịch UBND tỉnh - Trưởng ban",
        "Lãnh đạo, chỉ đạo toàn diện hoạt động của Ban Chỉ huy.",
        "II. PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "1. Đồng chí Nguyễn Thiên Văn",
        "Giúp Trưởng ban điều hành công việc thường xuyên của Ban. "
        "- Trực tiếp chỉ đạo công tác phòng, chống thiên tai.",
        "III. PHÓ TRƯỞNG BAN", "IV. ỦY VIÊN THƯỜNG TRỰC",
        "V. CÁC ỦY VIÊN", "1. Đồng chí Vũ Thị Tạm", "2. Đồng chí Hoàng Văn Giả Định",
    ]
    positions = [text.index(part) for part in expected_order]
    assert positions == sorted(positions)
    assert_fonts_embedded(path)


def test_roster_xlsx_cells_read_back(db, board, tmp_path):
    path = tmp_path / "roster.xlsx"
    write_roster_xlsx(_snapshot(db, board, "19/01/2026"), path)
    ws = load_workbook(path).active
    assert [ws.cell(row=r, column=1).value for r in (1, 2, 3)] == [
        "DANH SÁCH", "Thành viên Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk",
        "(Kèm theo Quyết định số 01620/QĐ-UBND ngày 09/10/2025 của Chủ tịch UBND tỉnh)",
    ]
    assert {"A1:E1", "A2:E2", "A3:E3"} <= {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[5]] == ["TT", "Họ và tên", "Chức vụ, đơn vị", "Chức danh trong Ban", "Điện thoại"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=6)]
    assert rows == [
        [1, "Trần Văn Thử", "Chủ tịch UBND tỉnh", "Trưởng ban", "0912.000.001"],
        [2, "Nguyễn Thiên Văn", "Phó Chủ tịch UBND tỉnh", "Phó Trưởng ban thường trực", "0819.449.153"],
        [3, "Lê Văn Mẫu", "Chỉ huy trưởng Bộ CHQS tỉnh", "Phó Trưởng ban", "0905.000.003"],
        [4, "Phạm Thị Ví Dụ", "Phó Chỉ huy trưởng, Tham mưu trưởng Bộ CHQS tỉnh", "Ủy viên thường trực", None],
        [5, None, "Giám đốc Sở Y tế", "Ủy viên", None],
        [6, "Hoàng Văn Giả Định", "Giám đốc Sở Xây dựng", "Ủy viên", "0905.000.002"],
    ]
    assert ws.print_title_rows in ("5:5", "$5:$5")
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert (int(ws.page_setup.paperSize), ws.page_setup.orientation) == (9, "portrait")
    cell = ws["C9"]
    assert cell.border.left.style == "thin" and cell.alignment.wrap_text
    assert ws["A1"].font.bold and ws["A3"].font.italic


def test_two_level_header_is_merged(tmp_path):
    columns = [Column("TT", 5, centred=True), Column("Thời gian thực hiện", children=(("Bắt đầu", 10), ("Kết thúc",
        10))),
               Column("Sản phẩm", 20)]
    wb = Workbook()
    ws = wb.active
    first = write_header(ws, 1, columns)
    write_rows(ws, first, columns, [["I. NHIỆM VỤ CHUNG"], [1, "2026", "2030", "Báo cáo"]], section_rows=[0])
    setup_print(ws, (1, first - 1), landscape=True)
    wb.save(tmp_path / "m.xlsx")
    ws = load_workbook(tmp_path / "m.xlsx").active
    assert first == 3
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:A2", "B1:C1", "D1:D2", "A3:D3"}
    assert [ws["B1"].value, ws["B2"].value, ws["C2"].value, ws["D1"].value] == [
        "Thời gian thực hiện", "Bắt đầu", "Kết thúc", "Sản phẩm"]
    assert ws["A3"].value == "I. NHIỆM VỤ CHUNG" and ws["A3"].font.bold
    assert ws.print_title_rows in ("1:2", "$1:$2") and ws.page_setup.orientation == "landscape"


def test_document_base_header_signature_distribution_and_page_numbers(tmp_path):
    story = doc.header_block(doc.Header("Ban Chỉ huy Phòng thủ dân sự", "UBND TỈNH ĐẮK LẮK", "05/KH-BCH", "Đắk Lắk",
                                        dt.date(2026, 2, 5)))
    story += doc.title_block("Kế hoạch", "Tổ chức Hội nghị sơ kết công tác phòng thủ dân sự năm 2025")
    story.append(doc.heading("Mục đích, yêu cầu", 1))
    story.append(doc.heading("Mục đích", 1, level=2))
    story += [doc.paragraph(unicodedata.normalize("NFD", "Đánh giá toàn diện kết quả công tác phòng thủ dân sự."))] * 60
    story += doc.closing_block(
        doc.Signature(("Phó Trưởng ban thường trực", "Phó Chủ tịch UBND tỉnh"), "Nguyễn Thiên Văn", "KT. Trưởng ban"),
        doc.Distribution(("Thường trực Tỉnh ủy (b/c)", "UBND tỉnh"), "VT, NC", "N_56"),
    )
    path = tmp_path / "plan.pdf"
    doc.build_pdf(path, story, title="Kế hoạch")
    first = pdf_text(path, "-layout", "-f", "1", "-l", "1")
    assert re.search(r"Số: 05/KH-BCH\s+Đắk Lắk, ngày 05 tháng 02 năm 2026", first)
    assert "KẾ HOẠCH" in first and "I. MỤC ĐÍCH, YÊU CẦU" in first and "1. Mục đích" in first
    assert "Đánh giá toàn diện kết quả công tác phòng thủ dân sự." in first  # NFD in, NFC out
    assert not first.strip().startswith("1")  # no number on the first page
    pages = [pdf_text(path, "-layout", "-f", str(n), "-l", str(n)) for n in (2, 3)]
    assert [p.strip().splitlines()[0].strip() for p in pages] == ["2", "3"]
    last = flat(pages[-1])
    for part in ("Nơi nhận:", "- Thường trực Tỉnh ủy (b/c);", "- UBND tỉnh;", "- Lưu: VT, NC. (N_56)",
                 "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH UBND TỈNH", "Nguyễn Thiên Văn"):
        assert part in last, part
    assert_fonts_embedded(path)


def test_landscape_pages_and_roman_numerals(tmp_path):
    assert [doc.roman(n) for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]
    path = tmp_path / "matrix.pdf"
    doc.build_pdf(path, doc.appendix_title("Ma trận nhiệm vụ", "(Kèm theo Kế hoạch số 05/KH-BCH ngày 05/02/2026)",
                                           "Phụ lục I"), landscape=True)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+841\.89 x 595\.276", info)
    assert flat(pdf_text(path, "-layout")) == (
        "Phụ lục I MA TRẬN NHIỆM VỤ (Kèm theo Kế hoạch số 05/KH-BCH ngày 05/02/2026)")


def test_cli_exports_pdf_and_xlsx(ptds, tmp_path):
    path = tmp_path / "cli.db"
    pb = reorganised_database(path)

    r = ptds("--db", path, "roster", "export", "--format", "pdf", "-o", tmp_path / "out" / "ds.pdf",
             "--on", "19/01/2026")
    assert r.returncode == 0, r
    assert "Lê Văn Mẫu" in pdf_text(tmp_path / "out" / "ds.pdf", "-raw")
    r = ptds("--db", path, "roster", "export", "-o", tmp_path / "ds.xlsx", "--board", pb.board_id[:8])
    assert r.returncode == 0, r
    values = [c.value for c in load_workbook(tmp_path / "ds.xlsx").active["B"]]
    assert "Đỗ Văn Thay Thế" in values and "Lê Văn Mẫu" not in values
    r = ptds("--db", path, "roster", "export", "--duties", "-o", tmp_path / "pc.pdf")
    assert r.returncode == 0, r
    assert "V. CÁC ỦY VIÊN" in pdf_text(tmp_path / "pc.pdf", "-layout")
    r = ptds("--db", path, "roster", "export", "-o", tmp_path / "ds.docx")
    assert r.returncode == 2 and "--format" in r.stderr


def test_long_roster_repeats_the_table_header_and_numbers_pages(db, board, tmp_path):
    with db.unit_of_work() as s:
        decisions.apply_decision(
            s, board.board_id, decisions.DecisionInput("00700/QĐ-UBND", "01/03/2026"),
            joining=[memberships.MemberInput("member", position_text=f"Giám đốc Sở Thử nghiệm số {i} tỉnh Đắk Lắk")
                     for i in range(1, 41)],
        )
    path = tmp_path / "long.pdf"
    write_roster_pdf(_snapshot(db, board, "01/03/2026"), path)
    second = [line for line in pdf_text(path, "-layout", "-f", "2", "-l", "2").splitlines() if line.strip()]
    assert second[0].strip() == "2"
    header = " ".join(second[1:4])  # "Chức danh trong / Ban" wraps onto the lines around it
    assert "Họ và tên" in header and "Điện thoại" in header
    assert "Giám đốc Sở Thử nghiệm số 40 tỉnh Đắk Lắk" in flat(pdf_text(path, "-raw"))


def test_demo_board_exports_from_the_cli(ptds, tmp_path):
    db = tmp_path / "demo.db"
    assert ptds("--db", db, "init", "--office", "Bộ CHQS tỉnh Đắk Lắk", "--place", "Đắk Lắk").returncode == 0
    r = ptds("--db", db, "demo")
    assert r.returncode == 0, r
    r = ptds("--db", db, "roster", "export", "--format", "pdf", "-o", tmp_path / "dl.pdf", "--board", "dak lak")
    assert r.returncode == 0, r
    text = flat(pdf_text(tmp_path / "dl.pdf", "-raw"))
    assert "Thành viên Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk" in text
    assert "(Kèm theo Quyết định số 01620/QĐ-UBND ngày 09/10/2025" in text
    assert "Nguyễn Thiên Văn Phó Chủ tịch UBND tỉnh Phó Trưởng ban thường trực" in text
    assert_fonts_embedded(tmp_path / "dl.pdf")
    r = ptds("--db", db, "roster", "export", "--format", "xlsx", "-o", tmp_path / "dl.xlsx", "--board", "dak lak")
    assert r.returncode == 0, r
    ws = load_workbook(tmp_path / "dl.xlsx").active
    assert "Nguyễn Thiên Văn" in [c.value for c in ws["B"]]
