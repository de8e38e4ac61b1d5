"""Data at the scale of a province (`ptds demo --scale province`, benchmarks/generate.py): a provincial board and
about a hundred commune boards, plans whose tasks every commune reports on, conferences of hundreds of invitees.

Names, agencies, tasks and wording come from the catalogue and samples in data/ (plus data/province-scale.json
for people's and communes' names), chosen by a seeded generator so one seed always gives the same data. Rows are
written with one bulk insert per table (db.capture.bulk_insert: NFC, sync metadata and change capture as a flush
would do), and plans through `plans.create_plan_with_matrix`, so everything generated syncs like typed data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ptds_desktop.config import DATA_DIR
from ptds_desktop.datafile import load_demo, read_document
from ptds_desktop.db.capture import bulk_insert
from ptds_desktop.db.database import Database
from ptds_desktop.db.session import office_of
from ptds_desktop.errors import PtdsError
from ptds_desktop.models import (
    BoardMembership,
    CommandBoard,
    Decision,
    Invitee,
    Office,
    Organization,
    ParticipantGroup,
    Person,
    Plan,
    ProgressReport,
    Task,
    TaskAssignment,
    Venue,
)
from ptds_desktop.services import conferences, plans
from ptds_desktop.services.references import Reference

NAMES_FILE = DATA_DIR / "province-scale.json"
SAMPLE_PLANS = ("resolution-22-plan.json", "thai-nguyen-04-ctr-ubnd-2024.json")
DEFAULT_SEED = 13
_CHUNK = 10_000  # rows per bulk insert: bounded memory for the 100,000 reports


@dataclasses.dataclass(frozen=True)
class Scale:
    communes: int = 102
    members_per_board: int = 15
    plans: int = 20
    tasks_per_plan: int = 60
    sections_per_plan: int = 6
    commune_task_share: float = 0.82  # share of tasks assigned to every commune (each commune reports on them)
    conferences: int = 30
    invitees_per_conference: int = 300


PROVINCE = Scale()


@dataclasses.dataclass(frozen=True)
class GeneratedCounts:
    offices: int
    boards: int
    memberships: int
    plans: int
    tasks: int
    assignments: int
    reports: int
    conferences: int
    invitees: int


@dataclasses.dataclass(frozen=True)
class _Commune:
    office_id: str
    name: str  # "xã Hòa Phú"
    committee_id: str  # its People's Committee (reporting organization)
    people: tuple[str, ...]  # board members' person ids, by role


class _Ids:
    """uuid4-shaped ids drawn from the seed, so one seed gives the same rows and the same ids."""

    def __init__(self, rng: random.Random):
        self._rng = rng

    def __call__(self) -> str:
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))


def _pools() -> dict[str, Any]:
    pools: dict[str, Any] = json.loads(NAMES_FILE.read_text(encoding="utf-8"))
    sections: list[str] = []
    tasks: list[dict[str, Any]] = []
    for name in SAMPLE_PLANS:
        doc = read_document(DATA_DIR / "samples" / name)
        sections += [row.values["title"] for row in doc.tables.get("plan_sections", [])]
        tasks += [row.values for row in doc.tables.get("tasks", [])]
    pools["section_titles"] = sections
    pools["tasks"] = tasks
    return pools


def commune_names(pools: dict[str, Any], count: int) -> list[str]:
    names = [f"{stem}{suffix}" for suffix in pools["commune_suffixes"] for stem in pools["commune_names"]]
    if count > len(names):
        raise PtdsError(f"Chỉ sinh được tối đa {len(names)} xã (yêu cầu {count}).")
    return names[:count]


def _person_name(rng: random.Random, pools: dict[str, Any]) -> str:
    return f"{rng.choice(pools['family_names'])} {rng.choice(pools['middle_names'])} {rng.choice(pools['given_names'])}"


def _phone(rng: random.Random) -> str:
    return f"+849{rng.randrange(10_000_000, 99_999_999)}"


def _roster_rows(
    rng: random.Random, ids: _Ids, pools: dict[str, Any], board_id: str, decision_id: str | None, start: dt.date,
    posts: Sequence[tuple[str, str, str, str | None]], owner: str,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """People and memberships of one board: (role, position, responsibility, organization id) per seat."""
    people, members = [], []
    for order, (role, position, responsibility, organization_id) in enumerate(posts, start=1):
        person_id = ids()
        people.append({"id": person_id, "full_name": _person_name(rng, pools), "title": position,
                       "organization_id": organization_id, "phone": _phone(rng),
                       "created_by": owner, "owner_office_id": owner})
        members.append({"id": ids(), "board_id": board_id, "person_id": person_id, "role": role,
                        "position_text": position, "organization_id": organization_id,
                        "responsibility": responsibility, "sort_order": order, "start_decision_id": decision_id,
                        "start_date": start, "created_by": owner, "owner_office_id": owner})
    return people, members


def _insert(session: Session, model: Any, rows: list[dict[str, Any]]) -> int:
    for start in range(0, len(rows), _CHUNK):
        bulk_insert(session, model, rows[start : start + _CHUNK])
    return len(rows)


def _catalogue(session: Session) -> list[tuple[str, str, str]]:
    """(id, name, kind) of the catalogue's live organizations, in a stable order."""
    rows = session.execute(
        select(Organization.id, Organization.name, Organization.kind)
        .where(Organization.deleted.is_(False), Organization.parent_id.is_(None))
        .order_by(Organization.name, Organization.id)
    )
    return [(r[0], r[1], r[2]) for r in rows]


def _communes(session: Session, rng: random.Random, ids: _Ids, pools: dict[str, Any], scale: Scale,
              province_id: str) -> list[_Commune]:
    offices, orgs, boards, decisions, people, members = [], [], [], [], [], []
    communes = []
    posts = pools["member_posts"]
    for index, place in enumerate(commune_names(pools, scale.communes)):
        office_id, committee_id, military_id, board_id, decision_id = ids(), ids(), ids(), ids(), ids()
        # An office row is owned by the office itself, as enrolment makes it; its board is the commune's own data.
        offices.append({"id": office_id, "name": f"UBND xã {place}", "level": "commune", "parent_id": province_id,
                        "place_name": place, "created_by": province_id, "owner_office_id": office_id})
        orgs += [
            {"id": committee_id, "name": f"Ủy ban nhân dân xã {place}", "short_name": f"UBND xã {place}",
             "kind": "people_committee"},
            {"id": military_id, "name": f"Ban Chỉ huy quân sự xã {place}", "short_name": f"Ban CHQS xã {place}",
             "kind": "military", "parent_id": committee_id},
        ]
        start = dt.date(2025, 7, 1) + dt.timedelta(days=rng.randrange(0, 60))
        boards.append({"id": board_id, "name": f"Ban Chỉ huy Phòng thủ dân sự xã {place}", "unit_name": f"xã {place}",
                       "level": "commune", "office_id": office_id, "people_committee_id": committee_id,
                       "standing_agency_id": military_id, "created_by": office_id, "owner_office_id": office_id})
        decisions.append({"id": decision_id, "board_id": board_id, "kind": "establish",
                          "number_symbol": f"{100 + index:03d}/QĐ-UBND", "issued_on": start,
                          "issuer_org_id": committee_id, "issued_by": "Chủ tịch UBND xã",
                          "summary": f"Về việc thành lập Ban Chỉ huy Phòng thủ dân sự xã {place}",
                          "created_by": office_id, "owner_office_id": office_id})
        seats = [(role, position, duty, military_id if "CHQS" in position else committee_id)
                 for role, position, duty in (posts[i % len(posts)] for i in range(scale.members_per_board))]
        board_people, board_members = _roster_rows(rng, ids, pools, board_id, decision_id, start, seats, office_id)
        people += board_people
        members += board_members
        communes.append(_Commune(office_id, f"xã {place}", committee_id, tuple(p["id"] for p in board_people)))
    _insert(session, Office, offices)
    _insert(session, Organization, orgs)
    _insert(session, CommandBoard, boards)
    _insert(session, Decision, decisions)
    _insert(session, Person, people)
    _insert(session, BoardMembership, members)
    return communes


def _province_board(session: Session, rng: random.Random, ids: _Ids, pools: dict[str, Any], scale: Scale,
                    catalogue: list[tuple[str, str, str]]) -> tuple[str, list[str]]:
    """The sample provincial board, topped up with department heads to the board size; (board id, person ids)."""
    board = session.scalars(
        select(CommandBoard).where(CommandBoard.level == "province", CommandBoard.deleted.is_(False))
        .order_by(CommandBoard.name)
    ).first()
    if board is None:
        raise PtdsError("Chưa có Ban Chỉ huy cấp tỉnh; hãy nạp dữ liệu mẫu trước.")
    present = session.scalar(select(func.count()).select_from(BoardMembership).where(
        BoardMembership.board_id == board.id, BoardMembership.deleted.is_(False))) or 0
    decision_id = session.scalar(select(Decision.id).where(Decision.board_id == board.id).order_by(Decision.issued_on))
    departments = [c for c in catalogue if c[2] in ("department", "police", "military", "front")]
    seats = []
    for i in range(max(0, scale.members_per_board - present)):
        role, position, duty = pools["province_posts"][i % len(pools["province_posts"])]
        org_id, org_name, _kind = departments[i % len(departments)]
        seats.append((role, f"{position} {org_name}", duty, org_id))
    people, members = _roster_rows(rng, ids, pools, board.id, decision_id, dt.date(2025, 10, 9), seats,
                                   office_of(session))
    for order, row in enumerate(members, start=present + 1):
        row["sort_order"] = order
    _insert(session, Person, people)
    _insert(session, BoardMembership, members)
    return board.id, [p["id"] for p in people]


def _plans(session: Session, rng: random.Random, pools: dict[str, Any], scale: Scale,
           catalogue: list[tuple[str, str, str]], communes: list[_Commune]) -> list[str]:
    committee = next((c[0] for c in catalogue if c[2] == "people_committee"), None)
    agencies = [c[0] for c in catalogue if c[2] not in ("group", "people_committee")]
    groups = [c[0] for c in catalogue if c[2] == "group"]
    commune_offices = tuple(c.office_id for c in communes)
    plan_ids = []
    per_section = max(1, scale.tasks_per_plan // scale.sections_per_plan)
    for p in range(scale.plans):
        year = 2025 + p % 2
        sections = []
        for k in range(scale.sections_per_plan):
            tasks = []
            for i in range(per_section):
                sample = rng.choice(pools["tasks"])
                coordinating = [Reference(organization_id=rng.choice(agencies))]
                if groups and rng.random() < 0.5:
                    coordinating.append(Reference(organization_id=rng.choice(groups)))
                tasks.append(plans.TaskInput(
                    content=sample["content"], code=f"{k + 1}.{i + 1}", timeframe_text=sample.get("timeframe_text"),
                    deliverable=sample.get("deliverable"),
                    agencies={"lead": [Reference(organization_id=rng.choice(agencies))], "coordinating": coordinating},
                    assigned_office_ids=commune_offices if rng.random() < scale.commune_task_share else (),
                ))
            roman = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")[k % 12]
            sections.append(plans.SectionInput(roman, rng.choice(pools["section_titles"]).upper(), tuple(tasks)))
        data = plans.PlanInput(
            title=pools["plan_titles"][p % len(pools["plan_titles"])].format(year=year),
            number_symbol=f"{p + 1:02d}/KH-BCH", issued_on=dt.date(year - 1, 12, 1) + dt.timedelta(days=p),
            place_name="Đắk Lắk", issuer_org_id=committee, matrix_roles=("lead", "coordinating"),
        )
        plan_ids.append(plans.create_plan_with_matrix(session, data, sections).id)
    return plan_ids


def _reports(session: Session, rng: random.Random, ids: _Ids, pools: dict[str, Any], plan_ids: list[str],
             communes: list[_Commune]) -> int:
    """One report from each commune on each task assigned to it, owned by that commune as if it came by bundle."""
    by_office = {c.office_id: c for c in communes}
    assigned = session.execute(
        select(TaskAssignment.task_id, TaskAssignment.office_id)
        .join(Task, Task.id == TaskAssignment.task_id)
        .join(Plan, Plan.id == Task.plan_id)
        .where(Task.plan_id.in_(plan_ids), TaskAssignment.deleted.is_(False))
        .order_by(Plan.number_symbol, Task.code, TaskAssignment.office_id)  # plan and task ids are random
    ).all()
    statuses = ("not_started", "in_progress", "in_progress", "done", "done", "blocked")
    rows: list[dict[str, Any]] = []
    written = 0
    for task_id, office_id in assigned:
        commune = by_office.get(office_id)
        if commune is None:
            continue
        status = rng.choice(statuses)
        percent = {"not_started": 0, "done": 100}.get(status, rng.randrange(10, 95, 5))
        rows.append({"id": ids(), "task_id": task_id, "organization_id": commune.committee_id,
                     "reported_on": dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(0, 330)),
                     "status": status, "percent": percent,
                     "text": rng.choice(pools["report_texts"]) if rng.random() < 0.4 else None,
                     "created_by": office_id, "owner_office_id": office_id})
        if len(rows) == _CHUNK:
            written += _insert(session, ProgressReport, rows)
            rows = []
    return written + _insert(session, ProgressReport, rows)


def _conferences(session: Session, rng: random.Random, ids: _Ids, pools: dict[str, Any], scale: Scale,
                 board_id: str, province_people: list[str], catalogue: list[tuple[str, str, str]],
                 communes: list[_Commune]) -> int:
    main_guests = [Reference(organization_id=c[0]) for c in catalogue if c[2] != "group"]
    main_guests += [Reference(person_id=p) for p in province_people]
    invitees = 0
    for n in range(scale.conferences):
        year = 2025 + n % 2
        period = f"{('6 tháng đầu năm', 'năm')[n % 2]} {year} (lần {n + 1})"
        conference = conferences.create_conference(session, conferences.ConferenceInput(
            title=pools["conference_titles"][n % len(pools["conference_titles"])].format(period=period),
            board_id=board_id, number_symbol=f"{n + 1:02d}/KH-BCH", place_name="Đắk Lắk",
            issued_on=dt.date(year, 1, 5) + dt.timedelta(days=7 * n),
            starts_at=dt.datetime(year, 1, 20, 8, 0) + dt.timedelta(days=7 * n), duration_text="01 buổi",
            format="hybrid", format_text="Trực tiếp tại trụ sở UBND tỉnh kết hợp trực tuyến đến UBND các xã",
        ))
        main_id = ids()
        venues = [{"id": main_id, "conference_id": conference.id, "kind": "main", "name": "Hội trường UBND tỉnh",
                   "sort_order": 1}]
        venues += [{"id": ids(), "conference_id": conference.id, "kind": "bridge", "name": f"Trụ sở UBND {c.name}",
                    "host_org_id": c.committee_id, "sort_order": i} for i, c in enumerate(communes, start=2)]
        main_group, bridge_group = ids(), ids()
        groups = [
            {"id": main_group, "conference_id": conference.id, "venue_id": main_id,
             "name": "Tại điểm cầu UBND tỉnh", "sort_order": 1},
            {"id": bridge_group, "conference_id": conference.id, "name": "Tại điểm cầu các xã", "sort_order": 2},
        ]
        rows: list[dict[str, Any]] = [{"conference_id": conference.id, "group_id": main_group, "venue_id": main_id,
                 "person_id": ref.person_id, "organization_id": ref.organization_id, "mode": "invited",
                 "status": rng.choice(("invited", "confirmed", "declined"))} for ref in main_guests]
        # Commune seats by rank: every commune's chair first, then every deputy, … until the list is full.
        for rank in range(scale.members_per_board):
            for commune, venue in zip(communes, venues[1:]):
                if len(rows) >= scale.invitees_per_conference:
                    break
                rows.append({"conference_id": conference.id, "group_id": bridge_group, "venue_id": venue["id"],
                             "person_id": commune.people[rank], "mode": "invited",
                             "status": rng.choice(("invited", "confirmed", "attended"))})
        rows = rows[: scale.invitees_per_conference]
        for order, row in enumerate(rows, start=1):
            row["id"] = ids()
            row["sort_order"] = order
        _insert(session, Venue, venues)
        _insert(session, ParticipantGroup, groups)
        invitees += _insert(session, Invitee, rows)
    return invitees


def generate_province(db: Database, scale: Scale = PROVINCE, seed: int = DEFAULT_SEED,
                      step: Callable[[str], None] | None = None) -> GeneratedCounts:
    """Add province-scale data to this (provincial) office's database, over the catalogue and samples.
    One transaction; refused when communes were already generated, so it is never added twice."""
    office_id = db.office_id()
    if office_id is None:
        raise PtdsError("Cơ sở dữ liệu chưa là văn phòng nào; không sinh được dữ liệu.")
    say = step or (lambda _text: None)
    say("Danh mục cơ quan và dữ liệu mẫu")
    load_demo(db)
    rng = random.Random(seed)
    ids = _Ids(random.Random(seed + 1))
    pools = _pools()
    with db.unit_of_work() as session:
        if session.scalar(select(func.count()).select_from(Office).where(Office.parent_id == office_id)):
            raise PtdsError("Cơ sở dữ liệu đã có văn phòng cấp dưới; không sinh thêm dữ liệu quy mô tỉnh.")
        catalogue = _catalogue(session)
        say("Ban Chỉ huy tỉnh và các xã")
        board_id, province_people = _province_board(session, rng, ids, pools, scale, catalogue)
        communes = _communes(session, rng, ids, pools, scale, office_id)
        say("Kế hoạch và nhiệm vụ")
        plan_ids = _plans(session, rng, pools, scale, catalogue, communes)
        say("Báo cáo tiến độ")
        reports = _reports(session, rng, ids, pools, plan_ids, communes)
        say("Hội nghị và khách mời")
        invitees = _conferences(session, rng, ids, pools, scale, board_id, province_people, catalogue, communes)
        tasks = session.scalar(select(func.count()).select_from(Task).where(Task.plan_id.in_(plan_ids))) or 0
        assignments = session.scalar(select(func.count()).select_from(TaskAssignment).join(Task).where(
            Task.plan_id.in_(plan_ids))) or 0
    return GeneratedCounts(
        offices=len(communes), boards=len(communes) + 1,
        memberships=len(communes) * scale.members_per_board + len(province_people), plans=len(plan_ids),
        tasks=tasks, assignments=assignments, reports=reports, conferences=scale.conferences, invitees=invitees,
    )
