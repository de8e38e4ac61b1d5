"""Set-up and housekeeping: init, check, backup, backups, restore, encrypt, passphrase, gui."""

from __future__ import annotations

import argparse

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
from ptds_desktop.db.restore import list_backups, restore_database_file
from ptds_desktop.db.storage_errors import STORAGE_ERRORS
from ptds_desktop.errors import PtdsError
from ptds_desktop.models.enums import OFFICE_LEVELS
from ptds_desktop.services.enrolment import enrol
from ptds_desktop.services.offices import init_office, this_office
from ptds_desktop.services.protection import change_office_passphrase, encrypt_office_data

_FORGET_WARNING = ("Hãy ghi nhớ mật khẩu (hoặc cất bản ghi ở nơi an toàn): mất mật khẩu là mất dữ liệu, "
                   "không ai khôi phục được.")


def register(commands) -> None:
    p = commands.add_parser("gui", help="mở cửa sổ ứng dụng")
    p.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)  # packaging smoke test
    p.set_defaults(handler=run_gui)

    p = commands.add_parser("init", help="khởi tạo cơ sở dữ liệu cho một văn phòng")
    p.add_argument("--office", metavar="TÊN", help="tên văn phòng (Bộ CHQS tỉnh Đắk Lắk, UBND xã …)")
    p.add_argument("--level", choices=list(OFFICE_LEVELS), default="province", metavar="CẤP",
                   help=vocabulary_help("cấp của văn phòng", OFFICE_LEVELS, "province"))
    p.add_argument("--place", metavar="TÊN", help="địa danh ghi trên văn bản (Đắk Lắk)")
    p.add_argument("--enrol", metavar="TỆP", help="tệp đăng ký do văn phòng cấp trên xuất (ptds sync enrol-file)")
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
        if ctx.db_path.exists() and ctx.db_path.stat().st_size > 0:
            raise PtdsError(f"Đã có cơ sở dữ liệu {ctx.db_path}; dùng 'ptds encrypt' để mã hóa nó.")
        new_passphrase = ask_passphrase("Mật khẩu mới cho cơ sở dữ liệu: ", confirm=True)
    if args.enrol:
        me = enrol(ctx.db(create=True, new_passphrase=new_passphrase), args.enrol)
        print(f"Đã khởi tạo văn phòng “{me.name}” theo tệp đăng ký, mã {me.office_id}")
        print(f"Dấu vân tay khóa của văn phòng này (báo cho cấp trên đối chiếu): {me.fingerprint}")
        print(f"Cơ sở dữ liệu: {ctx.db_path}")
        return 0
    if not args.office:
        raise PtdsError("Cần --office TÊN (hoặc --enrol TỆP để nhận tệp đăng ký từ tỉnh).")
    office = init_office(ctx.db(create=True, new_passphrase=new_passphrase), args.office, args.level,
                         place_name=args.place)
    print(f"Đã khởi tạo văn phòng “{office.name}” ({office.level_label}), mã {office.id}")
    print(f"Cơ sở dữ liệu: {ctx.db_path}" + (" (đã mã hóa)" if new_passphrase else ""))
    if new_passphrase:
        print(_FORGET_WARNING)
    return 0


def run_encrypt(ctx: Context, args) -> int:
    passphrase = ask_passphrase("Mật khẩu mới cho cơ sở dữ liệu: ", confirm=True)
    result = encrypt_office_data(ctx.db_path, passphrase)
    print(f"Đã mã hóa {result.database}, {result.backups} bản sao lưu và {result.key_files} tệp khóa ký.")
    print(_FORGET_WARNING)
    return 0


def run_passphrase(ctx: Context, args) -> int:
    old = ask_passphrase("Mật khẩu hiện tại: ")
    new = ask_passphrase("Mật khẩu mới: ", env=NEW_PASSPHRASE_ENV, confirm=True)
    result = change_office_passphrase(ctx.db_path, old, new)
    print(f"Đã đổi mật khẩu của {result.database}, {result.backups} bản sao lưu và {result.key_files} tệp khóa ký.")
    print(_FORGET_WARNING)
    return 0


def run_check(ctx: Context, args) -> int:
    db = ctx.db()
    with db.engine.connect() as conn:
        integrity = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
        fk_problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    revision = db.schema_revision()
    ok = integrity == ["ok"] and not fk_problems and revision == head_revision()
    office = this_office(db) if db.office_id() else None
    report = {
        "status": "ok" if ok else "error",
        "schema_version": revision,
        "app_version": __version__,
        "database": str(ctx.db_path),
        "office": office.name if office else None,
        "integrity": integrity,
        "foreign_key_problems": len(fk_problems),
    }
    if args.json:
        print_json(report)
    else:
        print(f"Cơ sở dữ liệu: {ctx.db_path}")
        print(f"Phiên bản lược đồ: {revision} (ứng dụng {__version__})")
        print(f"Văn phòng: {report['office'] or '(chưa khởi tạo)'}")
        if integrity != ["ok"]:
            print("Toàn vẹn: " + "; ".join(integrity[:10]))
        if fk_problems:
            print(f"Khóa ngoại hỏng: {len(fk_problems)} dòng")
        print("ok" if ok else "LỖI")
    return 0 if ok else 1


def run_backup(ctx: Context, args) -> int:
    db = ctx.db()
    try:
        target = backup_to(db.path, args.output)
    except STORAGE_ERRORS as exc:
        raise PtdsError(f"Không sao lưu được vào {args.output}: {exc}") from None
    print(f"Đã sao lưu vào {target}")
    return 0


def run_backups(ctx: Context, args) -> int:
    ctx.unlock()
    backups = list_backups(ctx.db_path)
    if args.json:
        print_json(backups)
        return 0
    if not backups:
        print(f"Chưa có bản sao lưu nào của {ctx.db_path}.")
        return 0
    rows = []
    for b in backups:
        c = b.contents
        counts = (f"{c.boards} ban, {c.members} thành viên, {c.plans} kế hoạch, {c.tasks} nhiệm vụ"
                  if c else f"KHÔNG DÙNG ĐƯỢC: {b.problem}")
        when = b.taken_at.strftime("%d/%m/%Y %H:%M:%S")
        rows.append([when, KIND_LABELS[b.kind], f"{b.size / 1024:.0f} KB", counts, b.path])
    print_table(["Thời điểm", "Loại", "Cỡ", "Nội dung", "Tệp"], rows)
    return 0


def run_restore(ctx: Context, args) -> int:
    # No connection of ours may stay open on the file being replaced.
    ctx.unlock()
    result = restore_database_file(ctx.db_path, args.file, close_current=ctx.close)
    ctx.db()  # open again: migrates a copy made by an earlier version, proves the result opens
    c = result.contents
    print(f"Đã khôi phục {ctx.db_path} từ {result.restored_from}: "
          f"{c.boards} ban, {c.members} thành viên, {c.plans} kế hoạch, {c.tasks} nhiệm vụ.")
    if result.safety_copy:
        print(f"Bản cơ sở dữ liệu trước khi khôi phục được giữ tại {result.safety_copy}")
    return 0
