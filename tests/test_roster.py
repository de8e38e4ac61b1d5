import dataclasses
import datetime as dt
import json

import pytest
from roster_fixtures import ESTABLISHED, REORGANISED, establish, member_id, reorganise, reorganised_database
from sqlalchemy import func, select

from ptds_desktop.errors import NotFoundError, PtdsError, ValidationError
from ptds_desktop.models import BoardMembership, Decision
from ptds_desktop.services import boards, decisions, memberships, people, roster
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services.decision_dates import decision_date_concerns
from ptds_desktop.services.decisions import DecisionInput
from ptds_desktop.services.memberships import MemberInput
from ptds_desktop.services.people import PersonInput
from ptds_desktop.services.references import Reference


def _rows(db, table) -> int:
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _view(members):
    return [(m.id, m.full_name, m.position, m.role, m.sort_order) for m in members]


def test_roster_is_ordered_by_role_then_order_and_seats_print_their_position(db):
    pb = establish(db)
    with db.unit_of_work() as s:
        members = memberships.roster_on(s, pb.board_id, ESTABLISHED)
    assert [(m.role_label, m.full_name, m.position) for m in members] == [
        ("Trưởng ban", "Trần Văn Thử", "Chủ tịch UBND tỉnh"),
        ("Phó Trưởng ban thường trực", "Nguyễn Thiên Văn", "Phó Chủ tịch UBND tỉnh"),
        ("Phó Trưởng ban", "Lê Văn Mẫu", "Chỉ huy trưởng Bộ CHQS tỉnh"),
        ("Ủy viên thường trực", "Phạm Thị Ví Dụ", "Phó Chỉ huy trưởng, Tham mưu trưởng Bộ CHQS tỉnh"),
        ("Ủy viên", None, "Giám đốc Sở Y tế"),
        ("Ủy viên", "Hoàng Văn Giả Định", "Giám đốc Sở Xây dựng"),
    ]
    assert members[1].phone_display == "0819.449.153" and members[4].is_seat
    with db.unit_of_work() as s:
        assert memberships.roster_on(s, pb.board_id, ESTABLISHED - dt.timedelta(days=1)) == []


def test_reorganisation_keeps_history_and_the_earlier_date_gives_the_earlier_board_exactly(db):
    pb = establish(db)
    with db.unit_of_work() as s:
        before = _view(memberships.roster_on(s, pb.board_id, "09/10/2025"))
    result = reorganise(db, pb)
    assert sorted(m.full_name or m.position for m in result.left) == ["Giám đốc Sở Y tế", "Lê Văn Mẫu"]
    assert sorted(m.full_name for m in result.joined) == ["Vũ Thị Tạm", "Đỗ Văn Thay Thế"]
    with db.unit_of_work() as s:
        assert _view(memberships.roster_on(s, pb.board_id, ESTABLISHED)) == before
        assert _view(memberships.roster_on(s, pb.board_id, REORGANISED - dt.timedelta(days=1))) == before
        after = memberships.roster_on(s, pb.board_id, REORGANISED)  # end_date is exclusive: the new board that day
    names = [m.full_name for m in after]
    assert "Lê Văn Mẫu" not in names and "Đỗ Văn Thay Thế" in names and "Vũ Thị Tạm" in names
    assert [m.full_name for m in after if m.role == "member"] == ["Vũ Thị Tạm", "Hoàng Văn Giả Định"]
    assert _rows(db, BoardMembership) == 8  # nothing deleted: 6 + 2, two of them closed
    with db.unit_of_work() as s:
        snap_then = roster.roster_snapshot(s, pb.board_id, "01/12/2025")
        snap_now = roster.roster_snapshot(s, pb.board_id, "01/02/2026")
        assert snap_then.decision.number_symbol == "01620/QĐ-UBND"
        assert snap_now.decision.number_symbol == "00215/QĐ-UBND"
        assert snap_then.decision.citation == "Quyết định số 01620/QĐ-UBND ngày 09/10/2025 của Chủ tịch UBND tỉnh"
        assert roster.change_dates(s, pb.board_id) == [ESTABLISHED, REORGANISED]
        history = roster.board_history(s, pb.board_id)
        assert len(history) == 8 and [h.start_date for h in history[-2:]] == [REORGANISED, REORGANISED]
        assert sum(1 for h in history if h.end_date == REORGANISED) == 2
        changes = decisions.decision_changes(s, result.decision.id)
        assert {m.id for m in changes.left} == {m.id for m in result.left}


def test_person_history_lists_every_role(db):
    pb = establish(db)
    reorganise(db, pb)
    van = member_id(pb.first, "Nguyễn Thiên Văn")
    head = member_id(pb.first, "Trần Văn Thử")
    with db.unit_of_work() as s:
        van_person = s.get(BoardMembership, van).person_id
        decisions.apply_decision(
            s, pb.board_id, DecisionInput("00999/QĐ-UBND", "01/03/2026", issued_by="Chủ tịch UBND tỉnh"),
            ending=[van, head],
            joining=[MemberInput("head", holder=Reference(person_id=van_person), position_text="Chủ tịch UBND tỉnh")],
        )
    with db.unit_of_work() as s:
        history = roster.person_history(s, van_person)
        leaver = roster.person_history(s, s.get(BoardMembership, member_id(pb.first, "Lê Văn Mẫu")).person_id)
    assert [(h.role_label, h.start_date, h.end_date, h.start_decision_number,
        h.end_decision_number) for h in history] == [
        ("Phó Trưởng ban thường trực", ESTABLISHED, dt.date(2026, 3, 1), "01620/QĐ-UBND", "00999/QĐ-UBND"),
        ("Trưởng ban", dt.date(2026, 3, 1), None, "00999/QĐ-UBND", None),
    ]
    assert history[0].position == "Phó Chủ tịch UBND tỉnh" and history[1].position == "Chủ tịch UBND tỉnh"
    assert [(h.end_date, h.end_decision_number) for h in leaver] == [(REORGANISED, "00215/QĐ-UBND")]
    with db.unit_of_work() as s, pytest.raises(NotFoundError):
        roster.person_history(s, "no-such-person")


def _establish_fails(db, joining, effective_on=None, **decision):
    with db.unit_of_work() as s:
        board = boards.create_board(s, boards.BoardInput("Ban Chỉ huy Phòng thủ dân sự xã Thử", "xã Thử", "commune"))
    before = (_rows(db, Decision), _rows(db, BoardMembership))
    values = {"number_symbol": "01/QĐ-UBND", "issued_on": "15/08/2025", "kind": "establish", **decision}
    with pytest.raises(ValidationError) as err, db.unit_of_work() as s:
        decisions.apply_decision(s, board.id, DecisionInput(**values), joining=joining, effective_on=effective_on)
    assert (_rows(db, Decision), _rows(db, BoardMembership)) == before
    return err.value


def _m(role, name, **kw):
    return MemberInput(role, new_person=PersonInput(name, "Cán bộ thử nghiệm"), **kw)


def test_a_board_needs_exactly_one_head(db):
    err = _establish_fails(db, [_m("member", "Người Một")])
    assert "phải có đúng một Trưởng ban" in str(err) and "ngày 15/08/2025" in str(err)
    err = _establish_fails(db, [_m("head", "Người Một"), _m("head", "Người Hai")])
    assert "chỉ có một Trưởng ban" in str(err) and "Người Một, Người Hai" in str(err)


def test_at_most_one_standing_deputy_and_nobody_twice(db):
    err = _establish_fails(db, [_m("head", "Người Một"), _m("standing_deputy", "Người Hai"),
                                _m("standing_deputy", "Người Ba")])
    assert "một Phó Trưởng ban thường trực" in str(err)
    with db.unit_of_work() as s:
        someone = people.create_person(s, PersonInput("Người Bốn"))
    err = _establish_fails(db, [MemberInput("head", holder=Reference(person_id=someone.id)),
                                MemberInput("member", holder=Reference(person_id=someone.id))])
    assert "Người Bốn đã là thành viên Ban (Trưởng ban)" in str(err)


@pytest.mark.parametrize("decision, message", [
    ({"number_symbol": "QĐ-UBND"}, "Số, ký hiệu không đúng dạng"),
    ({"issued_on": "31/02/2025"}, "không tồn tại"),
    ({"issued_on": "2025/13/40"}, "không đúng dạng"),
    ({"kind": "abolish"}, "Loại quyết định"),
])
def test_decision_particulars_are_validated(db, decision, message):
    err = _establish_fails(db, [_m("head", "Người Một")], **decision)
    assert message in str(err)


def test_member_input_is_validated(db):
    assert "Chức danh trong Ban không hợp lệ" in str(_establish_fails(db, [_m("chief", "Người Một")]))
    assert "Cần chọn người, hoặc ghi chức vụ" in str(_establish_fails(db, [MemberInput("head")]))
    err = _establish_fails(db, [_m("head", "Người Một")], effective_on="14/08/2025")
    assert "không thể trước ngày ký" in str(err)


def test_person_and_organization_created_on_the_spot_or_offered_as_duplicates(db):
    pb = establish(db)
    decision = DecisionInput("00500/QĐ-UBND", "01/04/2026", issued_by="Chủ tịch UBND tỉnh")
    before = (_rows(db, Decision), _rows(db, BoardMembership))
    # Typed again by hand: the existing person is offered instead of a silent second record.
    with pytest.raises(people.DuplicatePersonError) as err, db.unit_of_work() as s:
        decisions.apply_decision(s, pb.board_id, decision, joining=[
            MemberInput("member", new_person=PersonInput("Hoàng văn giả định", phone="0905.000.002"))])
    assert [c.full_name for c in err.value.candidates] == ["Hoàng Văn Giả Định"]
    assert (_rows(db, Decision), _rows(db, BoardMembership)) == before
    with db.unit_of_work() as s:
        result = decisions.apply_decision(s, pb.board_id, decision, joining=[
            MemberInput("member", new_person=PersonInput("Ngô Văn Mới", "Giám đốc"),
                        new_organization=orgs.OrganizationInput("Sở Thử nghiệm tỉnh Đắk Lắk", "Sở Thử nghiệm")),
            MemberInput("member", new_organization=orgs.OrganizationInput("Công an tỉnh Thử", kind="police")),
        ])
    new, agency = result.joined
    assert (new.position, new.organization_name) == ("Giám đốc Sở Thử nghiệm", "Sở Thử nghiệm tỉnh Đắk Lắk")
    assert (agency.full_name, agency.position) == (None, "Công an tỉnh Thử")
    with db.unit_of_work() as s:
        assert people.get_person(s, new.person_id).organization_id == new.organization_id


def test_a_member_is_a_reference_a_person_an_agency_or_the_words_of_the_decision(db):
    pb = establish(db)
    with db.unit_of_work() as s:
        merged_away = people.create_person(s, PersonInput("Lý Thị Trùng", "Phó Giám đốc Sở Nội vụ"))
        kept = people.create_person(s, PersonInput("Lý Thị Trùng Lặp", "Phó Giám đốc Sở Nội vụ", phone="0905 111 222"))
        people.merge_people(s, kept.id, merged_away.id)
        police = orgs.create_organization(s, orgs.OrganizationInput("Công an tỉnh Đắk Lắk", kind="police")).id
        gone = orgs.create_organization(s, orgs.OrganizationInput("Sở Đã Giải Thể")).id
        orgs.delete_organization(s, gone)
    decision = DecisionInput("00501/QĐ-UBND", "01/04/2026", issued_by="Chủ tịch UBND tỉnh")
    with db.unit_of_work() as s:
        result = decisions.apply_decision(s, pb.board_id, decision, joining=[
            MemberInput("member", holder=Reference(person_id=merged_away.id)),  # the merged record is followed
            MemberInput("member", holder=Reference(organization_id=police)),  # the agency's own seat
            MemberInput("member", holder=Reference(text="  Giám đốc  Sở Xây dựng ")),  # the decision's words
        ])
    person, agency, words = result.joined
    assert (person.person_id, person.full_name, person.position) == (kept.id, "Lý Thị Trùng Lặp",
                                                                     "Phó Giám đốc Sở Nội vụ")
    assert (agency.full_name, agency.position, agency.organization_id) == (None, "Công an tỉnh Đắk Lắk", police)
    assert (words.full_name, words.position) == (None, "Giám đốc Sở Xây dựng")
    # The shared reference rules, with their messages, on the member's field.
    for holder, message in [
        (Reference(organization_id=gone), "đã bị xóa khỏi danh mục"),
        (Reference(person_id=kept.id, text="Ông Lý"), "không ghi thêm tên cơ quan"),
        (Reference(text="x" * 501), "dài quá 500 ký tự"),
    ]:
        with pytest.raises(ValidationError, match=message) as err, db.unit_of_work() as s:
            decisions.apply_decision(s, pb.board_id, dataclasses.replace(decision, number_symbol="00502/QĐ-UBND"),
                                     joining=[MemberInput("member", holder=holder)])
        assert err.value.field == "holder"


def test_number_symbol_is_normalised_and_unique_per_year(db):
    assert decisions.normalize_number_symbol("Số: 01620 / QĐ - UBND") == "01620/QĐ-UBND"
    pb = establish(db)
    with pytest.raises(ValidationError, match="Đã có Quyết định số 01620/QĐ-UBND"), db.unit_of_work() as s:
        decisions.apply_decision(s, pb.board_id, DecisionInput("01620/QĐ-UBND", "01/12/2025"),
                              joining=[_m("member", "Người Một")])


def test_reorganisation_errors_leave_nothing_even_if_the_caller_carries_on(db):
    pb = establish(db)
    before = (_rows(db, Decision), _rows(db, BoardMembership))
    head = member_id(pb.first, "Trần Văn Thử")
    with db.unit_of_work() as s:
        # Ends the head without a new one: refused after the decision row and the end were already flushed.
        with pytest.raises(ValidationError, match="không có Trưởng ban"):
            decisions.apply_decision(s, pb.board_id, DecisionInput("00300/QĐ-UBND", "01/02/2026"), ending=[head])
        with pytest.raises(ValidationError, match="không thể kết thúc"):
            decisions.apply_decision(s, pb.board_id, DecisionInput("00301/QĐ-UBND", "01/10/2025"), ending=[head])
        with pytest.raises(NotFoundError):
            decisions.apply_decision(s, pb.board_id, DecisionInput("00302/QĐ-UBND", "01/02/2026"), ending=["nope"])
    assert (_rows(db, Decision), _rows(db, BoardMembership)) == before
    with db.unit_of_work() as s:
        assert s.get(BoardMembership, head).end_date is None


def test_ending_twice_is_refused(db):
    pb = establish(db)
    reorganise(db, pb)
    with pytest.raises(ValidationError, match="đã thôi làm thành viên từ ngày 20/01/2026"), db.unit_of_work() as s:
        decisions.apply_decision(s, pb.board_id, DecisionInput("00400/QĐ-UBND", "01/03/2026"),
                              ending=[member_id(pb.first, "Lê Văn Mẫu")])


def test_printed_position_is_kept_when_the_person_changes_title(db):
    pb = establish(db)
    with db.unit_of_work() as s:
        m = s.get(BoardMembership, member_id(pb.first, "Hoàng Văn Giả Định"))
        people.update_person(s, m.person_id, PersonInput("Hoàng Văn Giả Định", "Nghỉ hưu", phone="+84 905 000 002"))
    with db.unit_of_work() as s:
        row = next(r for r in memberships.roster_on(s, pb.board_id, ESTABLISHED) if r.full_name == "Hoàng Văn Giả Định")
    assert row.position == "Giám đốc Sở Xây dựng"


def test_reorder_and_move_within_a_role(db):
    pb = establish(db)
    reorganise(db, pb)
    with db.unit_of_work() as s:
        members = memberships.roster_on(s, pb.board_id, REORGANISED)
        ids = [m.id for m in members]
        moved = memberships.move_member(s, members[-1].id, -1, REORGANISED)  # last Ủy viên one place up
    assert [m.id for m in moved] == ids[:-2] + [ids[-1], ids[-2]]
    with db.unit_of_work() as s:
        # Moving past the top of its role stops there; the roster stays grouped by role.
        again = memberships.move_member(s, ids[-1], -10, REORGANISED)
        assert [m.id for m in again] == ids[:-2] + [ids[-1], ids[-2]]
        # A full reordering that puts an Ủy viên first still prints the head first.
        reordered = memberships.reorder_members(s, pb.board_id, list(reversed(ids)), REORGANISED)
    assert reordered[0].role == "head"
    assert [m.id for m in reordered if m.role == "member"] == [ids[-1], ids[-2]]
    with db.unit_of_work() as s, pytest.raises(ValidationError, match="không thuộc danh sách"):
        memberships.reorder_members(s, pb.board_id, [member_id(pb.first, "Lê Văn Mẫu")], REORGANISED)


def test_correcting_a_member_and_a_decision_date(db):
    pb = establish(db)
    seat = member_id(pb.first, "Giám đốc Sở Y tế")
    with db.unit_of_work() as s:
        fixed = memberships.update_member(s, seat, MemberInput("member", position_text="Giám đốc Sở Y tế tỉnh",
                                                          responsibility="Y tế\n  - Cứu thương  "))
    assert fixed.position == "Giám đốc Sở Y tế tỉnh" and fixed.responsibility == "Y tế\n- Cứu thương"
    with db.unit_of_work() as s, pytest.raises(ValidationError, match="không có Trưởng ban"):
        memberships.update_member(s, member_id(pb.first, "Trần Văn Thử"),
                             MemberInput("member", holder=Reference(person_id=s.get(BoardMembership, member_id(
                                 pb.first, "Trần Văn Thử")).person_id)))
    with db.unit_of_work() as s:
        moved = decisions.update_decision(s, pb.first.decision.id, DecisionInput(
            "01620/QĐ-UBND", "10/10/2025", kind="establish", issued_by="Chủ tịch UBND tỉnh"))
        assert moved.issued_on == dt.date(2025, 10, 10)
        assert memberships.roster_on(s, pb.board_id, ESTABLISHED) == []
        assert len(memberships.roster_on(s, pb.board_id, "10/10/2025")) == 6


def test_scanned_decision_is_attached_by_content(db, tmp_path):
    pb = establish(db)
    scan = tmp_path / "QD-01620.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    with db.unit_of_work() as s:
        decision = decisions.attach_decision_file(s, pb.first.decision.id, scan)
    assert decision.attachment_filename == "QD-01620.pdf"
    stored = list((db.path.parent / (db.path.name + ".files")).iterdir())
    assert [p.read_bytes() for p in stored] == [b"%PDF-1.4 scan"]


def test_boards_are_listed_and_resolved(db):
    pb = establish(db)
    with db.unit_of_work() as s:
        commune = boards.create_board(s, boards.BoardInput("Ban Chỉ huy Phòng thủ dân sự xã Hòa Thử", "xã Hòa Thử",
                                                           "commune"))
        assert [b.id for b in boards.list_boards(s)] == [pb.board_id, commune.id]
        assert boards.resolve_board(s).id == pb.board_id  # this office's board
        assert boards.resolve_board(s, "hoa thu").id == commune.id
        assert boards.resolve_board(s, pb.board_id[:8]).id == pb.board_id
        with pytest.raises(PtdsError, match="khớp nhiều"):
            boards.resolve_board(s, "phong thu dan su")
        with pytest.raises(ValidationError, match="đã có thành viên"):
            boards.delete_board(s, pb.board_id)


def test_cli_lists_the_roster_on_a_date(ptds, tmp_path):
    path = tmp_path / "cli.db"
    reorganised_database(path)

    r = ptds("--db", path, "roster", "list", "--on", "19/01/2026", "--json")
    assert r.returncode == 0, r
    data = json.loads(r.stdout)
    assert data["on"] == "2026-01-19" and data["decision"]["number_symbol"] == "01620/QĐ-UBND"
    assert [m["full_name"] for m in data["members"]][:3] == ["Trần Văn Thử", "Nguyễn Thiên Văn", "Lê Văn Mẫu"]
    assert data["members"][1]["phone_display"] == "0819.449.153"

    r = ptds("--db", path, "roster", "list", "--on", "2026-01-20")
    assert r.returncode == 0, r
    assert "Đỗ Văn Thay Thế" in r.stdout and "Lê Văn Mẫu" not in r.stdout
    assert "Theo Quyết định số 00215/QĐ-UBND ngày 20/01/2026" in r.stdout

    r = ptds("--db", path, "roster", "history", data["members"][1]["person_id"])
    assert r.returncode == 0, r
    assert "09/10/2025" in r.stdout and "Phó Trưởng ban thường trực" in r.stdout and "01620/QĐ-UBND" in r.stdout

    r = ptds("--db", path, "roster", "list", "--board", "khong co")
    assert r.returncode == 2 and "Không tìm thấy Ban Chỉ huy" in r.stderr
    r = ptds("--db", path, "roster", "list", "--on", "32/01/2026")
    assert r.returncode == 2 and "không tồn tại" in r.stderr


def test_a_mistaken_entry_deleted_can_be_restored_and_the_only_head_cannot_be_deleted(db):
    pb = establish(db)
    head = member_id(pb.first, "Trần Văn Thử")
    mistaken = member_id(pb.first, "Hoàng Văn Giả Định")
    with db.unit_of_work() as s:
        memberships.delete_membership(s, mistaken)
    with db.unit_of_work() as s:
        assert "Hoàng Văn Giả Định" not in [m.full_name for m in memberships.roster_on(s, pb.board_id, ESTABLISHED)]
        memberships.restore_membership(s, mistaken)
    with db.unit_of_work() as s:
        assert "Hoàng Văn Giả Định" in [m.full_name for m in memberships.roster_on(s, pb.board_id, ESTABLISHED)]

    # The board rules hold for deletions too: without its head the board would break them.
    with db.unit_of_work() as s, pytest.raises(ValidationError, match="Trưởng ban"):
        memberships.delete_membership(s, head)


def test_a_decision_date_in_the_future_or_before_the_founding_is_questioned(db):
    pb = establish(db)  # founded by 01620/QĐ-UBND of 09/10/2025
    today = dt.date(2026, 12, 2)
    with db.unit_of_work() as s:
        assert decision_date_concerns(s, pb.board_id, dt.date(2026, 3, 1), today=today) == []
        assert decision_date_concerns(s, pb.board_id, today, today=today) == []
        future = decision_date_concerns(s, pb.board_id, dt.date(2026, 12, 15), today=today)
        assert future == ["Ngày ký 15/12/2026 là một ngày trong tương lai (hôm nay là 02/12/2026)."]
        early = decision_date_concerns(s, pb.board_id, dt.date(2020, 1, 1), today=today)
        assert early == ["Ngày ký 01/01/2020 trước ngày Ban được thành lập (09/10/2025, Quyết định số "
                         "01620/QĐ-UBND): khi đó Ban chưa có thành viên nào."]
        # correcting the founding decision's own date: nothing earlier to compare with
        assert decision_date_concerns(s, pb.board_id, dt.date(2025, 10, 1), pb.first.decision.id, today=today) == []


def test_a_role_change_in_a_reorganisation_is_one_step(db):
    pb = establish(db)
    deputy = member_id(pb.first, "Lê Văn Mẫu")
    with db.unit_of_work() as s:
        result = decisions.apply_decision(s, pb.board_id, DecisionInput("00216/QĐ-UBND", "20/01/2026"),
                                          role_changes={deputy: "standing_member"})
        assert [m.full_name for m in result.left] == ["Lê Văn Mẫu"]
        assert [(m.full_name, m.role, m.position) for m in result.joined] == [
            ("Lê Văn Mẫu", "standing_member", pb.first.joined[2].position)]
        after = {m.full_name: m.role for m in memberships.roster_on(s, pb.board_id, "21/01/2026")}
        before = {m.full_name: m.role for m in memberships.roster_on(s, pb.board_id, "19/01/2026")}
    assert (before["Lê Văn Mẫu"], after["Lê Văn Mẫu"]) == ("deputy", "standing_member")
    with db.unit_of_work() as s:
        history = roster.person_history(s, pb.first.joined[2].person_id)
    assert [(m.role, m.start_date, m.end_date) for m in history] == [
        ("deputy", ESTABLISHED, REORGANISED), ("standing_member", REORGANISED, None)]
