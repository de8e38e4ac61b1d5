"""The plan as a document: its text with sections, and the matrix as the landscape appendix, in PDF and Word."""

import subprocess

import docx
import pytest

from ptds_desktop import datafile
from ptds_desktop.exports.files import write_document
from ptds_desktop.services import plans
from ptds_desktop.services.plan_documents import plan_document


@pytest.fixture
def ctr(db):
    datafile.load_demo(db)
    with db.unit_of_work() as s:
        return next(p.id for p in plans.list_plans(s) if p.number_symbol == "04/CTr-UBND")


def test_pdf_has_the_plan_text_and_the_matrix_appendix(db, ctr, tmp_path):
    with db.unit_of_work() as s:
        document = plan_document(s, ctr)
    path = write_document(document, tmp_path / "ctr.pdf")
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(out.split())
    assert "CHƯƠNG TRÌNH HÀNH ĐỘNG" in text and "Số: 04/CTr-UBND" in text
    assert "MỤC ĐÍCH, YÊU CẦU" in text and "Lưu: VT, QS." in text
    assert "Kèm theo Chương trình hành động số 04/CTr-UBND ngày 31 tháng 12 năm 2024" in text
    assert "UBND TỈNH ĐẮK LẮK" not in text  # the plan's issuer, not this office's parent body
    assert "Tổ chức lại Ban Chỉ huy" in text and "Giai đoạn 2" in text
    appendix = document.sections[1]
    assert appendix.page.landscape and appendix.title.label == "Phụ lục"
    table = appendix.blocks[0]
    assert [c.label for c in table.columns][:4] == ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp"]
    assert sum(1 for r in table.rows if isinstance(r, tuple)) == 37


def test_word_document_of_the_resolution_plan(db, tmp_path):
    datafile.load_demo(db)
    with db.unit_of_work() as s:
        plan_id = next(p.id for p in plans.list_plans(s) if not p.number_symbol)
        document = plan_document(s, plan_id)
    path = write_document(document, tmp_path / "kh.docx")
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    assert any("KẾ HOẠCH" in p for p in paragraphs)
    cells = {c.text for t in docx.Document(str(path)).tables for row in t.rows for c in row.cells}
    assert {"Cơ quan chỉ đạo", "Cơ quan chủ trì tham mưu", "Cơ quan tổ chức thực hiện"} <= cells
    assert "Ban Thường vụ Tỉnh ủy" in cells


def test_word_appendix_keeps_the_seed_shape_section_code_and_time_over_the_phases(db, ctr, tmp_path):
    with db.unit_of_work() as s:
        path = write_document(plan_document(s, ctr), tmp_path / "ctr.docx")
    table = docx.Document(str(path)).tables[-1]
    texts = [[c.text for c in row.cells] for row in table.rows]
    section = next(row for row in texts if row[0] == "I")
    assert set(section[1:]) == {"KIỆN TOÀN, HOÀN THIỆN CƠ CHẾ CHỈ ĐẠO, ĐIỀU HÀNH PHÒNG THỦ DÂN SỰ"}  # one merged cell
    first_task = texts[texts.index(section) + 1]
    assert first_task[4:7] == ["Quý I năm 2025"] * 3  # written once, merged over the three phase columns
    assert any(row[4:7] == ["x", "x", ""] for row in texts)
