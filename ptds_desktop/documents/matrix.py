"""A task matrix laid out for a workbook, as plain data: title lines, a one- or two-level header (widths in
characters), Roman-numeral section rows and task rows. Built by services (plan_documents.matrix_layout) and
drawn by exports/excel/task_matrix.py, which knows nothing of plans."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class MatrixColumn:
    """A workbook column: its header label, its width in characters, and `children` for a two-level header
    (the label spans them; each child is one real column with its own width)."""

    label: str
    width: float = 12
    children: tuple[tuple[str, float], ...] = ()
    centred: bool = False


@dataclasses.dataclass(frozen=True)
class SectionLine:
    code: str
    title: str


@dataclasses.dataclass(frozen=True)
class TaskLine:
    cells: tuple[str | None, ...]  # one per leaf column
    spanning_time: bool  # the timeframe words span the phase columns (merged)


@dataclasses.dataclass(frozen=True)
class MatrixLayout:
    title: str  # the workbook's title property
    title_lines: tuple[str, ...]
    note: str | None
    columns: tuple[MatrixColumn, ...]
    rows: tuple[SectionLine | TaskLine, ...]
    time_column: int  # 0-based leaf index of the first time column
    phase_count: int
