import datetime as dt

import pytest
from sqlalchemy import select

from ptds_desktop.errors import ValidationError
from ptds_desktop.models import Office
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services import plans, progress
from ptds_desktop.services.references import Reference

PHASES = ("Giai đoạn 1 (đến năm 2025)", "Giai đoạn 2 (2026 - 2030)", "Giai đoạn 3 (sau năm 2030)")


@pytest.fixture
def plan(db):
    with db.unit_of_work() as s:
        police = orgs.create_organization(s, orgs.OrganizationInput("Công an thành phố", kind="police"))
        p = plans.create_plan(
            s,
            plans.PlanInput(
                "Thực hiện Chiến lược quốc gia phòng thủ dân sự",
                kind="CTr",
                number_symbol="04/CTr-UBND",
                issued_on=dt.date(2024, 12, 31),
                phase_labels=PHASES,
            ),
        )
        section = plans.add_section(s, p.id, "I", "KIỆN TOÀN CƠ CHẾ")
        first = plans.add_task(
            s,
            p.id,
            plans.TaskInput(
                "Tổ chức lại Ban Chỉ huy",
                section_id=section.id,
                code="1",
                timeframe_text="Quý I năm 2025",
                agencies={
                    "lead": [Reference(organization_id=police.id)],
                    "coordinating": [Reference(text="Các địa phương"), Reference(text="Các phòng, ban")],
                },
                deliverable="Quyết định",
            ),
        )
        second = plans.add_task(
            s, p.id, plans.TaskInput("Rà soát quy chế", section_id=section.id, code="2", phases=(1, 2))
        )
        third = plans.add_task(
            s, p.id, plans.TaskInput("Tuyên truyền", section_id=section.id, code="3", timeframe_text="Thường xuyên")
        )
    return {"plan": p.id, "section": section.id, "tasks": [first.id, second.id, third.id], "police": police.id}


def test_matrix_reads_back_tasks_agencies_and_timeframes(db, plan):
    with db.unit_of_work() as s:
        matrix = plans.plan_matrix(s, plan["plan"])
    assert matrix.plan.citation == "Chương trình hành động số 04/CTr-UBND ngày 31/12/2024"
    assert matrix.plan.task_count == 3
    assert [t.content for t in matrix.tasks] == ["Tổ chức lại Ban Chỉ huy", "Rà soát quy chế", "Tuyên truyền"]
    first, second, third = matrix.tasks
    assert first.agencies_text("lead") == "Công an thành phố"
    assert first.agencies_text("coordinating") == "Các địa phương; Các phòng, ban"
    assert (first.timeframe.kind, first.timeframe.due_on) == ("quarter", dt.date(2025, 3, 31))
    assert (second.timeframe.kind, second.timeframe.phases, second.timeframe.due_on) == (
        "phases",
        (1, 2),
        dt.date(2030, 12, 31),
    )
    assert third.timeframe.kind == "ongoing" and third.timeframe.due_on is None
    assert matrix.roles == ("lead", "coordinating")


def test_reorder_within_a_section(db, plan):
    with db.unit_of_work() as s:
        order = plans.move_task(s, plan["tasks"][2], 0)
    assert [t.content for t in order] == ["Tuyên truyền", "Tổ chức lại Ban Chỉ huy", "Rà soát quy chế"]
    with db.unit_of_work() as s:
        assert [t.content for t in plans.plan_matrix(s, plan["plan"]).tasks] == [t.content for t in order]
        with pytest.raises(ValidationError, match="ngoài nhóm"):
            plans.move_task(s, plan["tasks"][0], 5)


def test_update_replaces_agencies_and_keeps_the_printed_order(db, plan):
    with db.unit_of_work() as s:
        updated = plans.update_task(
            s,
            plan["tasks"][0],
            plans.TaskInput(
                "Tổ chức lại Ban Chỉ huy PTDS",
                section_id=plan["section"],
                code="1",
                timeframe_text="Trước ngày 15/6/2024",
                agencies={
                    "lead": [Reference(text="Ban CHQS thành phố")],
                    "coordinating": [Reference(organization_id=plan["police"])],
                },
            ),
        )
    assert updated.agencies_text("lead") == "Ban CHQS thành phố"
    assert updated.agencies_text("coordinating") == "Công an thành phố"
    assert updated.timeframe.due_on == dt.date(2024, 6, 15)
    with db.unit_of_work() as s:
        again = plans.task_data(s, plan["tasks"][0])
    assert again.agencies == updated.agencies


def test_bad_task_input_is_refused_and_nothing_written(db, plan):
    with db.unit_of_work() as s, pytest.raises(ValidationError) as err:
        plans.add_task(s, plan["plan"], plans.TaskInput("   "))
    assert err.value.field == "content"
    with db.unit_of_work() as s, pytest.raises(ValidationError) as err:
        plans.add_task(s, plan["plan"], plans.TaskInput("Việc", agencies={"lead": [Reference(organization_id="nope")]}))
    assert err.value.field == "lead"
    with db.unit_of_work() as s, pytest.raises(ValidationError, match="Giai đoạn"):
        plans.add_task(s, plan["plan"], plans.TaskInput("Việc", phases=(4,)))
    with db.unit_of_work() as s:
        assert plans.plan_matrix(s, plan["plan"]).plan.task_count == 3


def test_progress_overdue_and_tasks_of_my_office(db, plan):
    with db.unit_of_work() as s:
        office_id = s.scalar(select(Office.id))
        task = plans.task_data(s, plan["tasks"][0])
        plans.update_task(
            s,
            task.id,
            plans.TaskInput(
                task.content,
                section_id=plan["section"],
                code="1",
                timeframe_text="Quý I năm 2025",
                assigned_office_ids=(office_id,),
            ),
        )
    with db.unit_of_work() as s:
        overdue = progress.overdue_tasks(s, on=dt.date(2025, 4, 2))
        assert [(o.task.content, o.days_late) for o in overdue] == [("Tổ chức lại Ban Chỉ huy", 2)]
        assert progress.overdue_tasks(s, on=dt.date(2025, 3, 31)) == []
        assert [m.task.content for m in progress.tasks_of_my_office(s)] == ["Tổ chức lại Ban Chỉ huy"]
        progress.report_progress(
            s, progress.ReportInput(plan["tasks"][0], "in_progress", 50, "Đang soạn", dt.date(2025, 3, 1))
        )
        progress.report_progress(
            s, progress.ReportInput(plan["tasks"][0], "done", text="Đã ban hành", reported_on=dt.date(2025, 3, 20))
        )
    with db.unit_of_work() as s:
        assert progress.overdue_tasks(s, on=dt.date(2025, 4, 2)) == []
        matrix = progress.progress_matrix(s, plan["plan"])
        cell = matrix.cell(plan["tasks"][0], office_id)
        assert (cell.status, cell.percent, cell.text) == ("done", 100, "Đã ban hành")
        assert progress.tasks_of_my_office(s)[0].my_latest.status_label == "Hoàn thành"


@pytest.mark.parametrize(
    "status, percent, message",
    [("finished", None, "Tình trạng không hợp lệ"), ("in_progress", 120, "từ 0 đến 100"), ("done", 40, "100%")],
)
def test_bad_reports_are_refused(db, plan, status, percent, message):
    with db.unit_of_work() as s, pytest.raises(ValidationError, match=message):
        progress.report_progress(s, progress.ReportInput(plan["tasks"][0], status, percent))


def test_filters_and_overview_per_lead_agency(db, plan):
    with db.unit_of_work() as s:
        progress.report_progress(
            s, progress.ReportInput(plan["tasks"][1], "blocked", 30, "Thiếu kinh phí", dt.date(2025, 1, 5))
        )
        statuses = progress.task_statuses(s, plan["plan"], on=dt.date(2025, 4, 1))
    assert [(st.status, st.percent, st.overdue) for st in statuses] == [
        ("not_reported", 0, True),
        ("blocked", 30, False),
        ("not_reported", 0, False),
    ]
    assert [st.task.content for st in progress.filter_statuses(statuses, lead="cong an")] == ["Tổ chức lại Ban Chỉ huy"]
    assert [st.task.content for st in progress.filter_statuses(statuses, coordinating="dia phuong")] == [
        "Tổ chức lại Ban Chỉ huy"
    ]
    assert [st.task.content for st in progress.filter_statuses(statuses, text="ra soat quy che")] == ["Rà soát quy chế"]
    assert [st.task.content for st in progress.filter_statuses(statuses, status="blocked")] == ["Rà soát quy chế"]
    assert [st.task.content for st in progress.filter_statuses(statuses, overdue_only=True)] == [
        "Tổ chức lại Ban Chỉ huy"
    ]
    overview = progress.agency_overview(statuses)
    assert [(a.agency, a.total, a.blocked, a.overdue) for a in overview] == [
        ("Công an thành phố", 1, 0, 1),
        ("(chưa ghi cơ quan chủ trì)", 2, 1, 0),
    ]


def test_report_with_an_attached_file(db, plan, tmp_path):
    scan = tmp_path / "bien-ban.pdf"
    scan.write_bytes(b"%PDF-1.4 bien ban kiem tra")
    with db.unit_of_work() as s:
        report = progress.report_progress(
            s,
            progress.ReportInput(
                plan["tasks"][2], "in_progress", 20, "Đã tuyên truyền 3 thôn", dt.date(2025, 2, 1), attachments=(scan,)
            ),
        )
    assert report.attachment_names == ("bien-ban.pdf",)
    with db.unit_of_work() as s:
        assert progress.reports_of_task(s, plan["tasks"][2])[0].attachment_names == ("bien-ban.pdf",)
    with pytest.raises(ValidationError, match="Không đọc được tệp"), db.unit_of_work() as s:
        progress.report_progress(
            s, progress.ReportInput(plan["tasks"][2], "done", attachments=(tmp_path / "missing.pdf",))
        )
    with db.unit_of_work() as s:
        assert len(progress.reports_of_task(s, plan["tasks"][2])) == 1  # the refused report left nothing behind
