"""The Tasks screen (Nhiệm vụ), one module per part:

- view.py: TasksView (plan chooser, filters, the matrix grouped by section, progress bars) and its table model;
- task_dialog.py, plan_dialog.py, report_dialog.py: its dialogs (gui.service_dialog.ServiceDialog);
- progress_bars.py: progress per lead agency drawn as bars.
The agency picker is gui/reference_picker.py, shared with every screen naming an agency or a person.
"""
