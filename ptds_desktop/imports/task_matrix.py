"""Reading a task matrix someone else made in a spreadsheet (the appendix of seed 003, the shape of seed 001).

Tolerated: title rows above the header; headers found by name with or without diacritics, in any order, on
one or two levels ("Thời gian thực hiện" over phase columns), merged or not; Roman-numeral section rows;
the header repeated mid-sheet (a sheet pasted from several pages); multi-line and empty cells. Agencies are
linked to the catalogue when the words name an entry, kept as words otherwise.

`read_matrix` writes nothing: it returns what would be created and every row it did not understand, by row
number. `import_matrix` creates the plan only when no row is in doubt (all or nothing).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zipfile
from pathlib import Path

from sqlalchemy.orm import Session

from ptds_desktop.db.backup import BEFORE_IMPORT, automatic_backup
from ptds_desktop.db.session import write_context
from ptds_desktop.errors import PtdsError
from ptds_desktop.i18n import translate
from ptds_desktop.services.plans import PlanData, PlanInput, SectionInput, TaskInput, create_plan_with_matrix
from ptds_desktop.services.references import Reference, catalogue_index, reference_from_words
from ptds_desktop.services.timeframes import is_phase_mark
from ptds_desktop.text import fold

HEADER_SEARCH_ROWS = 30
# Folded header words → column key; longer phrases are tried first ("chu tri tham muu" before "chu tri").
HEADER_ALIASES = {
    "number": ("tt", "stt", "so tt", "so thu tu", "thu tu"),
    "content": (
        "noi dung",
        "noi dung nhiem vu",
        "nhiem vu",
        "ten nhiem vu",
        "nhiem vu, giai phap",
        "nhiem vu giai phap",
    ),
    "directing": ("co quan chi dao", "chi dao"),
    "lead_advisory": ("co quan chu tri tham muu", "chu tri tham muu", "co quan tham muu"),
    "lead": ("co quan chu tri", "don vi chu tri", "chu tri", "co quan, don vi chu tri"),
    "coordinating": ("co quan phoi hop", "don vi phoi hop", "phoi hop", "co quan, don vi phoi hop"),
    "implementing": ("co quan to chuc thuc hien", "to chuc thuc hien", "co quan thuc hien", "don vi thuc hien"),
    "time": ("thoi gian thuc hien", "thoi gian", "thoi han", "thoi gian hoan thanh", "tien do"),
    "deliverable": ("san pham nhiem vu", "san pham", "san pham du kien", "ket qua", "ket qua, san pham"),
}
_ALIASES = sorted(
    ((alias, key) for key, aliases in HEADER_ALIASES.items() for alias in aliases), key=lambda p: -len(p[0])
)
ROLE_KEYS = ("directing", "lead_advisory", "lead", "coordinating", "implementing")
_ROMAN = re.compile(r"^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
_ROMAN_TITLE = re.compile(r"^([IVXLC]+)\s*[.:/-]\s*(\S.*)$", re.S)
_COLUMN_NUMBERS = re.compile(r"^\(?\d{1,2}\)?$")
_SPLIT_AGENCIES = re.compile(r"\s*(?:;|\n)\s*")
_NOTE_NUMBER = re.compile(r"\bsố\s*:?\s*([0-9A-Za-zĐđ][^\s,)]*/[^\s,)]+)", re.I)
_NOTE_LONG_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
_NOTE_SHORT_DATE = re.compile(r"ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})", re.I)


@dataclasses.dataclass(frozen=True)
class RowProblem:
    row: int
    message: str

    def __str__(self) -> str:
        return f"Dòng {self.row}: {self.message}"


@dataclasses.dataclass(frozen=True)
class MatrixPreview:
    """What an import would create, and the rows it did not understand."""

    sheet: str
    header_row: int
    plan: PlanInput
    sections: tuple[SectionInput, ...]
    loose_tasks: tuple[TaskInput, ...]
    problems: tuple[RowProblem, ...]
    linked_agencies: int  # agency mentions matched to the catalogue
    worded_agencies: int  # kept as words

    @property
    def task_count(self) -> int:
        return len(self.loose_tasks) + sum(len(s.tasks) for s in self.sections)

    @property
    def section_count(self) -> int:
        return len(self.sections)


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        value = f"{value.day:02d}/{value.month:02d}/{value.year}"
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    joined = "\n".join(line for line in lines if line)
    return joined or None


def _header_key(text: str | None) -> str | None:
    key = fold(text).strip(" .:*")
    key = re.sub(r"\s*\(\d+\)$", "", key)  # "Nội dung (2)"
    if not key:
        return None
    if len(key) > 60:
        return None  # a header is a few words; this is a task's text
    for alias, column in _ALIASES:
        # "Cơ quan chủ trì thực hiện": a known name and at most two more words.
        if key == alias or (column != "number" and key.startswith(alias + " ") and len(key[len(alias) :].split()) <= 2):
            return column
    return None


def _recognise(cells: list[str | None]) -> dict[int, str]:
    found: dict[int, str] = {}
    for col, text in enumerate(cells):
        key = _header_key(text)
        if key and key not in found.values():
            found[col] = key
    return found


def _is_phase_label(text: str | None) -> bool:
    key = fold(text)
    return key.startswith("giai doan") or bool(re.search(r"\b(19|20)\d\d\b", key))


_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')


class _Sheet:
    """Cell texts (0-based rows and columns) and merged ranges of the workbook's active sheet.

    Read in openpyxl's read-only mode: the normal mode re-borders every merged range while loading, which took
    most of the time of reading a 1,000-task matrix. The merged ranges are taken from the sheet's XML."""

    def __init__(self, path: Path):
        # openpyxl (0.16 s to import) only when a file is read: the tasks screen imports this module on its first
        # visit, on the UI thread.
        from openpyxl import load_workbook
        from openpyxl.utils.cell import range_boundaries
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except InvalidFileException as exc:
            raise ValueError(str(exc)) from None
        try:
            ws = wb.active
            ws.reset_dimensions()  # files from other programs often declare a wrong used range
            self.title = ws.title
            self.rows = [[_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
            xml = wb._archive.read(ws._worksheet_path)  # noqa: SLF001  (the merges are not exposed read-only)
        finally:
            wb.close()
        self.width = max((len(r) for r in self.rows), default=0)
        for r in self.rows:
            r.extend([None] * (self.width - len(r)))
        self.merged: dict[tuple[int, int], tuple[int, int]] = {}  # top-left → (last row, last column)
        for ref in _MERGE_REF.findall(xml):
            min_col, min_row, max_col, max_row = range_boundaries(ref.decode("ascii"))
            self.merged[(min_row - 1, min_col - 1)] = (max_row - 1, max_col - 1)

    def span(self, row: int, col: int) -> int:
        """Columns a merged cell at (row, col) covers (1 when not merged)."""
        last = self.merged.get((row, col))
        return (last[1] - col + 1) if last else 1


@dataclasses.dataclass
class _Layout:
    columns: dict[int, str]  # column index → key (number, content, roles, deliverable)
    phase_columns: list[int]
    phase_labels: list[str]
    time_column: int | None
    header_rows: int  # 1 or 2


def _find_header(sheet: _Sheet) -> tuple[int, _Layout]:
    for r, cells in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        found = _recognise(cells)
        if "content" not in found.values() or len(found) < 2:
            continue
        columns = {c: k for c, k in found.items() if k != "time"}
        time_column = next((c for c, k in found.items() if k == "time"), None)
        next_known = sorted(c for c in found if time_column is not None and c > time_column)
        below = sheet.rows[r + 1] if r + 1 < len(sheet.rows) else [None] * sheet.width
        phase_columns: list[int] = []
        phase_labels: list[str] = []
        header_rows = 1
        content_col = next(c for c, k in found.items() if k == "content")
        below_is_header = not below[content_col] and all(not below[c] for c, k in found.items() if k == "number")
        if time_column is not None and below_is_header:
            end = next_known[0] if next_known else sheet.width
            span = sheet.span(r, time_column)
            if span > 1:
                end = min(end, time_column + span)
            labelled = [c for c in range(time_column, end) if below[c]]
            if labelled and (span > 1 or len(labelled) > 1 or _is_phase_label(below[labelled[0]])):
                phase_columns = list(range(time_column, max(labelled) + 1))
                phase_labels = [below[c] or f"Giai đoạn {i}" for i, c in enumerate(phase_columns, start=1)]
                header_rows = 2
        elif time_column is None:
            direct = [
                c for c, text in enumerate(cells) if c not in found and text and fold(text).startswith("giai doan")
            ]
            if direct:
                phase_columns, phase_labels = direct, [cells[c] or "" for c in direct]
        if header_rows == 1 and below_is_header and any(sheet.merged.get((r, c), (r, c))[0] > r for c in found):
            header_rows = 2  # a two-level header whose second row holds nothing we need
        return r, _Layout(columns, phase_columns, phase_labels, time_column, header_rows)
    raise PtdsError(
        translate("Core", "Không tìm thấy dòng tiêu đề cột trong {rows} dòng đầu của trang “{title}”: "
                          "cần cột “Nội dung” và ít nhất một cột khác (“TT”, “Cơ quan chủ trì”, “Cơ quan phối hợp”, "
                          "“Thời gian thực hiện”…).").format(
            rows=HEADER_SEARCH_ROWS, title=sheet.title)
    )


def _plan_from_titles(lines: list[str], plan_title: str | None, default_title: str) -> PlanInput:
    note = next((line for line in lines if line.startswith("(")), None)
    kept = [line for line in lines if not line.startswith("(") and not fold(line).startswith("phu luc")]
    appendix = "\n".join(kept) or None
    # "NHIỆM VỤ VÀ GIẢI PHÁP" above the plan's own title is the appendix's heading, not the plan's name.
    named = kept[1:] if len(kept) > 1 and kept[0] == kept[0].upper() else kept
    title = plan_title or " ".join(" ".join(named).split()) or default_title
    number = issued = None
    kind = "KH"
    if note:
        if m := _NOTE_NUMBER.search(note):
            number = m.group(1)
        m = _NOTE_LONG_DATE.search(note) or _NOTE_SHORT_DATE.search(note)
        if m:
            try:
                issued = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                issued = None
        folded = fold(note)
        if "chuong trinh" in folded:
            kind = "CTr"
        elif "quyet dinh" in folded:
            kind = "QĐ"
    return PlanInput(title=title, kind=kind, number_symbol=number, issued_on=issued, appendix_title=appendix)


def _agencies(text: str | None, index: dict[str, str], known: dict[str, Reference]) -> list[Reference]:
    """The agencies of one cell; `known` remembers words already matched (matrices repeat the same agencies)."""
    if not text:
        return []
    refs = []
    for part in _SPLIT_AGENCIES.split(text):
        words = part.lstrip("-–+• ").strip()
        if words:
            if words not in known:
                known[words] = reference_from_words(words, index)
            refs.append(known[words])
    return refs


def read_matrix(session: Session, path: Path | str, plan_title: str | None = None) -> MatrixPreview:
    """Understand the file; write nothing. Raises PtdsError for a file that is no readable workbook or has no header."""
    path = Path(path)
    try:
        sheet = _Sheet(path)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise PtdsError(
            translate("Core", "Không đọc được {name}: không phải bảng tính Excel (.xlsx) hợp lệ ({exc}).").format(
            name=path.name, exc=exc)) from None
    header, layout = _find_header(sheet)
    index = catalogue_index(session)
    known: dict[str, Reference] = {}
    title_lines = [next((c for c in cells if c), "") for cells in sheet.rows[:header]]
    plan = _plan_from_titles([t for t in title_lines if t], plan_title, path.stem)
    plan = dataclasses.replace(
        plan,
        matrix_roles=tuple(k for _c, k in sorted(layout.columns.items()) if k in ROLE_KEYS),
        phase_labels=tuple(layout.phase_labels),
    )
    number_col = next((c for c, k in layout.columns.items() if k == "number"), None)
    content_col = next(c for c, k in layout.columns.items() if k == "content")
    deliverable_col = next((c for c, k in layout.columns.items() if k == "deliverable"), None)
    role_cols = [(c, k) for c, k in sorted(layout.columns.items()) if k in ROLE_KEYS]
    time_cols = layout.phase_columns or ([layout.time_column] if layout.time_column is not None else [])
    header_words = {fold(t) for t in layout.phase_labels} | {fold(t) for t in sheet.rows[header] if t}

    problems: list[RowProblem] = []
    sections: list[tuple[str, str, list[TaskInput]]] = []
    loose: list[TaskInput] = []
    linked = worded = 0
    for r in range(header + layout.header_rows, len(sheet.rows)):
        cells = sheet.rows[r]
        row_no = r + 1
        filled = [t for t in cells if t]
        if not filled:
            continue
        # The header again (a sheet pasted page by page): its content cell is a header name, or, for its second
        # row, empty with only header words around. Checked on the content cell first: folding is not free.
        content_cell = cells[content_col]
        if (
            content_cell
            and len(content_cell) <= 50  # a header name, not a task's text
            and _header_key(content_cell) == "content"
            and len(_recognise(cells)) >= 2
        ):
            continue
        if not content_cell and all(fold(t) in header_words for t in filled):
            continue
        if len(filled) >= 3 and all(_COLUMN_NUMBERS.match(t) for t in filled):
            continue  # the "(1) (2) (3)" column-number row some offices add under the header
        number = cells[number_col] if number_col is not None else None
        content = cells[content_col]
        others = [cells[c] for c, _k in role_cols] + [cells[c] for c in time_cols]
        if deliverable_col is not None:
            others.append(cells[deliverable_col])
        section = None
        if number and _ROMAN.match(number.rstrip(".")) and content:
            section = (number.rstrip("."), content)
        elif (
            not number
            and content
            and (m := _ROMAN_TITLE.match(content))
            and _ROMAN.match(m.group(1))
            or number
            and not content
            and (m := _ROMAN_TITLE.match(number))
            and _ROMAN.match(m.group(1))
        ):
            section = (m.group(1), m.group(2))
        elif (
            number
            and content
            and sheet.span(r, content_col) > 1
            and content_col + sheet.span(r, content_col) >= sheet.width
        ):
            section = (number, content)  # a numbered group row spanning the table (seed 001's shape)
        if section is not None:
            if any(others):
                problems.append(
                    RowProblem(
                        row_no,
                        f"dòng nhóm “{section[0]}” có thêm chữ ở cột cơ quan, thời gian "
                        "hoặc sản phẩm; nếu là nhiệm vụ hãy ghi số thứ tự bằng chữ số.",
                    )
                )
                continue
            sections.append((section[0], " ".join(section[1].split()), []))
            continue
        if not content:
            where = f"có số thứ tự “{number}” nhưng" if number else "có chữ nhưng"
            problems.append(RowProblem(row_no, f"{where} thiếu nội dung nhiệm vụ (cột “Nội dung”)."))
            continue
        if number and len(number) > 20:
            problems.append(RowProblem(row_no, f"số thứ tự “{number[:30]}…” dài quá 20 ký tự."))
            continue
        timeframe_text: str | None = None
        phases: tuple[int, ...] = ()
        if layout.phase_columns:
            values = [(i, cells[c]) for i, c in enumerate(layout.phase_columns, start=1) if cells[c]]
            marks = tuple(i for i, v in values if is_phase_mark(v))
            words = [v for _i, v in values if not is_phase_mark(v)]
            if marks and words:
                problems.append(RowProblem(row_no, "cột giai đoạn vừa có dấu “x” vừa có chữ; chỉ dùng một cách."))
                continue
            if len(set(words)) > 1:
                problems.append(
                    RowProblem(row_no, "thời gian thực hiện ghi ở nhiều cột giai đoạn khác nhau; gộp vào một ô.")
                )
                continue
            phases, timeframe_text = marks, (words[0] if words else None)
        elif time_cols:
            timeframe_text = cells[time_cols[0]]
        if timeframe_text and len(" ".join(timeframe_text.split())) > 200:
            problems.append(RowProblem(row_no, "thời gian thực hiện dài quá 200 ký tự."))
            continue
        agencies: dict[str, list[Reference]] = {}
        too_long = False
        for c, key in role_cols:
            refs = _agencies(cells[c], index, known)
            too_long = too_long or any(len(ref.text or "") > 500 for ref in refs)
            if refs:
                agencies[key] = refs
        if too_long:
            problems.append(RowProblem(row_no, "tên một cơ quan dài quá 500 ký tự; tách các cơ quan bằng dấu “;”."))
            continue
        for refs in agencies.values():
            linked += sum(1 for ref in refs if ref.organization_id)
            worded += sum(1 for ref in refs if not ref.organization_id)
        task = TaskInput(
            content=content,
            code=number,
            timeframe_text=timeframe_text,
            phases=phases,
            deliverable=cells[deliverable_col] if deliverable_col is not None else None,
            agencies=agencies,
        )
        (sections[-1][2] if sections else loose).append(task)
    return MatrixPreview(
        sheet=sheet.title,
        header_row=header + 1,
        plan=plan,
        sections=tuple(SectionInput(code, title, tuple(tasks)) for code, title, tasks in sections),
        loose_tasks=tuple(loose),
        problems=tuple(problems),
        linked_agencies=linked,
        worded_agencies=worded,
    )


def import_matrix(session: Session, preview: MatrixPreview) -> PlanData:
    """Create the plan the preview describes; refused as a whole while any row is in doubt."""
    if preview.problems:
        listed = "\n".join(f"  {p}" for p in preview.problems[:50])
        more = f"\n  … và {len(preview.problems) - 50} dòng khác." if len(preview.problems) > 50 else ""
        raise PtdsError(
            translate("Core", "Không nhập: {count} dòng chưa hiểu được trong trang “{sheet}”. Sửa các dòng sau rồi "
                              "nhập lại (chưa có gì được ghi):\n{listed}{more}").format(
                count=len(preview.problems), sheet=preview.sheet, listed=listed, more=more)
        )
    if preview.task_count == 0:
        raise PtdsError(
            translate("Core", "Trang “{sheet}” không có nhiệm vụ nào dưới dòng tiêu đề {header_row}.").format(
            sheet=preview.sheet, header_row=preview.header_row))
    automatic_backup(write_context(session).db_path, BEFORE_IMPORT)  # a copy as it was, before every import
    return create_plan_with_matrix(session, preview.plan, preview.sections, preview.loose_tasks)
