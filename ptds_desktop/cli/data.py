"""`ptds data export|import` (the JSON data file, docs/data-format.md) and `ptds demo` (sample data)."""

from __future__ import annotations

from pathlib import Path

from ptds_desktop import datafile
from ptds_desktop.cli.base import Context, add_json_flag, add_output, print_json
from ptds_desktop.i18n import translate
from ptds_desktop.services import province_demo
from ptds_desktop.services.offices import init_office

DEMO_OFFICE = "Bộ CHQS tỉnh Đắk Lắk"
DEMO_PLACE = "Đắk Lắk"


def register(commands) -> None:
    p = commands.add_parser("data", help="xuất, nhập toàn bộ dữ liệu (tệp JSON)")
    sub = p.add_subparsers(dest="data_command", metavar="LỆNH", title="lệnh", required=True)

    q = sub.add_parser("export", help="xuất mọi bảng dữ liệu đồng bộ ra tệp JSON")
    add_output(q, "tệp JSON cần ghi")
    q.set_defaults(handler=run_export)

    q = sub.add_parser("import", help="nhập tệp JSON (tạo cơ sở dữ liệu nếu chưa có)")
    q.add_argument("file", metavar="TỆP", help="tệp JSON do ptds data export xuất")
    add_json_flag(q)
    q.set_defaults(handler=run_import)

    p = commands.add_parser("demo", help="nạp danh mục cơ quan và dữ liệu mẫu từ các văn bản thật")
    p.add_argument("--scale", choices=["province"], metavar="QUY_MÔ",
                   help="sinh thêm dữ liệu quy mô tỉnh (province: 102 Ban Chỉ huy xã, 20 kế hoạch, khoảng 100.000 "
                        "báo cáo tiến độ, 30 hội nghị); chỉ dùng để thử và đo tốc độ")
    p.add_argument("--seed", type=int, default=province_demo.DEFAULT_SEED, metavar="SỐ",
                   help="hạt giống sinh dữ liệu quy mô tỉnh: cùng hạt giống cho cùng dữ liệu (mặc định %(default)s)")
    add_json_flag(p)
    p.set_defaults(handler=run_demo)


def _print_report(report: datafile.ImportReport, as_json: bool, heading: str) -> None:
    if as_json:
        print_json({"inserted": report.inserted, "updated": report.updated, "unchanged": report.unchanged,
                    "tables": list(report.tables)})
        return
    print(translate("Core", "{heading}: {inserted} dòng mới, {updated} dòng cập nhật, {unchanged} dòng không đổi.")
          .format(heading=heading, inserted=report.inserted, updated=report.updated, unchanged=report.unchanged))
    for t in report.tables:
        print(translate("Core", "  {table}: {inserted} mới, {updated} cập nhật, {unchanged} không đổi").format(
            table=t.table, inserted=t.inserted, updated=t.updated, unchanged=t.unchanged))


def run_export(ctx: Context, args) -> int:
    counts = datafile.export_file(ctx.db(), args.output)
    print(translate("Core", "Đã xuất {rows} dòng của {tables} bảng vào {output}").format(
        rows=sum(counts.values()), tables=len(counts), output=args.output))
    return 0


def run_import(ctx: Context, args) -> int:
    doc = datafile.read_document(args.file)  # a bad file is refused before any database is created
    created = ctx.url is None and not ctx.db_path.exists()  # a server database is made by its IT staff
    try:
        report = datafile.import_document(ctx.db(create=True), doc)
    except BaseException:
        if created:  # leave no half-made database behind
            ctx.close()
            for suffix in ("", "-wal", "-shm"):
                Path(str(ctx.db_path) + suffix).unlink(missing_ok=True)
        raise
    _print_report(report, args.json, translate("Core", "Đã nhập {file}").format(file=args.file))
    return 0


def run_demo(ctx: Context, args) -> int:
    db = ctx.db(create=True)
    if db.office_id() is None:
        office = init_office(db, DEMO_OFFICE, "province", place_name=DEMO_PLACE)
        if not args.json:
            print(translate("Core", "Đã khởi tạo văn phòng mẫu “{name}”, mã {id}").format(
                name=office.name, id=office.id))
    if args.scale == "province":
        step = None if args.json else lambda text: print(f"… {text}", flush=True)
        counts = province_demo.generate_province(db, seed=args.seed, step=step)
        if args.json:
            print_json(counts)
        else:
            print(translate("Core", "Đã sinh dữ liệu quy mô tỉnh: {boards} Ban Chỉ huy, {members} thành viên, "
                            "{plans} kế hoạch, {tasks} nhiệm vụ, {reports} báo cáo tiến độ, {conferences} hội nghị, "
                            "{invitees} khách mời.").format(
                boards=counts.boards, members=counts.memberships, plans=counts.plans, tasks=counts.tasks,
                reports=counts.reports, conferences=counts.conferences, invitees=counts.invitees))
        return 0
    report = datafile.load_demo(db)
    if report.inserted == 0 and report.updated == 0 and not args.json:
        print(translate("Core", "Dữ liệu mẫu đã có sẵn ({unchanged} dòng), không thêm gì.").format(
            unchanged=report.unchanged))
        return 0
    _print_report(report, args.json, translate("Core", "Đã nạp dữ liệu mẫu"))
    return 0
