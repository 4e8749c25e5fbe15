"""The HTML a customer's phone sees at ``/r/{token}`` for an ecommpay Gate payment.

Small, self-contained pages (no external assets) for a phone on a shop's Wi-Fi or mobile data.
Every value from outside (the provider's redirect URL and form fields, invoice numbers) goes
through :func:`html.escape`; the only script is the auto-submit, allowed by a per-page nonce.
"""

import html
from collections.abc import Mapping
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from starlette.responses import HTMLResponse

REFRESH_SECONDS = 2

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;
background:#f5f6f8;color:#1d2330}
main{max-width:28rem;margin:12vh auto 0;padding:1.5rem;text-align:center}
h1{font-size:1.5rem;margin:0 0 .75rem}
p{font-size:1.1rem;line-height:1.5;margin:.5rem 0}
.id{color:#6a7180;font-size:.9rem}
button{font-size:1.2rem;padding:.9rem 1.6rem;border:0;border-radius:.6rem;
background:#c8102e;color:#fff;margin-top:1rem}
.spinner{width:2.5rem;height:2.5rem;margin:1.5rem auto;border-radius:50%;
border:.3rem solid #d9dce3;border-top-color:#c8102e;animation:spin 1s linear infinite}
@keyframes spin{to{transform:rotate(360deg)}}
"""


def _page(
    title: str,
    body: str,
    *,
    status_code: int = 200,
    refresh: bool = False,
    nonce: str | None = None,
) -> HTMLResponse:
    meta_refresh = f'<meta http-equiv="refresh" content="{REFRESH_SECONDS}">' if refresh else ""
    scripts = f"script-src 'nonce-{nonce}'" if nonce else "script-src 'none'"
    document = (
        '<!doctype html><html lang="id"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"{meta_refresh}<title>{html.escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )
    return HTMLResponse(
        document,
        status_code=status_code,
        headers={
            "Cache-Control": "no-store",
            "Referrer-Policy": "no-referrer",
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": (
                f"default-src 'none'; style-src 'unsafe-inline'; {scripts}; "
                "form-action http: https:; frame-ancestors 'none'; base-uri 'none'"
            ),
        },
    )


def _invoice_line(invoice_number: str) -> str:
    return f'<p class="id">{html.escape(invoice_number)}</p>'


def waiting_page(invoice_number: str) -> HTMLResponse:
    """The provider has not sent the redirect yet: spin and refresh."""
    return _page(
        "Mohon tunggu…",
        "<h1>Mohon tunggu…</h1><div class=spinner></div>"
        "<p>Menyiapkan pembayaran DOKU Wallet.</p><p>Preparing your DOKU Wallet payment.</p>"
        + _invoice_line(invoice_number),
        refresh=True,
    )


def redirect_page(
    invoice_number: str, method: str, url: str, fields: Mapping[str, str], nonce: str
) -> HTMLResponse:
    """Send the phone on to the provider: a form submitted by script, or by the button.

    A browser submitting a GET form replaces the query of its action with the form's fields, so
    the query of a GET redirect's URL goes into the form as fields of their own, first.
    """
    pairs = list(fields.items())
    form_method = "get" if method.upper() == "GET" else "post"
    if form_method == "get":
        parts = urlsplit(url)
        pairs = parse_qsl(parts.query, keep_blank_values=True) + pairs
        url = urlunsplit(parts._replace(query=""))
    inputs = "".join(
        f'<input type="hidden" name="{html.escape(name)}" value="{html.escape(value)}">'
        for name, value in pairs
    )
    return _page(
        "Lanjut ke DOKU Wallet",
        "<h1>Lanjut ke DOKU Wallet</h1>"
        "<p>Continuing to DOKU Wallet…</p>"
        f'<form id="pay" method="{form_method}" action="{html.escape(url)}">{inputs}'
        "<button type=submit>Bayar / Pay</button></form>"
        + _invoice_line(invoice_number)
        + f'<script nonce="{html.escape(nonce)}">document.getElementById("pay").submit();</script>',
        nonce=nonce,
    )


def finished_page(invoice_number: str, paid: bool) -> HTMLResponse:
    """The payment has an outcome already: say so instead of sending the phone anywhere."""
    if paid:
        title, lines = "Pembayaran berhasil", "<p>Terima kasih! Payment received, thank you.</p>"
    else:
        title = "Pembayaran tidak selesai"
        lines = "<p>Pembayaran tidak selesai. The payment did not go through.</p>"
    return _page(title, f"<h1>{title}</h1>{lines}" + _invoice_line(invoice_number))


def not_found_page() -> HTMLResponse:
    """An unknown or expired link; friendly, and saying nothing about other payments."""
    return _page(
        "Tautan tidak berlaku",
        "<h1>Tautan tidak berlaku</h1>"
        "<p>Tautan pembayaran ini tidak dikenal atau sudah kedaluwarsa. "
        "Silakan minta kasir untuk QR baru.</p>"
        "<p>This payment link is unknown or has expired. Please ask the cashier for a new QR "
        "code.</p>",
        status_code=404,
    )
