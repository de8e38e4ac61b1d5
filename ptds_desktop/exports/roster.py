"""The roster documents as files: one entry point for the GUI and the CLI."""

from __future__ import annotations

from pathlib import Path

from ptds_desktop.errors import PtdsError
from ptds_desktop.exports.excel.roster import write_roster_xlsx
from ptds_desktop.exports.pdf.roster import write_duties_pdf, write_roster_pdf
from ptds_desktop.services.roster import RosterSnapshot

KINDS = ("roster_pdf", "roster_xlsx", "duties_pdf")


def export_roster(snapshot: RosterSnapshot, kind: str, target: Path | str) -> Path:
    """Write the roster (PDF or XLSX) or the member-responsibility list (PDF) beside `target`, then rename,
    so a failed or interrupted export never leaves a half-written file under the user's chosen name."""
    writer = {"roster_pdf": write_roster_pdf, "roster_xlsx": write_roster_xlsx, "duties_pdf": write_duties_pdf}[kind]
    target = Path(target)
    partial = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        writer(snapshot, partial)
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise PtdsError(f"Không ghi được {target}: {exc.strerror or exc}") from None
    return target
