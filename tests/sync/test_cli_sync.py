"""`ptds sync …` and `ptds init --enrol` as a user runs them, in real subprocesses."""

from __future__ import annotations

import json


def test_enrol_exchange_by_files_and_usb(ptds, tmp_path):
    p, a = tmp_path / "p.db", tmp_path / "a.db"
    ptds("--db", p, "init", "--office", "Bộ CHQS tỉnh Đắk Lắk", "--level", "province").ok()
    province = json.loads(ptds("--db", p, "sync", "identity", "--json").ok().stdout)
    enrol = ptds("--db", p, "sync", "enrol-file", "--office", "UBND xã Hòa Phú", "--level", "commune",
                     "-o", tmp_path / "hoa-phu.enrol").ok()
    assert province["fingerprint"] in enrol.stdout
    init = ptds("--db", a, "init", "--enrol", tmp_path / "hoa-phu.enrol").ok()
    assert "UBND xã Hòa Phú" in init.stdout
    commune = json.loads(ptds("--db", a, "sync", "identity", "--json").ok().stdout)
    assert commune["fingerprint"] in init.stdout

    ptds("--db", a, "org", "add", "Ủy ban nhân dân xã Hòa Phú", "--kind", "people_committee").ok()
    exported = json.loads(ptds("--db", a, "sync", "export", "--to", "all", "-o", tmp_path / "out",
        "--json").ok().stdout)
    assert [e["recipient_id"] for e in exported] == [province["office_id"]]
    bundle = exported[0]["path"]

    # The province enrolled the commune and certified its key: no fingerprint to confirm by phone.
    preview = json.loads(ptds("--db", p, "sync", "import", bundle, "--dry-run", "--json").ok().stdout)
    assert preview[0]["status"] == "preview"
    assert {"area": "Cơ quan, đơn vị", "inserts": 1, "updates": 0, "deletes": 0, "conflicts": 0,
        "rejections": 0} in preview[0]["areas"]
    assert json.loads(ptds("--db", p, "org", "list", "--json").stdout) == []
    applied = ptds("--db", p, "sync", "import", bundle).ok()
    assert "Đã nhập gói" in applied.stdout
    assert [o["name"] for o in json.loads(ptds("--db", p, "org", "list",
        "--json").stdout)] == ["Ủy ban nhân dân xã Hòa Phú"]
    again = ptds("--db", p, "sync", "import", bundle).ok()
    assert "đã được nhập trước đây" in again.stdout

    peers = json.loads(ptds("--db", p, "sync", "peers", "--json").ok().stdout)
    assert [(x["name"], x["relation"], x["fingerprint"]) for x in peers] == [("UBND xã Hòa Phú", "child",
        commune["fingerprint"])]

    # The USB round trip: the province writes onto the stick, the commune reads it and answers.
    usb = tmp_path / "usb"
    usb.mkdir()
    ptds("--db", p, "org", "add", "Sở Y tế", "--kind", "department").ok()
    ptds("--db", p, "sync", "usb", usb).ok()
    result = json.loads(ptds("--db", a, "sync", "usb", usb, "--json").ok().stdout)
    assert [r["status"] for r in result["imported"]] == ["applied"]
    assert [e["recipient_id"] for e in result["exported"]] == [province["office_id"]]
    names = sorted(o["name"] for o in json.loads(ptds("--db", a, "org", "list", "--json").stdout))
    assert names == ["Sở Y tế", "Ủy ban nhân dân xã Hòa Phú"]
    assert json.loads(ptds("--db", a, "sync", "conflicts", "--json").ok().stdout) == []
    status = json.loads(ptds("--db", a, "sync", "status", "--json").ok().stdout)
    assert status["identity"]["office_id"] == commune["office_id"] and status["clock"]["ok"]


def test_a_damaged_bundle_gives_a_message_not_a_traceback(ptds, tmp_path):
    p = tmp_path / "p.db"
    ptds("--db", p, "init", "--office", "Bộ CHQS tỉnh", "--level", "province").ok()
    junk = tmp_path / "hong.ptds.zip"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    result = ptds("--db", p, "sync", "import", junk)
    assert result.returncode == 2
    assert "hong.ptds.zip" in result.stderr and "bị hỏng" in result.stderr and "Traceback" not in result.stderr
    result = ptds("--db", p, "sync", "export", "--to", "khong-co", "-o", tmp_path / "x")
    assert result.returncode == 2 and "Không tìm thấy văn phòng nhận" in result.stderr
