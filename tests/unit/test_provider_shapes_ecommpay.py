"""ecommpay as it really answers (issue 10 §1): every status word, signed callbacks that must be
stored whatever they say, only-signed fields, status answers with operations[] and errors[],
"not found" said by an error, and nothing sent with a ';' the official signer refuses.
"""

import copy
import json
from typing import Any

import httpx
import pytest
from payment_page_sdk.callback import Callback
from payment_page_sdk.signature_handler import SignatureHandler

from pos_app.domain.errors import ValidationError
from pos_app.payments.ecommpay.callback import (
    event_money,
    redirect_data,
    verify_callback,
)
from pos_app.payments.ecommpay.gate import (
    STATUS_PATH,
    EcommpayGateProvider,
    GateClient,
    PaymentNotFound,
)
from pos_app.payments.ecommpay.payment_page import EcommpayPageProvider
from pos_app.payments.ecommpay.signing import (
    check_portable,
    ecommpay_signature,
    payment_page_url,
    signed_fields,
    signing_string,
)
from pos_app.payments.ecommpay.statuses import is_known_status, payment_status
from pos_app.payments.errors import ProviderProtocolError, ProviderRejected, SignatureMismatch
from pos_app.payments.model import PaymentStatus
from tests.unit.test_ecommpay_callback import REDIRECT, SUCCESS

SECRET = "shapes-secret"
PROJECT = 238


def signed(payload: dict[str, Any], *, in_general: bool = False) -> dict[str, Any]:
    signature = ecommpay_signature(payload, SECRET)
    if in_general:
        return {**payload, "general": {**payload.get("general", {}), "signature": signature}}
    return {**payload, "signature": signature}


def as_bytes(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


def with_sum(amount: Any, currency: Any = "IDR") -> dict[str, Any]:
    payload = copy.deepcopy(SUCCESS)
    payload["payment"]["sum"] = {"amount": amount, "currency": currency}
    if currency is None:
        del payload["payment"]["sum"]["currency"]
    return payload


# --- statuses ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("success", PaymentStatus.PAID),
        ("decline", PaymentStatus.DECLINED),
        ("cancelled", PaymentStatus.DECLINED),
        ("canceled", PaymentStatus.DECLINED),
        ("invoice cancelled", PaymentStatus.DECLINED),
        ("expired", PaymentStatus.EXPIRED),
        ("internal error", PaymentStatus.FAILED),
        ("external error", PaymentStatus.FAILED),
        ("error", PaymentStatus.FAILED),
        ("processing", PaymentStatus.PENDING),
        ("external processing", PaymentStatus.PENDING),
        ("awaiting redirect result", PaymentStatus.PENDING),
        ("awaiting customer", PaymentStatus.PENDING),
        ("awaiting clarification", PaymentStatus.PENDING),
        ("awaiting 3ds result", PaymentStatus.PENDING),
        ("invoice sent", PaymentStatus.PENDING),
        ("refunded", PaymentStatus.REFUNDED),
        ("partially refunded", PaymentStatus.PAID),
        ("reversed", PaymentStatus.REFUNDED),
        ("partially reversed", PaymentStatus.PAID),
        ("partially paid", PaymentStatus.PAID),
        ("partially paid out", PaymentStatus.PAID),
        (" External  Processing ", PaymentStatus.PENDING),
        ("SUCCESS", PaymentStatus.PAID),
    ],
)
def test_every_documented_status_word_is_known_and_mapped(word: str, status: PaymentStatus) -> None:
    assert is_known_status(word)
    assert payment_status(word) is status


@pytest.mark.parametrize("word", ["teleported", "partially teleported", "awaiting ", "", None, 7])
def test_an_unknown_status_is_pending_and_reported_unknown(word: Any) -> None:
    assert payment_status(word) is PaymentStatus.PENDING
    assert not is_known_status(word)


def test_a_signed_callback_with_a_future_status_is_stored_as_pending() -> None:
    payload = copy.deepcopy(SUCCESS)
    payload["payment"]["status"] = "quantum settled"
    event = verify_callback(as_bytes(signed(payload)), SECRET)
    assert event.status is PaymentStatus.PENDING
    assert event.raw["payment"]["status"] == "quantum settled"


# --- amounts, currencies, account ------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (100000, "IDR", (1000, "IDR")),
        ("100000", "IDR", (1000, "IDR")),
        (100000.0, "IDR", (1000, "IDR")),
        (100050, "IDR", (100050, "IDR/minor")),
        (100000, "idr ", (1000, "IDR")),
        (100000, "USD", (100000, "USD/minor")),
        (100050, "USD", (100050, "USD/minor")),
        (100000, None, (100000, "XXX/minor")),
        (100000, "", (100000, "XXX/minor")),
        (0, "IDR", (0, "IDR")),
    ],
)
def test_signed_callbacks_keep_amounts_that_cannot_match_a_sale_in_a_form_that_never_does(
    amount: Any, currency: Any, expected: tuple[int, str]
) -> None:
    event = verify_callback(as_bytes(signed(with_sum(amount, currency))), SECRET)
    assert (event.amount, event.currency) == expected
    assert event.invoice_number == "Doku_eWallet_001"


def test_event_money_is_exact_for_whole_rupiah_only() -> None:
    assert event_money(12_345_600, "IDR") == (123_456, "IDR")
    assert event_money(12_345_650, "IDR") == (12_345_650, "IDR/minor")


@pytest.mark.parametrize("amount", ["100000.00", 100000.5, -100, True, None, [1], "1e5"])
def test_a_malformed_amount_is_the_one_protocol_error(amount: Any) -> None:
    with pytest.raises(ProviderProtocolError, match=r"payment\.sum\.amount"):
        verify_callback(as_bytes(signed(with_sum(amount))), SECRET)


@pytest.mark.parametrize(
    ("project_id", "account"), [(238, "238"), ("238", "238"), (None, None), (True, None)]
)
def test_the_project_id_becomes_the_event_account(project_id: Any, account: str | None) -> None:
    payload = copy.deepcopy(SUCCESS)
    payload["project_id"] = project_id
    assert verify_callback(as_bytes(signed(payload)), SECRET).account == account
    del payload["project_id"]
    assert verify_callback(as_bytes(signed(payload)), SECRET).account is None


# --- only what the signature covers ---------------------------------------------------------


def test_signed_fields_leaves_out_what_the_signature_cannot_see() -> None:
    payload = {
        "signature": "top",
        "general": {"signature": "g"},
        "payment": {"id": "P", "extra": {}, "list": [], "nested": {"deeper": {"x": []}}},
        "errors": [],
        "frame_mode": "iframe",
        "x": None,
        "items": [{}, {"a": 1}, [], {}],
    }
    assert signed_fields(payload) == {
        "payment": {"id": "P"},
        "x": None,
        "items": [{}, {"a": 1}],
    }


def test_signed_fields_signs_exactly_like_the_payload() -> None:
    payload = copy.deepcopy(REDIRECT)
    payload["decoration"] = {"a": {}, "b": [[], {}], "c": [{}, {"k": "v"}, []]}
    assert signing_string(signed_fields(payload)) == signing_string(payload)


@pytest.mark.parametrize(
    "invisible",
    [
        {"x": {}},
        {"x": []},
        {"errors": []},
        {"general": {}},
        {"payment": {**SUCCESS["payment"], "extra": {"deep": []}}},
        {"frame_mode": "iframe"},
    ],
)
def test_two_bodies_with_one_signature_give_one_raw(invisible: dict[str, Any]) -> None:
    plain = signed(SUCCESS)
    decorated = {**SUCCESS, **invisible, "signature": plain["signature"]}
    first = verify_callback(as_bytes(plain), SECRET)
    second = verify_callback(as_bytes(decorated), SECRET)
    assert second.raw == first.raw
    assert "signature" not in first.raw
    assert json.dumps(first.raw, sort_keys=True) == json.dumps(second.raw, sort_keys=True)


def test_the_signature_in_general_is_left_out_with_its_empty_general() -> None:
    event = verify_callback(as_bytes(signed(SUCCESS, in_general=True)), SECRET)
    assert "general" not in event.raw
    assert event.raw == signed_fields(SUCCESS)


def test_redirect_data_is_read_from_signed_fields_only() -> None:
    payload = copy.deepcopy(REDIRECT)
    body = as_bytes(signed(payload))
    tampered = json.loads(body)
    # A nested "signature" is never signed: someone could add or change it freely.
    tampered["redirect_data"]["body"]["signature"] = "evil"
    tampered["redirect_data"]["body"]["frame_mode"] = "evil"
    event = verify_callback(as_bytes(tampered), SECRET)
    data = redirect_data(event.raw)
    assert data is not None
    assert "signature" not in data.body and "frame_mode" not in data.body
    assert redirect_data(tampered) == data


def test_the_official_sdk_agrees_a_decorated_callback_is_genuine() -> None:
    decorated = {**SUCCESS, "errors": [], "provider_extra_fields": {}}
    body = signed(decorated)
    Callback(json.dumps(body), SignatureHandler(SECRET))
    assert verify_callback(as_bytes(body), SECRET).raw == signed_fields(SUCCESS)


@pytest.mark.parametrize(
    "body",
    [
        b'{"payment":' + b"[" * 1000 + b"]" * 1000 + b"}",
        b'{"payment": {"id": "\\ud800"}, "signature": "x"}',
        b"\xff",
    ],
    ids=["deep", "lone-surrogate", "not-utf8"],
)
def test_hostile_callbacks_are_protocol_errors(body: bytes) -> None:
    with pytest.raises(ProviderProtocolError) as caught:
        verify_callback(body, SECRET)
    assert not isinstance(caught.value, SignatureMismatch)


# --- status answers ------------------------------------------------------------------------


class StatusGate:
    """Answers every status request with a chosen HTTP status and body (signed on request)."""

    def __init__(self, status: int, body: dict[str, Any], *, sign: bool = True) -> None:
        self.status = status
        self.body = signed(body) if sign else body

    def __call__(self, request: httpx.Request) -> httpx.Response:
        assert request.url.path == STATUS_PATH
        return httpx.Response(self.status, json=self.body)


def gate_answering(handler: StatusGate) -> GateClient:
    return GateClient(
        base_url="https://gate.test",
        project_id=PROJECT,
        secret_key=SECRET,
        transport=httpx.MockTransport(handler),
    )


FOUND = {
    "project_id": PROJECT,
    "payment": {
        "id": "INV-1",
        "type": "purchase",
        "status": "decline",
        "date": "2026-01-01T03:00:00+0000",
        "sum": {"amount": 1_250_000, "currency": "IDR"},
    },
    "operations": [
        {"id": 1, "type": "sale", "status": "awaiting redirect result", "request_id": "r1"},
        {
            "id": 2,
            "type": "sale",
            "status": "decline",
            "request_id": "r1",
            "provider": {"id": 1162, "payment_id": "DK-9"},
            "code": 20101,
            "message": "Decline due to amount or frequency limit",
        },
    ],
    "errors": [{"code": 20101, "message": "Decline due to amount or frequency limit"}],
}


def test_a_status_answer_with_operations_and_errors_is_read_from_the_latest_operation() -> None:
    with gate_answering(StatusGate(200, FOUND)) as gate:
        result = gate.status("INV-1")
    assert (result.status, result.amount, result.currency) == (
        PaymentStatus.DECLINED,
        12_500,
        "IDR",
    )
    assert result.reference == "DK-9"


def test_empty_errors_and_objects_in_a_signed_status_answer_change_nothing() -> None:
    decorated = {**FOUND, "errors": [], "acs": {}}
    with gate_answering(StatusGate(200, decorated)) as gate:
        result = gate.status("INV-1")
    assert "errors" not in result.raw and "acs" not in result.raw
    assert result.status is PaymentStatus.DECLINED


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (404, {"status": "error", "code": "3061", "message": "whatever"}),
        (200, {"project_id": PROJECT, "errors": [{"code": 3061, "message": "Payment not found"}]}),
        (
            200,
            {
                "project_id": PROJECT,
                "payment": {"id": "INV-1"},
                "errors": [{"message": "Payment has not been registered"}],
            },
        ),
        (400, {"status": "error", "code": "3061", "message": "Payment not found"}),
        (200, {"errors": [{"code": "payment_not_found", "message": "?"}]}),
        (422, {"errors": [{"field": "payment_id", "description": "payment does not exist"}]}),
    ],
    ids=["404", "200-errors", "200-not-registered", "400-top-level", "sandbox-code", "422"],
)
def test_not_found_is_recognised_by_its_error_not_only_by_404(
    status: int, body: dict[str, Any]
) -> None:
    for sign in (True, False):
        handler = StatusGate(status, body, sign=sign)
        with gate_answering(handler) as gate, pytest.raises(PaymentNotFound) as caught:
            gate.status("INV-1")
        assert caught.value.status_code == status


def test_a_found_payment_with_an_error_list_is_not_taken_for_not_found() -> None:
    body = {**FOUND, "errors": [{"code": 1, "message": "Card not found in the vault"}]}
    with gate_answering(StatusGate(200, body)) as gate:
        assert gate.status("INV-1").status is PaymentStatus.DECLINED


def test_other_errors_in_a_status_answer_are_rejections_not_not_found() -> None:
    body = {"project_id": PROJECT, "errors": [{"code": 1002, "message": "Internal error"}]}
    with gate_answering(StatusGate(200, body)) as gate, pytest.raises(ProviderRejected) as caught:
        gate.status("INV-1")
    assert not isinstance(caught.value, PaymentNotFound)
    assert (caught.value.code, caught.value.kind) == ("1002", "no_payment")
    assert "Internal error" in str(caught.value)


def test_a_forged_not_found_answer_is_a_signature_mismatch() -> None:
    body = {"project_id": PROJECT, "errors": [{"message": "Payment not found"}]}
    handler = StatusGate(200, body)
    handler.body["signature"] = "forged"
    with gate_answering(handler) as gate, pytest.raises(SignatureMismatch):
        gate.status("INV-1")


def test_the_page_provider_reads_not_found_by_error_as_pending() -> None:
    body = {"project_id": PROJECT, "errors": [{"message": "Payment not found"}]}
    with gate_answering(StatusGate(200, body)) as gate:
        provider = EcommpayPageProvider(
            gate, callback_url="https://relay.example/cb", customer_email="a@b.example"
        )
        result = provider.check_status("INV-1")
    assert result.status is PaymentStatus.PENDING


# --- nothing sent with a ';' ----------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"customer_first_name": "Budi; Santoso"},
        {"customer_email": "a;b@example.com"},
        {"merchant_callback_url": "https://relay.example/cb;v=1"},
        {"customer": {"a;b": "x"}},
        {"list": ["ok", "x;y"]},
    ],
)
def test_a_separator_in_anything_signed_is_refused_naming_it(params: dict[str, Any]) -> None:
    with pytest.raises(ValidationError, match="';'"):
        check_portable(params)
    with pytest.raises(ValidationError, match="';'"):
        payment_page_url({"project_id": 1, **params}, SECRET)


def test_providers_refuse_a_separator_in_their_settings_at_once() -> None:
    def no_request(request: httpx.Request) -> httpx.Response:
        raise AssertionError("nothing may be sent")

    with GateClient(
        base_url="https://gate.test",
        project_id=PROJECT,
        secret_key=SECRET,
        transport=httpx.MockTransport(no_request),
    ) as gate:
        with pytest.raises(ValidationError, match="customer_first_name"):
            EcommpayPageProvider(
                gate,
                callback_url="https://relay.example/cb",
                customer_email="a@b.example",
                customer_first_name="Toko; Demo",
            )
        with pytest.raises(ValidationError, match="customer_email"):
            EcommpayGateProvider(
                gate,
                callback_url="https://relay.example/cb",
                customer_ip="127.0.0.1",
                customer_email="a;b@example.com",
            )
        with pytest.raises(ValidationError, match="account:customer_name"):
            gate.payout(
                payment_id="RFD-1",
                amount=1000,
                account_number="8100012345",
                customer_name="Budi; Santoso",
                customer_id="c",
                customer_ip="127.0.0.1",
                callback_url="https://relay.example/cb",
            )
