"""The `ptds` command: every capability, headless. Each area registers its subcommands in its own module."""

from __future__ import annotations

import os
import sys

from ptds_desktop import __version__, i18n
from ptds_desktop.cli import base, conference, core, data, database, docs, org, roster, sync, tasks
from ptds_desktop.cli.vietnamese_argparse import Parser, install
from ptds_desktop.config import Settings
from ptds_desktop.db.storage_errors import STORAGE_ERRORS, storage_problem
from ptds_desktop.errors import PtdsError
from ptds_desktop.i18n import translate

AREAS = [core, database, org, data, roster, tasks, conference, docs, sync]


def build_parser() -> Parser:
    parser = Parser(prog="ptds", description="PTDS Desktop — Ban Chỉ huy Phòng thủ dân sự. Không có lệnh: mở cửa sổ "
                    "ứng dụng. Xem hướng dẫn từng lệnh: ptds LỆNH -h")
    parser.add_argument("--version", action="version", version=f"ptds {__version__}", help="in phiên bản rồi thoát")
    parser.add_argument("--db", metavar="CSDL",
                        help="tệp cơ sở dữ liệu, hoặc địa chỉ postgresql://người_dùng@máy_chủ/tên_csdl của cơ sở dữ "
                             "liệu dùng chung trên máy chủ (mặc định: PTDS_DB hoặc thư mục dữ liệu người dùng)")
    parser.add_argument("--lang", choices=i18n.available_languages(), metavar="NGÔN_NGỮ",
                        help="ngôn ngữ của thông báo: vi hoặc en (mặc định: PTDS_LANG, hoặc ngôn ngữ giao diện đã "
                             "chọn trong Cài đặt)")
    commands = parser.add_subparsers(dest="command", metavar="LỆNH", title="lệnh")
    for area in AREAS:
        area.register(commands)
    return parser


def interface_language(argv: list[str]) -> str:
    """The language messages are printed in: `--lang`, else PTDS_LANG, else the one chosen in the GUI's settings."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.removeprefix("--lang=")
    return os.environ.get("PTDS_LANG") or Settings.load().language


def main(argv: list[str] | None = None, start_gui: base.GuiStarter | None = None) -> int:
    """Run one command; `start_gui` (given by ptds_desktop.launcher) opens the window for `ptds gui`."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    i18n.set_language(interface_language(sys.argv[1:] if argv is None else argv))
    install()  # argparse's own texts in that language
    try:
        try:
            return _run(argv, start_gui)
        finally:
            sys.stdout.flush()  # here, so a reader that went away is met below, not at interpreter exit
    except BrokenPipeError:
        # The reader (`ptds roster list | head`) stopped reading: nothing is wrong, and nothing more to say.
        # Point stdout at devnull so the interpreter's last flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run(argv: list[str] | None, start_gui: base.GuiStarter | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = base.Context(args.db, start_gui)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            return core.run_gui(ctx, args)
        return handler(ctx, args) or 0
    except PtdsError as exc:
        print(translate("Core", "Lỗi: {exc}").format(exc=exc), file=sys.stderr)
        return 2
    except STORAGE_ERRORS as exc:
        problem = storage_problem(exc, ctx.db_path)  # a read-only or full disk: explained, no traceback
        if problem is None:
            raise
        print(translate("Core", "Lỗi: {problem}").format(problem=problem), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(translate("Core", "Đã hủy."), file=sys.stderr)
        return 130
    finally:
        ctx.close()
