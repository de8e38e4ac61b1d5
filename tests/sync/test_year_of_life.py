"""A province and three communes through a year of simulated life (issue 15, "Done when").

The clocks step a week at a time. Every week each office types a little (new agencies and people, edits, some
deletions); the offices exchange through a sync folder; one commune loses its connection for months and keeps
working, edits a row the province deleted meanwhile, and comes back with a USB stick; the province reviews the
conflict that makes; tombstones are purged along the way once every office has acknowledged them, and a stick
found again in December brings nothing back. At the end every office holds the same rows with the same fields,
no deleted row is back, and no tombstone is left.

The year is a timeline of small steps, each a function of the `Year` (offices, clocks, the folder, the stick, and
what the test remembers). The steps for a lost stick (sealed bundles), a lost laptop (revocation and
re-enrolment) and a key rotation join `TIMELINE` as functions of the same shape when those features are merged.
"""

from __future__ import annotations

import dataclasses
import itertools
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from netutil import START_MS, Network, build_template, canonical_dump, conflict_set

from ptds_desktop.db.clock import DAY_MS
from ptds_desktop.models import Organization, Person
from ptds_desktop.models.base import synced_tables
from ptds_desktop.services.organizations import OrganizationInput, create_organization, delete_organization
from ptds_desktop.services.people import PersonInput, create_person, delete_person
from ptds_desktop.sync import conflicts, exchange, purge
from ptds_desktop.sync import status as sync_status
from ptds_desktop.sync.folder import folder_sync
from ptds_desktop.sync.usb import usb_sync

WEEK_MS = 7 * DAY_MS
PROVINCE = 0
COMMUNES = (1, 2, 3)
AWAY = 3  # the commune whose connection is lost from spring to autumn


@pytest.fixture(scope="module")
def three_communes(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("year")
    build_template(folder, communes=len(COMMUNES))
    return folder


@dataclasses.dataclass
class Year:
    net: Network
    share: Path  # the sync folder every connected office uses
    stick: Path  # the USB stick carried between the away commune and the province
    found_stick: Path  # a copy of the stick, lost in the spring and found in December
    week: int = 0
    online: set[int] = dataclasses.field(default_factory=lambda: {PROVINCE, *COMMUNES})
    rows: dict[str, int] = dataclasses.field(default_factory=dict)  # organization id -> the office that made it
    members: dict[str, str] = dataclasses.field(default_factory=dict)  # person id -> organization id
    deleted: set[str] = dataclasses.field(default_factory=set)  # ids of every row deleted during the year
    contested: str | None = None  # the row the province deleted while the away commune was editing it
    purged_midyear: int = 0
    counter: itertools.count = dataclasses.field(default_factory=itertools.count)

    def typed(self) -> str:
        return f"v{next(self.counter)}"

    def db(self, office: int):
        return self.net.offices[office]

    def live(self, office: int, owner: int) -> list[str]:
        """Organizations `owner` made that `office` holds, not deleted."""
        with self.db(office).engine.connect() as conn:
            return [r for r in self.rows if self.rows[r] == owner and conn.exec_driver_sql(
                "SELECT 1 FROM organizations WHERE id=? AND deleted=0", (r,)).fetchone()]


# --- steps -----------------------------------------------------------------------------------------------------

def next_week(year: Year) -> None:
    year.week += 1
    for i, clock in enumerate(year.net.clocks):
        clock.set(START_MS + year.week * WEEK_MS + i * 1000)  # a second apart: stamps never tie by accident


def office_work(year: Year) -> None:
    """Every office types a little, connected or not: an agency, every other week a person in it, an edit."""
    for office in (PROVINCE, *COMMUNES):
        db = year.db(office)
        with db.unit_of_work() as session:
            org = create_organization(session, OrganizationInput(name=f"Đơn vị {year.typed()}")).id
            year.rows[org] = office
            if year.week % 2:
                person = create_person(session, PersonInput(full_name=f"Cán bộ {year.typed()}", organization_id=org))
                year.members[person.id] = org
        mine = [r for r in year.live(office, office) if r != org]
        if mine:
            with db.unit_of_work() as session:
                session.get(Organization, mine[len(mine) // 2]).notes = f"ghi chú {year.typed()}"


def delete_oldest(year: Year, office: int) -> None:
    """The office deletes its oldest agency still there, and the people in it first."""
    mine = year.live(office, office)
    if not mine:
        return
    org = mine[0]
    with year.db(office).unit_of_work() as session:
        for person, where in year.members.items():
            if where == org and not session.get(Person, person).deleted:
                delete_person(session, person)
                year.deleted.add(person)
        delete_organization(session, org)
    year.deleted.add(org)


def deletions(year: Year) -> None:
    for office in (PROVINCE, *COMMUNES):
        delete_oldest(year, office)


def folder_round(year: Year) -> None:
    """Communes, then the province, then the communes again, each on the sync folder if connected."""
    for office in [*COMMUNES, PROVINCE, *COMMUNES]:
        if office in year.online:
            report = folder_sync(year.db(office), year.share)
            assert not report.errors, report.errors


def lose_connection(year: Year) -> None:
    year.online.discard(AWAY)


def province_deletes_a_row_the_away_commune_edits(year: Year) -> None:
    """The province deletes one of the away commune's agencies; unaware, the commune edits it."""
    *_older, row = [r for r in year.live(PROVINCE, AWAY) if r not in year.members.values()]  # newest: the
    # commune deletes its oldest ones meanwhile
    with year.db(PROVINCE).unit_of_work() as session:
        delete_organization(session, row)
    with year.db(AWAY).unit_of_work() as session:
        session.get(Organization, row).notes = "xã sửa khi không có mạng"
    year.deleted.add(row)
    year.contested = row


def away_writes_to_the_stick(year: Year) -> None:
    """A bundle for the province written on the stick; the stick is copied and the copy lost."""
    usb_sync(year.db(AWAY), year.stick)
    shutil.copytree(year.stick, year.found_stick, dirs_exist_ok=True)
    for old in year.stick.glob("*.ptds.zip"):  # this stick never reaches the province: it is overwritten later
        old.unlink()


def tombstones_wait_for_the_away_commune(year: Year) -> None:
    """While the commune is away nothing it holds is purged, and the province is told since when it lacks news."""
    plan = purge.purge(year.db(PROVINCE), dry_run=True)
    assert plan.kept and not plan.purgeable
    assert all("UBND xã 3" in (t.kept_because or "") for t in plan.kept if t.row_id in year.rows)
    (note,) = [n for n in sync_status.status(year.db(PROVINCE), 14).follow_up if n.office_id == year.db(AWAY)
               .office_id()]
    assert note.warning is not None and "UBND xã 3" in note.warning and "cũ nhất từ" in note.warning
    assert note.waiting_since is not None


def come_back_by_usb(year: Year) -> None:
    """The stick goes to the province and back; the commune is connected again."""
    usb_sync(year.db(AWAY), year.stick)
    usb_sync(year.db(PROVINCE), year.stick)
    usb_sync(year.db(AWAY), year.stick)
    year.online.add(AWAY)


def province_reviews_conflicts(year: Year) -> None:
    """The commune's edit of the deleted row is a conflict; the province keeps the deletion."""
    found = conflicts.list_conflicts(year.db(PROVINCE))
    assert {(c.kind, c.row_id) for c in found} == {("delete", year.contested)}
    for conflict in found:
        conflicts.dismiss_conflict(year.db(PROVINCE), conflict.id)


def tombstones_were_purged(year: Year) -> None:
    """Mid-year, with everyone connected, tombstones acknowledged everywhere are gone from every office."""
    counts = [_purged_ids(year.db(o)) for o in (PROVINCE, *COMMUNES)]
    assert counts[0] and all(c == counts[0] for c in counts)
    year.purged_midyear = len(counts[0])


def found_stick_is_imported(year: Year) -> None:
    """December: the lost copy of the stick turns up and is imported at the province: nothing comes back."""
    before = canonical_dump(year.db(PROVINCE))
    for bundle in sorted(year.found_stick.glob("*.ptds.zip")):
        report = exchange.import_bundle(year.db(PROVINCE), bundle, backup=False)
        assert report.new_changes == 0
    assert canonical_dump(year.db(PROVINCE)) == before


def settle(year: Year) -> None:
    """Folder rounds until a round brings nothing new (purge markers made in one round travel in the next)."""
    for _round in range(6):
        before = [canonical_dump(year.db(o)) for o in (PROVINCE, *COMMUNES)]
        folder_round(year)
        if before == [canonical_dump(year.db(o)) for o in (PROVINCE, *COMMUNES)]:
            return
    raise AssertionError("the offices kept changing")


def ordinary_week(year: Year) -> None:
    next_week(year)
    office_work(year)
    if year.week % 3 == 0:
        deletions(year)
    folder_round(year)


# Week -> what happens that week besides the ordinary week (steps run in this order).
TIMELINE: dict[int, list[Callable[[Year], None]]] = {
    10: [tombstones_were_purged],
    12: [away_writes_to_the_stick, lose_connection],
    14: [province_deletes_a_row_the_away_commune_edits],
    20: [tombstones_wait_for_the_away_commune],
    34: [come_back_by_usb, province_reviews_conflicts],
    50: [found_stick_is_imported],
}
WEEKS = 52


# --- checks ----------------------------------------------------------------------------------------------------

def _purged_ids(db) -> set[str]:
    with sqlite3.connect(db.path) as conn:
        return {r for (r,) in conn.execute("SELECT row_id FROM sync_purged")}


def _tombstones(db) -> int:
    with sqlite3.connect(db.path) as conn:
        return sum(conn.execute(f"SELECT count(*) FROM {t.name} WHERE deleted=1").fetchone()[0]
                   for t in synced_tables())


def _present(db, ids: set[str]) -> set[str]:
    with sqlite3.connect(db.path) as conn:
        return {r for t in ("organizations", "people") for (r,) in conn.execute(f"SELECT id FROM {t}") if r in ids}


def test_a_year_of_life_ends_with_every_office_identical_and_no_tombstone_left(three_communes, tmp_path):
    net = Network(three_communes, 1 + len(COMMUNES))
    year = Year(net, tmp_path / "share", tmp_path / "stick", tmp_path / "found")
    for folder in (year.share, year.stick, year.found_stick):
        folder.mkdir()
    try:
        for _week in range(WEEKS):
            ordinary_week(year)
            for step in TIMELINE.get(year.week, []):
                step(year)
        settle(year)
        offices = [year.db(o) for o in (PROVINCE, *COMMUNES)]
        dumps = [canonical_dump(db) for db in offices]
        assert all(d == dumps[0] for d in dumps), "an office differs from the province"
        assert all(conflict_set(db) == set() for db in offices)
        assert len(year.deleted) > 40 and year.purged_midyear > 0
        for db in offices:
            assert _present(db, year.deleted) == set(), "a deleted row is back"
            assert _purged_ids(db) >= year.deleted
            assert _tombstones(db) == 0
        with sqlite3.connect(offices[0].path) as conn:  # the away commune's work of the summer arrived
            notes = {n for (n,) in conn.execute("SELECT notes FROM organizations WHERE notes IS NOT NULL")}
        assert len(dumps[0]["organizations"]) > 100 and any(n.startswith("ghi chú") for n in notes)
    finally:
        net.close()
