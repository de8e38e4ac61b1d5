"""Moving an office's database: `ptds db copy` between a SQLite file and a PostgreSQL server database."""

from __future__ import annotations

from pathlib import Path

from ptds_desktop.cli.base import Context, add_json_flag, ask_passphrase, print_json
from ptds_desktop.config import location_text, resolve_db_path
from ptds_desktop.db.database import needs_passphrase, unlock
from ptds_desktop.db.server import is_server_url
from ptds_desktop.i18n import translate
from ptds_desktop.services.protection import copy_office


def register(commands) -> None:
    p = commands.add_parser("db", help="chuyển cơ sở dữ liệu của văn phòng giữa tệp SQLite và máy chủ PostgreSQL")
    sub = p.add_subparsers(dest="db_command", metavar="LỆNH", title="lệnh", required=True)
    c = sub.add_parser("copy", help="chép toàn bộ cơ sở dữ liệu (kèm mã văn phòng, trạng thái đồng bộ, khóa ký, tệp "
                       "đính kèm) sang một cơ sở dữ liệu mới hoặc rỗng, rồi so khớp từng dòng")
    c.add_argument("--to", required=True, metavar="ĐÍCH",
                   help="tệp SQLite mới, hoặc địa chỉ postgresql://người_dùng@máy_chủ/tên_csdl của cơ sở dữ liệu rỗng")
    c.add_argument("--from", dest="source", metavar="NGUỒN",
                   help="cơ sở dữ liệu nguồn (tệp hoặc địa chỉ postgresql://); mặc định: cơ sở dữ liệu của --db")
    add_json_flag(c)
    c.set_defaults(handler=run_copy)


def run_copy(ctx: Context, args) -> int:
    source = resolve_db_path(args.source) if args.source else ctx.location
    target = resolve_db_path(args.to)
    if not is_server_url(source) and needs_passphrase(Path(source)):
        unlock(source, ask_passphrase(translate("Core", "Mật khẩu của cơ sở dữ liệu {path}: ").format(path=source)))

    def step(table: str, done: int, total: int, rows: int) -> None:
        if not args.json:
            print(translate("Core", "  [{done}/{total}] {table}: {rows} dòng").format(
                done=done, total=total, table=table, rows=rows), flush=True)

    if not args.json:
        print(translate("Core", "Đang chép {source} sang {target}…").format(
            source=location_text(source), target=location_text(target)), flush=True)
    report = copy_office(source, target, step)
    if args.json:
        print_json({"source": report.source, "target": report.target, "rows": report.rows, "files": report.files})
        return 0
    print(translate("Core", "Đã chép {source} sang {target}: {tables} bảng, {rows} dòng, {files} tệp khóa và tệp "
                            "đính kèm. Bản chép đã được so khớp từng dòng với bản gốc.").format(
        source=report.source, target=report.target, tables=len(report.rows), rows=sum(report.rows.values()),
        files=report.files))
    print(translate("Core", "Từ nay mọi máy của văn phòng dùng: ptds --db {target}. Đừng tiếp tục ghi vào bản cũ: "
                            "hai bản cùng một văn phòng sẽ đánh số thay đổi trùng nhau.").format(target=report.target))
    return 0
