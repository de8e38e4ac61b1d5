"""The board's documents as the services build them: the roster on a date, the duties, the decision with its
list, in PDF, Word and Excel, from the services and from `ptds roster export`. (The layout checklist of every
document kind is tests/test_documents.py.)"""

import datetime as dt
import re
import shutil

import pytest
from document_checks import assert_fonts_embedded, flat, pdf_text
from docx import Document as open_docx
from openpyxl import load_workbook
from roster_fixtures import establish, reorganise, reorganised_database

from ptds_desktop.exports.files import write_document
from ptds_desktop.services import boards, decisions, memberships
from ptds_desktop.services.roster_documents import default_decision_summary, roster_document

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (pdftotext, pdffonts) needed")


@pytest.fixture
def board(db):
    pb = establish(db)
    reorganise(db, pb)
    return pb


def _write(db, pb, what, on, path, decision_id=None):
    with db.unit_of_work() as s:
        document = roster_document(s, what, pb.board_id, dt.date.fromisoformat(on) if on else None, decision_id)
    return write_document(document, path)


HEADER = ("UBND TỈNH ĐẮK LẮK BAN CHỈ HUY PHÒNG THỦ DÂN SỰ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
          "Độc lập - Tự do - Hạnh phúc")
COLUMNS = "TT Họ và tên Chức vụ, đơn vị Chức danh trong Ban Điện thoại"
BOTH_DECISIONS = ("(Theo Quyết định số 01620/QĐ-UBND ngày 09/10/2025 và Quyết định số 00215/QĐ-UBND ngày "
                  "20/01/2026 của Chủ tịch UBND tỉnh)")


def test_roster_pdf_text_is_the_roster_in_order_citing_every_decision_that_made_it(db, board, tmp_path):
    path = _write(db, board, "list", "2026-02-01", tmp_path / "roster.pdf")
    text = flat(pdf_text(path, "-raw"))
    assert text.startswith(HEADER)
    assert flat(
        f"DANH SÁCH Thành viên Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk {BOTH_DECISIONS} {COLUMNS} "
        "1 Trần Văn Thử Chủ tịch UBND tỉnh Trưởng ban 0912.000.001 "
        "2 Nguyễn Thiên Văn Phó Chủ tịch UBND tỉnh Phó Trưởng ban thường trực 0819.449.153 "
        "3 Đỗ Văn Thay Thế Chỉ huy trưởng Bộ CHQS tỉnh Phó Trưởng ban 0905.000.004 "
        "4 Phạm Thị Ví Dụ Phó Chỉ huy trưởng, Tham mưu trưởng Bộ CHQS tỉnh Ủy viên thường trực "
        "5 Vũ Thị Tạm Giám đốc Sở Y tế Ủy viên "
        "6 Hoàng Văn Giả Định Giám đốc Sở Xây dựng Ủy viên 0905.000.002"
    ) in text
    layout = pdf_text(path, "-layout").splitlines()
    # The two header columns sit side by side: parent body beside the national name, issuing body beside the motto.
    assert re.search(r"UBND TỈNH ĐẮK LẮK\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", layout[0])
    assert re.search(r"BAN CHỈ HUY PHÒNG THỦ DÂN SỰ\s+Độc lập - Tự do - Hạnh phúc", layout[1])
    assert_fonts_embedded(path)


def test_roster_on_an_earlier_date_is_the_earlier_board_citing_its_one_decision(db, board, tmp_path):
    text = flat(pdf_text(_write(db, board, "list", "2026-01-19", tmp_path / "earlier.pdf"), "-raw"))
    assert "(Theo Quyết định số 01620/QĐ-UBND ngày 09/10/2025 của Chủ tịch UBND tỉnh)" in text
    assert "3 Lê Văn Mẫu Chỉ huy trưởng Bộ CHQS tỉnh Phó Trưởng ban 0905.000.003" in text
    # The seat named by position: "Họ và tên" left blank.
    assert "5 Giám đốc Sở Y tế Ủy viên 6 Hoàng Văn Giả Định" in text
    assert "Đỗ Văn Thay Thế" not in text and "Vũ Thị Tạm" not in text


def test_the_first_decision_prints_with_its_own_list_attached(db, board, tmp_path):
    path = _write(db, board, "decision", None, tmp_path / "qd.pdf", board.first.decision.id)
    first, appendix = (flat(pdf_text(path, "-raw", "-f", str(n), "-l", str(n))) for n in (1, 2))
    assert "Số: 01620/QĐ-UBND Đắk Lắk, ngày 09 tháng 10 năm 2025" in first
    assert "QUYẾT ĐỊNH Về việc thành lập Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk" in first
    assert "Điều 1. Thành lập Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk" in first
    assert "thay thế" not in first  # nothing before it to replace
    assert "(Kèm theo Quyết định số 01620/QĐ-UBND ngày 09/10/2025 của Chủ tịch UBND tỉnh)" in appendix
    assert "Lê Văn Mẫu" in appendix and "Đỗ Văn Thay Thế" not in appendix


def test_the_reorganisation_replaces_the_decision_before_it(db, board, tmp_path):
    text = flat(pdf_text(_write(db, board, "decision", "2026-02-01", tmp_path / "qd.pdf")))
    assert ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 01620/QĐ-UBND ngày "
            "09/10/2025 của Chủ tịch UBND tỉnh.") in text
    assert "Cơ quan thường trực của Ban Chỉ huy là Bộ Chỉ huy Quân sự tỉnh Đắk Lắk." in text
    assert "(Kèm theo Quyết định số 00215/QĐ-UBND ngày 20/01/2026 của Chủ tịch UBND tỉnh)" in text


def test_a_board_without_a_decision_gets_a_draft_with_number_and_date_open(db, tmp_path):
    with db.unit_of_work() as s:
        board = boards.create_board(s, boards.BoardInput("Ban Chỉ huy Phòng thủ dân sự xã Hòa Phú", "xã Hòa Phú",
                                                         "commune"))
        document = roster_document(s, "decision", board.id, dt.date(2026, 3, 1))
    text = flat(pdf_text(write_document(document, tmp_path / "draft.pdf"), "-layout"))
    assert "Số: /QĐ-UBND Đắk Lắk, ngày tháng năm 2026" in text
    assert "Về việc kiện toàn Ban Chỉ huy Phòng thủ dân sự xã Hòa Phú" in text
    assert "(Kèm theo Quyết định số /QĐ-UBND ngày / /2026 của Chủ tịch UBND tỉnh)" in text
    assert "Ban chưa có thành viên vào ngày 01/03/2026." in text


def test_duties_group_members_by_role(db, board, tmp_path):
    text = flat(pdf_text(_write(db, board, "duties", "2026-02-01", tmp_path / "duties.pdf"), "-raw"))
    assert text.startswith(HEADER)
    expected_order = [
        "DANH SÁCH Phân công nhiệm vụ thành viên Ban Chỉ huy", BOTH_DECISIONS,
        "I. TRƯỞNG BAN", "1. Đồng chí Trần Văn Thử, Chủ tịch UBND tỉnh - Trưởng ban",
        "Lãnh đạo, chỉ đạo toàn diện hoạt động của Ban Chỉ huy.",
        "II. PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "1. Đồng chí Nguyễn Thiên Văn",
        "Giúp Trưởng ban điều hành công việc thường xuyên của Ban. "
        "- Trực tiếp chỉ đạo công tác phòng, chống thiên tai.",
        "III. PHÓ TRƯỞNG BAN", "IV. ỦY VIÊN THƯỜNG TRỰC",
        "V. CÁC ỦY VIÊN", "1. Đồng chí Vũ Thị Tạm", "2. Đồng chí Hoàng Văn Giả Định",
        "Nơi nhận:", "KT. TRƯỞNG BAN",
    ]
    positions = [text.index(part) for part in expected_order]
    assert positions == sorted(positions)


def test_one_document_gives_the_same_text_in_word(db, board, tmp_path):
    pdf = flat(pdf_text(_write(db, board, "decision", "2026-02-01", tmp_path / "qd.pdf")))
    doc = open_docx(_write(db, board, "decision", "2026-02-01", tmp_path / "qd.docx"))
    for paragraph in doc.paragraphs:
        if paragraph.text.strip():
            assert flat(paragraph.text) in pdf, paragraph.text


def test_roster_xlsx_cells_read_back(db, board, tmp_path):
    ws = load_workbook(_write(db, board, "list", "2026-01-19", tmp_path / "roster.xlsx")).active
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    title = values.index("DANH SÁCH")
    assert values[title:title + 3] == [
        "DANH SÁCH", "Thành viên Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk",
        "(Theo Quyết định số 01620/QĐ-UBND ngày 09/10/2025 của Chủ tịch UBND tỉnh)",
    ]
    header = int(ws.print_title_rows.split(":")[0].strip("$"))
    assert [c.value for c in ws[header]] == ["TT", "Họ và tên", "Chức vụ, đơn vị", "Chức danh trong Ban", "Điện thoại"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=header + 1, max_row=header + 6)]
    assert rows == [
        [1, "Trần Văn Thử", "Chủ tịch UBND tỉnh", "Trưởng ban", "0912.000.001"],
        [2, "Nguyễn Thiên Văn", "Phó Chủ tịch UBND tỉnh", "Phó Trưởng ban thường trực", "0819.449.153"],
        [3, "Lê Văn Mẫu", "Chỉ huy trưởng Bộ CHQS tỉnh", "Phó Trưởng ban", "0905.000.003"],
        [4, "Phạm Thị Ví Dụ", "Phó Chỉ huy trưởng, Tham mưu trưởng Bộ CHQS tỉnh", "Ủy viên thường trực", None],
        [5, None, "Giám đốc Sở Y tế", "Ủy viên", None],
        [6, "Hoàng Văn Giả Định", "Giám đốc Sở Xây dựng", "Ủy viên", "0905.000.002"],
    ]
    cell = ws.cell(row=header + 3, column=3)
    assert cell.border.left.style == "thin" and cell.alignment.wrap_text


def test_decision_summary_default_is_vietnamese():
    assert default_decision_summary("establish", "Ban Chỉ huy PTDS xã Hòa Phú") == \
        "Về việc thành lập Ban Chỉ huy PTDS xã Hòa Phú"
    assert default_decision_summary("reorganize", "Ban X") == "Về việc kiện toàn Ban X"


def test_number_and_symbol_of_a_decision_are_stored_as_the_decree_writes_them(db, board):
    with db.unit_of_work() as s:
        result = decisions.apply_decision(
            s, board.board_id, decisions.DecisionInput("5/qd-ubnd", "01/03/2026"),
            joining=[memberships.MemberInput("member", position_text="Giám đốc Sở Tư pháp")])
    assert result.decision.number_symbol == "05/QĐ-UBND"


def test_cli_exports_every_document_in_its_formats(ptds, tmp_path):
    path = tmp_path / "cli.db"
    pb = reorganised_database(path)
    r = ptds("--db", path, "roster", "export", "--format", "pdf", "-o", tmp_path / "out" / "ds.pdf",
             "--on", "19/01/2026")
    assert r.returncode == 2 and f"thư mục {tmp_path / 'out'} không tồn tại" in r.stderr, r  # a typo, not mkdir -p
    assert not (tmp_path / "out").exists()
    (tmp_path / "out").mkdir()
    r = ptds("--db", path, "roster", "export", "--format", "pdf", "-o", tmp_path / "out" / "ds.pdf",
             "--on", "19/01/2026")
    assert r.returncode == 0, r
    assert "Lê Văn Mẫu" in pdf_text(tmp_path / "out" / "ds.pdf", "-raw")
    r = ptds("--db", path, "roster", "export", "-o", tmp_path / "ds.xlsx", "--board", pb.board_id[:8])
    assert r.returncode == 0, r
    values = [c.value for c in load_workbook(tmp_path / "ds.xlsx").active["B"]]
    assert "Đỗ Văn Thay Thế" in values and "Lê Văn Mẫu" not in values
    r = ptds("--db", path, "roster", "export", "--what", "duties", "-o", tmp_path / "pc.docx")
    assert r.returncode == 0, r
    assert "V. CÁC ỦY VIÊN" in [p.text for p in open_docx(tmp_path / "pc.docx").paragraphs]
    r = ptds("--db", path, "roster", "export", "--what", "decision", "--decision", "1620/qd-ubnd",
             "-o", tmp_path / "qd.pdf")
    assert r.returncode == 0, r
    assert "Về việc thành lập Ban Chỉ huy" in flat(pdf_text(tmp_path / "qd.pdf"))
    r = ptds("--db", path, "roster", "export", "--what", "decision", "-o", tmp_path / "qd.xlsx")
    assert r.returncode == 2 and "không xuất ra Excel" in r.stderr and not (tmp_path / "qd.xlsx").exists()
    r = ptds("--db", path, "roster", "export", "-o", tmp_path / "ds.odt")
    assert r.returncode == 2 and "pdf, docx hoặc xlsx" in r.stderr


def test_long_roster_repeats_the_table_header_and_numbers_pages(db, board, tmp_path):
    with db.unit_of_work() as s:
        decisions.apply_decision(
            s, board.board_id, decisions.DecisionInput("00700/QĐ-UBND", "01/03/2026"),
            joining=[memberships.MemberInput("member", position_text=f"Giám đốc Sở Thử nghiệm số {i} tỉnh Đắk Lắk")
                     for i in range(1, 41)],
        )
    path = _write(db, board, "list", "2026-03-01", tmp_path / "long.pdf")
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
    assert "(Theo Quyết định số 01620/QĐ-UBND ngày 09/10/2025" in text
    assert "Nguyễn Thiên Văn Phó Chủ tịch UBND tỉnh Phó Trưởng ban thường trực" in text
    assert_fonts_embedded(tmp_path / "dl.pdf")
    r = ptds("--db", db, "roster", "export", "--format", "xlsx", "-o", tmp_path / "dl.xlsx", "--board", "dak lak")
    assert r.returncode == 0, r
    ws = load_workbook(tmp_path / "dl.xlsx").active
    assert "Nguyễn Thiên Văn" in [c.value for c in ws["B"]]
