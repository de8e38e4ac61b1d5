"""The board roster as a workbook: the same title and columns as the PDF attached to the decision."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from ptds_desktop.exports.excel.common import NOTE_FONT, Column, setup_print, title_line, write_header, write_rows
from ptds_desktop.exports.pdf.roster import attachment_note, roster_rows, roster_title
from ptds_desktop.services.roster import RosterSnapshot

ROSTER_COLUMNS = (
    Column("TT", 5, centred=True),
    Column("Họ và tên", 22),
    Column("Chức vụ, đơn vị", 33),
    Column("Chức danh trong Ban", 17),
    Column("Điện thoại", 14, centred=True),
)
HEADER_ROW = 5


def write_roster_xlsx(snapshot: RosterSnapshot, target: Path | str | BinaryIO) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách thành viên"
    n = len(ROSTER_COLUMNS)
    for index, column in enumerate(ROSTER_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    row = title_line(ws, 1, "DANH SÁCH", n)
    row = title_line(ws, row, roster_title(snapshot), n)
    row = title_line(ws, row, attachment_note(snapshot), n, NOTE_FONT)
    first_data = write_header(ws, HEADER_ROW, ROSTER_COLUMNS)
    write_rows(ws, first_data, ROSTER_COLUMNS, roster_rows(snapshot.members))
    setup_print(ws, (HEADER_ROW, first_data - 1))
    ws.freeze_panes = ws.cell(row=first_data, column=1)
    wb.properties.title = f"Danh sách thành viên {snapshot.board.name}"
    wb.properties.creator = "PTDS Desktop"
    wb.save(target)
