"""Vietnamese text: NFC storage, accent-insensitive folding, dates as officers write them."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

from ptds_desktop.errors import ValidationError
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate

_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def nfc(text: str | None) -> str | None:
    """Normalise to NFC and trim; Word and some keyboards (Unikey VNI) produce NFD."""
    if text is None:
        return None
    return unicodedata.normalize("NFC", text).strip()


_COMBINING_MARKS = re.compile("[\u0300-\u036f]+")  # every Vietnamese diacritic once decomposed (all category Mn)


def fold(text: str | None) -> str:
    """Lower case without diacritics, so "dak lak" matches "Đắk Lắk" and "uy ban" matches "Ủy ban"."""
    if not text:
        return ""
    stripped = _COMBINING_MARKS.sub("", unicodedata.normalize("NFD", text.translate(_FOLD_EXTRA)))
    if not stripped.isascii():  # marks outside the block Vietnamese uses: the exact, slower test
        stripped = "".join(ch for ch in stripped if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.casefold().split())


def file_slug(text: str, fallback: str = "office") -> str:
    """A short ASCII piece of a file name from a Vietnamese name: "UBND xã Hòa Phú" -> "ubnd-xa-hoa-phu"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:30] or fallback


def matches(query: str, *texts: str | None) -> bool:
    """True when every word of the query occurs (folded) in one of the texts."""
    words = fold(query).split()
    haystack = " ".join(fold(t) for t in texts if t)
    return all(w in haystack for w in words)


_SEPARATED_DATE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")  # 15/6/2026, 15-06-26
_DIGITS_DATE = re.compile(r"^(\d{2})(\d{2})(\d{2}|\d{4})$")  # 15062026, 150626: day and month take two digits
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
DATE = QT_TRANSLATE_NOOP("Fields", "ngày")
MIN_YEAR, MAX_YEAR = 1900, 2100  # a typo such as 0202 or 20026 is not a year anyone means


def _full_year(year: int, digits: int, today: dt.date) -> int:
    """A two-digit year is the nearest one not more than ten years ahead: 26 -> 2026, 65 -> 1965."""
    if digits == 4:
        return year
    candidate = 2000 + year
    return candidate if candidate <= today.year + 10 else candidate - 100


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def parse_date(text: str, field: str = DATE, today: dt.date | None = None) -> dt.date:
    """A date as officers type it: 15/06/2026, 15/6/2026, 15-06-2026, 15.06.2026, 15062026, 15/6/26, or ISO
    2026-06-15. An impossible date (31/02/2026) is refused, never rounded to a neighbouring one.
    `field` names the date in messages (marked for translation in the "Fields" context) and in the error."""
    label = translate("Fields", field)
    raw = " ".join((text or "").split())
    if not raw:
        raise ValidationError(translate("Dates", "Thiếu {field}.").format(field=label), field)
    iso = _ISO_DATE.match(raw)
    match = _SEPARATED_DATE.match(raw) or _DIGITS_DATE.match(raw)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif match:
        day, month = int(match.group(1)), int(match.group(2))
        year = _full_year(int(match.group(3)), len(match.group(3)), today or dt.date.today())
    else:
        raise ValidationError(translate(
            "Dates", "{field} không đúng dạng ngày/tháng/năm, ví dụ 15/06/2026, 15/6/26 hoặc 15062026: “{text}”."
        ).format(field=capitalized(label), text=raw), field)
    if not MIN_YEAR <= year <= MAX_YEAR:
        reason = translate("Dates", "năm {year} nằm ngoài khoảng {first}–{last}").format(
            year=year, first=MIN_YEAR, last=MAX_YEAR)
    elif not 1 <= month <= 12:
        reason = translate("Dates", "không có tháng {month}").format(month=month)
    elif not 1 <= day <= calendar.monthrange(year, month)[1]:
        last_day = calendar.monthrange(year, month)[1]
        reason = translate("Dates", "tháng {month} năm {year} chỉ có {days} ngày").format(
            month=month, year=year, days=last_day) if day else translate("Dates", "không có ngày 0")
    else:
        return dt.date(year, month, day)
    raise ValidationError(translate("Dates", "{field} không tồn tại: {text} ({reason}).").format(
        field=capitalized(label), text=raw, reason=reason), field)


def format_date(value: dt.date) -> str:
    """dd/mm/yyyy as in the seeds' running text (09/10/2025)."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def format_datetime(value: dt.datetime) -> str:
    """dd/mm/yyyy HH:MM, as messages to officers write a moment."""
    return f"{format_date(value)} {value:%H:%M}"


def format_long_date(value: dt.date) -> str:
    """Decree 30 style: leading 0 only for days below 10 and months 1 and 2."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"
