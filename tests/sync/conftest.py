"""Fixtures for sync tests: the office network template is built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from netutil import Network, build_template


@pytest.fixture(scope="session")
def network_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("network")
    build_template(folder)
    return folder


@pytest.fixture
def network(network_template):
    created = []

    def make(size: int = 3) -> Network:
        net = Network(network_template, size)
        created.append(net)
        return net

    yield make
    for net in created:
        net.close()
