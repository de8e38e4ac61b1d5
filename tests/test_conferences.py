"""Conference services: the demo conference of 12/3/2026 (seed 000), attendee counting, overdue logic,
the review template and duplication."""

import dataclasses
import datetime as dt

import pytest

from ptds_desktop import datafile
from ptds_desktop.errors import ValidationError
from ptds_desktop.services import conference_invitees as inv
from ptds_desktop.services import conference_preparation as prep
from ptds_desktop.services import conference_templates as tpl
from ptds_desktop.services import conference_venues as ven
from ptds_desktop.services import conferences as conf
from ptds_desktop.services.references import Reference
from tests.conference_fixtures import bridge_conference, demo_conference_id
from tests.roster_fixtures import establish

DAY = dt.datetime(2026, 3, 12, 14, 0)


@pytest.fixture
def demo_db(db):
    datafile.load_demo(db)
    return db


@pytest.fixture
def demo_id(demo_db):
    with demo_db.unit_of_work() as s:
        return demo_conference_id(s)


def _counts_by_name(rows):
    return {r.name: (r.counts.total, r.counts.expected) for r in rows}


# ---------------------------------------------------------------- the demo conference


def test_demo_conference_is_listed_with_its_date_format_and_distribution(demo_db, demo_id):
    with demo_db.unit_of_work() as s:
        listed = conf.list_conferences(s)
        found = conf.list_conferences(s, "so ket phong thu")
        recipients = conf.recipients(s, demo_id)
        sig = conf.signature(s, demo_id)
        venues = ven.list_venues(s, demo_id)
    assert [c.id for c in listed] == [demo_id] == [c.id for c in found]
    c = listed[0]
    assert (c.date_label, c.format_label, c.duration_text) == ("12/03/2026", "Trực tiếp kết hợp trực tuyến", "01 buổi")
    assert c.contact_person_name == "Sơn"
    assert recipients[0].label == "Thường trực Tỉnh ủy (b/c)" and recipients[-1].text == "Lưu VT, NC."
    assert (sig.authority, sig.signer_name, sig.drafter_note) == ("KT. TRƯỞNG BAN", "Nguyễn Thiên Văn", "N_56")
    assert venues[0].kind == "main" and "09 Lê Duẩn" in venues[0].place_label


def test_demo_attendees_are_counted_per_venue_and_group_as_replies_come_in(demo_db, demo_id):
    with demo_db.unit_of_work() as s:
        before = inv.count_invitees(s, demo_id)
        people = inv.list_invitees(s, demo_id)
        military = [p.id for p in people if p.group_name.startswith("Các đơn vị Quân đội")]
        inv.set_reply(s, military[:10], "confirmed")
        inv.set_reply(s, military[10:12], "declined")
        inv.set_reply(s, [people[0].id], "attended")
        after = inv.count_invitees(s, demo_id)
    assert before.total == inv.ReplyCounts(invited=24) and before.total.expected == 0
    assert before.invited_guests == 24 and before.summoned_members == 0
    assert _counts_by_name(before.by_venue) == {
        "Phòng họp trực tuyến trụ sở HĐND và UBND tỉnh": (21, 0),
        "Phòng họp trực tuyến UBND tỉnh (cơ sở 2)": (0, 0),
        "Phòng họp trực tuyến UBND các xã, phường": (3, 0),
    }
    assert len(military) == 14
    assert after.total == inv.ReplyCounts(invited=11, confirmed=10, declined=2, attended=1)
    assert after.total.expected == 11
    by_group = _counts_by_name(after.by_group)
    assert by_group["Tại điểm cầu UBND tỉnh"] == (5, 1)
    military = "Các đơn vị Quân đội hiệp đồng làm nhiệm vụ trên địa bàn: Mời đại diện chỉ huy các đơn vị"
    assert by_group[military] == (14, 10)


def test_a_reply_outside_the_four_statuses_is_refused_and_nothing_changes(demo_db, demo_id):
    with demo_db.unit_of_work() as s:
        ids = [p.id for p in inv.list_invitees(s, demo_id)]
    with pytest.raises(ValidationError, match="Trạng thái trả lời không hợp lệ"), demo_db.unit_of_work() as s:
        inv.set_reply(s, ids[:1], "confirmed")
        inv.set_reply(s, ids[1:2], "maybe")
    with demo_db.unit_of_work() as s:
        assert {p.status for p in inv.list_invitees(s, demo_id)} == {"invited"}


def test_agenda_times_are_read_as_plans_print_them_and_impossible_times_refused(demo_db, demo_id):
    with demo_db.unit_of_work() as s:
        item = ven.add_agenda_item(s, demo_id, ven.AgendaItemInput("Tham luận của Sở Y tế", "15h30", 7,
                                                                   Reference(text="Giám đốc Sở Y tế")))
        moved = ven.move_agenda_item(s, item.id, -10)
    assert (item.start_time, item.presenter_label) == ("15:30", "Giám đốc Sở Y tế")
    assert moved[0].id == item.id and [a.sort_order for a in moved] == list(range(1, 8))
    with pytest.raises(ValidationError, match="giờ:phút"), demo_db.unit_of_work() as s:
        ven.add_agenda_item(s, demo_id, ven.AgendaItemInput("Kết thúc", "25:10"))


# ---------------------------------------------------------------- invitees in bulk


def test_a_whole_board_is_summoned_in_one_action_and_not_twice(db):
    board = establish(db)
    with db.unit_of_work() as s:
        c = conf.create_conference(s, conf.ConferenceInput("Hội nghị triển khai", DAY, board_id=board.board_id))
        main = ven.add_venue(s, c.id, ven.VenueInput("Hội trường Bộ CHQS tỉnh", "main"))
        first = inv.add_board_members(s, c.id, board.board_id, venue_id=main.id)
        again = inv.add_board_members(s, c.id, board.board_id, venue_id=main.id)
        counts = inv.count_invitees(s, c.id)
    assert len(first) == 6 and again == []
    assert first[0].label == "Trần Văn Thử, Chủ tịch UBND tỉnh"
    assert first[4].label == "Giám đốc Sở Y tế"  # a seat named by the decision, not a person
    assert {p.mode_label for p in first} == {"Triệu tập"}
    assert counts.summoned_members == 6 and counts.by_venue[0].counts.total == 6


def test_every_commune_board_chair_chairs_its_own_bridge_site(db):
    with db.unit_of_work() as s:
        c = conf.create_conference(s, conf.ConferenceInput("Hội nghị trực tuyến", DAY, format="online"))
        sites, people = bridge_conference(s, c.id, 3)
        rerun = inv.add_commune_chairs(s, c.id)
        venues = ven.list_venues(s, c.id)
        counts = inv.count_invitees(s, c.id)
    assert (sites, people) == (3, 9) and rerun == []
    assert [v.name for v in venues] == [f"Điểm cầu UBND xã Ea Thử {n:03d}" for n in (1, 2, 3)]
    assert venues[0].chair_label == "Chủ Tịch 001, Chủ tịch UBND xã Ea Thử 001"  # the head, by name and title
    assert venues[0].chair.person_id is not None
    assert [r.counts.total for r in counts.by_venue] == [3, 3, 3]
    assert (counts.invited_guests, counts.summoned_members) == (3, 6)


def test_organizations_from_the_catalogue_are_invited_once(demo_db, demo_id):
    from ptds_desktop.services.organizations import find_by_name

    with demo_db.unit_of_work() as s:
        farming = find_by_name(s, "Sở Nông nghiệp và Môi trường").id
        main = ven.main_venue(s, demo_id)
        added = inv.add_organizations(s, demo_id, [farming, farming], venue_id=main.id)
        with pytest.raises(ValidationError, match="đã có trong danh sách"):
            inv.add_invitee(s, demo_id, inv.InviteeInput(Reference(organization_id=farming), main.id))
        count = inv.count_invitees(s, demo_id).total.total
    assert [a.label for a in added] == ["Sở Nông nghiệp và Môi trường tỉnh Đắk Lắk"] and count == 25


# ---------------------------------------------------------------- overdue


def test_overdue_is_past_the_due_day_and_not_done(demo_db, demo_id):
    today = dt.date(2026, 3, 6)
    with demo_db.unit_of_work() as s:
        prep.add_presentation(s, demo_id, prep.PresentationInput(None, "Tham luận A", due_on=dt.date(2026, 3, 5)))
        prep.add_presentation(s, demo_id, prep.PresentationInput(None, "Tham luận B", due_on=today))
        p_in = prep.add_presentation(s, demo_id, prep.PresentationInput(None, "Tham luận C",
                                                                         due_on=dt.date(2026, 3, 1)))
        prep.mark_presentation_received(s, p_in.id, on=dt.date(2026, 3, 2))
        d_late = prep.add_duty(s, demo_id, prep.DutyInput("Chuẩn bị maket", organization_text="Văn phòng UBND tỉnh",
                                                          due_on=dt.date(2026, 3, 4)))
        step = prep.add_milestone(s, demo_id, "Phát hành Giấy mời đại biểu", 7)  # due 05/3
        prep.add_milestone(s, demo_id, "Kiểm tra đường truyền", 1)  # due 11/3
        items = prep.checklist(s, demo_id, today)
        overview = prep.conference_overview(s, demo_id, today)
        prep.set_checklist_done(s, "milestone", step.id)
        prep.set_checklist_done(s, "duty", d_late.id)
        after = prep.conference_overview(s, demo_id, today)
        presentations = {p.topic: p for p in prep.list_presentations(s, demo_id)}
    assert step.due_on == dt.date(2026, 3, 5)
    assert presentations["Tham luận A"].overdue(today) and not presentations["Tham luận B"].overdue(today)
    received = presentations["Tham luận C"]
    assert not received.overdue(today) and received.received_on == dt.date(2026, 3, 2)
    overdue = [(i.kind, i.title) for i in items if i.overdue]
    assert overdue == [("duty", "Chuẩn bị maket"), ("milestone", "Phát hành Giấy mời đại biểu"),
                       ("presentation", "Gửi tham luận: Tham luận A")]
    dated = [i.due_on for i in items if i.due_on]
    assert dated == sorted(dated) and items[-1].due_on is None  # undated seed duties last
    assert overview.days_left == 6
    assert (overview.presentations_total, overview.presentations_received, overview.presentations_overdue) == (4, 1, 1)
    assert overview.duties_overdue == 1 and len(overview.checklist_overdue) == 3
    assert [i.title for i in overview.next_steps][:2] == ["Gửi tham luận: Tham luận B", "Kiểm tra đường truyền"]
    assert after.duties_overdue == 0 and [i.kind for i in after.checklist_overdue] == ["presentation"]


def test_presentations_default_to_seven_minutes_and_refuse_zero(demo_db, demo_id):
    with demo_db.unit_of_work() as s:
        p = prep.add_presentation(s, demo_id, prep.PresentationInput(None, "Công tác cứu hộ, cứu nạn"))
    assert p.max_minutes == 7 and not p.received
    with pytest.raises(ValidationError, match="lớn hơn 0"), demo_db.unit_of_work() as s:
        prep.add_presentation(s, demo_id, prep.PresentationInput(None, "X", max_minutes=0))


# ---------------------------------------------------------------- start quickly


def test_review_template_gives_a_complete_draft_modelled_on_seed_000(demo_db):
    with demo_db.unit_of_work() as s:
        board_id = conf.get_conference(s, demo_conference_id(s)).board_id
        c = tpl.create_review_conference(s, tpl.ReviewTemplateInput(dt.datetime(2027, 3, 10, 8, 0), board_id))
        agenda = ven.list_agenda(s, c.id)
        venues = ven.list_venues(s, c.id)
        steps = prep.list_milestones(s, c.id)
        duties = prep.list_duties(s, c.id)
        sig = conf.signature(s, c.id)
        people = inv.list_invitees(s, c.id)
    assert c.title == "Hội nghị sơ kết công tác phòng thủ dân sự năm 2026, triển khai nhiệm vụ trọng tâm năm 2027"
    assert c.backdrop_text.splitlines() == [
        "BAN CHỈ HUY PHÒNG THỦ DÂN SỰ TỈNH ĐẮK LẮK",
        "HỘI NGHỊ SƠ KẾT CÔNG TÁC PHÒNG THỦ DÂN SỰ NĂM 2026, TRIỂN KHAI NHIỆM VỤ TRỌNG TÂM NĂM 2027",
        "Đắk Lắk, ngày 10 tháng 3 năm 2027"]
    assert c.format == "hybrid" and len(agenda) == 5 and [v.kind for v in venues] == ["main", "bridge"]
    assert [(m.title.split()[0], m.due_on) for m in steps][:2] == [
        ("Trình", dt.date(2027, 2, 17)), ("Phát", dt.date(2027, 3, 3))]
    assert duties[0].heading.startswith("Bộ CHQS tỉnh (Cơ quan Thường trực") and duties[0].due_on == dt.date(2027, 3, 7)
    assert (sig.signer_name, sig.second_position) == ("Nguyễn Thiên Văn", "PHÓ CHỦ TỊCH UBND TỈNH")
    assert len(people) == 5 and people[0].venue_id == venues[0].id


def test_duplicate_moves_every_date_and_clears_replies_receipts_and_ticks(demo_db, demo_id):
    today = dt.date(2026, 3, 1)
    with demo_db.unit_of_work() as s:
        ids = [p.id for p in inv.list_invitees(s, demo_id)]
        inv.set_reply(s, ids[:5], "confirmed")
        inv.set_reply(s, ids[5:7], "attended")
        p = prep.add_presentation(s, demo_id, prep.PresentationInput(None, "Tham luận", due_on=dt.date(2026, 3, 7)))
        prep.mark_presentation_received(s, p.id, on=today)
        duty = prep.list_duties(s, demo_id)[0]
        prep.update_duty(s, duty.id, prep.DutyInput(duty.content, duty.organization_id, duty.organization_text,
                                                    dt.date(2026, 3, 9)))
        prep.set_duty_done(s, duty.id)
        step = prep.add_milestone(s, demo_id, "Phát hành Giấy mời", 7)
        prep.set_milestone_done(s, step.id)
        source = conf.update_conference(s, demo_id, dataclasses.replace(
            conf.as_input(conf.get_conference(s, demo_id)), number_symbol="56/KH-BCH", issued_on=dt.date(2026, 2, 20)))

        copy = tpl.duplicate_conference(s, demo_id, dt.datetime(2027, 3, 11, 8, 0))
        copied = inv.list_invitees(s, copy.id)
        copied_venues = {v.id for v in ven.list_venues(s, copy.id)}
        copied_presentation = prep.list_presentations(s, copy.id)[-1]
        copied_duty = prep.list_duties(s, copy.id)[0]
        copied_step = prep.list_milestones(s, copy.id)[0]
        counts_source = inv.count_invitees(s, demo_id).total
        recipients = conf.recipients(s, copy.id)
        sig = conf.signature(s, copy.id)
        agenda = ven.list_agenda(s, copy.id)
    shift = dt.date(2027, 3, 11) - dt.date(2026, 3, 12)
    assert copy.id != source.id and copy.title == source.title and copy.starts_at == dt.datetime(2027, 3, 11, 8, 0)
    assert copy.issued_on == dt.date(2026, 2, 20) + shift and copy.number_symbol is None
    assert copy.backdrop_text.splitlines()[-1] == "Đắk Lắk, ngày 11 tháng 3 năm 2027"
    assert len(copied) == 24 and {p.status for p in copied} == {"invited"}
    assert {p.venue_id for p in copied} <= copied_venues
    assert {p.group_name for p in copied} >= {"Tại điểm cầu UBND tỉnh"}
    assert copied_presentation.due_on == dt.date(2026, 3, 7) + shift and not copied_presentation.received
    assert copied_presentation.received_on is None
    assert copied_duty.due_on == dt.date(2026, 3, 9) + shift and not copied_duty.done
    assert copied_step.due_on == dt.date(2027, 3, 4) and not copied_step.done
    assert len(agenda) == 6 and len(recipients) == 8 and sig.signer_name == "Nguyễn Thiên Văn"
    assert counts_source.confirmed == 5 and counts_source.attended == 2  # the original keeps its replies


def test_deleting_a_conference_takes_its_parts_out_of_every_list(demo_db, demo_id):
    with demo_db.unit_of_work() as s:
        conf.delete_conference(s, demo_id)
        assert conf.list_conferences(s) == []
        assert inv.list_invitees(s, demo_id) == [] and ven.list_venues(s, demo_id) == []
        assert conf.recipients(s, demo_id) == []
