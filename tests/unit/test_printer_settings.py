"""The receipt printer's address forms and the [printer] settings."""

from pathlib import Path

import pytest

from pos_app.domain.errors import ValidationError
from pos_app.domain.printer_address import PrinterKind, parse_printer
from pos_app.settings.printer_settings import PrinterSettings
from pos_app.settings.terminal_config import ConfigError, load_settings


@pytest.mark.parametrize(
    ("text", "kind", "shown"),
    [
        ("tcp://192.168.1.50:9100", PrinterKind.NETWORK, "tcp://192.168.1.50:9100"),
        ("tcp://printer.local", PrinterKind.NETWORK, "tcp://printer.local:9100"),
        (" TCP://10.0.0.5:4242/ ", PrinterKind.NETWORK, "tcp://10.0.0.5:4242"),
        ("usb://04b8:0202", PrinterKind.USB, "usb://04b8:0202"),
        ("usb://0FE6:811E", PrinterKind.USB, "usb://0fe6:811e"),
        ("serial:/dev/ttyUSB0", PrinterKind.SERIAL, "serial:/dev/ttyUSB0?baudrate=9600"),
        (
            "serial:///dev/ttyS0?baudrate=19200",
            PrinterKind.SERIAL,
            "serial:/dev/ttyS0?baudrate=19200",
        ),
        ("serial:COM3", PrinterKind.SERIAL, "serial:COM3?baudrate=9600"),
    ],
)
def test_each_kind_of_address_reads_and_writes_back(
    text: str, kind: PrinterKind, shown: str
) -> None:
    address = parse_printer(text)
    assert address.kind is kind and str(address) == shown
    assert parse_printer(shown) == address, "what is written reads back the same"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "192.168.1.50",
        "tcp:192.168.1.50",
        "http://192.168.1.50",
        "tcp://printer at the back",
        "tcp://host:0",
        "tcp://host:65536",
        "tcp://host:port",
        "usb://4b8:202",
        "usb://04b8",
        "serial:",
        "serial:/dev/tty USB0",
        "serial:/dev/ttyUSB0\x00",
        "serial:/dev/tty\x1bUSB0",
        "serial:/dev/ttyS0?speed=9600",
    ],
)
def test_a_wrong_address_names_the_forms_expected(text: str) -> None:
    with pytest.raises(ValidationError, match="expected a printer as tcp://HOST:PORT"):
        parse_printer(text)


def settings_file(folder: Path, text: str) -> Path:
    path = folder / "kasir.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_printer_settings_from_the_file_and_the_environment(tmp_path: Path) -> None:
    assert load_settings(settings_file(tmp_path, ""), env={}).printer == PrinterSettings()
    path = settings_file(
        tmp_path,
        '[printer]\naddress = "tcp://192.168.1.50"\nwidth = 58\n'
        "auto_print = false\ndrawer = true\n",
    )
    assert load_settings(path, env={}).printer == PrinterSettings(
        parse_printer("tcp://192.168.1.50:9100"), width=58, auto_print=False, drawer=True
    )
    env = {
        "KASIR_PRINTER_ADDRESS": "usb://04b8:0202",
        "KASIR_PRINTER_WIDTH": "80",
        "KASIR_PRINTER_AUTO_PRINT": "true",
        "KASIR_PRINTER_DRAWER": "False",
    }
    assert load_settings(path, env=env).printer == PrinterSettings(
        parse_printer("usb://04b8:0202"), width=80, auto_print=True, drawer=False
    )


def test_every_wrong_printer_setting_is_named(tmp_path: Path) -> None:
    path = settings_file(
        tmp_path,
        '[printer]\naddress = "lpt1"\nwidth = 76\nauto_print = "yes"\ndrawer = 1\nspeed = 2\n',
    )
    with pytest.raises(ConfigError) as raised:
        load_settings(path, env={})
    problems = "\n".join(raised.value.problems)
    assert "printer.address: expected a printer as" in problems
    assert "printer.width: expected the roll's width in mm, 58 or 80, got 76" in problems
    assert "printer.auto_print: expected true or false, got 'yes'" in problems
    assert "printer.drawer: expected true or false, got 1" in problems
    assert "printer.speed: unknown setting" in problems


def test_an_empty_address_is_no_printer(tmp_path: Path) -> None:
    path = settings_file(tmp_path, '[printer]\naddress = ""\n')
    assert load_settings(path, env={}).printer.address is None


@pytest.mark.parametrize("width", ["80.0", "58.0", "true", '"٨٠"'])
def test_a_width_that_only_looks_like_58_or_80_is_named(tmp_path: Path, width: str) -> None:
    path = settings_file(tmp_path, f"[printer]\nwidth = {width}\n")
    with pytest.raises(ConfigError, match=r"printer\.width: expected the roll's width in mm"):
        load_settings(path, env={})
