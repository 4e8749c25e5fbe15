"""Bad input never gets a 5xx from the sandbox: it gets a 4xx in the provider's error shape."""

import copy
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_app.payments.ecommpay.signing import payment_page_url
from pos_app.sandbox import SandboxConfig
from tests.harness.sandbox_process import doku_headers, gate_request, running_sandbox

CONFIG = SandboxConfig()
CREATE = "/dokuwallet-emoney/v1/payment"
SALE = "/v2/payment/wallet/doku/sale"
VALID_ORDER: dict[str, Any] = {
    "order": {
        "invoice_number": "INV-ROBUST",
        "amount": 9000,
        "line_items": [{"name": "Kopi", "price": 4500, "quantity": 2}],
        "notify_url": "https://shop.example/doku/notifications",
        "auto_redirect": False,
    }
}
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[str]:
    with running_sandbox(CONFIG) as (url, _):
        yield url


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5) as client:
        yield client


def post_doku(http: httpx.Client, sandbox: str, raw: bytes, **headers: str) -> httpx.Response:
    signed = doku_headers(CONFIG, CREATE, raw)
    return http.post(sandbox + CREATE, content=raw, headers={**signed, **headers})


def assert_doku_error(answer: httpx.Response, status: int, fragment: str) -> None:
    assert answer.status_code == status, answer.text
    error = answer.json()["error"]
    assert set(error) == {"code", "message", "type"}
    assert fragment in error["message"]


def with_order(**changes: Any) -> dict[str, Any]:
    body = copy.deepcopy(VALID_ORDER)
    for key, value in changes.items():
        if value is ...:
            del body["order"][key]
        else:
            body["order"][key] = value
    return body


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (with_order(amount="9000"), 'order.amount must be an integer, got "9000"'),
        (with_order(amount=9000.5), "order.amount must be an integer"),
        (with_order(amount=True), "order.amount must be an integer"),
        (with_order(amount=0, line_items=...), "order.amount must be between 1 and"),
        (with_order(amount=10**12, line_items=...), "order.amount must be between 1 and"),
        (with_order(invoice_number=123), "order.invoice_number must be a non-empty string"),
        (with_order(invoice_number="I" * 65), "at most 64 characters"),
        (with_order(invoice_number="INV 1"), "ASCII punctuation"),
        (with_order(notify_url=...), "order.notify_url is required"),
        (with_order(notify_url="ftp://shop.example/n"), "absolute http(s) URL"),
        (with_order(auto_redirect="false"), "order.auto_redirect must be true or false"),
        (with_order(auto_redirect=...), "order.auto_redirect is required"),
        (with_order(line_items="Kopi"), "order.line_items must be a non-empty list"),
        (with_order(line_items=[]), "order.line_items must be a non-empty list"),
        (with_order(line_items=[1]), "order.line_items.0 must be an object"),
        (
            with_order(line_items=[{"name": "Kopi", "price": 1, "quantity": 10000}]),
            "order.line_items.0.quantity must be between 1 and 9999",
        ),
        (
            with_order(line_items=[{"name": "K" * 256, "price": 9000, "quantity": 1}]),
            "order.line_items.0.name must be at most 255 characters",
        ),
        (
            with_order(line_items=[{"name": "Kopi", "price": -1, "quantity": 1}]),
            "order.line_items.0.price must be between 0 and",
        ),
        ({"orders": {}}, "order is required"),
        ({**VALID_ORDER, "additional_info": "x"}, "additional_info must be an object"),
    ],
)
def test_doku_body_rules_name_the_field(
    sandbox: str, http: httpx.Client, body: dict[str, Any], fragment: str
) -> None:
    answer = post_doku(http, sandbox, json.dumps(body).encode())
    assert_doku_error(answer, 400, fragment)
    assert answer.json()["error"]["code"] == "invalid_parameter"


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (b"{", "not valid JSON"),
        (b"[]", "must be a JSON object"),
        (b'{"order": NaN}', "not valid JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[" * 50_000, "not valid JSON"),
        (b'{"order": "\\ud800"}', "not a whole character"),
        (b"", "not valid JSON"),
    ],
)
def test_malformed_doku_bodies_are_400(
    sandbox: str, http: httpx.Client, raw: bytes, fragment: str
) -> None:
    answer = post_doku(http, sandbox, raw)
    assert_doku_error(answer, 400, fragment)
    assert answer.json()["error"]["code"] == "invalid_json"


def test_a_huge_doku_body_is_413_whether_its_length_is_declared_or_not(
    sandbox: str, http: httpx.Client
) -> None:
    raw = b'{"pad": "' + b"x" * 70_000 + b'"}'
    assert_doku_error(post_doku(http, sandbox, raw), 413, "larger than 65536 bytes")

    chunked = http.post(
        sandbox + CREATE,
        content=iter([raw[:40_000], raw[40_000:]]),
        headers=doku_headers(CONFIG, CREATE, raw),
    )
    assert "content-length" not in chunked.request.headers
    assert_doku_error(chunked, 413, "larger than")


@pytest.mark.parametrize("missing", ["Client-Id", "Request-Id", "Request-Timestamp", "Signature"])
def test_each_missing_doku_header_is_named(sandbox: str, http: httpx.Client, missing: str) -> None:
    raw = json.dumps(VALID_ORDER).encode()
    headers = {k: v for k, v in doku_headers(CONFIG, CREATE, raw).items() if k != missing}
    answer = http.post(sandbox + CREATE, content=raw, headers=headers)
    assert_doku_error(answer, 400, f"missing header: {missing}")
    assert answer.json()["error"]["code"] == "invalid_header"


def test_malformed_doku_headers_are_400(sandbox: str, http: httpx.Client) -> None:
    raw = json.dumps(VALID_ORDER).encode()
    long_id = doku_headers(CONFIG, CREATE, raw, request_id="r" * 129)
    answer = http.post(sandbox + CREATE, content=raw, headers=long_id)
    assert_doku_error(answer, 400, "at most 128 characters")
    odd_time = doku_headers(CONFIG, CREATE, raw, timestamp="2021-07-07 08:45:42")
    answer = http.post(sandbox + CREATE, content=raw, headers=odd_time)
    assert_doku_error(answer, 400, "Request-Timestamp must be UTC like")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(order=st.dictionaries(st.sampled_from(sorted(VALID_ORDER["order"])), JSON))
def test_any_json_order_gets_an_answer_below_500(
    sandbox: str, http: httpx.Client, order: dict[str, Any]
) -> None:
    body = {"order": {**VALID_ORDER["order"], "invoice_number": "INV-FUZZ", **order}}
    answer = post_doku(http, sandbox, json.dumps(body).encode())
    assert answer.status_code < 500, answer.text
    if answer.status_code >= 400:
        assert answer.json()["error"]["message"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=st.dictionaries(st.sampled_from(["general", "customer", "payment", "x"]), JSON))
def test_any_signed_json_on_the_gate_gets_an_answer_below_500(
    sandbox: str, http: httpx.Client, payload: dict[str, Any]
) -> None:
    general = payload.get("general")
    payload["general"] = general if isinstance(general, dict) else {}
    answer = http.post(sandbox + SALE, json=gate_request(CONFIG, payload))
    assert answer.status_code < 500, answer.text
    if answer.status_code >= 400:
        assert answer.json()["status"] == "error" and answer.json()["message"]


@pytest.mark.parametrize(
    ("raw", "status", "fragment"),
    [
        (b"{", 400, "not valid JSON"),
        (b"[1]", 400, "must be a JSON object"),
        (b'{"general": "x"}', 400, "general must be an object"),
        (b'{"general": {"project_id": "4242"}}', 400, "general.project_id must be an integer"),
        (b'{"general": {"project_id": 4242}}', 400, "general.signature is required"),
        (b"{" + b" " * 70_000 + b"}", 413, "larger than"),
    ],
)
def test_malformed_gate_requests_are_4xx_in_ecommpays_shape(
    sandbox: str, http: httpx.Client, raw: bytes, status: int, fragment: str
) -> None:
    answer = http.post(sandbox + SALE, content=raw, headers={"Content-Type": "application/json"})
    assert answer.status_code == status
    assert answer.json()["status"] == "error"
    assert fragment in answer.json()["message"]


def test_malformed_payment_page_urls_are_4xx(sandbox: str, http: httpx.Client) -> None:
    params = {
        "project_id": CONFIG.ecommpay_project_id,
        "payment_id": "P-ROBUST",
        "payment_amount": "12.5",
        "payment_currency": "IDR",
        "customer_id": "c",
    }
    secret = CONFIG.ecommpay_secret_key
    fraction = http.get(payment_page_url(params, secret, base_url=sandbox))
    assert fraction.status_code == 400 and "whole minor units" in fraction.text
    dollars = {**params, "payment_amount": "100000", "payment_currency": "USD"}
    answer = http.get(payment_page_url(dollars, secret, base_url=sandbox))
    assert answer.status_code == 400 and "payment_currency must be IDR" in answer.text
    repeated = http.get(sandbox + "/payment?project_id=1&project_id=2&signature=x")
    assert repeated.status_code == 400 and "more than once" in repeated.text


def test_a_payment_page_url_longer_than_the_body_cap_is_414(http: httpx.Client) -> None:
    with running_sandbox(SandboxConfig(max_body_bytes=2048)) as (url, _):
        assert http.get(url + "/payment?" + "a=b&" * 600).status_code == 414


def test_pages_and_control_routes_refuse_nonsense(sandbox: str, http: httpx.Client) -> None:
    assert http.post(sandbox + "/checkout/no-such-session", data={"choice": "pay"}).status_code == (
        404
    )
    assert http.post(sandbox + "/ecommpay/doku/wallet", data={"SESSIONID": "x"}).status_code == 404
    assert http.post(sandbox + "/_sandbox/pay/no-such-order").status_code == 404
    bad_delay = http.post(sandbox + "/_sandbox/delay", json={"path": "x", "seconds": 1})
    assert bad_delay.status_code == 400 and "path must start with /" in bad_delay.json()["error"]
    assert http.post(sandbox + "/_sandbox/delay", content=b"{").status_code == 400

    raw = json.dumps(with_order(invoice_number="INV-CHOICE")).encode()
    page_url = post_doku(http, sandbox, raw).json()["doku_wallet_payment_page"]["url"]
    session = page_url.rsplit("=", 1)[1]
    for form in ({"choice": "expire"}, {"choice": "maybe"}, {}):
        assert http.post(f"{sandbox}/checkout/{session}", data=form).status_code == 400
