"""The terminal speaks the chosen language: Kasir's Qt translator, installed in the application.

Texts are looked up when a widget is built, so the translator goes in before the first window;
replacing it later sends every widget a ``LanguageChange`` event (the setup wizard follows it).

Qt ships no Indonesian catalogue of its own, so the standard button texts that Qt's dialogs take
from the ``QPlatformTheme`` context (OK, Cancel, Yes, No…) are listed below for extraction and
translated in Kasir's catalogue.

Texts made in the core (errors, the Z report) are translated here too, in the catalogue's "core"
context: the translator below is handed to the core, which asks it whenever such a text is shown.
"""

import logging
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QTranslator

from pos_app.domain.texts import CONTEXT, set_translator
from pos_app.gui.back_office.labels import TABLES
from pos_app.settings.languages import CatalogueError, catalogue, choose_language

log = logging.getLogger(__name__)

TRANSLATOR_NAME = "kasirTranslator"
QT_STANDARD_TEXTS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
)
"""Kept in the catalogue by the extractor; Qt itself asks for them by these texts."""


def system_language(setting: str | None = None) -> str:
    """``setting`` if given, else from the system's UI languages (``LANG=id_ID.UTF-8`` → ``id``)."""
    return choose_language(setting, QLocale.system().uiLanguages())


def use_language(app: QCoreApplication, language: str) -> bool:
    """Replace Kasir's translator with ``language``'s; False (the English source texts) when
    its catalogue cannot be had, which is logged rather than stopping the till."""
    remove_translation(app)
    set_translator(translate_core_text, label_or_value)
    try:
        path = catalogue(language)
    except CatalogueError as error:
        log.warning("%s; the texts stay in English", error)
        return False
    translator = QTranslator(app)
    translator.setObjectName(TRANSLATOR_NAME)
    if not translator.load(str(path)):
        log.warning("could not load the catalogue %s; the texts stay in English", path)
        translator.deleteLater()
        return False
    app.installTranslator(translator)
    return True


def translate_core_text(text: str) -> str:
    """A text the core marked with ``N_``, in the language of Kasir's translator."""
    return QCoreApplication.translate(CONTEXT, text)


def label_or_value(value: StrEnum) -> str:
    """A state or kind named in a core text, in the back office's words for it if it has them."""
    table = TABLES.get(type(value))
    return table()[value] if table is not None else value.value


def remove_translation(app: QCoreApplication) -> None:
    """Back to the source texts (English)."""
    for translator in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(translator)
        translator.setObjectName("")
        translator.deleteLater()
