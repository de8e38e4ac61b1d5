"""`ptds conference …` end to end on the demo data: the listing with ids, replies, a new conference from the
template, and a copy."""

import json

import pytest

DEMO_ID = "2af4b69c-1604-5608-8ad2-7a5f2ff3f6a0"


@pytest.fixture
def demo_db(ptds, tmp_path):
    db = tmp_path / "demo.db"
    assert ptds("--db", db, "demo").returncode == 0
    return db


def test_list_gives_each_conference_with_its_id_and_counts(ptds, demo_db):
    rows = json.loads(ptds("--db", demo_db, "conference", "list", "--json").stdout)
    assert [(r["id"], r["starts_at"], r["invitees"]) for r in rows] == [(DEMO_ID, "2026-03-12T14:00:00", 24)]
    table = ptds("--db", demo_db, "conference", "list").stdout
    assert DEMO_ID in table and "12/03/2026" in table


def test_replies_counts_new_conference_and_copy(ptds, demo_db):
    listing = json.loads(ptds("--db", demo_db, "conference", "invitees", "--id", "2af4", "--json").stdout)
    first, second = listing["invitees"][0]["id"], listing["invitees"][1]["id"]
    r = ptds("--db", demo_db, "conference", "reply", "--status", "confirmed", first, second)
    assert r.returncode == 0, r
    counts = json.loads(ptds("--db", demo_db, "conference", "invitees", "--id", "2af4", "--json").stdout)["counts"]
    assert counts["total"]["confirmed"] == 2 and counts["total"]["invited"] == 22
    bad = ptds("--db", demo_db, "conference", "show", "--id", "zz")
    assert bad.returncode == 2 and "Không tìm thấy hội nghị có mã zz" in bad.stderr

    made = json.loads(ptds("--db", demo_db, "conference", "new", "--date", "10/03/2027", "--time", "8h00",
                           "--board", "dak lak", "--json").stdout)
    assert made["title"].endswith("năm 2026, triển khai nhiệm vụ trọng tâm năm 2027")
    copy = json.loads(ptds("--db", demo_db, "conference", "duplicate", "--id", DEMO_ID, "--date", "11/03/2027",
                           "--json").stdout)
    assert copy["starts_at"] == "2027-03-11T14:00:00"
    copied = json.loads(ptds("--db", demo_db, "conference", "invitees", "--id", copy["id"], "--json").stdout)
    assert copied["counts"]["total"]["invited"] == 24  # replies cleared in the copy
    shown = ptds("--db", demo_db, "conference", "show", "--id", made["id"], "--today", "05/03/2027").stdout
    assert "còn 5 ngày" in shown and "QUÁ HẠN 03/03/2027: Phát hành Giấy mời đại biểu" in shown

