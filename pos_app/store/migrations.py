"""The schema, as the ordered list of steps that builds it; ``PRAGMA user_version`` counts them.

Never edit a released step: append a new one. Each runs inside the transaction that also bumps the
version, so a database is either fully at a version or untouched.

Conventions: money is INTEGER rupiah; timestamps are UTC text ``YYYY-MM-DDTHH:MM:SS.mmmZ`` (fixed
width, so text order is time order); business dates are ``YYYY-MM-DD``; JSON columns hold objects.
"""

from collections.abc import Callable
from sqlite3 import Connection

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

MIGRATIONS: tuple[Migration, ...] = (
    _CORE,
    _PRODUCT_SEARCH,
    _REFUNDS,
    _PAID_AMOUNTS,
    _HISTORY,
)
"""Step ``i`` takes a database from version ``i`` to ``i + 1``."""
