"""Which language Kasir speaks, and where its compiled Qt catalogue (``.qm``) comes from.

The catalogues' sources are ``resources/translations/kasir_<language>.ts`` (Qt Linguist files,
in the repository). Compiled ``.qm`` files are build output and never committed: a PyInstaller
build ships them compiled; a source tree compiles each ``.ts`` with Qt's ``lrelease`` (part of
PySide6) on first use into the user cache folder, under a name that carries the hash of the
``.ts``, so an edited catalogue is compiled again and a stale one is never loaded. Offline, with
nothing to install: ``lrelease`` comes with the PySide6 wheel.

Qt-free: the GUI asks :func:`choose_language` with the system's UI languages and loads the file
:func:`catalogue` returns.
"""

import hashlib
import importlib.util
import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from pos_app.domain.atomic_files import replacing
from pos_app.settings import paths

LANGUAGES: Final = ("id", "en")
"""``id``: Bahasa Indonesia; ``en``: English, the language of the source texts."""
SOURCE_LANGUAGE: Final = "en"
_LANGUAGE_ALIASES: Final = {"in": "id"}
"""Java and old systems name Indonesian ``in``."""
COMPILE_TIMEOUT = 60.0


class CatalogueError(Exception):
    """A catalogue could not be compiled; the message says why (Kasir then speaks English)."""


def choose_language(setting: str | None, ui_languages: Sequence[str]) -> str:
    """The ``language`` setting if given, else the first of the system's UI languages that Kasir
    speaks (``id-ID``, ``id_ID.UTF-8`` and ``in`` are Indonesian), else English."""
    if setting is not None:
        if setting not in LANGUAGES:
            raise ValueError(f"language: expected one of {', '.join(LANGUAGES)}, got {setting!r}")
        return setting
    for name in ui_languages:
        code = name.replace("-", "_").split("_")[0].split(".")[0].lower()
        code = _LANGUAGE_ALIASES.get(code, code)
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def translations_dir() -> Path:
    return paths.resources_dir() / "translations"


def catalogue(language: str, cache_dir: Path | None = None) -> Path:
    """The compiled catalogue of ``language``: shipped beside its source in a build, else compiled
    from ``kasir_<language>.ts`` into ``cache_dir`` (default: the user cache folder)."""
    if language not in LANGUAGES:
        raise ValueError(f"language: expected one of {', '.join(LANGUAGES)}, got {language!r}")
    source = translations_dir() / f"kasir_{language}.ts"
    shipped = source.with_suffix(".qm")
    if not source.is_file():
        if shipped.is_file():
            return shipped
        raise CatalogueError(f"no catalogue for {language!r}: neither {source} nor {shipped}")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    folder = cache_dir or paths.cache_folder("translations")
    compiled = folder / f"kasir_{language}-{digest}.qm"
    if not compiled.is_file():
        compile_catalogue(source, compiled)
    return compiled


def compile_catalogue(source: Path, target: Path) -> None:
    """``lrelease`` ``source`` into ``target``, atomically: a reader sees the whole file or none."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with replacing(target) as partial:
            _lrelease(source, partial)
    except OSError as exc:
        raise CatalogueError(
            f"cannot write the compiled catalogue in {target.parent}: {exc}"
        ) from None


def _lrelease(source: Path, compiled: Path) -> None:
    try:
        done = subprocess.run(
            [str(lrelease()), "-silent", str(source), "-qm", str(compiled)],
            capture_output=True,
            text=True,
            timeout=COMPILE_TIMEOUT,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise CatalogueError(f"lrelease could not compile {source}: {exc}") from None
    if done.returncode != 0 or not compiled.stat().st_size:
        output = (done.stderr or done.stdout).strip()
        raise CatalogueError(f"lrelease could not compile {source}: {output}")


def lrelease() -> Path:
    """Qt's ``lrelease``: the one inside the PySide6 package, else one on the PATH."""
    name = "lrelease.exe" if os.name == "nt" else "lrelease"
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / name
        if candidate.is_file():
            return candidate
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found is None:
        raise CatalogueError("lrelease not found: it comes with PySide6 (pip install PySide6)")
    return Path(found)
