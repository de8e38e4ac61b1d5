"""The PySide6 interface. Core modules never import from here.

Adding a screen (an "area" in the navigation pane):

1. Write `gui/<area>.py` with a QWidget view taking a `ViewContext` (db, ops, office, show_message,
   offer_undo). Copy the shape of `gui/organizations.py`.
2. Rows: `RowsTableModel(COLUMNS, search_text=…)` from `gui/table_model.py` over the service's dataclasses;
   load them with `ctx.ops.read(service_fn, on_done)`; the filter box calls `model.set_filter(text)`
   (accent-insensitive, in Python; never a QSortFilterProxyModel).
3. Writes: `ctx.ops.run(fn, on_done, on_error)` where `fn(session)` returns `(result, {TOPIC_…})`;
   reload when `ctx.ops.changed` carries your topic. Check what needs no database before submitting;
   show `ValidationError` beside its field with `widgets.FieldErrors`. Offer undo with `ctx.offer_undo`.
4. Dialogs: design in `ui/<name>.ui`, run `tools/compile_ui.py`, use `forms.ui_<name>.Ui_…`;
   open them with `.open()` (never block in `exec()`), name buttons with `widgets.name_buttons`.
5. Register the area: one line in `AREAS` (`gui/areas.py`). A new kind of data gets a TOPIC_ in `gui/ops.py`.
6. Texts in Vietnamese through `self.tr()` / `QT_TRANSLATE_NOOP`; then
   `tools/compile_ui.py --update-ts`, translate in `resources/translations/ptds_en.ts`, run it again.
7. Tests in `tests/gui/` with the `main_window` / `ops` fixtures; wait for the worker with
   `qtbot.waitUntil`, type Vietnamese with `tests/gui/conftest.py::type_text` (never keyClicks).
"""
