"""Every test run keeps its logs in a temporary folder, never in the machine's own log folder."""

import os
from collections.abc import Iterator

import pytest

from pos_app.settings.log_file import LOG_DIR_ENV

pytest_plugins = ["tests.harness.postgres_server"]


@pytest.fixture(autouse=True, scope="session")
def _logs_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """``KASIR_LOG_DIR`` for the terminals the tests start, in this process and in children.

    Tests that clear every ``KASIR_`` variable fall back to the platform's folder, so on Linux
    ``XDG_STATE_HOME`` (where ``platformdirs`` puts the log folder) is moved as well.
    """
    folder = tmp_path_factory.mktemp("logs")
    saved = {name: os.environ.get(name) for name in (LOG_DIR_ENV, "XDG_STATE_HOME")}
    os.environ[LOG_DIR_ENV] = str(folder / "kasir")
    os.environ["XDG_STATE_HOME"] = str(folder / "state")
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
