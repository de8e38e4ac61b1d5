"""Encryption at rest: an encrypted office's database, WAL, backups and key file reveal nothing without the
passphrase; the storage layer (WAL, ptds_fold, backups, restore, migrations) works the same on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from roster_fixtures import establish

from ptds_desktop.config import backups_dir_for, keys_dir_for
from ptds_desktop.db import database
from ptds_desktop.db.backup import BEFORE_MIGRATE, MANUAL, automatic_backup, list_backup_files
from ptds_desktop.db.cipher import PassphraseRequiredError, WrongPassphraseError, is_encrypted, remember_passphrase
from ptds_desktop.db.database import open_database
from ptds_desktop.db.engine import make_engine
from ptds_desktop.db.restore import list_backups, restore_database_file
from ptds_desktop.services.offices import init_office
from ptds_desktop.services.protection import change_office_passphrase, encrypt_office_data
from ptds_desktop.sync import keys, sealing

PASSPHRASE = "Bảo mật “Đắk Lắk” 2026"
# What a finder of the laptop must not read: a member's phone (stored canonical) and name (NFC UTF-8).
SECRETS = (b"+84912000001", "Trần Văn Thử".encode(), "Nguyễn Thiên Văn".encode())


def _leaks(path: Path) -> list[bytes]:
    data = path.read_bytes()
    return [secret for secret in SECRETS if secret in data]


def _files_beside(db_path: Path) -> list[Path]:
    """The database, its WAL and every backup: all a lost laptop holds of it."""
    files = [p for p in db_path.parent.glob(db_path.name + "*") if p.is_file()]
    return files + sorted(backups_dir_for(db_path).glob("*"))


def _member_names(db) -> list[str]:
    with db.engine.connect() as conn:  # ptds_fold: the accent-insensitive search function on this connection
        rows = conn.exec_driver_sql("SELECT full_name FROM people WHERE ptds_fold(full_name) LIKE '%van thu%'")
        return [r[0] for r in rows]


def _forget(db_path: Path) -> None:
    """As a new process would start: no passphrase known."""
    remember_passphrase(db_path, None)


def test_without_the_passphrase_no_file_reveals_a_member(db_path):
    db = open_database(db_path, passphrase=PASSPHRASE)
    init_office(db, "Bộ CHQS tỉnh Đắk Lắk", "province")
    establish(db)
    automatic_backup(db_path, MANUAL)
    # The database is open and has just written: the WAL holds the newest pages.
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    files = _files_beside(db_path)
    assert {p.suffix for p in files} >= {".db", ".db-wal"} and len(list_backup_files(db_path)) == 1
    assert {str(p): _leaks(p) for p in files} == {str(p): [] for p in files}
    assert _member_names(db) == ["Trần Văn Thử"]
    with db.engine.connect() as conn:
        assert [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")] == ["ok"]
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    db.close()

    _forget(db_path)
    with pytest.raises(PassphraseRequiredError):
        open_database(db_path)
    with pytest.raises(WrongPassphraseError, match="Mật khẩu không đúng"):
        open_database(db_path, passphrase="bảo mật đắk lắk 2026")
    again = open_database(db_path, passphrase=PASSPHRASE)
    assert _member_names(again) == ["Trần Văn Thử"]
    backup = list_backups(db_path)[0]
    assert backup.problem is None and backup.contents is not None and backup.contents.members == 6
    again.close()


def test_the_same_data_unencrypted_is_readable_in_the_raw_bytes(db_path):
    """The control for the test above: the grep finds the secrets in a plain database."""
    db = open_database(db_path)
    init_office(db, "Bộ CHQS tỉnh Đắk Lắk", "province")
    establish(db)
    db.close()
    assert set(_leaks(db_path)) == set(SECRETS)


def test_encrypting_an_existing_database_keeps_every_row_and_leaves_no_plain_copy(db_path):
    db = open_database(db_path)
    init_office(db, "Bộ CHQS tỉnh Đắk Lắk", "province")
    establish(db)
    automatic_backup(db_path, MANUAL)
    public_key = keys.public_key_of(keys.load_private_key(db_path, db.office_id()))
    with db.engine.connect() as conn:
        before = {t: conn.exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar()
                  for t in ("people", "board_memberships", "decisions", "sync_outbox", "offices")}
    db.close()

    result = encrypt_office_data(db_path, PASSPHRASE)
    assert (result.backups, result.key_files) == (1, 1)
    assert is_encrypted(db_path)
    files = _files_beside(db_path)
    assert {str(p): _leaks(p) for p in files} == {str(p): [] for p in files}
    key_file = next(keys_dir_for(db_path).glob("*.pem"))
    assert key_file.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY")

    _forget(db_path)
    db = open_database(db_path, passphrase=PASSPHRASE)
    with db.engine.connect() as conn:
        after = {t: conn.exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar() for t in before}
    assert after == before
    assert _member_names(db) == ["Trần Văn Thử"]
    assert keys.public_key_of(keys.load_private_key(db_path, db.office_id())) == public_key
    assert [b.problem for b in list_backups(db_path)] == [None, None]  # the copy converted, today's daily one
    db.close()


def test_changing_the_passphrase_rekeys_database_backups_and_key(db_path):
    db = open_database(db_path, passphrase=PASSPHRASE)
    init_office(db, "Bộ CHQS tỉnh Đắk Lắk", "province")
    establish(db)
    office_id = db.office_id()
    automatic_backup(db_path, MANUAL)
    db.close()
    with pytest.raises(WrongPassphraseError):
        change_office_passphrase(db_path, "không phải", "mới")

    result = change_office_passphrase(db_path, PASSPHRASE, "mật khẩu mới")
    assert (result.backups, result.key_files) == (1, 1)
    _forget(db_path)
    with pytest.raises(WrongPassphraseError):
        open_database(db_path, passphrase=PASSPHRASE)
    db = open_database(db_path, passphrase="mật khẩu mới")
    assert _member_names(db) == ["Trần Văn Thử"]
    keys.load_private_key(db_path, office_id)  # readable with the new passphrase
    backup = list_backups(db_path)[0]
    assert backup.problem is None
    # Restore from the (rekeyed) copy over the live encrypted database.
    with db.unit_of_work() as s:
        s.connection().exec_driver_sql("UPDATE people SET full_name = 'Đổi tên' WHERE full_name = 'Trần Văn Thử'")
    restored = restore_database_file(db_path, backup.path, close_current=db.close)
    assert restored.contents.members == 6
    db = open_database(db_path)  # the passphrase this process used is remembered
    assert _member_names(db) == ["Trần Văn Thử"]
    assert is_encrypted(db_path) and not _leaks(db_path)
    db.close()


def test_an_encrypted_database_migrates_after_an_encrypted_backup(db_path):
    engine = make_engine(db_path, PASSPHRASE)
    cfg = database.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        conn.exec_driver_sql("INSERT INTO people(id, full_name, phone, created_by, owner_office_id) "
                             "VALUES ('p1', 'Trần Văn Thử', '+84912000001', 'o', 'o')")
    engine.dispose()

    db = open_database(db_path, passphrase=PASSPHRASE)
    assert db.schema_revision() == database.head_revision()
    assert _member_names(db) == ["Trần Văn Thử"]
    (copy,) = list_backup_files(db_path)
    assert copy.kind == BEFORE_MIGRATE and is_encrypted(copy.path) and not _leaks(copy.path)
    assert list_backups(db_path)[0].contents.revision == "0003_tasks"  # type: ignore[union-attr]
    db.close()


def test_cli_encrypt_passphrase_and_wrong_passphrase(ptds, tmp_path):
    path = tmp_path / "x.db"
    ptds("--db", path, "init", "--office", "UBND xã Hòa Phú", "--level", "commune").ok()
    ptds("--db", path, "org", "add", "Trạm Y tế xã Hòa Phú", "--kind", "department").ok()
    refused = ptds("--db", path, "encrypt")  # no terminal, no variable: says how to give it
    assert refused.returncode == 2 and "PTDS_PASSPHRASE" in refused.stderr and "Traceback" not in refused.stderr
    done = ptds("--db", path, "encrypt", env={"PTDS_PASSPHRASE": PASSPHRASE}).ok()
    assert "Đã mã hóa" in done.stdout
    assert "Trạm Y tế".encode() not in path.read_bytes()

    wrong = ptds("--db", path, "org", "list", env={"PTDS_PASSPHRASE": "sai"})
    assert wrong.returncode == 2 and "Mật khẩu không đúng" in wrong.stderr and "Traceback" not in wrong.stderr
    listed = ptds("--db", path, "org", "list", "--json", env={"PTDS_PASSPHRASE": PASSPHRASE}).ok()
    assert [o["name"] for o in json.loads(listed.stdout)] == ["Trạm Y tế xã Hòa Phú"]

    ptds("--db", path, "passphrase", env={"PTDS_PASSPHRASE": PASSPHRASE, "PTDS_NEW_PASSPHRASE": "mới"}).ok()
    assert ptds("--db", path, "check", env={"PTDS_PASSPHRASE": PASSPHRASE}).returncode == 2
    ptds("--db", path, "check", env={"PTDS_PASSPHRASE": "mới"}).ok()
    backup = tmp_path / "copy.db"
    ptds("--db", path, "backup", "-o", backup, env={"PTDS_PASSPHRASE": "mới"}).ok()
    assert is_encrypted(backup)
    restored = ptds("--db", path, "restore", backup, env={"PTDS_PASSPHRASE": "mới"}).ok()
    assert "Đã khôi phục" in restored.stdout


def test_sync_between_an_encrypted_and_a_plain_office(ptds, tmp_path):
    p, a = tmp_path / "p.db", tmp_path / "a.db"
    secret = {"PTDS_PASSPHRASE": PASSPHRASE}
    ptds("--db", p, "init", "--office", "Bộ CHQS tỉnh Đắk Lắk", "--level", "province").ok()
    info = json.loads(ptds("--db", p, "sync", "enrol-file", "--office", "UBND xã Hòa Phú", "--level", "commune",
                           "-o", tmp_path / "hoa-phu.enrol", "--json").ok().stdout)
    ptds("--db", a, "init", "--enrol", tmp_path / "hoa-phu.enrol", "--code", info["code"], "--encrypt",
         env=secret).ok()
    assert is_encrypted(a)
    commune = json.loads(ptds("--db", a, "sync", "identity", "--json", env=secret).ok().stdout)

    ptds("--db", a, "org", "add", "Ủy ban nhân dân xã Hòa Phú", "--kind", "people_committee", env=secret).ok()
    exported = json.loads(ptds("--db", a, "sync", "export", "--to", "all", "-o", tmp_path / "out", "--json",
                               env=secret).ok().stdout)
    ptds("--db", p, "sync", "import", exported[0]["path"], "--trust", commune["fingerprint"]).ok()
    assert [o["name"] for o in json.loads(ptds("--db", p, "org", "list", "--json").stdout)] == [
        "Ủy ban nhân dân xã Hòa Phú"]

    usb = tmp_path / "usb"
    usb.mkdir()
    ptds("--db", p, "org", "add", "Sở Y tế", "--kind", "department").ok()
    ptds("--db", p, "sync", "usb", usb).ok()
    result = json.loads(ptds("--db", a, "sync", "usb", usb, "--json", env=secret).ok().stdout)
    assert [r["status"] for r in result["imported"]] == ["applied"]
    names = sorted(o["name"] for o in json.loads(ptds("--db", a, "org", "list", "--json", env=secret).stdout))
    assert names == ["Sở Y tế", "Ủy ban nhân dân xã Hòa Phú"]
    assert "Sở Y tế".encode() not in a.read_bytes()
    assert all(not _leaks(f) for f in _files_beside(a))


def test_the_seal_key_file_is_protected_like_the_signing_key(db_path):
    """A lost laptop gives away no seal key either: it follows the passphrase through encrypt and passphrase."""
    db = open_database(db_path)
    init_office(db, "Bộ CHQS tỉnh Đắk Lắk", "province")
    office_id = db.office_id()
    seal_public = sealing.install_seal_key(db_path, office_id)
    db.close()
    seal_file = sealing.seal_key_path(db_path, office_id)
    assert seal_file.read_bytes().startswith(b"-----BEGIN PRIVATE KEY")

    assert encrypt_office_data(db_path, PASSPHRASE).key_files == 2
    assert seal_file.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY")
    _forget(db_path)
    db = open_database(db_path, passphrase=PASSPHRASE)
    assert sealing.seal_public_of(sealing.load_seal_key(db_path, office_id)) == seal_public
    db.close()

    assert change_office_passphrase(db_path, PASSPHRASE, "mật khẩu mới").key_files == 2
    _forget(db_path)
    db = open_database(db_path, passphrase="mật khẩu mới")
    assert sealing.seal_public_of(sealing.load_seal_key(db_path, office_id)) == seal_public
    db.close()
    # A seal key made while the database is encrypted is written encrypted from the start.
    other = sealing.seal_key_path(db_path, "00000000-0000-0000-0000-0000000000ff")
    db = open_database(db_path, passphrase="mật khẩu mới")
    sealing.install_seal_key(db_path, "00000000-0000-0000-0000-0000000000ff")
    db.close()
    assert other.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY")
