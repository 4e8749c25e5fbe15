"""Keep the Qt Linguist catalogues (``resources/translations/kasir_*.ts``) in step with the code.

    python packaging/translations.py update   # add new texts, drop gone ones, keep translations
    python packaging/translations.py check    # exit 1 if a text is missing or untranslated

Texts are found in ``pos_app`` by reading the code, the way ``pyside6-lupdate`` does, and also
through a module's own helper that wraps ``QCoreApplication.translate`` with a fixed context (the
receipt's ``_tr``), which lupdate cannot follow. Recognised: ``self.tr("…")`` (context: the
enclosing class), ``QCoreApplication.translate("Context", "…")``, ``QT_TRANSLATE_NOOP("Context",
"…")``, calls of such helpers, and ``N_("…")``, the marker of texts made in the Qt-free core
(errors, the Z report; context ``core``, see ``pos_app/domain/texts.py``).

A new text gets an empty translation marked unfinished in ``kasir_id.ts`` (open the file in Qt
Linguist, ``pyside6-linguist``, or edit the XML), and its own text in ``kasir_en.ts``: English is
the source language, and its catalogue is where a wording can change without touching the code.
"""

import ast
import string
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "pos_app"
CORE_CONTEXT = "core"
"""``pos_app.domain.texts.CONTEXT``: the GUI translates the core's texts in this context."""
CORE_MARKER = "N_"
CATALOGUES = ROOT / "resources" / "translations"
SOURCE_LANGUAGE = "en"
QT_LANGUAGES = {"id": "id_ID", "en": "en_US"}
"""The catalogue files and the locale each declares."""

Key = tuple[str, str]
"""(context, source text)."""


@dataclass
class Message:
    context: str
    source: str
    files: list[str] = field(default_factory=list)
    translation: str = ""
    finished: bool = False


def extract(paths: Iterable[Path], root: Path = ROOT) -> tuple[dict[Key, Message], list[str]]:
    """Every translatable text in ``paths``, in order of appearance, and what could not be read
    (a ``tr()`` of something other than a plain string cannot be translated)."""
    messages: dict[Key, Message] = {}
    problems: list[str] = []
    for path in sorted(paths):
        name = path.resolve().relative_to(root).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=name)
        for context, text in _texts(tree, problems, name):
            message = messages.setdefault((context, text), Message(context, text))
            if name not in message.files:
                message.files.append(name)
    return messages, problems


def _texts(tree: ast.Module, problems: list[str], name: str) -> Iterator[Key]:
    helpers = _helpers(tree)
    for node, classes in _walk(tree, ()):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        called = (
            function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
        )
        literals = [_literal(arg) for arg in node.args]
        where = f"{name}:{node.lineno}"
        if called == "tr" and isinstance(function, ast.Attribute):
            if not classes:
                problems.append(f"{where}: tr() outside a class has no context")
            elif not literals or literals[0] is None:
                problems.append(f"{where}: tr() of something other than a plain string")
            else:
                yield classes[-1], literals[0]
        elif called in ("translate", "QT_TRANSLATE_NOOP") and len(literals) >= 2:
            context, text = literals[0], literals[1]
            if context is not None and text is not None:
                yield context, text
            elif context is not None and called == "QT_TRANSLATE_NOOP":
                problems.append(f"{where}: QT_TRANSLATE_NOOP of something other than a string")
        elif called == "tr" and called not in helpers:
            problems.append(
                f"{where}: tr() by a bare name (tr = self.tr) is not found by the extractor; "
                "call self.tr() in the class, or a module helper"
            )
        elif called == CORE_MARKER and isinstance(function, ast.Name):
            if len(literals) != 1 or literals[0] is None:
                problems.append(f"{where}: {CORE_MARKER}() of something other than a plain string")
            else:
                yield CORE_CONTEXT, literals[0]
        elif called in helpers and isinstance(function, ast.Name):
            if not literals or literals[0] is None:
                problems.append(f"{where}: {called}() of something other than a plain string")
            else:
                yield helpers[called], literals[0]


def _helpers(tree: ast.Module) -> dict[str, str]:
    """Module functions ``def f(text): return QCoreApplication.translate("Context", text)``."""
    found = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1:
            continue
        parameter = node.args.args[0].arg
        for inner in ast.walk(node):
            if (
                isinstance(inner, ast.Call)
                and isinstance(inner.func, ast.Attribute)
                and inner.func.attr == "translate"
                and len(inner.args) == 2
                and _literal(inner.args[0]) is not None
                and isinstance(inner.args[1], ast.Name)
                and inner.args[1].id == parameter
            ):
                found[node.name] = _literal(inner.args[0])
    return found


def _walk(node: ast.AST, classes: tuple[str, ...]) -> Iterator[tuple[ast.AST, tuple[str, ...]]]:
    for child in ast.iter_child_nodes(node):
        inner = (*classes, child.name) if isinstance(child, ast.ClassDef) else classes
        yield child, inner
        yield from _walk(child, inner)


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def read(path: Path) -> dict[Key, Message]:
    """A catalogue's messages with their translations (vanished and obsolete ones left out)."""
    if not path.is_file():
        return {}
    messages = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for element in context.iter("message"):
            source = element.findtext("source") or ""
            translation = element.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            files = [location.get("filename", "") for location in element.iter("location")]
            messages[(name, source)] = Message(
                name,
                source,
                files,
                (translation.text or "") if translation is not None else "",
                kind != "unfinished",
            )
    return messages


def merge(found: dict[Key, Message], known: dict[Key, Message], language: str) -> list[Message]:
    """The catalogue's new content: every text found, with its translation if it had one."""
    merged = []
    for key, message in found.items():
        old = known.get(key)
        if language == SOURCE_LANGUAGE:
            translation, finished = (old.translation, old.finished) if old else (key[1], True)
        else:
            translation, finished = (old.translation, old.finished) if old else ("", False)
        merged.append(Message(key[0], key[1], message.files, translation, finished))
    return sorted(merged, key=lambda message: message.context)


def render(messages: list[Message], language: str) -> str:
    """The ``.ts`` XML, grouped by context, files named relative to the catalogues' folder."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{QT_LANGUAGES[language]}" sourcelanguage="en_US">',
    ]
    context = None
    for message in messages:
        if message.context != context:
            if context is not None:
                lines.append("</context>")
            context = message.context
            lines += ["<context>", f"    <name>{escape(context)}</name>"]
        lines.append("    <message>")
        for file in message.files:
            lines.append(f"        <location filename={quoteattr('../../' + file)}/>")
        lines.append(f"        <source>{escape(message.source)}</source>")
        state = "" if message.finished else ' type="unfinished"'
        lines.append(f"        <translation{state}>{escape(message.translation)}</translation>")
        lines.append("    </message>")
    if context is not None:
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def catalogue_path(language: str) -> Path:
    return CATALOGUES / f"kasir_{language}.ts"


def source_files() -> list[Path]:
    return sorted(SOURCES.rglob("*.py"))


def update() -> int:
    found, problems = extract(source_files())
    for language in QT_LANGUAGES:
        path = catalogue_path(language)
        merged = merge(found, read(path), language)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(merged, language), encoding="utf-8")
        left = sum(not message.finished for message in merged)
        print(f"{path.relative_to(ROOT)}: {len(merged)} texts, {left} to translate")
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    return 0


def check() -> int:
    """Every text found is in every catalogue, translated, with the same {placeholders}."""
    found, problems = extract(source_files())
    for language in QT_LANGUAGES:
        problems += catalogue_problems(found, read(catalogue_path(language)), language)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("Run: python packaging/translations.py update, then translate.", file=sys.stderr)
    return 1 if problems else 0


def catalogue_problems(
    found: dict[Key, Message], known: dict[Key, Message], language: str
) -> list[str]:
    name = f"kasir_{language}.ts"
    problems = []
    for (context, source), message in found.items():
        entry = known.get((context, source))
        where = f"{name}: {context}: {source!r} ({', '.join(message.files)})"
        if entry is None:
            problems.append(f"{where}: missing")
        elif not entry.finished or not entry.translation:
            problems.append(f"{where}: not translated")
        elif placeholders(entry.translation) != placeholders(source):
            problems.append(f"{where}: the translation's placeholders differ")
    return problems


def placeholders(text: str) -> list[str]:
    """The ``str.format`` fields of a text, sorted, e.g. ``['{amount}', '{invoice}']``."""
    return sorted(
        "{" + field_name + "}"
        for _, field_name, _, _ in string.Formatter().parse(text)
        if field_name is not None
    )


def main(argv: list[str]) -> int:
    commands = {"update": update, "check": check}
    if len(argv) != 1 or argv[0] not in commands:
        print(f"usage: python {Path(__file__).name} update|check", file=sys.stderr)
        return 2
    return commands[argv[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
