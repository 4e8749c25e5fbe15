"""``pos-app sandbox``: settings from file and flags, the start banner, a real run."""

import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

from pos_app.commands.sandbox_service import banner, build_parser, main, resolve
from pos_app.payments.demo_credentials import DEMO_DOKU_SECRET_KEY, DEMO_ECOMMPAY_SECRET_KEY
from pos_app.sandbox.config import SandboxConfig


def test_flags_override_the_config_file_which_overrides_the_defaults(tmp_path: Path) -> None:
    settings = tmp_path / "sandbox.toml"
    settings.write_text(
        'port = 9100\ndoku-client-id = "MCH-FILE"\nretry_scale = 0.5\norder_expiry = 60\n'
    )
    args = build_parser().parse_args(
        ["--config", str(settings), "--retry-scale", "0.001", "--auto-pay", "3"]
    )
    host, port, config = resolve(args)

    assert (host, port) == ("127.0.0.1", 9100)
    assert config.doku_client_id == "MCH-FILE"
    assert config.retry_scale == 0.001
    assert config.order_expiry == 60
    assert config.auto_pay == 3
    assert config.doku_secret_key == DEMO_DOKU_SECRET_KEY


def test_a_config_file_saved_by_notepad_with_a_bom_is_read(tmp_path: Path) -> None:
    """Notepad's "UTF-8 with BOM" puts an invisible mark before line 1, which TOML refuses."""
    settings = tmp_path / "sandbox.toml"
    settings.write_text("port = 9100\nmerchant_name = 'Toko André'\n", encoding="utf-8-sig")

    _, port, config = resolve(build_parser().parse_args(["--config", str(settings)]))

    assert (port, config.merchant_name) == (9100, "Toko André")


def test_a_config_file_that_is_not_utf8_stops_the_start_with_a_named_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Latin-1 bytes were a UnicodeDecodeError traceback, not a settings error."""
    settings = tmp_path / "sandbox.toml"
    settings.write_bytes(b"merchant_name = 'Toko Andr\xe9'\n")
    assert main(["--config", str(settings)]) == 2
    assert f"{settings} is not UTF-8 text" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("colour = 'red'\n", "unknown sandbox setting 'colour'"),
        ("retry_scale = -1\n", "retry_scale must be at least 0"),
        ("retry_scale = 'fast'\n", "retry_scale must be a number"),
        ("public_url = 'shop.example'\n", "public_url must be an absolute http(s) URL"),
        ("port = [\n", "is not valid TOML"),
    ],
)
def test_bad_settings_stop_the_start_with_a_named_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    settings = tmp_path / "sandbox.toml"
    settings.write_text(content)
    assert main(["--config", str(settings)]) == 2
    assert message in capsys.readouterr().err


def test_the_banner_shows_demo_secrets_but_never_the_users_own() -> None:
    demo = banner(SandboxConfig(), "http://127.0.0.1:8800")
    assert DEMO_DOKU_SECRET_KEY in demo and DEMO_ECOMMPAY_SECRET_KEY in demo
    assert "MCH-DEMO-KASIR-0001" in demo and "4242" in demo

    own = SandboxConfig(
        doku_client_id="MCH-SHOP-7", doku_secret_key="SK-very-private", ecommpay_secret_key="pst"
    )
    text = banner(own, "http://127.0.0.1:8800")
    assert "MCH-SHOP-7" in text
    assert "SK-very-private" not in text and "pst" not in text
    assert "SK-very-private" not in repr(own)


def test_pos_app_sandbox_listens_prints_where_and_stops_on_sigint() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "pos_app", "sandbox", "--port", "0", "--order-expiry", "120"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(
        target=lambda: [lines.put(line) for line in process.stdout], daemon=True
    ).start()
    try:
        first = lines.get(timeout=20)
        assert first.startswith("Kasir sandbox listening on http://127.0.0.1:")
        url = first.split(" on ")[1].strip()
        assert httpx.get(url + "/").json()["doku_client_id"] == "MCH-DEMO-KASIR-0001"
        assert "orders expire after 120 s" in "".join(lines.get(timeout=5) for _ in range(8))
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
