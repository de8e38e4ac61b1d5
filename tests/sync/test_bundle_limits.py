"""Hostile or broken files on the stick: every read of a bundle is streamed and bounded (memory stays small,
whatever the file), library errors come out as Vietnamese saying what is wrong in which file, and the
database is left as it was."""

from __future__ import annotations

import hashlib
import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from netutil import location
from test_faults import _org, everything

from ptds_desktop.sync import bundle as bundle_module
from ptds_desktop.sync import exchange
from ptds_desktop.sync.bundle import FORMAT, BundleError

MiB = 1 << 20
PEAK_LIMIT = 300 * MiB
ENGLISH = ("Bad CRC", "invalid distance", "codec", "Error -3", "Expecting", "decode", "password", "File is")


def _manifest(sender: str, recipient: str, members: dict[str, str], segments: list[dict]) -> bytes:
    return json.dumps({
        "format": FORMAT, "format_version": 1, "schema_version": "0004", "app_version": "0.1.0",
        "created_at": "2026-01-01T00:00:00", "full": False,
        "sender": {"office_id": sender, "name": "Kẻ lạ", "public_key": "AAAA", "fingerprint": "X"},
        "recipient": recipient, "vector": {}, "keys": {}, "segments": segments, "members": members,
    }).encode()


def _zip_bomb_of_segments(path: Path, sender: str, recipient: str, count: int) -> None:
    """`count` members of 1 MiB of zeros each (a few hundred bytes compressed), with true hashes in the manifest
    so only the size limits can stop them."""
    zeros = bytes(MiB)
    sha = hashlib.sha256(zeros).hexdigest()
    segments = [{"origin": sender, "first_seq": n, "last_seq": n, "signature": "AAAA"} for n in range(1, count + 1)]
    names = [f"segments/{sender}-{n}-{n}.jsonl" for n in range(1, count + 1)]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in names:
            zf.writestr(name, zeros)
        zf.writestr("manifest.json", _manifest(sender, recipient, dict.fromkeys(names, sha), segments))
        zf.writestr("manifest.sig", "AAAA")


def _inflated_manifest(path: Path, sender: str, recipient: str, size: int) -> None:
    """A manifest.json of `size` bytes (mostly blanks after the opening brace): a few hundred kB on disk."""
    head = _manifest(sender, recipient, {}, [])[:-1] + b", \"padding\": \""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open("manifest.json", "w", force_zip64=True) as handle:
            handle.write(head)
            blank = b" " * (8 * MiB)
            for _ in range(size // len(blank)):
                handle.write(blank)
            handle.write(b"\"}")
        zf.writestr("manifest.sig", "AAAA")


# The peak of this process's own memory: VmHWM, not getrusage's ru_maxrss, which on Linux keeps the high-water
# mark of the process image replaced at exec (the test runner's, hundreds of MB late in a full run).
PEAK_SCRIPT = """
import json, resource, sys


def peak():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


from ptds_desktop.db.database import open_database
from ptds_desktop.errors import PtdsError
from ptds_desktop.sync import exchange, usb
db = open_database(sys.argv[1])
try:
    if sys.argv[2] == "import":
        exchange.import_bundle(db, sys.argv[3])
        message = "applied"
    else:
        message = " | ".join(usb.usb_sync(db, sys.argv[3]).errors)
except PtdsError as exc:
    message = str(exc)
print(json.dumps({"peak": peak(), "message": message}))
"""


def _run_measured(db, action: str, target: Path) -> dict:
    db.engine.dispose()
    done = subprocess.run([sys.executable, "-c", PEAK_SCRIPT, str(location(db)), action, str(target)],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_many_compressible_members_are_refused_with_memory_bounded(network):
    net = network(2)
    province, commune = net.offices
    path = net.folder / "mail" / "bom.ptds.zip"
    _zip_bomb_of_segments(path, commune.office_id(), province.office_id(), 400)  # 400 MiB unpacked
    assert path.stat().st_size < 2 * MiB
    before = everything(province)
    result = _run_measured(province, "import", path)
    assert result["peak"] < PEAK_LIMIT, f"peak {result['peak'] / MiB:.0f} MiB"
    assert "bom.ptds.zip" in result["message"]
    assert "tổng dung lượng các đoạn thay đổi vượt giới hạn 128,0 MB" in result["message"]
    assert everything(province) == before


def test_inflated_manifest_on_the_stick_is_refused_with_memory_bounded(network):
    net = network(2)
    province, commune = net.offices
    stick = net.folder / "usb"
    stick.mkdir()
    path = stick / "PTDS_la_gui_tinh.ptds.zip"
    _inflated_manifest(path, commune.office_id(), province.office_id(), 512 * MiB)
    assert path.stat().st_size < 2 * MiB
    before = everything(province)
    result = _run_measured(province, "usb", stick)
    assert result["peak"] < PEAK_LIMIT, f"peak {result['peak'] / MiB:.0f} MiB"
    assert "PTDS_la_gui_tinh.ptds.zip" in result["message"] and "manifest.json" in result["message"]
    with pytest.raises(BundleError, match="manifest.json quá lớn"):  # what choosing the bundles addressed here meets
        bundle_module.read_manifest(path)
    after = everything(province)
    # The answers written for the peers are bookkeeping; no row of data changed.
    assert {t: r for t, r in after.items() if not t.startswith(("sync_", "alembic"))} == {
        t: r for t, r in before.items() if not t.startswith(("sync_", "alembic"))}


def test_a_manifest_of_countless_tiny_values_is_refused_before_they_are_built(network):
    """Within the size cap, "[{},{},…]" would still make a Python object of every 3 bytes (~450 MB for 16 MB)."""
    net = network(2)
    province, commune = net.offices
    path = net.folder / "mail" / "nhieu-muc.ptds.zip"
    head = _manifest(commune.office_id(), province.office_id(), {}, [])[:-1]
    body = head + b', "padding": [' + b"{}," * (5 * MiB) + b"{}]}"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:  # stored: no ratio check to stop it
        zf.writestr("manifest.json", body)
        zf.writestr("manifest.sig", "AAAA")
    before = everything(province)
    result = _run_measured(province, "import", path)
    assert result["peak"] < PEAK_LIMIT, f"peak {result['peak'] / MiB:.0f} MiB"
    assert "nhieu-muc.ptds.zip" in result["message"] and "manifest.json có quá nhiều mục" in result["message"]
    assert everything(province) == before


def test_a_huge_file_is_refused_before_it_is_read(network, tmp_path):
    net = network(2)
    province = net.offices[0]
    path = tmp_path / "PTDS_video_hop.ptds.zip"
    with open(path, "wb") as handle:  # sparse: 3 GB without writing them
        handle.truncate(3 * (1 << 30))
    before = everything(province)
    with pytest.raises(BundleError) as info:
        exchange.import_bundle(province, path)
    message = str(info.value)
    assert "PTDS_video_hop.ptds.zip" in message and "3,0 GB" in message and "2,0 GB" in message
    assert everything(province) == before


# ------------------------------------------------------------------ library errors in Vietnamese


def _raw_zip(path: Path, entries: list[tuple[str, bytes, int, int, int]]) -> Path:
    """A ZIP written byte by byte: (name, payload as stored, method, crc32, unpacked size) per member, so a test
    can store exactly the damage it wants."""
    out, central = bytearray(), bytearray()
    for name, payload, method, crc, size in entries:
        offset, raw_name = len(out), name.encode()
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(payload), size,
                           len(raw_name), 0) + raw_name + payload
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc, len(payload),
                               size, len(raw_name), 0, 0, 0, 0, 0, offset) + raw_name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(out), 0)
    path.write_bytes(bytes(out + central + end))
    return path


def _stored(name: str, data: bytes, crc: int | None = None) -> tuple[str, bytes, int, int, int]:
    return name, data, zipfile.ZIP_STORED, zlib.crc32(data) if crc is None else crc, len(data)


def _good_manifest(net) -> bytes:
    return _manifest(net.offices[1].office_id(), net.offices[0].office_id(), {}, [])


def _refused_in_vietnamese(db, path: Path, *expected: str) -> str:
    before = everything(db)
    with pytest.raises(BundleError) as info:
        exchange.import_bundle(db, path)
    message = str(info.value)
    assert path.name in message
    for text in expected:
        assert text in message
    assert not any(english in message for english in ENGLISH), message
    assert everything(db) == before
    return message


def test_bad_crc_is_said_in_vietnamese(network):
    net = network(2)
    manifest = _good_manifest(net)
    path = _raw_zip(net.folder / "crc.ptds.zip", [
        _stored("manifest.json", manifest, crc=zlib.crc32(manifest) ^ 1), _stored("manifest.sig", b"AAAA")])
    _refused_in_vietnamese(net.offices[0], path, "manifest.json", "CRC")


def test_broken_deflate_data_is_said_in_vietnamese(network):
    """Deflate data that refers back before its start ("invalid distance too far back" from zlib)."""
    net = network(2)
    manifest = _good_manifest(net)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, zdict=manifest)  # refers to a dictionary the reader lacks
    payload = packer.compress(manifest) + packer.flush()
    with pytest.raises(zlib.error, match="too far back"):
        zlib.decompress(payload, -15)
    path = _raw_zip(net.folder / "distance.ptds.zip", [
        ("manifest.json", payload, zipfile.ZIP_DEFLATED, zlib.crc32(manifest), len(manifest)),
        _stored("manifest.sig", b"AAAA")])
    _refused_in_vietnamese(net.offices[0], path, "dữ liệu nén của thành phần manifest.json bị hỏng")


def test_signature_that_is_not_ascii_is_a_bad_signature_said_in_vietnamese(network):
    net = network(2)
    path = _raw_zip(net.folder / "sig.ptds.zip", [
        _stored("manifest.json", _good_manifest(net)), _stored("manifest.sig", "chữ ký".encode())])
    _refused_in_vietnamese(net.offices[0], path, "sai chữ ký")


@pytest.mark.parametrize(("body", "expected"), [
    (b'{"format": "ptds-sync-bundle",\n "sender": }', "manifest.json không phải JSON hợp lệ (dòng 2, cột 12)"),
    (b'{"format": "ptds-sync-bundle", "name": "\xff"}', "manifest.json không phải văn bản UTF-8 (byte lạ ở vị trí 41)"),
    (b'{"format": "ptds-sync-bundle", "segments": [{"origin": "a"}]}', "đoạn thứ 1 thiếu mục “first_seq”"),
    (b'{"format": "ptds-sync-bundle", "segments": "abc"}', "mục “segments” phải là một danh sách"),
])
def test_manifest_that_is_not_json_is_said_in_vietnamese(network, body, expected):
    net = network(2)
    path = _raw_zip(net.folder / "json.ptds.zip", [_stored("manifest.json", body), _stored("manifest.sig", b"AAAA")])
    _refused_in_vietnamese(net.offices[0], path, expected)


def test_a_bundle_on_a_disk_that_fails_is_said_in_vietnamese(network, monkeypatch):
    net = network(2)
    path = net.send(1, 0)
    real_open = zipfile.ZipFile.open

    def failing(self, name, *args, **kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(zipfile.ZipFile, "open", failing)
    message = _refused_in_vietnamese(net.offices[0], path, "ổ đĩa báo lỗi khi đọc")
    assert "Input/output" not in message
    monkeypatch.setattr(zipfile.ZipFile, "open", real_open)


def test_members_are_hashed_while_streaming_not_trusting_the_header(network, monkeypatch):
    """A member whose unpacked size passes the header checks but not the limit counted while reading."""
    net = network(2)
    _org(net.offices[1], "UBND xã 1")
    path = net.send(1, 0)
    monkeypatch.setattr(bundle_module, "MAX_SEGMENT_BYTES", 10)
    _refused_in_vietnamese(net.offices[0], path, "tổng dung lượng các đoạn thay đổi vượt giới hạn")
    assert os.path.exists(path)
