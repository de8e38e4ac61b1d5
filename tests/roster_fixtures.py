"""A provincial board built through the services: established by 01620/QĐ-UBND on 09/10/2025, reorganised by
00215/QĐ-UBND on 20/01/2026. Apart from Nguyễn Thiên Văn (seed 000) the names are invented for tests."""

from __future__ import annotations

import dataclasses
import datetime as dt

from ptds_desktop.services import boards, decisions
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services.decisions import DecisionInput
from ptds_desktop.services.memberships import MemberInput
from ptds_desktop.services.people import PersonInput

ESTABLISHED = dt.date(2025, 10, 9)
REORGANISED = dt.date(2026, 1, 20)


@dataclasses.dataclass
class ProvinceBoard:
    board_id: str
    first: decisions.DecisionResult
    org_ids: dict


def establish(db) -> ProvinceBoard:
    with db.unit_of_work() as s:
        ubnd = orgs.create_organization(s, orgs.OrganizationInput(
            "Ủy ban nhân dân tỉnh Đắk Lắk", short_name="UBND tỉnh", kind="people_committee")).id
        chqs = orgs.create_organization(s, orgs.OrganizationInput(
            "Bộ Chỉ huy Quân sự tỉnh Đắk Lắk", short_name="Bộ CHQS tỉnh", kind="military")).id
        board = boards.create_board(s, boards.BoardInput(
            "Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk", "tỉnh Đắk Lắk", "province",
            office_id=db.office_id(), people_committee_id=ubnd, standing_agency_id=chqs))
        first = decisions.apply_decision(
            s, board.id,
            DecisionInput("01620/QĐ-UBND", "09/10/2025", kind="establish", issued_by="Chủ tịch UBND tỉnh",
                          summary="Thành lập Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk"),
            joining=[
                MemberInput("head", new_person=PersonInput(
                    "Trần Văn Thử", "Chủ tịch UBND tỉnh", ubnd, "0912 000 001"),
                    responsibility="Lãnh đạo, chỉ đạo toàn diện hoạt động của Ban Chỉ huy."),
                MemberInput("standing_deputy", new_person=PersonInput(
                    "Nguyễn Thiên Văn", "Phó Chủ tịch UBND tỉnh", ubnd, "0819.449.153"),
                    responsibility="Giúp Trưởng ban điều hành công việc thường xuyên của Ban.\n"
                                   "- Trực tiếp chỉ đạo công tác phòng, chống thiên tai."),
                MemberInput("deputy", new_person=PersonInput("Lê Văn Mẫu", "Chỉ huy trưởng", chqs, "0905 000 003")),
                MemberInput("standing_member", new_person=PersonInput(
                    "Phạm Thị Ví Dụ", "Phó Chỉ huy trưởng, Tham mưu trưởng Bộ CHQS tỉnh", chqs)),
                MemberInput("member", position_text="Giám đốc Sở Y tế"),
                MemberInput("member", new_person=PersonInput(
                    "Hoàng Văn Giả Định", "Giám đốc Sở Xây dựng", phone="+84 905 000 002")),
            ],
        )
    return ProvinceBoard(board.id, first, {"ubnd": ubnd, "chqs": chqs})


def member_id(result: decisions.DecisionResult, name_or_position: str) -> str:
    return next(m.id for m in result.joined if name_or_position in (m.full_name, m.position))


def reorganise(db, pb: ProvinceBoard) -> decisions.DecisionResult:
    """The deputy and the health seat change: Lê Văn Mẫu leaves, Đỗ Văn Thay Thế comes; the seat gets a holder."""
    with db.unit_of_work() as s:
        return decisions.apply_decision(
            s, pb.board_id,
            DecisionInput("00215/QĐ-UBND", "20/01/2026", issued_by="Chủ tịch UBND tỉnh"),
            ending=[member_id(pb.first, "Lê Văn Mẫu"), member_id(pb.first, "Giám đốc Sở Y tế")],
            joining=[
                MemberInput("deputy", new_person=PersonInput(
                    "Đỗ Văn Thay Thế", "Chỉ huy trưởng", pb.org_ids["chqs"], "0905 000 004"), sort_order=1),
                MemberInput("member", new_person=PersonInput("Vũ Thị Tạm", "Giám đốc Sở Y tế"), sort_order=1),
            ],
        )


def reorganised_database(path) -> ProvinceBoard:
    """A closed database file at `path` holding the board, established then reorganised, for CLI tests."""
    from ptds_desktop.db.database import open_database
    from ptds_desktop.services.offices import init_office

    database = open_database(path)
    init_office(database, "Bộ CHQS tỉnh Đắk Lắk", "province", place_name="Đắk Lắk")
    pb = establish(database)
    reorganise(database, pb)
    database.close()
    return pb
