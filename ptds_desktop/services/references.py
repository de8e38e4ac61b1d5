"""One reference type for "an organization, a person, or words as printed".

Documents name agencies in three ways: a catalogue organization ("Công an tỉnh"), a person ("đồng chí
Nguyễn Văn A"), or a phrase that is no single catalogue entry ("Các sở, ban, ngành; UBND cấp xã"). A
`Reference` holds one of them; an organization may carry the printed wording beside it, so words typed or
imported first can later be linked to the catalogue without changing what the document prints.
Tasks (agencies per role) and conferences (presenters, duties) store their references with these rules.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptds_desktop.errors import ValidationError
from ptds_desktop.models import Organization, Person
from ptds_desktop.services.common import clean
from ptds_desktop.services.people import resolve_person_id
from ptds_desktop.text import fold

TEXT_MAX_LENGTH = 500
_EDGE_PUNCTUATION = " .,;:-–"


@dataclasses.dataclass(frozen=True)
class Reference:
    """Exactly one of organization / person, or text alone; text beside an organization is its printed wording."""

    organization_id: str | None = None
    person_id: str | None = None
    text: str | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.organization_id or self.person_id or (self.text and self.text.strip()))

    @property
    def is_words_only(self) -> bool:
        """Words not (yet) linked to the catalogue."""
        return not self.organization_id and not self.person_id and bool(self.text)


def validate_reference(session: Session, ref: Reference, field: str) -> Reference:
    """The reference cleaned (NFC, trimmed, spaces collapsed, merged people followed) or ValidationError on `field`."""
    text = clean(ref.text)
    organization_id = ref.organization_id or None
    person_id = ref.person_id or None
    if organization_id and person_id:
        raise ValidationError("Chọn một cơ quan hoặc một người, không cả hai.", field)
    if person_id and text:
        raise ValidationError("Khi đã chọn người thì không ghi thêm tên cơ quan; bỏ phần chữ hoặc bỏ người.", field)
    if not (organization_id or person_id or text):
        raise ValidationError("Cần chọn cơ quan, người, hoặc ghi tên như trong văn bản.", field)
    if text and len(text) > TEXT_MAX_LENGTH:
        raise ValidationError(f"Tên ghi trong văn bản dài quá {TEXT_MAX_LENGTH} ký tự ({len(text)}).", field)
    if organization_id:
        org = session.get(Organization, organization_id)
        if org is None:
            raise ValidationError(f"Không tìm thấy cơ quan, đơn vị có mã {organization_id}.", field)
        if org.deleted:
            raise ValidationError(f"Cơ quan “{org.name}” đã bị xóa khỏi danh mục; chọn cơ quan khác.", field)
    if person_id:
        person_id = resolve_person_id(session, person_id)
        person = session.get(Person, person_id)
        if person is None:
            raise ValidationError(f"Không tìm thấy người có mã {ref.person_id}.", field)
        if person.deleted:
            raise ValidationError(f"“{person.full_name}” đã bị xóa khỏi danh sách người; chọn người khác.", field)
    return Reference(organization_id=organization_id, person_id=person_id, text=text)


def _person_label(full_name: str, title: str | None) -> str:
    return f"{full_name}, {title}" if title else full_name


def reference_labels(session: Session, refs: Iterable[Reference]) -> list[str]:
    """What documents print for each reference, in order; two queries whatever the number of references.

    The printed wording wins; otherwise the catalogue name (even of an entry deleted since, so an issued
    document reads the same), or the person's name and title."""
    refs = list(refs)
    org_ids = {r.organization_id for r in refs if r.organization_id and not r.text}
    person_ids = {r.person_id for r in refs if r.person_id}
    org_names: dict[str, str] = {}
    if org_ids:
        rows = session.execute(select(Organization.id, Organization.name).where(Organization.id.in_(org_ids)))
        org_names = {org_id: name for org_id, name in rows}
    people: dict[str, str] = {}
    if person_ids:
        rows = session.execute(select(Person.id, Person.full_name, Person.title).where(Person.id.in_(person_ids)))
        people = {pid: _person_label(name, title) for pid, name, title in rows}
    labels = []
    for ref in refs:
        if ref.text:
            labels.append(ref.text)
        elif ref.organization_id:
            labels.append(org_names.get(ref.organization_id, ""))
        elif ref.person_id:
            labels.append(people.get(ref.person_id, ""))
        else:
            labels.append("")
    return labels


def reference_label(session: Session, ref: Reference) -> str:
    return reference_labels(session, [ref])[0]


def catalogue_key(words: str | None) -> str:
    """How a name is compared with the catalogue: folded, spaces collapsed, edge punctuation dropped."""
    return fold(words).strip(_EDGE_PUNCTUATION)


def catalogue_index(session: Session) -> dict[str, str]:
    """Folded full and short names of live organizations → id (full names win over short ones), for bulk matching."""
    index: dict[str, str] = {}
    rows = session.execute(
        select(Organization.id, Organization.name, Organization.short_name)
        .where(Organization.deleted.is_(False))
        .order_by(Organization.name)
    ).all()
    for org_id, _name, short_name in rows:
        if short_name:
            index.setdefault(catalogue_key(short_name), org_id)
    for org_id, name, _short in rows:
        index[catalogue_key(name)] = org_id
    return index


def match_organization(session: Session, words: str | None) -> str | None:
    """The id of the catalogue organization these words name (ignoring diacritics, case, extra spaces), or None."""
    key = catalogue_key(words)
    if not key:
        return None
    return catalogue_index(session).get(key)


def reference_from_words(words: str, index: dict[str, str]) -> Reference:
    """Words as printed, linked to the catalogue entry they name when there is one (the wording is kept)."""
    text = clean(words)
    org_id = index.get(catalogue_key(text)) if text else None
    return Reference(organization_id=org_id, text=text)
