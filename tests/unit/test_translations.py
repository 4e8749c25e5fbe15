"""The catalogues hold every text the GUI shows, translated, and the extractor finds them all."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from pos_app.domain.texts import CONTEXT

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    """``packaging/translations.py``, a script, loaded by its path."""
    spec = importlib.util.spec_from_file_location(
        "kasir_translations", ROOT / "packaging" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


tool = _tool()

SAMPLE = """
from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

def _tr(text):
    return QCoreApplication.translate("Receipt", text)

LABELS = (QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),)

class Till:
    def build(self):
        self.tr("Cash")
        self.tr("Change {amount}").format(amount=1)
        QCoreApplication.translate("Status", "paid")
        _tr("TOTAL")
        self.tr(f"Paid {1}")
        "ab".translate({})

    class Inner:
        def build(self):
            return self.tr("Inner text")

def loose():
    return _tr(name)
"""


def test_the_extractor_finds_texts_the_way_qt_looks_them_up(tmp_path: Path) -> None:
    module = tmp_path / "pos_app" / "gui" / "till.py"
    module.parent.mkdir(parents=True)
    module.write_text(SAMPLE, encoding="utf-8")
    found, problems = tool.extract([module], tmp_path)
    assert list(found) == [
        ("QPlatformTheme", "Cancel"),
        ("Till", "Cash"),
        ("Till", "Change {amount}"),
        ("Status", "paid"),
        ("Receipt", "TOTAL"),
        ("Inner", "Inner text"),
    ]
    assert found[("Till", "Cash")].files == ["pos_app/gui/till.py"]
    assert problems == [
        "pos_app/gui/till.py:15: tr() of something other than a plain string",
        "pos_app/gui/till.py:23: _tr() of something other than a plain string",
    ]


def test_a_catalogue_keeps_translations_and_marks_new_texts_unfinished(tmp_path: Path) -> None:
    found = {
        ("Till", "Cash"): tool.Message("Till", "Cash", ["pos_app/gui/till.py"]),
        ("Till", "Change"): tool.Message("Till", "Change", ["pos_app/gui/till.py"]),
    }
    known = {("Till", "Cash"): tool.Message("Till", "Cash", [], "Tunai", True)}
    path = tmp_path / "kasir_id.ts"
    path.write_text(tool.render(tool.merge(found, known, "id"), "id"), encoding="utf-8")
    again = tool.read(path)
    assert (again[("Till", "Cash")].translation, again[("Till", "Cash")].finished) == (
        "Tunai",
        True,
    )
    assert again[("Till", "Change")].finished is False
    assert tool.catalogue_problems(found, again, "id") == [
        "kasir_id.ts: Till: 'Change' (pos_app/gui/till.py): not translated"
    ]
    english = tool.merge(found, {}, "en")
    assert [(m.translation, m.finished) for m in english] == [("Cash", True), ("Change", True)]


CORE_SAMPLE = """
from pos_app.domain.texts import N_

def check(pin):
    raise ValidationError(N_("that PIN is already in use"), pin=pin)

def loose(text):
    return N_(text)
"""


def test_the_extractor_finds_the_cores_marked_texts_in_the_core_context(tmp_path: Path) -> None:
    module = tmp_path / "pos_app" / "store" / "users.py"
    module.parent.mkdir(parents=True)
    module.write_text(CORE_SAMPLE, encoding="utf-8")
    found, problems = tool.extract([module], tmp_path)
    assert list(found) == [("core", "that PIN is already in use")]
    assert problems == ["pos_app/store/users.py:8: N_() of something other than a plain string"]


def test_tr_called_by_a_bare_name_is_named_as_a_problem(tmp_path: Path) -> None:
    module = tmp_path / "pos_app" / "gui" / "detail.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        "def summary(dialog):\n    tr = dialog.tr\n    return tr('Total: {total}')\n",
        encoding="utf-8",
    )
    found, problems = tool.extract([module], tmp_path)
    assert found == {}
    assert problems == [
        "pos_app/gui/detail.py:3: tr() by a bare name (tr = self.tr) is not found by the "
        "extractor; call self.tr() in the class, or a module helper"
    ]


def test_the_catalogues_hold_the_cores_errors_and_the_z_report() -> None:
    found, _ = tool.extract(tool.source_files())
    assert tool.CORE_CONTEXT == CONTEXT
    for text in (
        "that PIN is already in use; choose another one",
        "{name}: quantity must be between 1 and {most}, got {quantity}",
        "{field} must be between {low} and {high}, got {value}",
        "NET TOTAL",
        "Cash drawer",
    ):
        assert ("core", text) in found, text


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_text_of_the_gui_is_translated_with_its_placeholders(language: str) -> None:
    found, problems = tool.extract(tool.source_files())
    assert problems == []
    known = tool.read(tool.catalogue_path(language))
    missing = tool.catalogue_problems(found, known, language)
    assert missing == [], (
        "run 'python packaging/translations.py update' and translate:\n" + "\n".join(missing)
    )


def test_a_translation_with_other_placeholders_is_caught() -> None:
    found = {("Till", "Change {amount}"): tool.Message("Till", "Change {amount}", ["x.py"])}
    known = {("Till", "Change {amount}"): tool.Message("Till", "", [], "Kembalian {jumlah}", True)}
    assert tool.catalogue_problems(found, known, "id") == [
        "kasir_id.ts: Till: 'Change {amount}' (x.py): the translation's placeholders differ"
    ]
