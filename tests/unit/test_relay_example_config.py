"""The relay deployment examples agree: the example configuration is valid, the reverse proxy
passes exactly the relay's public paths to its port, and the services run ``relay serve``."""

import re
import tomllib
from pathlib import Path

from pos_app.commands import relay_service

RELAY = Path(__file__).resolve().parents[2] / "packaging" / "relay"
EXAMPLE = RELAY / "relay.example.toml"
CONFIG = "/etc/kasir-relay/relay.toml"


def filled_in(tmp_path: Path, text: str) -> Path:
    """The example as an operator leaves it: a secret key of their own in place of each
    placeholder."""
    placeholders = re.findall(r'^secret_key = "([^"]*replace-with-your[^"]*)"$', text, re.MULTILINE)
    assert len(placeholders) == 2, "one placeholder per provider"
    for n, placeholder in enumerate(placeholders):
        text = text.replace(placeholder, f"SK-the-shops-own-key-{n}")
    config = tmp_path / "relay.toml"
    config.write_text(text, encoding="utf-8")
    return config


def test_the_example_is_refused_until_both_placeholder_secrets_are_replaced(capsys) -> None:
    assert relay_service.main(["check-config", "--config", str(EXAMPLE)]) == 1
    captured = capsys.readouterr()
    assert "doku.secret_key is still the example's placeholder" in captured.err
    assert "ecommpay.secret_key is still the example's placeholder" in captured.err
    assert "replace-with-your-doku" not in captured.out + captured.err
    assert relay_service.main(["serve", "--config", str(EXAMPLE)]) == 2, "nor does it serve"


def test_the_example_filled_in_passes_check_config(tmp_path: Path, capsys) -> None:
    config = filled_in(tmp_path, EXAMPLE.read_text(encoding="utf-8"))
    assert relay_service.main(["check-config", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert "The configuration is valid." in out
    assert "secret_key = (set)" in out
    assert "the-shops-own-key" not in out, "secrets are never printed"


def test_the_caddyfile_passes_the_public_paths_unchanged_to_the_relays_port() -> None:
    example = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    caddyfile = (RELAY / "Caddyfile").read_text(encoding="utf-8")
    active = "\n".join(line for line in caddyfile.splitlines() if not line.lstrip().startswith("#"))
    matcher = re.search(r"@relay path (.+)", active)
    assert matcher is not None
    assert set(matcher.group(1).split()) == {
        example["doku"]["notification_path"],
        "/ecommpay/callbacks",
        "/v1/*",
        "/r/*",
        "/healthz",
    }
    relay = example["relay"]
    assert re.findall(r"reverse_proxy (\S+)", active) == [f"{relay['host']}:{relay['port']}"]
    assert "rewrite" not in active and "handle_path" not in active, "DOKU signs the public path"


def test_the_service_checks_then_serves_the_configuration_as_its_own_user() -> None:
    unit = (RELAY / "kasir-relay.service").read_text(encoding="utf-8")
    settings = dict(
        line.split("=", 1) for line in unit.splitlines() if "=" in line and not line.startswith("#")
    )
    assert settings["ExecStartPre"].endswith("pos-app relay check-config --config " + CONFIG)
    assert settings["ExecStart"].endswith("pos-app relay serve --config " + CONFIG)
    assert settings["User"] == "kasir-relay" and settings["StateDirectory"] == "kasir-relay"


def test_the_workers_unit_checks_then_serves_the_configuration_on_its_instances_port() -> None:
    unit = (RELAY / "kasir-relay@.service").read_text(encoding="utf-8")
    settings = dict(
        line.split("=", 1) for line in unit.splitlines() if "=" in line and not line.startswith("#")
    )
    check = "pos-app relay check-config --config " + CONFIG + " --port %i"
    assert settings["ExecStartPre"].endswith(check)
    assert settings["ExecStart"].endswith("pos-app relay serve --config " + CONFIG + " --port %i")
    assert settings["User"] == "kasir-relay"


def test_the_example_names_a_postgresql_database_check_config_accepts(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    commented = re.search(r'^# (database_url = "postgresql://[^"]+")$', text, re.MULTILINE)
    assert commented is not None
    on_postgres = filled_in(tmp_path, text.replace(commented.group(0), commented.group(1)))

    assert relay_service.main(["check-config", "--config", str(on_postgres)]) == 0


def test_the_examples_database_url_names_the_role_and_database_the_readme_creates() -> None:
    """The relay's user logs in over the socket by peer authentication: its role must be the
    system user the units run as, which the README's runbook creates."""
    readme = (RELAY.parents[1] / "README.md").read_text(encoding="utf-8")
    role = re.search(r"sudo -u postgres createuser (\S+)", readme)
    database = re.search(r"sudo -u postgres createdb --owner \S+ (\S+)", readme)
    url = re.search(r'^# database_url = "postgresql://([^@]+)@/([^?"]+)', EXAMPLE.read_text(), re.M)
    assert role and database and url
    assert (url.group(1), url.group(2)) == (role.group(1), database.group(1))
    unit = (RELAY / "kasir-relay@.service").read_text(encoding="utf-8")
    assert f"User={role.group(1)}" in unit
