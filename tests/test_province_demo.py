"""Province-scale data (`ptds demo --scale province`, benchmarks/generate.py), at a small scale: the counts asked
for are the counts written, one seed always gives the same data, and what was generated syncs to a commune."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from ptds_desktop.db.database import open_database
from ptds_desktop.models import (
    BoardMembership,
    CommandBoard,
    Conference,
    Invitee,
    Office,
    Person,
    Plan,
    ProgressReport,
    Task,
    TaskAssignment,
)
from ptds_desktop.services import enrolment, progress
from ptds_desktop.services.offices import init_office
from ptds_desktop.services.province_demo import GeneratedCounts, Scale, generate_province
from ptds_desktop.sync import exchange
from ptds_desktop.text import fold

SMALL = Scale(communes=4, members_per_board=6, plans=2, tasks_per_plan=12, sections_per_plan=3,
              commune_task_share=0.7, conferences=2, invitees_per_conference=40)


def _count(session, model, *where) -> int:
    return session.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False), *where))


def _generated(tmp_path, name: str, seed: int):
    db = open_database(tmp_path / f"{name}.db")
    init_office(db, "Bộ CHQS tỉnh Đắk Lắk", "province", place_name="Đắk Lắk")
    return db, generate_province(db, SMALL, seed=seed)


def _content(db) -> dict[str, list[tuple]]:
    """What a user sees, without the ids the services draw at random (plans, tasks, conferences)."""
    with db.unit_of_work() as s:
        return {
            "people": s.execute(select(Person.full_name, Person.title, Person.phone).order_by(Person.id)).all(),
            "boards": s.execute(select(CommandBoard.name).order_by(CommandBoard.name)).all(),
            "tasks": s.execute(select(Plan.title, Plan.number_symbol, Task.code, Task.content, Task.timeframe_text)
                               .join(Plan).order_by(Plan.number_symbol, Task.code)).all(),
            "reports": s.execute(select(ProgressReport.reported_on, ProgressReport.status, ProgressReport.percent,
                                        ProgressReport.text).order_by(ProgressReport.id)).all(),
            "invitees": s.execute(select(Conference.title, Invitee.sort_order, Invitee.person_id,
                                         Invitee.organization_id, Invitee.status)
                                  .join(Conference).order_by(Conference.title, Invitee.sort_order)).all(),
        }


def test_counts_written_are_the_counts_asked_for(tmp_path):
    db, counts = _generated(tmp_path, "a", seed=7)
    with db.unit_of_work() as s:
        me = db.office_id()
        communes = s.scalars(select(Office).where(Office.parent_id == me)).all()
        assert len(communes) == SMALL.communes == counts.offices
        assert _count(s, CommandBoard, CommandBoard.level == "commune") == SMALL.communes
        assert _count(s, CommandBoard, CommandBoard.level == "province") == 1
        for board_id in s.scalars(select(CommandBoard.id)):
            assert _count(s, BoardMembership, BoardMembership.board_id == board_id) == SMALL.members_per_board
        generated_plans = s.scalars(select(Plan.id).where(Plan.number_symbol.like("%/KH-BCH"))).all()
        assert len(generated_plans) == SMALL.plans == counts.plans
        assert _count(s, Task, Task.plan_id.in_(generated_plans)) == SMALL.plans * SMALL.tasks_per_plan == counts.tasks
        # Every assigned commune reported once on every task assigned to it, as its own report.
        assignments = s.execute(select(TaskAssignment.task_id, TaskAssignment.office_id)).all()
        reports = s.execute(select(ProgressReport.task_id, ProgressReport.owner_office_id)).all()
        assert sorted(reports) == sorted(assignments)
        assert len(reports) == counts.reports == counts.assignments > 0
        assert {owner for _, owner in reports} == {c.id for c in communes}
        assert _count(s, Conference, Conference.number_symbol.like("%/KH-BCH")) == SMALL.conferences
        for conference_id in s.scalars(select(Conference.id).where(Conference.number_symbol.like("%/KH-BCH"))):
            assert _count(s, Invitee, Invitee.conference_id == conference_id) == SMALL.invitees_per_conference
    # The progress matrix reads the generated reports as the communes' reports.
    with db.unit_of_work() as s:
        matrix = progress.progress_matrix(s, generated_plans[0])
        assert {office_id for office_id, _name in matrix.offices} == {c.id for c in communes}
    # Names are Vietnamese, searchable without accents.
    with db.unit_of_work() as s:
        names = s.scalars(select(Person.full_name)).all()
        assert any(fold(n) != n.lower() for n in names)
    db.close()


def test_one_seed_gives_the_same_data_and_another_seed_other_data(tmp_path):
    first, counts = _generated(tmp_path, "a", seed=7)
    again, counts_again = _generated(tmp_path, "b", seed=7)
    other, _ = _generated(tmp_path, "c", seed=8)
    assert counts == counts_again and isinstance(counts, GeneratedCounts)
    content = _content(first)
    assert content == _content(again)
    other_content = _content(other)
    assert other_content["people"] != content["people"]
    assert other_content["reports"] != content["reports"]
    for db in (first, again, other):
        db.close()


def test_generating_twice_is_refused_and_changes_nothing(tmp_path):
    db, _ = _generated(tmp_path, "a", seed=7)
    with db.unit_of_work() as s:
        before = _count(s, ProgressReport)
    with pytest.raises(Exception, match="đã có văn phòng cấp dưới"):
        generate_province(db, SMALL, seed=7)
    with db.unit_of_work() as s:
        assert _count(s, ProgressReport) == before
    db.close()


def test_generated_data_syncs_to_an_enrolled_office(tmp_path):
    province, counts = _generated(tmp_path, "p", seed=7)
    info = enrolment.make_enrolment_file(province, "UBND xã Ea Tam", "commune", tmp_path / "c.enrol")
    commune = open_database(tmp_path / "c.db")
    enrolment.enrol(commune, tmp_path / "c.enrol", info.code)
    (bundle,) = exchange.export_bundles(province, commune.office_id(), tmp_path / "out")
    report = exchange.import_bundle(commune, bundle.path)
    assert report.status == "applied", report.message
    with commune.unit_of_work() as s:
        assert _count(s, ProgressReport) == counts.reports
        assert _count(s, Invitee) >= counts.invitees
        assert _count(s, CommandBoard, CommandBoard.level == "commune") == SMALL.communes
    with province.unit_of_work() as p, commune.unit_of_work() as c:
        query = select(ProgressReport.id, ProgressReport.status, ProgressReport.percent, ProgressReport.owner_office_id)
        assert sorted(c.execute(query).all()) == sorted(p.execute(query).all())
    province.close()
    commune.close()


def test_cli_demo_at_province_scale_is_documented(ptds):
    result = ptds("demo", "--help").ok()
    assert "--scale" in result.stdout and "quy mô tỉnh" in result.stdout

