"""`ptds roster …`: command boards, the roster on any date, person history, PDF and Excel exports."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ptds_desktop.cli.base import Context, add_json_flag, print_json, print_table
from ptds_desktop.errors import PtdsError
from ptds_desktop.exports.roster import export_roster
from ptds_desktop.services import boards, memberships, roster
from ptds_desktop.text import format_date, parse_date

FORMATS = ("pdf", "xlsx")


def register(commands) -> None:
    p = commands.add_parser("roster", help="Ban Chỉ huy: danh sách thành viên, lịch sử, xuất PDF/Excel")
    sub = p.add_subparsers(dest="roster_command", metavar="ACTION", required=True)

    q = sub.add_parser("boards", help="liệt kê các Ban Chỉ huy")
    add_json_flag(q)
    q.set_defaults(handler=run_boards)

    q = sub.add_parser("list", help="danh sách thành viên (hôm nay, hoặc tại một ngày: --on 09/10/2025)")
    _board_and_date(q)
    add_json_flag(q)
    q.set_defaults(handler=run_list)

    q = sub.add_parser("export", help="xuất danh sách thành viên ra PDF hoặc Excel")
    q.add_argument("--format", choices=FORMATS, help="pdf hoặc xlsx (mặc định: theo đuôi tệp -o)")
    q.add_argument("-o", "--output", required=True, metavar="FILE")
    q.add_argument("--duties", action="store_true", help="xuất bản phân công nhiệm vụ thành viên (PDF)")
    _board_and_date(q)
    q.set_defaults(handler=run_export)

    q = sub.add_parser("history", help="quá trình tham gia Ban của một người")
    q.add_argument("person_id", metavar="PERSON_ID")
    add_json_flag(q)
    q.set_defaults(handler=run_history)


def _board_and_date(parser) -> None:
    parser.add_argument("--board", metavar="ID", help="mã (hoặc phần đầu mã, hoặc tên) Ban Chỉ huy")
    parser.add_argument("--on", metavar="DATE", help="ngày (dd/mm/yyyy), mặc định hôm nay")


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
        print_table(["Mã", "Tên", "Cấp"], [[b.id[:8], b.name, b.level_label] for b in found])
    return 0


def run_list(ctx: Context, args) -> int:
    snap = _snapshot(ctx, args)
    if args.json:
        print_json({
            "board": snap.board, "on": snap.on, "decision": snap.decision,
            "members": [_member_json(m) for m in snap.members],
        })
        return 0
    print(f"{snap.board.name} — ngày {format_date(snap.on)}")
    if snap.decision:
        print(f"Theo {snap.decision.citation}")
    print_table(
        ["TT", "Họ và tên", "Chức vụ, đơn vị", "Chức danh trong Ban", "Điện thoại"],
        [[i, m.full_name, m.position, m.role_label, m.phone_display] for i, m in enumerate(snap.members, start=1)],
    )
    return 0


def run_export(ctx: Context, args) -> int:
    output = Path(args.output)
    fmt = args.format or output.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise PtdsError(f"Không rõ định dạng của {output.name}: hãy dùng --format pdf hoặc --format xlsx.")
    if args.duties and fmt != "pdf":
        raise PtdsError("Bản phân công nhiệm vụ chỉ xuất ra PDF.")
    snap = _snapshot(ctx, args)
    export_roster(snap, "duties_pdf" if args.duties else f"roster_{fmt}", output)
    print(f"Đã xuất {len(snap.members)} thành viên ({format_date(snap.on)}) vào {output}")
    return 0


def run_history(ctx: Context, args) -> int:
    with ctx.db().unit_of_work() as s:
        rows = roster.person_history(s, args.person_id)
    if args.json:
        print_json([_member_json(m) for m in rows])
        return 0
    print_table(
        ["Từ ngày", "Đến ngày", "Ban", "Chức danh", "Quyết định"],
        [[format_date(m.start_date), format_date(m.end_date) if m.end_date else "nay", m.board_name, m.role_label,
          m.start_decision_number] for m in rows],
    )
    return 0
