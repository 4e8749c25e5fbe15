"""``pos-app --self-test``: does this installation work? One QR sale end to end, unattended.

Demo mode on a temporary database, with the embedded sandbox and relay on loopback: both
language catalogues load, the main window opens, the demo cashier signs in, two products go in
the basket, the QR payment is created and shown, the customer's Pay button (the sandbox's
control route) pays it, the news comes through the relay, the sale is completed and its receipt
shown. Each step is printed; the first that fails is named and the exit status is 1.
"""

import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import httpx
from PySide6.QtCore import QEventLoop, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from pos_app.domain.lifecycles import SaleStatus
from pos_app.domain.money import format_rupiah
from pos_app.gui.app import TerminalApp
from pos_app.gui.qr_payment import PaymentTiming
from pos_app.gui.receipt import ReceiptDialog
from pos_app.payments.model import AttemptState
from pos_app.settings.languages import LANGUAGES, CatalogueError, catalogue
from pos_app.settings.terminal_config import Settings
from pos_app.store.payment_records import EventSource
from pos_app.store.sales import Tender
from pos_app.till.terminal import Terminal, open_terminal

TIMEOUT = 60.0
"""The whole run; it takes a few seconds on a till."""
POLL_MS = 20
TIMING = PaymentTiming(
    status_check_wait=TIMEOUT, trouble_check_interval=1.0, expiry_grace=1.0, paid_close_delay=0.2
)
"""The status API is not asked before the run is over, so "paid" must come through the relay."""


class SelfTestFailed(Exception):
    """A step found something wrong; the message says what."""


@dataclass(frozen=True, slots=True)
class Step:
    name: str
    start: Callable[[], None]
    done: Callable[[], bool]
    """Polled until True; raises :class:`SelfTestFailed` when the step cannot succeed."""


def run_self_test(
    *, timeout: float = TIMEOUT, out: TextIO = sys.stdout, err: TextIO = sys.stderr
) -> int:
    """0 when every step passed; 1 with the failing step on ``err`` otherwise."""
    began = time.monotonic()
    try:
        check_catalogues()
        print("  ok  language catalogues load: " + ", ".join(LANGUAGES), file=out, flush=True)
        with tempfile.TemporaryDirectory(prefix="kasir-self-test-") as folder:
            terminal = open_terminal(Settings(), Path(folder) / "self-test.db", demo=True)
            try:
                summary = _Sale(terminal, began + timeout, out).run()
            finally:
                terminal.close()
    except Exception as error:
        print(f"self-test FAILED: {error}", file=err, flush=True)
        return 1
    print(f"self-test passed in {time.monotonic() - began:.1f} s: {summary}", file=out, flush=True)
    return 0


def check_catalogues() -> None:
    """Every language's compiled catalogue is there and Qt can read it."""
    for language in LANGUAGES:
        try:
            path = catalogue(language)
        except CatalogueError as error:
            raise SelfTestFailed(f"language catalogue {language!r}: {error}") from None
        translator = QTranslator()
        if not translator.load(str(path)) or translator.isEmpty():
            raise SelfTestFailed(f"language catalogue {language!r}: Qt cannot read {path}")


class _Sale(QObject):
    """Drives the terminal through one QR sale: each step starts, then is polled until done."""

    def __init__(self, terminal: Terminal, deadline: float, out: TextIO) -> None:
        super().__init__()
        self.terminal = terminal
        self.deadline = deadline
        self.out = out
        self.app = TerminalApp(terminal, timing=TIMING, ask_for_shift=False)
        self.error: Exception | None = None
        self.invoice = ""
        self.total = 0
        self.sale_id: int | None = None
        self.steps = [
            Step("the main window opens", self._start, self.app.shell.isVisible),
            Step("the demo cashier signs in", self._sign_in, self._signed_in),
            Step("two products go in the basket", self._fill_basket, self._basket_filled),
            Step("the QR payment is created and shown", self._pay_by_qr, self._qr_shown),
            Step("the customer pays (sandbox)", self._customer_pays, self._paid_by_relay),
            Step("the sale is completed", lambda: None, self._sale_completed),
            Step("the receipt is shown", lambda: None, self._receipt_shown),
        ]
        self._index = -1
        self._step_began = 0.0
        self._loop = QEventLoop()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def run(self) -> str:
        try:
            QTimer.singleShot(0, self._next)
            self._timer.start()
            self._loop.exec()
        finally:
            self._timer.stop()
            self.app.close()
        if self.error is not None:
            raise self.error
        return f"QR sale {self.invoice} of {format_rupiah(self.total)} paid through the relay"

    def _next(self) -> None:
        self._index += 1
        if self._index == len(self.steps):
            self._loop.quit()
            return
        self._step_began = time.monotonic()
        self._guarded(self.steps[self._index].start)

    def _poll(self) -> None:
        if 0 <= self._index < len(self.steps):
            self._guarded(self._check)

    def _check(self) -> None:
        step = self.steps[self._index]
        if self.error is not None:
            raise self.error
        if step.done():
            took = time.monotonic() - self._step_began
            print(f"  ok  {step.name} ({took:.2f} s)", file=self.out, flush=True)
            self._next()
        elif time.monotonic() > self.deadline:
            raise SelfTestFailed("timed out")

    def _guarded(self, action: Callable[[], None]) -> None:
        """Run a step's part; any exception ends the run naming the step."""
        step = self.steps[self._index]
        try:
            action()
        except Exception as error:
            self.error = SelfTestFailed(f"{step.name}: {error}")
            self._index = len(self.steps)
            self._loop.quit()

    def _start(self) -> None:
        self.app.start()

    def _sign_in(self) -> None:
        _name, _role, pin = self.terminal.demo_users[0]
        self.app.sign_in.pin_entered.emit(pin)

    def _signed_in(self) -> bool:
        return self.app.user is not None and self.app.shell.currentWidget() is self.app.window

    def _fill_basket(self) -> None:
        products = self.terminal.store.products
        categories = products.categories()
        chosen = products.by_category(categories[0])[:2] if categories else []
        if len(chosen) < 2:
            raise SelfTestFailed("the demo catalogue has fewer than two products")
        for quantity, product in enumerate(chosen, start=1):
            self.app.window.add_product(product, quantity)
        self.total = self.app.window.basket_model.total

    def _basket_filled(self) -> bool:
        return self.app.window.basket_model.rowCount() == 2

    def _pay_by_qr(self) -> None:
        self.app.window.pay_by_qr()

    def _qr_shown(self) -> bool:
        payment = self.app.controller.payment
        attempt = payment.attempt if payment is not None else None
        if payment is None or attempt is None or not attempt.payment_url:
            return False
        if attempt.state is not AttemptState.PENDING:
            raise SelfTestFailed(f"the payment is {attempt.state.value}, not pending")
        if attempt.amount != self.total:
            raise SelfTestFailed(f"the payment is for {attempt.amount}, the basket {self.total}")
        self.invoice = attempt.invoice_number
        self.sale_id = attempt.sale_id
        return payment.dialog.isVisible() and payment.dialog.qr.text == attempt.payment_url

    def _customer_pays(self) -> None:
        embedded = self.terminal.embedded
        assert embedded is not None
        url = f"{embedded.sandbox.url}/_sandbox/pay/{self.invoice}"
        self.app.runner.run(
            lambda: httpx.post(url, timeout=10).raise_for_status(), None, self._failed
        )

    def _paid_by_relay(self) -> bool:
        attempt = self.terminal.store.payments.get_attempt(self.invoice)
        paid = [event for event in attempt.events if event.state is AttemptState.PAID]
        if paid and paid[0].source is not EventSource.RELAY:
            raise SelfTestFailed(f"paid was learnt from {paid[0].source.value}, not the relay")
        payment = self.app.controller.payment
        shown = payment is None or payment.dialog.state is AttemptState.PAID
        return bool(paid) and shown

    def _sale_completed(self) -> bool:
        assert self.sale_id is not None
        sale = self.terminal.store.sales.get(self.sale_id)
        if sale.status is not SaleStatus.COMPLETED:
            return False
        if sale.tender is not Tender.QR or sale.total != self.total:
            raise SelfTestFailed(f"completed as {sale.tender} for {sale.total}")
        return not len(self.app.window.basket_model.basket)

    def _receipt_shown(self) -> bool:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ReceiptDialog) and widget.isVisible():
                if widget.data.invoice_number != self.invoice:
                    raise SelfTestFailed(f"the receipt is of {widget.data.invoice_number}")
                widget.reject()
                return True
        return False

    def _failed(self, error: Exception) -> None:
        self.error = SelfTestFailed(str(error))
