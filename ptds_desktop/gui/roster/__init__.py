"""The roster screen (Ban Chỉ huy), one module per part:

- view.py: RosterView, the screen (board list beside the chosen board's heading, exports and tabs);
- board_list.py, members_tab.py, history_tab.py, decisions_tab.py: its parts;
- board_dialog.py, member_dialog.py, decision_dialog.py: its dialogs (gui.service_dialog.ServiceDialog);
- models.py: the table models and columns.
"""
