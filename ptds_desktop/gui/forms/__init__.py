"""Python classes compiled from ui/*.ui by tools/compile_ui.py (pyside6-uic). Do not edit; edit the .ui."""
