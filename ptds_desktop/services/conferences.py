"""Conferences (hội nghị): the plan's own fields, its distribution list and signature block.

Venues and agenda live in conference_venues, invitees in conference_invitees, presentations, duties and the
checklist in conference_preparation, the review template and duplication in conference_templates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ptds_desktop.errors import NotFoundError, ValidationError
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate
from ptds_desktop.models import (
    AgendaItem,
    CommandBoard,
    Conference,
    ConferenceMilestone,
    DistributionEntry,
    Invitee,
    ParticipantGroup,
    Person,
    PreparationDuty,
    Presentation,
    SignatureBlock,
    Venue,
)
from ptds_desktop.models.enums import CONFERENCE_FORMATS
from ptds_desktop.services.common import BOARD, clean, get_live, required
from ptds_desktop.services.edits import apply_edit, locked_live
from ptds_desktop.text import fold, format_date

DOCUMENT_TABLE = "conferences"  # distribution_entries / signature_blocks point at conferences by this name
# Rows owned by one conference, children after parents (the order duplication copies them in).
CHILD_MODELS = (Venue, ParticipantGroup, AgendaItem, Invitee, Presentation, PreparationDuty, ConferenceMilestone)


@dataclasses.dataclass(frozen=True)
class ConferenceData:
    id: str
    board_id: str | None
    board_name: str | None
    title: str
    number_symbol: str | None
    issued_on: dt.date | None
    place_name: str | None
    purpose: str | None
    requirements: str | None
    content: str | None
    starts_at: dt.datetime | None
    duration_minutes: int | None
    duration_text: str | None
    format: str
    format_text: str | None
    backdrop_text: str | None
    logistics: str | None
    contact_person_id: str | None
    contact_person_name: str | None
    contact_text: str | None
    closing_text: str | None
    invitation_number_symbol: str | None
    invitation_issued_on: dt.date | None

    @property
    def format_label(self) -> str:
        return CONFERENCE_FORMATS.get(self.format, self.format)

    @property
    def date(self) -> dt.date | None:
        return self.starts_at.date() if self.starts_at else None

    @property
    def date_label(self) -> str:
        return format_date(self.starts_at.date()) if self.starts_at else ""


@dataclasses.dataclass(frozen=True)
class ConferenceInput:
    title: str
    starts_at: dt.datetime | None = None
    board_id: str | None = None
    number_symbol: str | None = None
    issued_on: dt.date | None = None
    place_name: str | None = None
    purpose: str | None = None
    requirements: str | None = None
    content: str | None = None
    duration_minutes: int | None = None
    duration_text: str | None = None
    format: str = "in_person"
    format_text: str | None = None
    backdrop_text: str | None = None
    logistics: str | None = None
    contact_person_id: str | None = None
    contact_text: str | None = None
    closing_text: str | None = None
    invitation_number_symbol: str | None = None
    invitation_issued_on: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class RecipientData:
    text: str
    purpose: str | None = None  # "b/c"

    @property
    def label(self) -> str:
        return f"{self.text} ({self.purpose})" if self.purpose else self.text


@dataclasses.dataclass(frozen=True)
class SignatureData:
    authority: str | None = None  # "KT. TRƯỞNG BAN"
    position: str | None = None  # "PHÓ TRƯỞNG BAN THƯỜNG TRỰC"
    second_position: str | None = None  # "PHÓ CHỦ TỊCH UBND TỈNH"
    signer_name: str | None = None
    drafter_note: str | None = None  # "N_56", printed after "Lưu VT"


def clean_lines(value: str | None) -> str | None:
    """Like `clean`, but keeps line breaks: multi-line fields hold one paragraph or bullet per line."""
    lines = [clean(line) for line in (value or "").splitlines()]
    return "\n".join(line for line in lines if line) or None


def to_data(session: Session, row: Conference) -> ConferenceData:
    board = session.get(CommandBoard, row.board_id) if row.board_id else None
    contact = session.get(Person, row.contact_person_id) if row.contact_person_id else None
    return ConferenceData(
        id=row.id, board_id=row.board_id, board_name=board.name if board else None, title=row.title,
        number_symbol=row.number_symbol, issued_on=row.issued_on, place_name=row.place_name, purpose=row.purpose,
        requirements=row.requirements, content=row.content, starts_at=row.starts_at,
        duration_minutes=row.duration_minutes, duration_text=row.duration_text, format=row.format,
        format_text=row.format_text, backdrop_text=row.backdrop_text, logistics=row.logistics,
        contact_person_id=row.contact_person_id, contact_person_name=contact.full_name if contact else None,
        contact_text=row.contact_text, closing_text=row.closing_text,
        invitation_number_symbol=row.invitation_number_symbol, invitation_issued_on=row.invitation_issued_on,
    )


def _validate(session: Session, data: ConferenceInput) -> dict[str, Any]:
    title = required(data.title, "Tên hội nghị", "title")
    if data.format not in CONFERENCE_FORMATS:
        raise ValidationError(translate("Core", "Hình thức tổ chức không hợp lệ: {format!r}.").format(
            format=data.format), "format")
    if data.duration_minutes is not None and data.duration_minutes <= 0:
        raise ValidationError(translate("Core", "Thời lượng phải lớn hơn 0 phút (đang là {duration_minutes}).").format(
            duration_minutes=data.duration_minutes),
                              "duration_minutes")
    if data.board_id:
        get_live(session, CommandBoard, data.board_id, BOARD)
    if data.contact_person_id:
        get_live(session, Person, data.contact_person_id, "người liên hệ")
    return {
        "title": title, "starts_at": data.starts_at, "board_id": data.board_id or None,
        "number_symbol": clean(data.number_symbol), "issued_on": data.issued_on, "place_name": clean(data.place_name),
        "purpose": clean_lines(data.purpose), "requirements": clean_lines(data.requirements),
        "content": clean_lines(data.content), "duration_minutes": data.duration_minutes,
        "duration_text": clean(data.duration_text), "format": data.format, "format_text": clean_lines(data.format_text),
        "backdrop_text": clean_lines(data.backdrop_text), "logistics": clean_lines(data.logistics),
        "contact_person_id": data.contact_person_id or None, "contact_text": clean(data.contact_text),
        "closing_text": clean_lines(data.closing_text),
        "invitation_number_symbol": clean(data.invitation_number_symbol),
        "invitation_issued_on": data.invitation_issued_on,
    }


def create_conference(session: Session, data: ConferenceInput) -> ConferenceData:
    row = Conference(**_validate(session, data))
    session.add(row)
    session.flush()
    return to_data(session, row)


# What the conference form calls each field (a save over someone else's change names them).
FIELD_LABELS = {
    "title": QT_TRANSLATE_NOOP("Fields", "Tên hội nghị"),
    "starts_at": QT_TRANSLATE_NOOP("Fields", "Ngày giờ"),
    "board_id": QT_TRANSLATE_NOOP("Fields", "Ban Chỉ huy"),
    "number_symbol": QT_TRANSLATE_NOOP("Fields", "Số, ký hiệu kế hoạch"),
    "issued_on": QT_TRANSLATE_NOOP("Fields", "Ngày ban hành"),
    "place_name": QT_TRANSLATE_NOOP("Fields", "Địa danh"),
    "purpose": QT_TRANSLATE_NOOP("Fields", "Mục đích"),
    "requirements": QT_TRANSLATE_NOOP("Fields", "Yêu cầu"),
    "content": QT_TRANSLATE_NOOP("Fields", "Nội dung"),
    "duration_minutes": QT_TRANSLATE_NOOP("Fields", "Số phút"),
    "duration_text": QT_TRANSLATE_NOOP("Fields", "Thời lượng"),
    "format": QT_TRANSLATE_NOOP("Fields", "Hình thức"),
    "format_text": QT_TRANSLATE_NOOP("Fields", "Hình thức (như in)"),
    "backdrop_text": QT_TRANSLATE_NOOP("Fields", "Maket"),
    "logistics": QT_TRANSLATE_NOOP("Fields", "Bảo đảm"),
    "contact_person_id": QT_TRANSLATE_NOOP("Fields", "Người liên hệ"),
    "contact_text": QT_TRANSLATE_NOOP("Fields", "Liên hệ"),
    "closing_text": QT_TRANSLATE_NOOP("Fields", "Câu kết"),
    "invitation_number_symbol": QT_TRANSLATE_NOOP("Fields", "Số, ký hiệu giấy mời"),
    "invitation_issued_on": QT_TRANSLATE_NOOP("Fields", "Ngày ban hành giấy mời"),
}


def update_conference(session: Session, conference_id: str, data: ConferenceInput,
                      started: ConferenceData | None = None, *, overwrite: bool = False) -> ConferenceData:
    """Save the conference's fields. `started`: the conference as the form opened it; only the fields changed
    from it are written, and StaleEditError (nothing saved) when someone else changed one of them since,
    unless `overwrite` (services.edits)."""
    row = locked_live(session, Conference, conference_id, "hội nghị")
    wanted = _validate(session, data)
    apply_edit(row, wanted, None if started is None else {f: getattr(started, f) for f in wanted}, FIELD_LABELS,
               overwrite=overwrite, show={"format": CONFERENCE_FORMATS.translated})
    session.flush()
    return to_data(session, row)


def as_input(data: ConferenceData) -> ConferenceInput:
    """The editable fields of a conference, e.g. to change one with dataclasses.replace."""
    fields = {f.name for f in dataclasses.fields(ConferenceInput)}
    return ConferenceInput(**{k: v for k, v in dataclasses.asdict(data).items() if k in fields})


def delete_conference(session: Session, conference_id: str) -> ConferenceData:
    """Tombstone the conference; its venues, invitees and the rest go with it (and come back with restore)."""
    row = get_live(session, Conference, conference_id, "hội nghị")
    row.deleted = True
    model: Any
    for model in CHILD_MODELS:
        for child in session.scalars(select(model).where(model.conference_id == conference_id)):
            child.deleted = True
    for model in (DistributionEntry, SignatureBlock):
        for entry in _live_entries(session, model, conference_id):
            entry.deleted = True
    session.flush()
    return to_data(session, row)


def get_conference(session: Session, conference_id: str) -> ConferenceData:
    return to_data(session, get_live(session, Conference, conference_id, "hội nghị"))


def list_conferences(session: Session, query: str = "") -> list[ConferenceData]:
    """Newest first; `query` matches the title ignoring accents."""
    rows = session.scalars(
        select(Conference).where(Conference.deleted.is_(False))
        .order_by(Conference.starts_at.is_(None), Conference.starts_at.desc(), Conference.title)
    ).all()
    words = fold(query).split()
    return [to_data(session, r) for r in rows if all(w in fold(r.title) for w in words)]


def resolve_conference(session: Session, ref: str) -> ConferenceData:
    """A conference by its id or the start of its id (as the CLI prints it)."""
    ref = (ref or "").strip()
    if not ref:
        raise ValidationError(translate("Core", "Thiếu mã hội nghị (--id)."), "id")
    rows = session.scalars(
        select(Conference).where(Conference.deleted.is_(False),
                                 or_(Conference.id == ref, Conference.id.like(f"{ref}%")))
    ).all()
    exact = [r for r in rows if r.id == ref]
    if exact or len(rows) == 1:
        return to_data(session, (exact or rows)[0])
    if not rows:
        raise NotFoundError(translate("Core", "Không tìm thấy hội nghị có mã {ref}. Xem mã bằng 'ptds conference "
                                              "list'.").format(ref=ref))
    raise ValidationError(translate("Core", "Mã {ref} khớp {count} hội nghị; hãy gõ thêm ký tự của mã.").format(
        ref=ref, count=len(rows)), "id")


# ---------------------------------------------------------------- distribution list and signature


def _live_entries(session: Session, model: Any, conference_id: str) -> list[Any]:
    order = (model.sort_order, model.id) if model is DistributionEntry else (model.id,)
    return list(session.scalars(
        select(model).where(model.document_table == DOCUMENT_TABLE, model.document_id == conference_id,
                            model.deleted.is_(False)).order_by(*order)
    ))


def recipients(session: Session, conference_id: str) -> list[RecipientData]:
    return [RecipientData(e.text, e.purpose) for e in _live_entries(session, DistributionEntry, conference_id)]


def set_recipients(session: Session, conference_id: str, entries: list[RecipientData]) -> list[RecipientData]:
    """Replace the distribution list (Nơi nhận) with `entries`, in that order."""
    get_live(session, Conference, conference_id, "hội nghị")
    cleaned = []
    for index, entry in enumerate(entries, start=1):
        text = required(entry.text, f"Nơi nhận dòng {index}", "recipients")
        cleaned.append(RecipientData(text, clean(entry.purpose)))
    for old in _live_entries(session, DistributionEntry, conference_id):
        old.deleted = True
    for index, entry in enumerate(cleaned, start=1):
        session.add(DistributionEntry(document_table=DOCUMENT_TABLE, document_id=conference_id, text=entry.text,
                                      purpose=entry.purpose, sort_order=index))
    session.flush()
    return cleaned


def signature(session: Session, conference_id: str) -> SignatureData | None:
    rows = _live_entries(session, SignatureBlock, conference_id)
    if not rows:
        return None
    s = rows[0]
    return SignatureData(s.authority, s.position, s.second_position, s.signer_name, s.drafter_note)


def set_signature(session: Session, conference_id: str, data: SignatureData) -> SignatureData:
    get_live(session, Conference, conference_id, "hội nghị")
    values = {f.name: clean(getattr(data, f.name)) for f in dataclasses.fields(SignatureData)}
    if not values["signer_name"]:
        raise ValidationError(translate("Core", "Khối chữ ký cần họ tên người ký."), "signer_name")
    rows = _live_entries(session, SignatureBlock, conference_id)
    row = rows[0] if rows else SignatureBlock(document_table=DOCUMENT_TABLE, document_id=conference_id)
    for key, value in values.items():
        setattr(row, key, value)
    session.add(row)
    session.flush()
    return SignatureData(**values)


def days_until(conference: ConferenceData, today: dt.date) -> int | None:
    """Days from `today` to the conference day (negative once it is past)."""
    return (conference.date - today).days if conference.date else None

