"""`ptds sync …` and `ptds init --enrol` as a user runs them, in real subprocesses."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys


def test_enrol_exchange_by_files_and_usb(ptds, tmp_path):
    p, a = tmp_path / "p.db", tmp_path / "a.db"
    ptds("--db", p, "init", "--office", "Bộ CHQS tỉnh Đắk Lắk", "--level", "province").ok()
    province = json.loads(ptds("--db", p, "sync", "identity", "--json").ok().stdout)
    enrol = ptds("--db", p, "sync", "enrol-file", "--office", "UBND xã Hòa Phú", "--level", "commune",
                     "-o", tmp_path / "hoa-phu.enrol").ok()
    assert province["fingerprint"] in enrol.stdout
    code = re.search(r"--code \"([A-Z0-9 ]+)\"", enrol.stdout).group(1)
    init = ptds("--db", a, "init", "--enrol", tmp_path / "hoa-phu.enrol", "--code", code).ok()
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


def test_sync_folder_once_and_watching_until_ctrl_c(ptds, tmp_path):
    p, a = tmp_path / "p.db", tmp_path / "a.db"
    ptds("--db", p, "init", "--office", "Bộ CHQS tỉnh Đắk Lắk", "--level", "province").ok()
    info = json.loads(ptds("--db", p, "sync", "enrol-file", "--office", "UBND xã Hòa Phú", "-o",
                           tmp_path / "hoa-phu.enrol", "--json").ok().stdout)
    ptds("--db", a, "init", "--enrol", tmp_path / "hoa-phu.enrol", "--code", info["code"]).ok()
    share = tmp_path / "share"
    share.mkdir()
    ptds("--db", p, "org", "add", "Sở Y tế", "--kind", "department").ok()
    sent = ptds("--db", p, "sync", "folder", share).ok()
    assert "Đã xuất gói cho “UBND xã Hòa Phú”" in sent.stdout
    received = json.loads(ptds("--db", a, "sync", "folder", share, "--json").ok().stdout)
    assert [r["status"] for r in received["imported"]] == ["applied"]
    assert [o["name"] for o in json.loads(ptds("--db", a, "org", "list", "--json").stdout)] == ["Sở Y tế"]
    missing = ptds("--db", a, "sync", "folder", tmp_path / "khong-co")
    assert missing.returncode == 2 and "Không thấy thư mục đồng bộ" in missing.stderr

    # The commune has not answered yet: the province's status says what it has not acknowledged, since when.
    status = ptds("--db", p, "sync", "status").ok().stdout
    assert "“UBND xã Hòa Phú” chưa nhận" in status and "cũ nhất từ" in status and "Cảnh báo" not in status

    watch = subprocess.Popen(
        [sys.executable, "-m", "ptds_desktop", "--db", str(a), "sync", "folder", str(share), "--watch",
         "--interval", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    assert watch.stdout is not None
    assert "Nhấn Ctrl+C để dừng" in watch.stdout.readline()
    assert watch.stdout.readline().startswith("[")  # one round done
    watch.send_signal(signal.SIGINT)
    out, err = watch.communicate(timeout=60)
    assert watch.returncode == 0 and "Đã dừng theo dõi thư mục." in out and "Traceback" not in err
    commune = json.loads(ptds("--db", a, "sync", "identity", "--json").ok().stdout)
    # The commune's answer carries its acknowledgement (its first bundle: its fingerprint is confirmed).
    ptds("--db", p, "sync", "folder", share, "--trust", commune["fingerprint"]).ok()
    assert "“UBND xã Hòa Phú” chưa nhận" not in ptds("--db", p, "sync", "status").ok().stdout


def test_init_from_an_enrolment_file_asks_for_the_one_time_code(ptds, tmp_path):
    p, a = tmp_path / "p.db", tmp_path / "a.db"
    ptds("--db", p, "init", "--office", "Bộ CHQS tỉnh Đắk Lắk", "--level", "province").ok()
    written = ptds("--db", p, "sync", "enrol-file", "--office", "UBND xã Hòa Phú", "-o", tmp_path / "x.enrol").ok()
    code = re.search(r"Mã một lần: ((?:[2-9A-Z]{4} ){3}[2-9A-Z]{4})", written.stdout).group(1)
    assert "KHÔNG gửi kèm tệp" in written.stdout
    missing = ptds("--db", a, "init", "--enrol", tmp_path / "x.enrol")
    assert missing.returncode == 2 and "cần mã một lần" in missing.stderr and "Traceback" not in missing.stderr
    wrong = ptds("--db", a, "init", "--enrol", tmp_path / "x.enrol", "--code", "ABCD EFGH JKLM NPQR")
    assert wrong.returncode == 2 and "Mã một lần không đúng" in wrong.stderr
    assert not a.exists() and not (tmp_path / "a.db.keys").exists()  # nothing made
    ptds("--db", a, "init", "--enrol", tmp_path / "x.enrol", "--code", code.lower()).ok()
    assert json.loads(ptds("--db", a, "sync", "identity", "--json").ok().stdout)["name"] == "UBND xã Hòa Phú"
