"""`ptds roster …`: command boards, the roster on any date, person history, and the board's documents
(decision, member list, duties) as PDF, Word or Excel."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ptds_desktop.cli.base import Context, add_json_flag, add_output, print_json, print_table
from ptds_desktop.errors import PtdsError
from ptds_desktop.exports.files import FORMATS, format_of, write_document
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate
from ptds_desktop.models.enums import BOARD_ROLES, OFFICE_LEVELS
from ptds_desktop.services import boards, decisions, memberships, people, roster
from ptds_desktop.services.roster_documents import ROSTER_DOCUMENTS, ROSTER_FORMATS, roster_document
from ptds_desktop.text import format_date, parse_date


def register(commands) -> None:
    p = commands.add_parser("roster", help="Ban Chỉ huy: danh sách thành viên, lịch sử, xuất PDF/Excel")
    sub = p.add_subparsers(dest="roster_command", metavar="LỆNH", title="lệnh", required=True)

    q = sub.add_parser("boards", help="liệt kê các Ban Chỉ huy")
    add_json_flag(q)
    q.set_defaults(handler=run_boards)

    q = sub.add_parser("list", help="danh sách thành viên (hôm nay, hoặc tại một ngày: --on 09/10/2025)")
    _board_and_date(q)
    add_json_flag(q)
    q.set_defaults(handler=run_list)

    q = sub.add_parser("export", help="xuất quyết định, danh sách thành viên, phân công nhiệm vụ (PDF, Word, Excel)")
    q.add_argument("--what", choices=tuple(ROSTER_DOCUMENTS), default="list", metavar="LOẠI",
                   help="decision: quyết định kiện toàn kèm danh sách; list: danh sách thành viên (mặc định); "
                        "duties: phân công nhiệm vụ")
    q.add_argument("--format", choices=tuple(FORMATS), metavar="ĐỊNH_DẠNG",
                   help="pdf, docx hoặc xlsx (mặc định: theo đuôi tệp -o)")
    add_output(q, "tệp cần ghi (PDF, Word hoặc Excel)")
    q.add_argument("--decision", metavar="SỐ", help="quyết định theo số, ký hiệu (mặc định: quyết định đang có "
                                                    "hiệu lực vào ngày --on; chưa có thì in bản dự thảo)")
    _board_and_date(q)
    q.set_defaults(handler=run_export)

    q = sub.add_parser("history", help="quá trình tham gia Ban của một người")
    q.add_argument("person", metavar="NGƯỜI", help="họ tên (gõ không dấu cũng được) hoặc mã (vài ký tự đầu, "
                   "như ptds roster list in ra)")
    add_json_flag(q)
    q.set_defaults(handler=run_history)


def _board_and_date(parser) -> None:
    parser.add_argument("--board", metavar="BAN", help="mã (hoặc phần đầu mã, hoặc tên) Ban Chỉ huy")
    parser.add_argument("--on", metavar="NGÀY", help="ngày (15/06/2026, 15/6/26…), mặc định hôm nay")


def _snapshot(ctx: Context, args) -> roster.RosterSnapshot:
    on = parse_date(args.on, "ngày") if args.on else None
    with ctx.db().unit_of_work() as s:
        board = boards.resolve_board(s, args.board)
        return roster.roster_snapshot(s, board.id, on)


def _member_json(m: memberships.MemberData) -> dict:
    return {**dataclasses.asdict(m), "role_label": m.role_label, "phone_display": m.phone_display}


def run_boards(ctx: Context, args) -> int:
    with ctx.db().unit_of_work() as s:
        found = boards.list_boards(s)
    if args.json:
        print_json(found)
    else:
        print_table([
            QT_TRANSLATE_NOOP("Columns", "Mã"), QT_TRANSLATE_NOOP("Columns", "Tên"),
            QT_TRANSLATE_NOOP("Columns", "Cấp")
        ], [[b.id[:8], b.name, OFFICE_LEVELS.translated(b.level)] for b in found])
    return 0


def run_list(ctx: Context, args) -> int:
    snap = _snapshot(ctx, args)
    if args.json:
        print_json({
            "board": snap.board, "on": snap.on, "decision": snap.decision,
            "members": [_member_json(m) for m in snap.members],
        })
        return 0
    print(translate("Core", "{name} — ngày {date}").format(name=snap.board.name, date=format_date(snap.on)))
    if snap.decision:
        print(f"Theo {snap.decision.citation}")
    print_table(
        [
        QT_TRANSLATE_NOOP("Columns", "TT"), QT_TRANSLATE_NOOP("Columns", "Mã"),
        QT_TRANSLATE_NOOP("Columns", "Họ và tên"), QT_TRANSLATE_NOOP("Columns", "Chức vụ, đơn vị"),
        QT_TRANSLATE_NOOP("Columns", "Chức danh trong Ban"), QT_TRANSLATE_NOOP("Columns", "Điện thoại")
    ],
        [[i, (m.person_id or "")[:8], m.full_name, m.position, BOARD_ROLES.translated(m.role), m.phone_display]
         for i, m in enumerate(snap.members, start=1)],
    )
    return 0


def run_export(ctx: Context, args) -> int:
    output = Path(args.output)
    fmt = format_of(output, args.format)
    if fmt not in ROSTER_FORMATS[args.what]:
        allowed = ", ".join(ROSTER_FORMATS[args.what])
        raise PtdsError(translate("Core", "{document} không xuất ra {format}; hãy chọn: {allowed}.").format(
            document=ROSTER_DOCUMENTS[args.what], format=FORMATS[fmt], allowed=allowed))
    on = parse_date(args.on, "ngày") if args.on else None
    with ctx.db().unit_of_work() as s:
        board = boards.resolve_board(s, args.board)
        decision_id = _decision_id(s, board.id, args.decision) if args.decision else None
        document = roster_document(s, args.what, board.id, on, decision_id)
    write_document(document, output, fmt)
    print(translate("Core", "Đã xuất “{title}” vào {output}").format(title=document.title, output=output))
    return 0


def _decision_id(session, board_id: str, number: str) -> str:
    """The board's decision by number and symbol as typed ("1620/qd-ubnd" finds 01620/QĐ-UBND)."""
    wanted = decisions.normalize_number_symbol(number, "decision")

    def key(text: str) -> tuple[str, str]:
        number, _, symbol = text.partition("/")
        return number.lstrip("0"), symbol

    found = [d for d in decisions.list_decisions(session, board_id) if key(d.number_symbol) == key(wanted)]
    if not found:
        raise PtdsError(translate("Core", "Ban Chỉ huy này không có Quyết định số {wanted}.").format(wanted=wanted))
    return found[-1].id


def run_history(ctx: Context, args) -> int:
    with ctx.db().unit_of_work() as s:
        person = people.resolve_person(s, args.person)
        rows = roster.person_history(s, person.id)
    if args.json:
        print_json([_member_json(m) for m in rows])
        return 0
    print(f"{person.full_name} ({person.id[:8]})")
    print_table(
        [
        QT_TRANSLATE_NOOP("Columns", "Từ ngày"), QT_TRANSLATE_NOOP("Columns", "Đến ngày"),
        QT_TRANSLATE_NOOP("Columns", "Ban"), QT_TRANSLATE_NOOP("Columns", "Chức danh"),
        QT_TRANSLATE_NOOP("Columns", "Quyết định")
    ],
        [[format_date(m.start_date), format_date(m.end_date) if m.end_date else translate("Core", "nay"), m.board_name,
          BOARD_ROLES.translated(m.role), m.start_decision_number] for m in rows],
    )
    return 0
