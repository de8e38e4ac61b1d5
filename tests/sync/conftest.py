"""Fixtures for sync tests: the office network template is built once per session. Each test runs on SQLite and,
with the province on a PostgreSQL server (its communes stay on SQLite laptops), on PostgreSQL."""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from netutil import Network, build_template, province_on_server

from ptds_desktop.config import keys_dir_for
from ptds_desktop.db.server import anchor_for


@pytest.fixture(scope="session")
def network_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("network")
    build_template(folder)
    return folder


@pytest.fixture(scope="session")
def server_province_template(network_template, pg_cluster, pg_head_template, tmp_path_factory) -> tuple[str, Path]:
    """The template's province copied once onto the session's server: (template database name, its keys)."""
    name = "ptds_network_template"
    url = pg_cluster.create_database(name, template=pg_head_template)
    keys = tmp_path_factory.mktemp("server-province") / "keys"
    shutil.copytree(province_on_server(network_template / "p.db", url), keys)
    return name, keys


@pytest.fixture
def network(network_template, engine, request):
    created = []
    databases = []
    province: Callable[[], str] | None = None
    if engine == "postgresql":
        cluster = request.getfixturevalue("pg_cluster")
        template, keys = request.getfixturevalue("server_province_template")

        def province() -> str:
            name = f"net_{secrets.token_hex(8)}"  # not uuid4, which test_convergence seeds
            url = cluster.create_database(name, template=template)
            databases.append(name)
            shutil.copytree(keys, keys_dir_for(anchor_for(url)))
            return url

    def make(size: int = 3) -> Network:
        net = Network(network_template, size, province)
        created.append(net)
        return net

    yield make
    for net in created:
        net.close()
    for name in databases:
        cluster.drop_database(name)
