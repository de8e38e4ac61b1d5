"""`ptds org …`: the organization catalogue."""

from __future__ import annotations

from ptds_desktop.cli.base import Context, add_json_flag, print_json, print_table, vocabulary_help
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate
from ptds_desktop.models.enums import ORG_KINDS
from ptds_desktop.services import organizations as orgs


def register(commands) -> None:
    p = commands.add_parser("org", help="danh mục cơ quan, đơn vị")
    sub = p.add_subparsers(dest="org_command", metavar="LỆNH", title="lệnh", required=True)

    q = sub.add_parser("list", help="liệt kê (tìm không dấu: 'dak lak')")
    q.add_argument("query", nargs="?", default="", metavar="TỪ_KHÓA", help="từ cần tìm trong tên, tên tắt")
    add_json_flag(q)
    q.set_defaults(handler=run_list)

    q = sub.add_parser("add", help="thêm cơ quan, đơn vị")
    q.add_argument("name", metavar="TÊN", help="tên đầy đủ (Sở Tài chính)")
    q.add_argument("--short", dest="short_name", metavar="TÊN_TẮT", help="tên tắt (STC)")
    q.add_argument("--kind", choices=list(ORG_KINDS), default="other", metavar="LOẠI",
                   help=vocabulary_help("loại", ORG_KINDS, "other"))
    q.add_argument("--parent", dest="parent_id", metavar="MÃ", help="mã cơ quan cấp trên")
    add_json_flag(q)
    q.set_defaults(handler=run_add)

    q = sub.add_parser("delete", help="xóa (đánh dấu xóa, đồng bộ sang văn phòng khác)")
    q.add_argument("id", metavar="MÃ", help="mã cơ quan (như ptds org list in ra)")
    q.set_defaults(handler=run_delete)


def run_list(ctx: Context, args) -> int:
    with ctx.db().unit_of_work() as s:
        rows = orgs.list_organizations(s, args.query)
    if args.json:
        print_json(rows)
    else:
        print_table([
            QT_TRANSLATE_NOOP("Columns", "Mã"), QT_TRANSLATE_NOOP("Columns", "Tên"),
            QT_TRANSLATE_NOOP("Columns", "Tên tắt"), QT_TRANSLATE_NOOP("Columns", "Loại")
        ], [[r.id[:8], r.name, r.short_name, ORG_KINDS.translated(r.kind)] for r in rows])
    return 0


def run_add(ctx: Context, args) -> int:
    with ctx.db().unit_of_work() as s:
        row = orgs.create_organization(
            s, orgs.OrganizationInput(args.name, args.short_name, args.kind, args.parent_id)
        )
    if args.json:
        print_json(row)
    else:
        print(translate("Core", "Đã thêm “{name}” (mã {id})").format(name=row.name, id=row.id))
    return 0


def run_delete(ctx: Context, args) -> int:
    with ctx.db().unit_of_work() as s:
        row = orgs.delete_organization(s, args.id)
    print(translate("Core", "Đã xóa “{name}”").format(name=row.name))
    return 0
