"""Timeframes as officers write them ("Quý I năm 2025", "Thường xuyên", "x" under a phase column), parsed into
a kind and a machine value while the words are kept as printed; a due date is derived where the words allow.

Kinds (models.enums.TIMEFRAME_KINDS) and their values:
  ongoing "Thường xuyên"; yearly "Hằng năm" (value: times a year when written "01 loại hình/năm");
  periodic "Định kỳ"; quarter "2025-Q1"; year "2025" or a span "2025-2030"; date "2024-06-15" (a deadline);
  phases "1,2" (marks under the plan's phase columns); when_planned "Khi có kế hoạch"; text (anything else).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from ptds_desktop.text import fold, nfc

PHASE_MARKS = frozenset({"x", "v", "✓", "✔", "*", "+"})
_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"((?:19|20)\d\d)"
_DATE = r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*" + _YEAR

# Patterns on the folded text (lower case, no diacritics, single spaces). Order matters: first match wins.
_QUARTER = re.compile(r"^(?:trong\s+)?quy\s+(iv|iii|ii|i|[1-4])\s*(?:nam\s+|/\s*)?" + _YEAR + r"$")
_BEFORE_DATE = re.compile(r"^(?:truoc|den|han|cham nhat|hoan thanh truoc)\s+(?:ngay\s+)?" + _DATE + r"$")
_DATE_ONLY = re.compile(r"^(?:ngay\s+)?" + _DATE + r"$")
_MONTH = re.compile(r"^(?:truoc\s+|trong\s+|den\s+)?thang\s+(\d{1,2})\s*(?:nam\s+|/\s*)" + _YEAR + r"$")
_YEAR_ONLY = re.compile(r"^(?:trong\s+)?nam\s+" + _YEAR + r"$|^" + _YEAR + r"$")
_UNTIL_YEAR = re.compile(r"^(?:den|truoc)\s+(?:het\s+)?nam\s+" + _YEAR + r"$")
_SPAN = re.compile(
    r"^(?:giai doan\s+)?(?:tu\s+)?(?:nam\s+)?" + _YEAR + r"\s*(?:-|–|den|~)\s*(?:nam\s+)?" + _YEAR + r"$"
)
_PER_YEAR = re.compile(r"^(\d{1,3})\b.*?/\s*nam$")
_ONGOING = re.compile(r"^(?:thuong xuyen|lien tuc|hang ngay|thuong xuyen,? lien tuc)\b")
_YEARLY = re.compile(r"^(?:hang nam|moi nam|hang nam hoac dot xuat|hang nam va dot xuat)\b")
_PERIODIC = re.compile(r"^(?:dinh ky|dot xuat)\b")
_WHEN_PLANNED = re.compile(r"^(?:khi co\b|sau khi co\b|theo (?:ke hoach|chi dao|huong dan|yeu cau)\b)")


@dataclasses.dataclass(frozen=True)
class Timeframe:
    kind: str
    value: str | None
    text: str | None  # as printed; None for phase marks (drawn from the value)
    due_on: dt.date | None

    @property
    def phases(self) -> tuple[int, ...]:
        if self.kind != "phases" or not self.value:
            return ()
        return tuple(int(p) for p in self.value.split(","))


def _quarter_end(year: int, quarter: int) -> dt.date:
    month = quarter * 3
    return _month_end(year, month)


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_timeframe(text: str | None) -> Timeframe:
    """The structure of a timeframe written in words; unknown wording is kept as kind "text" (never refused)."""
    printed = " ".join((nfc(text) or "").split()) or None
    if printed is None:
        return Timeframe("text", None, None, None)
    key = fold(printed).rstrip(" .;,")
    if m := _QUARTER.match(key):
        year, quarter = int(m.group(2)), _ROMAN_QUARTERS[m.group(1)]
        return Timeframe("quarter", f"{year}-Q{quarter}", printed, _quarter_end(year, quarter))
    if (m := _BEFORE_DATE.match(key)) or (m := _DATE_ONLY.match(key)):
        due = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if due is not None:
            return Timeframe("date", due.isoformat(), printed, due)
        return Timeframe("text", None, printed, None)
    if (m := _MONTH.match(key)) and 1 <= int(m.group(1)) <= 12:
        due = _month_end(int(m.group(2)), int(m.group(1)))
        return Timeframe("date", due.isoformat(), printed, due)
    if m := _YEAR_ONLY.match(key):
        year = int(m.group(1) or m.group(2))
        return Timeframe("year", str(year), printed, dt.date(year, 12, 31))
    if m := _UNTIL_YEAR.match(key):
        year = int(m.group(1))
        return Timeframe("year", str(year), printed, dt.date(year, 12, 31))
    if (m := _SPAN.match(key)) and int(m.group(1)) <= int(m.group(2)):
        first, last = int(m.group(1)), int(m.group(2))
        return Timeframe("year", f"{first}-{last}", printed, dt.date(last, 12, 31))
    if m := _PER_YEAR.match(key):
        return Timeframe("yearly", str(int(m.group(1))), printed, None)
    if _ONGOING.match(key):
        return Timeframe("ongoing", None, printed, None)
    if _YEARLY.match(key):
        return Timeframe("yearly", None, printed, None)
    if _PERIODIC.match(key):
        return Timeframe("periodic", None, printed, None)
    if _WHEN_PLANNED.match(key):
        return Timeframe("when_planned", None, printed, None)
    return Timeframe("text", None, printed, None)


def phase_end_year(label: str) -> int | None:
    """The last year a phase column covers: "Giai đoạn (đến năm 2025)" → 2025, "2026 - 2030" → 2030,
    "sau năm 2030" → None (open-ended)."""
    key = fold(label)
    if re.search(r"\bsau\b", key):
        return None
    years = re.findall(_YEAR, key)
    return int(years[-1]) if years else None


def phases_timeframe(marked: list[int], phase_labels: list[str]) -> Timeframe:
    """Marks under phase columns (1-based). Due at the end of the last marked phase when that phase ends."""
    value = ",".join(str(p) for p in sorted(set(marked)))
    last = max(marked)
    end = phase_end_year(phase_labels[last - 1]) if 0 < last <= len(phase_labels) else None
    return Timeframe("phases", value, None, dt.date(end, 12, 31) if end else None)


def is_phase_mark(text: str | None) -> bool:
    return fold(text) in PHASE_MARKS


def default_text(kind: str, value: str | None) -> str:
    """Words for a timeframe entered as a structure only (the editor's choice list)."""
    if kind == "quarter" and value:
        year, quarter = value.split("-Q")
        return f"Quý {['I', 'II', 'III', 'IV'][int(quarter) - 1]} năm {year}"
    if kind == "year" and value:
        return f"Năm {value}" if "-" not in value else value.replace("-", " - ")
    if kind == "date" and value:
        day = dt.date.fromisoformat(value)
        return f"Trước ngày {day.day:02d}/{day.month:02d}/{day.year}"
    return {
        "ongoing": "Thường xuyên",
        "yearly": "Hằng năm",
        "periodic": "Định kỳ",
        "when_planned": "Khi có kế hoạch",
    }.get(kind, "")
