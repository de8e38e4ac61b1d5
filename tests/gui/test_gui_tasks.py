"""The Tasks screen as an officer uses it: pick a plan, filter without diacritics, edit in place, reorder, add a
task whose agency is typed words or picked from the catalogue, report progress, see the bars."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from ptds_desktop import datafile
from ptds_desktop.gui.reference_picker import Candidate, ReferencePicker
from ptds_desktop.gui.tasks.report_dialog import ReportDialog
from ptds_desktop.gui.tasks.task_dialog import TaskDialog
from ptds_desktop.gui.tasks.view import TasksView
from ptds_desktop.services import plans
from ptds_desktop.services.plans import SectionData
from ptds_desktop.services.progress import TaskStatus
from ptds_desktop.services.references import Reference


def _open(window, qtbot) -> TasksView:
    window.nav.setCurrentRow([a.key for a in window.areas].index("tasks"))
    view = window.current_view()
    assert isinstance(view, TasksView)
    qtbot.waitUntil(lambda: view.loaded and view.matrix is not None)
    index = next(i for i in range(view.plan_combo.count()) if "04/CTr-UBND" in view.plan_combo.itemText(i))
    view.plan_combo.setCurrentIndex(index)
    qtbot.waitUntil(lambda: view.matrix is not None and view.matrix.plan.number_symbol == "04/CTr-UBND")
    return view


def _contents(view) -> list[str]:
    return [
        view.model.row_at(r).task.content
        for r in range(view.model.rowCount())
        if isinstance(view.model.row_at(r), TaskStatus)
    ]


def test_filter_edit_reorder_and_bars(db, open_main_window, qtbot, type_text, wait_idle):
    datafile.load_demo(db)
    view = _open(open_main_window(), qtbot)
    assert len(_contents(view)) == 37
    assert isinstance(view.model.row_at(0), SectionData) and view.model.row_at(0).code == "I"

    type_text(view.lead_filter, "cong an")
    shown = _contents(view)
    assert shown and all(
        "Công an" in "; ".join(view.model.row_at(r).lead_labels())
        for r in range(view.model.rowCount())
        if isinstance(view.model.row_at(r), TaskStatus)
    )
    view.lead_filter.clear()
    type_text(view.text_filter, "an ninh mang")
    assert all(
        "an ninh mạng" in c.lower() or "an ninh mạng" in str(view.model.row_at(r).task.agencies)
        for r, c in enumerate(_contents(view))
    )
    assert 0 < len(_contents(view)) < 37
    view.text_filter.clear()

    # In-place edit of the first task's content, saved through the service.
    first_row = view.model.task_row(view.matrix.tasks[0].id)
    first_id = view.matrix.tasks[0].id
    view.model.setData(view.model.index(first_row, 1), "Tổ chức lại Ban Chỉ huy PTDS thành phố")
    qtbot.waitUntil(lambda: view.matrix.tasks[0].content == "Tổ chức lại Ban Chỉ huy PTDS thành phố")
    with db.unit_of_work() as s:
        assert plans.task_data(s, first_id).content == "Tổ chức lại Ban Chỉ huy PTDS thành phố"

    # Alt+Down moves it below the second task of its section.
    view.select_task(first_id)
    qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: view.matrix.tasks[1].id == first_id)

    view.tabs.setCurrentIndex(1)
    rows = view.bars.rows()
    assert rows[0].overdue >= rows[-1].overdue and sum(r.total for r in rows) >= 37


def test_add_task_with_typed_and_picked_agencies_then_report(db, open_main_window, qtbot, type_text, modal):
    datafile.load_demo(db)
    view = _open(open_main_window(), qtbot)
    view.table.selectRow(1)
    dialog = view.create_task()
    assert isinstance(dialog, TaskDialog)
    type_text(dialog.content_edit, "Diễn tập ứng phó cháy rừng")
    type_text(dialog.timeframe_edit, "Quý II năm 2026")
    assert "30/06/2026" in dialog.timeframe_note.text()
    lead = dialog.agency_editors["lead"]
    type_text(lead.picker.edit, "cong an thanh pho")
    picked = [lead.picker.list.item(i).text() for i in range(lead.picker.list.count())]
    assert any(text.startswith("Công an thành phố Thái Nguyên") for text in picked)
    row = next(i for i, text in enumerate(picked) if text.startswith("Công an thành phố Thái Nguyên"))
    lead.picker._pick_item(lead.picker.list.item(row))
    lead.add_current()
    coordinating = dialog.agency_editors["coordinating"]
    type_text(coordinating.picker.edit, "Các thôn, tổ dân phố")  # words as printed, no catalogue entry
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    qtbot.waitUntil(lambda: any(t.content == "Diễn tập ứng phó cháy rừng" for t in view.matrix.tasks))
    task = next(t for t in view.matrix.tasks if t.content == "Diễn tập ứng phó cháy rừng")
    assert task.agencies["lead"][0].reference.organization_id is not None
    assert task.agencies["coordinating"][0].reference.text == "Các thôn, tổ dân phố"
    assert task.section_id == view.matrix.sections[0].id

    view.select_task(task.id)
    report = view.report()
    assert isinstance(report, ReportDialog)
    report.status_combo.setCurrentIndex(report.status_combo.findData("in_progress"))
    report.percent_spin.setValue(40)
    with qtbot.waitSignal(report.accepted):
        report.accept()
    qtbot.waitUntil(
        lambda: any(s.task.id == task.id and s.status == "in_progress" and s.percent == 40 for s in view.statuses)
    )

    # The list of every report has it; found without diacritics, Enter opens its task in the matrix.
    view.tabs.setCurrentWidget(view.reports)
    assert not view.matrix_controls.isVisible()  # the plan's filters do not apply to the list of all plans
    type_text(view.reports.filter_edit, "dien tap chay rung")
    qtbot.waitUntil(lambda: view.reports.loaded and view.reports.model.rowCount() == 1, timeout=15_000)
    shown = view.reports.model.row_at(0)
    assert (shown.task, shown.status, shown.percent) == ("Diễn tập ứng phó cháy rừng", "in_progress", 40)
    assert view.reports.model.data(view.reports.model.index(0, 4)) == "Đang thực hiện"
    view.select_task(view.matrix.tasks[0].id)
    view.window().activateWindow()  # the report dialog had it
    qtbot.waitUntil(view.window().isActiveWindow)
    view.reports.table.setFocus()
    view.reports.table.selectRow(0)
    qtbot.keyClick(view.reports.table, Qt.Key.Key_Return)
    assert view.tabs.currentIndex() == 0 and view.matrix_controls.isVisible()
    assert view.current_task().id == task.id


def test_screen_fits_1024x600_in_english(db, english, open_main_window, qtbot):
    datafile.load_demo(db)
    window = open_main_window()
    window.resize(1024, 600)
    view = _open(window, qtbot)
    assert view.tabs.tabText(0) == "Task matrix"
    assert view.width() <= 1024 and window.height() <= 600
    view.table.selectRow(1)
    dialog = view.edit_task()
    assert dialog.width() <= 1024 and dialog.sizeHint().height() <= 600
    dialog.reject()


def test_new_plan_with_a_section_and_a_task(db, open_main_window, qtbot, type_text):
    window = open_main_window()
    window.nav.setCurrentRow([a.key for a in window.areas].index("tasks"))
    view = window.current_view()
    qtbot.waitUntil(lambda: view.loaded)
    assert view.plan_combo.count() == 0 and not view.new_action.isEnabled()
    dialog = view.new_plan()
    type_text(dialog.title_edit, "Kế hoạch phòng thủ dân sự năm 2026")
    dialog.number_edit.setText("12/KH-BCH")
    dialog.date_edit.setText("31/02/2026")
    dialog.accept()
    assert "Ngày ban hành không tồn tại" in dialog.error_label.text()  # named before anything is written
    dialog.date_edit.setText("05/01/2026")
    dialog.phases_edit.setPlainText("Đến năm 2026\nSau năm 2026")
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    qtbot.waitUntil(lambda: view.matrix is not None and view.matrix.plan.number_symbol == "12/KH-BCH")
    assert view.matrix.plan.phase_labels == ("Đến năm 2026", "Sau năm 2026")

    section = view.new_section()
    section.code_edit.setText("I")
    type_text(section.title_edit, "CÔNG TÁC TỔ CHỨC")
    with qtbot.waitSignal(section.accepted):
        section.accept()
    qtbot.waitUntil(lambda: len(view.matrix.sections) == 1)
    view.table.selectRow(0)
    task = view.create_task()
    type_text(task.content_edit, "Kiện toàn Ban Chỉ huy")
    task.phase_boxes[0].setChecked(True)
    with qtbot.waitSignal(task.accepted):
        task.accept()
    qtbot.waitUntil(lambda: len(view.matrix.tasks) == 1)
    created = view.matrix.tasks[0]
    assert (created.section_id, created.timeframe.phases) == (view.matrix.sections[0].id, (1,))


def test_picker_links_typed_words_to_the_catalogue_keeping_the_wording(qapp, type_text):
    picker = ReferencePicker()
    picker.set_candidates(
        [
            Candidate(
                Reference(organization_id="o1"),
                "Bộ Chỉ huy Quân sự tỉnh",
                "Bộ CHQS tỉnh",
                "bo chi huy quan su tinh bo chqs tinh",
            ),
            Candidate(
                Reference(person_id="p1"), "Nguyễn Văn An", "Phó Chủ tịch UBND tỉnh", "nguyen van an pho chu tich"
            ),
        ]
    )
    picker.set_reference(Reference(text="Ban CHQS tỉnh"), "Ban CHQS tỉnh")
    assert picker.reference() == Reference(text="Ban CHQS tỉnh")
    picker.edit.clear()
    type_text(picker.edit, "chqs")
    assert picker.list.item(0).text().startswith("Ghi nguyên văn")  # no exact match: words first
    picker._pick_item(picker.list.item(1))
    # The catalogue entry is linked, and the document keeps printing the words typed before.
    assert picker.reference() == Reference(organization_id="o1", text="Ban CHQS tỉnh")
    picker.set_reference(None)
    type_text(picker.edit, "nguyen van")
    picker._pick_item(picker.list.item(1))
    assert picker.reference() == Reference(person_id="p1")
    assert picker.label() == "Nguyễn Văn An"


def test_import_excel_previews_then_creates_or_refuses(db, open_main_window, qtbot, modal, tmp_path):
    datafile.load_demo(db)
    view = _open(open_main_window(), qtbot)
    good = tmp_path / "ctr.xlsx"
    view.export_to(good)
    qtbot.waitUntil(lambda: view.last_export == good)
    view.import_file(good)
    box = modal()
    assert "37" in box.informativeText() and "10" in box.informativeText()
    with qtbot.waitSignal(view.ctx.ops.changed, timeout=20000):
        box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: view.plan_combo.count() == 3)
    qtbot.waitUntil(lambda: view.matrix is not None and view.matrix.plan.id == view.plan_combo.currentData())
    assert len(view.matrix.tasks) == 37

    bad = tmp_path / "bad.xlsx"
    wb = openpyxl.Workbook()
    for row in [["TT", "Nội dung", "Cơ quan chủ trì"], [1, "Việc một", "Công an xã"], [2, None, "Ban CHQS xã"]]:
        wb.active.append(row)
    wb.save(bad)
    view.import_file(bad)

    def refusal_shown() -> bool:
        shown = QApplication.activeModalWidget()
        return isinstance(shown, QMessageBox) and "Dòng 3" in shown.detailedText()

    qtbot.waitUntil(refusal_shown)
    QApplication.activeModalWidget().close()
    assert view.plan_combo.count() == 3
