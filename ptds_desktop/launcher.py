"""The `ptds` program: the command line, or the window when asked for (`ptds gui`, or no command at all).

It sits above both interfaces so neither start pays for the other: Qt is loaded only when the window is
started, and a start of the window (`ptds`, `ptds gui`, either with `--db FILE`) does not load the command
line, whose commands import every service and the Excel library (issue #13).
"""

from __future__ import annotations

import sys
from pathlib import Path

from ptds_desktop.config import resolve_db_path


def start_gui(db_path: Path | str, quit_after: float | None = None) -> int:
    from ptds_desktop.gui.app import run  # deferred on purpose: see the module docstring

    return run(db_path, quit_after=quit_after)


def window_only(argv: list[str]) -> tuple[bool, str | None]:
    """Whether `argv` asks for nothing but the window, and the `--db` it names. Anything else (help, options,
    a command, a mistake) goes to the command line, which explains it."""
    db_arg = None
    rest = list(argv)
    while rest:
        if rest[0] == "--db" and len(rest) > 1:
            db_arg, rest = rest[1], rest[2:]
        elif rest[0].startswith("--db="):
            db_arg, rest = rest[0].removeprefix("--db="), rest[1:]
        else:
            break
    return rest in ([], ["gui"]), db_arg


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    wanted, db_arg = window_only(args)
    if wanted:
        return start_gui(resolve_db_path(db_arg))
    from ptds_desktop.cli import main as cli_main  # deferred on purpose: see the module docstring

    return cli_main(argv, start_gui=start_gui)
