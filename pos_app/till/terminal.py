"""Assembling a terminal: store, payment provider, relay client and checkout, from the settings.

Demo mode (and the ``sandbox`` provider) embeds the provider simulator and a relay on free loopback
ports, so a newcomer needs no account and no network; those servers are imported only then. The
provider is built by :mod:`pos_app.payments.registry`, which imports only the provider in use.
Everything here is Qt-free; the GUI receives a ready :class:`Terminal`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from pos_app.clients.relay_client import RelayClient
from pos_app.domain.tax import NO_TAX
from pos_app.payments.model import PaymentProvider
from pos_app.payments.registry import build_payouts
from pos_app.payments.registry import build_provider as build_registered_provider
from pos_app.settings.terminal_config import (
    ConfigError,
    ProviderChoice,
    Secret,
    Settings,
    ShopSettings,
)
from pos_app.store.problem_payments import ProblemKind, told_by_callback
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.checkout import Checkout
from pos_app.till.refund_payouts import Payouts

if TYPE_CHECKING:
    from pos_app.demo.embedded_services import EmbeddedServices
    from pos_app.till.receipt_printer import ReceiptPrinter

log = logging.getLogger(__name__)

DEMO_SHOP = ShopSettings(name="Toko Demo Kasir", address="Jl. Contoh No. 1, Jakarta Pusat")
PRINTER_CLOSE_WAIT = 5.0
"""Seconds the printer may take at shutdown to finish the receipts it was given."""
LOOPBACK_IP = "127.0.0.1"
"""The customer address a demo payout gives the sandbox, which requires one."""


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
    printer: ReceiptPrinter | None = None
    """The thermal receipt printer and its drawer; None without ``[printer] address``."""
    closed: bool = field(default=False, repr=False)

    @property
    def provider_label(self) -> str:
        return self.settings.provider.provider_name.wallet_label

    @property
    def sandbox(self) -> bool:
        """Payments go to a simulator or a provider's test environment: no real money."""
        return self.embedded is not None or (
            self.settings.provider is ProviderChoice.DOKU
            and self.settings.doku.environment == "sandbox"
        )

    def check_open(self, invoices: list[str]) -> None:
        """Ask about each open payment the counter no longer shows (the checkout's listeners
        hear the answers); one still unknown does not keep the others from being asked."""
        for invoice in invoices:
            try:
                self.checkout.check_or_expire(invoice)
            except Exception as error:
                log.info("status of %s still unknown: %s", invoice, error)

    def follow_up(self) -> None:
        """Registrations and page ends the relay missed go again, payments ended here,
        payouts still pending, and payments and payouts a callback told paid in part are asked
        about again: a payment found paid comes as a late payment through the checkout's
        listeners, a payout's word is in the problem payments. One step's trouble does not
        keep the others from running."""
        steps: list[Callable[[], object]] = [
            self.checkout.registrations.register_due,
            self.checkout.registrations.end_pages_due,
            self.checkout.follow_up_ended,
        ]
        if self.payouts is not None:
            steps.append(self.payouts.check_pending)
        steps.append(self.ask_told_by_callback)
        for step in steps:
            try:
                step()
            except Exception:
                log.exception("follow-up: %s failed", step.__name__)

    def ask_told_by_callback(self) -> None:
        """Ask the provider about each payment and payout listed as paid another amount that
        only a callback told (:func:`told_by_callback`): about a payment split into parts, it
        names the last part only. The status answer tells what all of them paid; one not
        answered now is asked at the next pass, and one made through a provider this till no
        longer uses is left to the manager."""
        for problem in told_by_callback(self.store.repositories().db):
            number = problem.invoice_number
            try:
                if problem.kind is not ProblemKind.PAYOUT_DIFFERS:
                    if problem.provider is self.checkout.provider.name:
                        self.checkout.check_status(number)
                elif self.payouts is not None and problem.provider is self.payouts.gateway.name:
                    self.payouts.check_listed(number)
            except Exception as error:  # one payment's trouble does not stop the others'
                log.info("%s, paid another amount, not answered yet: %s", number, error)

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
        if self.printer is not None and not self.printer.close(PRINTER_CLOSE_WAIT):
            log.warning("the receipt printer still had jobs at shutdown; they are dropped")
        self.store.close()


def open_terminal(settings: Settings, db_path: Path, *, demo: bool = False) -> Terminal:
    """Build the terminal; raises :class:`ConfigError` naming what is missing for real payments,
    or a URL setting its HTTP clients would refuse (settings made in code skip the file's check),
    so that ``pos-app`` says so in words, not with a traceback."""
    demo_users: tuple[tuple[str, str, str], ...] = ()
    if demo:  # demo mode's code loads only for it
        from pos_app.demo.seed import DEMO_TAX, DEMO_USERS

        demo_users = DEMO_USERS
        shop = DEMO_SHOP if settings.shop == ShopSettings() else settings.shop
        tax = DEMO_TAX if settings.tax == NO_TAX else settings.tax
        settings = replace(settings, provider=ProviderChoice.SANDBOX, shop=shop, tax=tax)
    problems = [
        f"{key}: not set (needed for provider {settings.provider})"
        for key in settings.missing_for_provider()
    ]
    problems += settings.unusable_urls()
    if problems:
        raise ConfigError(problems)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    store = TerminalStore(db_path, settings.business_day)
    embedded = None
    try:
        if settings.provider is ProviderChoice.SANDBOX:
            from pos_app.demo.embedded_services import EmbeddedServices

            embedded = EmbeddedServices.start(
                db_path.with_name(db_path.stem + "-relay.db"),
                settings.terminal_id,
                sandbox_state=db_path.with_name(db_path.stem + "-sandbox.db"),
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
            tax=settings.tax,
            approval_above_percent=settings.discounts.approval_above_percent,
        )
        payouts = refund_payouts(settings, store, relay, relay_url)
        if demo:
            from pos_app.demo.seed import seed_demo

            seed_demo(store)
    except BaseException:
        if embedded is not None:
            embedded.stop()
        store.close()
        raise
    from pos_app.till.receipt_printer import open_receipt_printer  # it imports this module

    return Terminal(
        settings,
        store,
        checkout,
        relay,
        demo=demo,
        embedded=embedded,
        demo_users=demo_users,
        payouts=payouts,
        printer=open_receipt_printer(settings.printer),
    )


def build_provider(settings: Settings, relay_url: str) -> PaymentProvider:
    """The configured provider; its notifications and callbacks go to the relay."""
    return build_registered_provider(settings.provider.provider_name, settings, relay_url)


def refund_payouts(
    settings: Settings, store: TerminalStore, relay: RelayClient, relay_url: str
) -> Payouts | None:
    """Refunds go out as ecommpay Gate payouts whichever provider takes the sales (in demo mode
    through the embedded sandbox's demo project); None until the ecommpay settings are complete."""
    if settings.missing_for_payouts():
        return None
    gateway = build_payouts(settings, relay_url)
    return Payouts(store, gateway, relay=relay, terminal_id=settings.terminal_id)


def _embedded_settings(settings: Settings, embedded: EmbeddedServices) -> Settings:
    """``settings`` with the embedded sandbox's credentials for DOKU and ecommpay, so that demo
    mode builds its provider and its payouts as a real terminal does."""
    config = embedded.config
    doku = replace(
        settings.doku,
        client_id=config.doku_client_id,
        secret_key=Secret(config.doku_secret_key),
        base_url=embedded.sandbox.url,
    )
    ecommpay = replace(
        settings.ecommpay,
        project_id=config.ecommpay_project_id,
        secret_key=Secret(config.ecommpay_secret_key),
        gate_url=embedded.sandbox.url,
        customer_ip=LOOPBACK_IP,
    )
    return replace(settings, doku=doku, ecommpay=ecommpay)
