"""Set-up and housekeeping: init, check, backup, backups, restore, encrypt, passphrase, gui."""

from __future__ import annotations

import argparse
import sys

from ptds_desktop import __version__
from ptds_desktop.cli.base import (
    NEW_PASSPHRASE_ENV,
    PASSPHRASE_ENV,
    Context,
    add_json_flag,
    add_output,
    ask_passphrase,
    print_json,
    print_table,
    vocabulary_help,
)
from ptds_desktop.db.backup import KIND_LABELS, backup_to
from ptds_desktop.db.database import head_revision
from ptds_desktop.db.integrity import integrity_problems
from ptds_desktop.db.restore import list_backups, restore_database_file
from ptds_desktop.db.storage_errors import STORAGE_ERRORS
from ptds_desktop.errors import PtdsError
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate
from ptds_desktop.models.enums import OFFICE_LEVELS
from ptds_desktop.services.enrolment import enrol, preview_enrolment, unlock_keys
from ptds_desktop.services.offices import init_office, this_office
from ptds_desktop.services.protection import change_office_passphrase, encrypt_office_data

_FORGET_WARNING = QT_TRANSLATE_NOOP("Core", "Hãy ghi nhớ mật khẩu (hoặc cất bản ghi ở nơi an toàn): mất mật khẩu "
                                            "là mất dữ liệu, không ai khôi phục được.")


def register(commands) -> None:
    p = commands.add_parser("gui", help="mở cửa sổ ứng dụng")
    p.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)  # packaging smoke test
    p.set_defaults(handler=run_gui)

    p = commands.add_parser("init", help="khởi tạo cơ sở dữ liệu cho một văn phòng")
    p.add_argument("--office", metavar="TÊN", help="tên văn phòng (Bộ CHQS tỉnh Đắk Lắk, UBND xã …)")
    p.add_argument("--level", choices=list(OFFICE_LEVELS), default="province", metavar="CẤP",
                   help=vocabulary_help("cấp của văn phòng", OFFICE_LEVELS, "province"))
    p.add_argument("--place", metavar="TÊN", help="địa danh ghi trên văn bản (Đắk Lắk)")
    p.add_argument("--enrol", metavar="TỆP", help="tệp đăng ký do văn phòng cấp trên xuất (ptds sync enrol-file); "
                                                  "mang theo danh mục cơ quan, đơn vị")
    p.add_argument("--code", metavar="MÃ", help="mã một lần mở khóa trong tệp đăng ký, do văn phòng cấp trên đọc "
                   "qua điện thoại (4 nhóm 4 ký tự); không có thì hỏi khi chạy")
    p.add_argument("--encrypt", action="store_true",
                   help=f"mã hóa cơ sở dữ liệu, bản sao lưu và khóa ký bằng mật khẩu (lấy từ {PASSPHRASE_ENV} "
                   "hoặc hỏi khi chạy)")
    p.set_defaults(handler=run_init)

    p = commands.add_parser("encrypt", help="mã hóa cơ sở dữ liệu đang có (kèm bản sao lưu và khóa ký); "
                            "đóng ứng dụng trước khi chạy")
    p.set_defaults(handler=run_encrypt)

    p = commands.add_parser("passphrase", help=f"đổi mật khẩu của cơ sở dữ liệu đã mã hóa (mật khẩu cũ lấy từ "
                            f"{PASSPHRASE_ENV}, mật khẩu mới từ {NEW_PASSPHRASE_ENV}, hoặc hỏi khi chạy)")
    p.set_defaults(handler=run_passphrase)

    p = commands.add_parser("check", help="kiểm tra toàn vẹn và phiên bản lược đồ")
    add_json_flag(p)
    p.set_defaults(handler=run_check)

    p = commands.add_parser("backup", help="sao lưu cơ sở dữ liệu (trực tuyến)")
    add_output(p, "tệp bản sao lưu")
    p.set_defaults(handler=run_backup)

    p = commands.add_parser("backups", help="liệt kê các bản sao lưu tự động và nội dung của chúng")
    add_json_flag(p)
    p.set_defaults(handler=run_backups)

    p = commands.add_parser("restore", help="khôi phục cơ sở dữ liệu từ một bản sao lưu (giữ lại bản hiện tại)")
    p.add_argument("file", metavar="TỆP", help="tệp bản sao lưu cần khôi phục")
    p.set_defaults(handler=run_restore)


def run_gui(ctx: Context, args) -> int:
    return ctx.start_gui(quit_after=getattr(args, "quit_after", None))


def run_init(ctx: Context, args) -> int:
    new_passphrase = None
    if args.encrypt:
        ctx.refuse_on_server()
        if ctx.db_path.exists() and ctx.db_path.stat().st_size > 0:
            raise PtdsError(translate("Core", "Đã có cơ sở dữ liệu {path}; dùng 'ptds encrypt' để mã hóa nó.").format(
                path=ctx.db_path))
        new_passphrase = ask_passphrase(translate("Core", "Mật khẩu mới cho cơ sở dữ liệu: "), confirm=True)
    if args.enrol:
        preview = preview_enrolment(args.enrol)
        code = args.code
        if preview.needs_code and not code and sys.stdin.isatty():
            code = input(translate("Core", "Mã một lần do “{parent}” đọc qua điện thoại: ").format(
                parent=preview.parent_name))
        unlock_keys(args.enrol, code)  # a wrong code is said before the database file is made
        me = enrol(ctx.db(create=True, new_passphrase=new_passphrase), args.enrol, code)
        print(translate("Core", "Đã khởi tạo văn phòng “{name}” theo tệp đăng ký, mã {office_id}; nhận danh mục "
                        "{count} cơ quan, đơn vị của cấp trên").format(
            name=me.name, office_id=me.office_id, count=preview.organizations))
        print(translate("Core", "Tệp do “{parent}” đăng ký; dấu vân tay khóa của họ (gọi điện đối chiếu): "
                        "{fingerprint}").format(parent=preview.parent_name, fingerprint=preview.parent_fingerprint))
        print(
            translate("Core", "Dấu vân tay khóa của văn phòng này (báo cho cấp trên đối chiếu): {fingerprint}").format(
            fingerprint=me.fingerprint))
        print(translate("Core", "Cơ sở dữ liệu: {db_path}").format(db_path=ctx.describe()))
        if new_passphrase:
            print(translate("Core", _FORGET_WARNING))
        return 0
    if not args.office:
        raise PtdsError(translate("Core", "Cần --office TÊN (hoặc --enrol TỆP để nhận tệp đăng ký từ tỉnh)."))
    office = init_office(ctx.db(create=True, new_passphrase=new_passphrase), args.office, args.level,
                         place_name=args.place)
    print(translate("Core", "Đã khởi tạo văn phòng “{name}” ({level_label}), mã {id}").format(
        name=office.name, level_label=OFFICE_LEVELS.translated(office.level), id=office.id))
    if new_passphrase:
        print(translate("Core", "Cơ sở dữ liệu: {db_path} (đã mã hóa)").format(db_path=ctx.describe()))
        print(translate("Core", _FORGET_WARNING))
    else:
        print(translate("Core", "Cơ sở dữ liệu: {db_path}").format(db_path=ctx.describe()))
    return 0


def run_encrypt(ctx: Context, args) -> int:
    ctx.refuse_on_server()
    passphrase = ask_passphrase(translate("Core", "Mật khẩu mới cho cơ sở dữ liệu: "), confirm=True)
    result = encrypt_office_data(ctx.db_path, passphrase)
    print(translate("Core", "Đã mã hóa {database}, {backups} bản sao lưu và {keys} tệp khóa ký.").format(
        database=result.database, backups=result.backups, keys=result.key_files))
    print(translate("Core", _FORGET_WARNING))
    return 0


def run_passphrase(ctx: Context, args) -> int:
    ctx.refuse_on_server()
    old = ask_passphrase(translate("Core", "Mật khẩu hiện tại: "))
    new = ask_passphrase(translate("Core", "Mật khẩu mới: "), env=NEW_PASSPHRASE_ENV, confirm=True)
    result = change_office_passphrase(ctx.db_path, old, new)
    print(translate("Core", "Đã đổi mật khẩu của {database}, {backups} bản sao lưu và {keys} tệp khóa ký.").format(
        database=result.database, backups=result.backups, keys=result.key_files))
    print(translate("Core", _FORGET_WARNING))
    return 0


def run_check(ctx: Context, args) -> int:
    db = ctx.db()
    problems = integrity_problems(db)
    revision = db.schema_revision()
    ok = not problems and revision == head_revision()
    office = this_office(db) if db.office_id() else None
    report = {
        "status": "ok" if ok else "error",
        "schema_version": revision,
        "app_version": __version__,
        "database": db.describe(),
        "office": office.name if office else None,
        "integrity": problems or ["ok"],
    }
    if args.json:
        print_json(report)
    else:
        print(translate("Core", "Cơ sở dữ liệu: {db_path}").format(db_path=db.describe()))
        print(translate("Core", "Phiên bản lược đồ: {revision} (ứng dụng {version})").format(
            revision=revision, version=__version__))
        print(translate("Core", "Văn phòng: {office}").format(
            office=report["office"] or translate("Core", "(chưa khởi tạo)")))
        if problems:
            print(translate("Core", "Toàn vẹn: ") + "; ".join(problems[:10]))
        print("ok" if ok else translate("Core", "LỖI"))
    return 0 if ok else 1


def run_backup(ctx: Context, args) -> int:
    db = ctx.db()
    try:
        target = backup_to(db.path, args.output)
    except STORAGE_ERRORS as exc:
        raise PtdsError(translate("Core", "Không sao lưu được vào {output}: {exc}").format(
            output=args.output, exc=exc)) from None
    print(translate("Core", "Đã sao lưu vào {target}").format(target=target))
    return 0


def run_backups(ctx: Context, args) -> int:
    ctx.unlock()
    backups = list_backups(ctx.db_path)
    if args.json:
        print_json(backups)
        return 0
    if not backups:
        print(translate("Core", "Chưa có bản sao lưu nào của {db_path}.").format(db_path=ctx.describe()))
        return 0
    rows = []
    for b in backups:
        c = b.contents
        counts = (f"{c.boards} ban, {c.members} thành viên, {c.plans} kế hoạch, {c.tasks} nhiệm vụ"
                  if c else f"KHÔNG DÙNG ĐƯỢC: {b.problem}")
        when = b.taken_at.strftime("%d/%m/%Y %H:%M:%S")
        rows.append([when, translate("Backups", KIND_LABELS[b.kind]), f"{b.size / 1024:.0f} KB", counts, b.path])
    print_table([
        QT_TRANSLATE_NOOP("Columns", "Thời điểm"), QT_TRANSLATE_NOOP("Columns", "Loại"),
        QT_TRANSLATE_NOOP("Columns", "Cỡ"), QT_TRANSLATE_NOOP("Columns", "Nội dung"),
        QT_TRANSLATE_NOOP("Columns", "Tệp")
    ], rows)
    return 0


def run_restore(ctx: Context, args) -> int:
    # No connection of ours may stay open on the file being replaced.
    ctx.unlock()
    result = restore_database_file(ctx.db_path, args.file, close_current=ctx.close)
    ctx.db()  # open again: migrates a copy made by an earlier version, proves the result opens
    c = result.contents
    print(translate("Core", "Đã khôi phục {db_path} từ {restored_from}: {boards} ban, {members} thành viên, {plans} "
                            "kế hoạch, {tasks} nhiệm vụ.").format(
        db_path=ctx.describe(), restored_from=result.restored_from, boards=c.boards, members=c.members, plans=c.plans,
        tasks=c.tasks))
    if result.safety_copy:
        print(translate("Core", "Bản cơ sở dữ liệu trước khi khôi phục được giữ tại {safety_copy}").format(
            safety_copy=result.safety_copy))
    return 0
