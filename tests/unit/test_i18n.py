"""Choosing the language, compiling its catalogue once per version, and the ``language`` setting."""

from pathlib import Path

import pytest

from pos_app.settings import languages, paths
from pos_app.settings.languages import CatalogueError, catalogue, choose_language
from pos_app.settings.terminal_config import ConfigError, load_settings


@pytest.mark.parametrize(
    ("setting", "ui_languages", "chosen"),
    [
        (None, ["id-ID", "id"], "id"),
        (None, ["id_ID.UTF-8"], "id"),
        (None, ["in-ID"], "id"),
        (None, ["de-DE", "id-ID"], "id"),
        (None, ["en-GB", "id-ID"], "en"),
        (None, ["de-DE"], "en"),
        (None, ["C"], "en"),
        (None, [], "en"),
        ("en", ["id-ID"], "en"),
        ("id", ["en-US"], "id"),
    ],
)
def test_the_setting_wins_else_the_first_system_language_kasir_speaks(
    setting: str | None, ui_languages: list[str], chosen: str
) -> None:
    assert choose_language(setting, ui_languages) == chosen


def test_an_unknown_language_setting_is_named() -> None:
    with pytest.raises(ValueError, match="language: expected one of id, en, got 'fr'"):
        choose_language("fr", ["id-ID"])


def test_a_catalogue_is_compiled_once_per_version_of_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = tmp_path / "resources" / "translations"
    sources.mkdir(parents=True)
    source = sources / "kasir_id.ts"
    shipped = Path(languages.__file__).parents[2] / "resources" / "translations" / "kasir_id.ts"
    source.write_bytes(shipped.read_bytes())
    monkeypatch.setattr(languages, "translations_dir", lambda: sources)
    cache = tmp_path / "cache"

    first = catalogue("id", cache)
    assert first.parent == cache and first.stat().st_size > 0
    stamp = first.stat().st_mtime_ns
    assert catalogue("id", cache) == first and first.stat().st_mtime_ns == stamp

    source.write_text(source.read_text(encoding="utf-8").replace("Tunai", "Kontan"), "utf-8")
    edited = catalogue("id", cache)
    assert edited != first, "an edited source is compiled anew, never the stale file"
    assert sorted(path.name for path in cache.iterdir()) == sorted([first.name, edited.name])


def test_a_build_ships_the_compiled_catalogue_without_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "kasir_en.qm").write_bytes(b"compiled")
    monkeypatch.setattr(languages, "translations_dir", lambda: tmp_path)
    assert catalogue("en", tmp_path / "cache") == tmp_path / "kasir_en.qm"
    with pytest.raises(CatalogueError, match="no catalogue for 'id'"):
        catalogue("id", tmp_path / "cache")


def test_an_unwritable_cache_is_a_catalogue_error_not_a_crash(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(CatalogueError, match="cannot write the compiled catalogue"):
        catalogue("id", blocker / "cache")


def test_a_broken_source_is_a_catalogue_error_and_leaves_nothing_behind(tmp_path: Path) -> None:
    source = tmp_path / "kasir_id.ts"
    source.write_text("<TS><context>", encoding="utf-8")
    target = tmp_path / "out" / "kasir_id.qm"
    with pytest.raises(CatalogueError, match="lrelease could not compile"):
        languages.compile_catalogue(source, target)
    assert list(target.parent.iterdir()) == []


@pytest.fixture
def no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "config_path", lambda: tmp_path / "absent.toml")


@pytest.mark.usefixtures("no_user_config")
def test_the_language_setting_comes_from_the_file_or_the_environment(tmp_path: Path) -> None:
    assert load_settings(env={}).language is None, "not set: the system's language"
    file = tmp_path / "kasir.toml"
    file.write_text('language = "id"\n', encoding="utf-8")
    assert load_settings(file, env={}).language == "id"
    assert load_settings(file, env={"KASIR_LANGUAGE": "en"}).language == "en"


@pytest.mark.usefixtures("no_user_config")
def test_a_wrong_language_setting_is_named(tmp_path: Path) -> None:
    with pytest.raises(
        ConfigError, match=r"language \(from KASIR_LANGUAGE\): expected one of id, en"
    ):
        load_settings(env={"KASIR_LANGUAGE": "jv"})
