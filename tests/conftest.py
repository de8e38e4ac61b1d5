"""Shared fixtures: a fresh office database, the `ptds` command run as a real subprocess, and a throwaway
PostgreSQL server (`pg_cluster`, `pg_url`)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pg_cluster import PgCluster  # noqa: E402

from ptds_desktop.db.database import Database, open_database  # noqa: E402
from ptds_desktop.services.offices import init_office  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Settings, default database and keys go to a temporary folder, never the developer's own."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PTDS_HOME", str(home))
    monkeypatch.delenv("PTDS_DB", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "ptds.db"


ENGINES = ("sqlite", "postgresql")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--engine", choices=(*ENGINES, "both"), default="both",
                     help="run the tests of an office database on SQLite, on PostgreSQL, or on both (default)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: the test is about the SQLite file itself (its bytes, "
                                       "encryption, the disk beside it): no PostgreSQL variant")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests of an office database run once per engine (`[sqlite]`, `[postgresql]`); `--engine` keeps one.
    The window's tests run on SQLite: the GUI reaches the engine only through the same services."""
    wanted = config.getoption("--engine")
    kept, dropped = [], []
    for item in items:
        engine = getattr(getattr(item, "callspec", None), "params", {}).get("engine")
        gui = "tests/gui/" in item.nodeid.replace("\\", "/")
        if engine is None:
            keep = wanted != "postgresql"
        elif engine == "postgresql":
            keep = wanted != "sqlite" and not gui and item.get_closest_marker("sqlite_only") is None
        else:
            keep = wanted != "postgresql"
        (kept if keep else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """Which engine this variant of a test runs on."""
    return request.param


@pytest.fixture
def db_location(engine: str, db_path: Path, request: pytest.FixtureRequest) -> str | Path:
    """Where the test's office database lives: the SQLite file, or a new database on the session's server."""
    return db_path if engine == "sqlite" else request.getfixturevalue("pg_head_url")


@pytest.fixture
def db(db_location) -> Database:
    database = open_database(db_location)
    init_office(database, "Bộ CHQS tỉnh Đắk Lắk", "province", place_name="Đắk Lắk")
    yield database
    database.close()


class CliResult:
    def __init__(self, proc: subprocess.CompletedProcess):
        self.returncode = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr

    def ok(self) -> CliResult:
        """The command succeeded (a set-up step whose failure would make the rest of a test meaningless)."""
        assert self.returncode == 0, self
        assert "Traceback" not in self.stderr, self
        return self

    def __repr__(self) -> str:
        return f"CliResult(rc={self.returncode}, stdout={self.stdout[-500:]!r}, stderr={self.stderr[-500:]!r})"


@pytest.fixture
def ptds(tmp_path):
    """Run `python -m ptds_desktop ARGS` in tmp_path; returns stdout, stderr and the exit code."""

    def run(*args: str, input: str | None = None, env: dict | None = None) -> CliResult:
        full_env = dict(os.environ)
        full_env.update(env or {})
        proc = subprocess.run(
            [sys.executable, "-m", "ptds_desktop", *map(str, args)],
            cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", input=input, env=full_env, timeout=300,
        )
        return CliResult(proc)

    return run


@pytest.fixture(scope="session")
def pg_cluster(request: pytest.FixtureRequest) -> PgCluster:
    """One throwaway PostgreSQL server for the session, started at the first test asking for it (a run without
    PostgreSQL tests starts none), stopped and its folder deleted at the session's end, Ctrl+C included."""
    cluster = PgCluster()
    request.addfinalizer(cluster.stop)
    return cluster.start()


@pytest.fixture
def pg_url(pg_cluster: PgCluster) -> Iterator[str]:
    """SQLAlchemy URL of a new empty database on the session's server, dropped after the test (connections the
    test left open are closed first)."""
    name = f"test_{uuid.uuid4().hex[:16]}"
    url = pg_cluster.create_database(name)
    yield url
    pg_cluster.drop_database(name)


@pytest.fixture(scope="session")
def pg_head_template(pg_cluster: PgCluster) -> str:
    """A database migrated to head once per session: new test databases are made from it in a moment."""
    name = "ptds_head_template"
    open_database(pg_cluster.create_database(name)).close()
    return name


@pytest.fixture
def pg_head_url(pg_cluster: PgCluster, pg_head_template: str) -> Iterator[str]:
    """Like `pg_url`, but the new database already has this release's schema."""
    name = f"test_{uuid.uuid4().hex[:16]}"
    url = pg_cluster.create_database(name, template=pg_head_template)
    yield url
    pg_cluster.drop_database(name)
