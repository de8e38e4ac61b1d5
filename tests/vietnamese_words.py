"""Finding English in a Vietnamese interface: a word is suspect when it has no Vietnamese letter and cannot be
a Vietnamese syllable written without its marks ("Save", "File", "Cancel", "Look" cannot; "ban", "tin" can).
Short English words that happen to spell a syllable ("to", "the") slip through; the texts people read are
full of longer ones, which do not."""

from __future__ import annotations

import re
import unicodedata

# Words that are the same in a Vietnamese interface: formats, acronyms, keys as printed on keyboards,
# product and command names.
ALLOWED = {
    "pdf", "xlsx", "docx", "json", "usb", "id", "uuid", "html", "csv", "sql", "sqlite", "excel", "word", "zip",
    "ptds", "desktop", "qt", "unicode", "url", "utf", "kb", "mb", "gb", "tb", "byte", "email", "e-mail",
    "ctrl", "alt", "shift", "esc", "tab", "enter", "del", "ins", "home", "end", "pgup", "pgdown", "win", "menu",
    "backspace", "caps", "lock", "num", "scroll", "pause", "prtsc", "ok",
    "lrm", "rlm", "zwj", "zwnj", "zwsp", "lre", "rle", "lro", "rlo", "lri", "rli", "fsi", "pdi",
    "ptds-sync", "sync", "gui", "cli", "nfc", "dd", "mm", "yyyy", "stt", "tt", "qđ", "ubnd", "chqs", "bchqs",
    "postgresql", "csdl",  # the server engine; cơ sở dữ liệu
    "english", "python", "pyside6", "pyside",  # a language's own name in the language picker; the About box
    "stc", "ctr", "kh", "bch", "kh-bch", "vt", "nc",  # office abbreviations and document symbols
    "dak", "lak",  # "dak lak": the example of a search typed without marks
    "maket",  # the stage backdrop: the word officers use (seed 000)
}

_SYLLABLE = re.compile(
    r"^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?"  # initial consonant
    r"(uye|uya|uyu|oai|oay|oao|oeo|uoi|uou|yeu|ieu|uay|[aeiouy]{1,2})"  # vowel nucleus
    r"(ch|ng|nh|[cmnpt]|[iouy])?$"  # final
)
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)


def _vietnamese_letters(word: str) -> bool:
    return any(not ch.isascii() for ch in word)


def english_words(text: str, allowed: set[str] | frozenset[str] = frozenset(), *, acronyms: bool = False) -> list[str]:
    """The words of `text` that read as English: ASCII only, not a bare Vietnamese syllable, not allowed.
    With `acronyms`, capitals-only words (UBND, KTQP: common in office names) pass; not in CLI help, where
    capitals are placeholders (FILE, PATH) to translate."""
    text = unicodedata.normalize("NFC", text.replace("&&", "\0").replace("&", "").replace("\0", "&"))
    text = re.sub(r"<[^>]*>", " ", text)  # rich-text markup
    text = re.sub(r"\b[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b|\b(?=[0-9a-f]*\d)[0-9a-f]{6,}\b", " ", text)  # ids
    text = re.sub(r"\bptds(?: [a-z][\w-]*)+", " ", text)  # a command to type, as printed
    text = re.sub(r"\b\w+_\w+\b", " ", text)  # identifiers (schema revision 0002_document_settings, PTDS_DB)
    # placeholders, links, e-mails, paths and file names (a folder called "tmp" is the user's, not a word)
    text = re.sub(r"%\d|%[sdr]|\{[^}]*\}|https?://\S+|\S+@\S+\.\S+|\S*[/\\]\S*|\*\.\w+", " ", text)
    suspects = []
    for word in _WORD.findall(text):
        lowered = word.lower()
        if len(word) < 2 or lowered in ALLOWED or lowered in allowed or _vietnamese_letters(word):
            continue
        if acronyms and word.isupper():
            continue
        if all(_SYLLABLE.match(part) for part in lowered.split("-")):
            continue
        suspects.append(word)
    return suspects
