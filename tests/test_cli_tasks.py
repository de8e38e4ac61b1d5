"""`ptds plans` and `ptds tasks` as an officer runs them: ids shown, import with a dry run first, export,
a progress report, the progress matrix and the overdue list."""

import json

import openpyxl


def test_plans_and_tasks_commands(ptds, tmp_path):
    db = tmp_path / "t.db"
    assert ptds("--db", db, "init", "--office", "Bộ CHQS tỉnh Thái Nguyên").returncode == 0
    assert ptds("--db", db, "demo").returncode == 0
    listed = json.loads(ptds("--db", db, "plans", "list", "--json").stdout)
    ctr = next(p for p in listed if p["number_symbol"] == "04/CTr-UBND")
    assert ctr["task_count"] == 37 and len(ctr["id"]) == 36
    assert ctr["id"] in ptds("--db", db, "plans", "list").stdout

    out = tmp_path / "ctr.xlsx"
    r = ptds("--db", db, "tasks", "export", "--plan", ctr["id"][:8], "-o", out)
    assert r.returncode == 0, r
    assert "10 nhóm, 37 nhiệm vụ" in r.stdout

    dry = json.loads(ptds("--db", db, "tasks", "import-xlsx", out, "--dry-run", "--json").stdout)
    assert (dry["sections"], dry["tasks"], dry["problems"], dry["plan_id"]) == (10, 37, [], None)
    assert len(json.loads(ptds("--db", db, "plans", "list", "--json").stdout)) == len(listed)
    r = ptds("--db", db, "tasks", "import-xlsx", out, "--plan-title", "Bản nhập lại")
    assert r.returncode == 0, r
    assert "10 nhóm, 37 nhiệm vụ" in r.stdout
    copy = next(
        p for p in json.loads(ptds("--db", db, "plans", "list", "--json").stdout) if p["title"] == "Bản nhập lại"
    )
    assert copy["task_count"] == 37

    overdue = json.loads(ptds("--db", db, "tasks", "overdue", "--on", "01/04/2025", "--json").stdout)
    first = next(o for o in overdue if o["plan_id"] == ctr["id"] and o["code"] == "1")
    assert first["timeframe"] == "Quý I năm 2025" and first["days_late"] == 1

    r = ptds(
        "--db",
        db,
        "tasks",
        "report",
        first["task_id"],
        "--status",
        "done",
        "--text",
        "Đã ban hành",
        "--on",
        "20/03/2025",
    )
    assert r.returncode == 0, r
    overdue = json.loads(ptds("--db", db, "tasks", "overdue", "--on", "01/04/2025", "--json").stdout)
    assert first["task_id"] not in [o["task_id"] for o in overdue]
    matrix = json.loads(ptds("--db", db, "tasks", "progress", "--plan", ctr["id"], "--json").stdout)
    row = next(t for t in matrix["tasks"] if t["id"] == first["task_id"])
    (report,) = row["reports"].values()
    assert (report["status"], report["percent"], report["text"]) == ("done", 100, "Đã ban hành")
    assert "Hoàn thành 100%" in ptds("--db", db, "tasks", "progress", "--plan", ctr["id"]).stdout

    r = ptds("--db", db, "tasks", "report", first["task_id"], "--status", "done", "--percent", "40")
    assert r.returncode == 2 and "100%" in r.stderr and "Traceback" not in r.stderr


def test_malformed_import_lists_rows_and_writes_nothing(ptds, tmp_path):
    db = tmp_path / "m.db"
    ptds("--db", db, "init", "--office", "UBND xã Ea Kao", "--level", "commune")
    path = tmp_path / "bad.xlsx"
    wb = openpyxl.Workbook()
    for row in [["TT", "Nội dung", "Cơ quan chủ trì"], [1, "Việc một", "Công an xã"], [2, None, "Ban CHQS xã"]]:
        wb.active.append(row)
    wb.save(path)
    r = ptds("--db", db, "tasks", "import-xlsx", path)
    assert r.returncode == 2
    assert "Dòng 3" in r.stderr and "thiếu nội dung" in r.stderr
    assert json.loads(ptds("--db", db, "plans", "list", "--json").stdout) == []
