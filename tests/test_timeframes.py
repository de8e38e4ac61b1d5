"""Every timeframe form of the issue, written the many ways people type it, parses to one structure."""

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ptds_desktop.services.timeframes import (
    default_text,
    is_phase_mark,
    parse_timeframe,
    phase_end_year,
    phases_timeframe,
)
from ptds_desktop.text import fold

SEED_PHASES = ["Giai đoạn (đến năm 2025)", "Giai đoạn 2 (2026 - 2030)", "Giai đoạn 3 (sau năm 2030)"]


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


@st.composite
def typed(draw, text: str) -> str:
    """The same words as someone might type them: case, diacritics dropped, spaces doubled, NFD from Word."""
    variant = text
    if draw(st.booleans()):
        variant = variant.upper() if draw(st.booleans()) else variant.lower()
    if draw(st.booleans()):
        variant = _strip_marks(variant)
    if draw(st.booleans()):
        variant = variant.replace(" ", "  ")
    if draw(st.booleans()):
        variant = unicodedata.normalize("NFD", variant)
    return draw(st.sampled_from(["", " ", "\t"])) + variant + draw(st.sampled_from(["", " ", "."]))


def _check(words: str, kind: str, value, due) -> None:
    parsed = parse_timeframe(words)
    assert (parsed.kind, parsed.value, parsed.due_on) == (kind, value, due), words
    # The words are kept as printed (NFC, trimmed, spaces collapsed), not replaced by the structure.
    assert parsed.text == " ".join(unicodedata.normalize("NFC", words).split())


FIXED_FORMS = [
    ("Thường xuyên", "ongoing", None),
    ("Hằng năm", "yearly", None),
    ("Hàng năm", "yearly", None),
    ("Hàng năm hoặc đột xuất", "yearly", None),
    ("Định kỳ", "periodic", None),
    ("Khi có kế hoạch", "when_planned", None),
    ("Khi có kế hoạch của cấp trên", "when_planned", None),
    ("01 loại hình/năm", "yearly", "1"),
    ("02 lần/năm", "yearly", "2"),
]


@pytest.mark.parametrize("words, kind, value", FIXED_FORMS)
@given(data=st.data())
def test_fixed_forms(words, kind, value, data):
    _check(data.draw(typed(words)), kind, value, None)


@given(year=st.integers(2000, 2099), quarter=st.integers(1, 4), data=st.data())
def test_quarter_of_a_year(year, quarter, data):
    roman = ["I", "II", "III", "IV"][quarter - 1]
    form = data.draw(st.sampled_from([f"Quý {roman} năm {year}", f"Quý {quarter}/{year}", f"Quý {roman}/{year}"]))
    end = dt.date(year, 12, 31) if quarter == 4 else dt.date(year, quarter * 3 + 1, 1) - dt.timedelta(days=1)
    _check(data.draw(typed(form)), "quarter", f"{year}-Q{quarter}", end)


@given(year=st.integers(2000, 2099), data=st.data())
def test_a_year_and_up_to_a_year(year, data):
    form = data.draw(st.sampled_from([f"Năm {year}", f"Đến năm {year}", f"Trước năm {year}", str(year)]))
    _check(data.draw(typed(form)), "year", str(year), dt.date(year, 12, 31))


@given(first=st.integers(2000, 2090), length=st.integers(0, 9), data=st.data())
def test_span_of_years(first, length, data):
    last = first + length
    form = data.draw(
        st.sampled_from(
            [
                f"{first}-{last}",
                f"{first} - {last}",
                f"{first}–{last}",
                f"Giai đoạn {first} - {last}",
                f"Từ năm {first} đến năm {last}",
            ]
        )
    )
    _check(data.draw(typed(form)), "year", f"{first}-{last}", dt.date(last, 12, 31))


@given(day=st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)), data=st.data())
def test_deadline_date(day, data):
    form = data.draw(
        st.sampled_from(
            [
                f"Trước ngày {day.day}/{day.month}/{day.year}",
                f"Trước ngày {day.day:02d}/{day.month:02d}/{day.year}",
                f"{day.day}/{day.month}/{day.year}",
            ]
        )
    )
    _check(data.draw(typed(form)), "date", day.isoformat(), day)


def test_impossible_date_is_kept_as_words():
    parsed = parse_timeframe("Trước ngày 31/6/2024")
    assert (parsed.kind, parsed.due_on, parsed.text) == ("text", None, "Trước ngày 31/6/2024")


@given(words=st.text(max_size=40))
def test_any_text_parses_and_keeps_its_words(words):
    parsed = parse_timeframe(words)
    cleaned = " ".join(unicodedata.normalize("NFC", words).split()) or None
    assert parsed.text == cleaned
    if cleaned is None:
        assert parsed.kind == "text"


def test_phase_marks_and_their_due_date():
    assert [phase_end_year(label) for label in SEED_PHASES] == [2025, 2030, None]
    both = phases_timeframe([2, 1], SEED_PHASES)
    assert (both.kind, both.value, both.text, both.due_on, both.phases) == (
        "phases",
        "1,2",
        None,
        dt.date(2030, 12, 31),
        (1, 2),
    )
    assert phases_timeframe([3], SEED_PHASES).due_on is None
    assert all(is_phase_mark(mark) for mark in ["x", "X", " x ", "✓"])
    assert not is_phase_mark("Thường xuyên")


@pytest.mark.parametrize(
    "kind, value",
    [
        ("quarter", "2025-Q1"),
        ("year", "2023"),
        ("year", "2026-2030"),
        ("date", "2024-06-15"),
        ("ongoing", None),
        ("when_planned", None),
    ],
)
def test_structure_entered_without_words_reads_back_the_same(kind, value):
    words = default_text(kind, value)
    parsed = parse_timeframe(words)
    assert (parsed.kind, parsed.value) == (kind, value)
    assert fold(words)
