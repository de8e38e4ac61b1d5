"""A plan made at the province reaches a commune; the commune's progress report comes back by bundle and shows in
the province's progress matrix, where it belongs to the commune and cannot be changed."""

from __future__ import annotations

import datetime as dt

import pytest

from ptds_desktop.errors import ValidationError
from ptds_desktop.services import plans, progress
from ptds_desktop.services.references import Reference
from ptds_desktop.sync import exchange


def _send(net, sender, recipient):
    exchange.import_bundle(net.offices[recipient], net.send(sender, recipient))


def test_commune_report_travels_to_the_province_progress_matrix(network):
    net = network(3)
    province, commune, other = net.offices
    commune_id, other_id = commune.office_id(), other.office_id()
    with province.unit_of_work() as s:
        created = plans.create_plan_with_matrix(
            s,
            plans.PlanInput("Kế hoạch phòng thủ dân sự năm 2026", number_symbol="15/KH-BCH"),
            [
                plans.SectionInput(
                    "I",
                    "CÔNG TÁC TỔ CHỨC",
                    (
                        plans.TaskInput(
                            "Kiện toàn Ban Chỉ huy xã",
                            code="1",
                            timeframe_text="Quý I năm 2026",
                            agencies={"lead": [Reference(text="UBND các xã")]},
                            assigned_office_ids=(commune_id, other_id),
                        ),
                        plans.TaskInput(
                            "Diễn tập", code="2", timeframe_text="Năm 2026", assigned_office_ids=(other_id,)
                        ),
                    ),
                )
            ],
        )
    plan_id = created.id
    with province.unit_of_work() as s:
        matrix = plans.plan_matrix(s, plan_id)
    first, second = (t.id for t in matrix.tasks)
    _send(net, 0, 1)

    with commune.unit_of_work() as s:
        mine = progress.tasks_of_my_office(s)
        assert [m.task.content for m in mine] == ["Kiện toàn Ban Chỉ huy xã"]
        assert mine[0].task.labels("lead") == ("UBND các xã",)
        with pytest.raises(ValidationError, match="không giao cho văn phòng này"):
            progress.report_progress(s, progress.ReportInput(second, "done"))
    with commune.unit_of_work() as s:
        report = progress.report_progress(
            s, progress.ReportInput(first, "done", text="Đã có Quyết định 05/QĐ-UBND", reported_on=dt.date(2026, 3, 10))
        )
    _send(net, 1, 0)

    with province.unit_of_work() as s:
        seen = progress.progress_matrix(s, plan_id)
        cell = seen.cell(first, commune_id)
        assert (cell.status, cell.percent, cell.text, cell.office_id) == (
            "done",
            100,
            "Đã có Quyết định 05/QĐ-UBND",
            commune_id,
        )
        assert seen.cell(first, other_id) is None and seen.assigned(seen.tasks[0], other_id)
        assert [name for _id, name in seen.offices] == sorted(name for _id, name in seen.offices)
        # Still overdue: the other commune assigned the same task has not reported.
        assert [o.task.id for o in progress.overdue_tasks(s, on=dt.date(2026, 4, 1))] == [first]
        with pytest.raises(ValidationError, match="chỉ văn phòng đó được sửa"):
            progress.update_report(s, report.id, progress.ReportInput(first, "blocked"))
    with province.unit_of_work() as s:
        assert progress.progress_matrix(s, plan_id).cell(first, commune_id).status == "done"
