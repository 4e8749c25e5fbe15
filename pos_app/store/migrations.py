"""The schema, as the ordered list of steps that builds it; ``PRAGMA user_version`` counts them.

Never edit a released step: append a new one. Each runs inside the transaction that also bumps the
version, so a database is either fully at a version or untouched.

Conventions: money is INTEGER rupiah; timestamps are UTC text ``YYYY-MM-DDTHH:MM:SS.mmmZ`` (fixed
width, so text order is time order); business dates are ``YYYY-MM-DD``; JSON columns hold objects.
"""

from collections.abc import Callable
from dataclasses import replace
from datetime import time
from sqlite3 import Connection

from sqlite_utils import Database

from pos_app.domain.barcodes import stored_form
from pos_app.domain.business_day import BusinessDay, zone
from pos_app.domain.errors import ValidationError
from pos_app.domain.returns import ReturnableLine

Migration = str | Callable[[Connection], None]
"""An SQL script, or a function for a step SQL alone cannot express."""

_CORE = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    barcode TEXT UNIQUE,
    name TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    price INTEGER NOT NULL CHECK (typeof(price) = 'integer' AND price >= 0),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    updated_at TEXT NOT NULL
);
CREATE INDEX products_by_name ON products (active, name COLLATE NOCASE);
CREATE INDEX products_by_sku_nocase ON products (sku COLLATE NOCASE);
CREATE INDEX products_by_category ON products (category, name COLLATE NOCASE);

CREATE TABLE sales (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    completed_at TEXT,
    business_date TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'completed', 'cancelled', 'voided')),
    cashier TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    total INTEGER NOT NULL CHECK (typeof(total) = 'integer' AND total >= 0),
    tender TEXT CHECK (tender IN ('cash', 'qr')),
    provider TEXT,
    cash_received INTEGER CHECK (cash_received IS NULL OR typeof(cash_received) = 'integer'),
    change_due INTEGER CHECK (change_due IS NULL OR change_due >= 0),
    payment_reference TEXT,
    invoice_number TEXT REFERENCES payment_attempts (invoice_number)
);
CREATE INDEX sales_by_day ON sales (business_date, status);

CREATE TABLE sale_lines (
    sale_id INTEGER NOT NULL REFERENCES sales (id),
    line_no INTEGER NOT NULL,
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    unit_price INTEGER NOT NULL CHECK (typeof(unit_price) = 'integer' AND unit_price >= 0),
    quantity INTEGER NOT NULL CHECK (typeof(quantity) = 'integer' AND quantity > 0),
    line_total INTEGER NOT NULL CHECK (line_total = unit_price * quantity),
    PRIMARY KEY (sale_id, line_no)
);

CREATE TABLE payment_attempts (
    id INTEGER PRIMARY KEY,
    invoice_number TEXT NOT NULL UNIQUE CHECK (length(invoice_number) BETWEEN 1 AND 64),
    sale_id INTEGER NOT NULL REFERENCES sales (id),
    provider TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount > 0),
    state TEXT NOT NULL CHECK (state IN ('created', 'pending', 'unknown', 'paid', 'declined',
                                         'expired', 'cancelled', 'failed', 'refunded')),
    late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
    payment_url TEXT,
    expires_at TEXT,
    reference TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX payment_attempts_by_sale ON payment_attempts (sale_id);
CREATE INDEX payment_attempts_by_state ON payment_attempts (state);
CREATE INDEX payment_attempts_late ON payment_attempts (late) WHERE late = 1;

-- Append-only: what every relay event, status check and cashier action said, in order.
-- attempt_id is NULL for an orphan: an event for an invoice this terminal does not know.
CREATE TABLE payment_events (
    id INTEGER PRIMARY KEY,
    attempt_id INTEGER REFERENCES payment_attempts (id),
    invoice_number TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('relay', 'status', 'cashier', 'system')),
    status TEXT,
    state TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'repeated', 'ignored', 'orphan')),
    payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
    relay_cursor INTEGER,
    created_at TEXT NOT NULL
);
CREATE INDEX payment_events_by_attempt ON payment_events (attempt_id, id);
CREATE INDEX payment_events_orphans ON payment_events (invoice_number) WHERE attempt_id IS NULL;
CREATE TRIGGER payment_events_no_update BEFORE UPDATE ON payment_events
BEGIN
    SELECT RAISE(ABORT, 'payment_events is append-only');
END;
CREATE TRIGGER payment_events_no_delete BEFORE DELETE ON payment_events
BEGIN
    SELECT RAISE(ABORT, 'payment_events is append-only');
END;

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
    pin_hash BLOB NOT NULL,
    salt BLOB NOT NULL,
    pin_params TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE held_baskets (
    id INTEGER PRIMARY KEY,
    lines TEXT NOT NULL CHECK (json_valid(lines)),
    cashier TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE day_closes (
    business_date TEXT PRIMARY KEY,
    closed_at TEXT NOT NULL,
    closed_by TEXT NOT NULL,
    sales_count INTEGER NOT NULL,
    total INTEGER NOT NULL,
    cash_total INTEGER NOT NULL,
    qr_total INTEGER NOT NULL,
    counted_cash INTEGER,
    detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
);
CREATE INDEX audit_log_by_time ON audit_log (at);
"""

_PRODUCT_SEARCH = """
-- Prefix search per keystroke over name words, SKU and barcode. External content: the text lives
-- in products once; products.id (a rowid alias, stable across VACUUM) links the two.
CREATE VIRTUAL TABLE products_fts USING fts5 (
    name, sku, barcode,
    content = 'products', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
CREATE TRIGGER products_fts_insert AFTER INSERT ON products
BEGIN
    INSERT INTO products_fts (rowid, name, sku, barcode)
    VALUES (new.id, new.name, new.sku, new.barcode);
END;
CREATE TRIGGER products_fts_delete AFTER DELETE ON products
BEGIN
    INSERT INTO products_fts (products_fts, rowid, name, sku, barcode)
    VALUES ('delete', old.id, old.name, old.sku, old.barcode);
END;
CREATE TRIGGER products_fts_update AFTER UPDATE OF name, sku, barcode ON products
WHEN old.name IS NOT new.name OR old.sku IS NOT new.sku OR old.barcode IS NOT new.barcode
BEGIN
    INSERT INTO products_fts (products_fts, rowid, name, sku, barcode)
    VALUES ('delete', old.id, old.name, old.sku, old.barcode);
    INSERT INTO products_fts (rowid, name, sku, barcode)
    VALUES (new.id, new.name, new.sku, new.barcode);
END;
INSERT INTO products_fts (products_fts) VALUES ('rebuild');
"""

_REFUNDS = """
-- Money paid back to a customer's DOKU Wallet (an ecommpay Gate payout), always approved by a
-- manager. sale_id is the sale whose money is returned: a completed sale, or the cancelled sale of
-- a late payment (then invoice_number names that payment). business_date is the shop day the
-- money left, set with completed_at when the provider's answer arrives.
CREATE TABLE refunds (
    id INTEGER PRIMARY KEY,
    payout_id TEXT NOT NULL UNIQUE CHECK (length(payout_id) BETWEEN 1 AND 64),
    sale_id INTEGER NOT NULL REFERENCES sales (id),
    invoice_number TEXT REFERENCES payment_attempts (invoice_number),
    provider TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount > 0),
    account_number TEXT NOT NULL,
    customer_name TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    approved_by TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'declined', 'failed')),
    reference TEXT,
    result TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(result)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    completed_at TEXT,
    business_date TEXT
);
CREATE INDEX refunds_by_day ON refunds (business_date, status);
CREATE INDEX refunds_by_sale ON refunds (sale_id);
"""

# What the provider reported as paid, beside what was asked: a payment for another amount or in
# another currency never completes its sale. NULL: paid before Kasir recorded it (the asked amount).
_PAID_AMOUNTS = """
ALTER TABLE payment_attempts ADD COLUMN paid_amount INTEGER
    CHECK (paid_amount IS NULL OR (typeof(paid_amount) = 'integer' AND paid_amount >= 0));
ALTER TABLE payment_attempts ADD COLUMN paid_currency TEXT;
"""

# Every change of a sale's or a refund's status, in order, append-only (pos_app/store/history.py
# writes them). before is NULL where the row was created. source: cashier, manager, provider (a
# paid QR payment, a payout's answer), system (the terminal itself), or migration: the status a
# row already had when history began, at its last known time. actor: a person's name, if one did.
# 'voided' was allowed by the sales CHECK but never written: it is refused from now on (a sale is
# cancelled, or its money refunded), as SQLite cannot change a CHECK without rebuilding the table.
_HISTORY = """
CREATE TABLE sale_history (
    id INTEGER PRIMARY KEY,
    sale_id INTEGER NOT NULL REFERENCES sales (id),
    before TEXT CHECK (before IN ('open', 'completed', 'cancelled')),
    after TEXT NOT NULL CHECK (after IN ('open', 'completed', 'cancelled')),
    at TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('cashier', 'manager', 'provider', 'system',
                                           'migration')),
    actor TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sale_history_by_sale ON sale_history (sale_id, id);
CREATE TRIGGER sale_history_no_update BEFORE UPDATE ON sale_history
BEGIN
    SELECT RAISE(ABORT, 'sale_history is append-only');
END;
CREATE TRIGGER sale_history_no_delete BEFORE DELETE ON sale_history
BEGIN
    SELECT RAISE(ABORT, 'sale_history is append-only');
END;

CREATE TABLE refund_history (
    id INTEGER PRIMARY KEY,
    refund_id INTEGER NOT NULL REFERENCES refunds (id),
    before TEXT CHECK (before IN ('pending', 'paid', 'declined', 'failed')),
    after TEXT NOT NULL CHECK (after IN ('pending', 'paid', 'declined', 'failed')),
    at TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('cashier', 'manager', 'provider', 'system',
                                           'migration')),
    actor TEXT NOT NULL DEFAULT ''
);
CREATE INDEX refund_history_by_refund ON refund_history (refund_id, id);
CREATE TRIGGER refund_history_no_update BEFORE UPDATE ON refund_history
BEGIN
    SELECT RAISE(ABORT, 'refund_history is append-only');
END;
CREATE TRIGGER refund_history_no_delete BEFORE DELETE ON refund_history
BEGIN
    SELECT RAISE(ABORT, 'refund_history is append-only');
END;

INSERT INTO sale_history (sale_id, before, after, at, source, actor)
SELECT id, NULL, status, coalesce(completed_at, created_at), 'migration', '' FROM sales
ORDER BY id;
INSERT INTO refund_history (refund_id, before, after, at, source, actor)
SELECT id, NULL, status, coalesce(completed_at, created_at), 'migration', '' FROM refunds
ORDER BY id;

CREATE TRIGGER sales_never_voided_insert BEFORE INSERT ON sales WHEN new.status = 'voided'
BEGIN
    SELECT RAISE(ABORT, 'a sale is never voided: cancel it, or refund its money');
END;
CREATE TRIGGER sales_never_voided_update BEFORE UPDATE OF status ON sales
WHEN new.status = 'voided'
BEGIN
    SELECT RAISE(ABORT, 'a sale is never voided: cancel it, or refund its money');
END;
"""

_CLOSED_DAYS = """
CREATE TRIGGER sales_not_into_closed_day_insert BEFORE INSERT ON sales
WHEN EXISTS (SELECT 1 FROM day_closes WHERE business_date = new.business_date)
BEGIN
    SELECT RAISE(ABORT, 'business day is closed: a sale goes to the next open day');
END;
CREATE TRIGGER sales_not_into_closed_day_update BEFORE UPDATE OF status, business_date ON sales
WHEN EXISTS (SELECT 1 FROM day_closes WHERE business_date = new.business_date)
BEGIN
    SELECT RAISE(ABORT, 'business day is closed: a sale goes to the next open day');
END;
CREATE TRIGGER refunds_not_into_closed_day BEFORE UPDATE OF status, business_date ON refunds
WHEN EXISTS (SELECT 1 FROM day_closes WHERE business_date = new.business_date)
BEGIN
    SELECT RAISE(ABORT, 'business day is closed: a refund goes to the next open day');
END;
"""

_SHIFTS = """
CREATE TABLE shifts (
    id INTEGER PRIMARY KEY,
    terminal_id TEXT NOT NULL,
    cashier TEXT NOT NULL,
    business_date TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    opening_float INTEGER NOT NULL
        CHECK (typeof(opening_float) = 'integer' AND opening_float >= 0),
    closed_at TEXT,
    closed_by TEXT,
    counted TEXT,
    expected_cash INTEGER CHECK (expected_cash IS NULL OR typeof(expected_cash) = 'integer'),
    counted_cash INTEGER CHECK (counted_cash IS NULL OR typeof(counted_cash) = 'integer')
);
CREATE UNIQUE INDEX shifts_one_open_per_cashier ON shifts (terminal_id, cashier)
WHERE closed_at IS NULL;
CREATE INDEX shifts_by_day ON shifts (business_date, id);

CREATE TABLE shift_cash_moves (
    id INTEGER PRIMARY KEY,
    shift_id INTEGER NOT NULL REFERENCES shifts (id),
    at TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount <> 0),
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    actor TEXT NOT NULL
);
CREATE INDEX shift_cash_moves_by_shift ON shift_cash_moves (shift_id, id);
"""

_HELD_NAMES = """
ALTER TABLE held_baskets ADD COLUMN name TEXT NOT NULL DEFAULT '';
"""

# Every completed sale has a receipt number (pos_app/store/receipt_numbers.py):
# <terminal_id>-<business date YYYYMMDD>-<sequence of that terminal's day, 4 digits>. The sales
# completed before this step are numbered here, in the order they completed; from now on the
# number is drawn in the transaction that completes the sale, and a completed sale without one is
# refused.
_RECEIPT_NUMBERS = """
ALTER TABLE sales ADD COLUMN receipt_number TEXT;
WITH numbered AS (
    SELECT id, terminal_id || '-' || replace(business_date, '-', '') || '-' ||
        printf('%04d', row_number() OVER (
            PARTITION BY terminal_id, business_date ORDER BY completed_at, id)) AS number
    FROM sales WHERE status = 'completed'
)
UPDATE sales SET receipt_number = (SELECT number FROM numbered WHERE numbered.id = sales.id)
WHERE status = 'completed';
CREATE UNIQUE INDEX sales_by_receipt_number ON sales (receipt_number);
CREATE INDEX sales_by_terminal_completion ON sales (terminal_id, completed_at)
WHERE status = 'completed';
CREATE TRIGGER sales_completed_with_receipt_number_insert BEFORE INSERT ON sales
WHEN new.status = 'completed' AND new.receipt_number IS NULL
BEGIN
    SELECT RAISE(ABORT, 'a completed sale needs its receipt number');
END;
CREATE TRIGGER sales_completed_with_receipt_number_update
BEFORE UPDATE OF status, receipt_number ON sales
WHEN new.status = 'completed' AND new.receipt_number IS NULL
BEGIN
    SELECT RAISE(ABORT, 'a completed sale needs its receipt number');
END;
"""

# Discounts and PPN (docs/tax.md): each line keeps what domain/pricing.py computed when the sale
# was made, so a report never prices a sale again under later rates. ``discount`` is the line's
# own discount plus its share of the basket's; ``amount``, what the customer paid for the line,
# follows from the rest. A sale made before this step has no discount and no PPN: it keeps its
# line totals as amounts.
_DISCOUNTS_AND_PPN = """
ALTER TABLE products ADD COLUMN tax_class TEXT NOT NULL DEFAULT 'standard'
    CHECK (tax_class IN ('standard', 'other', 'exempt'));
ALTER TABLE sales ADD COLUMN discount_rule TEXT NOT NULL DEFAULT '';
ALTER TABLE sales ADD COLUMN discount_approved_by TEXT;
ALTER TABLE sale_lines ADD COLUMN discount_rule TEXT NOT NULL DEFAULT '';
ALTER TABLE sale_lines ADD COLUMN discount INTEGER NOT NULL DEFAULT 0
    CHECK (typeof(discount) = 'integer' AND discount >= 0);
ALTER TABLE sale_lines ADD COLUMN basket_discount INTEGER NOT NULL DEFAULT 0
    CHECK (typeof(basket_discount) = 'integer' AND basket_discount >= 0);
ALTER TABLE sale_lines ADD COLUMN tax_class TEXT;
ALTER TABLE sale_lines ADD COLUMN tax_rate INTEGER
    CHECK (tax_rate IS NULL OR typeof(tax_rate) = 'integer');
ALTER TABLE sale_lines ADD COLUMN dpp INTEGER CHECK (dpp IS NULL OR typeof(dpp) = 'integer');
ALTER TABLE sale_lines ADD COLUMN ppn INTEGER NOT NULL DEFAULT 0
    CHECK (typeof(ppn) = 'integer' AND ppn >= 0);
ALTER TABLE sale_lines ADD COLUMN ppn_included INTEGER NOT NULL DEFAULT 1
    CHECK (ppn_included IN (0, 1));
ALTER TABLE sale_lines ADD COLUMN amount INTEGER
    GENERATED ALWAYS AS (line_total - discount + CASE WHEN ppn_included THEN 0 ELSE ppn END);
"""

# Returns (pos_app/store/returns.py): items of a completed sale brought back, and the money given
# back for them, in cash from the drawer, as a DOKU Wallet payout (its refund, ``payout_id``), or
# outside Kasir (a DOKU-direct sale refunded in DOKU's back office). ``amount`` of a return line is
# what those items had cost the customer; a return counts on the shop day it was made, never a
# closed one (a wallet return: once its payout is paid, on the day it was).
_RETURNS = """
CREATE TABLE returns (
    id INTEGER PRIMARY KEY,
    sale_id INTEGER NOT NULL REFERENCES sales (id),
    method TEXT NOT NULL CHECK (method IN ('cash', 'wallet', 'outside')),
    payout_id TEXT UNIQUE REFERENCES refunds (payout_id),
    amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount >= 0),
    terminal_id TEXT NOT NULL,
    cashier TEXT NOT NULL,
    approved_by TEXT NOT NULL CHECK (length(trim(approved_by)) > 0),
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    business_date TEXT NOT NULL,
    CHECK ((method = 'wallet') = (payout_id IS NOT NULL))
);
CREATE INDEX returns_by_sale ON returns (sale_id);
CREATE INDEX returns_by_day ON returns (business_date);
CREATE INDEX returns_by_till ON returns (terminal_id, cashier, created_at);

CREATE TABLE return_lines (
    return_id INTEGER NOT NULL REFERENCES returns (id),
    line_no INTEGER NOT NULL,
    quantity INTEGER NOT NULL CHECK (typeof(quantity) = 'integer' AND quantity > 0),
    amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount >= 0),
    PRIMARY KEY (return_id, line_no)
);

CREATE TRIGGER returns_not_into_closed_day BEFORE INSERT ON returns
WHEN EXISTS (SELECT 1 FROM day_closes WHERE business_date = new.business_date)
BEGIN
    SELECT RAISE(ABORT, 'business day is closed: a return goes to the next open day');
END;
CREATE TRIGGER returns_are_kept BEFORE DELETE ON returns
BEGIN
    SELECT RAISE(ABORT, 'returns are kept');
END;
"""

# A sale's history keeps the business day each change was booked on: a cancelled sale that a late
# payment completes later moves to that open day, and the day it was cancelled on, closed perhaps,
# still counts its cancellation (reports/z_report.py). Earlier lines take the sale's day.
_HISTORY_BUSINESS_DAYS = """
ALTER TABLE sale_history ADD COLUMN business_date TEXT;
"""


def _return_taxes(conn: Connection) -> None:
    """Each return line keeps the DPP, PPN and rate it gives back (``domain/returns.py``), so the
    files and reports take returns' PPN off without computing it again. Returns written before
    get theirs by the same rule, in the order they were made, over the returns that still hold."""
    for statement in (
        "ALTER TABLE return_lines ADD COLUMN dpp INTEGER "
        "CHECK (dpp IS NULL OR typeof(dpp) = 'integer')",
        "ALTER TABLE return_lines ADD COLUMN ppn INTEGER NOT NULL DEFAULT 0 "
        "CHECK (typeof(ppn) = 'integer')",
        "ALTER TABLE return_lines ADD COLUMN tax_rate INTEGER "
        "CHECK (tax_rate IS NULL OR typeof(tax_rate) = 'integer')",
    ):
        conn.execute(statement)
    lines: dict[tuple[int, int], ReturnableLine] = {}
    for return_id, sale_id, line_no, quantity, amount, holds, *sold in conn.execute(
        "SELECT rl.return_id, t.sale_id, rl.line_no, rl.quantity, rl.amount, "
        "t.payout_id IS NULL OR p.status IN ('pending', 'paid'), "
        "l.quantity, l.amount, l.dpp, l.ppn, l.tax_rate "
        "FROM returns t LEFT JOIN refunds p ON p.payout_id = t.payout_id "
        "JOIN return_lines rl ON rl.return_id = t.id "
        "JOIN sale_lines l ON l.sale_id = t.sale_id AND l.line_no = rl.line_no "
        "ORDER BY t.id, rl.line_no"
    ).fetchall():
        count, paid, dpp, ppn, rate = sold
        line = lines.get((sale_id, line_no)) or ReturnableLine(
            line_no, "", "", count, paid, dpp=dpp, ppn=ppn, tax_rate=rate
        )
        given_dpp, given_ppn = line.tax_for(quantity, amount)
        conn.execute(
            "UPDATE return_lines SET dpp = ?, ppn = ?, tax_rate = ? "
            "WHERE return_id = ? AND line_no = ?",
            [given_dpp, given_ppn, rate, return_id, line_no],
        )
        if holds:
            lines[sale_id, line_no] = replace(
                line,
                returned=line.returned + quantity,
                refunded=line.refunded + amount,
                returned_dpp=line.returned_dpp + (given_dpp or 0),
                returned_ppn=line.returned_ppn + given_ppn,
            )


# A held basket keeps its basket discount (JSON of kind and value, NULL for none) and the manager
# who approved it, so recalling it neither loses the discount nor asks for the PIN again.
_HELD_DISCOUNTS = """
ALTER TABLE held_baskets ADD COLUMN discount TEXT;
ALTER TABLE held_baskets ADD COLUMN approved_by TEXT;
"""


def _mark(day: str, also: str = "1") -> str:
    """Trigger statements marking business day ``day`` (an SQL expression) to upload again, if
    the condition ``also`` holds."""
    return (
        f"INSERT OR IGNORE INTO upload_days (business_date, revision) "
        f"SELECT {day}, 0 WHERE {day} IS NOT NULL AND {also};\n"
        f"UPDATE upload_days SET revision = revision + 1 WHERE business_date = {day} AND {also};\n"
    )


_MOVED = "old.business_date IS NOT new.business_date"
"""A row moved to another day: the day it left changes too."""


_PAID_MOMENT = (
    "SELECT min(created_at) FROM payment_events WHERE attempt_id = {attempt} "
    "AND outcome = 'applied' AND state IN ('paid', 'refunded') HAVING min(created_at) IS NOT NULL"
)
"""When an attempt was paid: the payments file places a payment on that moment's business day."""

# Whole-shop uploads (pos_app/till/uploads.py): the days whose accountant files must go to the
# relay again. Every write that changes a day's files bumps its ``revision`` in the same
# transaction (these triggers, so no write path is missed); the uploader sends the day and sets
# ``uploaded`` to the revision it sent only if that is still the latest (compare-and-clear).
# Rows are never deleted: a revision only increases. A payment belongs to the business day of its
# moment in the shop's time zone, which SQL does not know: its moment goes to ``upload_moments``,
# and the uploader turns moments into days with the shop's day rule. Existing databases mark every
# day with sales, returns, refunds, shifts or a close, so the relay gets the till's whole history
# once.
_UPLOAD_OUTBOX = f"""
CREATE TABLE upload_days (
    business_date TEXT PRIMARY KEY,
    revision INTEGER NOT NULL CHECK (typeof(revision) = 'integer' AND revision >= 0),
    uploaded INTEGER NOT NULL DEFAULT 0 CHECK (typeof(uploaded) = 'integer'),
    uploaded_at TEXT
);
CREATE INDEX upload_days_pending ON upload_days (business_date) WHERE revision > uploaded;

CREATE TABLE upload_moments (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL
);

INSERT INTO upload_days (business_date, revision)
SELECT business_date, 1 FROM sales WHERE status = 'completed'
UNION SELECT business_date, 1 FROM returns
UNION SELECT business_date, 1 FROM refunds WHERE business_date IS NOT NULL
UNION SELECT business_date, 1 FROM shifts
UNION SELECT business_date, 1 FROM day_closes;
INSERT INTO upload_moments (at)
SELECT min(created_at) FROM payment_events
WHERE attempt_id IS NOT NULL AND outcome = 'applied' AND state IN ('paid', 'refunded')
GROUP BY attempt_id;

CREATE TRIGGER upload_sale_written AFTER INSERT ON sales WHEN new.status = 'completed'
BEGIN
{_mark("new.business_date")}END;
CREATE TRIGGER upload_sale_changed AFTER UPDATE ON sales
WHEN old.status = 'completed' OR new.status = 'completed'
BEGIN
{_mark("old.business_date", _MOVED)}{_mark("new.business_date")}END;
CREATE TRIGGER upload_attempt_changed AFTER UPDATE ON payment_attempts
BEGIN
INSERT INTO upload_moments (at) {_PAID_MOMENT.format(attempt="new.id")};
{_mark("(SELECT business_date FROM sales WHERE id = new.sale_id AND status = 'completed')")}END;
CREATE TRIGGER upload_payment_event AFTER INSERT ON payment_events
WHEN new.attempt_id IS NOT NULL AND new.outcome = 'applied'
BEGIN
INSERT INTO upload_moments (at) {_PAID_MOMENT.format(attempt="new.attempt_id")};
END;
CREATE TRIGGER upload_refund_written AFTER INSERT ON refunds
BEGIN
{_mark("new.business_date")}END;
CREATE TRIGGER upload_refund_changed AFTER UPDATE ON refunds
BEGIN
{_mark("old.business_date", _MOVED)}{_mark("new.business_date")}
INSERT INTO upload_moments (at) {
    _PAID_MOMENT.format(
        attempt="(SELECT id FROM payment_attempts WHERE invoice_number = new.invoice_number)"
    )
};
END;
CREATE TRIGGER upload_return_written AFTER INSERT ON returns
BEGIN
{_mark("new.business_date")}END;
CREATE TRIGGER upload_shift_opened AFTER INSERT ON shifts
BEGIN
{_mark("new.business_date")}END;
CREATE TRIGGER upload_shift_changed AFTER UPDATE ON shifts
BEGIN
{_mark("new.business_date")}END;
CREATE TRIGGER upload_day_closed AFTER INSERT ON day_closes
BEGIN
{_mark("new.business_date")}END;
"""


# A payment's row in the payments file also says how much of it was refunded (paid or pending) and
# how a manager resolved it, and both change on later days: they mark the day the payment arrived
# too. The outbox's first triggers marked only a refund's own day, and no day for a resolution.
_REFUNDED_PAYMENT = (
    "(SELECT id FROM payment_attempts WHERE invoice_number = "
    "coalesce(new.invoice_number, (SELECT invoice_number FROM sales WHERE id = new.sale_id)))"
)
"""The payment a refund pays back: the one it names, else the one its sale was paid with."""
_UPLOAD_PAYMENT_CHANGES = f"""
DROP TRIGGER upload_refund_written;
DROP TRIGGER upload_refund_changed;
DROP TRIGGER upload_payment_event;
CREATE TRIGGER upload_refund_written AFTER INSERT ON refunds
BEGIN
{_mark("new.business_date")}INSERT INTO upload_moments (at) {
    _PAID_MOMENT.format(attempt=_REFUNDED_PAYMENT)
};
END;
CREATE TRIGGER upload_refund_changed AFTER UPDATE ON refunds
BEGIN
{_mark("old.business_date", _MOVED)}{_mark("new.business_date")}INSERT INTO upload_moments (at) {
    _PAID_MOMENT.format(attempt=_REFUNDED_PAYMENT)
};
END;
CREATE TRIGGER upload_payment_event AFTER INSERT ON payment_events
WHEN new.attempt_id IS NOT NULL
BEGIN
INSERT INTO upload_moments (at) {_PAID_MOMENT.format(attempt="new.attempt_id")};
END;
"""


# A day the relay refuses (its rows carry another till's id after the terminal was renamed, a
# cell the relay cannot take) is set aside at the revision refused, with the relay's reason, so
# the days after it still go up; it goes again once it changes.
_UPLOAD_REFUSALS = """
ALTER TABLE upload_days ADD COLUMN refused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE upload_days ADD COLUMN refused_reason TEXT;
"""


# What a provider reports refunded of a payment that stays paid for the rest (ecommpay's
# "partially refunded": a refund from its dashboard for part of the payment), in rupiah
# (pos_app/store/payments.py). A payment refunded in full is in state 'refunded' instead.
_PROVIDER_REFUNDS = """
ALTER TABLE payment_attempts ADD COLUMN provider_refunded INTEGER NOT NULL DEFAULT 0
    CHECK (typeof(provider_refunded) = 'integer' AND provider_refunded >= 0);
"""


# Each refund a provider reports (from its own dashboard, outside Kasir's payouts), in rupiah,
# when Kasir recorded it: the payments file lists it as money out on that day, and the day goes
# to the relay again. Refunds recorded before this table are taken from the payment: a refund in
# full at the event that recorded it, a partial one at the payment's last change.
_PROVIDER_REFUND_ROWS = """
CREATE TABLE provider_refunds (
    id INTEGER PRIMARY KEY,
    attempt_id INTEGER NOT NULL REFERENCES payment_attempts (id),
    event_id INTEGER NOT NULL REFERENCES payment_events (id),
    amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount > 0),
    recorded_at TEXT NOT NULL
);
CREATE INDEX provider_refunds_recorded ON provider_refunds (recorded_at);
CREATE TRIGGER upload_provider_refund AFTER INSERT ON provider_refunds
BEGIN
INSERT INTO upload_moments (at) VALUES (new.recorded_at);
END;
INSERT INTO provider_refunds (attempt_id, event_id, amount, recorded_at)
SELECT a.id, e.id, coalesce(a.paid_amount, a.amount), e.created_at
FROM payment_attempts a JOIN payment_events e ON e.id = (
    SELECT min(id) FROM payment_events
    WHERE attempt_id = a.id AND outcome = 'applied' AND state = 'refunded')
WHERE a.state = 'refunded' AND coalesce(a.paid_currency, 'IDR') = 'IDR'
  AND coalesce(a.paid_amount, a.amount) > 0
UNION ALL
SELECT a.id, (SELECT max(id) FROM payment_events WHERE attempt_id = a.id AND outcome = 'applied'),
       a.provider_refunded, a.updated_at
FROM payment_attempts a WHERE a.state = 'paid' AND a.provider_refunded > 0;
"""


# Whether a sale's line was priced by a scale's label (a line of its own, never merged with
# another of its product), so an open sale brought back after a restart is the basket it was:
# without it, two labels of one product came back as one line at the last label's price. Lines
# stored before are labelled where their product has more lines in the sale, which only labels
# make; a quantity above 1 is never a label's.
_LABELLED_LINES = """
ALTER TABLE sale_lines ADD COLUMN labelled INTEGER NOT NULL DEFAULT 0 CHECK (labelled IN (0, 1));
UPDATE sale_lines SET labelled = 1
WHERE quantity = 1 AND EXISTS (
    SELECT 1 FROM sale_lines other
    WHERE other.sale_id = sale_lines.sale_id AND other.sku = sale_lines.sku
      AND other.line_no != sale_lines.line_no);
"""


# A payout the provider reported reversed (ecommpay reverses a payout it had reported paid when
# the customer's account cannot be credited: the money goes back to the shop's balance). Its
# refund keeps its status, as the money did go out when it was paid; the reversal is kept beside
# it with the provider's report and listed for the manager (pos_app/store/problem_payments.py)
# until resolved, with who resolved it and why.
_PAYOUT_REVERSALS = """
CREATE TABLE payout_reversals (
    refund_id INTEGER PRIMARY KEY REFERENCES refunds (id),
    reported_at TEXT NOT NULL,
    report TEXT NOT NULL CHECK (json_valid(report)),
    resolved_at TEXT,
    resolved_by TEXT,
    resolution TEXT
);
"""


# A wallet return whose payout failed, made again at the counter: the new return names it
# (``redo_of``), which settles the failed one's "return not paid"
# (pos_app/store/problem_payments.py) without a manager's resolution. A failed return is made
# again once.
_RETURNS_MADE_AGAIN = """
ALTER TABLE returns ADD COLUMN redo_of INTEGER REFERENCES returns (id);
CREATE UNIQUE INDEX returns_made_again ON returns (redo_of) WHERE redo_of IS NOT NULL;
"""


# A late payment attached to another sale than its own (pos_app/till/problem_payments.py) pays
# that sale, whose files name the payment's state: a later change of the payment (refunded at the
# provider) changes the day of the sale it completed, which the outbox's first trigger missed (it
# marked only the attempt's own sale, cancelled). Days that already hold such a sale go again.
# The sale a payment completed is found by its invoice, indexed: the trigger fires on every
# change of every payment, inside the transaction that completes a QR sale.
_PAID_SALE = "(SELECT business_date FROM sales WHERE {match} AND status = 'completed')"
_UPLOAD_ATTACHED_PAYMENTS = f"""
CREATE INDEX sales_by_invoice ON sales (invoice_number) WHERE invoice_number IS NOT NULL;
DROP TRIGGER upload_attempt_changed;
CREATE TRIGGER upload_attempt_changed AFTER UPDATE ON payment_attempts
BEGIN
INSERT INTO upload_moments (at) {_PAID_MOMENT.format(attempt="new.id")};
{_mark(_PAID_SALE.format(match="id = new.sale_id"))}{
    _mark(_PAID_SALE.format(match="invoice_number = new.invoice_number AND id != new.sale_id"))
}END;
UPDATE upload_days SET revision = revision + 1 WHERE business_date IN (
    SELECT s.business_date FROM sales s JOIN payment_attempts a
    ON a.invoice_number = s.invoice_number AND a.sale_id != s.id WHERE s.status = 'completed');
"""


# A basket held after its QR payment was given up on keeps its sale, open: the customer's phone may
# still pay that QR, and the payment must find the basket again when it is recalled (the paid
# banner, F11), rather than a new sale that takes the total a second time.
_HELD_SALES = """
ALTER TABLE held_baskets ADD COLUMN sale_id INTEGER REFERENCES sales (id);
"""


# A till whose database was restored from an older backup (pos_app/till/uploads.py): when the
# relay first said it keeps a copy of a day this database lacks, so the back office says which
# days this till's own files lack sales of.
_RESTORED_DAYS = """
ALTER TABLE upload_days ADD COLUMN restored_at TEXT;
"""


# Attempts whose registration with the relay failed (it was out of reach): registered again once
# it answers (pos_app/till/checkout.py), so their notifications reach this till instead of waiting
# at the relay as orphans, and the relay knows their invoice numbers should this database be
# restored from an older backup.
_REGISTRATIONS_DUE = """
CREATE TABLE registrations_due (
    attempt_id INTEGER PRIMARY KEY REFERENCES payment_attempts (id),
    failed_at TEXT NOT NULL
);
"""


# What the provider reported paid for a payout, beside the amount asked: one paid for another
# amount or currency is listed for the manager (pos_app/store/problem_payments.py) rather than
# taken for the amount asked, as a payment for another amount is.
_PAYOUT_PAID_AMOUNTS = """
ALTER TABLE refunds ADD COLUMN paid_amount INTEGER;
ALTER TABLE refunds ADD COLUMN paid_currency TEXT;
"""


# What a reversal in part left paid out of a payout (NULL: all of it reversed), so only a later
# report that brought more back lists the payout again. A reversal kept before is marked -1, not
# known: the first full reversal after it is listed again.
_PARTIAL_REVERSALS = """
ALTER TABLE payout_reversals ADD COLUMN left_paid INTEGER;
UPDATE payout_reversals SET left_paid = -1;
"""


# Money a reversal brought back of a paid payout (ecommpay reverses one when the customer's
# account cannot be credited), a row each time a report brought more back, on the business day
# Kasir recorded it: the files count it back then (earlier days keep their payout), and the sale
# may be refunded again by as much, as the customer is still owed it. Reversals kept before were
# settled by a manager another way (the customer paid outside Kasir): they bring nothing back, nor
# does a later report of them (what they brought back is not known).
_REVERSED_MONEY = f"""
ALTER TABLE payout_reversals ADD COLUMN kept_before_parts INTEGER NOT NULL DEFAULT 0;
UPDATE payout_reversals SET kept_before_parts = 1;
CREATE TABLE payout_reversal_parts (
    id INTEGER PRIMARY KEY,
    refund_id INTEGER NOT NULL REFERENCES refunds (id),
    amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount > 0),
    recorded_at TEXT NOT NULL,
    business_date TEXT NOT NULL
);
CREATE INDEX payout_reversal_parts_by_refund ON payout_reversal_parts (refund_id);
CREATE INDEX payout_reversal_parts_by_day ON payout_reversal_parts (business_date);
CREATE TRIGGER upload_payout_reversal AFTER INSERT ON payout_reversal_parts
BEGIN
{_mark("new.business_date")}INSERT INTO upload_moments (at) {
    _PAID_MOMENT.format(
        attempt="(SELECT a.id FROM refunds r JOIN sales s ON s.id = r.sale_id "
        "JOIN payment_attempts a "
        "ON a.invoice_number = coalesce(r.invoice_number, s.invoice_number) "
        "WHERE r.id = new.refund_id)"
    )
};
END;
"""


# Whether a paid refund gave back takings, decided once, when it was paid: a refund of a late
# payment gave back money that never was takings, and stays so after a manager attaches the
# payment to a sale (possible once a reversal brought the refund back), so closed days keep the
# figures they were signed off with. Refunds paid before are decided by what held when they
# were paid: as now, unless the payment they name was attached to a sale after that.
_REFUND_TAKINGS = """
ALTER TABLE refunds ADD COLUMN reduces_takings INTEGER
    CHECK (reduces_takings IS NULL OR reduces_takings IN (0, 1));
UPDATE refunds SET reduces_takings = (
    SELECT s.status = 'completed' AND coalesce(a.late, 0) = 0 AND NOT EXISTS (
        SELECT 1 FROM payment_events e WHERE e.attempt_id = a.id AND e.source = 'cashier'
        AND json_extract(e.payload, '$.resolution') = 'attached'
        AND e.created_at > refunds.completed_at)
    FROM sales s LEFT JOIN payment_attempts a ON a.invoice_number = refunds.invoice_number
    WHERE s.id = refunds.sale_id)
WHERE status = 'paid';
"""


# The largest share of a held basket's discounts its manager's approval covers (basis points):
# a discount that grows past it after the recall needs the PIN again. Baskets held before keep
# NULL, which covers no discount above the limit.
_HELD_APPROVED_SHARES = """
ALTER TABLE held_baskets ADD COLUMN approved_share INTEGER
    CHECK (approved_share IS NULL OR typeof(approved_share) = 'integer');
"""


# Gate pages the relay did not hear ended (it was out of reach when the till gave the payment
# up): ended on a follow-up pass (pos_app/till/checkout.py), so a phone left on one is not sent
# to the wallet to pay a sale the cashier took another way.
_PAGES_DUE = """
CREATE TABLE pages_due (
    attempt_id INTEGER PRIMARY KEY REFERENCES payment_attempts (id),
    failed_at TEXT NOT NULL
);
"""


# The latest revision of a day a till sent, before it left (pos_app/store/uploads.py): an
# upload whose answer was lost is still the next one's base, so the relay does not take the
# till for one restored from an older backup when the day's rows changed meanwhile (a new time
# zone or cut-off gives them other local times) and count its sales twice in the shop's file.
_UPLOADS_SENT = """
ALTER TABLE upload_days ADD COLUMN sent INTEGER NOT NULL DEFAULT 0;
"""


# What a till sent of a day whose answer it lost, as content hashes (pos_app/store/uploads.py),
# in place of the last revision sent: the relay holding any of them holds the till's own copy.
# Only the last was named, and a lost answer followed by a send that never arrived counted the
# day's sales twice in the shop's file.
_UPLOADS_UNHEARD = """
ALTER TABLE upload_days DROP COLUMN sent;
ALTER TABLE upload_days ADD COLUMN unheard TEXT NOT NULL DEFAULT '[]';
"""


# What a shift's report showed at its close (pos_app/store/shifts.py): its cash sales, cash
# returns, discounts and PPN per rate, as JSON. A closed shift was read again from the sales and
# returns, so a wallet return whose payout was paid after the close took its PPN off the report
# printed again; shifts closed before keep none and are still read that way.
_SHIFT_FIGURES = """
ALTER TABLE shifts ADD COLUMN figures TEXT CHECK (figures IS NULL OR json_valid(figures));
"""


# Payouts a relay restored from a backup (or made anew) may not know: registered again on the
# follow-up pass (pos_app/store/relay_errands.py), so a reversal ecommpay sends days later reaches
# this till instead of waiting at the relay as an orphan.
_PAYOUT_REGISTRATIONS_DUE = """
CREATE TABLE payout_registrations_due (
    refund_id INTEGER PRIMARY KEY REFERENCES refunds (id),
    failed_at TEXT NOT NULL
);
"""


def _upc_barcodes_kept_short(conn: Connection) -> None:
    """A UPC-A (or UPC-E) whose UPC-E is a valid EAN-8 too is kept as those 8 digits now
    (``domain/barcodes.py``); one kept before as its 13 digits moves to them, so the UNIQUE
    barcode refuses the same can entered again in its other form. Where another product holds
    the 8 digits already (the two forms were entered on two products before), both stay as
    they are: which is the shop's can is the manager's to say."""
    rows = conn.execute(
        "SELECT id, barcode FROM products WHERE length(barcode) = 13 AND barcode LIKE '0%'"
    ).fetchall()
    for product_id, barcode in rows:
        try:
            kept = stored_form(barcode)
        except ValidationError:
            continue
        if (
            kept != barcode
            and not conn.execute("SELECT 1 FROM products WHERE barcode = ?", [kept]).fetchone()
        ):
            conn.execute("UPDATE products SET barcode = ? WHERE id = ?", [kept, product_id])


# Every return made from now on has a number of its own (pos_app/store/receipt_numbers.py):
# <terminal_id>-<business date YYYYMMDD>-R<sequence of that terminal's returns of the day>, drawn
# in the transaction that writes it and printed on its slip, so a database restored from a backup
# does not print a second slip with a number the first had (the id, which it draws again). Returns
# made before keep none: their slips were printed with their id, which they go on showing.
_RETURN_NUMBERS = """
ALTER TABLE returns ADD COLUMN return_number TEXT;
CREATE UNIQUE INDEX returns_by_number ON returns (return_number);
CREATE TRIGGER returns_numbered BEFORE INSERT ON returns
WHEN new.return_number IS NULL
BEGIN
    SELECT RAISE(ABORT, 'a return needs its number');
END;
CREATE TRIGGER returns_keep_their_number BEFORE UPDATE OF return_number ON returns
WHEN new.return_number IS NOT old.return_number
BEGIN
    SELECT RAISE(ABORT, 'a return keeps its number');
END;
"""


# A provider refund row may correct an earlier one: the manager's figure of what DOKU refunded
# (its REFUNDED names no amount, so it was taken as the whole payment) is written as a row of the
# difference on the open day, negative when less went back, so a closed day's files stay as
# signed off (pos_app/store/payments.py, record_refunded_amount). SQLite keeps a CHECK until the
# table is made again.
_PROVIDER_REFUND_CORRECTIONS = """
CREATE TABLE provider_refunds_corrected (
    id INTEGER PRIMARY KEY,
    attempt_id INTEGER NOT NULL REFERENCES payment_attempts (id),
    event_id INTEGER NOT NULL REFERENCES payment_events (id),
    amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount <> 0),
    recorded_at TEXT NOT NULL
);
INSERT INTO provider_refunds_corrected (id, attempt_id, event_id, amount, recorded_at)
SELECT id, attempt_id, event_id, amount, recorded_at FROM provider_refunds;
DROP TABLE provider_refunds;
ALTER TABLE provider_refunds_corrected RENAME TO provider_refunds;
CREATE INDEX provider_refunds_recorded ON provider_refunds (recorded_at);
CREATE TRIGGER upload_provider_refund AFTER INSERT ON provider_refunds
BEGIN
INSERT INTO upload_moments (at) VALUES (new.recorded_at);
END;
"""


# Each payment event and provider refund keeps the business day it was recorded on, as sales and
# refunds keep theirs (pos_app/store/payments.py): the payments file and the Z report read it, so a
# new cut-off or time zone no longer moves money already taken between days (a closed day's file
# changed, and a day's file no longer matched its Z report). Rows recorded before take the day the
# rule the till last placed them by (meta ``upload_day_rule``, pos_app/store/uploads.py) gives
# them, with the day closes, as the files and the relay had them; a till that never said its rule
# leaves them without one, placed by the rule in force as before (``open_day.on_days``).
_PAYMENT_EVENTS_APPEND_ONLY = """
CREATE TRIGGER payment_events_no_update BEFORE UPDATE ON payment_events
BEGIN
    SELECT RAISE(ABORT, 'payment_events is append-only');
END;
"""


def _payment_business_days(conn: Connection) -> None:
    conn.execute("ALTER TABLE payment_events ADD COLUMN business_date TEXT")
    conn.execute("ALTER TABLE provider_refunds ADD COLUMN business_date TEXT")
    held = conn.execute("SELECT value FROM meta WHERE key = 'upload_day_rule'").fetchone()
    if held is None:
        return
    # they import the database, which imports this module
    from pos_app.store.database import parse_utc, utc_text
    from pos_app.store.open_day import OpenDays

    time_zone, cutoff = held[0].rsplit(" ", 1)
    rule = BusinessDay(zone(time_zone), time.fromisoformat(cutoff))
    placing = OpenDays.read(Database(conn, recursive_triggers=False, execute_plugins=False), rule)
    conn.execute("DROP TRIGGER payment_events_no_update")
    for table, moment in (("payment_events", "created_at"), ("provider_refunds", "recorded_at")):
        dated: list[tuple[str, int]] = []
        business, end = "", ""  # "" sorts before every moment
        for row_id, at in conn.execute(f"SELECT id, {moment} FROM {table} ORDER BY {moment}"):
            if at >= end:  # a day's moments are one interval (OpenDays.window): past it, the next
                day = placing.date_of(parse_utc(at))
                business, end = day.isoformat(), utc_text(placing.window(day, day)[1])
            dated.append((business, row_id))
        conn.executemany(f"UPDATE {table} SET business_date = ? WHERE id = ?", dated)
    conn.execute(_PAYMENT_EVENTS_APPEND_ONLY)


# A till restored from an older backup lacks the returns and payouts it made between the backup
# and the loss, which the relay's copy of those days holds: what they gave back on each sale, by
# its receipt number (or the late payment a payout paid back), is kept from that copy
# (pos_app/store/given_back.py), so the sale's money and items do not go back a second time.
_GIVEN_BACK_BEFORE_RESTORE = """
CREATE TABLE given_back_before_restore (
    id INTEGER PRIMARY KEY,
    business_date TEXT NOT NULL,
    receipt_number TEXT,
    refund_of TEXT,
    given_by TEXT NOT NULL,
    tender TEXT NOT NULL,
    line_no INTEGER,
    items INTEGER NOT NULL CHECK (typeof(items) = 'integer'),
    amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer'),
    dpp INTEGER,
    ppn INTEGER NOT NULL CHECK (typeof(ppn) = 'integer')
);
CREATE INDEX given_back_before_restore_by_receipt ON given_back_before_restore (receipt_number);
CREATE INDEX given_back_before_restore_by_payment ON given_back_before_restore (refund_of);
"""


# A cash return made before the restore paid its money out of the drawer
# (pos_app/store/given_back.py): who gave it back, on which till and when, so the shift that ran
# then, and its day, expect it gone.
_GIVEN_BACK_MOMENTS = """
ALTER TABLE given_back_before_restore ADD COLUMN cashier TEXT;
ALTER TABLE given_back_before_restore ADD COLUMN terminal_id TEXT;
ALTER TABLE given_back_before_restore ADD COLUMN created_at TEXT;
"""


# The upload outbox (pos_app/store/uploads.py) marks a payment's moment on the business day kept
# with the money recorded at it, found by that moment: indexed, as the triggers keep a moment for
# every change of a paid payment, and the outbox reads them every few seconds.
_PAID_MOMENTS_INDEXED = """
CREATE INDEX payment_events_paid_at ON payment_events (created_at)
WHERE attempt_id IS NOT NULL AND outcome = 'applied' AND state IN ('paid', 'refunded');
"""


# A sale paid in cash before the restore that the restored database lacks put its money in the
# drawer (pos_app/store/given_back.py): the shift that ran then, and its day, expect it there.
_CASH_SOLD_BEFORE_RESTORE = """
CREATE TABLE cash_sold_before_restore (
    id INTEGER PRIMARY KEY,
    business_date TEXT NOT NULL,
    receipt_number TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer'),
    cashier TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""


MIGRATIONS: tuple[Migration, ...] = (
    _CORE,
    _PRODUCT_SEARCH,
    _REFUNDS,
    _PAID_AMOUNTS,
    _HISTORY,
    _CLOSED_DAYS,
    _SHIFTS,
    _HELD_NAMES,
    _RECEIPT_NUMBERS,
    _DISCOUNTS_AND_PPN,
    _RETURNS,
    _HISTORY_BUSINESS_DAYS,
    _return_taxes,
    _HELD_DISCOUNTS,
    _UPLOAD_OUTBOX,
    _UPLOAD_PAYMENT_CHANGES,
    _UPLOAD_REFUSALS,
    _PROVIDER_REFUNDS,
    _PROVIDER_REFUND_ROWS,
    _LABELLED_LINES,
    _PAYOUT_REVERSALS,
    _RETURNS_MADE_AGAIN,
    _UPLOAD_ATTACHED_PAYMENTS,
    _HELD_SALES,
    _RESTORED_DAYS,
    _REGISTRATIONS_DUE,
    _PAYOUT_PAID_AMOUNTS,
    _PARTIAL_REVERSALS,
    _REVERSED_MONEY,
    _REFUND_TAKINGS,
    _HELD_APPROVED_SHARES,
    _PAGES_DUE,
    _UPLOADS_SENT,
    _UPLOADS_UNHEARD,
    _upc_barcodes_kept_short,
    _SHIFT_FIGURES,
    _PAYOUT_REGISTRATIONS_DUE,
    _RETURN_NUMBERS,
    _PROVIDER_REFUND_CORRECTIONS,
    _payment_business_days,
    _GIVEN_BACK_BEFORE_RESTORE,
    _GIVEN_BACK_MOMENTS,
    _PAID_MOMENTS_INDEXED,
    _CASH_SOLD_BEFORE_RESTORE,
)
"""Step ``i`` takes a database from version ``i`` to ``i + 1``."""
