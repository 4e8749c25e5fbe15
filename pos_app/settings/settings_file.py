"""Writing the settings file (``kasir.toml``), as the setup wizard and the back office do.

An update names keys as :mod:`pos_app.settings.terminal_config` does (``provider``,
``doku.client_id``…); ``None`` removes a key, and keys the update does not name are kept (the file's
comments are not: it is written anew). The text is checked by reading it back with
:func:`pos_app.settings.terminal_config.load_settings`, so what is written is exactly what the
terminal will accept. The file is replaced atomically and is readable by its owner only (mode 600),
since it may hold secrets inline.
"""

import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from datetime import date, datetime, time
from pathlib import Path

from pos_app.domain.atomic_files import replacing_file
from pos_app.domain.toml_files import TomlFileError, read_toml
from pos_app.settings.terminal_config import ConfigError, Secret, Settings, load_settings

HEADER = (
    "# Kasir terminal settings, written by Kasir (the setup wizard or the back office).\n"
    "# Every key is described in README.md (Configuration). Keep this file private (chmod 600).\n"
)

Update = Mapping[str, object]
"""Dotted key → value (text, number, :class:`~pos_app.settings.terminal_config.Secret`) or None
to remove it."""


def draft(path: Path, update: Update) -> str:
    """The settings file's text once ``update`` is applied to what ``path`` holds now."""
    document: dict[str, object] = {}
    if path.is_file():
        try:
            document = read_toml(path)
        except TomlFileError as error:
            raise ConfigError([f"cannot be updated: {error}"]) from None
    for key, value in update.items():
        section, _, name = key.rpartition(".")
        table = document.setdefault(section, {}) if section else document
        if not isinstance(table, dict):
            raise ConfigError([f"{section}: expected a [{section}] table"], path)
        if value is None:
            table.pop(name, None)
        else:
            table[name] = value.reveal() if isinstance(value, Secret) else value
    return render(document)


def check(text: str, env: Mapping[str, str] | None = None) -> Settings:
    """The settings ``text`` gives; :class:`ConfigError` lists every key that is wrong.

    Read without the environment unless ``env`` is given, so the check is of the file alone; with
    ``env`` (``os.environ``) it is what the terminal would run with, ``KASIR_…`` variables winning.
    """
    with tempfile.TemporaryDirectory(prefix="kasir-settings-") as folder:
        trial = Path(folder) / "kasir.toml"
        _write_private(trial, text)
        try:
            return load_settings(trial, env=env or {})
        except ConfigError as error:
            raise ConfigError(list(error.problems)) from None


def changed_keys(before: Settings, after: Settings) -> list[str]:
    """The keys whose setting differs, named as in the file; values are compared, never shown
    (a secret read from a ``*_file`` and the same one inline are the same setting)."""
    changed = []
    for item in fields(Settings):
        if item.name == "source":
            continue
        old, new = getattr(before, item.name), getattr(after, item.name)
        if is_dataclass(old):
            changed += [
                f"{item.name}.{inner.name}"
                for inner in fields(old)
                if getattr(old, inner.name) != getattr(new, inner.name)
            ]
        elif old != new:
            changed.append(item.name)
    return changed


def write(path: Path, text: str) -> None:
    """Replace ``path`` with ``text``: a reader sees the old file or the new one, never half."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with replacing_file(path, permissions=0o600) as out:  # it may hold secrets
        out.write(text)


def render(document: Mapping[str, object]) -> str:
    """TOML for a settings document: top-level keys, then one ``[table]`` per section."""
    tables = {key: value for key, value in document.items() if isinstance(value, Mapping)}
    lines = [HEADER.rstrip("\n")]
    lines += [_pair(key, value, key) for key, value in document.items() if key not in tables]
    for name, table in tables.items():
        if table:
            lines += ["", f"[{_key(name)}]"]
            lines += [_pair(key, value, f"{name}.{key}") for key, value in table.items()]
    return "\n".join(lines) + "\n"


def _write_private(path: Path, text: str) -> None:
    with os.fdopen(
        os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w", encoding="utf-8"
    ) as out:
        out.write(text)


def _pair(key: str, value: object, dotted: str) -> str:
    return f"{_key(key)} = {_value(dotted, value)}"


def _key(key: str) -> str:
    bare = key.replace("_", "").replace("-", "").isalnum() and key.isascii()
    return key if bare else json.dumps(key, ensure_ascii=False)


def _value(key: str, value: object) -> str:
    """A TOML value. A JSON string is a TOML basic string (the same escapes), once DEL, which
    JSON leaves alone and TOML does not allow bare, is escaped too."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_value(key, item) for item in value) + "]"
    raise ConfigError([f"{key}: cannot write a {type(value).__name__} to the settings file"])
