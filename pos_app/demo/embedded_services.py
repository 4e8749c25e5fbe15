"""The provider simulator and a relay running inside the terminal's process, for demo mode and
the ``sandbox`` provider; imported only when one of them starts, since it loads Starlette,
uvicorn and the relay server."""

from dataclasses import dataclass
from pathlib import Path

from pos_app.demo.embedded_relay import EmbeddedRelay, start_relay
from pos_app.demo.server_thread import ServerThread
from pos_app.relay.config import RelayConfig
from pos_app.sandbox.app import create_sandbox_app
from pos_app.sandbox.config import SandboxConfig


@dataclass
class EmbeddedServices:
    """The simulator and a relay running in this process, for demo mode and training."""

    sandbox: ServerThread
    relay: EmbeddedRelay
    relay_token: str
    config: SandboxConfig

    @classmethod
    def start(cls, relay_db: Path, terminal_id: str = "T1") -> "EmbeddedServices":
        config = SandboxConfig(retry_scale=0.001)
        new_relay = not relay_db.exists()
        sandbox = ServerThread(create_sandbox_app(config)).start()
        relay_config = RelayConfig(
            port=0,
            db=relay_db,
            doku_client_id=config.doku_client_id,
            doku_secret_key=config.doku_secret_key,
            ecommpay_project_id=config.ecommpay_project_id,
            ecommpay_secret_key=config.ecommpay_secret_key,
        )
        try:
            relay = start_relay(relay_config)
        except BaseException:
            sandbox.stop()
            raise
        token = _embedded_relay_token(relay, relay_db, new_relay, terminal_id)
        return cls(sandbox, relay, token, config)

    def stop(self) -> None:
        self.relay.stop()
        self.sandbox.stop()


def _embedded_relay_token(
    relay: EmbeddedRelay, relay_db: Path, new_relay: bool, terminal_id: str
) -> str:
    """This terminal's token at the embedded relay, kept beside its database (owner-only).

    A relay database made anew knows no token, so an old token file is replaced then. The
    terminal is named by its terminal id, as the relay takes only that id's invoices from it.
    """
    token_file = relay_db.with_suffix(".token")
    if token_file.exists() and not new_relay:
        return token_file.read_text(encoding="utf-8").strip()
    token = relay.add_terminal(terminal_id)
    token_file.touch(mode=0o600)
    token_file.write_text(token, encoding="utf-8")
    return token
