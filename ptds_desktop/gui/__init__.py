"""The PySide6 interface. Core modules never import from here. Adding a screen is docs/ARCHITECTURE.md, "GUI";
in short (copy `gui/organizations.py`, or the `gui/roster/` package for a screen with several parts):

1. A view module (a package when the screen has parts: one module per part and per dialog): a QWidget taking
   a `ViewContext` (`gui/context.py`; never import `gui/areas.py`). Build the UI in short helper methods.
   Set `self.loaded = True` when its first data has arrived (tests wait on it).
2. Register it: one line in `AREAS` (`gui/areas.py`).
3. Rows: `RowsTableModel(COLUMNS, search_text=…)` over the service's dataclasses in a QTableView set up by
   `widgets.configure_table` / `size_columns`; filter in Python (`model.set_filter`), never a proxy model.
   A list of up to 100,000 rows is searched on the worker and shown by `ResultsTableModel` (gui/tasks/reports_tab.py).
4. Reads: `self._rows = LatestRead(ctx.ops)`, then `self._rows.read(service_fn, on_done)`: only the newest answer
   is shown. Writes: `ctx.ops.run(lambda s: service.fn(s, …), on_done)`, returning only the service's result;
   long work: `ctx.ops.run_task(fn(db, progress, is_cancelled), …)`.
5. Refresh: `ctx.ops.subscribe(self, {Model.__tablename__, …}, self._data_changed)`: called with the core's
   `Changes` after any committed write touching those tables, whoever wrote.
6. Dialogs that save: subclass `ServiceDialog` (`gui/service_dialog.py`): form in `ui/<name>.ui` compiled by
   `tools/compile_ui.py` to `gui/forms`, `bind_form(buttons, errorLabel, {field: widget})`, `save_fn()` returning
   the write. The service's ValidationError(field=…) appears under that field; never copy its rules here.
   Open dialogs with `.open()` (never a blocking `exec()`).
7. Actions: `widgets.view_action` (Qt.WindowShortcut: hidden areas' shortcuts do not fire), `widgets.tool_button`.
8. Texts in Vietnamese through `self.tr()` / `QT_TRANSLATE_NOOP`; labels of a core vocabulary in `gui/labels.py`
   as `<NAME>_LABELS` equal to `enums.<NAME>S`; then `tools/compile_ui.py --update-ts`, translate the new
   entries in `resources/translations/ptds_en.ts`, run it again.
9. Tests in `tests/gui/` with the `main_window` / `ops` fixtures; wait for the worker with `wait_idle` or
   `qtbot.waitUntil`; type Vietnamese with the `type_text` fixture (never keyClicks).
"""
