"""Assembling a terminal: store, payment provider, relay client and checkout, from the settings.

Demo mode (and the ``sandbox`` provider) embeds the provider simulator and a relay on free loopback
ports, so a newcomer needs no account and no network. Everything here is Qt-free; the GUI receives a
ready :class:`Terminal`.
"""

from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path

from pos_app.clients.relay_client import RelayClient
from pos_app.demo.embedded_relay import EmbeddedRelay, start_relay
from pos_app.demo.server_thread import ServerThread
from pos_app.domain.catalog_csv import read_catalog_csv
from pos_app.payments.doku.client import DokuClient
from pos_app.payments.doku.provider import DokuWalletProvider
from pos_app.payments.ecommpay.gate import EcommpayGateProvider, GateClient
from pos_app.payments.ecommpay.payment_page import EcommpayPageProvider
from pos_app.payments.model import PaymentProvider
from pos_app.relay.config import RelayConfig
from pos_app.sandbox.app import create_sandbox_app
from pos_app.sandbox.config import SandboxConfig
from pos_app.settings.paths import resources_dir
from pos_app.settings.terminal_config import ConfigError, Secret, Settings, ShopSettings
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.checkout import Checkout
from pos_app.till.refund_payouts import Payouts, missing_for_payouts

DEMO_SHOP = ShopSettings(name="Toko Demo Kasir", address="Jl. Contoh No. 1, Jakarta Pusat")
DEMO_USERS = (("Demo Kasir", "cashier", "1111"), ("Demo Manajer", "manager", "9999"))
DOKU_NOTIFICATION_PATH = "/doku/notifications"
ECOMMPAY_CALLBACK_PATH = "/ecommpay/callbacks"
LOOPBACK_IP = "127.0.0.1"
"""The customer address a demo payout gives the sandbox, which requires one."""
PROVIDER_LABELS = {
    "sandbox": "DOKU Wallet",
    "doku": "DOKU Wallet",
    "ecommpay-page": "DOKU Wallet (ecommpay)",
    "ecommpay-gate": "DOKU Wallet (ecommpay Gate)",
}


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


@dataclass
class Terminal:
    settings: Settings
    store: TerminalStore
    checkout: Checkout
    relay: RelayClient | None
    demo: bool = False
    embedded: EmbeddedServices | None = None
    demo_users: tuple[tuple[str, str, str], ...] = ()
    payouts: Payouts | None = None
    """Refunds to customers' wallets (ecommpay Gate payouts); None without ecommpay settings."""
    closed: bool = field(default=False, repr=False)

    @property
    def provider_label(self) -> str:
        return PROVIDER_LABELS[self.settings.provider]

    @property
    def sandbox(self) -> bool:
        """Payments go to a simulator or a provider's test environment: no real money."""
        return self.embedded is not None or (
            self.settings.provider == "doku" and self.settings.doku.environment == "sandbox"
        )

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.embedded is not None:
            self.embedded.stop()  # first: it answers the open long-poll, then the client closes
        if self.relay is not None:
            self.relay.close()
        if self.payouts is not None:
            self.payouts.close()
        self.store.close()


def open_terminal(settings: Settings, db_path: Path, *, demo: bool = False) -> Terminal:
    """Build the terminal; raises :class:`ConfigError` naming what is missing for real payments."""
    if demo:
        shop = DEMO_SHOP if settings.shop == ShopSettings() else settings.shop
        settings = replace(settings, provider="sandbox", shop=shop)
    missing = settings.missing_for_provider()
    if missing:
        raise ConfigError(
            [f"{key}: not set (needed for provider {settings.provider})" for key in missing]
        )
    db_path.parent.mkdir(parents=True, exist_ok=True)
    store = TerminalStore(db_path, settings.business_day)
    embedded = None
    try:
        if settings.provider == "sandbox":
            embedded = EmbeddedServices.start(
                db_path.with_name(db_path.stem + "-relay.db"), settings.terminal_id
            )
            relay_url, token = embedded.relay.url, embedded.relay_token
            settings = _embedded_settings(settings, embedded)
        else:
            relay_url = settings.relay.url
            token = settings.relay.token.reveal() if settings.relay.token else ""
        relay = RelayClient(relay_url, token)
        checkout = Checkout(
            store,
            build_provider(settings, relay_url),
            terminal_id=settings.terminal_id,
            relay=relay,
            payment_expiry=timedelta(minutes=settings.qr_expiry_minutes),
        )
        payouts = build_payouts(settings, store, relay, relay_url, embedded)
        if demo:
            seed_demo(store)
    except BaseException:
        if embedded is not None:
            embedded.stop()
        store.close()
        raise
    return Terminal(
        settings,
        store,
        checkout,
        relay,
        demo=demo,
        embedded=embedded,
        demo_users=DEMO_USERS if demo else (),
        payouts=payouts,
    )


def build_provider(settings: Settings, relay_url: str) -> PaymentProvider:
    """The configured provider; its notifications and callbacks go to the relay."""
    relay_url = relay_url.rstrip("/")
    if settings.provider in ("doku", "sandbox"):
        assert settings.doku.secret_key is not None
        client = DokuClient(
            base_url=settings.doku.api_url,
            client_id=settings.doku.client_id,
            secret_key=settings.doku.secret_key.reveal(),
        )
        return DokuWalletProvider(client, notify_url=relay_url + DOKU_NOTIFICATION_PATH)
    ecommpay = settings.ecommpay
    assert ecommpay.project_id is not None and ecommpay.secret_key is not None
    gate = GateClient(
        base_url=ecommpay.gate_url,
        project_id=ecommpay.project_id,
        secret_key=ecommpay.secret_key.reveal(),
    )
    callback_url = relay_url + ECOMMPAY_CALLBACK_PATH
    if settings.provider == "ecommpay-page":
        return EcommpayPageProvider(
            gate,
            callback_url=callback_url,
            customer_email=ecommpay.customer_email,
            page_base_url=ecommpay.payment_page_url,
            expiry=timedelta(minutes=settings.qr_expiry_minutes),
        )
    return EcommpayGateProvider(
        gate,
        callback_url=callback_url,
        customer_ip=ecommpay.customer_ip,
        customer_email=ecommpay.customer_email,
    )


def build_payouts(
    settings: Settings,
    store: TerminalStore,
    relay: RelayClient,
    relay_url: str,
    embedded: EmbeddedServices | None,
) -> Payouts | None:
    """Refunds go out as ecommpay Gate payouts whichever provider takes the sales: through the
    embedded sandbox's demo project in demo mode, else when the ecommpay settings are complete."""
    if embedded is not None:
        config = embedded.config
        gate = GateClient(
            base_url=embedded.sandbox.url,
            project_id=config.ecommpay_project_id,
            secret_key=config.ecommpay_secret_key,
        )
        customer_ip = LOOPBACK_IP
    elif missing_for_payouts(settings):
        return None
    else:
        ecommpay = settings.ecommpay
        assert ecommpay.project_id is not None and ecommpay.secret_key is not None
        gate = GateClient(
            base_url=ecommpay.gate_url,
            project_id=ecommpay.project_id,
            secret_key=ecommpay.secret_key.reveal(),
        )
        customer_ip = ecommpay.customer_ip
    return Payouts(
        store,
        gate,
        relay=relay,
        callback_url=relay_url.rstrip("/") + ECOMMPAY_CALLBACK_PATH,
        customer_ip=customer_ip,
        terminal_id=settings.terminal_id,
    )


def seed_demo(store: TerminalStore) -> None:
    """First start of a demo database: the sample catalogue and the two demo users."""
    if store.products.count() == 0:
        store.products.upsert_many(read_catalog_csv(resources_dir() / "demo" / "catalog.csv"))
    if not store.users.list_users():
        for name, role, pin in DEMO_USERS:
            store.users.add_user(name, role, pin)


def _embedded_settings(settings: Settings, embedded: EmbeddedServices) -> Settings:
    config = embedded.config
    doku = replace(
        settings.doku,
        client_id=config.doku_client_id,
        secret_key=Secret(config.doku_secret_key),
        base_url=embedded.sandbox.url,
    )
    return replace(settings, doku=doku)


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
