"""Every progress report of every plan as one list, searched accent-insensitively and sorted in milliseconds.

A province holds about 100,000 reports (a report from each of ~100 communes on each of ~1,000 tasks), so the
list is loaded once into a `ReportIndex` (on the GUI's database worker) and each search or sort is computed
from it there, never on the UI thread:

    index = load_report_index(session)              # ~100,000 rows read once
    rows = index.search("hoa phu ban hanh", SORT_OFFICE, descending=False)

Why not one folded text per row: each row's search text would repeat its task's whole content (about 250
characters), 24 MB to scan per keystroke. A report's words come from three fields with few distinct values
(≈1,000 tasks, ≈100 offices, the report texts), so each word is looked for once per distinct value; the rows
whose fields together hold every word are then ORs and ANDs of bit sets of rows (Python ints: C loops over
13 kB), and the matching rows are put in the order asked: about 10 ms for 100,000 rows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from itertools import chain, compress, product
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptds_desktop.models import Office, Plan, ProgressReport, Task
from ptds_desktop.models.enums import PROGRESS_STATUSES
from ptds_desktop.text import fold


class ReportRow(NamedTuple):
    """One report as the list shows it. A NamedTuple rather than a dataclass: 100,000 are built per load
    (4× faster to make, half the memory)."""

    id: str
    plan_id: str
    task_id: str
    office_id: str
    office: str  # the reporting office (the report's owner)
    plan: str  # the plan's number and symbol, or its title when it has none
    task_code: str
    task: str  # the task's content
    reported_on: dt.date
    status: str  # PROGRESS_STATUSES code
    percent: int
    text: str


_ONE, _ONES = "1", re.compile("1")
# Sort columns (the list's columns in this order); the load order is plan, task, office.
SORT_OFFICE, SORT_PLAN, SORT_TASK, SORT_DATE, SORT_STATUS, SORT_PERCENT, SORT_TEXT = range(7)
_STATUS_ORDER = {code: i for i, code in enumerate(PROGRESS_STATUSES)}


class _Order:
    """The rows in one order, and where each stands in the load order (what a search's row numbers are)."""

    def __init__(self, rows: Sequence[ReportRow], positions: Sequence[int]) -> None:
        self.rows = rows
        self.positions = positions
        self._rank: list[int] | None = None

    @property
    def rank(self) -> Sequence[int]:
        """Load position -> place in this order (sorts a few matching rows without a pass over all)."""
        if isinstance(self.positions, range):
            return self.positions  # the load order itself
        if self._rank is None:
            rank = [0] * len(self.positions)
            for place, position in enumerate(self.positions):
                rank[position] = place
            self._rank = rank
        return self._rank


@dataclasses.dataclass(frozen=True)
class ReportIndex:
    rows: tuple[ReportRow, ...]  # in load order
    task_keys: dict[str, str]  # task id -> folded plan, code and content
    office_keys: dict[str, str]  # office id -> folded name
    text_keys: dict[str, str]  # report text -> folded text
    _rows_by_task: dict[str, list[int]] = dataclasses.field(default_factory=dict, compare=False)
    _rows_by_office: dict[str, list[int]] = dataclasses.field(default_factory=dict, compare=False)
    _rows_by_text: dict[str, list[int]] = dataclasses.field(default_factory=dict, compare=False)
    _task_bits: dict[str, int] = dataclasses.field(default_factory=dict, compare=False)
    _office_bits: dict[str, int] = dataclasses.field(default_factory=dict, compare=False)
    _orders: dict[tuple[int | None, bool], _Order] = dataclasses.field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        for i, row in enumerate(self.rows):
            self._rows_by_task.setdefault(row.task_id, []).append(i)
            self._rows_by_office.setdefault(row.office_id, []).append(i)
            self._rows_by_text.setdefault(row.text, []).append(i)
        # Made here, on the worker, so the first keystroke does not wait for them.
        self._task_bits.update((key, _bits(rows)) for key, rows in self._rows_by_task.items())
        self._office_bits.update((key, _bits(rows)) for key, rows in self._rows_by_office.items())

    def __len__(self) -> int:
        return len(self.rows)

    def ordered(self, column: int | None, descending: bool = False) -> Sequence[ReportRow]:
        """Every row sorted by a SORT_* column (None: load order). Each column is sorted once, then kept."""
        return self._order(column, descending).rows

    def search(self, query: str, column: int | None = None, descending: bool = False) -> list[ReportRow]:
        """The rows holding every word of `query` (accents and case ignored) in their office, plan, task or
        text, in the order asked."""
        order = self._order(column, descending)
        words = fold(query).split()
        if not words:
            return list(order.rows)
        every = (1 << len(words)) - 1
        # Per field, mask -> the rows whose value holds exactly those words, as a bit set (a Python int: bit i =
        # row i of the load order; OR and AND over 100,000 rows are C loops over 13 kB).
        fields = [
            {mask: _or_all(self._bits(self._task_bits, self._rows_by_task, key) for key in keys)
             for mask, keys in _by_mask(_masks(self.task_keys, words)).items()},
            {mask: _or_all(self._bits(self._office_bits, self._rows_by_office, key) for key in keys)
             for mask, keys in _by_mask(_masks(self.office_keys, words)).items()},
            {mask: _bits(chain.from_iterable(self._rows_by_text[key] for key in keys if key in self._rows_by_text))
             for mask, keys in _by_mask(_masks(self.text_keys, words)).items()},
        ]
        matched = 0
        for masks in product(*([0, *classes] for classes in fields)):
            if _covering(masks, every):
                term = -1
                for field, mask in zip(fields, masks):
                    if mask:
                        term &= field[mask]
                matched |= term
        if not matched:
            return []
        flags = format(matched, f"0{len(self.rows)}b")[::-1]  # "1" at each matching row's load position
        if matched.bit_count() * 8 > len(self.rows):  # many: one pass over the ordered rows
            return list(compress(order.rows, map(_ONE.__eq__, map(flags.__getitem__, order.positions))))
        positions = [m.start() for m in _ONES.finditer(flags)]
        return [self.rows[i] for i in sorted(positions, key=order.rank.__getitem__)]

    def _bits(self, cache: dict[str, int], rows_by: dict[str, list[int]], key: str) -> int:
        """The bit set of a task's or an office's rows (few distinct values: made with the index)."""
        bits = cache.get(key)
        if bits is None:
            bits = cache[key] = _bits(rows_by.get(key, ()))
        return bits

    def _order(self, column: int | None, descending: bool) -> _Order:
        key = (column, descending)
        if key not in self._orders:
            if descending:
                ascending = self._order(column, False)
                self._orders[key] = _Order(ascending.rows[::-1], ascending.positions[::-1])
            elif column is None:
                self._orders[key] = _Order(self.rows, range(len(self.rows)))
            else:
                sort_key = self._sort_key(column)
                positions = sorted(range(len(self.rows)), key=lambda i: sort_key(self.rows[i]))
                self._orders[key] = _Order([self.rows[i] for i in positions], positions)
        return self._orders[key]

    def _sort_key(self, column: int) -> Callable[[ReportRow], Any]:
        if column == SORT_OFFICE:
            return lambda r: (self.office_keys[r.office_id], r.reported_on)
        if column == SORT_PLAN:
            return lambda r: fold(r.plan)
        if column == SORT_TASK:
            return lambda r: self.task_keys[r.task_id]
        if column == SORT_DATE:
            return lambda r: r.reported_on
        if column == SORT_STATUS:
            return lambda r: (_STATUS_ORDER.get(r.status, len(_STATUS_ORDER)), r.percent)
        if column == SORT_PERCENT:
            return lambda r: r.percent
        return lambda r: self.text_keys.get(r.text, "")


def _masks(keys: dict[str, str], words: list[str]) -> dict[str, int]:
    """key -> bit i set when words[i] is in the folded text; only keys holding at least one word."""
    masks: dict[str, int] = {}
    for i, word in enumerate(words):
        bit = 1 << i
        for key, folded in keys.items():
            if word in folded:
                masks[key] = masks.get(key, 0) | bit
    return masks


def _by_mask(masks: dict[str, int]) -> dict[int, list[str]]:
    """mask -> the values having exactly that mask."""
    keys_by_mask: dict[int, list[str]] = {}
    for key, mask in masks.items():
        keys_by_mask.setdefault(mask, []).append(key)
    return keys_by_mask


def _bits(positions: Iterable[int]) -> int:
    """The bit set of these row positions. A run (a task's rows follow each other in the load order) is one
    shift; scattered rows go through a string of 0s and 1s that int() reads in one C loop."""
    positions = list(positions)
    if not positions:
        return 0
    first, last = min(positions), max(positions)
    if last - first + 1 == len(positions):
        return ((1 << len(positions)) - 1) << first
    if len(positions) < 64:
        return _or_all(1 << p for p in positions)
    digits = bytearray(b"0" * (last + 1))
    for p in positions:
        digits[p] = 0x31  # "1"
    return int(digits[::-1], 2)


def _or_all(bit_sets: Iterable[int]) -> int:
    result = 0
    for bits in bit_sets:
        result |= bits
    return result


def _covering(masks: tuple[int, ...], every: int) -> bool:
    """The fields' masks hold every word together, and each nonzero one is needed (else a smaller
    combination already gives these rows)."""
    union = 0
    for mask in masks:
        union |= mask
    if union != every:
        return False
    for i, mask in enumerate(masks):
        if mask:
            rest = 0
            for j, other in enumerate(masks):
                if j != i:
                    rest |= other
            if rest == every:
                return False
    return True


def load_report_index(session: Session) -> ReportIndex:
    """Every live report of a live task of a live plan, by plan, task and reporting office."""
    offices = {row.id: row.name for row in session.execute(select(Office.id, Office.name))}
    tasks: dict[str, tuple[str, str, str, str]] = {}  # id -> plan id, plan, code, content
    task_order: dict[str, tuple[str, int, str]] = {}
    for row in session.execute(
        select(Task.id, Task.plan_id, Task.code, Task.content, Task.sort_order, Plan.number_symbol, Plan.title)
        .join(Plan, Plan.id == Task.plan_id)
        .where(Task.deleted.is_(False), Plan.deleted.is_(False))
    ):
        plan = row.number_symbol or row.title
        tasks[row.id] = (row.plan_id, plan, row.code or "", row.content)
        task_order[row.id] = (fold(plan), row.sort_order, row.code or "")
    office_keys = {office_id: fold(name) for office_id, name in offices.items()}
    text_keys: dict[str, str] = {}
    rows = []
    make = ReportRow._make  # tuple.__new__: no keyword handling per row
    # Core on the session's connection: no ORM result processing for 100,000 rows.
    for report_id, task_id, office_id, reported_on, status, percent, text in session.connection().execute(
        select(ProgressReport.id, ProgressReport.task_id, ProgressReport.owner_office_id, ProgressReport.reported_on,
               ProgressReport.status, ProgressReport.percent, ProgressReport.text)
        .where(ProgressReport.deleted.is_(False))
    ):
        task = tasks.get(task_id)
        if task is None:
            continue
        text = text or ""
        if text not in text_keys:
            text_keys[text] = fold(text)
        rows.append(make((report_id, task[0], task_id, office_id, offices.get(office_id, ""), task[1], task[2],
                          task[3], reported_on, status, percent, text)))
    rows.sort(key=lambda r: (task_order[r.task_id], office_keys.get(r.office_id, ""), r.reported_on))
    task_keys = {task_id: fold(" ".join(parts[1:])) for task_id, parts in tasks.items()}
    return ReportIndex(tuple(rows), task_keys, office_keys, text_keys)
