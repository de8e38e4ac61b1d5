"""Task matrices in Excel: the export reads back field for field, a matrix typed by hand in the seeds' shapes
imports without a row lost, and a malformed one is refused by row number with the database unchanged."""

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import func, select

from ptds_desktop import datafile
from ptds_desktop.errors import PtdsError
from ptds_desktop.exports.files import write_document
from ptds_desktop.imports.task_matrix import import_matrix, read_matrix
from ptds_desktop.models import Plan, PlanSection, Task, TaskAgency
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services import plans
from ptds_desktop.services.plan_documents import matrix_document


def _shape(matrix):
    """Everything a reader of the matrix sees, per section and task (ids aside)."""
    sections = {s.id: (s.code, s.title) for s in matrix.sections}
    return (
        matrix.roles,
        matrix.plan.phase_labels,
        [sections[s.id] for s in matrix.sections],
        [
            (
                sections.get(t.section_id),
                t.code,
                t.content,
                t.timeframe.kind,
                t.timeframe.value,
                t.timeframe.text,
                t.timeframe.due_on,
                t.deliverable,
                {
                    role: [(a.label, a.reference.organization_id) for a in agencies]
                    for role, agencies in t.agencies.items()
                },
            )
            for t in matrix.tasks
        ],
    )


def test_every_sample_plan_survives_export_and_import(db, tmp_path):
    datafile.load_demo(db)
    with db.unit_of_work() as s:
        samples = [plans.plan_matrix(s, p.id) for p in plans.list_plans(s)]
    assert len(samples) >= 2
    for sample in samples:
        path = tmp_path / f"{sample.plan.id}.xlsx"
        write_document(matrix_document(sample), path, "xlsx")
        with db.unit_of_work() as s:
            preview = read_matrix(s, path)
            assert preview.problems == ()
            copy = plans.plan_matrix(s, import_matrix(s, preview).id)
        assert copy.plan.id != sample.plan.id
        expected = _shape(sample)
        # Agencies linked to the catalogue come back linked; the wording printed is kept beside the link.
        assert _shape(copy) == expected
        assert copy.plan.number_symbol == sample.plan.number_symbol
        assert copy.plan.issued_on == sample.plan.issued_on


def test_seed_003_export_has_the_appendix_shape(db, tmp_path):
    datafile.load_demo(db)
    with db.unit_of_work() as s:
        matrix = plans.plan_matrix(s, next(p.id for p in plans.list_plans(s) if p.number_symbol == "04/CTr-UBND"))
    path = tmp_path / "003.xlsx"
    write_document(matrix_document(matrix), path, "xlsx")
    ws = openpyxl.load_workbook(path).active
    values = list(ws.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(values) if row[0] == "TT")
    assert values[header][:5] == ("TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện")
    assert values[header + 1][4:7] == (
        "Giai đoạn (đến năm 2025)",
        "Giai đoạn 2 (2026 - 2030)",
        "Giai đoạn 3 (sau năm 2030)",
    )
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert f"E{header + 1}:G{header + 1}" in merged  # "Thời gian thực hiện" over the three phases
    assert f"A{header + 1}:A{header + 2}" in merged
    assert values[header + 2][:2] == ("I", "KIỆN TOÀN, HOÀN THIỆN CƠ CHẾ CHỈ ĐẠO, ĐIỀU HÀNH PHÒNG THỦ DÂN SỰ")
    assert f"B{header + 3}:H{header + 3}" in merged  # the section row spans the table
    assert values[header + 3][4] == "Quý I năm 2025" and f"E{header + 4}:G{header + 4}" in merged
    assert any(row[4:7] == ("x", "x", None) for row in values)
    assert ws.print_title_rows == f"${header + 1}:${header + 2}"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.cell(row=header + 4, column=2).alignment.wrap_text


def _hand_typed(path):
    """A matrix as someone types it: title rows, header without diacritics in another order, a two-level header
    not merged, Roman sections, the header repeated mid-sheet, multi-line and empty cells."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phu luc"
    rows = [
        ["PHỤ LỤC"],
        ["Nhiệm vụ và giải pháp thực hiện Kế hoạch phòng thủ dân sự năm 2025"],
        ["(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/3/2025 của UBND xã Ea Kao)"],
        [],
        [
            "STT",
            "Noi dung nhiem vu",
            "Thoi gian thuc hien",
            None,
            None,
            "Co quan phoi hop",
            "CƠ QUAN CHỦ TRÌ",
            "San pham",
        ],
        [None, None, "Đến 2025", "2026-2030", "Sau 2030", None, None, None],
        ["I", "CÔNG TÁC TỔ CHỨC"],
        [
            1,
            "Kiện toàn Ban Chỉ huy\nphòng thủ dân sự xã",
            "Quý I năm 2025",
            None,
            None,
            "Công an xã;\nCác thôn, buôn",
            "uy ban nhan dan xa ea kao",
            "Quyết định",
        ],
        [2, "Xây dựng quy chế phối hợp", "x", "X", None, None, "Ban CHQS xã", None],
        [
            "STT",
            "Noi dung nhiem vu",
            "Thoi gian thuc hien",
            None,
            None,
            "Co quan phoi hop",
            "CƠ QUAN CHỦ TRÌ",
            "San pham",
        ],
        [None, None, "Đến 2025", "2026-2030", "Sau 2030", None, None, None],
        ["II", "TUYÊN TRUYỀN"],
        [1, "Phổ biến Luật Phòng thủ dân sự", "Thường xuyên", None, None, "Các đoàn thể", "Ban CHQS xã", "Kế hoạch"],
        [None, "Tuyên truyền trên loa truyền thanh", "Trước ngày 15/6/2025", None, None, None, None, None],
    ]
    for row in rows:
        ws.append(row)
    wb.save(path)


def test_hand_typed_matrix_imports_without_a_row_lost(db, tmp_path):
    with db.unit_of_work() as s:
        committee = orgs.create_organization(
            s, orgs.OrganizationInput("Ủy ban nhân dân xã Ea Kao", kind="people_committee")
        )
    path = tmp_path / "tay.xlsx"
    _hand_typed(path)
    with db.unit_of_work() as s:
        preview = read_matrix(s, path)
        assert preview.problems == ()
        assert (preview.section_count, preview.task_count) == (2, 4)
        matrix = plans.plan_matrix(s, import_matrix(s, preview).id)
    assert matrix.plan.title == "Nhiệm vụ và giải pháp thực hiện Kế hoạch phòng thủ dân sự năm 2025"
    assert (matrix.plan.kind, matrix.plan.number_symbol, matrix.plan.issued_on) == (
        "KH",
        "12/KH-UBND",
        dt.date(2025, 3, 5),
    )
    assert matrix.roles == ("coordinating", "lead")
    assert matrix.plan.phase_labels == ("Đến 2025", "2026-2030", "Sau 2030")
    assert [(s.code, s.title) for s in matrix.sections] == [("I", "CÔNG TÁC TỔ CHỨC"), ("II", "TUYÊN TRUYỀN")]
    first, second, third, fourth = matrix.tasks
    assert first.content == "Kiện toàn Ban Chỉ huy phòng thủ dân sự xã"
    assert first.labels("coordinating") == ("Công an xã", "Các thôn, buôn")
    assert first.agencies["lead"][0].reference.organization_id == committee.id
    assert (first.timeframe.kind, first.timeframe.due_on, first.deliverable) == (
        "quarter",
        dt.date(2025, 3, 31),
        "Quyết định",
    )
    assert (second.timeframe.phases, second.timeframe.due_on, second.agencies.get("coordinating")) == (
        (1, 2),
        dt.date(2030, 12, 31),
        None,
    )
    assert (third.code, third.timeframe.kind, third.section_id) == ("1", "ongoing", matrix.sections[1].id)
    assert (fourth.code, fourth.timeframe.due_on, fourth.agencies) == (None, dt.date(2025, 6, 15), {})


def _counts(db):
    with db.unit_of_work() as s:
        return [s.scalar(select(func.count()).select_from(m)) for m in (Plan, PlanSection, Task, TaskAgency)]


def test_malformed_matrix_is_refused_by_row_number_and_nothing_written(db, tmp_path):
    path = tmp_path / "hong.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [
        ["TT", "Nội dung", "Cơ quan chủ trì", "Thời gian thực hiện", None],
        [None, None, None, "Giai đoạn 1 (đến 2025)", "Giai đoạn 2 (2026-2030)"],
        ["I", "NHÓM MỘT", "Công an xã"],
        [1, "Việc có thật", "Công an xã", "x", None],
        [2, None, "Công an xã", "x", None],
        [None, None, "Ban CHQS xã", None, None],
        [3, "Việc ghi lẫn", "Công an xã", "x", "Thường xuyên"],
    ]:
        ws.append(row)
    wb.save(path)
    before = _counts(db)
    with db.unit_of_work() as s:
        preview = read_matrix(s, path)
    assert [p.row for p in preview.problems] == [3, 5, 6, 7]
    assert "thiếu nội dung" in preview.problems[1].message
    with pytest.raises(PtdsError) as err, db.unit_of_work() as s:
        import_matrix(s, preview)
    assert "Dòng 5" in str(err.value) and "chưa có gì được ghi" in str(err.value)
    assert _counts(db) == before


@pytest.mark.parametrize("content", [b"not a workbook", b"PK\x03\x04broken"])
def test_a_file_that_is_no_workbook_is_refused(db, tmp_path, content):
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    with db.unit_of_work() as s, pytest.raises(PtdsError, match="không phải bảng tính Excel"):
        read_matrix(s, path)


def test_a_sheet_without_a_header_is_refused(db, tmp_path):
    path = tmp_path / "x.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Danh sách", "Họ tên"])
    wb.save(path)
    with db.unit_of_work() as s, pytest.raises(PtdsError, match="Không tìm thấy dòng tiêu đề cột"):
        read_matrix(s, path)
