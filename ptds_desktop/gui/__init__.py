"""The PySide6 interface. Core modules never import from here.

Adding a screen (an "area" in the navigation pane); copy the shape of `gui/organizations.py`:

1. A QWidget view taking a `ViewContext` (db, ops, office, show_message, offer_undo, settings). Set `self.loaded`
   to True when its first data has arrived (tests wait on it).
2. Rows: `RowsTableModel(COLUMNS, search_text=…)` (`gui/table_model.py`) over the service's dataclasses,
   shown in a QTableView set up by `widgets.configure_table`. Load with
   `ctx.ops.read(service_fn, on_done)`; the filter box calls `model.set_filter(text)` (accent-insensitive,
   in Python; never a QSortFilterProxyModel). `widgets.EmptyHint` explains an empty list.
3. Writes: `ctx.ops.run(fn, on_done, on_error)` where `fn(session)` returns `(result, {TOPIC_…})`;
   reload when `ctx.ops.changed` carries your topic. Check what needs no database before submitting;
   show a `ValidationError` beside its field with `widgets.FieldErrors`. Offer undo with `ctx.offer_undo`.
4. Actions: QAction on the view, Qt.WindowShortcut context (hidden areas' shortcuts do not fire).
5. Dialogs: design `ui/<name>.ui`, run `tools/compile_ui.py`, use `forms.ui_<name>.Ui_…`; open them
   with `.open()` (never a blocking `exec()`), give standard buttons texts with `widgets.name_buttons`.
6. Register the area: one line in `AREAS` (`gui/areas.py`). A new kind of data gets a TOPIC_ in `gui/ops.py`.
7. Texts in Vietnamese through `self.tr()` / `QT_TRANSLATE_NOOP`; then `tools/compile_ui.py --update-ts`,
   translate the new entries in `resources/translations/ptds_en.ts` (Qt Linguist), run it again.
8. Tests in `tests/gui/` with the `main_window` / `ops` fixtures; wait for the worker with
   `qtbot.waitUntil`; type Vietnamese with the `type_text` fixture (never keyClicks).
"""
