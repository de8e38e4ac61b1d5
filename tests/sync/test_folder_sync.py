"""A shared sync folder between two offices: the USB action on a schedule, never twice at once; and the per-peer
status a person can act on (what a peer has not received since when, a warning when it has been silent)."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time

import pytest
from netutil import canonical_dump

from ptds_desktop.db import clock
from ptds_desktop.services import organizations
from ptds_desktop.services.organizations import OrganizationInput
from ptds_desktop.sync import status as sync_status
from ptds_desktop.sync.folder import LOCK_NAME, LOCK_STALE_SECONDS, FolderBusyError, folder_lock, folder_sync

DAY_MS = clock.DAY_MS


def add_org(db, name: str) -> None:
    with db.unit_of_work() as s:
        organizations.create_organization(s, OrganizationInput(name=name, kind="department"))


def sent_to(result, db) -> int:
    """Changes in the bundle written for `db`: none written when it had nothing new (the template's province also
    has communes absent here)."""
    return sum(r.changes for r in result.exported if r.recipient_id == db.office_id())


def test_two_offices_exchange_through_a_shared_folder_both_ways(network, tmp_path):
    net = network(2)
    province, commune = net.offices
    share = tmp_path / "share"
    share.mkdir()
    add_org(province, "Sở Y tế")
    add_org(commune, "Trạm Y tế xã")

    first = folder_sync(province, share)  # writes for its communes; nothing there yet for the province
    assert first.imported == () and sent_to(first, commune) > 0
    answer = folder_sync(commune, share)  # reads the province's bundle, answers with its own change
    assert [r.status for r in answer.imported] == ["applied"]
    back = folder_sync(province, share)
    assert [r.status for r in back.imported] == ["applied"]
    folder_sync(commune, share)  # takes the province's acknowledgement
    assert canonical_dump(province) == canonical_dump(commune)
    assert not (share / LOCK_NAME).exists()  # released after each run

    # Run again on both sides: nothing new is applied and no change is sent twice between the two.
    for db, other in ((province, commune), (commune, province)):
        again = folder_sync(db, share)
        assert all(r.status != "applied" for r in again.imported)
        assert sent_to(again, other) == 0
        assert again.errors == ()


def test_a_second_run_at_the_same_time_is_refused(network, tmp_path):
    province = network(2).offices[0]
    share = tmp_path / "share"
    share.mkdir()
    # The timer's run, still going.
    with folder_lock(share, province.office_id()), pytest.raises(FolderBusyError, match="trong ứng dụng này"):
        folder_sync(province, share)
    # Another computer holds the folder now: its lock file is fresh, so this run is refused and leaves it.
    lock = share / LOCK_NAME
    lock.write_text(json.dumps({"office_id": "x", "host": "may-khac", "pid": 1, "started": time.time()}))
    with pytest.raises(FolderBusyError, match="may-khac"):
        folder_sync(province, share)
    assert lock.exists()


def test_a_lock_left_by_a_crashed_run_is_recovered(network, tmp_path):
    province, commune = network(2).offices
    share = tmp_path / "share"
    share.mkdir()
    lock = share / LOCK_NAME
    add_org(province, "Sở Y tế")
    # The same computer, a process that has ended.
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    lock.write_text(json.dumps({"office_id": "x", "host": socket.gethostname(), "pid": int(gone.stdout),
                                "started": time.time()}))
    if os.name == "posix":
        assert sent_to(folder_sync(province, share), commune) > 0
        assert not lock.exists()
    else:
        lock.unlink()
        folder_sync(province, share)
    # Another computer that crashed long ago.
    lock.write_text(json.dumps({"office_id": "x", "host": "may-khac", "pid": 1,
                                "started": time.time() - LOCK_STALE_SECONDS - 60}))
    assert [r.status for r in folder_sync(commune, share).imported] == ["applied"]
    assert not lock.exists()


def follow_up_of(db, peer, warn_after_days: int) -> sync_status.PeerFollowUp:
    notes = sync_status.status(db, warn_after_days=warn_after_days).follow_up
    (note,) = [n for n in notes if n.office_id == peer.office_id()]
    return note


def test_a_peer_silent_for_longer_than_the_setting_is_flagged_with_what_it_lacks(network, tmp_path):
    net = network(2)
    province, commune = net.offices
    share = tmp_path / "share"
    share.mkdir()
    folder_sync(commune, share)
    folder_sync(province, share)
    folder_sync(commune, share)
    folder_sync(province, share)  # heard from the commune today: it has everything the province holds
    province_clock = net.clocks[0]
    # What the commune may still lack from the shared template (other communes' changes it is not sent).
    before = follow_up_of(province, commune, 14).waiting_since
    province_clock.advance(3 * DAY_MS)  # exchange times are read from the office's clock, as stamps are
    add_org(province, "Sở Y tế")  # made three days from now, the commune has not received it

    peer = follow_up_of(province, commune, 14)
    assert peer.warning is None and peer.silent_days == 3
    made = clock.stamp_time(clock.stamp_for_ms(province_clock.ms)).date().isoformat()
    assert peer.waiting_since is not None and peer.waiting_since.startswith((before or made)[:10])
    assert peer.last_exchange_at is not None

    province_clock.advance(12 * DAY_MS)  # fifteen days without a bundle from the commune
    peer = follow_up_of(province, commune, 14)
    assert peer.silent_days == 15
    assert peer.warning is not None and "UBND xã 1" in peer.warning and "15 ngày" in peer.warning
    assert re.search(r"thiếu \d+ thay đổi, cũ nhất từ", peer.warning)
    assert follow_up_of(province, commune, 30).warning is None

    commune_view = follow_up_of(commune, province, 14)
    assert commune_view.waiting_since is None  # the province has everything the commune made
