"""The `ptds` command: every capability, headless. Each area registers its subcommands in its own module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from ptds_desktop import __version__
from ptds_desktop.cli import base, conference, core, data, org, roster, sync
from ptds_desktop.errors import PtdsError

AREAS = [core, org, data, roster, conference, sync]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ptds", description="PTDS Desktop — Ban Chỉ huy Phòng thủ dân sự")
    parser.add_argument("--version", action="version", version=f"ptds {__version__}")
    parser.add_argument("--db", metavar="PATH",
        help="tệp cơ sở dữ liệu (mặc định: PTDS_DB hoặc thư mục dữ liệu người dùng)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for area in AREAS:
        area.register(commands)
    return parser


def main(argv: list[str] | None = None, start_gui: Callable[[Path], int] | None = None) -> int:
    """Run one command; `start_gui` (given by ptds_desktop.launcher) opens the window for `ptds gui`."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
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
    except KeyboardInterrupt:
        print("Đã hủy.", file=sys.stderr)
        return 130
    finally:
        ctx.close()
