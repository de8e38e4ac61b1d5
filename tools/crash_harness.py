"""Crash-safety harness: SIGKILL the program at random moments while it writes, and prove nothing is lost.

    .venv/bin/python tools/crash_harness.py --kills 100 [--seed N] [--keep DIR] [--json]

Five workloads take turns, each in a child process killed with SIGKILL (no clean-up, as a power cut):
  writes     a stream of small transactions (two organizations each) through the services;
  bundle     importing a signed sync bundle of a few hundred changes from a commune office;
  data       importing a JSON data file of a few hundred organizations (`ptds data import`);
  xlsx       importing an Excel task matrix of a few hundred tasks as a new plan (`ptds tasks import-xlsx`,
             imports/task_matrix.py, which backs the database up first);
  migrate    opening a database of the previous schema with data, which backs it up and runs a following
             Alembic revision that rebuilds the organizations table (as tests/test_migrations.py does).
The child appends a line to a journal and fsyncs it after each commit it was told succeeded. After each
kill the parent opens the database as the app does and checks: it opens, `PRAGMA integrity_check` says ok,
every transaction in the journal is there, and nothing is half applied (both organizations of a write or
neither; a whole bundle with its receipt or none of what it brought; a whole data file or none of it; a
whole plan with all its tasks or none of them; the
migration done with every row, or not started). Each kill lands at a uniformly random moment within the
workload's measured duration. Exit status 0 when every check passed; the figures are printed at the end.
tests/test_crash_safety.py runs it with --kills 10.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORKLOADS = ("writes", "bundle", "data", "xlsx", "migrate")
BUNDLE_ROWS = 300  # organizations a commune adds between two bundles
DATA_ROWS = 400  # organizations in each data file
XLSX_TASKS = 400  # tasks in each Excel task matrix
MIGRATION_ROWS = 3000  # organizations in the database being migrated
STARTED = "START"
NEXT_REVISION = textwrap.dedent(
    '''
    from alembic import op
    import sqlalchemy as sa

    revision = "9000_crash_test"
    down_revision = "{head}"
    branch_labels = None
    depends_on = None


    def upgrade():
        with op.batch_alter_table("organizations", recreate="always") as batch:
            batch.add_column(sa.Column("website", sa.String(200), nullable=True))


    def downgrade():
        with op.batch_alter_table("organizations") as batch:
            batch.drop_column("website")
    '''
)


# ------------------------------------------------------------------------------------------------ child


def _journal(path: Path, line: str) -> None:
    """Record a reported commit durably before going on (the parent trusts only what is on disk)."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(line + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def child(workload: str, db_path: Path, journal: Path, extra: str) -> None:
    from ptds_desktop.db import database

    if workload == "migrate":
        database.MIGRATIONS = Path(extra)
    _journal(journal, STARTED)
    if workload == "xlsx":  # the command a user types, end to end
        from ptds_desktop.cli import main as ptds

        matrix = Path(extra)
        if ptds(["--db", str(db_path), "tasks", "import-xlsx", str(matrix), "--plan-title", plan_title(matrix)]) == 0:
            _journal(journal, "xlsx")
        return
    if workload == "migrate":
        database.open_database(db_path).close()
        _journal(journal, "migrated")
        return
    db = database.open_database(db_path)
    if workload == "writes":
        from ptds_desktop.services import organizations as orgs

        prefix = extra
        for i in range(1_000_000):
            with db.unit_of_work() as session:  # two rows in one transaction: both or neither survive
                for part in ("a", "b"):
                    orgs.create_organization(session, orgs.OrganizationInput(f"{prefix}-{i}-{part}"))
            _journal(journal, f"{prefix}-{i}")
    elif workload == "bundle":
        from ptds_desktop.sync import exchange

        report = exchange.import_bundle(db, extra)
        _journal(journal, f"bundle {report.status}")
    elif workload == "data":
        from ptds_desktop import datafile

        datafile.import_document(db, datafile.read_document(extra))
        _journal(journal, "data")
    db.close()


# ------------------------------------------------------------------------------------------------ parent


@dataclasses.dataclass
class Outcome:
    workload: str
    delay_s: float
    killed: bool  # False when the child had finished before the kill
    problems: list[str]


def plan_title(matrix: Path) -> str:
    return f"Kế hoạch {matrix.stem}"


def _plan_contents(path: Path, title: str) -> set[str]:
    """The plan named `title` and the contents of its tasks (rows only in a committed import)."""
    conn = sqlite3.connect(path)
    try:
        plans = [r[0] for r in conn.execute("SELECT id FROM plans WHERE title = ?", (title,))]
        tasks = {r[0] for r in conn.execute(
            "SELECT content FROM tasks WHERE plan_id IN (SELECT id FROM plans WHERE title = ?)", (title,))}
    finally:
        conn.close()
    return tasks | {f"plan {title}"} if plans else tasks


def _journal_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def _names(path: Path, like: str) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM organizations WHERE name LIKE ?", (like,))}
    finally:
        conn.close()


def raw_check(path: Path) -> list[str]:
    """What SQLite itself says of the file after the crash (WAL recovery included), before the app opens it."""
    try:
        conn = sqlite3.connect(path)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return [f"sqlite cannot read {path.name}: {exc}"]
    return [] if result == ["ok"] else [f"integrity_check: {'; '.join(result[:5])}"]


def open_check(path: Path, migrations: Path | None = None) -> list[str]:
    """Open as the app does (migrating when needed) and check integrity through the app's engine."""
    from ptds_desktop.db import database

    saved = database.MIGRATIONS
    if migrations is not None:
        database.MIGRATIONS = migrations
    try:
        db = database.open_database(path, create=False)
        try:
            with db.engine.connect() as conn:
                result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            if db.schema_revision() != database.head_revision():
                return [f"schema {db.schema_revision()} after opening, expected {database.head_revision()}"]
        finally:
            db.close()
    except Exception as exc:  # any failure to open is what this harness exists to find
        return [f"opening failed: {type(exc).__name__}: {exc}"]
    finally:
        database.MIGRATIONS = saved
    return [] if result == ["ok"] else [f"integrity_check after open: {'; '.join(result[:5])}"]


def check_writes(path: Path, journal: list[str], prefix: str) -> list[str]:
    names = _names(path, f"{prefix}-%")
    problems = [f"committed write {tx} lost" for tx in journal if tx != STARTED and f"{tx}-a" not in names]
    groups: dict[str, set[str]] = {}
    for name in names:
        tx, part = name.rsplit("-", 1)
        groups.setdefault(tx, set()).add(part)
    problems += [f"write {tx} half applied ({sorted(parts)})" for tx, parts in groups.items() if parts != {"a", "b"}]
    return problems


def check_all_or_none(what: str, expected: set[str], present: set[str], committed: bool) -> list[str]:
    found = expected & present
    if committed and found != expected:
        return [f"{what} reported committed but {len(expected - found)} of {len(expected)} rows missing"]
    if found and found != expected:
        return [f"{what} half applied: {len(found)} of {len(expected)} rows"]
    return []


def _add_organizations(db, names: list[str]) -> None:
    """Many rows quickly, through the ORM session (so sync capture records them), without the per-row
    duplicate checks of the service, which would dominate the set-up time."""
    from ptds_desktop.models import Organization

    with db.unit_of_work() as session:
        session.add_all([Organization(name=name, kind="other") for name in names])


class Harness:
    def __init__(self, folder: Path, seed: int):
        self.folder = folder
        self.rng = random.Random(seed)
        self.durations: dict[str, float] = {}
        self.round = 0

    # --- set-up ------------------------------------------------------------------------------------
    def setup(self) -> None:
        from ptds_desktop.db import database
        from ptds_desktop.db.database import open_database
        from ptds_desktop.services import enrolment
        from ptds_desktop.services.offices import init_office
        from ptds_desktop.sync import exchange, peers

        f = self.folder
        writes = open_database(f / "w.db")
        init_office(writes, "Bộ CHQS tỉnh Đắk Lắk", "province")
        writes.close()
        data = open_database(f / "d.db")
        init_office(data, "Bộ CHQS tỉnh Đắk Lắk", "province")
        data.close()
        excel = open_database(f / "x.db")
        init_office(excel, "Bộ CHQS tỉnh Đắk Lắk", "province")
        excel.close()
        # Bundles: a commune enrolled under the province whose database is crashed (keys exchanged).
        province = open_database(f / "p.db")
        init_office(province, "Bộ CHQS tỉnh Đắk Lắk", "province")
        info = enrolment.make_enrolment_file(province, "UBND xã Ea Kao", "commune", f / "c.enrol")
        commune = open_database(f / "c.db")
        enrolment.enrol(commune, f / "c.enrol", info.code)
        self.province_id = peers.identity(province).office_id
        (bundle,) = exchange.export_bundles(commune, self.province_id, f / "mail")
        exchange.import_bundle(province, bundle.path, trust=peers.identity(commune).fingerprint)
        province.close()
        self.commune = commune
        # Migration: a database at the current head holding data, and the following revision.
        template = open_database(f / "m-template.db")
        init_office(template, "Bộ CHQS tỉnh Đắk Lắk", "province")
        _add_organizations(template, [f"M-{i}" for i in range(MIGRATION_ROWS)])
        template.close()
        migrations = f / "migrations"
        shutil.copytree(database.MIGRATIONS, migrations, ignore=shutil.ignore_patterns("__pycache__"))
        (migrations / "versions" / "9000_crash_test.py").write_text(
            NEXT_REVISION.format(head=database.head_revision()), encoding="utf-8")
        self.migrations = migrations
        self.data_header = json.loads((ROOT / "data" / "organizations.json").read_text(encoding="utf-8"))

    def _new_bundle(self) -> tuple[Path, set[str]]:
        """The commune adds organizations and writes a bundle for the province (cumulative: never acked)."""
        from ptds_desktop.sync import exchange

        _add_organizations(self.commune, [f"B-{self.round}-{i}" for i in range(BUNDLE_ROWS)])
        mail = self.folder / f"mail-{self.round}"
        (result,) = exchange.export_bundles(self.commune, self.province_id, mail)
        return Path(result.path), _names(self.folder / "c.db", "B-%")

    def _new_data_file(self) -> tuple[Path, set[str]]:
        names = {f"D-{self.round}-{i}" for i in range(DATA_ROWS)}
        doc = dict(self.data_header)
        rows = [{"id": str(uuid.uuid4()), "name": name, "kind": "other"} for name in sorted(names)]
        doc["tables"] = {"organizations": rows}
        path = self.folder / f"data-{self.round}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        return path, names

    def _new_matrix_file(self) -> tuple[Path, set[str]]:
        """An appendix as offices type it: title rows, a header, Roman sections, numbered tasks."""
        import openpyxl

        path = self.folder / f"matrix-{self.round}.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Phụ lục"
        ws.append(["PHỤ LỤC"])
        ws.append([f"Nhiệm vụ phòng thủ dân sự, đợt {self.round}"])
        ws.append([])
        ws.append(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện",
                   "Sản phẩm"])
        contents = set()
        for section, roman in enumerate(("I", "II", "III", "IV")):
            ws.append([roman, f"NHÓM NHIỆM VỤ {section + 1}"])
            for i in range(XLSX_TASKS // 4):
                content = f"X-{self.round}-{section}-{i} Rà soát phương án phòng thủ dân sự"
                contents.add(content)
                ws.append([i + 1, content, "Bộ CHQS tỉnh", "Công an tỉnh;\nSở Y tế", "Quý II năm 2026", "Báo cáo"])
        wb.save(path)
        return path, contents | {f"plan {plan_title(path)}"}

    # --- one run ------------------------------------------------------------------------------------
    def _spawn(self, workload: str, db_path: Path, journal: Path, extra: str) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, __file__, "--child", workload, str(db_path), str(journal), extra],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def _run_child(self, workload: str, db_path: Path, extra: str, kill: bool) -> tuple[list[str], float, bool]:
        journal = self.folder / f"journal-{self.round}.txt"
        proc = self._spawn(workload, db_path, journal, extra)
        while STARTED not in _journal_lines(journal):
            if proc.poll() is not None:
                _, err = proc.communicate()
                raise RuntimeError(f"{workload} child died before starting: {err.decode(errors='replace')[-2000:]}")
            time.sleep(0.005)
        started = time.monotonic()
        delay = self.rng.uniform(0, self.durations.get(workload, 2.0) * 1.1) if kill else 0.0
        killed = False
        if kill:
            deadline = started + delay
            while time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.002)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                killed = True
        _, err = proc.communicate()
        stderr = err.decode(errors="replace")
        if not killed and proc.returncode != 0:
            raise RuntimeError(f"{workload} child failed (exit {proc.returncode}): {stderr[-2000:]}")
        if not kill:
            self.durations[workload] = time.monotonic() - started
        return _journal_lines(journal), delay, killed

    def run_once(self, workload: str, kill: bool = True) -> Outcome:
        self.round += 1
        f = self.folder
        if workload == "writes":
            prefix = f"W{self.round}"
            lines, delay, killed = self._run_child(workload, f / "w.db", prefix, kill)
            problems = raw_check(f / "w.db") or open_check(f / "w.db")
            problems = problems or check_writes(f / "w.db", lines, prefix)
        elif workload == "bundle":
            bundle, expected = self._new_bundle()
            before = _names(f / "p.db", "B-%")
            lines, delay, killed = self._run_child(workload, f / "p.db", str(bundle), kill)
            problems = raw_check(f / "p.db") or open_check(f / "p.db")
            if not problems:
                present = _names(f / "p.db", "B-%")
                committed = any(line.startswith("bundle ") for line in lines)
                problems = check_all_or_none(f"bundle {bundle.name}", expected - before, present, committed)
        elif workload == "data":
            path, expected = self._new_data_file()
            lines, delay, killed = self._run_child(workload, f / "d.db", str(path), kill)
            problems = raw_check(f / "d.db") or open_check(f / "d.db")
            if not problems:
                problems = check_all_or_none(path.name, expected, _names(f / "d.db", "D-%"), "data" in lines)
        elif workload == "xlsx":
            path, expected = self._new_matrix_file()
            lines, delay, killed = self._run_child(workload, f / "x.db", str(path), kill)
            problems = raw_check(f / "x.db") or open_check(f / "x.db")
            if not problems:
                present = _plan_contents(f / "x.db", plan_title(path))
                problems = check_all_or_none(path.name, expected, present, "xlsx" in lines)
        else:
            db_path = f / "m.db"
            for suffix in ("", "-wal", "-shm"):
                Path(str(db_path) + suffix).unlink(missing_ok=True)
            shutil.copy(f / "m-template.db", db_path)
            lines, delay, killed = self._run_child(workload, db_path, str(self.migrations), kill)
            problems = raw_check(db_path) or self._migration_state(db_path, "migrated" in lines)
            problems = problems or open_check(db_path, self.migrations)
            if not problems and len(_names(db_path, "M-%")) != MIGRATION_ROWS:
                problems = [f"migration lost rows: {len(_names(db_path, 'M-%'))} of {MIGRATION_ROWS}"]
        return Outcome(workload, round(delay, 3), killed, problems)

    @staticmethod
    def _migration_state(path: Path, committed: bool) -> list[str]:
        """Schema version and table shape agree: the rebuilt table with its new column, or the old one."""
        conn = sqlite3.connect(path)
        try:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            columns = {r[1] for r in conn.execute("PRAGMA table_info(organizations)")}
            rows = conn.execute("SELECT count(*) FROM organizations").fetchone()[0]
        finally:
            conn.close()
        migrated = revision == "9000_crash_test"
        if committed and not migrated:
            return ["migration reported done but the schema is the old one"]
        if migrated != ("website" in columns):
            return [f"half-applied migration: revision {revision}, website column {'website' in columns}"]
        if rows != MIGRATION_ROWS:
            return [f"migration left {rows} of {MIGRATION_ROWS} organizations"]
        return []

    def calibrate(self) -> None:
        """Run each workload once to the end: its duration bounds the random kill moments."""
        self.durations["writes"] = 2.0  # endless stream: any moment is mid-work
        for workload in WORKLOADS[1:]:
            outcome = self.run_once(workload, kill=False)
            if outcome.problems:
                raise RuntimeError(f"{workload} fails without any kill: {outcome.problems}")


def run(kills: int, seed: int, folder: Path) -> dict:
    harness = Harness(folder, seed)
    t0 = time.monotonic()
    harness.setup()
    harness.calibrate()
    outcomes = [harness.run_once(WORKLOADS[i % len(WORKLOADS)]) for i in range(kills)]
    harness.commune.close()
    failures = [dataclasses.asdict(o) for o in outcomes if o.problems]
    per_workload = {
        w: {"runs": sum(o.workload == w for o in outcomes),
            "killed_mid_work": sum(o.workload == w and o.killed for o in outcomes),
            "failures": sum(o.workload == w and bool(o.problems) for o in outcomes)}
        for w in WORKLOADS
    }
    return {"kills": kills, "seed": seed, "killed_mid_work": sum(o.killed for o in outcomes),
            "failures": len(failures), "per_workload": per_workload,
            "calibrated_durations_s": {k: round(v, 3) for k, v in harness.durations.items()},
            "elapsed_s": round(time.monotonic() - t0, 1), "failure_details": failures}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=None, help="random seed (printed, to repeat a run)")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (default: a temporary folder)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON only")
    parser.add_argument("--child", nargs=4, metavar=("WORKLOAD", "DB", "JOURNAL", "EXTRA"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        workload, db_path, journal, extra = args.child
        child(workload, Path(db_path), Path(journal), extra)
        return 0
    os.environ.setdefault("PTDS_HOME", tempfile.mkdtemp(prefix="ptds-crash-home-"))  # settings, never the user's
    seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ptds-crash-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        summary = run(args.kills, seed, folder)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(f"{summary['kills']} kills (seed {seed}), {summary['killed_mid_work']} landed mid-work, "
              f"{summary['failures']} failures, {summary['elapsed_s']} s")
        for workload, figures in summary["per_workload"].items():
            print(f"  {workload:8} {figures['runs']} runs, {figures['killed_mid_work']} killed mid-work, "
                  f"{figures['failures']} failures")
        print(f"  measured durations (s): {summary['calibrated_durations_s']}")
        for failure in summary["failure_details"]:
            print(f"  FAILED {failure['workload']} after {failure['delay_s']} s: {'; '.join(failure['problems'])}")
    return 0 if summary["failures"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
