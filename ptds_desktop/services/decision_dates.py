"""Dates of a decision worth a second look before saving: in the future, or before the board was founded.
Not errors (a decision may be entered ahead, an old one recorded late): the interface asks first."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptds_desktop.i18n import translate
from ptds_desktop.models import Decision
from ptds_desktop.text import format_date


def decision_date_concerns(session: Session, board_id: str, issued_on: dt.date, editing_id: str | None = None,
                           today: dt.date | None = None) -> list[str]:
    """What to ask about `issued_on` for a decision of the board (`editing_id`: the decision being corrected,
    which does not count as the founding one). Empty when the date raises no question."""
    today = today or dt.date.today()
    concerns = []
    if issued_on > today:
        concerns.append(translate("Core", "Ngày ký {date} là một ngày trong tương lai (hôm nay là {today}).").format(
            date=format_date(issued_on), today=format_date(today)))
    founding = session.execute(
        select(Decision.issued_on, Decision.number_symbol)
        .where(Decision.board_id == board_id, Decision.deleted.is_(False), Decision.id != (editing_id or ""))
        .order_by(Decision.issued_on, Decision.number_symbol).limit(1)
    ).first()
    if founding is not None and issued_on < founding.issued_on:
        concerns.append(translate(
            "Core", "Ngày ký {date} trước ngày Ban được thành lập ({founded}, Quyết định số {number}): "
            "khi đó Ban chưa có thành viên nào.").format(
                date=format_date(issued_on), founded=format_date(founding.issued_on), number=founding.number_symbol))
    return concerns
