"""A bulk insert (imports) records exactly the changes a flush of the same new rows records: what syncs does not
depend on how a row was written."""

from sqlalchemy import text

from ptds_desktop.db.capture import bulk_insert, last_seq
from ptds_desktop.models import Organization


def _changes_after(db, seq, upto=None):
    with db.unit_of_work() as s:
        rows = s.execute(text("SELECT tbl, row_id, field, value, base_hlc, base_origin FROM sync_outbox "
                              "WHERE seq > :seq AND seq <= :upto ORDER BY seq"),
                         {"seq": seq, "upto": upto or 2**62}).all()
    return [(tbl, field, value, base, origin) for tbl, _row, field, value, base, origin in rows], {r[1] for r in rows}


def test_bulk_insert_records_what_a_flush_records(db):
    values = {"name": "Sở Thử nghiệm tỉnh Đắk Lắk", "short_name": "Sở Thử nghiệm", "kind": "police",
              "phone": None, "notes": "Dòng một\nDòng “hai”"}
    with db.unit_of_work() as s:
        before_flush = last_seq(s.connection())
        s.add(Organization(**values))
    with db.unit_of_work() as s:
        before_bulk = last_seq(s.connection())
        [bulk_id] = bulk_insert(s, Organization, [values])
    flushed, flushed_ids = _changes_after(db, before_flush, before_bulk)
    bulk, bulk_ids = _changes_after(db, before_bulk)
    assert bulk_ids == {bulk_id} and len(flushed_ids) == 1
    assert sorted(bulk) == sorted(flushed)
    assert ("organizations", "name", '"Sở Thử nghiệm tỉnh Đắk Lắk"', 0, "") in bulk
    assert ("organizations", "notes", '"Dòng một\\nDòng “hai”"', 0, "") in bulk


def test_bulk_insert_of_many_rows_records_each_row_as_its_own_flush_does(db):
    """Each row's changes, numbered one after another in field order, with the values a flush of that row records."""
    many = [{"name": f"Cơ quan “{i}”", "kind": "police" if i % 2 else "other", "phone": None if i % 3 else f"0{i}",
             "notes": f"Dòng {i}\n\\ hết"} for i in range(5)]
    flushed = {}
    for values in many:
        with db.unit_of_work() as s:
            before = last_seq(s.connection())
            s.add(Organization(**values))
        changes, _ids = _changes_after(db, before)
        flushed[values["name"]] = sorted(changes)
    with db.unit_of_work() as s:
        before_bulk = last_seq(s.connection())
        ids = bulk_insert(s, Organization, many)
    with db.unit_of_work() as s:
        rows = s.execute(text("SELECT row_id, field FROM sync_outbox WHERE seq > :seq ORDER BY seq"),
                         {"seq": before_bulk}).all()
    fields = [field for _row, field in rows[: len(rows) // len(many)]]
    assert [r for r, _f in rows] == [i for i in ids for _field in fields]  # row after row
    assert [f for _r, f in rows] == fields * len(many)  # each in the same field order
    for values, row_id in zip(many, ids):
        with db.unit_of_work() as s:
            mine = s.execute(text("SELECT tbl, field, value, base_hlc, base_origin FROM sync_outbox "
                                  "WHERE seq > :seq AND row_id = :id"), {"seq": before_bulk, "id": row_id}).all()
        assert sorted(tuple(r) for r in mine) == flushed[values["name"]]
