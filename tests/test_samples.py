"""The sample data transcribed from the seeds: loads, and holds what a user checking it against the paper sees."""

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select

from ptds_desktop import datafile
from ptds_desktop.models import (
    BoardMembership,
    CommandBoard,
    Conference,
    Invitee,
    Organization,
    ParticipantGroup,
    Person,
    Plan,
    PlanSection,
    SignatureBlock,
    Task,
    TaskAgency,
    Venue,
)
from ptds_desktop.services.common import folded_contains
from ptds_desktop.services.organizations import find_by_name


@pytest.fixture
def demo(db):
    report = datafile.load_demo(db)
    assert report.inserted > 0 and report.updated == 0
    with db.unit_of_work() as s:
        yield s


def _plan(s, number_or_title):
    return s.scalars(select(Plan).where(folded_contains(number_or_title, Plan.number_symbol, Plan.title))).one()


def _agencies(s, task, role):
    rows = s.execute(
        select(Organization.name).join(TaskAgency, TaskAgency.organization_id == Organization.id)
        .where(TaskAgency.task_id == task.id, TaskAgency.role == role).order_by(TaskAgency.sort_order)
    )
    return [name for (name,) in rows]


def _task(s, plan, section_code, code):
    return s.scalars(
        select(Task).join(PlanSection, Task.section_id == PlanSection.id)
        .where(Task.plan_id == plan.id, PlanSection.code == section_code, Task.code == code)
    ).one()


def test_thai_nguyen_matrix_has_ten_sections_with_their_tasks(demo):
    plan = _plan(demo, "04/CTr-UBND")
    assert (plan.kind, plan.issued_on, plan.place_name) == ("CTr", dt.date(2024, 12, 31), "TP. Thái Nguyên")
    by_plan = select(PlanSection).where(PlanSection.plan_id == plan.id)
    sections = demo.scalars(by_plan.order_by(PlanSection.sort_order)).all()
    assert [s.code for s in sections] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    per_section = Counter(
        code for (code,) in demo.execute(
            select(PlanSection.code).join(Task, Task.section_id == PlanSection.id).where(Task.plan_id == plan.id))
    )
    assert per_section == {"I": 6, "II": 2, "III": 3, "IV": 3, "V": 6, "VI": 2, "VII": 4, "VIII": 5, "IX": 4, "X": 2}
    sig = demo.scalars(select(SignatureBlock).where(SignatureBlock.document_id == plan.id)).one()
    assert (sig.position, sig.signer_name) == ("CHỦ TỊCH", "Nguyễn Linh")


def test_thai_nguyen_tasks_keep_agencies_timeframes_and_page_split_text(demo):
    plan = _plan(demo, "04/CTr-UBND")
    task = _task(demo, plan, "II", "1")
    assert _agencies(demo, task, "lead") == ["Các phòng, ban, cơ quan, đơn vị, địa phương"]
    assert _agencies(demo, task, "coordinating") == [
        "Ban Chỉ huy quân sự thành phố Thái Nguyên", "Công an thành phố Thái Nguyên",
        "Các phòng, ban, cơ quan, đơn vị, địa phương",
    ]
    assert _agencies(demo, _task(demo, plan, "VIII", "1"), "lead") == [
        "Ban Chỉ huy quân sự thành phố Thái Nguyên", "Công an thành phố Thái Nguyên"]
    split = _task(demo, plan, "I", "5")  # printed across a page break
    assert split.content.endswith("các đơn vị Quân đội, Công an trên địa bàn thành phố trong phòng thủ dân sự")
    assert (split.timeframe_kind, split.timeframe_value) == ("phases", "1,2")
    first = _task(demo, plan, "I", "1")
    assert (first.timeframe_kind, first.timeframe_value, first.timeframe_text) == ("quarter", "2025-Q1",
        "Quý I năm 2025")
    assert first.deliverable == "Quyết định của Chủ tịch UBND thành phố"
    budget = _task(demo, plan, "VII", "2")
    assert (budget.timeframe_kind, budget.timeframe_text) == ("yearly", "Hàng năm hoặc đột xuất")
    assert _task(demo, plan, "X", "1").timeframe_kind == "periodic"
    assert _task(demo, plan, "II", "2").timeframe_value == "2"
    assert _agencies(demo, _task(demo, plan, "X", "2"), "lead") == []  # the seed leaves both columns empty


def test_resolution_22_plan_has_every_task_with_its_bodies(demo):
    plan = _plan(demo, "nghi quyet 22")
    assert plan.number_symbol is None and plan.issued_on is None  # not printed in the seed
    tasks = demo.scalars(select(Task).where(Task.plan_id == plan.id).order_by(Task.sort_order)).all()
    assert [t.code for t in tasks] == ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3",
                                       "4.1", "4.2", "5.1", "5.2", "6.1", "6.2", "6.3", "7.1", "7.2", "8", "9"]
    assert all(_agencies(demo, t, "directing") == ["Ban Thường vụ Tỉnh ủy"] for t in tasks)
    by_code = {t.code: t for t in tasks}
    assert _agencies(demo, by_code["1.4"], "lead_advisory") == [
        "Ủy ban Kiểm tra Tỉnh ủy", "Ban cán sự đảng Ủy ban nhân dân tỉnh"]
    assert _agencies(demo, by_code["7.1"], "implementing") == [
        "Ban cán sự đảng Ủy ban nhân dân tỉnh", "Đảng ủy Quân sự tỉnh", "Đảng ủy Công an tỉnh",
        "Đảng ủy Bộ đội Biên phòng tỉnh", "Các huyện ủy, thị ủy, thành ủy"]
    assert "thông tin, tuyên truyền, nâng cao nhận thức" in by_code["2.1"].content  # joined across the page break
    assert by_code["1.1"].timeframe_text == "Thường xuyên"
    sig = demo.scalars(select(SignatureBlock).where(SignatureBlock.document_id == plan.id)).one()
    assert (sig.authority, sig.position, sig.signer_name) == ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Đinh Thị Hồng Minh")


def test_dak_lak_conference_date_venues_and_invitees(demo):
    conf = demo.scalars(select(Conference)).one()
    assert conf.starts_at == dt.datetime(2026, 3, 12, 14, 0)
    assert conf.format == "hybrid" and conf.duration_text == "01 buổi"
    assert conf.backdrop_text.splitlines()[-1] == "Đắk Lắk, ngày 12 tháng 3 năm 2026"
    main = demo.scalars(select(Venue).where(Venue.conference_id == conf.id, Venue.kind == "main")).one()
    assert "09 Lê Duẩn" in main.address
    military_group = demo.scalars(
        select(ParticipantGroup).where(folded_contains("don vi quan doi hiep dong", ParticipantGroup.name))).one()
    units = demo.scalars(
        select(Organization).join(Invitee, Invitee.organization_id == Organization.id)
        .where(Invitee.group_id == military_group.id).order_by(Invitee.sort_order)
    ).all()
    assert len(units) == 14 and {u.kind for u in units} == {"military"}
    assert (units[0].name, units[-1].name) == ("Lữ đoàn ĐC 198/BCĐC", "Đoàn KTQP 737/qk5")
    sig = demo.scalars(select(SignatureBlock).where(SignatureBlock.document_id == conf.id)).one()
    assert (sig.authority, sig.position, sig.second_position, sig.signer_name, sig.drafter_note) == (
        "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH UBND TỈNH", "Nguyễn Thiên Văn", "N_56")
    contact = demo.get(Person, conf.contact_person_id)
    assert (contact.full_name, contact.phone) == ("Sơn", "+84819449153")


def test_dak_lak_board_head_seat_and_standing_deputy(demo):
    board = demo.scalars(select(CommandBoard).where(folded_contains("dak lak", CommandBoard.name))).one()
    assert board.name == "Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk"
    assert demo.get(Organization, board.standing_agency_id).short_name == "Bộ CHQS tỉnh"
    members = {m.role: m for m in demo.scalars(select(BoardMembership).where(BoardMembership.board_id == board.id))}
    assert members["head"].person_id is None and members["head"].position_text == "Chủ tịch UBND tỉnh"
    assert demo.get(Person, members["standing_deputy"].person_id).full_name == "Nguyễn Thiên Văn"
    assert members["standing_deputy"].start_date == dt.date(2025, 10, 9)


def test_catalogue_short_names_are_found_and_samples_belong_to_the_loading_office(db, demo):
    assert find_by_name(demo, "Bộ CHQS tỉnh").name == "Bộ Chỉ huy Quân sự tỉnh Đắk Lắk"
    assert find_by_name(demo, "ubmttqvn tinh").kind == "front"
    assert find_by_name(demo, "Các phòng, ban, cơ quan, đơn vị, địa phương").kind == "group"
    owners = {(o.created_by, o.owner_office_id) for o in demo.scalars(select(Organization))}
    assert owners == {(db.office_id(), db.office_id())}
    assert all(t.hlc > 0 for t in demo.scalars(select(Task)))  # stamped as this office's own changes


def test_demo_twice_adds_nothing(ptds, tmp_path):
    db = tmp_path / "demo.db"
    first = ptds("--db", db, "demo")
    assert first.returncode == 0, first
    assert "Bộ CHQS tỉnh Đắk Lắk" in first.stdout
    second = ptds("--db", db, "demo")
    assert second.returncode == 0, second
    assert "đã có sẵn" in second.stdout
    export_1, export_2 = tmp_path / "1.json", tmp_path / "2.json"
    ptds("--db", db, "data", "export", "-o", export_1)
    ptds("--db", db, "demo")
    ptds("--db", db, "data", "export", "-o", export_2)
    assert export_1.read_bytes() == export_2.read_bytes()
