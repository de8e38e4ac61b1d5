"""`ptds conference …`: list, overview, start from the review template or a copy, invitees and replies, exports."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from textwrap import shorten

from ptds_desktop.cli.base import Context, add_json_flag, print_json, print_table
from ptds_desktop.errors import ValidationError
from ptds_desktop.exports.files import FORMATS, format_of
from ptds_desktop.exports.progress import write_with_progress
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate
from ptds_desktop.models.enums import INVITE_MODES, INVITE_STATUSES
from ptds_desktop.services import conference_documents as docs
from ptds_desktop.services import conference_invitees as inv
from ptds_desktop.services import conference_preparation as prep
from ptds_desktop.services import conference_templates as tpl
from ptds_desktop.services import conference_venues as ven
from ptds_desktop.services import conferences as conf
from ptds_desktop.services.boards import resolve_board
from ptds_desktop.services.organizations import find_by_name
from ptds_desktop.services.references import Reference
from ptds_desktop.text import format_date, parse_date


def register(commands) -> None:
    p = commands.add_parser("conference", help="Hội nghị: danh sách, chuẩn bị, đại biểu, xuất văn bản")
    sub = p.add_subparsers(dest="conference_command", metavar="LỆNH", title="lệnh", required=True)

    q = sub.add_parser("list", help="liệt kê các hội nghị (kèm mã)")
    add_json_flag(q)
    q.set_defaults(handler=run_list)

    q = sub.add_parser("show", help="tổng quan: còn bao nhiêu ngày, trả lời, tham luận, việc quá hạn")
    _conference_id(q)
    q.add_argument("--today", metavar="NGÀY", help="tính quá hạn theo ngày này (mặc định hôm nay)")
    add_json_flag(q)
    q.set_defaults(handler=run_show)

    q = sub.add_parser("new", help="hội nghị mới theo mẫu hội nghị sơ kết")
    q.add_argument("--date", required=True, metavar="NGÀY", help="ngày họp dd/mm/yyyy")
    q.add_argument("--time", default="08:00", metavar="GIỜ:PHÚT", help="giờ bắt đầu (mặc định 08:00)")
    q.add_argument("--board", metavar="ID", help="Ban Chỉ huy tổ chức (mã, phần đầu mã hoặc tên)")
    q.add_argument("--year", type=int, metavar="NĂM", help="năm được sơ kết (mặc định năm trước năm họp)")
    add_json_flag(q)
    q.set_defaults(handler=run_new)

    q = sub.add_parser("duplicate", help="sao chép một hội nghị sang ngày mới (dời mọi hạn, xóa trả lời)")
    _conference_id(q)
    q.add_argument("--date", required=True, metavar="NGÀY", help="ngày họp mới dd/mm/yyyy")
    q.add_argument("--time", metavar="GIỜ:PHÚT", help="giờ bắt đầu (mặc định giữ giờ cũ)")
    q.add_argument("--title", metavar="TÊN", help="tên hội nghị mới (mặc định giữ tên cũ)")
    add_json_flag(q)
    q.set_defaults(handler=run_duplicate)

    q = sub.add_parser("invitees", help="danh sách đại biểu và số lượng theo điểm cầu, nhóm")
    _conference_id(q)
    add_json_flag(q)
    q.set_defaults(handler=run_invitees)

    q = sub.add_parser("invite", help="thêm đại biểu: cả Ban Chỉ huy, cơ quan, Chủ tịch các xã, hoặc ghi thành phần")
    _conference_id(q)
    what = q.add_mutually_exclusive_group(required=True)
    what.add_argument("--board", metavar="ID", help="mọi thành viên của Ban Chỉ huy này")
    what.add_argument("--org", action="append", metavar="TÊN", help="cơ quan trong danh mục (lặp lại được)")
    what.add_argument("--commune-chairs", action="store_true",
                      help="Chủ tịch UBND mọi xã, phường chủ trì điểm cầu của xã mình")
    what.add_argument("--text", metavar="CHỮ", help="thành phần mời ghi như trong văn bản")
    q.add_argument("--venue", metavar="ID", help="mã điểm cầu (mặc định điểm cầu chính)")
    q.add_argument("--mode", choices=list(INVITE_MODES), help="invited (kính mời) hoặc summoned (triệu tập)")
    q.set_defaults(handler=run_invite)

    q = sub.add_parser("reply", help="ghi nhận trả lời hoặc có mặt của đại biểu")
    q.add_argument("--status", required=True, choices=list(INVITE_STATUSES),
                   help="invited (đã mời), confirmed (xác nhận), declined (từ chối), attended (có mặt)")
    q.add_argument("invitee_ids", nargs="+", metavar="MÃ", help="mã đại biểu (lấy từ lệnh invitees)")
    q.set_defaults(handler=run_reply)

    q = sub.add_parser("checklist", help="việc cần làm theo hạn, đánh dấu việc quá hạn")
    _conference_id(q)
    q.add_argument("--today", metavar="NGÀY", help="tính quá hạn theo ngày này (mặc định hôm nay)")
    add_json_flag(q)
    q.set_defaults(handler=run_checklist)

    q = sub.add_parser("export", help="xuất kế hoạch, giấy mời, danh sách đại biểu, chương trình, maket")
    _conference_id(q)
    q.add_argument("--what", required=True, choices=list(docs.KINDS),
                   help="plan (kế hoạch), invitations (giấy mời), attendees (danh sách, ký tên), programme, backdrop")
    q.add_argument("--format", choices=list(FORMATS), help="pdf, docx hoặc xlsx (mặc định: theo đuôi tệp -o)")
    q.add_argument("--per", choices=("invitee", "organization"), default="invitee",
                   help="giấy mời cho từng đại biểu (mặc định) hoặc từng cơ quan")
    q.add_argument("-o", "--output", required=True, metavar="TỆP", help="tệp xuất ra")
    q.set_defaults(handler=run_export)


TABULAR = ("attendees", "programme")


def _conference_id(parser) -> None:
    parser.add_argument("--id", required=True, metavar="ID", help="mã hội nghị (hoặc phần đầu mã)")


def _moment(date_text: str, time_text: str) -> dt.datetime:
    day = parse_date(date_text, "ngày họp")
    hhmm = ven.normalize_time(time_text, "giờ bắt đầu")
    if hhmm is None:
        raise ValidationError(translate("Core", "Thiếu giờ bắt đầu."), "time")
    return dt.datetime.combine(day, dt.time(int(hhmm[:2]), int(hhmm[3:])))


def _conference_json(c: conf.ConferenceData) -> dict:
    return {**dataclasses.asdict(c), "format_label": c.format_label}


def run_list(ctx: Context, args) -> int:
    with ctx.db().unit_of_work() as s:
        rows = [(c, inv.count_invitees(s, c.id).total) for c in conf.list_conferences(s)]
    if args.json:
        print_json([{**_conference_json(c), "invitees": counts.total, "expected": counts.expected}
                    for c, counts in rows])
        return 0
    print_table([
        QT_TRANSLATE_NOOP("Columns", "Mã"), QT_TRANSLATE_NOOP("Columns", "Ngày"), QT_TRANSLATE_NOOP("Columns", "Giờ"),
        QT_TRANSLATE_NOOP("Columns", "Tên hội nghị"), QT_TRANSLATE_NOOP("Columns", "Đại biểu")
    ],
        [[c.id, c.date_label, f"{c.starts_at:%H:%M}" if c.starts_at else "", c.title, counts.total]
         for c, counts in rows])
    return 0


def _today(args) -> dt.date:
    return parse_date(args.today, "ngày tính hạn") if args.today else dt.date.today()


def run_show(ctx: Context, args) -> int:
    today = _today(args)
    with ctx.db().unit_of_work() as s:
        overview = prep.conference_overview(s, conf.resolve_conference(s, args.id).id, today)
    if args.json:
        print_json(overview)
        return 0
    c, r = overview.conference, overview.replies
    print(c.title)
    when = f"{c.starts_at:%H:%M} ngày {c.date_label}" if c.starts_at else "chưa có ngày"
    left = "" if overview.days_left is None else f" — còn {overview.days_left} ngày"
    print(translate("Core", "Thời gian: {when}{left}; {format_label}; {venues} điểm cầu").format(
        when=when, left=left, format_label=c.format_label, venues=overview.venues))
    print(translate("Core", "Đại biểu: {total} (xác nhận {confirmed}, báo vắng {declined}, có mặt {attended}, chưa "
                            "trả lời {invited})").format(
        total=r.total, confirmed=r.confirmed, declined=r.declined, attended=r.attended, invited=r.invited))
    print(translate("Core", "Tham luận: đã nhận {presentations_received}/{presentations_total}, quá hạn "
                            "{presentations_overdue}").format(
        presentations_received=overview.presentations_received, presentations_total=overview.presentations_total,
        presentations_overdue=overview.presentations_overdue))
    print(translate("Core", "Nhiệm vụ chuẩn bị: xong {duties_done}/{duties_total}, quá hạn {duties_overdue}").format(
        duties_done=overview.duties_done, duties_total=overview.duties_total, duties_overdue=overview.duties_overdue))
    for item in overview.checklist_overdue:
        print(translate("Core", "  QUÁ HẠN {due}: {title}").format(
            due=format_date(item.due_on) if item.due_on else "", title=item.title)
              + (f" ({item.who})" if item.who else ""))
    return 0


def run_new(ctx: Context, args) -> int:
    starts_at = _moment(args.date, args.time)
    with ctx.db().unit_of_work() as s:
        board_id = resolve_board(s, args.board).id if args.board else None
        created = tpl.create_review_conference(s, tpl.ReviewTemplateInput(starts_at, board_id, args.year))
    if args.json:
        print_json(_conference_json(created))
    else:
        print(translate("Core", "Đã tạo hội nghị “{title}”, mã {id}").format(title=created.title, id=created.id))
    return 0


def run_duplicate(ctx: Context, args) -> int:
    with ctx.db().unit_of_work() as s:
        source = conf.resolve_conference(s, args.id)
        old_time = f"{source.starts_at:%H:%M}" if source.starts_at else "08:00"
        copy = tpl.duplicate_conference(s, source.id, _moment(args.date, args.time or old_time), args.title)
    if args.json:
        print_json(_conference_json(copy))
    else:
        print(translate("Core", "Đã sao chép thành hội nghị ngày {date_label}, mã {id}").format(
            date_label=copy.date_label, id=copy.id))
    return 0


def run_invitees(ctx: Context, args) -> int:
    with ctx.db().unit_of_work() as s:
        cid = conf.resolve_conference(s, args.id).id
        people = inv.list_invitees(s, cid)
        counts = inv.count_invitees(s, cid)
    if args.json:
        print_json({
            "invitees": [{**dataclasses.asdict(p), "label": p.label, "status_label": p.status_label} for p in people],
            "counts": counts,
        })
        return 0
    print_table([
        QT_TRANSLATE_NOOP("Columns", "Mã"), QT_TRANSLATE_NOOP("Columns", "Đại biểu"),
        QT_TRANSLATE_NOOP("Columns", "Điểm cầu"), QT_TRANSLATE_NOOP("Columns", "Hình thức"),
        QT_TRANSLATE_NOOP("Columns", "Trả lời")
    ],
        [[p.id, p.label, p.venue_name, p.mode_label, p.status_label] for p in people])
    print()
    print_table([
        QT_TRANSLATE_NOOP("Columns", "Điểm cầu"), QT_TRANSLATE_NOOP("Columns", "Tổng"),
        QT_TRANSLATE_NOOP("Columns", "Xác nhận"), QT_TRANSLATE_NOOP("Columns", "Có mặt"),
        QT_TRANSLATE_NOOP("Columns", "Báo vắng"), QT_TRANSLATE_NOOP("Columns", "Chưa trả lời")
    ],
        [[row.name, row.counts.total, row.counts.confirmed, row.counts.attended, row.counts.declined,
          row.counts.invited] for row in counts.by_venue])
    return 0


def run_invite(ctx: Context, args) -> int:
    with ctx.db().unit_of_work() as s:
        cid = conf.resolve_conference(s, args.id).id
        venue_id = args.venue
        if venue_id is None and not args.commune_chairs:
            main = ven.main_venue(s, cid)
            venue_id = main.id if main else None
        if args.board:
            added = inv.add_board_members(s, cid, resolve_board(s, args.board).id, venue_id=venue_id,
                                          mode=args.mode or "summoned")
        elif args.org:
            ids = []
            for name in args.org:
                org = find_by_name(s, name)
                if org is None:
                    raise ValidationError(translate("Core", "Không có cơ quan “{name}” trong danh mục (xem 'ptds org "
                                                            "list').").format(name=name), "org")
                ids.append(org.id)
            added = inv.add_organizations(s, cid, ids, venue_id=venue_id, mode=args.mode or "invited")
        elif args.commune_chairs:
            added = inv.add_commune_chairs(s, cid)
        else:
            added = [inv.add_invitee(s, cid, inv.InviteeInput(Reference(text=args.text), venue_id,
                                                                mode=args.mode or "invited"))]
    print(translate("Core", "Đã thêm {count} đại biểu.").format(count=len(added)))
    return 0


def run_reply(ctx: Context, args) -> int:
    with ctx.db().unit_of_work() as s:
        changed = inv.set_reply(s, args.invitee_ids, args.status)
    print(translate("Core", "Đã ghi “{status}” cho {changed} đại biểu.").format(
        status=INVITE_STATUSES.translated(args.status), changed=changed))
    return 0


def run_checklist(ctx: Context, args) -> int:
    today = _today(args)
    with ctx.db().unit_of_work() as s:
        items = prep.checklist(s, conf.resolve_conference(s, args.id).id, today)
    if args.json:
        print_json(items)
        return 0
    print_table([
        QT_TRANSLATE_NOOP("Columns", "Hạn"), QT_TRANSLATE_NOOP("Columns", "Việc"),
        QT_TRANSLATE_NOOP("Columns", "Cơ quan"), QT_TRANSLATE_NOOP("Columns", "Xong"),
        QT_TRANSLATE_NOOP("Columns", "Quá hạn")
    ],
        [[format_date(i.due_on) if i.due_on else "", shorten(i.title, 70, placeholder=" …"),
          shorten(i.who, 40, placeholder=" …"), "x" if i.done else "",
          "QUÁ HẠN" if i.overdue else ""] for i in items])
    return 0


def _progress_line(done: int, total: int, label: str) -> None:
    """Progress on stderr for the long exports, rewritten in place."""
    if sys.stderr.isatty() and total > 1:
        print(f"\r{label}: {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)


def run_export(ctx: Context, args) -> int:
    fmt = format_of(args.output, args.format)
    if fmt == "xlsx" and args.what not in TABULAR:
        raise ValidationError(translate("Core", "{document} không phải bảng; chỉ danh sách đại biểu và chương trình "
                                                "xuất được ra Excel (dùng --format pdf hoặc docx).").format(
            document=docs.KINDS[args.what]), "format")
    with ctx.db().unit_of_work() as s:
        cid = conf.resolve_conference(s, args.id).id
        document = docs.build_document(s, cid, args.what, fmt, args.per, _progress_line)
    written = write_with_progress(document, args.output, fmt, _progress_line)
    pages = len(document.sections)
    extra = f" ({pages} phần)" if pages > 1 else ""
    print(translate("Core", "Đã xuất {document}{extra} vào {written}").format(
        document=docs.KINDS[args.what], extra=extra, written=written))
    return 0
