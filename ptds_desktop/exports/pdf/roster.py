"""The board roster attached to its decision (Danh sách thành viên …) and the member-responsibility list
(phân công nhiệm vụ thành viên), as administrative documents."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable

from ptds_desktop.exports.pdf.document import (
    Header,
    build_pdf,
    data_table,
    escape,
    header_block,
    heading,
    markup,
    paragraph,
    title_block,
)
from ptds_desktop.models.enums import BOARD_ROLES
from ptds_desktop.services.memberships import MemberData
from ptds_desktop.services.roster import RosterSnapshot
from ptds_desktop.text import format_date

ROSTER_COLUMNS = ("TT", "Họ và tên", "Chức vụ, đơn vị", "Chức danh trong Ban", "Điện thoại")
ROSTER_WIDTHS = (0.06, 0.25, 0.31, 0.21, 0.17)
# Group headings of the responsibility list; plural when a role has several members.
ROLE_GROUPS = {
    "head": ("Trưởng ban", "Trưởng ban"),
    "standing_deputy": ("Phó Trưởng ban thường trực", "Phó Trưởng ban thường trực"),
    "deputy": ("Phó Trưởng ban", "Các Phó Trưởng ban"),
    "standing_member": ("Ủy viên thường trực", "Các Ủy viên thường trực"),
    "member": ("Ủy viên", "Các Ủy viên"),
}


def issuing_bodies(snapshot: RosterSnapshot) -> tuple[str, str]:
    """("UBND TỈNH ĐẮK LẮK", "BAN CHỈ HUY PHÒNG THỦ DÂN SỰ") from the board's name and unit."""
    board = snapshot.board
    body = board.name
    if body.lower().endswith(board.unit_name.lower()):
        body = body[: -len(board.unit_name)].strip()
    return f"UBND {board.unit_name}".upper(), body.upper()


def attachment_note(snapshot: RosterSnapshot) -> str:
    """"(Kèm theo Quyết định số …)" when a decision is in force, else the date the roster stands at."""
    if snapshot.decision is not None:
        return f"(Kèm theo {snapshot.decision.citation})"
    return f"(Tính đến ngày {format_date(snapshot.on)})"


def roster_rows(members: tuple[MemberData, ...]) -> list[list]:
    """TT, name (blank for a seat named by position), position and unit, board role, phone."""
    return [
        [i, m.full_name or "", m.position or m.organization_name or "", m.role_label, m.phone_display]
        for i, m in enumerate(members, start=1)
    ]


def _front(snapshot: RosterSnapshot, summary: str) -> list[Flowable]:
    parent, issuing = issuing_bodies(snapshot)
    return header_block(Header(issuing_body=issuing, parent_body=parent)) + title_block(
        "DANH SÁCH", summary, attachment_note(snapshot)
    )


def roster_title(snapshot: RosterSnapshot) -> str:
    return f"Thành viên {snapshot.board.name}"


def write_roster_pdf(snapshot: RosterSnapshot, target: Path | str | BinaryIO) -> None:
    story = _front(snapshot, roster_title(snapshot))
    if snapshot.members:
        story.append(data_table(ROSTER_COLUMNS, roster_rows(snapshot.members), ROSTER_WIDTHS, centred_columns=(0, 4)))
    else:
        story.append(paragraph(f"Ban chưa có thành viên vào ngày {format_date(snapshot.on)}.", "center_italic"))
    build_pdf(target, story, title=f"Danh sách thành viên {snapshot.board.name}",
              subject=attachment_note(snapshot).strip("()"))


def duties_title(snapshot: RosterSnapshot) -> str:
    return f"Phân công nhiệm vụ thành viên {snapshot.board.name}"


def _member_line(number: int, m: MemberData) -> Flowable:
    who = f"Đồng chí {m.full_name}" if m.full_name else (m.position or "")
    position = f", {m.position}" if m.full_name and m.position else ""
    return markup(f"<b>{number}. {escape(who)}</b>{escape(position)} - {escape(m.role_label)}", "body")


def write_duties_pdf(snapshot: RosterSnapshot, target: Path | str | BinaryIO) -> None:
    """Each member's field of responsibility, grouped by board role (Roman numerals) in roster order."""
    story = _front(snapshot, duties_title(snapshot))
    groups = [(role, [m for m in snapshot.members if m.role == role]) for role in BOARD_ROLES]
    section = 0
    for role, members in groups:
        if not members:
            continue
        section += 1
        singular, plural = ROLE_GROUPS[role]
        story.append(heading(plural if len(members) > 1 else singular, section))
        for number, m in enumerate(members, start=1):
            story.append(_member_line(number, m))
            if m.responsibility:
                story += [paragraph(line, "body") for line in m.responsibility.splitlines() if line.strip()]
            else:
                story.append(paragraph("(Chưa phân công lĩnh vực phụ trách.)", "body"))
    if not section:
        story.append(paragraph(f"Ban chưa có thành viên vào ngày {format_date(snapshot.on)}.", "center_italic"))
    build_pdf(target, story, title=duties_title(snapshot), subject=attachment_note(snapshot).strip("()"))
