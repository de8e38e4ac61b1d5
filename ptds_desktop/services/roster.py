"""Reading the roster as documents and the history tab see it: the board on a date with the decision in force,
its whole history, the dates it changed, one person's roles."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptds_desktop.i18n import QT_TRANSLATE_NOOP
from ptds_desktop.models import BoardMembership, CommandBoard, Person
from ptds_desktop.services.boards import BoardData, get_board
from ptds_desktop.services.common import BOARD, PERSON, as_date, get_live, not_found
from ptds_desktop.services.decisions import DecisionData, list_decisions
from ptds_desktop.services.memberships import MemberData, live_memberships, member_data, roster_on
from ptds_desktop.services.people import resolve_person_id


@dataclasses.dataclass(frozen=True)
class RosterSnapshot:
    """The board as it stood on `on`; `decision` is the latest decision in force then (the one a printed
    roster is attached to)."""

    board: BoardData
    on: dt.date
    decision: DecisionData | None
    members: tuple[MemberData, ...]


def roster_snapshot(session: Session, board_id: str, on: dt.date | str | None = None) -> RosterSnapshot:
    day = as_date(on, QT_TRANSLATE_NOOP("Fields", "ngày"), "on") if on else dt.date.today()
    board = get_board(session, board_id)
    # The latest decision that changed the roster up to that day; ties by the latest effective date.
    changes = session.execute(
        select(BoardMembership.start_decision_id, BoardMembership.start_date).where(
            BoardMembership.board_id == board_id, BoardMembership.deleted.is_(False), BoardMembership.start_date <= day
        ).union_all(
            select(BoardMembership.end_decision_id, BoardMembership.end_date).where(
                BoardMembership.board_id == board_id, BoardMembership.deleted.is_(False),
                BoardMembership.end_date <= day,
            )
        )
    ).all()
    effective = {decision_id: when for decision_id, when in changes if decision_id}
    candidates = [d for d in list_decisions(session, board_id) if d.id in effective]
    decision = max(candidates, key=lambda d: (effective[d.id], d.issued_on), default=None)
    return RosterSnapshot(board, day, decision, tuple(roster_on(session, board_id, day)))


def board_history(session: Session, board_id: str) -> list[MemberData]:
    """Every membership the board has had, current and ended, by start date then role (the history table)."""
    get_live(session, CommandBoard, board_id, BOARD)
    rows = [member_data(session, m) for m in live_memberships(session, board_id)]
    return sorted(rows, key=lambda m: (m.start_date, m.role_rank, m.sort_order, m.id))


def change_dates(session: Session, board_id: str) -> list[dt.date]:
    """Every date on which the board's composition changed, oldest first (for a history date picker)."""
    memberships = live_memberships(session, board_id)
    return sorted({m.start_date for m in memberships} | {m.end_date for m in memberships if m.end_date})


def person_history(session: Session, person_id: str) -> list[MemberData]:
    """Every board role the person has held, oldest first (merged records included)."""
    resolved = resolve_person_id(session, person_id)
    if session.get(Person, resolved) is None:
        raise not_found(PERSON, person_id)
    ids = {resolved} | set(session.scalars(select(Person.id).where(Person.merged_into_id == resolved)))
    rows = session.scalars(
        select(BoardMembership).where(BoardMembership.person_id.in_(ids), BoardMembership.deleted.is_(False))
    )
    return sorted((member_data(session, m) for m in rows), key=lambda m: (m.start_date, m.role_rank, m.board_name))
