"""`ptds sync …`: office identity, enrolment files, peers, bundles by file or USB folder, conflicts."""

from __future__ import annotations

import datetime as dt
import sys
import time

from ptds_desktop.cli.base import (
    Context,
    add_json_flag,
    add_output,
    output_path,
    print_json,
    print_table,
    vocabulary_help,
)
from ptds_desktop.config import Settings
from ptds_desktop.errors import PtdsError
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate
from ptds_desktop.models.enums import OFFICE_LEVELS
from ptds_desktop.services import enrolment, key_rotation
from ptds_desktop.sync import certificates, conflicts, exchange, folder, overview, peers, purge, usb
from ptds_desktop.sync import status as sync_status
from ptds_desktop.sync.errors import UnknownPeerError
from ptds_desktop.text import format_datetime

TRUST_HELP = ("xác nhận dấu vân tay của văn phòng gửi lần đầu, như đọc qua điện thoại: bốn nhóm bốn ký tự, "
              "viết hoa hay thường, có dấu cách hay không đều được")


def register(commands) -> None:
    p = commands.add_parser("sync", help="đồng bộ giữa các văn phòng bằng gói tệp (USB)")
    sub = p.add_subparsers(dest="sync_command", metavar="LỆNH", title="lệnh", required=True)

    q = sub.add_parser("identity", help="mã văn phòng và dấu vân tay khóa ký")
    add_json_flag(q)
    q.set_defaults(handler=run_identity)

    q = sub.add_parser("status", help="tình trạng đồng bộ của văn phòng này và những việc cần làm với từng văn phòng")
    q.add_argument("--warn-days", type=int, metavar="SỐ_NGÀY",
                   help="cảnh báo văn phòng không gửi gói về quá số ngày này (mặc định theo cài đặt, "
                        f"ban đầu {Settings.sync_warn_days})")
    add_json_flag(q)
    q.set_defaults(handler=run_status)

    q = sub.add_parser("enrol-file", help="đăng ký một văn phòng cấp dưới và xuất tệp để nó khởi tạo")
    q.add_argument("--office", required=True, metavar="TÊN", help="tên văn phòng mới (UBND xã …)")
    q.add_argument("--level", choices=list(OFFICE_LEVELS), default="commune", metavar="CẤP",
                   help=vocabulary_help("cấp của văn phòng mới", OFFICE_LEVELS, "commune"))
    q.add_argument("--place", metavar="TÊN", help="địa danh ghi trên văn bản")
    add_output(q, "tệp đăng ký cần ghi (mang sang máy của văn phòng mới)")
    add_json_flag(q)
    q.set_defaults(handler=run_enrol_file)

    q = sub.add_parser("peers", help="các văn phòng trao đổi: lần trao đổi cuối, số thay đổi chưa gửi")
    add_json_flag(q)
    q.set_defaults(handler=run_peers)

    q = sub.add_parser("export", help="xuất gói thay đổi cho một văn phòng (hoặc mọi văn phòng)")
    q.add_argument("--to", required=True, metavar="MÃ",
                   help="mã văn phòng nhận (đủ vài ký tự đầu), hoặc all: mọi văn phòng (mỗi văn phòng một gói, "
                   "niêm phong cho văn phòng đó khi đã biết khóa niêm phong của họ)")
    q.add_argument("-o", "--output", required=True, type=output_path, metavar="ĐƯỜNG_DẪN",
                   help="thư mục, hoặc tên tệp khi gửi một văn phòng")
    q.add_argument("--full", action="store_true", help="gửi toàn bộ, không chỉ phần văn phòng nhận chưa có")
    add_json_flag(q)
    q.set_defaults(handler=run_export)

    q = sub.add_parser("import", help="nhập gói thay đổi (kiểm tra, sao lưu, áp dụng)")
    q.add_argument("files", nargs="+", metavar="TỆP", help="các gói thay đổi (.ptds-sync)")
    q.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không thay đổi gì")
    q.add_argument("--trust", metavar="VÂN_TAY", help=TRUST_HELP)
    add_json_flag(q)
    q.set_defaults(handler=run_import)

    q = sub.add_parser("usb",
        help="một thao tác: nhập các gói gửi văn phòng này trong thư mục, rồi xuất gói cho mọi văn phòng")
    q.add_argument("path", metavar="THƯ_MỤC", help="thư mục trên USB")
    q.add_argument("--trust", metavar="VÂN_TAY", help=TRUST_HELP)
    add_json_flag(q)
    q.set_defaults(handler=run_usb)

    q = sub.add_parser("rejected", help="các thay đổi nhận được mà văn phòng này từ chối, và văn phòng đã gửi")
    add_json_flag(q)
    q.set_defaults(handler=run_rejected)

    q = sub.add_parser("keys", help="xung đột khóa: một văn phòng có hai khóa khác nhau; xác nhận khóa đúng")
    q.add_argument("--confirm", nargs=2, metavar=("MÃ", "VÂN_TAY"),
                   help="khóa đúng của văn phòng MÃ (đọc dấu vân tay qua điện thoại với văn phòng đó)")
    add_json_flag(q)
    q.set_defaults(handler=run_keys)

    q = sub.add_parser("key", help="khóa ký theo năm tháng: đổi khóa, thu hồi khóa của máy bị mất, cấp lại tệp đăng ký")
    keys_sub = q.add_subparsers(dest="key_command", metavar="LỆNH", title="lệnh", required=True)
    r = keys_sub.add_parser("rotate", help="tạo khóa ký mới cho văn phòng này (khóa cũ ký xác nhận khóa mới)")
    add_json_flag(r)
    r.set_defaults(handler=run_key_rotate)
    r = keys_sub.add_parser("revoke", help="thu hồi khóa của một văn phòng do văn phòng này đăng ký (máy bị mất)")
    r.add_argument("office", metavar="MÃ", help="mã văn phòng (hoặc phần đầu của mã, xem 'ptds sync peers')")
    r.add_argument("--since", default="now", metavar="THỜI_ĐIỂM",
                   help="từ chối mọi thay đổi ký bằng khóa đó ghi sau thời điểm này: ngày giờ dạng 15/06/2026 "
                        "08:30 (mặc định: ngay bây giờ, giữ mọi thay đổi đã nhận); thay đổi ghi trước đó được giữ")
    add_json_flag(r)
    r.set_defaults(handler=run_key_revoke)
    r = keys_sub.add_parser("reenrol", help="lập lại tệp đăng ký cho văn phòng đã thu hồi khóa (máy mới)")
    r.add_argument("office", metavar="MÃ", help="mã văn phòng (hoặc phần đầu của mã)")
    add_output(r, "tệp đăng ký cần ghi (mang sang máy mới của văn phòng)")
    add_json_flag(r)
    r.set_defaults(handler=run_key_reenrol)

    q = sub.add_parser("clock", help="đồng hồ đồng bộ: kiểm tra, các thay đổi bị giữ lại vì ghi giờ quá xa")
    q.add_argument("--reset", action="store_true",
                   help="đưa đồng hồ đồng bộ đã bị đẩy quá xa về giờ máy (sau khi đã chỉnh đúng ngày giờ của máy)")
    add_json_flag(q)
    q.set_defaults(handler=run_clock)

    q = sub.add_parser("folder",
        help="như usb, với một thư mục dùng chung (ổ mạng, thư mục đồng bộ); có thể theo dõi liên tục")
    q.add_argument("path", metavar="THƯ_MỤC", help="thư mục dùng chung để trao đổi gói")
    q.add_argument("--watch", action="store_true", help="đồng bộ lặp lại đến khi nhấn Ctrl+C")
    q.add_argument("--interval", type=int, default=60, metavar="GIÂY",
                   help="khoảng cách giữa hai lần đồng bộ khi theo dõi (mặc định 60 giây)")
    q.add_argument("--trust", metavar="VÂN_TAY", help=TRUST_HELP)
    add_json_flag(q)
    q.set_defaults(handler=run_folder)

    q = sub.add_parser("purge", help="xóa hẳn các dòng đã xóa mà mọi văn phòng đã xác nhận (tự chạy sau mỗi lần "
                                     "nhập gói)")
    q.add_argument("--dry-run", action="store_true",
                   help="chỉ liệt kê dòng nào sẽ bị xóa hẳn và vì sao các dòng khác còn giữ, không thay đổi gì")
    add_json_flag(q)
    q.set_defaults(handler=run_purge)

    q = sub.add_parser("conflicts", help="các giá trị bị ghi đè do sửa đồng thời")
    group = q.add_mutually_exclusive_group()
    group.add_argument("--restore", type=int, metavar="SỐ", help="khôi phục giá trị đã mất (hoặc bỏ xóa dòng)")
    group.add_argument("--keep", type=int, metavar="SỐ", help="giữ giá trị hiện tại, đóng xung đột")
    add_json_flag(q)
    q.set_defaults(handler=run_conflicts)


def run_identity(ctx: Context, args) -> int:
    me = peers.identity(ctx.db())
    if args.json:
        print_json(me)
    else:
        print(translate("Core", "Văn phòng: {name} ({level})").format(name=me.name, level=me.level))
        print(translate("Core", "Mã: {office_id}").format(office_id=me.office_id))
        print(translate("Core", "Dấu vân tay khóa: {fingerprint}").format(fingerprint=me.fingerprint))
        print(translate("Core", "Tệp khóa riêng: {path}").format(path=me.key_file))
    return 0


def run_status(ctx: Context, args) -> int:
    warn_days = args.warn_days if args.warn_days is not None else Settings.load().sync_warn_days
    st = sync_status.status(ctx.db(), warn_days)
    if args.json:
        print_json(st)
        return 0
    print(translate("Core", "Văn phòng: {name} — dấu vân tay {fingerprint}").format(
        name=st.identity.name, fingerprint=st.identity.fingerprint))
    print(translate("Core", "Thay đổi của văn phòng này: {own} (chưa đóng gói: {unsent})").format(
        own=st.own_changes, unsent=st.unsent_changes))
    print(translate("Core", "Xung đột: {conflicts}; đang chờ dòng cha: {pending}; bị từ chối: {rejections}").format(
        conflicts=st.conflicts, pending=st.pending_changes, rejections=st.rejections))
    if st.clock.message:
        print(_warning(st.clock.message))
    for conflict in st.key_conflicts:
        print(conflict.message, file=sys.stderr)
    if st.notice:
        print(translate("Core", "Lưu ý: {notice}").format(notice=st.notice))
    _print_held(list(st.held))
    _print_peers(list(st.peers))
    for peer, note in zip(st.peers, st.follow_up, strict=True):
        if note.waiting_since:
            last = _when(note.last_exchange_at) if note.last_exchange_at else translate("Core", "chưa")
            print(translate("Core", "“{office}” chưa nhận {count} thay đổi, cũ nhất từ {since} "
                            "(trao đổi lần cuối: {last}).").format(
                office=peer.name, count=peer.pending_changes, since=_when(note.waiting_since), last=last))
    for note in st.follow_up:
        if note.warning:
            print(_warning(note.warning))
    return 0


def run_purge(ctx: Context, args) -> int:
    plan = purge.purge(ctx.db(), dry_run=args.dry_run)
    if args.json:
        print_json(plan)
        return 0
    if plan.purgeable:
        heading = (translate("Core", "Đã xóa hẳn {count} dòng đã xóa mà mọi văn phòng đã xác nhận:") if plan.done
                   else translate("Core", "Sẽ xóa hẳn {count} dòng đã xóa mà mọi văn phòng đã xác nhận:"))
        print(heading.format(count=len(plan.purgeable)))
        _print_tombstones(plan.purgeable, with_reason=False)
    else:
        print(translate("Core", "Không có dòng đã xóa nào xóa hẳn được lúc này."))
    if plan.kept:
        print(translate("Core", "Còn giữ {count} dòng đã xóa:").format(count=len(plan.kept)))
        _print_tombstones(plan.kept, with_reason=True)
    print(translate("Core", "Đã xóa hẳn từ trước đến nay: {count} dòng.").format(count=plan.purged_before))
    return 0


def _print_tombstones(rows: tuple[purge.Tombstone, ...], *, with_reason: bool) -> None:
    columns = [QT_TRANSLATE_NOOP("Columns", "Lĩnh vực"), QT_TRANSLATE_NOOP("Columns", "Dữ liệu"),
               QT_TRANSLATE_NOOP("Columns", "Ngày xóa")]
    print_table(columns + ([QT_TRANSLATE_NOOP("Columns", "Vì sao còn giữ")] if with_reason else []),
                [[t.area, t.record, t.deleted_at] + ([t.kept_because] if with_reason else []) for t in rows])


def _warning(message: str) -> str:
    return translate("Core", "Cảnh báo: {message}").format(message=message)


def _print_held(held: list[sync_status.HeldChanges]) -> None:
    for h in held:
        print(h.message)


def run_clock(ctx: Context, args) -> int:
    db = ctx.db()
    reset = sync_status.reset_clock(db) if args.reset else None
    check = sync_status.check_clock(db)
    held = sync_status.held_changes(db)
    if args.json:
        print_json({"reset": reset, "clock": check, "held": held})
        return 0
    if reset is not None:
        done = (translate("Core", "Đã đưa đồng hồ đồng bộ từ {before} về {after}.") if reset.changed
                else translate("Core", "Đồng hồ đồng bộ ({before}) không chạy trước giờ máy: không cần đưa về."))
        print(done.format(before=reset.before, after=reset.after))
    print(_warning(check.message) if check.message else translate("Core", "Đồng hồ đồng bộ khớp với giờ máy."))
    _print_held(held)
    return 0


def _when(iso: str) -> str:
    return format_datetime(dt.datetime.fromisoformat(iso))


def run_enrol_file(ctx: Context, args) -> int:
    info = enrolment.make_enrolment_file(ctx.db(), args.office, args.level, args.output, place_name=args.place)
    if args.json:
        print_json(info)
    else:
        print(translate("Core", "Đã đăng ký “{name}” (mã {office_id}) và ghi tệp {path}, kèm danh mục "
                        "{organizations} cơ quan, đơn vị").format(
            name=info.name, office_id=info.office_id, path=info.path, organizations=info.organizations))
        print(translate("Core", "Dấu vân tay khóa của văn phòng này (để văn phòng mới đối chiếu): {fingerprint}")
              .format(fingerprint=info.parent_fingerprint))
        print(translate("Core", "Mã một lần: {code} — đọc cho văn phòng mới qua điện thoại; KHÔNG gửi kèm tệp, "
                        "KHÔNG ghi lên USB.").format(code=info.code))
        print(translate("Core", "Tại văn phòng mới: ptds init --enrol {path} --code \"{code}\"").format(
            path=info.path, code=info.code))
    return 0


def _print_peers(rows) -> None:
    relation = {"parent": translate("Core", "cấp trên"), "child": translate("Core", "cấp dưới"),
                "other": translate("Core", "khác")}
    print_table(
        [QT_TRANSLATE_NOOP("Columns", "Mã"), QT_TRANSLATE_NOOP("Columns", "Văn phòng"),
         QT_TRANSLATE_NOOP("Columns", "Quan hệ"),
         QT_TRANSLATE_NOOP("Columns", "Dấu vân tay"), QT_TRANSLATE_NOOP("Columns", "Nhận lần cuối"),
         QT_TRANSLATE_NOOP("Columns", "Gửi lần cuối"), QT_TRANSLATE_NOOP("Columns", "Chưa gửi")],
        [[p.office_id[:8], p.name, relation.get(p.relation, p.relation),
          p.fingerprint or translate("Core", "(chưa có)"),
          p.last_received_at or "-", p.last_sent_at or "-", p.pending_changes] for p in rows],
    )


def run_peers(ctx: Context, args) -> int:
    found = peers.list_peers(ctx.db())
    if args.json:
        print_json(found)
    else:
        _print_peers(found)
    return 0


def run_export(ctx: Context, args) -> int:
    results = exchange.export_bundles(ctx.db(), args.to, args.output, full=args.full)
    if args.json:
        print_json(results)
    else:
        if not results:
            print(translate("Core", "Chưa có văn phòng nào để gửi."))
        for r in results:
            kind = translate("Core", "toàn bộ") if r.full else translate("Core", "phần chưa gửi")
            if r.sealed:
                kind += translate("Core", ", niêm phong cho nơi nhận")
            print(translate("Core", "Đã xuất gói cho “{office}” ({kind}): {changes} thay đổi, "
                            "{attachments} tệp đính kèm → {path}").format(
                office=r.recipient_name, kind=kind, changes=r.changes, attachments=r.attachments, path=r.path))
            if r.warning:
                print(_warning(r.warning))
    return 0


def _print_report(report: exchange.ImportReport) -> None:
    print(report.message)
    if report.areas:
        print_table(
            [QT_TRANSLATE_NOOP("Columns", "Lĩnh vực"), QT_TRANSLATE_NOOP("Columns", "Thêm"),
             QT_TRANSLATE_NOOP("Columns", "Sửa"),
             QT_TRANSLATE_NOOP("Columns", "Xóa"), QT_TRANSLATE_NOOP("Columns", "Xung đột"),
             QT_TRANSLATE_NOOP("Columns", "Từ chối")],
            [[a.area, a.inserts, a.updates, a.deletes, a.conflicts, a.rejections] for a in report.areas],
        )
    for r in report.rejections:
        print("  " + translate("Core", "Từ chối: “{office}” sửa {area} “{record}” (trường {field}): {reason}").format(
            office=r.origin_name, area=r.area, record=r.record, field=r.field, reason=r.reason))
    if report.pending:
        print("  " + translate("Core", "{count} thay đổi chờ dòng liên quan chưa đến; sẽ tự áp dụng khi có.").format(
            count=report.pending))
    for line in report.skipped_segments:
        print("  " + translate("Core", "Bỏ qua: {reason}").format(reason=line))
    for warning in report.clock_warnings:
        print("  " + _warning(warning))
    if report.refused_by_sender:
        print("  " + translate("Core", "“{office}” từ chối {count} thay đổi của văn phòng này "
                               "(xem 'ptds sync rejected').").format(
            office=report.sender_name, count=report.refused_by_sender))
    if report.held_segments:
        print("  " + translate("Core", "Giữ lại {count} đoạn thay đổi chờ xác nhận khóa.").format(
            count=report.held_segments))
    for line in report.key_conflicts:
        print(line, file=sys.stderr)
    if report.purged:
        print("  " + translate("Core", "Đã xóa hẳn {count} dòng đã xóa mà mọi văn phòng đã xác nhận "
                               "(xem 'ptds sync purge --dry-run').").format(count=report.purged))
    if report.backup:
        print("  " + translate("Core", "Bản sao lưu trước khi nhập: {path}").format(path=report.backup))


def _confirm(error: UnknownPeerError) -> str | None:
    if not sys.stdin.isatty():
        return None
    print(str(error), file=sys.stderr)
    answer = input(translate("Core", "Tin cậy “{office}” với dấu vân tay {fingerprint}? (c/k) ").format(
        office=error.office_name, fingerprint=error.fingerprint)).strip().lower()
    return error.fingerprint if answer in ("c", "co", "có", "y", "yes") else None


def run_import(ctx: Context, args) -> int:
    db = ctx.db()
    results: list[exchange.ImportReport | dict[str, str]] = []
    failed = False
    for path in args.files:
        trust = args.trust
        while True:
            try:
                if args.dry_run:
                    report = exchange.preview_bundle(db, path, trust=trust)
                else:
                    report = exchange.import_bundle(db, path, trust=trust)
                results.append(report)
                if not args.json:
                    _print_report(report)
                break
            except UnknownPeerError as exc:
                trust = None if (args.json or trust) else _confirm(exc)
                if trust is None:
                    failed = True
                    results.append({"path": str(path), "error": str(exc), "fingerprint": exc.fingerprint})
                    if not args.json:
                        print(_error(exc), file=sys.stderr)
                    break
            except PtdsError as exc:
                failed = True
                results.append({"path": str(path), "error": str(exc)})
                if not args.json:
                    print(_error(exc), file=sys.stderr)
                break
    if args.json:
        print_json(results)
    return 2 if failed else 0


def _print_usb(result: usb.UsbResult) -> None:
    for report in result.imported:
        _print_report(report)
    for error in result.errors:
        print(_error(error), file=sys.stderr)
    for r in result.exported:
        print(translate("Core", "Đã xuất gói cho “{office}”: {changes} thay đổi → {path}").format(
            office=r.recipient_name, changes=r.changes, path=r.path))
        if r.warning:
            print(_warning(r.warning))
    for note in result.notes:
        print(note)
    if not result.imported and not result.errors:
        print(translate("Core", "Không có gói nào gửi văn phòng này trong {folder}.").format(folder=result.folder))


def _error(problem: object) -> str:
    return translate("Core", "Lỗi: {exc}").format(exc=problem)


def run_usb(ctx: Context, args) -> int:
    result = usb.usb_sync(ctx.db(), args.path, trust=args.trust)
    if args.json:
        print_json(result)
    else:
        _print_usb(result)
    return 2 if result.errors else 0


def run_folder(ctx: Context, args) -> int:
    if args.interval < 1:
        raise PtdsError(translate("Core", "--interval phải từ 1 giây trở lên."))
    db = ctx.db()
    if not args.watch:
        result = folder.folder_sync(db, args.path, trust=args.trust)
        if args.json:
            print_json(result)
        else:
            _print_usb(result)
        return 2 if result.errors else 0
    print(translate("Core", "Đang theo dõi thư mục {folder}, {seconds} giây một lần. Nhấn Ctrl+C để dừng.").format(
        folder=args.path, seconds=args.interval), flush=True)
    try:
        while True:
            stamp = dt.datetime.now().strftime("%H:%M:%S")
            try:
                result = folder.folder_sync(db, args.path, trust=args.trust)
            except PtdsError as exc:  # busy or the share is away: the next round tries again
                print(f"[{stamp}] {_error(exc)}", file=sys.stderr, flush=True)
            else:
                if args.json:
                    print_json(result)
                else:
                    print(f"[{stamp}]")
                    _print_usb(result)
                sys.stdout.flush()
            time.sleep(args.interval)
    except KeyboardInterrupt:
        print(translate("Core", "Đã dừng theo dõi thư mục."))
    return 0


def run_conflicts(ctx: Context, args) -> int:
    db = ctx.db()
    if args.restore is not None or args.keep is not None:
        if args.restore is not None:
            info = conflicts.restore_conflict(db, args.restore)
            done = (translate("Core", "Đã khôi phục") if info.kind == "edit"
                    else translate("Core", "Đã bỏ xóa dòng và giữ sửa đổi"))
        else:
            info = conflicts.dismiss_conflict(db, args.keep)
            done = translate("Core", "Đã giữ giá trị hiện tại")
        if args.json:
            print_json(info)
        else:
            print(translate("Core", "{done}: {area}, trường {field} (mã {row_id}). "
                            "Quyết định này sẽ đồng bộ sang văn phòng khác.").format(
                done=done, area=info.area, field=info.field, row_id=info.row_id))
        return 0
    found = conflicts.list_conflicts(db)
    if args.json:
        print_json(found)
    else:
        kind = {"edit": translate("Core", "sửa đồng thời"), "delete": translate("Core", "sửa khi bị xóa"),
                "create": translate("Core", "trùng mã khi tạo")}
        records = overview.record_names(db, {(c.table, c.row_id) for c in found})
        print_table(
            [QT_TRANSLATE_NOOP("Columns", "Số"), QT_TRANSLATE_NOOP("Columns", "Loại"),
             QT_TRANSLATE_NOOP("Columns", "Lĩnh vực"),
             QT_TRANSLATE_NOOP("Columns", "Dòng"), QT_TRANSLATE_NOOP("Columns", "Trường"),
             QT_TRANSLATE_NOOP("Columns", "Giá trị hiện tại"),
             QT_TRANSLATE_NOOP("Columns", "Giá trị bị ghi đè"), QT_TRANSLATE_NOOP("Columns", "Của"),
             QT_TRANSLATE_NOOP("Columns", "Lúc")],
            [[c.id, kind.get(c.kind, c.kind), c.area, records[(c.table, c.row_id)], c.field, c.current_value,
              c.lost_value, c.lost_origin_name, c.lost_at]
             for c in found],
        )
    return 0


def run_rejected(ctx: Context, args) -> int:
    found = overview.list_rejected(ctx.db())
    if args.json:
        print_json(found)
    elif not found:
        print(translate("Core", "Không có thay đổi nào bị từ chối."))
    else:
        print_table([QT_TRANSLATE_NOOP("Columns", "Văn phòng gửi"), QT_TRANSLATE_NOOP("Columns", "Bị từ chối tại"),
                     QT_TRANSLATE_NOOP("Columns", "Lĩnh vực"), QT_TRANSLATE_NOOP("Columns", "Dòng"),
                     QT_TRANSLATE_NOOP("Columns", "Trường"), QT_TRANSLATE_NOOP("Columns", "Lý do")],
                    [[r.origin_name, r.refused_by_name, r.area, r.record, r.field, r.reason] for r in found])
    return 0


def run_key_rotate(ctx: Context, args) -> int:
    result = key_rotation.rotate_key(ctx.db())
    if args.json:
        print_json(result)
    else:
        print(translate("Core", "Đã đổi khóa ký của “{office}”: khóa cũ {old}, khóa mới {new}. Các gói sau ký bằng "
                        "khóa mới; văn phòng khác nhận khóa mới qua gói kế tiếp.").format(
            office=result.office_name, old=result.old_fingerprint, new=result.new_fingerprint))
    return 0


def run_key_revoke(ctx: Context, args) -> int:
    result = key_rotation.revoke_key(ctx.db(), args.office, args.since)
    if args.json:
        print_json(result)
    else:
        print(translate("Core", "Đã thu hồi khóa {fingerprints} của “{office}” từ {since}. Mọi văn phòng sẽ từ chối "
                        "thay đổi ký bằng khóa này ghi sau thời điểm đó (giữ những thay đổi trước đó) khi nhận gói "
                        "kế tiếp của văn phòng này.").format(
            fingerprints=", ".join(result.fingerprints), office=result.office_name, since=result.since))
        if result.refused_here:
            print(translate("Core", "{count} thay đổi đã nhận trước đây bị từ chối (xem 'ptds sync rejected').")
                  .format(count=result.refused_here))
        print(translate("Core", "Cấp tệp đăng ký cho máy mới: ptds sync key reenrol {office_id} -o TỆP").format(
            office_id=result.office_id[:8]))
    return 0


def run_key_reenrol(ctx: Context, args) -> int:
    info = enrolment.make_reenrolment_file(ctx.db(), args.office, args.output)
    if args.json:
        print_json(info)
    else:
        print(translate("Core", "Đã ghi tệp đăng ký lại {path} cho “{name}” với khóa mới. Tại máy mới: "
                        "ptds init --enrol {path}; gói kế tiếp từ văn phòng này gửi lại toàn bộ dữ liệu.").format(
            path=info.path, name=info.name))
    return 0


def run_keys(ctx: Context, args) -> int:
    db = ctx.db()
    if args.confirm:
        settled = certificates.confirm_key(db, args.confirm[0], args.confirm[1])
        if args.json:
            print_json(settled)
        elif settled:
            print(translate("Core", "Đã xác nhận khóa {fingerprint} của “{office}”; các khóa khác bị từ chối, "
                            "các thay đổi giữ lại đã được áp dụng.").format(
                fingerprint=args.confirm[1], office=settled.office_name))
        else:
            print(translate("Core", "Đã xác nhận khóa {fingerprint}.").format(fingerprint=args.confirm[1]))
        return 0
    found = certificates.key_conflicts(db)
    if args.json:
        print_json(found)
    elif not found:
        print(translate("Core", "Không có xung đột khóa."))
    else:
        for conflict in found:
            print(conflict.message)
    return 0
