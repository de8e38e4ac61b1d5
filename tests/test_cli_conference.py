"""`ptds conference …` end to end on the demo data: the listing with ids, replies, a new conference from the
template, a copy, and every export read back from the file."""

import json
import subprocess

import openpyxl
import pytest
from docx import Document as WordDocument

DEMO_ID = "2af4b69c-1604-5608-8ad2-7a5f2ff3f6a0"


@pytest.fixture
def demo_db(ptds, tmp_path):
    db = tmp_path / "demo.db"
    assert ptds("--db", db, "demo").returncode == 0
    return db


def test_list_gives_each_conference_with_its_id_and_counts(ptds, demo_db):
    rows = json.loads(ptds("--db", demo_db, "conference", "list", "--json").stdout)
    assert [(r["id"], r["starts_at"], r["invitees"]) for r in rows] == [(DEMO_ID, "2026-03-12T14:00:00", 24)]
    table = ptds("--db", demo_db, "conference", "list").stdout
    assert DEMO_ID in table and "12/03/2026" in table


def test_replies_counts_new_conference_and_copy(ptds, demo_db):
    listing = json.loads(ptds("--db", demo_db, "conference", "invitees", "--id", "2af4", "--json").stdout)
    first, second = listing["invitees"][0]["id"], listing["invitees"][1]["id"]
    r = ptds("--db", demo_db, "conference", "reply", "--status", "confirmed", first, second)
    assert r.returncode == 0, r
    counts = json.loads(ptds("--db", demo_db, "conference", "invitees", "--id", "2af4", "--json").stdout)["counts"]
    assert counts["total"]["confirmed"] == 2 and counts["total"]["invited"] == 22
    bad = ptds("--db", demo_db, "conference", "show", "--id", "zz")
    assert bad.returncode == 2 and "Không tìm thấy hội nghị có mã zz" in bad.stderr

    made = json.loads(ptds("--db", demo_db, "conference", "new", "--date", "10/03/2027", "--time", "8h00",
                           "--board", "dak lak", "--json").stdout)
    assert made["title"].endswith("năm 2026, triển khai nhiệm vụ trọng tâm năm 2027")
    copy = json.loads(ptds("--db", demo_db, "conference", "duplicate", "--id", DEMO_ID, "--date", "11/03/2027",
                           "--json").stdout)
    assert copy["starts_at"] == "2027-03-11T14:00:00"
    copied = json.loads(ptds("--db", demo_db, "conference", "invitees", "--id", copy["id"], "--json").stdout)
    assert copied["counts"]["total"]["invited"] == 24  # replies cleared in the copy
    shown = ptds("--db", demo_db, "conference", "show", "--id", made["id"], "--today", "05/03/2027").stdout
    assert "còn 5 ngày" in shown and "QUÁ HẠN 03/03/2027: Phát hành Giấy mời đại biểu" in shown


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_every_document_exports_and_reads_back(ptds, demo_db, tmp_path):
    exports = [("plan", "pdf"), ("plan", "docx"), ("invitations", "pdf"), ("attendees", "pdf"),
               ("programme", "docx"), ("backdrop", "pdf")]
    for what, fmt in exports:
        r = ptds("--db", demo_db, "conference", "export", "--id", "2af4", "--what", what, "--format", fmt,
                 "-o", tmp_path / f"{what}.{fmt}")
        assert r.returncode == 0, r
    plan = _pdf_text(tmp_path / "plan.pdf")
    for words in ("KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "IV. THÀNH PHẦN THAM GIA", "VI. TỔ CHỨC THỰC HIỆN",
                  "Đoàn KTQP 737/qk5", "Nguyễn Thiên Văn"):
        assert words in plan
    word = "\n".join(p.text for p in WordDocument(tmp_path / "plan.docx").paragraphs)
    assert "V. CÔNG TÁC BẢO ĐẢM" in word and "1. Maket trang trí" in word
    invitations = _pdf_text(tmp_path / "invitations.pdf")
    assert invitations.count("GIẤY MỜI") == 24
    assert "BAN CHỈ HUY PHÒNG THỦ DÂN SỰ TỈNH ĐẮK LẮK" in _pdf_text(tmp_path / "backdrop.pdf")
    assert "Ổn định tổ chức" in "\n".join(c.text for t in WordDocument(tmp_path / "programme.docx").tables
                                         for row in t.rows for c in row.cells)

    r = ptds("--db", demo_db, "conference", "export", "--id", "2af4", "--what", "attendees",
             "-o", tmp_path / "attendees.xlsx")
    assert r.returncode == 0, r
    sheet = openpyxl.load_workbook(tmp_path / "attendees.xlsx").active
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "Ký tên" in cells and "Lữ đoàn ĐC 198/BCĐC" in cells
    r = ptds("--db", demo_db, "conference", "export", "--id", "2af4", "--what", "plan", "-o", tmp_path / "plan.xlsx")
    assert r.returncode == 2 and "không phải bảng" in r.stderr and not (tmp_path / "plan.xlsx").exists()
