"""Closing a business day through the back office of a demo terminal with its real sandbox and
relay: what the manager confirms is what the store records, and once closed, the day stays as
signed off while sales, refunds and late payments go to the next business day."""

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from pos_app.domain.basket import LineItem
from pos_app.domain.cash_count import CashCount
from pos_app.domain.lifecycles import RefundStatus, SaleStatus
from pos_app.domain.tax import TaxClass, TaxPolicy, TaxRate
from pos_app.gui.app import TerminalApp
from pos_app.gui.back_office.day_close_tab import DayCloseTab
from pos_app.gui.back_office.window import BackOfficeWindow
from pos_app.gui.cash_dialog import CashDialog
from pos_app.gui.receipt import ReceiptDialog
from pos_app.gui.shift_dialogs import ShiftDialog, ShiftReportDialog
from pos_app.reports.z_report import ZReport, build_z_report
from pos_app.settings.terminal_config import Settings
from pos_app.store.day_closes import DayCloses
from pos_app.till import day_close
from pos_app.till.terminal import Terminal, open_terminal
from tests.gui.back_office_helpers import idle, show_tab, signed_in
from tests.gui.e2e import GORENG, WAIT_MS, press, scan, sign_in
from tests.gui.helpers import answer_confirmation, wait_for_modal
from tests.gui.test_back_office_payments import late_payment, open_attach, send

LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 4),)
TOTAL = 14_000


def today(app: TerminalApp) -> date:
    return app.terminal.store.day.date_of(app.terminal.checkout.clock())


def cash_sale(app: TerminalApp) -> int:
    checkout = app.terminal.checkout
    sale_id = checkout.open_sale(LINES, cashier="Demo Kasir")
    checkout.pay_cash(sale_id, TOTAL)
    return sale_id


def live_report(app: TerminalApp, day: date) -> ZReport:
    db = app.terminal.store.repositories().db
    return build_z_report(db, day, day=app.terminal.store.day)


def close_day(qtbot, tab: DayCloseTab) -> str:
    """Close day, then Yes to the confirmation once it shows the store's figures; its text."""
    qtbot.mouseClick(tab.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.confirmation is not None, timeout=WAIT_MS)
    assert tab.confirmation is not None
    text = tab.confirmation.text()
    answer_confirmation(qtbot, yes=True)
    return text


def refund(qtbot, window: BackOfficeWindow, sale_id: int, amount: int) -> None:
    dialog = window.open_refund(sale_id)
    assert send(qtbot, dialog, amount) is RefundStatus.PAID
    dialog.close()


def test_close_day_confirms_and_records_the_figures_of_the_moment(qtbot, start_app) -> None:
    app = start_app()
    cash_sale(app)
    window = signed_in(qtbot, app)
    tab = window.day_close
    show_tab(qtbot, window, tab)
    assert tab.report is not None and tab.report.net_total == TOTAL

    cash_sale(app)  # at the till meanwhile: the preview has not seen it
    text = close_day(qtbot, tab)
    assert "Net takings Rp 28.000" in text
    qtbot.waitUntil(lambda: tab.closed_by == "Demo Manajer", timeout=WAIT_MS)
    closed = DayCloses(app.terminal.store.repositories().db).get(today(app))
    assert closed is not None and (closed.sales_count, closed.total) == (2, 2 * TOTAL)
    assert "NET TOTAL" in tab.preview.toPlainText() and "Rp 28.000" in tab.preview.toPlainText()


def test_a_change_after_the_confirmation_is_refused_then_closed_with_it(qtbot, start_app) -> None:
    app = start_app()
    cash_sale(app)
    window = signed_in(qtbot, app)
    tab = window.day_close
    show_tab(qtbot, window, tab)

    qtbot.mouseClick(tab.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.confirmation is not None, timeout=WAIT_MS)
    assert tab.confirmation is not None and "Net takings Rp 14.000" in tab.confirmation.text()
    cash_sale(app)  # after the manager read the figures, before Yes
    answer_confirmation(qtbot, yes=True)
    qtbot.waitUntil(lambda: tab.status.text().startswith("The day was not closed"), timeout=WAIT_MS)
    assert "changed while they were shown (net takings now Rp 28.000)" in tab.status.text()
    assert DayCloses(app.terminal.store.repositories().db).get(today(app)) is None
    assert tab.report is not None and tab.report.net_total == 2 * TOTAL  # shown afresh
    assert tab.close_button.isEnabled()

    assert "Net takings Rp 28.000" in close_day(qtbot, tab)
    qtbot.waitUntil(lambda: tab.closed_by == "Demo Manajer", timeout=WAIT_MS)
    closed = DayCloses(app.terminal.store.repositories().db).get(today(app))
    assert closed is not None and closed.total == 2 * TOTAL


def test_after_the_close_sales_refunds_and_late_payments_go_to_the_next_day(
    qtbot, start_app
) -> None:
    app = start_app()
    sign_in(qtbot, app)
    day = today(app)
    first, second = cash_sale(app), cash_sale(app)
    late_sale, invoice = late_payment(qtbot, app)
    press(qtbot, Qt.Key.Key_F10)  # the till's way in: the sign-in below answers it
    window = signed_in(qtbot, app)
    refund(qtbot, window, second, 3_500)  # before the close: the closed day's
    tab = window.day_close
    show_tab(qtbot, window, tab)
    qtbot.waitUntil(lambda: tab.report is not None and tab.report.refunds_total == 3_500)
    assert "Net takings Rp 24.500" in close_day(qtbot, tab)
    qtbot.waitUntil(lambda: tab.closed_by == "Demo Manajer", timeout=WAIT_MS)
    next_day = day + timedelta(days=1)
    assert tab.status.text() == (
        f"Business day {day.isoformat()} is closed. Sales, refunds and late payments now go to "
        f"business day {next_day.isoformat()}."
    )
    db = app.terminal.store.repositories().db
    closed = DayCloses(db).get(day)
    assert closed is not None and (closed.sales_count, closed.total) == (2, 24_500)

    after = cash_sale(app)
    _, arrived_after = late_payment(qtbot, app)  # given up on and paid after the close
    refund(qtbot, window, first, 2_000)
    problems = window.problems
    show_tab(qtbot, window, problems)
    problems.refresh()
    qtbot.waitUntil(lambda: invoice in problems.invoices(), timeout=WAIT_MS)
    dialog = open_attach(qtbot, problems, invoice)
    qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    answer_confirmation(qtbot, yes=True)
    qtbot.waitUntil(lambda: invoice not in problems.invoices(), timeout=WAIT_MS)
    idle(qtbot, window)

    sales = app.terminal.store.sales
    assert sales.get(after).business_date == next_day
    attached = sales.get(late_sale)
    assert (attached.status, attached.business_date) == (SaleStatus.COMPLETED, next_day)
    [late_refund] = [r for r in app.terminal.store.refunds.for_sale(first)]
    assert late_refund.business_date == next_day

    kept = live_report(app, day)  # the closed day, asked again: what was signed off
    assert (kept.sales_count, kept.net_total, kept.refunds_total) == (2, 24_500, 3_500)
    moved = live_report(app, next_day)
    assert (moved.sales_count, moved.sales_total, moved.refunds_total) == (2, 2 * TOTAL, 2_000)
    assert [p.invoice_number for p in moved.late_payments] == [arrived_after]
    signed_off = ZReport.from_json(closed.detail)
    assert [p.invoice_number for p in signed_off.late_payments] == [invoice]
    assert (kept.late_payments, kept.cancelled_attempts) == (
        signed_off.late_payments,
        signed_off.cancelled_attempts,
    )
    assert moved.cancelled_attempts == 1  # arrived_after's, not the attached one's again

    window.close()  # back at the till: it says where sales go now
    label = next_day.strftime("%d/%m/%Y")
    qtbot.waitUntil(lambda: label in app.window.date_label.text(), timeout=WAIT_MS)
    assert app.window.notice.text() == (
        f"Business day {day.strftime('%d/%m/%Y')} is closed: sales now go to business day {label}."
    )


def test_a_shift_still_open_keeps_the_day_open(qtbot, start_app, demo_terminal) -> None:
    shifts = demo_terminal.store.shifts
    clock = demo_terminal.checkout.clock
    shift = shifts.open(terminal_id="T1", cashier="Demo Kasir", opening_float=50_000, now=clock())
    app = start_app()
    cash_sale(app)
    window = signed_in(qtbot, app)
    tab = window.day_close
    show_tab(qtbot, window, tab)
    assert tab.shifts.rowCount() == 1
    assert [tab.shifts.data(tab.shifts.index(0, c)) for c in (0, 1, 3, 4, 5)] == [
        "Demo Kasir",
        "T1",
        "open",
        "Rp 50.000",
        "Rp 64.000",
    ]
    assert tab.opening_float.text() == "50000", "the day's float starts as its shifts' floats"
    assert tab.expected.text() == "Rp 64.000"

    close_day(qtbot, tab)
    qtbot.waitUntil(lambda: tab.status.text().startswith("The day was not closed"), timeout=WAIT_MS)
    assert "the shift of Demo Kasir on till T1 is still open" in tab.status.text()
    assert DayCloses(app.terminal.store.repositories().db).get(today(app)) is None

    tab.shifts_view.selectRow(0)  # its cashier went home: the manager counts the drawer
    assert not tab.shift_report_button.isEnabled(), "an open shift has no report yet"
    qtbot.mouseClick(tab.count_shift_button, Qt.MouseButton.LeftButton)
    panel = wait_for_modal(qtbot, ShiftDialog)
    for value, pieces in ((50_000, 1), (10_000, 1), (2_000, 2)):
        panel.count.pieces[value].setValue(pieces)
    assert panel.difference.text() == "Rp 0"
    qtbot.waitUntil(panel.close_button.isEnabled, timeout=WAIT_MS)  # its figures are in
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    report = wait_for_modal(qtbot, ShiftReportDialog)
    assert "Counted by" in report.preview.toPlainText()
    report.close()
    qtbot.waitUntil(lambda: tab.shifts.data(tab.shifts.index(0, 6)) == "Rp 64.000")
    assert not tab.count_shift_button.isEnabled()
    assert shifts.get(shift.id).closed_by == "Demo Manajer"
    close_day(qtbot, tab)
    qtbot.waitUntil(lambda: tab.closed_by == "Demo Manajer", timeout=WAIT_MS)
    closed = DayCloses(app.terminal.store.repositories().db).get(today(app))
    assert closed is not None
    assert [
        (s["cashier"], s["expected_cash"], s["counted_cash"]) for s in closed.detail["shifts"]
    ] == [("Demo Kasir", 64_000, 64_000)]
    assert closed.detail["opening_float"] == 50_000
    assert "Shifts" in tab.preview.toPlainText()

    tab.shifts_view.selectRow(0)  # a closed shift's report, again, to print or save
    assert tab.shift_report_button.isEnabled() and not tab.count_shift_button.isEnabled()
    qtbot.mouseClick(tab.shift_report_button, Qt.MouseButton.LeftButton)
    again = wait_for_modal(qtbot, ShiftReportDialog)
    assert "Counted by" in again.preview.toPlainText()
    assert "Demo Manajer" in again.preview.toPlainText()
    again.close()


def test_a_float_the_manager_types_stands_when_the_day_is_read_again(
    qtbot, start_app, demo_terminal
) -> None:
    clock = demo_terminal.checkout.clock
    demo_terminal.store.shifts.open(
        terminal_id="T1", cashier="Demo Kasir", opening_float=50_000, now=clock()
    )
    app = start_app()
    window = signed_in(qtbot, app)
    tab = window.day_close
    show_tab(qtbot, window, tab)
    qtbot.waitUntil(lambda: tab.opening_float.text() == "50000", timeout=WAIT_MS)

    tab.opening_float.selectAll()
    qtbot.keyClicks(tab.opening_float, "20000")
    assert tab.expected.text() == "Rp 20.000"
    before = tab.base
    tab.refresh()  # as after a shift is closed: the day is read again
    qtbot.waitUntil(lambda: tab.base is not before, timeout=WAIT_MS)

    assert tab.opening_float.text() == "20000"
    assert tab.expected.text() == "Rp 20.000"


def test_the_day_close_records_the_float_its_screen_shows_at_the_confirmation(
    qtbot, start_app, demo_terminal
) -> None:
    """A shift opened and closed while the tab was shown: Close day read the day again and the
    tab showed the shifts' float, but the confirmation and the close used the stale report's
    (Rp 0): the day was signed off with a difference the screen did not show."""
    app = start_app()
    window = signed_in(qtbot, app)
    tab = window.day_close
    show_tab(qtbot, window, tab)
    assert tab.opening_float.text() == "0"

    shifts, clock = demo_terminal.store.shifts, demo_terminal.checkout.clock
    shift = shifts.open(terminal_id="T2", cashier="Budi", opening_float=50_000, now=clock())
    shifts.close(shift.id, CashCount({50_000: 1}), closed_by="Budi", now=clock())
    tab.drawer.pieces[50_000].setValue(1)  # the manager counts the drawer: Budi's float

    qtbot.mouseClick(tab.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.confirmation is not None, timeout=WAIT_MS)
    assert tab.confirmation is not None
    shown_float, shown_difference = tab.opening_float.text(), tab.difference.text()
    text = tab.confirmation.text()
    answer_confirmation(qtbot, yes=True)
    qtbot.waitUntil(lambda: tab.closed_by is not None, timeout=WAIT_MS)
    closed = DayCloses(demo_terminal.store.repositories().db).get(tab.base.business_date)
    assert closed is not None
    assert (shown_float, shown_difference) == ("50000", "Rp 0")
    assert f"difference {shown_difference}" in text
    assert closed.detail["opening_float"] == int(shown_float)
    assert closed.detail["difference"] == 0


def yesterday_closed(
    terminal: Terminal, counted: CashCount, opening_float: int = 0
) -> tuple[date, date]:
    """Yesterday closed by the demo manager with ``counted``: today's and yesterday's dates."""
    store, clock = terminal.store, terminal.checkout.clock
    day = store.day.date_of(clock())
    yesterday = day - timedelta(days=1)
    day_close.close_day(
        store.repositories().db,
        yesterday,
        day=store.day,
        counted=counted,
        closed_by="Demo Manajer",
        opening_float=opening_float,
        now=clock(),
    )
    return day, yesterday


def show_day(qtbot, tab: DayCloseTab, shown: date) -> None:
    """The manager picks ``shown``; back once the tab shows it."""
    tab.day.setDate(QDate(shown.year, shown.month, shown.day))
    qtbot.waitUntil(
        lambda: tab.base is not None and tab.base.business_date == shown, timeout=WAIT_MS
    )


def test_a_closed_days_count_shown_is_not_carried_into_the_day_to_close(
    qtbot, start_app, demo_terminal
) -> None:
    """The manager looked at yesterday's Z report (closed, with its count) and went back to
    today: today's drawer boxes still held yesterday's notes and coins, enabled, and Close day
    would have signed today off with a count nobody made. A count stays only while its own open
    day is read again."""
    day, yesterday = yesterday_closed(demo_terminal, CashCount({100_000: 3, 500: 7}))
    app = start_app()
    window = signed_in(qtbot, app)
    tab = window.day_close
    show_tab(qtbot, window, tab)
    tab.drawer.pieces[1_000].setValue(2)
    before = tab.base
    tab.refresh()
    qtbot.waitUntil(lambda: tab.base is not before, timeout=WAIT_MS)
    assert tab.count().total == 2_000, "today's count stands while today is read again"

    show_day(qtbot, tab, yesterday)
    assert tab.count().total == 303_500  # yesterday's count, as signed off
    show_day(qtbot, tab, day)
    assert tab.close_button.isEnabled()
    assert tab.count().total == 0 and tab.counted.text() == "Rp 0"


def test_a_float_typed_for_the_day_to_close_is_not_taken_from_another_day_shown_between(
    qtbot, start_app, demo_terminal
) -> None:
    """The manager typed today's opening float, looked at yesterday's Z report (its float
    Rp 300.000, as signed off) and went back to today: the float box still held yesterday's
    Rp 300.000, and Close day signed today off with it, expecting Rp 280.000 of cash nobody put
    in the drawer. A typed float stands for its own day only."""
    day, yesterday = yesterday_closed(demo_terminal, CashCount({100_000: 3}), 300_000)
    app = start_app()
    cash_sale(app)
    window = signed_in(qtbot, app)
    tab = window.day_close
    show_tab(qtbot, window, tab)
    tab.opening_float.selectAll()
    qtbot.keyClicks(tab.opening_float, "20000")
    assert tab.expected.text() == "Rp 34.000"

    show_day(qtbot, tab, yesterday)
    assert tab.opening_float.text() == "300000"  # yesterday's, as signed off
    show_day(qtbot, tab, day)
    assert (tab.opening_float.text(), tab.expected.text()) == ("20000", "Rp 34.000")

    tab.drawer.pieces[2_000].setValue(17)
    close_day(qtbot, tab)
    qtbot.waitUntil(lambda: tab.closed_by == "Demo Manajer", timeout=WAIT_MS)
    closed = DayCloses(demo_terminal.store.repositories().db).get(day)
    assert closed is not None
    assert (closed.detail["opening_float"], closed.detail["difference"]) == (20_000, 0)


def _rates_changing_tomorrow() -> TaxPolicy:
    """PPN added on top of the shelf price (a PKP that prices without PPN), its standard rate
    going from 11 % to 12 % (on the full price) at the start of tomorrow's business day, as on
    1 January 2025 for goods in a class taxed on the full price."""
    today = Settings().business_day.date_of(datetime.now(UTC))
    return TaxPolicy(
        enabled=True,
        prices_include_tax=False,
        rates={
            TaxClass.STANDARD: (
                TaxRate(date(2022, 4, 1), 1100),
                TaxRate(today + timedelta(days=1), 1200),
            ),
            TaxClass.EXEMPT: (TaxRate(date(2000, 1, 1), 0),),
        },
    )


@pytest.fixture
def early_closed(tmp_path: Path) -> Iterator[Terminal]:
    """A demo terminal pricing PPN on top, whose business day was closed early."""
    terminal = open_terminal(
        Settings(tax=_rates_changing_tomorrow()), tmp_path / "early.db", demo=True
    )
    store = terminal.store
    today = store.business_date(terminal.checkout.clock())
    day_close.close_day(
        store.repositories().db,
        today,
        day=store.day,
        counted=CashCount({}),
        closed_by="Demo Manajer",
    )
    yield terminal
    terminal.close()


def test_after_an_early_day_close_the_change_on_screen_is_the_change_recorded(
    qtbot, early_closed: Terminal, start_app_on
):
    """The manager closes the day early: the till books every sale to the next business day,
    with that day's PPN. The screen priced the basket on the clock's day, so the cash dialog
    asked one total, the store recorded another, and the change the cashier handed over was not
    the receipt's: for Rp 5.000 on an item of Rp 3.500, Rp 1.115 (11 %) on screen, Rp 1.080
    (12 %) recorded, the drawer Rp 35 short."""
    terminal = early_closed
    store = terminal.store
    today = store.day.date_of(terminal.checkout.clock())
    assert store.business_date(terminal.checkout.clock()) == today + timedelta(days=1)

    app = start_app_on(terminal)
    sign_in(qtbot, app)
    scan(qtbot, app, GORENG)  # Indomie Goreng, Rp 3.500 before PPN
    asked = app.window.basket_model.total
    press(qtbot, Qt.Key.Key_F9)
    cash = wait_for_modal(qtbot, CashDialog)
    cash.set_received(5_000)
    shown_change = cash.change
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)
    wait_for_modal(qtbot, ReceiptDialog).reject()
    qtbot.waitUntil(lambda: store.sales.last_completed("T1") is not None, timeout=WAIT_MS)
    sale = store.sales.last_completed("T1")
    assert sale is not None and sale.business_date == today + timedelta(days=1)

    assert (asked, shown_change) == (sale.total, sale.change_due), (
        f"the screen asked {asked} and said change {shown_change}; the sale recorded is "
        f"{sale.total} with change {sale.change_due}"
    )
    assert app.window.change_label.text() == f"Change Rp {sale.change_due:,}".replace(",", ".")
