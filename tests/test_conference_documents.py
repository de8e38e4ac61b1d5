"""The text of each conference document, built from the demo conference of 12/3/2026 (seed 000)."""

import datetime as dt

import pytest

from ptds_desktop import datafile
from ptds_desktop.documents import (
    Closing,
    ListItem,
    Paragraph,
    SectionHeading,
    SectionRow,
    Table,
)
from ptds_desktop.documents.text import (
    heading_text,
    number_line,
    plain,
    recipient_lines,
)
from ptds_desktop.errors import PtdsError
from ptds_desktop.services import conference_documents as docs
from ptds_desktop.services import conference_invitees as inv
from ptds_desktop.services import conference_venues as ven
from ptds_desktop.services import conferences as conf
from tests.conference_fixtures import bridge_conference, demo_conference_id


@pytest.fixture
def demo(db):
    datafile.load_demo(db)
    with db.unit_of_work() as s:
        yield s, demo_conference_id(s)


def lines(section) -> list[str]:
    """Every printed line of a section's body, as the renderers print it."""
    out = []
    for block in section.blocks:
        if isinstance(block, SectionHeading):
            out.append(heading_text(block))
        elif isinstance(block, Paragraph):
            out.append(plain(block.text))
        elif isinstance(block, ListItem):
            out.append(f"{block.marker} {plain(block.text)}")
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [row.text] if isinstance(row, SectionRow) else ["" if c is None else str(c) for c in row]
                out.append(" | ".join(cells))
        elif isinstance(block, Closing):
            if block.recipients:
                out += recipient_lines(block.recipients)
            if block.signature:
                out += [*block.signature.position_lines, block.signature.name or ""]
    return out


def test_plan_carries_every_section_of_seed_000_from_the_data(demo):
    s, cid = demo
    plan = docs.build_plan(s, cid)
    (section,) = plan.sections
    text = lines(section)
    headings = [t for t in text if t.split(". ")[0] in ("I", "II", "III", "IV", "V", "VI")]
    assert headings == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG, CHƯƠNG TRÌNH HỘI NGHỊ",
                        "III. THỜI GIAN, HÌNH THỨC, ĐỊA ĐIỂM", "IV. THÀNH PHẦN THAM GIA", "V. CÔNG TÁC BẢO ĐẢM",
                        "VI. TỔ CHỨC THỰC HIỆN"]
    assert section.title.kind == "KẾ HOẠCH"
    assert section.title.summary == ("Tổ chức Hội nghị sơ kết công tác phòng thủ dân sự năm 2025, triển khai nhiệm vụ "
                                     "trọng tâm năm 2026")
    assert section.heading.issuer.parent == "UBND TỈNH ĐẮK LẮK" and number_line(section.heading) .endswith("/KH-BCH")
    assert text[text.index("1. Mục đích") + 1].startswith("Đánh giá toàn diện kết quả chỉ đạo")
    assert "- Tham gia Hội nghị đúng thành phần, thời gian theo quy định;" in text
    assert "- Hội nghị thảo luận;" in text and "- Kết thúc Hội nghị." in text
    assert "1. Thời gian: 01 buổi, dự kiến bắt đầu lúc 14.00 ngày 12/03/2026." in text
    assert ("2. Hình thức tổ chức: Trực tiếp tại trụ sở UBND tỉnh kết hợp trực tuyến đến trụ sở UBND các xã, phường."
            in text)
    assert ("- Điểm cầu chính: Phòng họp trực tuyến trụ sở HĐND và UBND tỉnh (số 09 Lê Duẩn, phường Buon Ma Thuột)."
            in text)
    military = next(t for t in text if t.startswith("- Lữ đoàn ĐC 198/BCĐC; Lữ đoàn 682/Vùng 4 HQ;"))
    assert military.endswith("; Đoàn KTQP 737/qk5.") and military.count(";") == 13
    assert "+ Lãnh đạo Thường trực Tỉnh ủy;" in text and "- Kính mời" in text
    assert "HỘI NGHỊ SƠ KẾT CÔNG TÁC PHÒNG THỦ DÂN SỰ NĂM 2025, TRIỂN KHAI NHIỆM VỤ TRỌNG TÂM NĂM 2026" in text
    assert "Đắk Lắk, ngày 12 tháng 3 năm 2026" in text
    assert any(t.startswith("2. Bảo đảm phương tiện: Các cơ quan") for t in text)
    assert any(t.startswith("3. Trang phục: Đại biểu tham dự") for t in text)
    assert "1. Bộ CHQS tỉnh (Cơ quan Thường trực Ban Chỉ huy PTDS tỉnh)" in text
    assert "4. Báo và Phát thanh, Truyền hình Đắk Lắk" in text
    assert any("gửi nội dung tham luận về Bộ CHQS tỉnh" in t for t in text)
    assert not any(t.startswith("Đầu mối liên hệ") for t in text)  # the contact is already in the duties' text
    assert text[text.index("- Thường trực Tỉnh ủy (b/c);") - 1].endswith("tổ chức triển khai thực hiện./.")
    assert "- Lưu: VT, NC. (N_56)" in text
    assert text[-4:] == ["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH UBND TỈNH", "Nguyễn Thiên Văn"]


def test_plan_of_a_sparse_conference_numbers_only_the_sections_it_has(db):
    with db.unit_of_work() as s:
        c = conf.create_conference(s, conf.ConferenceInput("Hội nghị tập huấn", dt.datetime(2026, 5, 4, 8, 0),
                                                           number_symbol="12/KH-BCH", issued_on=dt.date(2026, 4, 20)))
        ven.add_agenda_item(s, c.id, ven.AgendaItemInput("Khai mạc", "08:00", 15))
        (section,) = docs.build_plan(s, c.id).sections
    text = lines(section)
    assert [t for t in text if t[:3] in ("I. ", "II.")] == ["I. NỘI DUNG, CHƯƠNG TRÌNH HỘI NGHỊ",
                                                           "II. THỜI GIAN, HÌNH THỨC, ĐỊA ĐIỂM"]
    assert "- 08:00: Khai mạc; 15 phút." in text
    assert "2. Hình thức tổ chức: Trực tiếp./." in text  # the last words of the body carry the end mark
    assert number_line(section.heading) == "Số: 12/KH-BCH" and section.heading.date == dt.date(2026, 4, 20)


def test_invitations_one_page_per_invitee_or_per_organization(demo):
    s, cid = demo
    per_invitee = docs.build_invitations(s, cid)
    per_org = docs.build_invitations(s, cid, per="organization")
    assert len(per_invitee.sections) == 24
    first = lines(per_invitee.sections[0])
    assert per_invitee.sections[0].title.kind == "GIẤY MỜI"
    assert first[:2] == ["Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk trân trọng kính mời:",
                         "Lãnh đạo Thường trực Tỉnh ủy"]
    assert "Thời gian: 14 giờ 00 phút, ngày 12/03/2026 (01 buổi)." in first
    assert ("Địa điểm: Phòng họp trực tuyến trụ sở HĐND và UBND tỉnh (số 09 Lê Duẩn, phường Buon Ma Thuột)."
            in first)
    commune = lines(per_invitee.sections[21])
    assert commune[1].startswith("Chủ tịch UBND các xã, phường")
    assert "Địa điểm: Phòng họp trực tuyến UBND các xã, phường." in commune
    assert all(sec.restart_page_numbers for sec in per_invitee.sections)
    assert "Nguyễn Thiên Văn" in first
    # Per organization: addressed to the unit, the invitee's wording as who attends.
    assert len(per_org.sections) == 24
    assert lines(per_org.sections[0])[1:3] == ["Thường trực Tỉnh ủy Đắk Lắk",
                                               "Thành phần: Lãnh đạo Thường trực Tỉnh ủy."]


def test_invitations_per_organization_list_who_attends_and_summoned_members_get_a_summons(db):
    from tests.roster_fixtures import establish

    board = establish(db)
    with db.unit_of_work() as s:
        c = conf.create_conference(s, conf.ConferenceInput("Hội nghị Ban Chỉ huy", dt.datetime(2026, 6, 1, 8, 0),
                                                           board_id=board.board_id))
        main = ven.add_venue(s, c.id, ven.VenueInput("Hội trường UBND tỉnh", "main", "09 Lê Duẩn"))
        inv.add_board_members(s, c.id, board.board_id, venue_id=main.id)
        per_org = docs.build_invitations(s, c.id, per="organization")
        with pytest.raises(PtdsError, match="theo “venue”"):
            docs.build_invitations(s, c.id, per="venue")
    addressed = {lines(sec)[1]: lines(sec) for sec in per_org.sections}
    ubnd = addressed["Ủy ban nhân dân tỉnh Đắk Lắk"]
    assert per_org.sections[0].title.kind == "GIẤY TRIỆU TẬP"
    assert ubnd[0] == "Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk triệu tập:"
    assert ubnd[2] == "Thành phần: Trần Văn Thử, Chủ tịch UBND tỉnh; Nguyễn Thiên Văn, Phó Chủ tịch UBND tỉnh."


def test_attendee_list_groups_by_venue_with_replies_and_a_signature_column(demo):
    s, cid = demo
    people = inv.list_invitees(s, cid)
    inv.set_reply(s, [people[0].id], "confirmed")
    inv.set_reply(s, [people[21].id], "declined")
    document = docs.build_attendees(s, cid)
    workbook = docs.build_attendees(s, cid, one_table=True)
    assert len(document.sections) == 2  # the two venues that have invitees, each on its own pages
    main = lines(document.sections[0])
    assert main[0] == "Điểm cầu: Phòng họp trực tuyến trụ sở HĐND và UBND tỉnh (số 09 Lê Duẩn, phường Buon Ma Thuột)"
    assert main[1] == "Tại điểm cầu UBND tỉnh"
    assert main[2] == "1 | Lãnh đạo Thường trực Tỉnh ủy | Thường trực Tỉnh ủy Đắk Lắk | Xác nhận dự | "
    assert main[-1] == ("Tổng số: 21 đại biểu; xác nhận dự 1, có mặt 0, báo vắng 0, chưa trả lời 20.")
    communes = lines(document.sections[1])
    assert communes[-1] == "Tổng số: 3 đại biểu; xác nhận dự 0, có mặt 0, báo vắng 1, chưa trả lời 2."
    table = next(b for b in document.sections[0].blocks if isinstance(b, Table))
    assert [c.label for c in table.columns][-1] == "Ký tên" and table.row_height
    (sheet,) = workbook.sections
    rows = lines(sheet)
    assert rows[0] == ("Phòng họp trực tuyến trụ sở HĐND và UBND tỉnh (số 09 Lê Duẩn, phường Buon Ma Thuột)"
                       " — 21 đại biểu")
    assert "Phòng họp trực tuyến UBND các xã, phường — 3 đại biểu" in rows


def test_programme_fits_the_agenda_on_one_page_with_running_times(db):
    with db.unit_of_work() as s:
        c = conf.create_conference(s, conf.ConferenceInput("Hội nghị", dt.datetime(2026, 3, 12, 14, 0)))
        ven.add_venue(s, c.id, ven.VenueInput("Hội trường tỉnh", "main"))
        ven.add_agenda_item(s, c.id, ven.AgendaItemInput("Khai mạc", duration_minutes=10))
        ven.add_agenda_item(s, c.id, ven.AgendaItemInput("Báo cáo", duration_minutes=25))
        ven.add_agenda_item(s, c.id, ven.AgendaItemInput("Thảo luận", "15:00"))
        ven.add_agenda_item(s, c.id, ven.AgendaItemInput("Kết luận"))
        document = docs.build_programme(s, c.id)
    (section,) = document.sections
    assert section.title.kind == "CHƯƠNG TRÌNH" and not section.page_numbers
    assert lines(section) == ["Thời gian: 14.00 ngày 12/03/2026.", "Địa điểm: Hội trường tỉnh.",
                              "14.00 | Khai mạc |  | 10", "14.10 | Báo cáo |  | 25", "15.00 | Thảo luận |  | ",
                              " | Kết luận |  | "]


def test_backdrop_is_a3_landscape_in_large_type(demo):
    s, cid = demo
    (section,) = docs.build_backdrop(s, cid).sections
    assert (section.page.size, section.page.orientation) == ("A3", "landscape") and section.heading is None
    assert lines(section) == ["BAN CHỈ HUY PHÒNG THỦ DÂN SỰ TỈNH ĐẮK LẮK",
                              "HỘI NGHỊ SƠ KẾT CÔNG TÁC PHÒNG THỦ DÂN SỰ NĂM 2025, "
                              "TRIỂN KHAI NHIỆM VỤ TRỌNG TÂM NĂM 2026",
                              "Đắk Lắk, ngày 12 tháng 3 năm 2026"]
    assert min(b.size for b in section.blocks) >= 30 and section.blocks[1].size > section.blocks[0].size


def test_long_builds_report_progress_and_stop_when_cancelled(db):
    with db.unit_of_work() as s:
        c = conf.create_conference(s, conf.ConferenceInput("Hội nghị trực tuyến", dt.datetime(2026, 3, 12, 14, 0),
                                                           format="online"))
        sites, people = bridge_conference(s, c.id, 12)
        seen = []
        document = docs.build_invitations(s, c.id, progress=lambda done, total, label: seen.append((done, total)))
        asked = []

        def cancel_after_five() -> bool:
            asked.append(1)
            return len(asked) > 5

        with pytest.raises(docs.ExportCancelled):
            docs.build_attendees(s, c.id, is_cancelled=cancel_after_five)
    assert (sites, people) == (12, 36) and len(document.sections) == 36
    assert seen[0] == (0, 36) and seen[-1] == (36, 36) and len(seen) == 37
    assert len(asked) == 6  # stopped at the sixth venue's check, nothing built after it
