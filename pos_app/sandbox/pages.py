"""The phone-sized HTML pages a customer sees after scanning the QR code.

Everything shown comes from a merchant's request, so every value is escaped.
"""

from html import escape

from pos_app.domain.money import format_rupiah
from pos_app.sandbox.state import Order, Outcome

CHECKOUT_PATH = "/checkout/{session_id}"
"""Where the Pay / Decline buttons of every payment page post ``choice``."""

_STYLE = """
body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d2230}
main{max-width:28rem;margin:0 auto;padding:1.25rem}
.card{background:#fff;border-radius:12px;padding:1.25rem;box-shadow:0 1px 4px #0002}
h1{font-size:1.2rem;margin:0 0 .25rem} .muted{color:#667;font-size:.9rem}
.amount{font-size:2rem;font-weight:700;margin:1rem 0}
table{width:100%;border-collapse:collapse;font-size:.95rem} td{padding:.3rem 0}
td.n{text-align:right;white-space:nowrap}
form{margin:0} button{width:100%;font-size:1.15rem;padding:1rem;margin-top:.75rem;border:0;
border-radius:10px;color:#fff} .pay{background:#d0312d} .decline{background:#6b7280}
.result{font-size:1.4rem;font-weight:700;margin:1rem 0} .paid{color:#137333}
.declined,.expired,.failed{color:#b3261e} .banner{font-size:.8rem;color:#885;margin-top:1rem}
"""

_RESULT_TEXT = {
    Outcome.PENDING: "Waiting for payment",
    Outcome.PAID: "Payment successful",
    Outcome.DECLINED: "Payment declined",
    Outcome.EXPIRED: "Payment expired",
    Outcome.REVERSED: "Payment reversed",
    Outcome.FAILED: "Payment failed",
}


def order_page(order: Order, *, merchant: str, go_to: str | None) -> str:
    """What the payment link shows: the buttons while pending, the result after."""
    if order.outcome is Outcome.PENDING:
        return checkout_page(order, merchant=merchant)
    detail = order.details.get("message", "")
    return result_page(order, merchant=merchant, detail=detail, go_to=go_to)


def checkout_page(order: Order, *, merchant: str) -> str:
    """Merchant, amount, items and the Pay / Decline buttons, which post to the checkout."""
    action = CHECKOUT_PATH.format(session_id=order.session_id)
    rows = "".join(
        f"<tr><td>{escape(line.name)}</td><td class=n>{line.quantity} ×</td>"
        f"<td class=n>{escape(format_rupiah(line.price))}</td></tr>"
        for line in order.lines
    )
    items = f"<table>{rows}</table>" if rows else ""
    buttons = "".join(
        f'<form method="post" action="{escape(action)}">'
        f'<input type="hidden" name="choice" value="{choice}">'
        f'<button class="{choice}" type="submit">{label}</button></form>'
        for choice, label in (("pay", "Pay with DOKU Wallet"), ("decline", "Decline"))
    )
    body = (
        f'<div class="card"><h1>{escape(merchant)}</h1>'
        f'<div class="muted">Order {escape(order.order_id)}</div>'
        f'<div class="amount">{escape(order.rupiah_text)}</div>{items}{buttons}</div>'
    )
    return _layout(f"Pay {order.rupiah_text}", body)


def result_page(order: Order, *, merchant: str, detail: str = "", go_to: str | None = None) -> str:
    """The outcome; with ``go_to`` the browser follows it after a moment (DOKU auto_redirect)."""
    outcome = order.outcome
    redirect = (
        f'<meta http-equiv="refresh" content="2;url={escape(go_to)}">'
        f'<p class="muted">Returning to <a href="{escape(go_to)}">{escape(go_to)}</a>…</p>'
        if go_to
        else '<p class="muted">You can close this page.</p>'
    )
    note = f'<p class="muted">{escape(detail)}</p>' if detail else ""
    body = (
        f'<div class="card"><h1>{escape(merchant)}</h1>'
        f'<div class="muted">Order {escape(order.order_id)} · {escape(order.rupiah_text)}</div>'
        f'<div class="result {outcome.value}">{_RESULT_TEXT[outcome]}</div>{note}{redirect}</div>'
    )
    return _layout(_RESULT_TEXT[outcome], body)


def error_page(title: str, message: str) -> str:
    body = f'<div class="card"><h1>{escape(title)}</h1><p>{escape(message)}</p></div>'
    return _layout(title, body)


def _layout(title: str, body: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f'<body><main>{body}<p class="banner">Kasir sandbox: a simulator, no real money moves.'
        "</p></main></body></html>"
    )
