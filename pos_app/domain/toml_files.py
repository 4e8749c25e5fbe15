"""Reading a settings file written in TOML, as the terminal, the relay and the sandbox do.

One reader, so that each takes the same files: one saved by Notepad as "UTF-8 with BOM" too (the
mark is invisible, so refusing it would say line 1 is wrong where nothing shows), and each way a
file can fail to read is one error naming the file, which each caller words as its own.
"""

import tomllib
from pathlib import Path
from typing import Any

from pos_app.domain.errors import KasirError
from pos_app.domain.texts import N_, Text


class TomlFileError(KasirError):
    """A TOML file that cannot be read: its message names the file and what was wrong."""


def read_toml(path: Path) -> dict[str, Any]:
    """The document ``path`` holds; :class:`TomlFileError` if it cannot be read, is not UTF-8
    text or is not TOML."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        problem = Text(N_("cannot read {path}: {why}"), path=path, why=exc.strerror or exc)
    except UnicodeDecodeError:
        problem = Text(N_("{path} is not UTF-8 text"), path=path)
    except tomllib.TOMLDecodeError as exc:  # tomllib says what is wrong in English only
        problem = Text("{path} is not valid TOML: {reason}", path=path, reason=exc)
    raise TomlFileError(problem)
