"""A province and three communes through a year of simulated life (issue 15, "Done when").

The clocks step a week at a time. Every week each office types a little (new agencies and people, edits, some
deletions); the offices exchange through a sync folder; one commune loses its connection for months and keeps
working, edits a row the province deleted meanwhile, and comes back with a USB stick; the province reviews the
conflict that makes; tombstones are purged along the way once every office has acknowledged them, and a stick
found again in December brings nothing back. At the end every office holds the same rows with the same fields,
no deleted row is back, and no tombstone is left.

The lost stick shows nothing: its bundle is sealed to the province, and another commune cannot open it. One
commune rotates its signing key in the summer. Another loses its laptop in the autumn: the province revokes its
key, the thief's later changes are refused, and the commune is re-enrolled on a new laptop that gets everything
back.

The year is a timeline of small steps, each a function of the `Year` (offices, clocks, the folder, the stick, and
what the test remembers).
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from netutil import START_MS, Network, build_template, canonical_dump, conflict_set, province_on_server

from ptds_desktop.db.clock import DAY_MS, FakeClock, use_clock
from ptds_desktop.db.database import open_database
from ptds_desktop.models import Organization, Person
from ptds_desktop.models.base import synced_tables
from ptds_desktop.services import enrolment, key_rotation
from ptds_desktop.services.organizations import OrganizationInput, create_organization, delete_organization
from ptds_desktop.services.people import PersonInput, create_person, delete_person
from ptds_desktop.sync import bundle, conflicts, exchange, keyring, purge
from ptds_desktop.sync import status as sync_status
from ptds_desktop.sync.bundle import BundleError
from ptds_desktop.sync.folder import folder_sync
from ptds_desktop.sync.peers import identity
from ptds_desktop.sync.usb import usb_sync

WEEK_MS = 7 * DAY_MS
PROVINCE = 0
COMMUNES = (1, 2, 3)
AWAY = 3  # the commune whose connection is lost from spring to autumn
ROTATES = 1  # the commune that changes its signing key in the summer
LOSES_LAPTOP = 2  # the commune whose laptop is stolen in the autumn
THIEF = 4  # where the stolen laptop's database sits in the network's lists


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
    refused: set[str] = dataclasses.field(default_factory=set)  # ids only the stolen laptop ever held
    rotated_to: str | None = None  # the key the rotating commune signs with since the summer
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
    """The commune types a member's name, then writes a bundle for the province on the stick; the stick is copied
    and the copy lost."""
    with year.db(AWAY).unit_of_work() as session:
        org = create_organization(session, OrganizationInput(name=f"Đơn vị {year.typed()}")).id
        person = create_person(session, PersonInput(full_name="Nguyễn Thị Hồng Nhung", organization_id=org))
    year.rows[org], year.members[person.id] = AWAY, org
    usb_sync(year.db(AWAY), year.stick)
    assert list(year.stick.glob("*.ptds.zip"))
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
    for found in sorted(year.found_stick.glob("*.ptds.zip")):
        report = exchange.import_bundle(year.db(PROVINCE), found, backup=False)
        assert report.new_changes == 0
    assert canonical_dump(year.db(PROVINCE)) == before


def lost_stick_reveals_nothing(year: Year) -> None:
    """The lost copy holds a bundle sealed to the province: no name the commune typed can be read from it, and
    another commune that finds it is told whom it is for and applies nothing."""
    with year.db(AWAY).engine.connect() as conn:
        typed = [n for (n,) in conn.exec_driver_sql(
            "SELECT name FROM organizations UNION SELECT full_name FROM people")]
    (found,) = year.found_stick.glob("*.ptds.zip")
    assert bundle.read_seal(found) is not None
    raw = found.read_bytes()
    assert [n for n in typed if n.encode("utf-8") in raw] == []
    finder = year.db(ROTATES)
    before = canonical_dump(finder)
    with pytest.raises(BundleError, match="Bộ CHQS tỉnh Đắk Lắk"):
        exchange.import_bundle(finder, found, backup=False)
    assert canonical_dump(finder) == before


def commune_rotates_its_key(year: Year) -> None:
    year.rotated_to = key_rotation.rotate_key(year.db(ROTATES)).new_fingerprint


def rotation_is_accepted_everywhere(year: Year) -> None:
    """A few weeks on, every office checks the commune's bundles with its new key."""
    office = year.db(ROTATES).office_id()
    for other in (PROVINCE, *[c for c in COMMUNES if c not in (ROTATES, AWAY)]):
        db = year.db(other)
        with db.engine.connect() as conn:
            ring = keyring.build(conn, keyring.anchors_of(conn, db.office_id(), identity(db).public_key))
        assert identity(year.db(ROTATES)).fingerprint == year.rotated_to
        assert ring.current[office] == identity(year.db(ROTATES)).public_key


def laptop_is_stolen(year: Year) -> None:
    """The commune's laptop is stolen (its last bundle had reached the province). The province revokes its key
    and writes an enrolment file for a new laptop, opened with the code read out on the phone."""
    net = year.net
    old = year.db(LOSES_LAPTOP)
    key_rotation.revoke_key(year.db(PROVINCE), old.office_id())
    info = enrolment.make_reenrolment_file(year.db(PROVINCE), old.office_id(), net.folder / "new-laptop.enrol")
    clock = FakeClock(net.clocks[LOSES_LAPTOP].now_ms())
    laptop = open_database(net.folder / "new-laptop.db")
    use_clock(laptop, clock)
    enrolment.enrol(laptop, net.folder / "new-laptop.enrol", info.code)
    net.offices.append(old)  # the thief's: closed with the network
    net.clocks.append(net.clocks[LOSES_LAPTOP])
    net.offices[LOSES_LAPTOP], net.clocks[LOSES_LAPTOP] = laptop, clock


def thief_sends_changes(year: Year) -> None:
    """The thief adds an agency on the stolen laptop and sends it: the province refuses it and changes nothing."""
    thief = year.net.offices[THIEF]
    with thief.unit_of_work() as session:
        stolen = create_organization(session, OrganizationInput(name="Đơn vị kẻ lấy máy thêm")).id
    (result,) = exchange.export_bundles(thief, year.db(PROVINCE).office_id(), year.net.folder / "thief")
    before = canonical_dump(year.db(PROVINCE))
    with contextlib.suppress(BundleError):  # refused whole: as good as refusing its changes one by one
        exchange.import_bundle(year.db(PROVINCE), result.path, backup=False)
    assert canonical_dump(year.db(PROVINCE)) == before
    year.refused.add(stolen)


def new_laptop_caught_up(year: Year) -> None:
    """After a week of folder sync the new laptop holds everything the commune had made before the theft."""
    made_before = {r for r, office in year.rows.items() if office == LOSES_LAPTOP}
    assert _present(year.db(LOSES_LAPTOP), made_before) == made_before - _purged_ids(year.db(PROVINCE))


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
    12: [away_writes_to_the_stick, lost_stick_reveals_nothing, lose_connection],
    14: [province_deletes_a_row_the_away_commune_edits],
    20: [tombstones_wait_for_the_away_commune],
    24: [commune_rotates_its_key],
    27: [rotation_is_accepted_everywhere],
    34: [come_back_by_usb, province_reviews_conflicts],
    40: [laptop_is_stolen, thief_sends_changes],
    41: [new_laptop_caught_up],
    50: [found_stick_is_imported],
}
WEEKS = 52


# --- checks ----------------------------------------------------------------------------------------------------

def _purged_ids(db) -> set[str]:
    with db.engine.connect() as conn:
        return {r for (r,) in conn.exec_driver_sql("SELECT row_id FROM sync_purged")}


def _tombstones(db) -> int:
    with db.engine.connect() as conn:
        return sum(conn.exec_driver_sql(f"SELECT count(*) FROM {t.name} WHERE deleted=1").scalar_one()
                   for t in synced_tables())


def _present(db, ids: set[str]) -> set[str]:
    with db.engine.connect() as conn:
        return {r for t in ("organizations", "people") for (r,) in conn.exec_driver_sql(f"SELECT id FROM {t}")
                if r in ids}


def test_a_year_of_life_ends_with_every_office_identical_and_no_tombstone_left(three_communes, tmp_path, engine,
                                                                              request):
    server_province = None
    if engine == "postgresql":  # the province on the office's server, the communes on their laptops
        url = request.getfixturevalue("pg_head_url")
        province_on_server(three_communes / "p.db", url)

        def server_province() -> str:
            return url
    net = Network(three_communes, 1 + len(COMMUNES), server_province)
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
            assert _present(db, year.refused) == set(), "the thief's change arrived"
            assert _purged_ids(db) >= year.deleted
            assert _tombstones(db) == 0
        with offices[0].engine.connect() as conn:  # the away commune's work of the summer arrived
            notes = {n for (n,) in conn.exec_driver_sql("SELECT notes FROM organizations WHERE notes IS NOT NULL")}
        assert len(dumps[0]["organizations"]) > 100 and any(n.startswith("ghi chú") for n in notes)
    finally:
        net.close()
