"""Messages raised in the core come out in the interface language: English when English is chosen (GUI settings,
PTDS_LANG or `ptds --lang en`), Vietnamese otherwise; argparse's own texts follow the same choice."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ptds_desktop import i18n
from ptds_desktop.config import Settings
from ptds_desktop.datafile import parse_document
from ptds_desktop.db.database import Database
from ptds_desktop.db.restore import inspect_database_file
from ptds_desktop.db.storage_errors import read_only_error
from ptds_desktop.errors import PtdsError
from ptds_desktop.services import boards, decisions, memberships, people, roster
from ptds_desktop.services.memberships import MemberInput
from ptds_desktop.services.people import PersonInput
from ptds_desktop.sync import bundle, conflicts, usb

# Letters only Vietnamese uses here (typographic quotes and dashes are shared by both languages).
VIETNAMESE = re.compile(r"[À-ỹĐđƠơƯư]")
SYMBOL = re.compile(r"\bQĐ-")  # a document symbol such as 01620/QĐ-UBND is Vietnamese in either language


def _no_head(db: Database) -> None:
    with db.unit_of_work() as s:
        board = boards.create_board(s, boards.BoardInput("Board", "Place", "province"))
        decisions.apply_decision(s, board.id, decisions.DecisionInput("1/QD-UB", "01/02/2026"),
                                 joining=[MemberInput("member", new_person=PersonInput("Le Van A"))])


def _in_session(call: Callable) -> Callable[[Database], object]:
    def run(db: Database) -> object:
        with db.unit_of_work() as s:
            return call(s)
    return run


def _junk_bundle(db: Database) -> None:
    path = db.path.with_name("from-commune.ptds-sync")
    path.write_bytes(b"half a file copied from a loose USB stick")
    bundle.read_bundle(path)


def _bundle_with_broken_manifest(db: Database) -> None:
    path = db.path.with_name("from-commune.ptds-sync")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(bundle.MANIFEST, '{"format": ')
        zf.writestr(bundle.SIGNATURE, "0000")
    bundle.read_bundle(path)


def _not_a_database(db: Database) -> None:
    path = db.path.with_name("notes.db")
    path.write_text("plain text, not SQLite", encoding="utf-8")
    inspect_database_file(path)


# One mistake a user can make against each part of the core that raises messages.
MISTAKES: dict[str, Callable[[Database], object]] = {
    "decisions: number": lambda db: decisions.normalize_number_symbol("twelve"),
    "decisions: effective date": lambda db: _apply_backdated(db),
    "memberships: role": _in_session(lambda s: memberships.validate_member(s, MemberInput("boss"))),
    "memberships: no head": _no_head,
    "boards: level": _in_session(lambda s: boards.create_board(s, boards.BoardInput("Board", "Place", "planet"))),
    "boards: empty name": _in_session(lambda s: boards.create_board(s, boards.BoardInput(" ", "Place", "province"))),
    "boards: none yet": _in_session(lambda s: boards.resolve_board(s)),
    "roster: unknown person": _in_session(lambda s: roster.person_history(s, "0000")),
    "people: unknown name": _in_session(lambda s: people.resolve_person(s, "Nobody Here")),
    "datafile: broken JSON": lambda db: parse_document("{", "data.json"),
    "datafile: bad value": lambda db: parse_document(json.dumps(
        {"format": "ptds-data", "version": 1, "tables": {"organizations": [{"id": "x"}]}}), "data.json"),
    "restore: not a database": _not_a_database,
    "storage: read-only": lambda db: (_ for _ in ()).throw(read_only_error(Path("data.db"))),
    "sync: bundle not a ZIP": _junk_bundle,
    "sync: bundle manifest not JSON": _bundle_with_broken_manifest,
    "sync: USB folder missing": lambda db: usb.usb_sync(db, db.path.with_name("stick-not-plugged")),
    "sync: unknown conflict": lambda db: conflicts.restore_conflict(db, 482913),
}


def _apply_backdated(db: Database) -> None:
    with db.unit_of_work() as s:
        board = boards.create_board(s, boards.BoardInput("Board", "Place", "province"))
        decisions.apply_decision(s, board.id, decisions.DecisionInput("1/QD-UB", "01/02/2026"),
                                 joining=[MemberInput("head", new_person=PersonInput("Le Van A"))],
                                 effective_on="01/01/2026")


@pytest.fixture
def language() -> Iterator[Callable[[str], None]]:
    yield i18n.set_language
    i18n.set_language(i18n.SOURCE_LANGUAGE)


def _message(db: Database, mistake: str) -> str:
    with pytest.raises(PtdsError) as caught:
        MISTAKES[mistake](db)
    return str(caught.value)


@pytest.mark.parametrize("mistake", MISTAKES)
def test_core_message_in_english_when_english_is_chosen(db, language, mistake):
    language("en")
    message = _message(db, mistake)
    assert not VIETNAMESE.search(SYMBOL.sub("", message)), message
    assert message.strip()


@pytest.mark.parametrize("mistake", MISTAKES)
def test_core_message_stays_vietnamese_in_the_vietnamese_interface(db, language, mistake):
    language("vi")
    assert VIETNAMESE.search(_message(db, mistake))


def _choose(language: str) -> None:
    Settings(language=language).save()  # PTDS_HOME is the test's own folder (conftest)


def test_cli_prints_errors_in_the_language_chosen_in_settings(ptds, db_path):
    ptds("--db", db_path, "init", "--office", "Tinh Dak Lak", "--level", "province").ok()
    _choose("en")
    english = ptds("--db", db_path, "roster", "list")
    assert english.returncode == 2
    assert "Error: There is no command board yet" in english.stderr, english.stderr
    assert not VIETNAMESE.search(english.stderr)
    _choose("vi")
    vietnamese = ptds("--db", db_path, "roster", "list")
    assert vietnamese.returncode == 2
    assert "Lỗi: Chưa có Ban Chỉ huy nào" in vietnamese.stderr


def test_language_option_and_environment_override_the_settings(ptds, db_path, tmp_path):
    ptds("--db", db_path, "init", "--office", "Tinh Dak Lak", "--level", "province").ok()
    _choose("vi")
    assert "There is no command board yet" in ptds("--db", db_path, "--lang", "en", "roster", "list").stderr
    missing = ptds("--db", tmp_path / "elsewhere.db", "roster", "list", env={"PTDS_LANG": "en"})
    assert "not found" in missing.stderr and not VIETNAMESE.search(missing.stderr), missing.stderr


def test_argparse_texts_follow_the_interface_language(ptds):
    _choose("en")
    english = ptds("roster", "list", "--nonsense")
    assert english.returncode == 2
    assert "usage: " in english.stderr and "unrecognized arguments: --nonsense" in english.stderr, english.stderr
    _choose("vi")
    vietnamese = ptds("roster", "list", "--nonsense")
    assert "Cách dùng: " in vietnamese.stderr and "không hiểu tham số: --nonsense" in vietnamese.stderr


def test_sync_commands_print_in_the_language_chosen(ptds, db_path, tmp_path):
    ptds("--db", db_path, "init", "--office", "Tinh Dak Lak", "--level", "province").ok()
    broken = tmp_path / "from-commune.ptds-sync"
    broken.write_bytes(b"half a file copied from a loose USB stick")
    _choose("vi")
    english = ptds("--db", db_path, "--lang", "en", "sync", "status")
    assert english.returncode == 0, english
    assert "Changes by this office: " in english.stdout and "Unsent" in english.stdout, english.stdout
    assert not VIETNAMESE.search(english.stdout), english.stdout
    refused = ptds("--db", db_path, "--lang", "en", "sync", "import", broken)
    assert refused.returncode == 2
    assert "Error: Bundle from-commune.ptds-sync is damaged: not a ZIP file" in refused.stderr, refused.stderr
    assert not VIETNAMESE.search(refused.stderr), refused.stderr

    vietnamese = ptds("--db", db_path, "sync", "status")
    assert "Thay đổi của văn phòng này: " in vietnamese.stdout and "Chưa gửi" in vietnamese.stdout
    refused = ptds("--db", db_path, "sync", "import", broken)
    assert "Lỗi: Gói from-commune.ptds-sync bị hỏng: không phải tệp ZIP" in refused.stderr, refused.stderr
