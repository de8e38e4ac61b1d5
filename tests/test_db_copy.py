"""Moving a province's office from a SQLite file to PostgreSQL and back (`ptds db copy`): every row of every table,
the office's identity and sync state, and its exchanges with communes afterwards."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select

from ptds_desktop.db.copy import copy_database
from ptds_desktop.db.database import open_database, unlock
from ptds_desktop.db.incarnation import INSTANCE_KEY, NOTICE_KEY
from ptds_desktop.errors import PtdsError
from ptds_desktop.models import Base, Organization
from ptds_desktop.services import enrolment
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services.offices import init_office
from ptds_desktop.services.protection import copy_office, encrypt_office_data
from ptds_desktop.services.province_demo import Scale, generate_province
from ptds_desktop.sync import exchange, peers

SMALL = Scale(communes=3, members_per_board=4, plans=2, tasks_per_plan=6, sections_per_plan=2,
              commune_task_share=0.7, conferences=1, invitees_per_conference=10)
SYNC_STATE = ("sync_outbox", "sync_peers", "sync_seen", "sync_segments", "sync_receipts", "sync_keys",
              "sync_seal_keys", "sync_field_clock", "local_settings")


@pytest.fixture(scope="module")
def province_template(tmp_path_factory) -> Path:
    """A SQLite province with generated boards, plans with tasks, a conference and progress reports, which has
    exchanged bundles both ways with one enrolled commune, and has a change not sent yet. Made once."""
    folder = tmp_path_factory.mktemp("province")
    db = open_database(folder / "province.db")
    init_office(db, "Bộ CHQS tỉnh Đắk Lắk", "province", place_name="Đắk Lắk")
    generate_province(db, SMALL, seed=3)
    info = enrolment.make_enrolment_file(db, "UBND xã Ea Tam", "commune", folder / "c.enrol")
    commune = open_database(folder / "commune.db")
    enrolment.enrol(commune, folder / "c.enrol", info.code)
    (down,) = exchange.export_bundles(db, commune.office_id(), folder / "mail")
    assert exchange.import_bundle(commune, down.path).status == "applied"
    _add_organization(commune, "Trạm y tế xã Ea Tam")
    (up,) = exchange.export_bundles(commune, db.office_id(), folder / "mail")
    assert exchange.import_bundle(db, up.path, trust=peers.identity(commune).fingerprint).status == "applied"
    _add_organization(db, "Phòng Tham mưu")  # not sent yet: waits in the outbox
    db.close()
    commune.close()
    return folder


@pytest.fixture
def province(province_template, tmp_path) -> tuple[Path, Path]:
    """The template's province and commune in this test's folder, as if set up there (a copied file would rightly
    start a new sequence epoch at its next open: tests/sync/netutil.py does the same)."""
    for name in ("province.db", "commune.db"):
        shutil.copy(province_template / name, tmp_path / name)
        shutil.copytree(province_template / f"{name}.keys", tmp_path / f"{name}.keys")
        with sqlite3.connect(tmp_path / name) as conn:
            conn.execute("DELETE FROM local_settings WHERE key IN (?, ?)", (INSTANCE_KEY, NOTICE_KEY))
    return tmp_path / "province.db", tmp_path / "commune.db"


def _add_organization(db, name: str) -> str:
    with db.unit_of_work() as s:
        return orgs.create_organization(s, orgs.OrganizationInput(name, kind="department")).id


def _primary_key(table: str) -> str:
    return ", ".join(c.name for c in Base.metadata.tables[table].primary_key.columns)


def _file_rows(path: Path) -> dict[str, list[tuple]]:
    """Every table of a SQLite file read with sqlite3 itself, not through the app's models."""
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY {_primary_key(t)}").fetchall()
                for t in Base.metadata.tables}


def _server_keys(url: str) -> dict[str, list[tuple]]:
    """Every table's primary keys on the server, read with psycopg itself."""
    with psycopg.connect(_libpq(url)) as conn:
        return {t: conn.execute(f"SELECT {_primary_key(t)} FROM {t} ORDER BY {_primary_key(t)}").fetchall()
                for t in Base.metadata.tables}


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def _file_keys(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT {_primary_key(t)} FROM {t} ORDER BY {_primary_key(t)}").fetchall()
                for t in Base.metadata.tables}


def test_a_province_moves_to_postgresql_and_back_unchanged(province, pg_url, tmp_path):
    source, commune_path = province
    to_server = copy_office(source, pg_url)
    before = _file_rows(source)
    assert to_server.rows["progress_reports"] == len(before["progress_reports"]) > 0
    assert all(to_server.rows[t] == len(rows) for t, rows in before.items())
    assert to_server.files >= 2  # the signing and seal keys, beside the server database's stand-in
    assert _server_keys(pg_url) == _file_keys(source)

    back = tmp_path / "back.db"
    copy_office(pg_url, back)
    after = _file_rows(back)
    for table in Base.metadata.tables:
        assert after[table] == before[table], table  # value for value, as SQLite stores them
    filled = ("tasks", "conferences", "command_boards", "progress_reports", "sync_outbox", "sync_peers",
              "sync_segments", "sync_field_clock", "sync_keys")
    assert {t for t in filled if not before[t]} == set()  # the copy was put to the test on real data

    original, server, returned = open_database(source), open_database(pg_url), open_database(back)
    try:
        mine = peers.identity(original)
        for db in (server, returned):
            theirs = peers.identity(db)
            assert (theirs.office_id, theirs.name, theirs.fingerprint, theirs.public_key) == (
                mine.office_id, mine.name, mine.fingerprint, mine.public_key)
    finally:
        for db in (original, server, returned):
            db.close()
    with psycopg.connect(_libpq(pg_url)) as conn:
        for table in SYNC_STATE:
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == len(before[table]), table


def test_the_office_on_postgresql_exchanges_bundles_with_its_commune(province, pg_url, tmp_path):
    source, commune_path = province
    copy_office(source, pg_url)
    server, commune = open_database(pg_url), open_database(commune_path)
    try:
        org_id = _add_organization(server, "Ban Chỉ huy quân sự xã Ea Tam")
        (down,) = exchange.export_bundles(server, commune.office_id(), tmp_path / "out")
        assert exchange.import_bundle(commune, down.path).status == "applied"
        with commune.unit_of_work() as s:
            assert s.get(Organization, org_id).name == "Ban Chỉ huy quân sự xã Ea Tam"
        commune_org = _add_organization(commune, "Nhà văn hóa xã Ea Tam")
        (up,) = exchange.export_bundles(commune, server.office_id(), tmp_path / "out")
        assert exchange.import_bundle(server, up.path).status == "applied"
        with server.unit_of_work() as s:
            assert s.get(Organization, commune_org).name == "Nhà văn hóa xã Ea Tam"
    finally:
        server.close()
        commune.close()


def test_a_copy_into_a_database_with_data_is_refused_and_the_source_untouched(province, pg_url, tmp_path):
    source, _ = province
    copy_office(source, pg_url)
    before = _file_rows(source)
    with pytest.raises(PtdsError, match="đã có dữ liệu"):
        copy_database(source, pg_url)
    assert _file_rows(source) == before
    server = open_database(pg_url)
    with server.unit_of_work() as s:  # the target holds its one copy, not two
        assert s.scalar(select(func.count()).select_from(Organization)) == len(before["organizations"])
    server.close()
    # A SQLite target with data: refused the same way.
    other = tmp_path / "other.db"
    init_office(open_database(other), "UBND xã khác", "commune")
    with pytest.raises(PtdsError, match="đã có dữ liệu"):
        copy_database(source, other)
    assert _file_rows(source) == before


def test_an_unreachable_server_is_said_and_no_file_is_left(province, tmp_path):
    source, _ = province
    with pytest.raises(PtdsError, match="Không kết nối được máy chủ"):
        copy_database(source, "postgresql://ptds@127.0.0.1:9/nowhere")
    with pytest.raises(PtdsError, match="Không tìm thấy cơ sở dữ liệu nguồn"):
        copy_database(tmp_path / "missing.db", tmp_path / "new.db")
    assert not (tmp_path / "new.db").exists()


@pytest.mark.sqlite_only
def test_an_encrypted_province_moves_with_its_passphrase_and_its_keys_still_open(province, pg_url, tmp_path):
    source, _ = province
    encrypt_office_data(source, "mật khẩu tỉnh")
    unlock(source, "mật khẩu tỉnh")
    copy_office(source, pg_url)
    server = open_database(pg_url)
    try:
        assert peers.identity(server).office_id  # the signing key reads without the file's passphrase
    finally:
        server.close()
    back = tmp_path / "back.db"
    copy_office(pg_url, back)
    assert _file_rows(back)["offices"]  # the way back makes a plain file: its keys are plain too
    returned = open_database(back)
    assert peers.identity(returned).office_id
    returned.close()


def test_ptds_db_copy_from_the_command_line(province, pg_url, ptds, tmp_path):
    source, _ = province
    result = ptds("--db", source, "db", "copy", "--to", pg_url).ok()
    assert "progress_reports:" in result.stdout and "so khớp từng dòng" in result.stdout
    assert "[1/" in result.stdout
    assert ptds("--db", pg_url, "check").ok().stdout.strip().endswith("ok")
    listed = ptds("--db", pg_url, "sync", "status").ok()
    assert "Ea Tam" in listed.stdout
    again = ptds("--db", source, "db", "copy", "--to", pg_url)
    assert again.returncode == 2 and "đã có dữ liệu" in again.stderr
    back = tmp_path / "back.db"
    ptds("db", "copy", "--from", pg_url, "--to", back, env={"PTDS_DB": str(source)}).ok()
    assert _file_rows(back)["tasks"] == _file_rows(source)["tasks"]
