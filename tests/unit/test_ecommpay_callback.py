"""ecommpay callbacks: the seed's examples parse, signatures agree with the official SDK."""

import copy
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from payment_page_sdk.callback import Callback
from payment_page_sdk.process_exception import ProcessException
from payment_page_sdk.signature_handler import SignatureHandler

from pos_app.payments.ecommpay.callback import (
    PaymentType,
    RedirectData,
    parse_callback,
    payment_type,
    redirect_data,
    verify_callback,
)
from pos_app.payments.ecommpay.signing import ecommpay_signature
from pos_app.payments.errors import ProviderProtocolError, SignatureMismatch
from pos_app.payments.model import NO_PAYMENT, PaymentStatus, ProviderName
from pos_app.store.payment_records import paid_differs

SECRET = "callback-secret-Δ"

SUCCESS: dict[str, Any] = {
    "project_id": 238,
    "payment": {
        "id": "Doku_eWallet_001",
        "type": "purchase",
        "status": "success",
        "date": "2018-12-14T09:21:58+0000",
        "method": "Doku",
        "sum": {"amount": 100000, "currency": "IDR"},
        "description": "",
    },
    "account": {"number": "1189632633"},
    "operation": {
        "id": 6085000002263,
        "type": "sale",
        "status": "success",
        "date": "2018-12-14T09:21:58+0000",
        "created_date": "2018-12-14T09:20:39+0000",
        "request_id": "026b9dbadeb438abe796132c1db963c9650424fe-a729ea89899e9ae460d7a86c9667edc9b",
        "sum_initial": {"amount": 100000, "currency": "IDR"},
        "sum_converted": {"amount": 100000, "currency": "IDR"},
        "provider": {
            "id": 1162,
            "payment_id": "342205",
            "date": "2018-12-14T09:21:54+0000",
            "auth_code": "",
        },
        "code": "0",
        "message": "Success",
    },
}

DECLINE: dict[str, Any] = {
    "project_id": 238,
    "payment": {
        "id": "ECT_TEST_1544793284604",
        "type": "purchase",
        "status": "decline",
        "date": "2018-12-14T13:23:50+0000",
        "method": "Doku",
        "sum": {"amount": 2000000000, "currency": "IDR"},
        "description": "",
    },
    "customer": {"id": "1"},
    "operation": {
        "id": 19078000002242,
        "type": "sale",
        "status": "decline",
        "date": "2018-12-14T13:23:50+0000",
        "created_date": "2018-12-14T13:20:47+0000",
        "request_id": "b12c7232b016305896e2c73d47956b562e131640-444c4b88f5f7468d191c0a8ac67b7",
        "sum_initial": {"amount": 2000000000, "currency": "IDR"},
        "sum_converted": {"amount": 2000000000, "currency": "IDR"},
        "provider": {"id": 1162, "payment_id": "", "auth_code": ""},
        "code": "20101",
        "message": "Decline due to amount or frequency limit",
    },
}

PAYOUT: dict[str, Any] = {
    "project_id": 580,
    "payment": {
        "id": "ApsViaDoku-040-wallet-1",
        "type": "payout",
        "status": "success",
        "date": "2019-05-07T11:38:24+0000",
        "method": "Doku",
        "sum": {"amount": 100, "currency": "IDR"},
        "description": "ApsViaDokuPayoutTest.49855500 1538564115",
    },
    "account": {"number": "1579000479"},
    "customer": {"id": "1", "phone": "798454444474"},
    "operation": {
        "id": 31771000001833,
        "type": "payout",
        "status": "success",
        "date": "2019-05-07T11:38:24+0000",
        "created_date": "2019-05-07T11:38:14+0000",
        "request_id": "a6ce8cf365af0c33a3d7744bb48b6aac20ecfed8-ea53b2d5ff4ee3dead9dcb45e87807933",
        "sum_initial": {"amount": 100, "currency": "IDR"},
        "sum_converted": {"amount": 100, "currency": "IDR"},
        "provider": {
            "id": 1162,
            "payment_id": "DK06282314",
            "date": "2019-05-07T18:38:19+0000",
            "auth_code": "",
            "endpoint_id": "04",
        },
        "code": "0",
        "message": "Success",
    },
}

REDIRECT: dict[str, Any] = {
    "project_id": 125,
    "payment": {
        "id": "ID_184",
        "type": "purchase",
        "status": "awaiting redirect result",
        "date": "2018-12-18T07:23:52+0000",
        "method": "Doku",
        "sum": {"amount": 1000000, "currency": "IDR"},
        "description": "",
    },
    "operation": {
        "id": 1447000002341,
        "type": "sale",
        "status": "awaiting redirect result",
        "request_id": "7d28088c-1",
        "provider": {"id": 1162, "payment_id": ""},
    },
    "redirect_data": {
        "method": "POST",
        "body": {
            "MALLID": 4038,
            "CHAINMERCHANT": "NA",
            "AMOUNT": "10000.00",
            "PURCHASEAMOUNT": "10000.00",
            "TRANSIDMERCHANT": 1447000002341,
            "PAYMENTTYPE": "SALE",
            "WORDS": "2e2d93c40d5c82f87b555502492222abcdb8c50f",
            "REQUESTDATETIME": "20181218142352",
            "CURRENCY": "360",
            "PURCHASECURRENCY": "360",
            "SESSIONID": "7d28088c",
            "NAME": "riza",
            "EMAIL": "riza@mail.com",
            "BASKET": "Sale,10000.00,1,10000.00",
            "PAYMENTCHANNEL": "41",
        },
        "encrypted": [],
        "url": "https://pay.doku.com/Suite/Receive",
    },
}


def signed(payload: dict[str, Any], secret: str = SECRET) -> dict[str, Any]:
    return {**payload, "signature": ecommpay_signature(payload, secret)}


def as_bytes(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


def test_success_callback_parses() -> None:
    event = verify_callback(as_bytes(signed(SUCCESS)), SECRET)
    assert event.provider is ProviderName.ECOMMPAY_PAGE
    assert event.invoice_number == "Doku_eWallet_001"
    assert event.status is PaymentStatus.PAID
    assert event.amount == 1000  # 100000 minor units is Rp 1.000
    assert event.reference == "342205"
    assert event.occurred_at == datetime(2018, 12, 14, 9, 21, 58, tzinfo=UTC)
    assert event.raw["account"]["number"] == "1189632633"
    assert payment_type(event.raw) is PaymentType.PURCHASE
    assert redirect_data(event.raw) is None


def test_decline_callback_falls_back_to_request_id() -> None:
    event = verify_callback(as_bytes(signed(DECLINE)), SECRET, provider=ProviderName.ECOMMPAY_GATE)
    assert event.provider is ProviderName.ECOMMPAY_GATE
    assert event.status is PaymentStatus.DECLINED
    assert event.amount == 20_000_000
    assert event.reference == DECLINE["operation"]["request_id"]


def test_payout_callback_parses() -> None:
    event = verify_callback(as_bytes(signed(PAYOUT)), SECRET)
    assert payment_type(event.raw) is PaymentType.PAYOUT
    assert (event.status, event.amount, event.reference) == (PaymentStatus.PAID, 1, "DK06282314")


def test_redirect_data_callback_is_pending_with_form_fields_as_text() -> None:
    event = verify_callback(as_bytes(signed(REDIRECT)), SECRET)
    assert event.status is PaymentStatus.PENDING
    data = redirect_data(event.raw)
    assert isinstance(data, RedirectData)
    assert (data.method, data.url) == ("POST", "https://pay.doku.com/Suite/Receive")
    assert data.body["MALLID"] == "4038"
    assert data.body["AMOUNT"] == "10000.00"
    assert len(data.body) == 15


@pytest.mark.parametrize("example", [SUCCESS, DECLINE, PAYOUT, REDIRECT])
def test_official_sdk_accepts_kasir_signed_callbacks(example: dict[str, Any]) -> None:
    callback = Callback(json.dumps(signed(example)), SignatureHandler(SECRET))
    assert callback.get_payment_id() == example["payment"]["id"]


@pytest.mark.parametrize("example", [SUCCESS, DECLINE, PAYOUT, REDIRECT])
def test_kasir_accepts_sdk_signed_callbacks(example: dict[str, Any]) -> None:
    body = {**example, "signature": SignatureHandler(SECRET).sign(example)}
    assert verify_callback(as_bytes(body), SECRET).invoice_number == example["payment"]["id"]


def test_sdk_signature_in_general_is_accepted() -> None:
    payload = {**SUCCESS, "general": {"project_id": 238, "payment_id": "Doku_eWallet_001"}}
    signature = SignatureHandler(SECRET).sign(payload)
    body = {**payload, "general": {**payload["general"], "signature": signature}}
    assert verify_callback(as_bytes(body), SECRET).status is PaymentStatus.PAID
    Callback(json.dumps(body), SignatureHandler(SECRET))


def test_tampered_or_wrongly_keyed_callback_is_refused_without_the_secret() -> None:
    tampered = signed(SUCCESS)
    tampered["payment"] = {**tampered["payment"], "status": "decline"}
    for body, secret in ((tampered, SECRET), (signed(SUCCESS, "other"), SECRET)):
        with pytest.raises(SignatureMismatch) as caught:
            verify_callback(as_bytes(body), secret)
        assert SECRET not in str(caught.value)
        with pytest.raises(ProcessException):
            Callback(json.dumps(body), SignatureHandler(SECRET))


def test_unsigned_callback_is_refused() -> None:
    with pytest.raises(SignatureMismatch):
        verify_callback(as_bytes(SUCCESS), SECRET)


@pytest.mark.parametrize("body", [b"", b"{not json", b"\xff\xfe", b"[1, 2]", b'"text"'])
def test_malformed_body_is_a_protocol_error(body: bytes) -> None:
    with pytest.raises(ProviderProtocolError) as caught:
        verify_callback(body, SECRET)
    assert not isinstance(caught.value, SignatureMismatch)
    assert "ecommpay callback" in str(caught.value)


def test_unknown_fields_are_tolerated() -> None:
    payload = copy.deepcopy(SUCCESS)
    payload["brand_new"] = {"nested": [1, 2, {"x": None}]}
    payload["payment"]["extra"] = "whatever"
    assert parse_callback(payload).status is PaymentStatus.PAID


def _without(path: str) -> dict[str, Any]:
    payload = copy.deepcopy(SUCCESS)
    *parents, last = path.split(".")
    node = payload
    for key in parents:
        node = node[key]
    del node[last]
    return payload


def _with(path: str, value: object) -> dict[str, Any]:
    payload = copy.deepcopy(SUCCESS)
    *parents, last = path.split(".")
    node = payload
    for key in parents:
        node = node[key]
    node[last] = value
    return payload


@pytest.mark.parametrize(
    ("payload", "named"),
    [
        (_without("payment.id"), "payment.id"),
        (_without("payment.sum.amount"), "payment.sum.amount"),
        (_with("payment.id", ""), "payment.id"),
        (_with("payment.id", "   "), "payment.id"),
        (_with("payment.id", None), "payment.id"),
        (_with("payment.sum.amount", "1000.50"), "payment.sum.amount"),
        (_with("payment.sum.amount", 100000.5), "payment.sum.amount"),
        (_with("payment.sum.amount", -100), "payment.sum.amount"),
        (_with("payment.sum.amount", True), "payment.sum.amount"),
        (_with("payment.sum.amount", None), "payment.sum.amount"),
    ],
)
def test_truly_unusable_callbacks_are_refused_naming_the_field(
    payload: dict[str, Any], named: str
) -> None:
    with pytest.raises(ProviderProtocolError, match=named.replace(".", r"\.")):
        parse_callback(payload)


@pytest.mark.parametrize("payload", [_without("payment"), _with("payment", "success")])
def test_a_callback_about_no_payment_is_an_event_no_sale_takes(payload: dict[str, Any]) -> None:
    """Signed, it must be stored and acknowledged (ecommpay retries for 11 days), as what it is:
    news of no payment, in no currency."""
    event = parse_callback(payload)

    assert (event.invoice_number, event.status, event.amount, event.currency) == (
        NO_PAYMENT,
        PaymentStatus.PENDING,
        0,
        "XXX/minor",
    )
    assert event.raw == payload and event.account == str(SUCCESS["project_id"])


@pytest.mark.parametrize(
    "payload",
    [
        _without("payment.status"),
        _without("payment.type"),
        _with("payment.type", "recurring"),
        _with("payment.status", "teleported"),
        _with("payment.status", "awaiting "),
        _with("payment.status", 7),
        _with("redirect_data", "https://x"),
        _with("redirect_data", {"method": "PUT", "url": "https://x"}),
    ],
)
def test_odd_but_signed_callbacks_still_parse_as_pending_or_as_they_are(
    payload: dict[str, Any],
) -> None:
    event = parse_callback(payload)
    assert event.invoice_number == "Doku_eWallet_001"
    assert event.amount == 1000


@pytest.mark.parametrize(
    ("payload", "named"),
    [
        (_with("redirect_data", "https://x"), "redirect_data"),
        (_with("redirect_data", {"method": "PUT", "url": "https://x"}), "redirect_data.method"),
        (_with("redirect_data", {"method": "POST", "url": "ftp://x"}), "redirect_data.url"),
        (
            _with("redirect_data", {"method": "POST", "url": "https://x", "body": [1]}),
            "redirect_data.body",
        ),
        (
            _with("redirect_data", {"method": "POST", "url": "https://x", "body": {"A": [1]}}),
            "redirect_data.body.A",
        ),
    ],
)
def test_malformed_redirect_data_is_named(payload: dict[str, Any], named: str) -> None:
    with pytest.raises(ProviderProtocolError, match=named.replace(".", r"\.")):
        redirect_data(payload)


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("success", PaymentStatus.PAID),
        ("decline", PaymentStatus.DECLINED),
        ("awaiting redirect result", PaymentStatus.PENDING),
        ("awaiting customer", PaymentStatus.PENDING),
        ("awaiting clarification", PaymentStatus.PENDING),
        ("processing", PaymentStatus.PENDING),
        ("error", PaymentStatus.FAILED),
        ("refunded", PaymentStatus.REFUNDED),
        ("reversed", PaymentStatus.REFUNDED),
    ],
)
def test_status_words(word: str, status: PaymentStatus) -> None:
    assert parse_callback(_with("payment.status", word)).status is status


def test_empty_redirect_body_is_an_empty_form() -> None:
    payload = _with("redirect_data", {"method": "get", "url": "https://x/y", "body": []})
    assert redirect_data(payload) == RedirectData(method="GET", url="https://x/y", body={})


def test_a_redirect_callback_with_only_the_payment_id_is_stored_as_pending_news() -> None:
    """The shape ecommpay's Python SDK tests among its callback formats: ``payment.id`` and the
    redirect, signed in ``general.signature``; no status, no sum. Refusing it would leave the
    customer's phone waiting while ecommpay retries for 11 days."""
    bare = {"payment": {"id": "Doku_eWallet_002"}, "redirect_data": REDIRECT["redirect_data"]}
    body = {"general": {"signature": SignatureHandler(SECRET).sign(bare)}, **bare}
    event = verify_callback(as_bytes(body), SECRET, provider=ProviderName.ECOMMPAY_GATE)
    assert (event.invoice_number, event.status) == ("Doku_eWallet_002", PaymentStatus.PENDING)
    assert (event.amount, event.currency) == (0, "XXX/minor")
    data = redirect_data(event.raw)
    assert data is not None and data.url == "https://pay.doku.com/Suite/Receive"


def test_a_success_without_a_sum_is_pending_news_until_a_report_names_the_amount() -> None:
    """Taken as paid, it would complete no sale (no amount) and stay "paid another amount" when
    the callback with the sum came: the customer's money on no sale."""
    payload = copy.deepcopy(SUCCESS)
    del payload["payment"]["sum"]
    event = verify_callback(as_bytes(signed(payload)), SECRET)
    assert event.status is PaymentStatus.PENDING
    assert paid_differs(100_000, event.amount, event.currency), "no amount a sale could take"


BARE_REDIRECT = {
    "payment": {"id": "Doku_eWallet_001"},
    "redirectData": {
        "method": "GET",
        "body": [],
        "encrypted": [],
        "url": "https://pay.example/wallet",
    },
}
"""The bare redirect callback as paymentpage-sdk-php's tests/data/callbackFormats.php has it
(its URL a real one): ``redirectData``, empty ``body`` and ``encrypted``."""


def test_the_bare_redirect_callback_spells_it_redirect_data_in_camel_case() -> None:
    assert redirect_data(BARE_REDIRECT) == RedirectData("GET", "https://pay.example/wallet", {})


def test_two_spellings_of_the_redirect_that_differ_are_refused() -> None:
    same = {**BARE_REDIRECT, "redirect_data": BARE_REDIRECT["redirectData"]}
    assert redirect_data(same) == redirect_data(BARE_REDIRECT)
    other = {**BARE_REDIRECT, "redirect_data": {"method": "POST", "url": "https://evil.example"}}
    with pytest.raises(ProviderProtocolError, match="differ"):
        redirect_data(other)


def test_the_redirect_in_return_url_is_read_and_a_plain_address_there_is_not() -> None:
    """The SDKs' format with ``general.payment_id`` carries the redirect in ``return_url``
    (field 113, "redirectData"): the phone waited on the relay's page for ever. A plain
    address under that name is no redirect."""
    redirect = BARE_REDIRECT["redirectData"]
    legacy = {"general": {"payment_id": "INV-1"}, "payment": {"id": "INV-1"}}
    assert redirect_data({**legacy, "return_url": redirect}) == redirect_data(BARE_REDIRECT)
    assert redirect_data({**legacy, "return_url": "https://shop.example/back"}) is None
