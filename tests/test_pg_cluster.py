"""The throwaway PostgreSQL server the suite starts itself (tests/pg_cluster.py, fixtures pg_cluster and pg_url)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from pg_cluster import PgCluster, _process_alive, reap_orphans
from sqlalchemy import create_engine, make_url, text


def libpq_dsn(sqlalchemy_url: str) -> str:
    return make_url(sqlalchemy_url).set(drivername="postgresql").render_as_string(hide_password=False)


def processes_naming(folder: Path) -> list[str]:
    """Command lines of running processes that mention the folder (the postmaster is started with -D folder/data)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().decode(errors="replace").replace("\0", " ")
        except OSError:
            continue
        if str(folder) in args and _process_alive(int(cmdline.parent.name)):
            found.append(args)
    return found


def test_server_is_postgresql_15_or_newer_reachable_with_sqlalchemy_and_psycopg(pg_url):
    engine = create_engine(pg_url)
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SELECT current_setting('server_version_num')::int")).scalar_one()
            user, encoding = conn.execute(text("SELECT current_user, pg_encoding_to_char(encoding) "
                                               "FROM pg_database WHERE datname = current_database()")).one()
    finally:
        engine.dispose()
    assert version >= 150000
    assert (user, encoding) == ("ptds", "UTF8")

    with psycopg.connect(libpq_dsn(pg_url)) as conn:
        row = conn.execute("SELECT current_database(), host(inet_server_addr())").fetchone()
    assert row == (make_url(pg_url).database, "127.0.0.1")


def test_unaccent_extension_folds_vietnamese(pg_url):
    engine = create_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent"))
            folded = conn.execute(text("SELECT unaccent('Đắk Lắk'), lower('ĐẮK LẮK')")).one()
    finally:
        engine.dispose()
    # lower() knowing Vietnamese capitals shows the cluster's locale is a UTF-8 one, as on an office's server.
    assert tuple(folded) == ("Dak Lak", "đắk lắk")


def test_each_test_database_is_its_own_and_dropped_with_its_connections(pg_cluster, pg_url):
    with psycopg.connect(libpq_dsn(pg_url), autocommit=True) as conn:
        conn.execute("CREATE TABLE only_here (id int)")

    other_url = pg_cluster.create_database("test_pg_cluster_other")
    left_open = psycopg.connect(libpq_dsn(other_url), autocommit=True)
    try:
        tables = left_open.execute("SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'").fetchone()
        assert tables == (0,)
        # A test that forgot its connection must not stop its database being dropped.
        pg_cluster.drop_database("test_pg_cluster_other")
        with pytest.raises(psycopg.OperationalError):
            left_open.execute("SELECT 1")
    finally:
        left_open.close()
    with psycopg.connect(libpq_dsn(pg_url)) as conn:
        remaining = conn.execute("SELECT datname FROM pg_database WHERE datname LIKE 'test_pg_cluster%'").fetchall()
        assert remaining == []
        assert conn.execute("SELECT count(*) FROM only_here").fetchone() == (0,)


def test_database_from_a_template_holds_its_tables(pg_cluster):
    template_url = pg_cluster.create_database("test_pg_template")
    try:
        with psycopg.connect(libpq_dsn(template_url), autocommit=True) as conn:
            conn.execute("CREATE TABLE office (name text)")
            conn.execute("INSERT INTO office VALUES ('Bộ CHQS tỉnh Đắk Lắk')")
        copy_url = pg_cluster.create_database("test_pg_copy", template="test_pg_template")
        with psycopg.connect(libpq_dsn(copy_url)) as conn:
            assert conn.execute("SELECT name FROM office").fetchall() == [("Bộ CHQS tỉnh Đắk Lắk",)]
    finally:
        pg_cluster.drop_database("test_pg_copy")
        pg_cluster.drop_database("test_pg_template")


def test_stopped_cluster_leaves_no_server_and_no_folder(pg_cluster):
    private = PgCluster().start()
    try:
        folder, pid = private.folder, private.postmaster_pid()
        assert folder is not None and pid is not None
        # A second cluster beside the session's (as when two test runs share the machine): own folder, own port.
        assert (folder, private.port) != (pg_cluster.folder, pg_cluster.port)
        with psycopg.connect(private.dsn("postgres")) as conn:
            assert conn.execute("SELECT pg_backend_pid() > 0").fetchone() == (True,)
        assert processes_naming(folder)
        dsn = private.dsn("postgres")
    finally:
        private.stop()

    assert not folder.exists()
    assert not _process_alive(pid)
    assert processes_naming(folder) == []
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(dsn, connect_timeout=5).close()
    with psycopg.connect(pg_cluster.dsn("postgres")) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)


def test_cluster_of_a_killed_run_is_stopped_by_the_next_one():
    # A test run killed with SIGKILL cannot stop its server; the next start of a cluster must.
    script = ("import sys, time; sys.path.insert(0, sys.argv[1]); from pg_cluster import PgCluster; "
              "c = PgCluster().start(); print(c.folder, c.postmaster_pid(), flush=True); time.sleep(600)")
    child = subprocess.Popen([sys.executable, "-c", script, str(Path(__file__).parent)],
                             stdout=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline().split()
    finally:
        child.kill()
        child.wait()
    folder, pid = Path(line[0]), int(line[1])
    try:
        assert _process_alive(pid) and folder.exists()  # the orphan, as a killed run leaves it

        reap_orphans()

        assert not _process_alive(pid)
        assert not folder.exists()
    finally:
        if _process_alive(pid):  # the reaper failed: do not leave the server running past the test
            os.kill(pid, signal.SIGQUIT)
        shutil.rmtree(folder, ignore_errors=True)
