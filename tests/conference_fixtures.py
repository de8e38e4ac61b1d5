"""Commune boards built through the services, each with a chairman who heads it and two members: enough to
stand for a province's bridge sites (102 communes give 102 sites and, with the members, 306 invitees).
The names are invented for tests."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ptds_desktop.models import Conference
from ptds_desktop.services import boards
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services.conference_invitees import (
    add_board_members,
    add_commune_chairs,
    list_invitees,
)
from ptds_desktop.services.conference_venues import list_venues
from ptds_desktop.services.decisions import DecisionInput, apply_decision
from ptds_desktop.services.memberships import MemberInput
from ptds_desktop.services.people import PersonInput


def commune_boards(s, count: int) -> list[str]:
    board_ids = []
    for n in range(1, count + 1):
        unit = f"xã Ea Thử {n:03d}"
        committee = orgs.create_organization(s, orgs.OrganizationInput(
            f"Ủy ban nhân dân {unit}", short_name=f"UBND {unit}", kind="people_committee")).id
        board = boards.create_board(s, boards.BoardInput(
            f"Ban Chỉ huy Phòng thủ dân sự {unit}", unit, "commune", people_committee_id=committee))
        apply_decision(
            s, board.id, DecisionInput(f"{n:02d}/QĐ-UBND", "01/07/2025", issued_by=f"Chủ tịch UBND {unit}"),
            joining=[
                MemberInput("head", new_person=PersonInput(f"Chủ Tịch {n:03d}", f"Chủ tịch UBND {unit}", committee)),
                MemberInput("deputy", new_person=PersonInput(f"Chỉ Huy {n:03d}", "Chỉ huy trưởng Ban CHQS", committee)),
                MemberInput("member", position_text=f"Trưởng Công an {unit}"),
            ])
        board_ids.append(board.id)
    return board_ids


def bridge_conference(s, conference_id: str, communes: int) -> tuple[int, int]:
    """Every commune's chair at its own bridge site, then the rest of its board summoned there."""
    board_ids = commune_boards(s, communes)
    add_commune_chairs(s, conference_id)
    sites = {v.host_org_id: v.id for v in list_venues(s, conference_id)}
    for board_id in board_ids:
        board = boards.get_board(s, board_id)
        add_board_members(s, conference_id, board_id, venue_id=sites[board.people_committee_id])
    return len(list_venues(s, conference_id)), len(list_invitees(s, conference_id))


def demo_conference_id(s) -> str:
    return s.scalars(select(Conference.id).where(Conference.starts_at == dt.datetime(2026, 3, 12, 14, 0))).one()
