"""The board's documents as `documents.Document`: the decision establishing or reorganising it (Quyết định
with the member list as its appendix), the member list on a date, and the members' duties.

    document = roster_document(session, "decision" | "list" | "duties", board_id, on=None, decision_id=None)
    write_document(document, "out.pdf")     # ptds_desktop.exports.files

Document text is Vietnamese whatever the interface language; placeholders of the screens are left out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptds_desktop.documents.model import (
    Article,
    Block,
    Closing,
    Column,
    Document,
    Heading,
    Paragraph,
    Row,
    Run,
    Section,
    SectionHeading,
    Table,
    Title,
)
from ptds_desktop.documents.text import OPEN_GAP, roman, split_number_symbol, with_end_mark
from ptds_desktop.errors import PtdsError
from ptds_desktop.i18n import translate
from ptds_desktop.models import BoardMembership, Organization
from ptds_desktop.models.enums import BOARD_ROLES
from ptds_desktop.services import decisions, memberships, roster
from ptds_desktop.services.boards import BoardData, get_board
from ptds_desktop.services.decisions import DecisionData
from ptds_desktop.services.documents import DocumentSettingsData, document_settings, office_locality
from ptds_desktop.services.memberships import MemberData
from ptds_desktop.text import format_date

ROSTER_DOCUMENTS = {"decision": "Quyết định kiện toàn Ban", "list": "Danh sách thành viên",
                    "duties": "Phân công nhiệm vụ thành viên"}
# Formats each document makes sense in: a decision or the duties are text; the list is a table.
ROSTER_FORMATS = {"decision": ("pdf", "docx"), "list": ("pdf", "docx", "xlsx"), "duties": ("pdf", "docx")}

LIST_COLUMNS = (Column("TT", 0.6, centred=True), Column("Họ và tên", 2.5), Column("Chức vụ, đơn vị", 3.1),
                Column("Chức danh trong Ban", 2.1), Column("Điện thoại", 1.7, centred=True))
APPENDIX_COLUMNS = (Column("TT", 0.6, centred=True), Column("Họ và tên", 2.6), Column("Chức vụ, đơn vị", 3.7),
                    Column("Chức danh trong Ban", 2.8))
# Group headings of the duties; plural when a role has several members.
ROLE_GROUPS = {
    "head": ("Trưởng ban", "Trưởng ban"),
    "standing_deputy": ("Phó Trưởng ban thường trực", "Phó Trưởng ban thường trực"),
    "deputy": ("Phó Trưởng ban", "Các Phó Trưởng ban"),
    "standing_member": ("Ủy viên thường trực", "Các Ủy viên thường trực"),
    "member": ("Ủy viên", "Các Ủy viên"),
}
_VERB = {"establish": "thành lập", "reorganize": "kiện toàn", "other": "kiện toàn"}


def default_decision_summary(kind: str, board_name: str) -> str:
    """The trích yếu a new decision gets: "Về việc kiện toàn Ban Chỉ huy …" (Vietnamese in any UI language)."""
    return f"Về việc {_VERB.get(kind, 'kiện toàn')} {board_name}"


def _summary_line(decision: DecisionData | None, board: BoardData) -> str:
    """The decision's recorded summary as a title line ("Thành lập Ban …" → "Về việc thành lập Ban …")."""
    if decision is None or not decision.summary:
        return default_decision_summary(decision.kind if decision else "reorganize", board.name)
    summary = decision.summary.strip().rstrip(".")
    if summary.lower().startswith(("về việc", "v/v")):
        return summary
    return f"Về việc {summary[0].lower()}{summary[1:]}"


def _sentence(text: str, end: str) -> str:
    return text.strip().rstrip(".;,:") + end


def _bases(lines: Sequence[str], proposal: str | None) -> list[Block]:
    """"Căn cứ …;" lines, the last before the proposal ending with ";" too, the very last with "."."""
    texts = list(lines) + ([proposal] if proposal else [])
    return [Paragraph(_sentence(text, "." if i == len(texts) - 1 else ";"), "basis") for i, text in enumerate(texts)]


def _citation(decision: DecisionData | None, settings: DocumentSettingsData, year: int) -> str:
    """"Quyết định số 00215/QĐ-UBND ngày 20/01/2026 của Chủ tịch UBND tỉnh"; open number and date on a draft."""
    who = (decision.issued_by if decision else None) or settings.cited_as
    if decision is None:
        text = f"Quyết định số{OPEN_GAP}/{settings.symbol or 'QĐ'} ngày{OPEN_GAP}/{OPEN_GAP}/{year}"
    else:
        text = f"Quyết định số {decision.number_symbol} ngày {format_date(decision.issued_on)}"
    return f"{text} của {who}" if who else text


def _citations(cited: Sequence[DecisionData]) -> str:
    """Several decisions cited as one: "Quyết định số A ngày … và Quyết định số B ngày … của X"."""
    same_issuer = len({d.issued_by for d in cited}) == 1 and cited[0].issued_by
    parts = [f"Quyết định số {d.number_symbol} ngày {format_date(d.issued_on)}" for d in cited]
    if not same_issuer:
        parts = [d.citation for d in cited]
    text = ", ".join(parts[:-1]) + (" và " if len(parts) > 1 else "") + parts[-1]
    return f"{text} của {cited[0].issued_by}" if same_issuer else text


def _member_cells(number: int, m: MemberData, phone: bool) -> tuple[str | int | None, ...]:
    cells: tuple[str | int | None, ...] = (number, m.full_name or "", m.position or m.organization_name or "",
                                           m.role_label)
    return cells + (m.phone_display,) if phone else cells


def _members_table(members: Sequence[MemberData], on: dt.date, phone: bool) -> Table:
    rows: tuple[Row, ...] = tuple(_member_cells(i, m, phone) for i, m in enumerate(members, start=1))
    return Table(LIST_COLUMNS if phone else APPENDIX_COLUMNS, rows,
                 empty_text=f"Ban chưa có thành viên vào ngày {format_date(on)}.")


def _decisions_making(session: Session, board_id: str, on: dt.date) -> list[DecisionData]:
    """The decisions that made the board as it stands on `on`: those that appointed its members, and those
    that ended memberships up to then; oldest first."""
    ids: set[str] = set()
    for m in session.scalars(select(BoardMembership).where(
            BoardMembership.board_id == board_id, BoardMembership.deleted.is_(False),
            BoardMembership.start_date <= on)):
        if m.end_date is None or on < m.end_date:
            if m.start_decision_id:
                ids.add(m.start_decision_id)
        elif m.end_decision_id:
            ids.add(m.end_decision_id)
    return [d for d in decisions.list_decisions(session, board_id) if d.id in ids]


def _closing(settings: DocumentSettingsData) -> Closing:
    return Closing(settings.signature, settings.recipients_block())


def _board_heading(settings: DocumentSettingsData, year: int) -> Heading:
    return Heading(settings.issuer, settings.symbol, None, settings.place_name, None, year)


# ---------------------------------------------------------------- the decision


def _effective_date(session: Session, decision: DecisionData) -> dt.date:
    changes = decisions.decision_changes(session, decision.id)
    dates = [m.start_date for m in changes.joined] + [m.end_date for m in changes.left if m.end_date]
    return min(dates, default=decision.issued_on)


def decision_document(session: Session, board_id: str, decision_id: str | None = None,
                      on: dt.date | None = None) -> Document:
    """The Quyết định establishing or reorganising the board, its member list as the appendix citing it.
    Without `decision_id`: the latest decision in force on `on` (default today); a board without any
    decision gets a draft with its number and date left open, listing the board as it stands."""
    board = get_board(session, board_id)
    settings = document_settings(session, "decision")
    if decision_id:
        decision: DecisionData | None = decisions.get_decision(session, decision_id)
        if decision is None or decision.board_id != board_id:
            raise PtdsError(translate("Core", "Quyết định này không thuộc Ban Chỉ huy đã chọn."))
    else:
        decision = roster.roster_snapshot(session, board_id, on).decision
    day = _effective_date(session, decision) if decision else (on or dt.date.today())
    members = memberships.roster_on(session, board_id, day)
    year = decision.issued_on.year if decision else day.year
    number, symbol = split_number_symbol(decision.number_symbol) if decision else (None, settings.symbol)
    heading = Heading(settings.issuer, symbol, number, settings.place_name,
                      decision.issued_on if decision else None, year)
    verb = _VERB.get(decision.kind if decision else "reorganize", "kiện toàn")
    where = office_locality(board.unit_name, board.level)
    cited = settings.cited_as or (decision.issued_by if decision else None) or f"Chủ tịch UBND {where.unit}"

    blocks: list[Block] = []
    if settings.authority:
        blocks.append(Paragraph(settings.authority.upper(), "center_bold", space_before=6))
    blocks += _bases(settings.bases, settings.proposal)
    blocks.append(Paragraph("QUYẾT ĐỊNH:", "center_bold", space_before=6))
    blocks.append(Article(1, f"{verb.capitalize()} {board.name} (sau đây gọi tắt là Ban Chỉ huy), gồm các ông, bà "
                             "có tên trong danh sách kèm theo Quyết định này."))
    standing = session.get(Organization, board.standing_agency_id) if board.standing_agency_id else None
    duties = (f"Ban Chỉ huy có trách nhiệm giúp {cited} chỉ đạo, điều hành công tác phòng thủ dân sự trên "
              f"địa bàn {where.full} theo quy định của Luật Phòng thủ dân sự và các văn bản hướng dẫn thi hành. "
              "Trưởng ban phân công nhiệm vụ cụ thể cho từng thành viên; thành viên Ban Chỉ huy làm việc theo "
              "chế độ kiêm nhiệm.")
    if standing is not None and not standing.deleted:
        duties += f" Cơ quan thường trực của Ban Chỉ huy là {standing.name}."
    blocks.append(Article(2, duties))
    earlier = [d for d in decisions.list_decisions(session, board_id)
               if decision is None or (d.id != decision.id and d.issued_on <= decision.issued_on)]
    in_force = "Quyết định này có hiệu lực kể từ ngày ký"
    if earlier and verb == "kiện toàn":
        in_force += f" và thay thế {_citations(earlier[-1:])}"
    executors = settings.executors or "Các cơ quan, đơn vị có liên quan và các ông, bà có tên tại Điều 1"
    blocks.append(Article(3, f"{in_force}. {executors} chịu trách nhiệm thi hành Quyết định này."))
    blocks = with_end_mark(blocks)
    signature = settings.signature
    if decision and decision.signer_name:
        signature = dataclasses.replace(signature, name=decision.signer_name)
    blocks.append(Closing(signature, settings.recipients_block()))

    summary = _summary_line(decision, board)
    appendix = Section(
        (_members_table(members, day, phone=False),),
        title=Title("DANH SÁCH", f"Thành viên {board.name}",
                    f"(Kèm theo {_citation(decision, settings, year)})"),
        restart_page_numbers=True,
    )
    main = Section(tuple(blocks), heading, Title("QUYẾT ĐỊNH", summary))
    name = decision.number_symbol if decision else "dự thảo"
    return Document(f"Quyết định {name} {summary[0].lower()}{summary[1:]}", (main, appendix),
                    subject=summary, name="Danh sách thành viên")


# ---------------------------------------------------------------- the list and the duties


def _standing_note(session: Session, board_id: str, on: dt.date) -> str:
    made_by = _decisions_making(session, board_id, on)
    if made_by:
        return f"(Theo {_citations(made_by)})"
    return f"(Tính đến ngày {format_date(on)})"


def list_document(session: Session, board_id: str, on: dt.date | None = None) -> Document:
    """The members on `on` (default today), citing every decision that made the board as it then stood."""
    snapshot = roster.roster_snapshot(session, board_id, on)
    settings = document_settings(session, "list")
    summary = f"Thành viên {snapshot.board.name}"
    section = Section(
        (_members_table(snapshot.members, snapshot.on, phone=True), _closing(settings)),
        _board_heading(settings, snapshot.on.year),
        Title("DANH SÁCH", summary, _standing_note(session, board_id, snapshot.on)),
    )
    return Document(f"Danh sách thành viên {snapshot.board.name}", (section,),
                    subject=f"Ngày {format_date(snapshot.on)}", name="Danh sách thành viên")


def _member_line(number: int, m: MemberData) -> Paragraph:
    who = f"Đồng chí {m.full_name}" if m.full_name else (m.position or "")
    position = f", {m.position}" if m.full_name and m.position else ""
    return Paragraph((Run(f"{number}. {who}", bold=True), Run(f"{position} - {m.role_label}")))


def duties_document(session: Session, board_id: str, on: dt.date | None = None) -> Document:
    """Each member's field of responsibility, grouped by board role (Roman numerals) in roster order; members
    without one are listed without a placeholder."""
    snapshot = roster.roster_snapshot(session, board_id, on)
    settings = document_settings(session, "list")
    blocks: list[Block] = []
    section_number = 0
    for role in BOARD_ROLES:
        members = [m for m in snapshot.members if m.role == role]
        if not members:
            continue
        section_number += 1
        singular, plural = ROLE_GROUPS[role]
        blocks.append(SectionHeading(1, roman(section_number), plural if len(members) > 1 else singular))
        for number, m in enumerate(members, start=1):
            blocks.append(_member_line(number, m))
            blocks += [Paragraph(line.strip()) for line in (m.responsibility or "").splitlines() if line.strip()]
    if not blocks:
        blocks.append(Paragraph(f"Ban chưa có thành viên vào ngày {format_date(snapshot.on)}.", "center_italic"))
    blocks = with_end_mark(blocks)
    blocks.append(_closing(settings))
    summary = f"Phân công nhiệm vụ thành viên {snapshot.board.name}"
    section = Section(tuple(blocks), _board_heading(settings, snapshot.on.year),
                      Title("DANH SÁCH", summary, _standing_note(session, board_id, snapshot.on)))
    return Document(summary, (section,), subject=f"Ngày {format_date(snapshot.on)}", name="Phân công nhiệm vụ")


def roster_document(session: Session, what: str, board_id: str, on: dt.date | None = None,
                    decision_id: str | None = None) -> Document:
    """One entry point for the GUI and the CLI: "decision", "list" or "duties"."""
    if what == "decision":
        return decision_document(session, board_id, decision_id, on)
    if what == "list":
        return list_document(session, board_id, on)
    if what == "duties":
        return duties_document(session, board_id, on)
    raise PtdsError(translate("Core", "Không rõ văn bản “{what}” (chọn: {choices}).").format(
        what=what, choices=", ".join(ROSTER_DOCUMENTS)))
