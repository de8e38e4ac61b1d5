"""Starting quickly: a review conference (hội nghị sơ kết) modelled on seed 000, or a copy of an earlier one."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptds_desktop.db.session import write_context
from ptds_desktop.errors import ValidationError
from ptds_desktop.i18n import translate
from ptds_desktop.models import CommandBoard, Conference, Office, Organization, new_id
from ptds_desktop.services.common import BOARD, get_live
from ptds_desktop.services.conference_invitees import (
    InviteeInput,
    add_group,
    add_invitees,
)
from ptds_desktop.services.conference_preparation import (
    DutyInput,
    add_duty,
    add_milestone,
)
from ptds_desktop.services.conference_venues import (
    AgendaItemInput,
    VenueInput,
    add_agenda_item,
    add_venue,
)
from ptds_desktop.services.conferences import (
    CHILD_MODELS,
    ConferenceData,
    ConferenceInput,
    RecipientData,
    SignatureData,
    create_conference,
    get_conference,
    recipients,
    set_recipients,
    set_signature,
    signature,
    to_data,
)
from ptds_desktop.services.memberships import roster_on
from ptds_desktop.services.references import Reference
from ptds_desktop.text import format_long_date

LEVEL_WORDS = {"province": "tỉnh", "commune": "xã", "department": "sở"}

# Checklist steps of seed 000's kind of conference: (what, days before the conference day).
REVIEW_MILESTONES = (
    ("Trình ký, ban hành Kế hoạch tổ chức Hội nghị", 21),
    ("Phát hành Giấy mời đại biểu tham dự Hội nghị", 7),
    ("Đôn đốc, tổng hợp nội dung tham luận của các đơn vị", 3),
    ("Hoàn thiện báo cáo trung tâm, nội dung điều hành và kết luận", 2),
    ("Kiểm tra đường truyền, hội trường, maket trang trí", 1),
)


@dataclasses.dataclass(frozen=True)
class ReviewTemplateInput:
    starts_at: dt.datetime
    board_id: str | None = None
    year: int | None = None  # the year under review; default: the year before the conference


def _office_place(session: Session) -> str | None:
    office_id = write_context(session).office_id
    office = session.get(Office, office_id) if office_id else None
    return office.place_name if office else None


def _org(session: Session, org_id: str | None) -> Organization | None:
    return session.get(Organization, org_id) if org_id else None


def create_review_conference(session: Session, data: ReviewTemplateInput) -> ConferenceData:
    """A complete draft of a review conference: texts, agenda, venues, attendee groups, duties, checklist steps,
    backdrop, recipients and (from the board's standing deputy) the signature block; all editable afterwards."""
    board = get_live(session, CommandBoard, data.board_id, BOARD) if data.board_id else None
    day = data.starts_at.date()
    year = data.year or day.year - 1
    level = LEVEL_WORDS.get(board.level if board else "province", "tỉnh")
    province = level == "tỉnh"
    committee = _org(session, board.people_committee_id if board else None)
    standing = _org(session, board.standing_agency_id if board else None)
    standing_name = (standing.short_name or standing.name) if standing else "Cơ quan Thường trực"
    board_name = board.name if board else f"Ban Chỉ huy Phòng thủ dân sự {level}"
    place = _office_place(session)
    title = f"Hội nghị sơ kết công tác phòng thủ dân sự năm {year}, triển khai nhiệm vụ trọng tâm năm {year + 1}"
    conference = create_conference(session, ConferenceInput(
        title=title, starts_at=data.starts_at, board_id=board.id if board else None, place_name=place,
        purpose=(f"Đánh giá toàn diện kết quả chỉ đạo, tổ chức thực hiện công tác phòng thủ dân sự năm {year}; "
                 "chỉ rõ những ưu điểm, hạn chế, nguyên nhân, khó khăn, vướng mắc; rút ra bài học kinh nghiệm trong "
                 "công tác tham mưu, chỉ huy, điều hành, phối hợp hiệp đồng, tổ chức lực lượng và công tác bảo đảm "
                 f"cho công tác phòng thủ dân sự năm {year}. Triển khai nhiệm vụ, giải pháp nâng cao hiệu quả thực "
                 f"hiện nhiệm vụ phòng thủ dân sự trong năm {year + 1}."),
        requirements=(
            "- Làm tốt công tác chuẩn bị; tổ chức Hội nghị đảm bảo hiệu quả, đạt được mục đích, yêu cầu đề ra;\n"
            "- Tham gia Hội nghị đúng thành phần, thời gian theo quy định;\n"
            "- Nội dung báo cáo, tham luận đảm bảo tính trung thực, khách quan, bám sát chức năng, nhiệm vụ của từng "
            "cơ quan, đơn vị, địa phương; có số liệu minh chứng cụ thể, tập trung làm rõ kết quả, những hạn chế, "
            "nguyên nhân và bài học kinh nghiệm."),
        content=(f"- Sơ kết công tác phòng thủ dân sự năm {year}, triển khai nhiệm vụ trọng tâm năm {year + 1}.\n"
                 f"- Đánh giá việc thực hiện Quy chế hoạt động của {board_name}, tập trung chỉ ra các vướng mắc, "
                 "bất cập trong quá trình thực hiện để điều chỉnh, bổ sung, hoàn thiện Quy chế."),
        duration_text="01 buổi", format="hybrid" if province else "in_person",
        format_text=(f"Trực tiếp tại trụ sở UBND {level} kết hợp trực tuyến đến trụ sở UBND các xã, phường."
                     if province else f"Trực tiếp tại trụ sở UBND {level}."),
        backdrop_text="\n".join([board_name.upper(), title.upper(),
                                 f"{place}, {format_long_date(day)}" if place else format_long_date(day)]),
        logistics=("Bảo đảm phương tiện: Các cơ quan, đơn vị, địa phương tự bảo đảm phương tiện đưa, đón cán bộ "
                   "đi và về bảo đảm an toàn.\n"
                   "Trang phục: Đại biểu tham dự hội nghị mặc trang phục lịch sự, nghiêm túc theo quy định ngành."),
        closing_text=("Nhận được Kế hoạch này, yêu cầu thủ trưởng các sở, ngành, đơn vị, địa phương quán triệt, "
                      "tổ chức triển khai thực hiện./."),
    ))
    cid = conference.id

    for text in ("Ổn định tổ chức, thông báo chương trình; tuyên bố lý do, giới thiệu đại biểu",
                 f"Báo cáo kết quả công tác phòng thủ dân sự năm {year}, triển khai nhiệm vụ trọng tâm năm {year + 1}",
                 "Hội nghị thảo luận", "Chủ trì Hội nghị kết luận", "Kết thúc Hội nghị"):
        add_agenda_item(session, cid, AgendaItemInput(text))

    chair = Reference(committee.id if committee else None, None,
                      f"Chủ tịch UBND {level} - Trưởng ban Chỉ huy Phòng thủ dân sự {level}, Chủ trì Hội nghị")
    main = add_venue(session, cid, VenueInput(f"Phòng họp trực tuyến UBND {level}", "main",
                                              host_org_id=committee.id if committee else None, chair=chair))
    main_group = add_group(session, cid, f"Tại điểm cầu UBND {level}", main.id)
    guests = [InviteeInput(chair, main.id, main_group.id),
              InviteeInput(Reference(text=f"Thành viên {board_name}"), main.id, main_group.id, "summoned")]
    if standing:
        representatives = f"Đại diện Lãnh đạo, chỉ huy và cơ quan {standing_name}"
        guests.append(InviteeInput(Reference(standing.id, None, representatives),
                                   main.id, main_group.id, "summoned"))
    if province:
        bridge = add_venue(session, cid, VenueInput("Phòng họp trực tuyến UBND các xã, phường", "bridge"))
        bridge_group = add_group(session, cid, "Tại điểm cầu UBND các xã, phường", bridge.id)
        guests += [
            InviteeInput(Reference(text="Chủ tịch UBND các xã, phường - Trưởng ban Chỉ huy Phòng thủ dân sự cấp xã, "
                                        "Chủ trì điểm cầu"), bridge.id, bridge_group.id),
            InviteeInput(Reference(text="Thành viên Ban Chỉ huy Phòng thủ dân sự các xã, phường"), bridge.id,
                         bridge_group.id, "summoned"),
        ]
    add_invitees(session, cid, guests)

    add_duty(session, cid, DutyInput(
        organization_id=standing.id if standing else None,
        organization_text=f"{standing_name} (Cơ quan Thường trực {board_name})" if standing else "Cơ quan Thường trực",
        content=("- Chủ trì, phối hợp với các sở, ngành, cơ quan liên quan chuẩn bị tài liệu, báo cáo trung tâm.\n"
                 "- Phát hành Giấy mời đại biểu tham dự Hội nghị, làm công tác tổ chức, chuẩn bị nội dung điều hành "
                 "và kết luận hội nghị.\n"
                 "- Dự kiến nội dung tham luận và đôn đốc các đơn vị, địa phương chuẩn bị nội dung để tham luận."),
        due_on=day - dt.timedelta(days=3)))
    add_duty(session, cid, DutyInput(
        organization_text=f"Văn phòng UBND {level}",
        content=(f"- Phối hợp với {standing_name} chuẩn bị tài liệu và nội dung điều hành của đồng chí chủ trì "
                 "Hội nghị.\n- Chuẩn bị đường truyền, Hội trường và các điều kiện cần thiết khác để tổ chức Hội nghị."),
        due_on=day - dt.timedelta(days=1)))
    add_duty(session, cid, DutyInput(
        organization_text="Các sở, ngành, cơ quan, đơn vị, địa phương",
        content=(f"Tham dự hội nghị đầy đủ, đúng thành phần; rà soát, đánh giá kết quả thực hiện công tác phòng thủ "
                 f"dân sự năm {year}. Các đơn vị được yêu cầu tham luận chuẩn bị nội dung (ngắn gọn, không quá 7 "
                 f"phút) và gửi về {standing_name} để tổng hợp, báo cáo chủ trì Hội nghị."),
        due_on=day - dt.timedelta(days=3)))
    for step, days_before in REVIEW_MILESTONES:
        add_milestone(session, cid, step, days_before)

    set_recipients(session, cid, [
        RecipientData("Thường trực Tỉnh ủy" if province else "Thường trực Đảng ủy", "b/c"),
        RecipientData(f"UBND {level}"), RecipientData(f"Thành viên {board_name}"),
        *([RecipientData("Ban Chỉ huy PTDS các xã, phường")] if province else []),
        RecipientData("Lưu VT"),
    ])
    if board:
        deputy = next((m for m in roster_on(session, board.id, day) if m.role == "standing_deputy" and m.full_name),
                      None)
        if deputy:
            set_signature(session, cid, SignatureData("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC",
                                                      (deputy.position or "").upper() or None, deputy.full_name))
    return get_conference(session, cid)


def duplicate_conference(session: Session, source_id: str, starts_at: dt.datetime,
                         title: str | None = None) -> ConferenceData:
    """A copy of an earlier conference on a new date: every date moves by the same number of days, the
    document numbers are cleared (a new plan gets its own), replies go back to "invited", presentations to
    not received and duties and checklist steps to not done."""
    source = get_live(session, Conference, source_id, "hội nghị")
    if source.starts_at is None:
        raise ValidationError(translate("Core", "Hội nghị gốc chưa có ngày giờ nên không dời ngày được; hãy nhập ngày "
                                                "cho nó trước."),
                              "starts_at")
    shift = starts_at.date() - source.starts_at.date()

    def moved(day: dt.date | None) -> dt.date | None:
        return day + shift if day else None

    backdrop = source.backdrop_text
    if backdrop:
        backdrop = backdrop.replace(format_long_date(source.starts_at.date()), format_long_date(starts_at.date()))
    copy = Conference(**{c.key: getattr(source, c.key) for c in Conference.__table__.columns
                         if c.key not in ("id", "created_by", "owner_office_id", "hlc", "deleted")})
    copy.title = title or source.title
    copy.starts_at = starts_at
    copy.issued_on = moved(source.issued_on)
    copy.invitation_issued_on = moved(source.invitation_issued_on)
    copy.number_symbol = None
    copy.invitation_number_symbol = None
    copy.backdrop_text = backdrop
    session.add(copy)
    session.flush()

    new_ids: dict[str, str] = {}
    resets = {"status": "invited", "received": False, "received_on": None, "done": False}
    model: Any
    for model in CHILD_MODELS:  # parents first, so venue and group ids are mapped before invitees use them
        rows = session.scalars(select(model).where(model.conference_id == source_id, model.deleted.is_(False))
                               .order_by(model.sort_order, model.id)).all()
        for row in rows:
            values = {c.key: getattr(row, c.key) for c in model.__table__.columns
                      if c.key not in ("id", "created_by", "owner_office_id", "hlc", "deleted")}
            values["conference_id"] = copy.id
            for key in ("venue_id", "group_id"):
                if values.get(key):
                    values[key] = new_ids[values[key]]
            if "due_on" in values:
                values["due_on"] = moved(values["due_on"])
            values.update({k: v for k, v in resets.items() if k in values})
            values["id"] = new_ids[row.id] = new_id()
            session.add(model(**values))
    session.flush()

    set_recipients(session, copy.id, recipients(session, source_id))
    sig = signature(session, source_id)
    if sig is not None and sig.signer_name:
        set_signature(session, copy.id, sig)
    return to_data(session, copy)
