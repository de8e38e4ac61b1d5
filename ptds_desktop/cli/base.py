"""What every subcommand shares: the database it works on, and JSON/table output."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from ptds_desktop.config import location_text, resolve_db_path
from ptds_desktop.db.database import Database, needs_passphrase, open_database, unlock
from ptds_desktop.db.server import anchor_for, is_server_url
from ptds_desktop.errors import PtdsError
from ptds_desktop.i18n import translate

PASSPHRASE_ENV = "PTDS_PASSPHRASE"  # the passphrase of an encrypted database, for scripts
NEW_PASSPHRASE_ENV = "PTDS_NEW_PASSPHRASE"  # the new one, for `ptds passphrase` in scripts
GuiStarter = Callable[[Path | str, float | None], int]  # database path or URL, quit after seconds -> exit code


class Context:
    def __init__(self, db_arg: str | None, start_gui: GuiStarter | None = None):
        # A SQLite file, or a server database's URL; `db_path` is the file, or the server database's local
        # stand-in (db.server.anchor_for) beside which its keys and backups live.
        self.location: Path | str = resolve_db_path(db_arg)
        self.url: str | None = self.location if isinstance(self.location, str) and is_server_url(self.location) \
            else None
        self.db_path: Path = anchor_for(self.url) if self.url else Path(self.location)
        self._db: Database | None = None
        self._start_gui = start_gui

    def describe(self) -> str:
        """The database as messages name it: the file, or the server URL without its password."""
        return location_text(self.url or self.db_path)

    def refuse_on_server(self) -> None:
        """For what only a SQLite file has (its own encryption): a server database is protected by its server."""
        if self.url:
            raise PtdsError(translate("Core", "Lệnh này chỉ dùng cho tệp cơ sở dữ liệu SQLite; cơ sở dữ liệu {url} "
                                              "trên máy chủ được bảo vệ bằng tài khoản và cấu hình của máy chủ.")
                            .format(url=self.describe()))

    def start_gui(self, quit_after: float | None = None) -> int:
        """`quit_after`: close the window that many seconds after it opens (the packaging smoke test)."""
        if self._start_gui is None:
            raise PtdsError(translate("Core", "Bản này chỉ có dòng lệnh; hãy mở ứng dụng PTDS Desktop để dùng cửa sổ."))
        return self._start_gui(self.location, quit_after)

    def db(self, create: bool = False, new_passphrase: str | None = None) -> Database:
        """The database, opened once; an encrypted one asks for its passphrase. `new_passphrase`: create it
        encrypted (`ptds init --encrypt`)."""
        if self._db is None:
            self.unlock()
            self._db = open_database(self.location, create=create, passphrase=new_passphrase)
        return self._db

    def unlock(self) -> None:
        """Ask for the passphrase when the database is encrypted and not unlocked yet."""
        if self.url is None and needs_passphrase(self.db_path):
            unlock(self.db_path, ask_passphrase(f"Mật khẩu của cơ sở dữ liệu {self.db_path}: "))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def ask_passphrase(prompt: str, *, env: str = PASSPHRASE_ENV, confirm: bool = False) -> str:
    """A passphrase from the environment variable `env`, else typed at the terminal (hidden; twice when
    `confirm`). Without a terminal and without the variable: an error naming the variable."""
    given = os.environ.get(env)
    if given:
        return given
    if not sys.stdin.isatty():
        raise PtdsError(f"Cơ sở dữ liệu cần mật khẩu: hãy đặt biến môi trường {env} hoặc chạy lệnh trong cửa sổ "
                        "dòng lệnh để nhập mật khẩu.")
    typed = getpass.getpass(prompt)
    if not typed:
        raise PtdsError("Mật khẩu không được để trống.")
    if confirm and getpass.getpass("Nhập lại mật khẩu: ") != typed:
        raise PtdsError("Hai lần nhập mật khẩu không khớp nhau; chưa thay đổi gì.")
    return typed


def _default(value):
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value)}")


def print_json(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")


def print_table(headers: list[str], rows: list[list]) -> None:
    """`headers`: marked QT_TRANSLATE_NOOP("Columns", …), shown in the interface language."""
    headers = [translate("Columns", h) for h in headers]
    texts = [[("" if c is None else str(c)) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in texts]) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
    for row in texts:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="in ra JSON")


def output_path(text: str) -> Path:
    """An `-o` target: its folder must exist. A mistyped folder is reported, not silently created."""
    path = Path(text).expanduser()
    if not path.parent.is_dir():
        raise argparse.ArgumentTypeError(
            translate("Core", "thư mục {parent} không tồn tại; hãy tạo thư mục đó trước hoặc chọn chỗ lưu khác").format(
                parent=path.parent))
    return path


def add_output(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("-o", "--output", required=True, type=output_path, metavar="TỆP", help=what)


def vocabulary_help(text: str, vocabulary: Mapping[str, str], default: str | None = None) -> str:
    """Help for a choice among codes: each code with its Vietnamese label, and the default."""
    codes = ", ".join(f"{code} ({label})" for code, label in vocabulary.items())
    return f"{text}: {codes}" + (f"; mặc định {default}" if default else "")
