"""The `ptds` command speaks Vietnamese: every subcommand's help, argparse's own texts and its errors; and the
CLI details people meet (names or id prefixes, ids in lists, output folders, pipes into `head`)."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys

import pytest
from roster_fixtures import reorganised_database
from vietnamese_words import english_words

from ptds_desktop.cli import build_parser


def _parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, (*path, name))


def _machine_words(parser: argparse.ArgumentParser) -> set[str]:
    """What users type literally besides options: command names and the codes offered as choices."""
    words = {"ptds", "all"}  # `--to all`
    for path, sub in _parsers(parser):
        words.update(path)
        for action in sub._actions:
            words.update(str(c) for c in (action.choices or []) if not isinstance(action, argparse._SubParsersAction))
    return words | {w for word in words for w in word.replace("-", " ").replace("_", " ").split()}


def english_in_cli(text: str) -> list[str]:
    without_options = re.sub(r"(?<![\w-])--?[a-z][\w-]*", " ", text)  # --dry-run, -o: typed as they are
    without_options = re.sub(r"\b[A-Z]+_[A-Z_]+\b", " ", without_options)  # environment variables: PTDS_DB
    return english_words(without_options, _machine_words(PARSER))


PARSER = build_parser()
ALL_PARSERS = list(_parsers(PARSER))


@pytest.mark.parametrize("path, parser", ALL_PARSERS, ids=[" ".join(p) or "ptds" for p, _ in ALL_PARSERS])
def test_every_help_is_vietnamese_and_every_option_explained(path, parser):
    text = parser.format_help()
    assert english_in_cli(text) == [], text
    assert text.startswith("Cách dùng: ")
    undocumented = [a.dest for a in parser._actions
                    if not isinstance(a, argparse._SubParsersAction) and not a.help]
    assert undocumented == [], f"{' '.join(path)}: options without help"


def test_the_scanner_catches_argparse_english():
    english_help = "usage: ptds [-h] [--db PATH]\n\noptions:\n  -h, --help  show this help message and exit\n"
    assert set(english_in_cli(english_help)) >= {"usage", "PATH", "options", "this", "message", "and", "exit"}


def test_the_real_command_prints_vietnamese_help_and_errors(ptds):
    r = ptds("--help")
    assert r.returncode == 0 and r.stdout.startswith("Cách dùng: ptds") and "in hướng dẫn này rồi thoát" in r.stdout
    mistakes = {
        ("roster",): "thiếu tham số bắt buộc: LỆNH",
        ("init", "--level", "tinh"): "tham số --level: giá trị không hợp lệ: 'tinh' (chọn một trong:",
        ("check", "--bogus"): "không hiểu tham số: --bogus",
        ("roster", "history"): "thiếu tham số bắt buộc: NGƯỜI",
    }
    for args, message in mistakes.items():
        r = ptds(*args)
        assert r.returncode == 2 and message in r.stderr, r
        assert r.stderr.startswith("Cách dùng: ") and ": lỗi: " in r.stderr
        assert english_in_cli(r.stderr) == [], r.stderr


@pytest.fixture
def roster_db(tmp_path):
    path = tmp_path / "roster.db"
    reorganised_database(path)
    return path


def test_history_by_name_without_diacritics_or_by_id_prefix(ptds, roster_db):
    listed = ptds("--db", roster_db, "roster", "list")
    assert listed.returncode == 0 and "Mã" in listed.stdout.splitlines()[2 if "Theo" in listed.stdout else 1]
    row = next(line for line in listed.stdout.splitlines() if "Nguyễn Thiên Văn" in line)
    prefix = row.split()[1]
    assert len(prefix) == 8

    by_name = ptds("--db", roster_db, "roster", "history", "nguyen thien van")
    by_prefix = ptds("--db", roster_db, "roster", "history", prefix[:6])
    assert by_name.returncode == 0 and by_prefix.returncode == 0, (by_name, by_prefix)
    assert by_name.stdout == by_prefix.stdout
    assert by_name.stdout.startswith(f"Nguyễn Thiên Văn ({prefix})") and "Phó Trưởng ban thường trực" in by_name.stdout
    rows = json.loads(ptds("--db", roster_db, "roster", "history", "NGUYỄN THIÊN VĂN", "--json").stdout)
    assert [r["full_name"] for r in rows] == ["Nguyễn Thiên Văn"]


def test_ambiguous_name_lists_the_candidates_with_their_ids(ptds, roster_db):
    r = ptds("--db", roster_db, "roster", "history", "van")  # Trần Văn Thử, Lê Văn Mẫu, Đỗ Văn Thay Thế…
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "khớp" in r.stderr and "hãy gõ mã" in r.stderr
    for name in ("Trần Văn Thử", "Lê Văn Mẫu", "Đỗ Văn Thay Thế"):
        line = next(line for line in r.stderr.splitlines() if name in line)
        assert len(line.split()[0]) == 8  # the id prefix to type next
    r = ptds("--db", roster_db, "roster", "history", "khong ai")
    assert r.returncode == 2 and "Không tìm thấy người nào có tên hoặc mã “khong ai”" in r.stderr


@pytest.mark.parametrize("args", [("roster", "list"), ("roster", "history", "nguyen thien van"), ("--help",)])
def test_piping_into_head_prints_no_traceback(tmp_path, roster_db, args):
    """`ptds roster list | head -1`: the reader is gone before the output is written (closed at once here,
    so the test does not depend on timing); the command ends quietly."""
    proc = subprocess.Popen([sys.executable, "-m", "ptds_desktop", "--db", str(roster_db), *args], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    stderr = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=300) == 0, stderr
    assert stderr == ""
