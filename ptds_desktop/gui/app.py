"""Start the GUI: application, fonts, translation, main window; the window then opens the database (first-run
set-up or passphrase if needed) once it has painted (gui/main_window.py, issue #13)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ptds_desktop import __version__, i18n
from ptds_desktop.config import APP_NAME, APP_SLUG, RESOURCES_DIR, Settings, location_text, user_data_dir
from ptds_desktop.gui.errors_dialog import ErrorReporter, close_logging, setup_logging
from ptds_desktop.gui.main_window import MainWindow
from ptds_desktop.gui.single_instance import SingleInstance
from ptds_desktop.gui.widgets import name_buttons

log = logging.getLogger(__name__)

FONTS_DIR = RESOURCES_DIR / "fonts"
ICONS_DIR = RESOURCES_DIR / "icons"
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
BUNDLED_FONT = "Liberation Serif"
_translators: list[QTranslator] = []  # installed translators must outlive this module's functions


def register_fonts() -> list[str]:
    """Make the bundled Vietnamese-capable fonts available; returns the families registered."""
    families: list[str] = []
    for path in sorted(FONTS_DIR.glob("LiberationSerif-*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id == -1:
            log.warning("font not loaded: %s", path)
            continue
        families.extend(f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families)
    return families


def ensure_vietnamese_font(app: QApplication) -> None:
    """Keep the platform's interface font when it covers Vietnamese (Segoe UI does); otherwise use ours."""
    family = QFontInfo(app.font()).family()  # the family actually used, not an alias such as "Sans Serif"
    if QFontDatabase.WritingSystem.Vietnamese not in QFontDatabase.writingSystems(family):
        app.setFont(QFont(BUNDLED_FONT, app.font().pointSize()))


def app_icon() -> QIcon:
    icon = QIcon()
    for path in sorted(ICONS_DIR.glob("ptds-*.png")):
        icon.addFile(str(path))
    return icon


def install_translation(app: QCoreApplication, language: str) -> bool:
    """Texts are written in Vietnamese: English loads ptds_en.qm; Vietnamese loads qt_vi.qm for Qt's own
    texts (context menus, standard buttons), which Qt does not ship. Returns whether a translation loaded."""
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    i18n.set_language(language)  # the core's messages, from the same catalogue
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        qm_file = TRANSLATIONS_DIR / "ptds_en.qm"
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        qm_file = TRANSLATIONS_DIR / "qt_vi.qm"
    translator = QTranslator(app)
    if not translator.load(str(qm_file)):
        log.warning("translation not loaded: %s", qm_file)
        return False
    app.installTranslator(translator)
    _translators.append(translator)
    return True


def setup_application(app: QApplication, settings: Settings) -> None:
    app.setOrganizationName(APP_SLUG)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    if sys.platform.startswith("linux"):
        # GTK's or KDE's file dialog speaks the desktop's language, not the one chosen here; Qt's own dialog
        # is translated by qt_vi.qm. (On Windows the native dialog follows the system language.)
        app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    register_fonts()
    ensure_vietnamese_font(app)
    install_translation(app, settings.language)


def run(db_path: Path | str, quit_after: float | None = None) -> int:
    """The GUI until its window closes. `quit_after` closes the window that many seconds after it is shown
    (the packaging smoke test opens the frozen app offscreen this way)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    log_handler = setup_logging(user_data_dir())
    reporter = ErrorReporter(Path(log_handler.baseFilename) if log_handler else None, app)
    reporter.install()
    instance = SingleInstance(db_path)
    try:
        settings = Settings.load()
        setup_application(app, settings)
        if not instance.claim():
            box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, QCoreApplication.translate(
                "App", "PTDS Desktop đang mở với cơ sở dữ liệu này (%1). Cửa sổ đang mở đã được đưa lên trước.")
                .replace("%1", location_text(db_path)), QMessageBox.StandardButton.Ok)
            name_buttons(box)
            box.exec()
            return 0
        target = db_path
        while True:
            outcome, target = run_window(app, target, settings, instance, quit_after)
            if outcome is not None:
                return outcome
            log.info("opening the database again (restored, or another one chosen)")
    finally:
        instance.release()
        reporter.uninstall()
        close_logging(log_handler)


def run_window(app: QApplication, db_path: Path | str, settings: Settings, instance: SingleInstance,
               quit_after: float | None = None) -> tuple[int | None, Path | str]:
    """The main window until it closes: the exit code, or None to open a window again (the database was restored
    from a copy, or a server database was chosen), with the database to open then. The window shows at once and
    opens the database after its first paint."""
    window = MainWindow(None, None, None, settings)
    instance.wake_requested.connect(window.bring_to_front)
    if quit_after is not None:  # counted from the moment the data is there, so the whole window is checked
        window.opened.connect(lambda: QTimer.singleShot(int(quit_after * 1000), window.close))
    window.opened.connect(lambda: log.info("main window shown: %s", window.windowTitle()))
    window.open_after_paint(db_path)
    window.show()
    try:
        code = app.exec()
    finally:
        instance.wake_requested.disconnect(window.bring_to_front)
        window.close_database()
    if window.exit_code is not None:
        return window.exit_code, db_path
    return (None if window.reopen_requested else code), window.database_to_open or db_path
