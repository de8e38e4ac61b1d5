"""Office document settings: how this office issues each kind of document (issuing body, symbol, the
decision's authority, bases and proposal, default signer, recipients, "Lưu:" line).

A kind without a stored row takes defaults derived from the office's name and level, so a new office's first
document is already correct: a province office issues the board decision as "ỦY BAN NHÂN DÂN TỈNH …"
(QĐ-UBND, "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH") and the board's own documents as "UBND TỈNH …" over
"BAN CHỈ HUY PHÒNG THỦ DÂN SỰ" ("KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN THƯỜNG TRỰC", seed 000).
"""

from __future__ import annotations

import dataclasses
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptds_desktop.db.session import office_of
from ptds_desktop.documents.model import IssuingBody, Recipients, Signature
from ptds_desktop.documents.text import normalize_symbol
from ptds_desktop.errors import ValidationError
from ptds_desktop.i18n import translate
from ptds_desktop.models import DocumentSetting, Office
from ptds_desktop.models.enums import DOCUMENT_KINDS
from ptds_desktop.services.common import clean, get_live, required

# Local units as offices name themselves, longest first ("thành phố" before "phố").
_UNIT_WORDS = ("thành phố", "đặc khu", "tỉnh", "phường", "xã", "thị trấn")
_UNIT_PATTERN = re.compile(r"\b(" + "|".join(_UNIT_WORDS) + r")\s+(.+)$", re.IGNORECASE)
_SYMBOL_TYPES = {"decision": "QĐ", "plan": "KH", "invitation": "GM"}  # a list carries no number


@dataclasses.dataclass(frozen=True)
class Locality:
    """"tỉnh Đắk Lắk": unit word "tỉnh", name "Đắk Lắk"."""

    unit: str
    name: str

    @property
    def full(self) -> str:
        return f"{self.unit} {self.name}"


def office_locality(office_name: str, level: str, place_name: str | None = None) -> Locality:
    """The province or commune an office belongs to, read from its name ("Bộ CHQS tỉnh Đắk Lắk" → tỉnh
    Đắk Lắk); else its place name with the unit of its level."""
    found = _UNIT_PATTERN.search(office_name.strip())
    if found:
        return Locality(found.group(1).lower(), found.group(2).strip())
    return Locality("tỉnh" if level != "commune" else "xã", (place_name or office_name).strip())


@dataclasses.dataclass(frozen=True)
class DocumentSettingsData:
    kind: str
    office_id: str
    place_name: str | None  # "Đắk Lắk" on the dated line
    parent_body: str | None
    issuing_body: str
    symbol: str | None  # "QĐ-UBND"
    authority: str | None  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"
    cited_as: str | None  # "Chủ tịch UBND tỉnh"
    bases: tuple[str, ...]
    proposal: str | None
    executors: str | None
    signer_authority: str | None
    signer_position: str | None
    signer_second_position: str | None
    signer_name: str | None
    recipients: tuple[str, ...]
    archive: str
    stored: bool  # False while the kind uses the derived defaults

    @property
    def kind_label(self) -> str:
        return DOCUMENT_KINDS.get(self.kind, self.kind)

    @property
    def issuer(self) -> IssuingBody:
        return IssuingBody(self.issuing_body, self.parent_body)

    @property
    def signature(self) -> Signature:
        return Signature(self.signer_position, self.signer_name, self.signer_authority, self.signer_second_position)

    def recipients_block(self, drafter_note: str | None = None) -> Recipients:
        return Recipients(self.recipients, self.archive, drafter_note)


@dataclasses.dataclass(frozen=True)
class DocumentSettingsInput:
    """What the settings screen and `ptds docs settings set` change; lists as one entry a line."""

    issuing_body: str
    parent_body: str | None = None
    symbol: str | None = None
    authority: str | None = None
    cited_as: str | None = None
    bases: str | None = None
    proposal: str | None = None
    executors: str | None = None
    signer_authority: str | None = None
    signer_position: str | None = None
    signer_second_position: str | None = None
    signer_name: str | None = None
    recipients: str | None = None
    archive: str | None = None


def _lines(text: str | None) -> tuple[str, ...]:
    return tuple(line for line in (clean(x) for x in (text or "").splitlines()) if line)


def _office(session: Session) -> Office:
    return get_live(session, Office, office_of(session), "văn phòng")


def default_settings(office: Office, kind: str) -> DocumentSettingsData:
    """The defaults of `kind` for `office`, from its name and level."""
    where = office_locality(office.name, office.level, office.place_name)
    unit, full = where.unit, where.full
    committee = f"Ủy ban nhân dân {full}"
    place = office.place_name or where.name
    board_recipients = (f"Thành viên Ban Chỉ huy PTDS {unit}", "Các cơ quan, đơn vị, địa phương có liên quan")
    if kind == "decision":
        recipients = ("Như Điều 3",) + (
            ("Bộ Quốc phòng (b/c)", "Thường trực Tỉnh ủy (b/c)", "Thường trực HĐND tỉnh (b/c)",
             "Chủ tịch, các PCT UBND tỉnh") if unit == "tỉnh" else
            ("UBND tỉnh (b/c)", "Bộ CHQS tỉnh (b/c)", f"Thường trực Đảng ủy {unit} (b/c)",
             f"Chủ tịch, các PCT UBND {unit}"))
        proposal = (f"Theo đề nghị của Chỉ huy trưởng Bộ Chỉ huy Quân sự {full}." if unit == "tỉnh" else
                    f"Theo đề nghị của Chỉ huy trưởng Ban Chỉ huy Quân sự {full}.")
        office_head = "Chánh Văn phòng UBND tỉnh" if unit == "tỉnh" else f"Chánh Văn phòng HĐND và UBND {unit}"
        agencies = "Thủ trưởng các sở, ban, ngành" if unit == "tỉnh" else "Thủ trưởng các cơ quan, đơn vị"
        return DocumentSettingsData(
            kind, office.id, place, None, committee.upper(), "QĐ-UBND", f"CHỦ TỊCH {committee.upper()}",
            f"Chủ tịch UBND {unit}",
            ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
             "Căn cứ Luật Phòng thủ dân sự ngày 20 tháng 6 năm 2023;",
             ("Căn cứ Nghị định số 200/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Phòng "
              "thủ dân sự;")),
            proposal,
            f"{office_head}, {agencies} có liên quan và các ông, bà có tên tại Điều 1",
            "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", None, None, recipients, "VT", False,
        )
    symbol = f"{_SYMBOL_TYPES[kind]}-BCH" if kind in _SYMBOL_TYPES else None
    return DocumentSettingsData(
        kind, office.id, place, f"UBND {full}".upper(), "BAN CHỈ HUY PHÒNG THỦ DÂN SỰ", symbol, None,
        f"Ban Chỉ huy Phòng thủ dân sự {unit}", (), None, None,
        "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", f"PHÓ CHỦ TỊCH UBND {unit}".upper(), None,
        board_recipients, "VT", False,
    )


def _row(session: Session, office_id: str, kind: str) -> DocumentSetting | None:
    return session.scalars(select(DocumentSetting).where(
        DocumentSetting.office_id == office_id, DocumentSetting.kind == kind, DocumentSetting.deleted.is_(False)
    )).first()


def _data(office: Office, row: DocumentSetting) -> DocumentSettingsData:
    return DocumentSettingsData(
        row.kind, office.id, office.place_name or office_locality(office.name, office.level).name,
        row.parent_body, row.issuing_body, row.symbol, row.authority, row.cited_as, _lines(row.bases),
        row.proposal, row.executors, row.signer_authority, row.signer_position, row.signer_second_position,
        row.signer_name, _lines(row.recipients), row.archive or "VT", True,
    )


def _check_kind(kind: str) -> None:
    if kind not in DOCUMENT_KINDS:
        raise ValidationError(translate("Core", "Loại văn bản không hợp lệ: {kind!r} (chọn: {choices}).").format(
            kind=kind, choices=", ".join(DOCUMENT_KINDS)), "kind")


def document_settings(session: Session, kind: str) -> DocumentSettingsData:
    """This office's settings for `kind`: as stored, or the defaults."""
    _check_kind(kind)
    office = _office(session)
    row = _row(session, office.id, kind)
    return _data(office, row) if row else default_settings(office, kind)


def all_document_settings(session: Session) -> list[DocumentSettingsData]:
    return [document_settings(session, kind) for kind in DOCUMENT_KINDS]


def _validate(data: DocumentSettingsInput) -> dict[str, str | None]:
    symbol = clean(data.symbol)
    if symbol:
        if not re.fullmatch(r"[0-9A-Za-zĐđ&.]+(-[0-9A-Za-zĐđ&.]+)*", symbol.replace(" ", "")):
            raise ValidationError(translate("Core", "Ký hiệu văn bản không đúng dạng “loại-cơ quan” (ví dụ QĐ-UBND): "
                                                    "“{symbol}”.").format(symbol=symbol),
                                  "symbol")
        symbol = normalize_symbol(symbol)
    archive = clean(data.archive)
    if archive:
        archive = re.sub(r"^\s*lưu\s*:?\s*", "", archive, flags=re.IGNORECASE).rstrip(".").strip() or None
    recipients = [line.lstrip("-+ ").rstrip(";.").strip() for line in _lines(data.recipients)]
    bases = list(_lines(data.bases))
    return {
        "issuing_body": required(data.issuing_body, "Tên cơ quan ban hành", "issuing_body", 200),
        "parent_body": clean(data.parent_body),
        "symbol": symbol,
        "authority": clean(data.authority),
        "cited_as": clean(data.cited_as),
        "bases": "\n".join(bases) or None,
        "proposal": clean(data.proposal),
        "executors": clean(data.executors),
        "signer_authority": clean(data.signer_authority),
        "signer_position": clean(data.signer_position),
        "signer_second_position": clean(data.signer_second_position),
        "signer_name": clean(data.signer_name),
        "recipients": "\n".join(r for r in recipients if r and not r.lower().startswith("lưu")) or None,
        "archive": archive,
    }


def update_document_settings(session: Session, kind: str, data: DocumentSettingsInput) -> DocumentSettingsData:
    """Store this office's settings for `kind` (validated first: nothing is written on an error)."""
    _check_kind(kind)
    values = _validate(data)
    office = _office(session)
    row = _row(session, office.id, kind)
    if row is None:
        row = DocumentSetting(office_id=office.id, kind=kind, **values)
        session.add(row)
    else:
        for key, value in values.items():
            if getattr(row, key) != value:
                setattr(row, key, value)
    session.flush()
    return _data(office, row)


def settings_input(settings: DocumentSettingsData) -> DocumentSettingsInput:
    """The input that stores `settings` as they are (the starting point of an edit)."""
    return DocumentSettingsInput(
        settings.issuing_body, settings.parent_body, settings.symbol, settings.authority, settings.cited_as,
        "\n".join(settings.bases), settings.proposal, settings.executors, settings.signer_authority,
        settings.signer_position, settings.signer_second_position, settings.signer_name,
        "\n".join(settings.recipients), settings.archive,
    )


def reset_document_settings(session: Session, kind: str) -> DocumentSettingsData:
    """Back to the defaults: the stored row is tombstoned (a change that syncs like any other)."""
    _check_kind(kind)
    office = _office(session)
    row = _row(session, office.id, kind)
    if row is not None:
        row.deleted = True
        session.flush()
    return default_settings(office, kind)


def set_place_name(session: Session, place_name: str) -> str:
    """The place on every dated line of this office's documents ("Đắk Lắk", "TP. Thái Nguyên")."""
    value = required(place_name, "Địa danh", "place_name", 100)
    office = _office(session)
    if office.place_name != value:
        office.place_name = value
        session.flush()
    return value
