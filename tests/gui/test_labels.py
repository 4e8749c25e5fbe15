"""Every state and kind the back office shows has a label in its own enum's table."""

import pytest
from PySide6.QtWidgets import QApplication

from pos_app.domain.lifecycles import ChangeSource, RefundStatus, SaleStatus
from pos_app.gui.back_office.labels import TABLES, label, provider_label
from pos_app.gui.i18n import remove_translation, use_language
from pos_app.payments.model import AttemptState, ProviderName
from pos_app.store.payment_records import EventSource, Outcome
from pos_app.store.problem_payments import ProblemKind
from pos_app.store.sales import Tender
from pos_app.store.users import Role


def test_the_back_office_labels_every_enum_it_shows() -> None:
    assert set(TABLES) == {
        SaleStatus,
        AttemptState,
        RefundStatus,
        ProblemKind,
        Tender,
        Role,
        EventSource,
        Outcome,
        ChangeSource,
    }


@pytest.mark.parametrize("enum", list(TABLES), ids=lambda enum: enum.__name__)
def test_every_member_has_a_label(enum: type) -> None:
    table = TABLES[enum]()
    assert set(table) == set(enum)
    assert all(text.strip() for text in table.values())


def test_a_value_is_labelled_from_its_own_enums_table(qapp: QApplication) -> None:
    """``open`` is a sale's status and a problem's kind; each enum says it its own way."""
    assert label(ProblemKind.ORPHAN) == "report kept apart"
    assert label(Tender.QR) == "QR"
    assert use_language(qapp, "id")
    try:
        assert label(SaleStatus.COMPLETED) == "selesai"
        assert label(AttemptState.CANCELLED) == "dibatalkan"
    finally:
        remove_translation(qapp)
    assert label(SaleStatus.COMPLETED) == "completed"


def test_a_payment_without_a_provider_has_no_provider_label() -> None:
    assert provider_label(None) == ""
    assert provider_label(ProviderName.DOKU) == "DOKU Wallet"
