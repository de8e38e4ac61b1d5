"""argparse speaking the interface language: in Vietnamese its own texts ("usage:", "the following arguments are
required"…) are translated through the gettext hook argparse calls them with; in English they stay argparse's."""

from __future__ import annotations

import argparse
import gettext
from typing import Any

from ptds_desktop import i18n

# argparse's texts (Python 3.11 to 3.13) in Vietnamese; a text missing here stays English, and
# tests/test_cli_help.py notices.
ARGPARSE_VI = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "show program's version number and exit": "in phiên bản rồi thoát",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "giá trị không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "invalid choice: %(value)r, maximum cutoff: %(max)d": "giá trị không hợp lệ: %(value)r",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "not allowed with argument %s": "không dùng được cùng với %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn mơ hồ: %(option)s có thể là %(matches)s",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "can't open '%(filename)s': %(error)s": "không mở được “%(filename)s”: %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "không có lệnh %(parser_name)r (chọn một trong: %(choices)s)",
    "subcommands": "lệnh",
}
ARGPARSE_VI_PLURAL = {
    "expected %s argument": "cần %s giá trị",
}


class _VietnameseArgparseTexts(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return ARGPARSE_VI.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return ARGPARSE_VI_PLURAL.get(msgid1) or (msgid1 if n == 1 else msgid2)


_TEXTS = {i18n.SOURCE_LANGUAGE: _VietnameseArgparseTexts()}


def install() -> None:
    """argparse looks its texts up through its module's `_` and `ngettext` (gettext) at the moment it shows
    them; point those at the table of the interface language (i18n.current_language(); English: argparse's own)."""
    texts = _TEXTS.get(i18n.current_language(), gettext.NullTranslations())
    argparse._ = texts.gettext  # type: ignore[attr-defined]
    argparse.ngettext = texts.ngettext  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own help option reads in Vietnamese; subparsers are of the same class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        install()
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


class HelpFormatter(argparse.HelpFormatter):
    """Wider help column so the Vietnamese option texts wrap less."""

    def __init__(self, prog: str, **kwargs: Any) -> None:
        kwargs.setdefault("max_help_position", 32)
        super().__init__(prog, **kwargs)
