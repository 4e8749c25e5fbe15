"""The support bundle: one zip file a shop sends when asking for help.

It holds the terminal's log files (``logs/``), the versions it runs (``versions.txt``) and the
settings it runs with (``settings.toml``, environment overrides included), each secret replaced by
:data:`SECRET_MARK`. The log files are masked once more on the way in, with the secrets of the
settings running now. The zip is written to a temporary name beside the target and then renamed,
so a failed save leaves no half file.
"""

import platform
import sys
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, datetime, time
from enum import Enum
from pathlib import Path
from typing import Final
from zoneinfo import ZoneInfo

from pos_app import __version__
from pos_app.domain.atomic_files import replacing_file
from pos_app.domain.printer_address import PrinterAddress
from pos_app.domain.tax import TaxPolicy
from pos_app.settings.log_file import SecretMask, log_files, secret_values
from pos_app.settings.settings_file import HEADER, render
from pos_app.settings.terminal_config import Secret, Settings, tax_table

SECRET_MARK: Final = "<secret: set, not included>"
VERSIONS: Final = "versions.txt"
SETTINGS: Final = "settings.toml"
LOGS: Final = "logs/"


@dataclass(frozen=True, slots=True)
class SupportBundle:
    path: Path
    entries: tuple[str, ...]
    size: int
    """Bytes of the zip file."""


def versions(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """Kasir's, Python's and the system's versions, with ``extra`` (the GUI's Qt and PySide6)."""
    return {
        "Kasir": __version__,
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        **(extra or {}),
        "platform": platform.platform(),
        "packaged": "yes" if getattr(sys, "frozen", False) else "no (source checkout)",
    }


def settings_text(settings: Settings) -> str:
    """The settings as TOML, each secret that is set shown as :data:`SECRET_MARK` only."""
    document = _document(settings)
    where = str(settings.source) if settings.source else "no settings file"
    return (
        f"# The settings this terminal runs with ({where}; KASIR_ variables included).\n"
        f"# Secrets are not included: a secret that is set shows as {SECRET_MARK!r}.\n"
        + render(document).removeprefix(HEADER)
    )


def write_support_bundle(
    target: Path,
    settings: Settings,
    log_folder: Path,
    *,
    extra_versions: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> SupportBundle:
    """Write the bundle to ``target``; what it holds and how big it is."""
    secrets = SecretMask()
    secrets.add(secret_values(settings))
    made = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    listed = [f"{name}: {value}" for name, value in versions(extra_versions).items()]
    texts = {
        VERSIONS: "\n".join([*listed, f"bundle made: {made}"]) + "\n",
        SETTINGS: settings_text(settings),
    }
    for path in log_files(log_folder):
        texts[LOGS + path.name] = path.read_text(encoding="utf-8", errors="replace")
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        replacing_file(target, "wb") as out,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf,
    ):
        for name, text in texts.items():
            zf.writestr(name, secrets.mask(text))
    return SupportBundle(target, tuple(texts), target.stat().st_size)


def _document(value: object) -> dict[str, object]:
    """A settings dataclass as a TOML document: unset values left out, the file's own forms."""
    document: dict[str, object] = {}
    assert is_dataclass(value)
    for item in fields(value):
        if item.name == "source":
            continue
        shown = _shown(getattr(value, item.name))
        if shown is not None:
            document[item.name] = shown
    return document


def _shown(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, Secret):
        return SECRET_MARK
    if isinstance(value, PrinterAddress):
        return str(value)
    if isinstance(value, TaxPolicy):
        return tax_table(value)
    if is_dataclass(value) and not isinstance(value, type):
        return _document(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, ZoneInfo):
        return value.key
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, frozenset):
        return ",".join(sorted(value))
    return value
