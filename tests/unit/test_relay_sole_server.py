"""One ``relay serve`` per SQLite file, however the settings name the file."""

import os
from pathlib import Path

import pytest

from pos_app.relay.sole_server import AlreadyServed, claimed, lock_path


@pytest.mark.skipif(os.name != "posix", reason="flock and symlinks")
def test_the_file_named_through_a_symlink_is_the_same_file(tmp_path: Path) -> None:
    db = tmp_path / "data" / "relay.db"
    db.parent.mkdir()
    db.touch()
    through_link = tmp_path / "kasir.db"
    through_link.symlink_to(db)

    with (
        claimed(db),
        pytest.raises(AlreadyServed, match=r"serves .* already"),
        claimed(through_link),
    ):
        pass
    with claimed(through_link):  # free again once the first let go
        assert lock_path(db).read_text(encoding="ascii") == str(os.getpid())


@pytest.mark.skipif(os.name != "posix", reason="flock")
def test_a_lock_file_with_other_bytes_in_it_still_refuses_in_words(tmp_path: Path) -> None:
    db = tmp_path / "relay.db"
    with claimed(db):
        lock_path(db).write_bytes(b"\xff\xfe")
        with pytest.raises(AlreadyServed, match="another process serves"), claimed(db):
            pass
