"""The `ptds` command: every capability, headless. Each area registers its subcommands in its own module."""

from __future__ import annotations

import os
import sys

from ptds_desktop import __version__
from ptds_desktop.cli import base, conference, core, data, docs, org, roster, sync, tasks
from ptds_desktop.cli.vietnamese_argparse import Parser
from ptds_desktop.db.storage_errors import STORAGE_ERRORS, storage_problem
from ptds_desktop.errors import PtdsError

AREAS = [core, org, data, roster, tasks, conference, docs, sync]


def build_parser() -> Parser:
    parser = Parser(prog="ptds", description="PTDS Desktop — Ban Chỉ huy Phòng thủ dân sự. Không có lệnh: mở cửa sổ "
                    "ứng dụng. Xem hướng dẫn từng lệnh: ptds LỆNH -h")
    parser.add_argument("--version", action="version", version=f"ptds {__version__}", help="in phiên bản rồi thoát")
    parser.add_argument("--db", metavar="TỆP",
                        help="tệp cơ sở dữ liệu (mặc định: PTDS_DB hoặc thư mục dữ liệu người dùng)")
    commands = parser.add_subparsers(dest="command", metavar="LỆNH", title="lệnh")
    for area in AREAS:
        area.register(commands)
    return parser


def main(argv: list[str] | None = None, start_gui: base.GuiStarter | None = None) -> int:
    """Run one command; `start_gui` (given by ptds_desktop.launcher) opens the window for `ptds gui`."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
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
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    except STORAGE_ERRORS as exc:
        problem = storage_problem(exc, ctx.db_path)  # a read-only or full disk: explained, no traceback
        if problem is None:
            raise
        print(f"Lỗi: {problem}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Đã hủy.", file=sys.stderr)
        return 130
    finally:
        ctx.close()
