"""A file replaced whole: a reader, a crash or a power cut sees the old file or the new one,
never half of either. Shared by every file Kasir writes for people or for itself (exports,
settings, compiled translations, the support bundle, the demo's ports).

The new file is written beside the target under a hidden temporary name, synced, and renamed over
the target only when the writing block ends without an exception; the folder is synced after, so
the rename too survives a power cut. Any failure removes the temporary file and leaves the target
as it was.
"""

import contextlib
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


@contextmanager
def replacing(target: Path, *, permissions: int = 0o666) -> Iterator[Path]:
    """The path of a new, empty file beside ``target`` (``permissions`` before the umask; the
    default is what any file the user saves gets), for a block (or a program it runs) to write
    whole; it then becomes ``target``. Raises :class:`OSError` as the file system does."""
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, permissions))
    try:
        yield partial
        _sync(partial)
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
    sync_folder(target.parent)


@contextmanager
def replacing_file(
    target: Path,
    mode: str = "w",
    *,
    encoding: str | None = "utf-8",
    newline: str | None = None,
    permissions: int = 0o666,
) -> Iterator[IO[Any]]:
    """:func:`replacing`, opened in ``mode`` (``"w"`` for text, ``"wb"`` for bytes)."""
    with (
        replacing(target, permissions=permissions) as partial,
        open(partial, mode, encoding=None if "b" in mode else encoding, newline=newline) as handle,
    ):
        yield handle


def _sync(path: Path) -> None:
    """Make the file's bytes durable before the rename makes them the target's."""
    descriptor = os.open(path, os.O_RDWR)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX); Windows has no directory handles to sync."""
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
