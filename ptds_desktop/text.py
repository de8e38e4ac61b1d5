"""Vietnamese text: NFC storage, accent-insensitive folding, dates as officers write them."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from ptds_desktop.errors import ValidationError

_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def nfc(text: str | None) -> str | None:
    """Normalise to NFC and trim; Word and some keyboards (Unikey VNI) produce NFD."""
    if text is None:
        return None
    return unicodedata.normalize("NFC", text).strip()


def fold(text: str | None) -> str:
    """Lower case without diacritics, so "dak lak" matches "Đắk Lắk" and "uy ban" matches "Ủy ban"."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_EXTRA))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.casefold().split())


def matches(query: str, *texts: str | None) -> bool:
    """True when every word of the query occurs (folded) in one of the texts."""
    words = fold(query).split()
    haystack = " ".join(fold(t) for t in texts if t)
    return all(w in haystack for w in words)


_DATE_PATTERNS = (
    re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$"),  # 09/10/2025, 9.10.2025
)


def parse_date(text: str, field: str = "ngày") -> dt.date:
    """Parse dd/mm/yyyy (as written in Vietnamese documents) or ISO yyyy-mm-dd."""
    raw = (text or "").strip()
    if not raw:
        raise ValidationError(f"Thiếu {field}.", field)
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        pass
    for pattern in _DATE_PATTERNS:
        m = pattern.match(raw)
        if m:
            day, month, year = (int(g) for g in m.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise ValidationError(
                    f"{field.capitalize()} không tồn tại: {raw} (ngày {day}, tháng {month}, năm {year}).", field
                ) from None
    raise ValidationError(f"{field.capitalize()} không đúng dạng ngày/tháng/năm: {raw!r}.", field)


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
