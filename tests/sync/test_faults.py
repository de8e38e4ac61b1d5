"""Bundles that must not be applied, and failures half-way: each gives a clear message naming the file
and what is wrong, and the database is either unchanged or fully applied."""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from netutil import craft_bundle, location, segments_of, unseal
from sqlalchemy import inspect

from ptds_desktop.db.capture import next_seqs
from ptds_desktop.errors import PtdsError
from ptds_desktop.models import Organization
from ptds_desktop.sync import bundle as bundle_module
from ptds_desktop.sync import exchange, keys, peers
from ptds_desktop.sync.bundle import BundleError, read_bundle
from ptds_desktop.sync.errors import UnknownPeerError
from ptds_desktop.sync.log import Segment, signed_bytes


def everything(db) -> dict:
    """Every table, local bookkeeping included: "unchanged" means unchanged. Only the open counter is left out:
    every open counts itself (db.incarnation), a refused import included."""
    with db.engine.connect() as conn:
        names = sorted(inspect(conn).get_table_names())
        state = {n: sorted(map(repr, conn.exec_driver_sql(f"SELECT * FROM {n}").fetchall())) for n in names}
        state["local_settings"] = [r for r in state.get("local_settings", []) if not r.startswith("('instance'")]
        return state


def _org(db, name):
    with db.unit_of_work() as session:
        org = Organization(name=name, kind="other")
        session.add(org)
        session.flush()
        return org.id


@pytest.fixture
def pair(network):
    net = network(3)
    _org(net.offices[0], "Sở Y tế")
    _org(net.offices[1], "UBND xã 1")
    return net


def _refused(db, path, match, **kwargs):
    before = everything(db)
    with pytest.raises(BundleError, match=match) as info:
        exchange.import_bundle(db, path, **kwargs)
    assert Path(path).name in str(info.value) or "văn phòng" in str(info.value)
    assert everything(db) == before
    return info.value


def test_truncated_bundle(pair):
    path = pair.send(0, 1)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    _refused(pair.offices[1], path, "bị hỏng")


def test_one_flipped_byte_anywhere_is_caught(pair):
    original = pair.send(0, 1).read_bytes()
    db = pair.offices[1]
    for offset in range(len(original)):  # every byte: ZIP headers, flags, deflate data, manifest, signature
        damaged = bytearray(original)
        damaged[offset] ^= 0x01
        path = pair.folder / "mail" / f"flip-{offset}.ptds.zip"
        path.write_bytes(bytes(damaged))
        try:
            report = exchange.preview_bundle(db, path)
        except BundleError as exc:
            assert path.name in str(exc)
            continue
        # A flip in bytes no reader uses (ZIP padding/comments) may leave the content intact.
        assert report.new_changes > 0


def test_manifest_signed_by_someone_else(pair):
    path = pair.send(0, 1, plain=True)
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    stranger = Ed25519PrivateKey.generate()
    members["manifest.sig"] = keys.sign(stranger, members["manifest.json"]).encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    _refused(pair.offices[1], path, "sai chữ ký")


def test_unknown_sender_shows_the_fingerprint_then_can_be_trusted(pair, tmp_path):
    from ptds_desktop.db.database import open_database
    from ptds_desktop.services.offices import init_office

    stranger = open_database(tmp_path / "stranger.db")
    init_office(stranger, "Văn phòng lạ", "commune")
    _org(stranger, "Cơ quan lạ")
    (result,) = exchange.export_bundles(stranger, "*", tmp_path / "out")
    error = _refused(pair.offices[0], result.path, "văn phòng lạ")
    fingerprint = peers.identity(stranger).fingerprint
    assert isinstance(error, UnknownPeerError) and error.fingerprint == fingerprint and fingerprint in str(error)
    report = exchange.import_bundle(pair.offices[0], result.path, trust=fingerprint)
    assert report.status == "applied"
    # But a stranger cannot change what the province owns, even once trusted.
    stranger.close()


def test_replayed_old_bundle_changes_nothing_and_does_not_move_acknowledgements_back(pair):
    province, commune = pair.offices[0], pair.offices[1]
    old = pair.send(1, 0)
    _org(commune, "Thêm sau")
    newer = pair.send(1, 0)
    exchange.import_bundle(province, newer)
    before = everything(province)
    report = exchange.import_bundle(province, old)
    assert report.status == "nothing_new" and report.new_changes == 0
    after = everything(province)
    local = ("sync_receipts", "sync_peers")  # a receipt, and the time of the last exchange
    assert {k: v for k, v in after.items() if k not in local} == {k: v for k, v in before.items() if k not in local}
    with province.engine.connect() as conn:
        (acked,) = conn.exec_driver_sql("SELECT acked FROM sync_peers WHERE office_id=?", (commune.office_id(),)).one()
    newer_vector = read_bundle(unseal(newer)).manifest["vector"]  # the newer bundle's acknowledgement stays
    assert all(json.loads(acked)[stream] >= seq for stream, seq in newer_vector.items())
    assert exchange.import_bundle(province, old).status == "already_applied"


def test_newer_schema_asks_to_update_the_app(pair):
    segments = segments_of(pair.send(0, 1))

    def future(manifest):
        manifest["schema_version"] = "0042_future"
        manifest["app_version"] = "2.3.0"

    path = craft_bundle(pair, 0, 1, segments, edit_manifest=future)
    _refused(pair.offices[1], path, "cập nhật ứng dụng lên phiên bản 2.3.0")


def _zip(path: Path, members: dict) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_path_traversal_member_is_refused(pair):
    path = pair.send(0, 1, plain=True)
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["../../evil.txt"] = b"owned"
    _zip(path, members)
    _refused(pair.offices[1], path, "evil")
    assert not (pair.folder / "evil.txt").exists()


def test_zip_bomb_is_refused_before_inflating(pair):
    path = pair.send(0, 1, plain=True)
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["attachments/" + "0" * 64] = b"\0" * (64 << 20)
    _zip(path, members)
    _refused(pair.offices[1], path, "bom nén")


def test_disk_full_while_writing_leaves_no_file(pair, monkeypatch):
    real_write = zipfile.ZipFile.writestr

    def full(self, name, *args, **kwargs):
        if str(name).startswith("manifest"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", full)
    target = pair.folder / "usb"
    target.mkdir()
    with pytest.raises(BundleError, match="No space left|chỗ trống"):
        exchange.export_bundles(pair.offices[0], pair.offices[1].office_id(), target)
    assert list(target.iterdir()) == []


def test_process_killed_in_the_middle_of_an_import(pair):
    path = pair.send(0, 1)
    db = pair.offices[1]
    before = everything(db)
    db.close()
    script = f"""
import os, signal
from ptds_desktop.db.database import open_database
from ptds_desktop.sync import exchange, log
real = log.apply_changes
def apply_then_die(conn, changes, *args):
    stats = real(conn, changes, *args)  # written, not committed
    os.kill(os.getpid(), signal.SIGKILL)
log.apply_changes = apply_then_die
exchange.import_bundle(open_database({str(location(db))!r}), {str(path)!r})
"""
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == -9, proc.stderr
    from ptds_desktop.db.database import open_database

    reopened = open_database(location(db))
    pair.offices[1] = reopened

    assert everything(reopened) == before
    assert exchange.import_bundle(reopened, path).status == "applied"


def test_relay_cannot_alter_another_offices_change(pair):
    province, commune, other = pair.offices
    relayed = segments_of(pair.send(0, 1))
    (segment,) = [s for s in relayed if "Sở Y tế".encode() in s.body]
    forged_body = segment.body.replace("Sở Y tế".encode(), "Sở Giả".encode())
    forged = dataclasses.replace(segment, body=forged_body)
    path = craft_bundle(pair, 1, 2, [forged], name="altered")
    error = _refused(other, path, "không khớp chữ ký")
    assert "Bộ CHQS tỉnh" in str(error) and "UBND xã 1" in str(error)


def test_relay_cannot_invent_a_change_in_another_offices_name(pair):
    province, commune, other = pair.offices
    body = json.dumps([9999, "organizations", "x" * 36, "name", "Bịa", 1, 0, ""]).encode() + b"\n"
    commune_key = keys.load_private_key(commune.path, commune.office_id())
    invented = Segment(province.office_id(), 9999, 9999, body,
                       keys.sign(commune_key, signed_bytes(province.office_id(), 9999, 9999, body)))
    path = craft_bundle(pair, 1, 2, [invented], name="invented")
    _refused(other, path, "không khớp chữ ký")


def test_a_commune_changing_a_province_row_is_rejected_and_listed(pair):
    province, commune = pair.offices[0], pair.offices[1]
    exchange.import_bundle(commune, pair.send(0, 1))
    with province.unit_of_work() as session:
        (org_id,) = [o.id for o in session.query(Organization).filter_by(name="Sở Y tế")]
    # Bypass the local refusal, as a tampered installation would: a change in the commune's own log.
    with commune.engine.begin() as conn:
        seq = next_seqs(conn, 1)
        conn.exec_driver_sql(
            "INSERT INTO sync_outbox(seq, tbl, row_id, field, value, hlc, base_hlc, base_origin) "
            "VALUES (?, 'organizations', ?, 'name', '\"Sở Y tế (xã sửa)\"', ?, 0, '')",
            (seq, org_id, 1 << 60),
        )
    report = exchange.import_bundle(province, pair.send(1, 0))
    assert [r.row_id for r in report.rejections] == [org_id]
    assert report.rejections[0].origin_name == "UBND xã 1" and "không có quyền" in report.rejections[0].reason
    with province.unit_of_work() as session:
        assert session.get(Organization, org_id).name == "Sở Y tế"


def test_cancelled_export_leaves_no_file(pair):
    target = pair.folder / "usb"
    target.mkdir()
    with pytest.raises(bundle_module.SyncCancelled):
        exchange.export_bundles(pair.offices[0], pair.offices[1].office_id(), target, cancel=lambda: True)
    assert list(target.iterdir()) == []


def test_bundle_for_another_office_is_refused(pair):
    path = pair.send(0, 2)
    _refused(pair.offices[1], path, "văn phòng khác")


def test_private_key_file_is_private_and_outside_the_database(pair):
    db = pair.offices[0]
    key_file = Path(peers.identity(db).key_file)
    assert key_file.exists() and key_file.parent != db.path.parent
    if os.name == "posix":
        assert key_file.stat().st_mode & 0o077 == 0
    assert "PRIVATE KEY" not in repr(everything(db))
    if db.url is None:  # nor anywhere in the file, free pages included
        assert b"PRIVATE KEY" not in db.path.read_bytes()


# ---------------------------------------------------------------- archive limits and manifest members


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _resigned(pair, path: Path, edit) -> Path:
    """The bundle with its manifest changed by `edit(manifest, members)` and signed again by its sender, so only
    the archive checks stand between it and the database."""
    members = _members(path)
    manifest = json.loads(members["manifest.json"])
    edit(manifest, members)
    body = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    sender = pair.offices[0]
    members["manifest.json"] = body
    members["manifest.sig"] = keys.sign(keys.load_private_key(sender.path, sender.office_id()), body).encode()
    return _zip(path, members)


def test_too_many_members_is_refused(pair, monkeypatch):
    path = pair.send(0, 1, plain=True)
    monkeypatch.setattr(bundle_module, "MAX_MEMBERS", len(_members(path)) - 1)
    _refused(pair.offices[1], path, "quá nhiều thành phần")


def test_too_large_when_unpacked_is_refused(pair, monkeypatch):
    path = pair.send(0, 1, plain=True)
    monkeypatch.setattr(bundle_module, "MAX_TOTAL_BYTES", sum(map(len, _members(path).values())) - 1)
    _refused(pair.offices[1], path, "tổng dung lượng giải nén vượt giới hạn")


def test_member_longer_than_its_declared_size_is_refused(pair, monkeypatch):
    """The zip reader is trusted to stop at the declared size; if it ever hands out more, the bundle is refused."""
    path = pair.send(0, 1)
    real_open = zipfile.ZipFile.open

    def overlong(self, name, *args, **kwargs):
        handle = real_open(self, name, *args, **kwargs)
        member = name.filename if isinstance(name, zipfile.ZipInfo) else name
        if not member.startswith("segments/"):
            return handle
        with handle:
            return io.BytesIO(handle.read() + b"[]\n")

    monkeypatch.setattr(zipfile.ZipFile, "open", overlong)
    _refused(pair.offices[1], path, "dài hơn khai báo")


def test_member_missing_from_the_archive_is_refused(pair):
    path = pair.send(0, 1, plain=True)
    members = _members(path)
    segment = next(n for n in members if n.startswith("segments/"))
    del members[segment]
    _zip(path, members)
    _refused(pair.offices[1], path, "danh sách thành phần không khớp manifest")


def test_member_the_manifest_does_not_list_is_refused(pair):
    path = pair.send(0, 1, plain=True)
    members = _members(path)
    members["attachments/" + "a" * 64] = b"slipped in"
    _zip(path, members)
    _refused(pair.offices[1], path, "danh sách thành phần không khớp manifest")


def test_segment_listed_without_its_member_is_refused(pair):
    path = pair.send(0, 1, plain=True)

    def list_a_ghost(manifest, _members):
        ghost = dict(manifest["segments"][0], first_seq=900, last_seq=901)
        manifest["segments"].append(ghost)

    _refused(pair.offices[1], _resigned(pair, path, list_a_ghost), r"thiếu thành phần segments/.*-900-901\.jsonl")


def test_member_declared_but_not_described_is_refused(pair):
    """A signed member list holding a segment that no segment entry describes: nothing of it is applied."""
    path = pair.send(0, 1, plain=True)

    def declare_extra(manifest, members):
        name = next(n for n in members if n.startswith("segments/")).rsplit("-", 2)[0] + "-900-901.jsonl"
        members[name] = b"[]\n"
        manifest["members"][name] = hashlib.sha256(b"[]\n").hexdigest()

    _refused(pair.offices[1], _resigned(pair, path, declare_extra), "không được manifest mô tả")


# ---------------------------------------------------------------- key files


def _export_refused(db, tmp_path, match) -> None:
    before = everything(db)
    with pytest.raises(PtdsError, match=match):
        exchange.export_bundles(db, "all", tmp_path / "out")
    assert everything(db) == before
    assert not list((tmp_path / "out").glob("*.ptds.zip"))


def test_missing_key_file_is_named_with_where_to_restore_it_from(pair, tmp_path):
    db = pair.offices[0]
    _org(db, "Sở Tài chính")  # an unsent change: it must stay unsent
    Path(peers.identity(db).key_file).unlink()
    _export_refused(db, tmp_path, r"Không tìm thấy khóa ký của văn phòng này .*chép lại thư mục đó từ bản sao lưu")


def test_corrupt_key_file_is_refused(pair, tmp_path):
    db = pair.offices[0]
    _org(db, "Sở Tài chính")
    key_file = Path(peers.identity(db).key_file)
    key_file.write_bytes(key_file.read_bytes()[:40])
    _export_refused(db, tmp_path, r"Tệp khóa .* bị hỏng")


def test_key_file_of_another_kind_is_refused(pair, tmp_path):
    db = pair.offices[0]
    _org(db, "Sở Tài chính")
    key_file = Path(peers.identity(db).key_file)
    other = ec.generate_private_key(ec.SECP256R1())
    key_file.write_bytes(other.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ))
    _export_refused(db, tmp_path, "không phải khóa Ed25519")
