"""A bundle from an office still at the released schema (0001) carries values a later migration renamed: they
arrive under their new name, as a data file from that office does."""

from __future__ import annotations

import datetime as dt
import json

from netutil import craft_bundle

from ptds_desktop.db.renamed_values import RENAMED_VALUES
from ptds_desktop.models import Conference, Invitee, Organization, Venue
from ptds_desktop.sync import exchange, keys
from ptds_desktop.sync.log import Segment, seal_outbox, signed_bytes

FIELDS_ADDED_AFTER_0001 = {"chair_person_id", "chair_organization_id", "chair_text"}


def _segment_as_0001_writes_it(db) -> Segment:
    """The commune's new conference, sealed, then rewritten as a 0001 office stamps it: a reply nobody gave yet is
    "pending", and the venue has no chair columns."""
    private = keys.load_private_key(db.path, db.office_id())
    with db.engine.begin() as conn:
        (sealed,) = seal_outbox(conn, db.office_id(), private)
        conn.exec_driver_sql("DELETE FROM sync_segments WHERE origin=? AND first_seq=?",
                             (sealed.origin, sealed.first_seq))
    records = [json.loads(line) for line in sealed.body.decode("utf-8").splitlines()]
    records = [r for r in records if r[3] not in FIELDS_ADDED_AFTER_0001]
    for seq, record in enumerate(records, start=sealed.first_seq):
        record[0] = seq
        if record[1:4:2] == ["invitees", "status"]:
            assert record[4] == "invited"
            record[4] = "pending"
    body = ("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n").encode("utf-8")
    last = sealed.first_seq + len(records) - 1
    signature = keys.sign(private, signed_bytes(db.office_id(), sealed.first_seq, last, body))
    return Segment(db.office_id(), sealed.first_seq, last, body, signature)


def test_pending_reply_from_a_0001_office_is_stored_as_invited(network):
    net = network(2)
    province, commune = net.offices
    with commune.unit_of_work() as session:
        org = Organization(name="UBND xã 1 - Văn phòng", kind="other")
        conference = Conference(title="Hội nghị sơ kết xã", format="in_person",
                                starts_at=dt.datetime(2026, 3, 12, 14, 0))
        session.add_all([org, conference])
        session.flush()
        venue = Venue(conference_id=conference.id, kind="main", name="Hội trường xã", sort_order=1)
        session.add(venue)
        session.flush()
        invitee = Invitee(conference_id=conference.id, venue_id=venue.id, organization_id=org.id, status="invited")
        session.add(invitee)
        session.flush()
        invitee_id = invitee.id
    segment = _segment_as_0001_writes_it(commune)
    assert b'"pending"' in segment.body and b"chair_text" not in segment.body
    path = craft_bundle(net, 1, 0, [segment], edit_manifest=lambda m: m.update(schema_version="0001"))

    report = exchange.import_bundle(province, path)

    assert report.status == "applied" and not report.rejections
    with province.engine.connect() as conn:
        status = conn.exec_driver_sql("SELECT status FROM invitees WHERE id=?", (invitee_id,)).scalar_one()
        stored = conn.exec_driver_sql("SELECT body FROM sync_segments WHERE origin=?", (commune.office_id(),)).all()
    assert status == RENAMED_VALUES[("invitees", "status")]["pending"] == "invited"
    # The segment is kept byte for byte, so relaying it to another office still verifies.
    assert any(bytes(body) == segment.body for (body,) in stored)
