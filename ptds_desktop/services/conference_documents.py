"""A conference's documents built from its data (renderers in ptds_desktop.exports draw them):

- the plan (Kế hoạch tổ chức Hội nghị) with the sections of seed 000, each only when the data holds it;
- invitations (Giấy mời / Giấy triệu tập), one page per invitee or per organization, in one file;
- the attendee list and sign-in sheet, grouped by venue, with a signature column;
- the programme on one page;
- the backdrop (maket) on A3 landscape in large type.

Builders that walk many invitees take `progress(done, total, label)` and `is_cancelled()`; a cancelled build
raises ExportCancelled before anything is written.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Callable

from sqlalchemy.orm import Session

from ptds_desktop.db.session import write_context
from ptds_desktop.documents import (
    Closing,
    Column,
    Document,
    Heading,
    IssuingBody,
    ListItem,
    PageSetup,
    Paragraph,
    Recipients,
    Row,
    Run,
    Section,
    SectionHeading,
    SectionRow,
    Signature,
    Table,
    Title,
)
from ptds_desktop.documents.model import Block
from ptds_desktop.documents.text import roman, split_number_symbol, with_end_mark
from ptds_desktop.errors import Cancelled, PtdsError
from ptds_desktop.i18n import translate
from ptds_desktop.models import CommandBoard, Office
from ptds_desktop.models.enums import INVITE_MODES
from ptds_desktop.services import conference_invitees as inv
from ptds_desktop.services import conference_preparation as prep
from ptds_desktop.services import conference_venues as ven
from ptds_desktop.services import conferences as conf
from ptds_desktop.text import format_date, format_long_date

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]

KINDS = {
    "plan": "Kế hoạch tổ chức Hội nghị",
    "invitations": "Giấy mời",
    "attendees": "Danh sách đại biểu, ký tên",
    "programme": "Chương trình Hội nghị",
    "backdrop": "Maket trang trí",
}
BOARD_BODY = "BAN CHỈ HUY PHÒNG THỦ DÂN SỰ"
PLAN_SYMBOL = "KH-BCH"
INVITATION_SYMBOL = "GM-BCH"


class ExportCancelled(Cancelled):
    """The user stopped an export; no file was written."""


@dataclasses.dataclass(frozen=True)
class _Context:
    conference: conf.ConferenceData
    issuer: IssuingBody
    issuer_name: str  # "Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk", in running text
    place: str | None
    venues: tuple[ven.VenueData, ...]
    signature: conf.SignatureData | None
    recipients: tuple[conf.RecipientData, ...]


def _context(session: Session, conference_id: str) -> _Context:
    c = conf.get_conference(session, conference_id)
    board = session.get(CommandBoard, c.board_id) if c.board_id else None
    office_id = write_context(session).office_id
    office = session.get(Office, office_id) if office_id else None
    if board is not None:
        issuer = IssuingBody(BOARD_BODY, f"UBND {board.unit_name}".upper())
        issuer_name = board.name
    else:
        name = office.name if office else BOARD_BODY
        issuer, issuer_name = IssuingBody(name.upper()), name
    return _Context(
        conference=c, issuer=issuer, issuer_name=issuer_name,
        place=c.place_name or (office.place_name if office else None),
        venues=tuple(ven.list_venues(session, conference_id)), signature=conf.signature(session, conference_id),
        recipients=tuple(conf.recipients(session, conference_id)),
    )


def _heading(ctx: _Context, number_symbol: str | None, default_symbol: str, issued_on: dt.date | None) -> Heading:
    number, symbol = None, default_symbol
    if number_symbol:
        with contextlib.suppress(ValueError):  # an odd number as typed: the usual symbol, the number left open
            number, symbol = split_number_symbol(number_symbol)
    year = (issued_on or ctx.conference.date or dt.date.today()).year
    return Heading(ctx.issuer, symbol=symbol, number=number, place=ctx.place, date=issued_on, year=year)


def _signature(ctx: _Context) -> Signature | None:
    s = ctx.signature
    if s is None:
        return None
    return Signature(position=s.position, name=s.signer_name, authority=s.authority,
                     second_position=s.second_position)


def _recipients(ctx: _Context, entries: list[str] | None = None) -> Recipients:
    """The distribution list; its "Lưu …" line becomes the archive line. The drafter's note is the plan's own."""
    lines = entries if entries is not None else [r.label for r in ctx.recipients]
    archive = "VT"
    kept = []
    for line in lines:
        if line.lower().startswith("lưu"):
            archive = line[3:].strip(" :") or "VT"
        else:
            kept.append(line)
    note = ctx.signature.drafter_note if ctx.signature and entries is None else None
    return Recipients(tuple(kept), archive=archive, drafter_note=note)


def _text_blocks(text: str | None) -> list[Block]:
    """A stored multi-line text: "- …" lines as list lines, others as body paragraphs."""
    blocks: list[Block] = []
    for line in (text or "").splitlines():
        line = line.strip()
        if line.startswith(("- ", "+ ")):
            blocks.append(ListItem(line[2:].strip(), marker=line[0]))
        elif line:
            blocks.append(Paragraph(line))
    return blocks


def _when(c: conf.ConferenceData) -> str:
    return f"{c.starts_at:%H.%M} ngày {format_date(c.starts_at.date())}" if c.starts_at else ""


def _check(is_cancelled: CancelFn | None) -> None:
    if is_cancelled is not None and is_cancelled():
        raise ExportCancelled(translate("Core", "Đã hủy xuất văn bản; không tệp nào được ghi."))


def _step(progress: ProgressFn | None, is_cancelled: CancelFn | None, done: int, total: int, label: str) -> None:
    _check(is_cancelled)
    if progress is not None:
        progress(done, total, label)


# ---------------------------------------------------------------- the plan


def build_plan(session: Session, conference_id: str) -> Document:
    ctx = _context(session, conference_id)
    c = ctx.conference
    agenda = ven.list_agenda(session, conference_id)
    groups = inv.list_groups(session, conference_id)
    invitees = inv.list_invitees(session, conference_id)
    duties = prep.list_duties(session, conference_id)
    presentations = [p for p in prep.list_presentations(session, conference_id) if p.organization_id]

    parts: list[tuple[str, list[Block]]] = []  # (section title, its blocks), numbered once the empty ones are out

    aims: list[Block] = []
    if c.purpose:
        aims += [SectionHeading(2, "1", "Mục đích"), *_text_blocks(c.purpose)]
    if c.requirements:
        aims += [SectionHeading(2, str(1 + bool(c.purpose)), "Yêu cầu"), *_text_blocks(c.requirements)]
    parts.append(("Mục đích, yêu cầu", aims))

    content: list[Block] = []
    if c.content:
        content += [SectionHeading(2, "1", "Nội dung:"), *_text_blocks(c.content)]
    if agenda:
        content.append(SectionHeading(2, str(1 + bool(c.content)), "Chương trình"))
        for number, item in enumerate(agenda, start=1):
            text = item.title
            if item.start_time:
                text = f"{item.start_time}: {text}"
            if item.presenter_label:
                text += f" ({item.presenter_label})"
            if item.duration_minutes:
                text += f"; {item.duration_minutes} phút"
            content.append(ListItem(text + ("." if number == len(agenda) else ";")))
    parts.append(("Nội dung, chương trình Hội nghị", content))

    timing: list[Block] = []
    number = 0
    if c.starts_at or c.duration_text:
        number += 1
        when = [Run(f"{number}. Thời gian: ", bold=True)]
        if c.duration_text:
            when.append(Run(f"{c.duration_text}, "))
        if c.starts_at:
            when += [Run("dự kiến bắt đầu lúc "), Run(f"{c.starts_at:%H.%M}", bold=True), Run(" ngày "),
                     Run(format_date(c.starts_at.date()), bold=True)]
        timing.append(Paragraph(tuple(when) + (Run("."),)))
    number += 1
    timing.append(Paragraph((Run(f"{number}. Hình thức tổ chức: ", bold=True),
                             Run(c.format_text or f"{c.format_label}."))))
    if ctx.venues:
        number += 1
        timing.append(SectionHeading(2, str(number), "Địa điểm"))
        for venue in ctx.venues:
            text = f"{venue.kind_label}: {venue.place_label}"
            if venue.chair_label:
                text += f"; chủ trì: {venue.chair_label}"
            timing.append(ListItem(text + "."))
    parts.append(("Thời gian, hình thức, địa điểm", timing))

    people: list[Block] = []
    grouped: dict[str | None, list[inv.InviteeData]] = {}
    for person in invitees:
        grouped.setdefault(person.group_id, []).append(person)
    numbered = [(g.name, grouped.get(g.id, [])) for g in groups] + [(inv.UNGROUPED, grouped.get(None, []))]
    for index, (name, members) in enumerate([(n, m) for n, m in numbered if m], start=1):
        people.append(SectionHeading(2, str(index), name))
        if all(not m.ref.text and not m.ref.person_id for m in members):
            # Units named only by the catalogue print on one line, as seed 000 lists the military units.
            people.append(ListItem("; ".join(m.label for m in members) + "."))
            continue
        modes = sorted({m.mode for m in members}, key=lambda mode: mode != "invited")
        for mode in modes:
            if len(modes) > 1 or mode == "invited":
                people.append(ListItem(INVITE_MODES[mode]))
            people += [ListItem(m.label + ";", marker="+") for m in members if m.mode == mode]
    parts.append(("Thành phần tham gia", people))

    support: list[Block] = []
    number = 0
    if c.backdrop_text:
        number += 1
        support.append(SectionHeading(2, str(number), "Maket trang trí"))
        support += [Paragraph(line, style="center_bold") for line in c.backdrop_text.splitlines()[:-1]]
        support.append(Paragraph(c.backdrop_text.splitlines()[-1], style="center_italic"))
    for line in (c.logistics or "").splitlines():
        number += 1
        label, colon, rest = line.partition(":")
        if colon and len(label) < 60:
            support.append(Paragraph((Run(f"{number}. {label}: ", bold=True), Run(rest.strip()))))
        else:
            support.append(Paragraph((Run(f"{number}. ", bold=True), Run(line))))
    parts.append(("Công tác bảo đảm", support))

    doing: list[Block] = []
    for index, duty in enumerate(duties, start=1):
        doing.append(SectionHeading(2, str(index), duty.heading))
        doing += _text_blocks(duty.content)
        if duty.due_on:
            doing.append(Paragraph((Run("Thời hạn hoàn thành: ", italic=True),
                                    Run(f"trước ngày {format_date(duty.due_on)}.", italic=True))))
    if presentations:
        doing.append(SectionHeading(2, str(len(duties) + 1), "Các đơn vị chuẩn bị tham luận"))
        for p in presentations:
            text = p.organization_name or ""
            if p.topic:
                text += f": {p.topic}"
            details = [f"không quá {p.max_minutes} phút" if p.max_minutes else "",
                       f"gửi trước ngày {format_date(p.due_on)}" if p.due_on else ""]
            detail = "; ".join(d for d in details if d)
            doing.append(ListItem(text + (f" ({detail})" if detail else "") + ";"))
    duty_text = " ".join(d.content for d in duties)
    if c.contact_text and c.contact_text not in duty_text:
        doing.append(Paragraph(f"Đầu mối liên hệ: {c.contact_text}."))
    parts.append(("Tổ chức thực hiện", doing))

    blocks: list[Block] = []
    for index, (title, body) in enumerate([(t, b) for t, b in parts if b], start=1):
        blocks += [SectionHeading(1, roman(index), title), *body]
    if c.closing_text:
        blocks.append(Paragraph(c.closing_text))
    blocks = with_end_mark(blocks)
    blocks.append(Closing(_signature(ctx), _recipients(ctx)))
    section = Section(blocks=tuple(blocks), heading=_heading(ctx, c.number_symbol, PLAN_SYMBOL, c.issued_on),
                      title=Title("KẾ HOẠCH", f"Tổ chức {c.title}"))
    return Document(title=f"Kế hoạch tổ chức {c.title}", sections=(section,),
                    subject=KINDS["plan"], author=ctx.issuer_name)


# ---------------------------------------------------------------- invitations


@dataclasses.dataclass(frozen=True)
class _Addressee:
    name: str  # "Kính gửi: …"
    members: tuple[str, ...]  # who attends, when one invitation goes to an organization
    venue: ven.VenueData | None
    mode: str


def build_invitations(session: Session, conference_id: str, per: str = "invitee",
                      progress: ProgressFn | None = None, is_cancelled: CancelFn | None = None) -> Document:
    """One page per invitee (`per="invitee"`) or per organization (`per="organization"`), all in one file."""
    if per not in ("invitee", "organization"):
        raise PtdsError(translate("Core", "Giấy mời theo “{per}” không có; chọn invitee (từng đại biểu) hoặc "
                                          "organization (từng cơ quan).").format(per=per))
    ctx = _context(session, conference_id)
    c = ctx.conference
    invitees = inv.list_invitees(session, conference_id)
    if not invitees:
        raise PtdsError(translate("Core", "Hội nghị chưa có đại biểu nào; hãy thêm đại biểu trước khi in giấy mời."))
    venues = {v.id: v for v in ctx.venues}
    main = next((v for v in ctx.venues if v.kind == "main"), None)
    addressees: list[_Addressee] = []
    if per == "invitee":
        addressees = [_Addressee(p.label, (), venues.get(p.venue_id or ""), p.mode) for p in invitees]
    else:
        by_unit: dict[tuple[str, str | None], list[inv.InviteeData]] = {}
        for p in invitees:
            by_unit.setdefault((p.unit_label, p.venue_id), []).append(p)
        for (unit, venue_id), members in by_unit.items():
            names = tuple(m.label for m in members if m.label != unit)
            mode = "summoned" if all(m.mode == "summoned" for m in members) else "invited"
            addressees.append(_Addressee(unit, names, venues.get(venue_id or ""), mode))
    heading = _heading(ctx, c.invitation_number_symbol, INVITATION_SYMBOL, c.invitation_issued_on)
    signature = _signature(ctx)
    sections = []
    total = len(addressees)
    for done, who in enumerate(addressees):
        _step(progress, is_cancelled, done, total, who.name)
        sections.append(Section(blocks=tuple(_invitation_blocks(ctx, who, main, signature)), heading=heading,
                                title=_invitation_title(c, who.mode), page_numbers=False,
                                restart_page_numbers=True))
    _step(progress, is_cancelled, total, total, "")
    return Document(title=f"Giấy mời dự {c.title}", sections=tuple(sections), subject=KINDS["invitations"],
                    author=ctx.issuer_name)


def _invitation_title(c: conf.ConferenceData, mode: str) -> Title:
    return Title("GIẤY TRIỆU TẬP" if mode == "summoned" else "GIẤY MỜI", f"Dự {c.title}")


def _invitation_blocks(ctx: _Context, who: _Addressee, main: ven.VenueData | None,
                       signature: Signature | None) -> list[Block]:
    c = ctx.conference
    verb = "triệu tập" if who.mode == "summoned" else "trân trọng kính mời"
    blocks: list[Block] = [
        Paragraph(f"{ctx.issuer_name} {verb}:"),
        Paragraph(who.name, style="center_bold"),
    ]
    if who.members:
        blocks.append(Paragraph((Run("Thành phần: ", bold=True), Run("; ".join(who.members) + "."))))
    blocks.append(Paragraph((Run("Tới dự: ", bold=True), Run(f"{c.title}."))))
    if c.starts_at:
        length = f" ({c.duration_text})" if c.duration_text else ""
        blocks.append(Paragraph((Run("Thời gian: ", bold=True),
                                 Run(f"{c.starts_at:%H} giờ {c.starts_at:%M} phút, ngày "
                                     f"{format_date(c.starts_at.date())}{length}."))))
    venue = who.venue or main
    if venue is not None:
        blocks.append(Paragraph((Run("Địa điểm: ", bold=True), Run(f"{venue.place_label}."))))
        if venue.kind != "main" and venue.chair_label:
            blocks.append(Paragraph((Run("Chủ trì điểm cầu: ", bold=True), Run(f"{venue.chair_label}."))))
    if c.contact_text:
        blocks.append(Paragraph((Run("Liên hệ: ", bold=True), Run(f"{c.contact_text}."))))
    blocks.append(Paragraph("Đề nghị đại biểu tham dự đúng thành phần, thời gian./."))
    blocks.append(Closing(signature, _recipients(ctx, ["Như trên", "Lưu VT"])))
    return blocks


# ---------------------------------------------------------------- attendee list and sign-in sheet

ATTENDEE_COLUMNS = (
    Column("TT", 0.5, centred=True),
    Column("Đại biểu (họ và tên, chức vụ)", 3.2),
    Column("Cơ quan, đơn vị", 2.4),
    Column("Trả lời", 1.1, centred=True),
    Column("Ký tên", 1.4),
)


def build_attendees(session: Session, conference_id: str, one_table: bool = False,
                    progress: ProgressFn | None = None, is_cancelled: CancelFn | None = None) -> Document:
    """The attendee list with a signature column, grouped by venue, then by group within a venue: a page per
    venue (each bridge site prints its own sheet), or one table with a row per venue (`one_table`, for Excel)."""
    ctx = _context(session, conference_id)
    c = ctx.conference
    invitees = inv.list_invitees(session, conference_id)
    by_venue: dict[str | None, list[inv.InviteeData]] = {}
    for person in invitees:
        by_venue.setdefault(person.venue_id, []).append(person)
    order = [v.id for v in ctx.venues if v.id in by_venue] + ([None] if None in by_venue else [])
    names = {v.id: v for v in ctx.venues}
    title = Title("DANH SÁCH ĐẠI BIỂU", f"Dự {c.title}",
                  note=f"({_when(c).capitalize()})" if c.starts_at else None)
    heading = Heading(ctx.issuer)
    sections: list[Section] = []
    all_rows: list[Row] = []
    total = len(order)
    for done, venue_id in enumerate(order):
        venue = names.get(venue_id or "")
        label = venue.place_label if venue else inv.NO_VENUE
        _step(progress, is_cancelled, done, total, label)
        rows: list[Row] = []
        group = object()
        for number, person in enumerate(by_venue[venue_id], start=1):
            if person.group_name != group and person.group_name:
                rows.append(SectionRow(person.group_name))
            group = person.group_name
            rows.append((number, person.label, person.organization_name or "", person.status_label, ""))
        counts = inv.ReplyCounts()
        for person in by_venue[venue_id]:
            counts = counts.plus(person.status)
        summary = (f"Tổng số: {counts.total} đại biểu; xác nhận dự {counts.confirmed}, có mặt {counts.attended}, "
                   f"báo vắng {counts.declined}, chưa trả lời {counts.invited}.")
        if one_table:
            all_rows.append(SectionRow(f"{label} — {counts.total} đại biểu"))
            all_rows += rows
            continue
        blocks: list[Block] = []
        if venue is not None:
            where = f"Điểm cầu: {label}" + (f"; chủ trì: {venue.chair_label}" if venue.chair_label else "")
            blocks.append(Paragraph(where, style="center_italic"))
        blocks += [Table(ATTENDEE_COLUMNS, tuple(rows), row_height=11), Paragraph(summary, style="plain")]
        sections.append(Section(blocks=tuple(blocks), heading=heading, title=title, restart_page_numbers=True))
    _step(progress, is_cancelled, total, total, "")
    if one_table or not sections:
        sections = [Section(blocks=(Table(ATTENDEE_COLUMNS, tuple(all_rows), row_height=11,
                                          empty_text="Chưa có đại biểu."),),
                            heading=heading, title=title)]
    return Document(title=f"Danh sách đại biểu dự {c.title}", sections=tuple(sections),
                    subject=KINDS["attendees"], author=ctx.issuer_name, name="Danh sách đại biểu")


# ---------------------------------------------------------------- programme


def agenda_times(start: dt.datetime | None, agenda: list[ven.AgendaItemData]) -> list[str]:
    """Each item's start as printed: its own time, else the previous start plus the previous length."""
    times = []
    clock = start
    for item in agenda:
        if item.start_time:
            hour, minute = int(item.start_time[:2]), int(item.start_time[3:])
            clock = dt.datetime.combine(clock.date() if clock else dt.date.today(), dt.time(hour, minute))
        times.append(f"{clock:%H.%M}" if clock else "")
        if clock is not None:
            clock = clock + dt.timedelta(minutes=item.duration_minutes) if item.duration_minutes else None
    return times


def build_programme(session: Session, conference_id: str) -> Document:
    ctx = _context(session, conference_id)
    c = ctx.conference
    agenda = ven.list_agenda(session, conference_id)
    main = next((v for v in ctx.venues if v.kind == "main"), None)
    blocks: list[Block] = []
    if c.starts_at:
        blocks.append(Paragraph((Run("Thời gian: ", bold=True), Run(f"{_when(c)}."))))
    if main:
        blocks.append(Paragraph((Run("Địa điểm: ", bold=True), Run(f"{main.place_label}."))))
    if main and main.chair_label:
        blocks.append(Paragraph((Run("Chủ trì: ", bold=True), Run(f"{main.chair_label}."))))
    times = agenda_times(c.starts_at, agenda)
    rows: list[Row] = [(times[i], item.title, item.presenter_label,
                        item.duration_minutes if item.duration_minutes else None)
                       for i, item in enumerate(agenda)]
    blocks.append(Table((Column("Thời gian", 1, centred=True), Column("Nội dung", 4.2),
                         Column("Người thực hiện", 2.2), Column("Phút", 0.7, centred=True)),
                        tuple(rows), empty_text="Chưa có chương trình."))
    return Document(title=f"Chương trình {c.title}",
                    sections=(Section(blocks=tuple(blocks), heading=Heading(ctx.issuer),
                                      title=Title("CHƯƠNG TRÌNH", c.title), page_numbers=False),),
                    subject=KINDS["programme"], author=ctx.issuer_name, name="Chương trình")


# ---------------------------------------------------------------- backdrop

BACKDROP_SIZES = (36.0, 54.0, 30.0)  # issuer, title, place-and-date (points, read from the back of the hall)


def backdrop_lines(c: conf.ConferenceData, issuer_name: str, place: str | None) -> list[str]:
    """The stored maket lines, or issuer / title / place and date when none are stored."""
    if c.backdrop_text:
        return c.backdrop_text.splitlines()
    date_line = format_long_date(c.date) if c.date else ""
    return [issuer_name.upper(), c.title.upper(), f"{place}, {date_line}" if place else date_line.capitalize()]


def build_backdrop(session: Session, conference_id: str) -> Document:
    ctx = _context(session, conference_id)
    lines = [line for line in backdrop_lines(ctx.conference, ctx.issuer_name, ctx.place) if line.strip()]
    blocks: list[Block] = []
    for index, line in enumerate(lines):
        last = index == len(lines) - 1 and len(lines) > 1
        size = BACKDROP_SIZES[0] if index == 0 else BACKDROP_SIZES[2] if last else BACKDROP_SIZES[1]
        blocks.append(Paragraph(line, style="center_italic" if last else "center_bold", size=size,
                                space_before=(90 if index == 0 else 70 if index == 1 else 60 if last else 0)))
    return Document(title=f"Maket {ctx.conference.title}",
                    sections=(Section(blocks=tuple(blocks), page=PageSetup("A3", "landscape"), page_numbers=False),),
                    subject=KINDS["backdrop"], author=ctx.issuer_name)


def build_document(session: Session, conference_id: str, what: str, fmt: str = "pdf", per: str = "invitee",
                   progress: ProgressFn | None = None, is_cancelled: CancelFn | None = None) -> Document:
    """The one entry point the CLI and the GUI use."""
    if what == "plan":
        return build_plan(session, conference_id)
    if what == "invitations":
        return build_invitations(session, conference_id, per, progress, is_cancelled)
    if what == "attendees":
        return build_attendees(session, conference_id, fmt == "xlsx", progress, is_cancelled)
    if what == "programme":
        return build_programme(session, conference_id)
    if what == "backdrop":
        return build_backdrop(session, conference_id)
    raise PtdsError(translate("Core", "Không có văn bản “{what}”; chọn một trong: {choices}.").format(
        what=what, choices=", ".join(KINDS)))
