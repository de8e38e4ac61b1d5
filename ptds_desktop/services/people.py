"""People: the persons named on rosters and invitations. Phones stored canonical (+84…), shown as 0819.449.153;
likely duplicates (same name and phone) are found and merged deliberately, by plain row changes that sync."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ptds_desktop.errors import NotFoundError, PtdsError, ValidationError
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate
from ptds_desktop.models import Base, BoardMembership, Organization, Person
from ptds_desktop.services.common import (
    ORGANIZATION,
    PERSON,
    clean,
    folded_contains,
    get_live,
    referenced,
    required,
    untombstone,
)
from ptds_desktop.text import fold

_MOBILE_PREFIXES = "35789"  # 03x, 05x, 07x, 08x, 09x
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


@dataclasses.dataclass(frozen=True)
class PersonData:
    id: str
    full_name: str
    title: str | None  # chức vụ
    organization_id: str | None
    organization_name: str | None
    phone: str | None  # canonical +84…
    email: str | None
    merged_into_id: str | None

    @property
    def phone_display(self) -> str:
        return display_phone(self.phone)


@dataclasses.dataclass(frozen=True)
class PersonInput:
    full_name: str
    title: str | None = None
    organization_id: str | None = None
    phone: str | None = None  # any way people write it: 0819.449.153, 0819 449 153, +84 819 449 153
    email: str | None = None
    # The user looked at the likely duplicates offered and confirmed this is someone else.
    allow_duplicate: bool = False


class DuplicatePersonError(ValidationError):
    """A person with the same name and phone exists; `candidates` are offered for reuse or merging."""

    def __init__(self, message: str, candidates: list[PersonData]):
        super().__init__(message, "full_name")
        self.candidates = candidates


def canonical_phone(text: str | None, field: str = "phone") -> str | None:
    """+84 and the national number without its leading 0; None for empty input.

    Mobiles have 9 national digits starting 3, 5, 7, 8 or 9; landlines 10 starting 2 (0262 3852 123).
    """
    raw = clean(text)
    if not raw:
        return None
    if re.search(r"[^\d\s.\-+()]", raw):
        raise ValidationError(translate(
            "Core", "Số điện thoại chỉ gồm chữ số (có thể có dấu chấm, cách, +84): “{text}”.").format(text=raw), field)
    digits = re.sub(r"\D", "", raw)
    if raw.lstrip("(").startswith("+") or (digits.startswith("84") and len(digits) in (11, 12)):
        if not digits.startswith("84"):
            raise ValidationError(
                translate("Core", "Chỉ nhận số điện thoại Việt Nam (+84): “{text}”.").format(text=raw), field)
        national = digits[2:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        national = digits
    mobile = len(national) == 9 and national[0] in _MOBILE_PREFIXES
    landline = len(national) == 10 and national[0] == "2"
    if not (mobile or landline):
        raise ValidationError(translate(
            "Core", "Số điện thoại không hợp lệ: “{text}”. Di động có 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09 "
            "(ví dụ 0819.449.153); máy bàn có 11 chữ số bắt đầu bằng 02.").format(text=raw), field)
    return "+84" + national


def display_phone(canonical: str | None) -> str:
    """0819.449.153 for mobiles, 0262.3852.123 for landlines; empty for None."""
    if not canonical:
        return ""
    national = "0" + canonical.removeprefix("+84")
    if len(national) == 10:
        return f"{national[:4]}.{national[4:7]}.{national[7:]}"
    if len(national) == 11:
        return f"{national[:4]}.{national[4:8]}.{national[8:]}"
    return national


def check_email(text: str | None, field: str = "email") -> str | None:
    raw = clean(text)
    if not raw:
        return None
    if not _EMAIL.match(raw):
        raise ValidationError(translate(
            "Core", "Địa chỉ thư điện tử không hợp lệ: “{text}” (ví dụ ten@daklak.gov.vn).").format(text=raw), field)
    return raw.lower()


def _to_data(person: Person, org_name: str | None) -> PersonData:
    return PersonData(
        id=person.id, full_name=person.full_name, title=person.title, organization_id=person.organization_id,
        organization_name=org_name, phone=person.phone, email=person.email, merged_into_id=person.merged_into_id,
    )


def _data(session: Session, person: Person) -> PersonData:
    org_name = referenced(session, Organization, person.organization_id).name if person.organization_id else None
    return _to_data(person, org_name)


def _validate(session: Session, data: PersonInput) -> dict[str, Any]:
    values = {
        "full_name": required(data.full_name, QT_TRANSLATE_NOOP("Fields", "họ và tên"), "full_name", 150),
        "title": clean(data.title),
        "organization_id": data.organization_id or None,
        "phone": canonical_phone(data.phone),
        "email": check_email(data.email),
    }
    if values["title"] and len(values["title"]) > 300:
        raise ValidationError(translate("Core", "Chức vụ dài quá 300 ký tự ({length}).").format(
            length=len(values["title"])), "title")
    if values["organization_id"]:
        get_live(session, Organization, values["organization_id"], ORGANIZATION)
    return values


def find_likely_duplicates(
    session: Session, full_name: str, phone: str | None, exclude_id: str | None = None
) -> list[PersonData]:
    """Live people with the same name (ignoring case and diacritics) and the same phone."""
    canonical = canonical_phone(phone)
    name = clean(full_name)
    if not canonical or not name:
        return []
    rows = session.execute(
        select(Person, Organization.name)
        .outerjoin(Organization, Organization.id == Person.organization_id)
        .where(
            Person.deleted.is_(False),
            Person.merged_into_id.is_(None),
            Person.phone == canonical,
            func.ptds_fold(Person.full_name) == fold(name),
            Person.id != (exclude_id or ""),
        )
        .order_by(Person.id)
    )
    return [_to_data(p, org) for p, org in rows]


def _refuse_duplicate(session: Session, values: dict[str, Any], data: PersonInput, editing_id: str | None) -> None:
    if data.allow_duplicate:
        return
    candidates = find_likely_duplicates(session, values["full_name"], values["phone"], editing_id)
    if candidates:
        first = candidates[0]
        where = f", {first.title}" if first.title else ""
        raise DuplicatePersonError(translate(
            "Core", "Có thể trùng người đã có: {name}{title}, điện thoại {phone}. "
            "Hãy chọn người đã có, gộp hai hồ sơ, hoặc xác nhận đây là người khác.").format(
                name=first.full_name, title=where, phone=first.phone_display), candidates)


def create_person(session: Session, data: PersonInput) -> PersonData:
    """Raises DuplicatePersonError when someone with the same name and phone exists (unless allow_duplicate)."""
    values = _validate(session, data)
    _refuse_duplicate(session, values, data, None)
    person = Person(**values)
    session.add(person)
    session.flush()
    return _data(session, person)


def update_person(session: Session, person_id: str, data: PersonInput) -> PersonData:
    person = get_live(session, Person, person_id, PERSON)
    values = _validate(session, data)
    _refuse_duplicate(session, values, data, person_id)
    for key, value in values.items():
        if getattr(person, key) != value:
            setattr(person, key, value)
    session.flush()
    return _data(session, person)


def check_new_person(session: Session, data: PersonInput) -> list[PersonData]:
    """Validate a person to be created later (a decision collects its new members before saving): raises the
    ValidationError create_person would; returns the likely duplicates to offer (none if allow_duplicate)."""
    values = _validate(session, data)
    if data.allow_duplicate:
        return []
    return find_likely_duplicates(session, values["full_name"], values["phone"])


def fill_empty_fields(session: Session, person_id: str, typed: PersonInput) -> PersonData:
    """The merge rule when someone typed a person already on file and chose to reuse that record: the record
    keeps what it has; only its empty fields (title, organization, phone, email) take what was typed."""
    kept = get_person(session, person_id)
    filled = PersonInput(
        kept.full_name, kept.title or typed.title or None, kept.organization_id or typed.organization_id or None,
        kept.phone or typed.phone or None, kept.email or typed.email or None, allow_duplicate=True,
    )
    before = (kept.title, kept.organization_id, kept.phone, kept.email)
    if (filled.title, filled.organization_id, filled.phone, filled.email) == before:
        return kept
    return update_person(session, person_id, filled)


def delete_person(session: Session, person_id: str) -> PersonData:
    """Tombstone; refused while the person holds a board seat (end it by a decision first)."""
    person = get_live(session, Person, person_id, PERSON)
    active = session.scalars(
        select(BoardMembership).where(
            BoardMembership.person_id == person_id,
            BoardMembership.deleted.is_(False),
            BoardMembership.end_date.is_(None),
        )
    ).first()
    if active is not None:
        raise ValidationError(translate(
            "Core", "Không xóa được “{name}”: đang là thành viên Ban Chỉ huy. "
            "Hãy kết thúc bằng quyết định kiện toàn trước.").format(name=person.full_name), "person_id")
    person.deleted = True
    session.flush()
    return _data(session, person)


def restore_person(session: Session, person_id: str) -> PersonData:
    return _data(session, untombstone(session, Person, person_id, PERSON))


def get_person(session: Session, person_id: str) -> PersonData:
    return _data(session, get_live(session, Person, person_id, PERSON))


def resolve_person_id(session: Session, person_id: str | None) -> str | None:
    """Follow merges: a reference to a merged-away record (say, made elsewhere before the merge synced)
    means the record it was merged into."""
    seen = set()
    while person_id and person_id not in seen:
        seen.add(person_id)
        target = session.scalar(select(Person.merged_into_id).where(Person.id == person_id))
        if not target:
            break
        person_id = target
    return person_id


def _search_terms(query: str) -> str:
    # "0819.449.153" → "0819449153" so it meets the phone column written with a leading 0.
    return " ".join(re.sub(r"[.\-]", "", w) if re.fullmatch(r"[\d.\-+]+", w) else w for w in query.split())


def search_people(session: Session, query: str = "", limit: int | None = None) -> list[PersonData]:
    """Live, unmerged people ordered by name; every word of `query` must occur, without diacritics,
    in the name, title, organization, email or phone (0819449153, 819 449, +84819…)."""
    stmt = (
        select(Person, Organization.name)
        .outerjoin(Organization, Organization.id == Person.organization_id)
        .where(Person.deleted.is_(False), Person.merged_into_id.is_(None))
    )
    if query.strip():
        local_phone = func.replace(func.coalesce(Person.phone, ""), "+84", "0")
        stmt = stmt.where(
            folded_contains(
                _search_terms(query), Person.full_name, Person.title, Organization.name, Organization.short_name,
                Person.email, Person.phone, local_phone,
            )
        )
    stmt = stmt.order_by(func.ptds_fold(Person.full_name), Person.id)
    if limit:
        stmt = stmt.limit(limit)
    return [_to_data(p, org) for p, org in session.execute(stmt)]


def duplicate_groups(session: Session) -> list[list[PersonData]]:
    """Sets of live people sharing name and phone (typed twice, or met through sync), to offer for merging."""
    key = (func.ptds_fold(Person.full_name), Person.phone)
    dup_keys = select(*key).where(
        Person.deleted.is_(False), Person.merged_into_id.is_(None), Person.phone.is_not(None)
    ).group_by(*key).having(func.count() > 1)
    groups: dict[tuple[str, str], list[PersonData]] = {}
    for name_key, phone in session.execute(dup_keys).all():
        groups[(name_key, phone)] = _people_by_key(session, name_key, phone)
    return [g for _, g in sorted(groups.items())]


def _people_by_key(session: Session, folded_name: str, phone: str) -> list[PersonData]:
    rows = session.execute(
        select(Person, Organization.name)
        .outerjoin(Organization, Organization.id == Person.organization_id)
        .where(
            Person.deleted.is_(False), Person.merged_into_id.is_(None), Person.phone == phone,
            func.ptds_fold(Person.full_name) == folded_name,
        )
        .order_by(Person.id)
    )
    return [_to_data(p, org) for p, org in rows]


def _person_references() -> Iterator[tuple[type[Any], str]]:
    """(model, column attribute name) for every column that points at people.id, except the merge link."""
    for mapper in Base.registry.mappers:
        for column in mapper.columns:
            if column.key == "merged_into_id":
                continue
            if any(fk.column.table.name == "people" for fk in column.foreign_keys):
                yield mapper.class_, column.key


def merge_people(session: Session, keep_id: str, merge_id: str) -> PersonData:
    """Merge `merge_id` into `keep_id`: every reference is re-pointed, empty fields of the kept record are filled
    from the other, and the other is tombstoned with `merged_into_id` set. Only ORM row changes, so the merge
    is captured and syncs like any edit."""
    if keep_id == merge_id:
        raise ValidationError(translate("Core", "Không thể gộp một người với chính họ."), "person_id")
    keep = get_live(session, Person, keep_id, PERSON)
    loser = get_live(session, Person, merge_id, PERSON)
    if keep.merged_into_id or loser.merged_into_id:
        raise ValidationError(translate("Core", "Hồ sơ này đã được gộp vào người khác."), "person_id")
    both = session.scalars(
        select(BoardMembership.board_id).where(
            BoardMembership.person_id.in_([keep_id, merge_id]),
            BoardMembership.deleted.is_(False),
            BoardMembership.end_date.is_(None),
        ).group_by(BoardMembership.board_id).having(func.count(func.distinct(BoardMembership.person_id)) > 1)
    ).first()
    if both:
        raise ValidationError(translate(
            "Core", "Không gộp được: cả “{name}” và hồ sơ trùng đều đang là thành viên cùng một Ban Chỉ huy. "
            "Hãy kết thúc một trong hai tư cách thành viên trước.").format(name=keep.full_name), "person_id")
    for model, attr in _person_references():
        column = getattr(model, attr)
        for row in session.scalars(select(model).where(column == merge_id)):
            setattr(row, attr, keep_id)
    for attr in ("title", "organization_id", "phone", "email"):
        if getattr(keep, attr) is None and getattr(loser, attr) is not None:
            setattr(keep, attr, getattr(loser, attr))
    loser.merged_into_id = keep_id
    loser.deleted = True
    session.flush()
    return _data(session, keep)


def resolve_person(session: Session, ref: str) -> PersonData:
    """A person as the CLI names one: an id, an id prefix (as `ptds roster list` prints it), or a name
    without diacritics ("nguyen van a"). Several matches: an error listing them, to pick by id."""
    ref = ref.strip()
    if not ref:
        raise ValidationError(translate("Core", "Hãy cho biết tên hoặc mã của người cần xem."), "person")
    ids: list[str] = []
    if re.fullmatch(r"[0-9a-fA-F-]{4,}", ref):  # ids are UUIDs; a shorter or non-hex text is a name
        by_id = session.scalars(
            select(Person.id).where(Person.deleted.is_(False), Person.id.startswith(ref.lower(), autoescape=True)))
        ids = [i for i in dict.fromkeys(resolve_person_id(session, i) for i in by_id) if i]
    if not ids:
        people = search_people(session, ref)
        same_name = [p for p in people if fold(p.full_name) == fold(ref)]
        ids = [p.id for p in (same_name or people)]
    if len(ids) == 1:
        return get_person(session, ids[0])
    if not ids:
        raise NotFoundError(translate("Core", "Không tìm thấy người nào có tên hoặc mã “{ref}”.").format(ref=ref))
    candidates = [get_person(session, i) for i in ids[:10]]
    lines = [f"  {p.id[:8]}  {p.full_name}" + (f" — {p.title}" if p.title else "")
             + (f", {p.organization_name}" if p.organization_name else "") for p in candidates]
    more = translate("Core", "\n  … và {count} người khác").format(count=len(ids) - 10) if len(ids) > 10 else ""
    raise PtdsError(translate(
        "Core", "“{ref}” khớp {count} người; hãy gõ mã (vài ký tự đầu) của người cần xem:").format(
        ref=ref, count=len(ids)) + "\n" + "\n".join(lines) + more)
