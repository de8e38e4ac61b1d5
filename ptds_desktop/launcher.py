"""The `ptds` program: the command line, or the window when asked for (`ptds gui`, or no command at all).

It sits above both interfaces so the command line never imports the GUI: Qt is loaded only when the window
is started, and commands do not wait for it.
"""

from __future__ import annotations

from pathlib import Path

from ptds_desktop.cli import main as cli_main


def start_gui(db_path: Path, quit_after: float | None = None) -> int:
    from ptds_desktop.gui.app import run  # deferred on purpose: see the module docstring

    return run(db_path, quit_after=quit_after)


def main(argv: list[str] | None = None) -> int:
    return cli_main(argv, start_gui=start_gui)
