"""Signing throughput for a 20-line basket: DOKU sign+verify and ecommpay sign (issue 2)."""

import json
import time
from collections.abc import Callable
from typing import Any

from pos_app.payments.doku.signing import doku_signature, verify_doku_signature
from pos_app.payments.ecommpay.signing import ecommpay_signature

SECONDS = 2.0
LINES: list[dict[str, Any]] = [
    {"name": f"Barang nomor {i}", "price": 1000 + i * 250, "quantity": i % 4 + 1} for i in range(20)
]
DOKU_BODY = json.dumps(
    {
        "order": {
            "invoice_number": "KSR-T1-20261121-000042",
            "amount": sum(line["price"] * line["quantity"] for line in LINES),
            "line_items": LINES,
            "notify_url": "https://relay.example.id/doku/notifications",
            "auto_redirect": False,
        }
    },
    separators=(",", ":"),
).encode()
HEADERS = {
    "client_id": "MCH-0001-10791114622547",
    "request_id": "baec7d95-f30a-4b78-b711-6ebe0ccdf50b",
    "timestamp": "2026-11-21T06:00:00Z",
    "request_target": "/dokuwallet-emoney/v1/payment",
    "secret_key": "SK-bench-secret",
}
ECOMMPAY_PARAMS = {
    "general": {"project_id": 238, "payment_id": "KSR-T1-20261121-000042"},
    "customer": {"id": "walk-in", "ip_address": "114.124.147.207", "first_name": "Riza"},
    "payment": {"amount": 9_000_000, "currency": "IDR"},
    "receipt_data": {"positions": LINES},
}


def rate(label: str, operation: Callable[[], object]) -> None:
    count, started = 0, time.perf_counter()
    deadline = started + SECONDS
    while time.perf_counter() < deadline:
        for _ in range(100):
            operation()
        count += 100
    elapsed = time.perf_counter() - started
    print(f"{label:<38} {count / elapsed:>10,.0f} /s   {elapsed / count * 1e6:7.1f} µs each")


def doku_sign_and_verify() -> None:
    signature = doku_signature(**HEADERS, body=DOKU_BODY)
    assert verify_doku_signature(signature=signature, **HEADERS, body=DOKU_BODY)


if __name__ == "__main__":
    print(f"20-line basket, DOKU body {len(DOKU_BODY)} bytes")
    rate("DOKU sign + verify", doku_sign_and_verify)
    rate("ecommpay sign", lambda: ecommpay_signature(ECOMMPAY_PARAMS, "bench-secret"))
