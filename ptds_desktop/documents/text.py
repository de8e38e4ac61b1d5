"""The words every renderer prints the same way: number line, place-and-date line, recipients, labels."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata

from ptds_desktop.documents.model import (
    Article,
    Block,
    Heading,
    ListItem,
    Paragraph,
    Recipients,
    Run,
    SectionHeading,
    Text,
)
from ptds_desktop.i18n import translate

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
END_MARK = "./."
OPEN_GAP = "      "  # what offices leave for a number or a day written in by hand after signing

# Decree 30, Appendix III: document type abbreviations as they are spelt, keyed by their folded form.
TYPE_ABBREVIATIONS = {
    "nq": "NQ", "qd": "QĐ", "ct": "CT", "qc": "QC", "qyd": "QyĐ", "tb": "TB", "hd": "HD", "ctr": "CTr",
    "kh": "KH", "pa": "PA", "da": "ĐA", "bc": "BC", "bb": "BB", "ttr": "TTr", "cd": "CĐ", "gm": "GM",
    "ggt": "GGT", "hđ": "HĐ", "gnv": "GNV", "gxn": "GXN", "tc": "TC", "dt": "ĐT",
}
_SYMBOL_PART = re.compile(r"^[0-9A-Za-zĐđ&.]+$")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "d"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


def normalize_symbol(symbol: str) -> str:
    """"qd-ubnd" → "QĐ-UBND": the type abbreviation spelt as Appendix III has it, the issuer upper case."""
    parts = [p for p in re.split(r"\s*-\s*", unicodedata.normalize("NFC", symbol).strip()) if p]
    out = []
    for index, part in enumerate(parts):
        known = TYPE_ABBREVIATIONS.get(_fold(part)) if index == 0 else None
        out.append(known or part.upper())
    return "-".join(out)


def normalize_number(number: str) -> str:
    """"5" → "05" (a number below 10 gets its leading zero); other numbers as typed."""
    value = number.strip()
    return f"0{value}" if value.isdigit() and len(value) == 1 else value


def split_number_symbol(text: str) -> tuple[str | None, str]:
    """"Số: 130 / qd - ubnd" → ("130", "QĐ-UBND"); "/QĐ-UBND" (open number) → (None, "QĐ-UBND")."""
    value = re.sub(r"^\s*số\s*:?\s*", "", unicodedata.normalize("NFC", text), flags=re.IGNORECASE).strip()
    number, slash, symbol = value.partition("/")
    if not slash:
        raise ValueError(translate("Core", "Số, ký hiệu thiếu dấu “/”: “{text}”.").format(text=text))
    number = number.strip()
    if any(not _SYMBOL_PART.match(p.strip()) for p in symbol.split("-")):
        raise ValueError(translate("Core", "Ký hiệu không đúng dạng “loại-cơ quan”: “{symbol}”.").format(
            symbol=symbol.strip()))
    return (normalize_number(number) if number else None), normalize_symbol(symbol)


def normalize_number_symbol(text: str) -> str:
    """"130/qd-ubnd" → "130/QĐ-UBND", "5/kh-bch" → "05/KH-BCH"; ValueError when it is no number/symbol."""
    number, symbol = split_number_symbol(text)
    return f"{number or ''}/{symbol}"


def number_line(heading: Heading) -> str | None:
    """"Số: 130/QĐ-UBND", or "Số:      /QĐ-UBND" on a draft whose number is still open."""
    if not heading.symbol:
        return None
    if not heading.number:
        return f"Số:{OPEN_GAP}/{normalize_symbol(heading.symbol)}"
    return f"Số: {normalize_number(heading.number)}/{normalize_symbol(heading.symbol)}"


def long_date(value: dt.date) -> str:
    """"ngày 05 tháng 02 năm 2026", "ngày 12 tháng 3 năm 2026": a leading 0 only for days below 10 and for
    months 1 and 2."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def open_date(year: int) -> str:
    return f"ngày{OPEN_GAP}tháng{OPEN_GAP}năm {year}"


def place_date_line(heading: Heading, today: dt.date | None = None) -> str | None:
    """"Đắk Lắk, ngày 05 tháng 02 năm 2026", or with day and month left open on a draft."""
    if not heading.place and not heading.date and not heading.year:
        return None
    year = heading.year or (today or dt.date.today()).year
    when = long_date(heading.date) if heading.date else open_date(year)
    return f"{heading.place}, {when}" if heading.place else when.capitalize()


def recipient_lines(recipients: Recipients) -> list[str]:
    """"- Thường trực Tỉnh ủy (b/c);" … "- Lưu: VT, NC. (N_56)"."""
    lines = [f"- {entry.strip().rstrip(';.').strip()};" for entry in recipients.entries if entry.strip()]
    archive = f"- Lưu: {recipients.archive.strip().rstrip('.') or 'VT'}."
    if recipients.drafter_note:
        archive += f" ({recipients.drafter_note.strip().strip('()')})"
    lines.append(archive)
    return lines


_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def heading_text(heading: SectionHeading) -> str:
    """"I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "a) Cấp tỉnh"."""
    if heading.level == 1:
        label, text = (f"{heading.label}. " if heading.label else ""), heading.text.upper()
    elif heading.level == 2:
        label, text = (f"{heading.label}. " if heading.label else ""), heading.text
    else:
        label, text = (f"{heading.label}) " if heading.label else ""), heading.text
    return label + text


def runs(text: Text) -> tuple[Run, ...]:
    return (Run(text),) if isinstance(text, str) else text


def plain(text: Text) -> str:
    return "".join(r.text for r in runs(text))


def list_runs(item: ListItem) -> tuple[Run, ...]:
    return (Run(f"{item.marker} "),) + runs(item.text)


def article_runs(article: Article) -> tuple[Run, ...]:
    return (Run(f"Điều {article.number}. ", bold=True),) + runs(article.text)


def with_end_mark(blocks: list[Block]) -> list[Block]:
    """The decree's end mark "./." after the last words of the body (its last paragraph, list line or
    article), replacing a final full stop."""
    out = list(blocks)
    for index in range(len(out) - 1, -1, -1):
        block = out[index]
        if isinstance(block, (Paragraph, ListItem, Article)):
            parts = list(runs(block.text))
            last = parts[-1]
            if not last.text.rstrip().endswith(END_MARK):
                parts[-1] = Run(last.text.rstrip().rstrip(".;:") + END_MARK, last.bold, last.italic)
            new_text: Text = parts[0].text if len(parts) == 1 and parts[0] == Run(parts[0].text) else tuple(parts)
            out[index] = dataclasses.replace(block, text=new_text)
            break
    return out
