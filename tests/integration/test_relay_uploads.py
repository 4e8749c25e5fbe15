"""Tills' uploaded business days against a real relay on loopback, on SQLite and PostgreSQL:
repeats and late retries change nothing, a terminal uploads only its own records and reads only
its own shop, bad bodies are 4xx saying why, and ``pos-app relay export`` writes the shop's file
as the sum of the tills' own files, neutralised against formulas."""

import csv
import io
import json
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx
import openpyxl
import pytest

from pos_app.commands import relay_service
from pos_app.demo.embedded_relay import EmbeddedRelay, start_relay
from pos_app.relay import auth, storage, till_days
from pos_app.reports.accountant_files import FileKind, Part
from pos_app.reports.payments_csv import PaymentsSummary
from pos_app.reports.sales_csv import PPN_BASIS, SALE_COLUMNS
from pos_app.reports.shop_files import TillDayFiles, read_rows
from tests.harness.relay_process import database_option, relay_config, wait_until
from tests.unit.test_reports_shop_files import till_files

DAY, DAY2, DAY3 = "2026-11-21", "2026-11-22", "2026-11-23"
Tills = dict[str, tuple[TillDayFiles, dict[FileKind, Part]]]
"""Each till's day files and the summaries its own export gave, by till id."""


@pytest.fixture
def relay(relay_database: Path | str) -> Iterator[EmbeddedRelay]:
    with start_relay(relay_config(relay_database, max_upload_bytes=64 * 1024)) as running:
        yield running


@pytest.fixture(scope="module")
def tills(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[TillDayFiles, dict[FileKind, Part]]]:
    """The real files of three tills' day (made once: they do not depend on the engine)."""
    folder = tmp_path_factory.mktemp("tills")
    return {
        till_id: till_files(folder, till_id, sales)
        for till_id, sales in (("T1", 2), ("T2", 3), ("T3", 1))
    }


def add(relay: EmbeddedRelay, name: str, shop: str = "default") -> str:
    return relay.storage.write_from_thread(lambda conn: auth.create_terminal(conn, name, shop)[1])


def body(day: TillDayFiles, revision: int = 1, date: str = DAY, **changes: Any) -> dict[str, Any]:
    """The upload of the till's day; ``date``: the same rows as another business day's."""
    return {
        "till_id": day.till_id,
        "business_date": date,
        "revision": revision,
        "files": {kind.value: text.replace(DAY, date) for kind, text in day.files.items()},
        "day_closed": False,
        "shifts": 1,
    } | changes


def with_cell(
    day: TillDayFiles, kind: FileKind, column: str, value: str, line: int = 2
) -> dict[str, str]:
    """The day's files with one cell of ``kind`` changed; ``line`` counts records, the header 1."""
    header, rows = read_rows(day.files[kind])
    rows[line - 2][header.index(column)] = value
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows([header, *rows])
    return body(day)["files"] | {kind.value: text.getvalue()}


def put(relay: EmbeddedRelay, token: str, payload: Any, date: str = DAY) -> httpx.Response:
    return httpx.put(
        f"{relay.url}/v1/days/{date}",
        json=payload,
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )


def get(relay: EmbeddedRelay, token: str, path: str) -> dict[str, Any]:
    answer = httpx.get(relay.url + path, headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()
    return result


def test_only_a_newer_revision_changes_the_day_repeats_and_late_retries_do_not(
    relay: EmbeddedRelay, tills: Tills
) -> None:
    token = add(relay, "T1")
    day = tills["T1"][0]

    assert put(relay, token, body(day)).json() == {"revision": 1, "stored": True}
    assert put(relay, token, body(day)).json() == {"revision": 1, "stored": False}
    changed = put(relay, token, body(day, day_closed=True))
    assert changed.status_code == 409 and "higher revision" in changed.json()["error"]
    assert put(relay, token, body(day, 3, day_closed=True)).json() == {
        "revision": 3,
        "stored": True,
    }
    late = put(relay, token, body(day, 2))
    assert late.status_code == 200 and late.json() == {"revision": 3, "stored": False}

    held = get(relay, token, f"/v1/shop/days/{DAY}")["tills"]
    assert [(t["till_id"], t["revision"], t["day_closed"]) for t in held] == [("T1", 3, True)]
    assert held[0]["files"]["lines"] == day.files[FileKind.LINES]


def test_a_terminal_cannot_upload_another_tills_records(relay: EmbeddedRelay, tills: Tills) -> None:
    first = add(relay, "T1")
    second = add(relay, "T2")
    theirs = tills["T1"][0]

    as_other = put(relay, second, body(theirs))
    assert as_other.status_code == 403 and "own till" in as_other.json()["error"]
    relabelled = put(relay, second, body(theirs, till_id="T2"))  # T1's rows under T2's name
    assert relabelled.status_code == 403

    assert get(relay, first, f"/v1/shop/days/{DAY}")["tills"] == []


def test_an_upload_under_another_tills_id_leaves_the_uploaders_own_copy_as_latest(
    relay: EmbeddedRelay, tills: Tills
) -> None:
    """The 403 says nothing about T2's own day: kept as a refusal, the shop's file named T2's
    copy, which is its latest, as older than what T2 has."""
    tokens = {till_id: add(relay, till_id) for till_id in ("T1", "T2")}
    assert put(relay, tokens["T2"], body(tills["T2"][0])).status_code == 200

    assert put(relay, tokens["T2"], body(tills["T1"][0])).status_code == 403

    shop = get(relay, tokens["T1"], f"/v1/shop/days/{DAY}")["tills"]
    assert [(t["till_id"], t["refused"]) for t in shop] == [("T2", None)]


def test_a_terminal_cannot_upload_another_tills_invoice_payout_receipt_or_return_numbers(
    relay: EmbeddedRelay, tills: Tills
) -> None:
    token = add(relay, "T1")
    add(relay, "T2")
    day = tills["T1"][0]

    for kind, line, column, value in (
        (FileKind.PAYMENTS, 2, "invoice_number", "KSR-T2-20261121-000001"),
        (FileKind.PAYMENTS, 2, "receipt_number", "T2-20261121-0003"),
        (FileKind.PAYMENTS, 3, "invoice_number", "RFD-T2-0a1b2c"),
        (FileKind.PAYMENTS, 3, "refund_of", "KSR-T2-20261121-000001"),
        (FileKind.SALES, 2, "receipt_number", "T2-20261121-0001"),
        (FileKind.SALES, 2, "return_number", "T2-20261121-R0001"),
        (FileKind.LINES, 2, "return_number", "T1-20261121-0001"),  # a receipt's, no slip's
        (FileKind.LINES, 2, "receipt_number", "T1-X-20261121-0001"),  # till T1-X's, not T1's
        (FileKind.LINES, 2, "invoice_number", "KSR-20261121-000001"),  # no till's number
    ):
        answer = put(relay, token, body(day, files=with_cell(day, kind, column, value, line)))
        assert answer.status_code == 403, (column, value, answer.text)
        assert answer.json()["error"].startswith(
            f"files.{kind.value}, line {line}: {column} {value!r} is not till T1's"
        ), answer.text

    assert get(relay, token, f"/v1/shop/days/{DAY}")["tills"] == []
    assert put(relay, token, body(day)).status_code == 200  # its own numbers


def test_a_renamed_till_uploads_its_earlier_numbers_once_and_keeps_its_old_id_its_own(
    relay: EmbeddedRelay, tills: Tills
) -> None:
    """T1 becomes T3 (its settings and ``set-terminal-id``): a day holding its sales from before
    (the day of the change, or a return of an earlier sale) still carries T1's numbers."""
    token = add(relay, "T1")
    day = tills["T1"][0]
    assert put(relay, token, body(day)).status_code == 200
    relay.storage.write_from_thread(lambda conn: storage.set_till_id(conn, "T1", "T3"))

    again = put(relay, token, body(day, 2, till_id="T3"))

    assert again.status_code == 200, again.text
    held = get(relay, token, f"/v1/shop/days/{DAY}")["tills"]
    assert [(t["till_id"], t["revision"]) for t in held] == [("T3", 2)], "the day once"
    other = add(relay, "kasir-baru")  # no till id yet: it would learn one from its upload
    assert put(relay, other, body(day, 3)).status_code == 403, "T1's numbers stay T3's"
    with pytest.raises(storage.TillIdTaken):
        relay.storage.write_from_thread(lambda conn: storage.set_till_id(conn, "kasir-baru", "T1"))


def test_a_renamed_tills_uploads_are_its_own_in_the_shops_uploads(
    relay: EmbeddedRelay, tills: Tills
) -> None:
    """T1 uploads its closed day, then becomes T3: the relay still holds that day under T1, and
    the uploads table counts it as T3's, with the days T3 uploads after."""
    token = add(relay, "T1")
    assert put(relay, token, body(tills["T1"][0], day_closed=True)).status_code == 200
    relay.storage.write_from_thread(lambda conn: storage.set_till_id(conn, "T1", "T3"))

    [held] = get(relay, token, f"/v1/shop/days/{DAY}")["tills"]
    [till] = get(relay, token, "/v1/shop/uploads")["tills"]

    assert (held["till_id"], held["name"]) == ("T1", "T1")
    assert till == {
        "till_id": "T3",
        "name": "T1",
        "last_upload_at": held["uploaded_at"],
        "latest_day": DAY,
        "closed_through": DAY,
    }
    assert put(relay, token, body(tills["T1"][0], date=DAY2, till_id="T3"), DAY2).status_code == 200
    [till] = get(relay, token, "/v1/shop/uploads")["tills"]
    assert (till["latest_day"], till["closed_through"]) == (DAY2, DAY)


def test_closed_through_stops_before_the_first_day_uploaded_open(
    relay: EmbeddedRelay, tills: Tills
) -> None:
    """The 21st was uploaded without its day close, the 22nd with it: the till is closed through
    no day until the 21st is closed too, and a day uploaded open after that is not counted."""
    token = add(relay, "T1")
    day = tills["T1"][0]
    assert put(relay, token, body(day)).status_code == 200
    assert put(relay, token, body(day, date=DAY2, day_closed=True), DAY2).status_code == 200

    def uploads() -> tuple[str | None, str | None]:
        [till] = get(relay, token, "/v1/shop/uploads")["tills"]
        return till["latest_day"], till["closed_through"]

    assert uploads() == (DAY2, None)
    assert put(relay, token, body(day, 2, day_closed=True)).status_code == 200
    assert uploads() == (DAY2, DAY2)
    assert put(relay, token, body(day, date=DAY3), DAY3).status_code == 200
    assert uploads() == (DAY3, DAY2)


def test_a_cell_its_columns_type_does_not_fit_is_400_naming_the_file_line_and_column(
    relay: EmbeddedRelay, tills: Tills
) -> None:
    token = add(relay, "T1")
    day = tills["T1"][0]

    for kind, column, value in (
        (FileKind.LINES, "local_date", "2026-11-21T10:00:00+07:00"),
        (FileKind.LINES, "local_time", "10:00:00+07:00"),
        (FileKind.LINES, "tax_rate", "nan"),
        (FileKind.LINES, "tax_rate", "1e999"),
        (FileKind.LINES, "tax_rate", "1,1"),
        (FileKind.SALES, "business_date", "2026-02-30"),
        (FileKind.SALES, "local_time", "24:00:00"),
        (FileKind.SALES, "local_time", "9:00:00"),
        (FileKind.PAYMENTS, "created_date", "21/11/2026"),
        (FileKind.PAYMENTS, "paid_amount", "1e3"),
    ):
        answer = put(relay, token, body(day, files=with_cell(day, kind, column, value)))
        assert answer.status_code == 400, (column, value, answer.text)
        assert answer.json()["error"].startswith(
            f"files.{kind.value}, line 2: {column} {value!r} is not a"
        ), answer.text

    assert get(relay, token, f"/v1/shop/days/{DAY}")["tills"] == []
    rated = with_cell(day, FileKind.LINES, "tax_rate", "1.1")  # a decimal as Kasir writes it
    assert put(relay, token, body(day, files=rated)).status_code == 200


def test_a_terminal_without_a_till_id_takes_the_one_it_uploads_first(
    relay: EmbeddedRelay, tills: Tills
) -> None:
    token = add(relay, "Kasir depan")

    assert put(relay, token, body(tills["T1"][0])).json()["stored"] is True
    assert put(relay, token, body(tills["T2"][0])).status_code == 403
    assert [t["till_id"] for t in get(relay, token, "/v1/shop/uploads")["tills"]] == ["T1"]


def test_a_terminal_sees_only_its_own_shop(relay: EmbeddedRelay, tills: Tills) -> None:
    tokens = {"T1": add(relay, "T1", "Toko Sari"), "T2": add(relay, "T2", "Toko Sari")}
    tokens["T3"] = add(relay, "T3", "Warung Budi")
    add(relay, "T4", "Toko Sari")  # never uploads
    for till_id, token in tokens.items():
        assert put(relay, token, body(tills[till_id][0], day_closed=True)).status_code == 200

    sari = get(relay, tokens["T2"], f"/v1/shop/days/{DAY}")["tills"]
    budi = get(relay, tokens["T3"], f"/v1/shop/days/{DAY}")["tills"]
    assert [t["till_id"] for t in sari] == ["T1", "T2"]
    assert [t["till_id"] for t in budi] == ["T3"]
    uploads = get(relay, tokens["T1"], "/v1/shop/uploads")["tills"]
    assert [(t["till_id"], t["latest_day"], t["closed_through"]) for t in uploads] == [
        ("T1", DAY, DAY),
        ("T2", DAY, DAY),
        ("T4", None, None),
    ]
    assert all(t["last_upload_at"] for t in uploads[:2])


def test_the_shop_export_of_two_tills_is_the_sum_of_their_files(
    relay: EmbeddedRelay,
    relay_database: Path | str,
    tills: Tills,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for till_id in ("T1", "T2"):
        assert put(relay, add(relay, till_id), body(tills[till_id][0])).status_code == 200
    target = tmp_path / "shop-sales.csv"

    status = relay_service.main(
        ["export", *database_option(relay_database), "--date", DAY, "--sales",
         "--out", str(target)]
    )  # fmt: skip

    assert status == 0, capsys.readouterr().err
    with target.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header == list(SALE_COLUMNS)
    total = sum(int(row[SALE_COLUMNS.index("total")]) for row in rows)
    own = [tills[till_id][1][FileKind.SALES] for till_id in ("T1", "T2")]
    assert not any(isinstance(part, PaymentsSummary) for part in own)
    assert total == sum(part.total for part in own)  # type: ignore[union-attr]
    assert len(rows) == sum(part.rows for part in own)
    assert "net Rp" in capsys.readouterr().out


def test_the_shop_files_neutralise_a_formula_a_till_sent_and_keep_those_already_neutralised(
    relay: EmbeddedRelay,
    relay_database: Path | str,
    tills: Tills,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    day, parts = tills["T1"]
    formula = '=HYPERLINK("http://x.invalid","click")'
    files = with_cell(day, FileKind.LINES, "name", formula)
    assert put(relay, add(relay, "T1"), body(day, files=files)).status_code == 200
    header, own = read_rows(parts[FileKind.LINES].path.read_bytes().decode("utf-8"))
    assert header == [*read_rows(files["lines"])[0], PPN_BASIS]  # not uploaded: the shop adds it
    name = header.index("name")
    own[0][name] = "'" + formula
    assert any(row[name] == "'=1+1" for row in own)  # the till's own file, neutralised already

    for options, encoding, separator in (([], "utf-8", ","), (["--excel-id"], "utf-8-sig", ";")):
        target = tmp_path / f"shop-lines{len(options)}.csv"
        exported = ["export", *database_option(relay_database), "--date", DAY, "--lines"]
        status = relay_service.main([*exported, *options, "--out", str(target)])

        assert status == 0, capsys.readouterr().err
        with target.open(encoding=encoding, newline="") as handle:
            shop = list(csv.reader(handle, delimiter=separator))
        assert shop == [header, *own]  # the refund's -2000 a number still


def bad_bodies(day: TillDayFiles) -> list[tuple[str, Any, int, str]]:
    files = body(day)["files"]
    header_only = dict(files, sales=",".join(SALE_COLUMNS[:-1]) + "\r\n")
    rows = list(csv.reader(files["sales"].splitlines()))
    rows[1][SALE_COLUMNS.index("total")] = "12.5"
    not_whole = dict(files, sales="\r\n".join(",".join(row) for row in rows) + "\r\n")
    return [
        ("not an object", [1, 2], 400, "JSON object"),
        ("no revision", body(day, revision=None), 400, "revision"),
        ("a revision of 0", body(day, 0), 400, "revision"),
        ("a revision beyond 64 bits", body(day, 2**64), 400, "revision"),
        ("a boolean shifts", body(day, shifts=True), 400, "shifts"),
        ("a base as text", body(day, base="1"), 400, "base"),
        ("an unheard that is no hash", body(day, unheard=["1"]), 400, "unheard"),
        ("another date", body(day, business_date="2026-11-22"), 400, "business_date"),
        ("a file missing", body(day, files={"lines": files["lines"]}), 400, "files"),
        ("a file that is a number", body(day, files=dict(files, lines=5)), 400, "files.lines"),
        ("another header", body(day, files=header_only), 400, "columns"),
        ("a NUL", body(day, files=dict(files, lines=files["lines"] + "\x00")), 400, "CSV"),
        ("a lone surrogate", body(day, files=dict(files, lines="\ud800")), 400, "CSV"),
        ("an amount that is no number", body(day, files=not_whole), 400, "whole number"),
        ("a bad till id", body(day, till_id="T 1"), 400, "till_id"),
        ("a negative last return", body(day, last_return=-1), 400, "last_return"),
        ("a last return as text", body(day, last_return="3"), 400, "last_return"),
        ("too big", body(day, files=dict(files, lines="x" * 70_000)), 413, "larger"),
    ]


def test_bad_uploads_are_4xx_saying_why_and_store_nothing(
    relay: EmbeddedRelay, tills: Tills
) -> None:
    token = add(relay, "T1")
    for name, payload, status, says in bad_bodies(tills["T1"][0]):
        answer = httpx.put(
            f"{relay.url}/v1/days/{DAY}",
            content=json.dumps(payload).encode("utf-8", "surrogatepass"),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            timeout=10,
        )
        assert answer.status_code == status, (name, answer.text)
        assert says in answer.json()["error"], (name, answer.text)
    for path, status in (("/v1/days/2026-02-30", 400), ("/v1/days/yesterday", 400)):
        answer = put(relay, token, body(tills["T1"][0]), date=path.rsplit("/", 1)[1])
        assert answer.status_code == status, answer.text
    assert put(relay, "kasir_nope", body(tills["T1"][0])).status_code == 401
    assert httpx.get(f"{relay.url}/v1/shop/uploads").status_code == 401
    assert get(relay, token, f"/v1/shop/days/{DAY}")["tills"] == []


def test_add_terminal_puts_the_till_in_its_shop_and_the_export_reads_that_shop_only(
    relay_database: Path | str, tills: Tills, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = database_option(relay_database)
    for till_id, shop in (("T1", "toko-sari"), ("T2", "toko-sari"), ("T3", "warung-budi")):
        assert relay_service.main(["add-terminal", till_id, "--shop", shop, *where]) == 0
    out = capsys.readouterr().out
    tokens = [line for line in out.splitlines() if line.startswith(auth.TOKEN_PREFIX)]
    assert len(tokens) == 3
    assert relay_service.main(["list-terminals", *where]) == 0
    listed = capsys.readouterr().out
    assert "shop toko-sari" in listed and "shop warung-budi" in listed
    with start_relay(relay_config(relay_database)) as relay:
        for token, till_id in zip(tokens, ("T1", "T2", "T3"), strict=True):
            assert put(relay, token, body(tills[till_id][0])).status_code == 200
    target = tmp_path / "toko-sari.xlsx"

    exported = ["export", *where, "--date", DAY, "--shop", "toko-sari", "--format", "xlsx"]
    assert relay_service.main([*exported, "--out", str(target)]) == 0, capsys.readouterr().err

    book = openpyxl.load_workbook(target)
    sheet = book["sales"]
    header = [cell.value for cell in sheet[1]]
    terminals = {
        row[header.index("terminal")] for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert terminals == {"T1", "T2"}
    nowhere = ["export", *where, "--date", "2026-11-22", "--out", str(tmp_path / "none.csv")]
    assert relay_service.main(nowhere) == 1
    assert "no till of shop 'default' uploaded 2026-11-22" in capsys.readouterr().err
    assert not (tmp_path / "none.csv").exists()


class HeldUpload:
    """A till's upload whose body stops half way until :meth:`finish`: the relay is reading it."""

    def __init__(self, relay: EmbeddedRelay, token: str, payload: Any) -> None:
        data = json.dumps(payload).encode()
        self._go_on = threading.Event()

        def chunks() -> Iterator[bytes]:
            yield data[: len(data) // 2]
            self._go_on.wait(10)
            yield data[len(data) // 2 :]

        self.answer: httpx.Response | None = None

        def send() -> None:
            self.answer = httpx.put(
                f"{relay.url}/v1/days/{DAY}",
                content=chunks(),
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
                timeout=20,
            )

        self._thread = threading.Thread(target=send)
        self._thread.start()

    def finish(self) -> httpx.Response:
        self._go_on.set()
        self._thread.join(20)
        assert self.answer is not None
        return self.answer


def taken_in(relay: EmbeddedRelay, uploads: int) -> None:
    wait_until(
        lambda: relay.app.uploads.in_progress == uploads, 10, what=f"{uploads} uploads taken in"
    )


def test_uploads_are_taken_a_few_at_a_time_and_one_per_terminal(
    relay: EmbeddedRelay, tills: Tills
) -> None:
    """A body at the size limit takes hundreds of MB while it is checked: the relay takes two at
    once, a terminal one, and answers the rest 429, which a till tries again later."""
    tokens = {till_id: add(relay, till_id) for till_id in tills}
    days = {till_id: body(tills[till_id][0]) for till_id in tills}
    first = HeldUpload(relay, tokens["T1"], days["T1"])
    taken_in(relay, 1)
    again = put(relay, tokens["T1"], days["T1"])
    assert again.status_code == 429 and "try again" in again.json()["error"]
    second = HeldUpload(relay, tokens["T2"], days["T2"])
    taken_in(relay, 2)
    assert put(relay, tokens["T3"], days["T3"]).status_code == 429

    assert first.finish().status_code == 200
    assert second.finish().status_code == 200
    assert put(relay, tokens["T3"], days["T3"]).status_code == 200
    shop = get(relay, tokens["T1"], f"/v1/shop/days/{DAY}")
    assert sorted(till["till_id"] for till in shop["tills"]) == ["T1", "T2", "T3"]


def rewritten(
    files: Mapping[str, str], keep: Callable[[str], bool], *again: tuple[str, dict[str, str]]
) -> dict[str, str]:
    """The files with only the rows ``keep(moment)`` holds, then every row of each ``again``
    sale id once more with its changes (``{"local_time": …}``)."""
    written = {}
    for kind, text in files.items():
        header, rows = read_rows(text)
        date, time, sale = (header.index(name) for name in ("local_date", "local_time", "sale_id"))
        kept = [row for row in rows if keep(f"{row[date]}T{row[time]}")]
        for sale_id, changes in again:
            kept += [
                [changes.get(name, cell) for name, cell in zip(header, row, strict=True)]
                for row in rows
                if row[sale] == sale_id
            ]
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows([header, *kept])
        written[kind] = out.getvalue()
    return written


def shop_sales(relay: EmbeddedRelay, token: str) -> list[tuple[str, str, int]]:
    """The shop's sales file of the day: (sale id, time, total) of each row."""
    [till] = get(relay, token, f"/v1/shop/days/{DAY}")["tills"]
    header, rows = read_rows(till["files"]["sales"])
    return [
        (
            row[header.index("sale_id")],
            row[header.index("local_time")],
            int(row[header.index("total")]),
        )
        for row in rows
    ]


def shop_money(relay: EmbeddedRelay, token: str) -> tuple[int, int, int]:
    """The rupiah of the shop's day in each file: lines, sales, payments."""
    [till] = get(relay, token, f"/v1/shop/days/{DAY}")["tills"]
    sums = []
    for kind, column in (("lines", "line_total"), ("sales", "total"), ("payments", "paid_amount")):
        header, rows = read_rows(till["files"][kind])
        sums.append(sum(int(row[header.index(column)] or 0) for row in rows))
    return sums[0], sums[1], sums[2]


def test_a_restored_tills_upload_keeps_the_day_it_no_longer_has_and_adds_what_it_lacks(
    relay: EmbeddedRelay, tills: Tills
) -> None:
    """The till's disk died at night; its database from the 10:30 backup goes back, and sent
    revision 1 of the day. The relay's copy (revision 5, every sale of the day) stays as the day's
    earlier part; the restored till's uploads add only what that part does not hold, in every
    file: not the backup's sales, nor the QR sale whose payment the relay hands over again and the
    restored till completes again later."""
    token = add(relay, "T1")
    day = body(tills["T1"][0])["files"]
    assert put(relay, token, body(tills["T1"][0], 5, base=4)).json() == {
        "revision": 5,
        "stored": True,
    }
    whole_day, whole_money = shop_sales(relay, token), shop_money(relay, token)
    header, rows = read_rows(day["sales"])
    receipt, invoice = header.index("receipt_number"), header.index("invoice_number")
    last = max(int(row[receipt][-4:]) for row in rows if row[receipt].startswith("T1-"))
    first_cash = rows[0][header.index("sale_id")]
    qr_sale = next(
        row[header.index("sale_id")]
        for row in rows
        if row[invoice].startswith("KSR-") and row[header.index("record_type")] == "sale"
    )

    def before_the_backup(moment: str) -> bool:
        return moment <= "2026-11-21T10:30:00"

    restored = rewritten(
        day,
        before_the_backup,
        (first_cash, {"local_time": "21:00:00", "sale_id": "90"}),
        (qr_sale, {"local_time": "21:30:00"}),
    )

    answer = put(relay, token, body(tills["T1"][0], 6, files=restored, base=1)).json()

    assert answer == {"revision": 6, "stored": True, "last_receipt": last}
    cash = whole_day[0][2]
    assert shop_sales(relay, token) == [*whole_day, ("90", "21:00:00", cash)]
    lines, sales, payments = whole_money
    assert shop_money(relay, token) == (lines + cash, sales + cash, payments)
    repeat = put(relay, token, body(tills["T1"][0], 6, files=restored, base=1)).json()
    assert repeat == answer | {"stored": False}, "a retry keeps the part kept once"

    later = rewritten(
        restored, lambda moment: True, ("90", {"local_time": "22:00:00", "sale_id": "91"})
    )
    assert put(relay, token, body(tills["T1"][0], 7, files=later, base=6)).json()["stored"]
    assert [row[1] for row in shop_sales(relay, token)] == [
        *(row[1] for row in whole_day),
        "21:00:00",
        "22:00:00",
    ]
    backup = rewritten(day, before_the_backup)
    assert put(relay, token, body(tills["T1"][0], 8, files=backup, base=7)).json() == {
        "revision": 8,
        "stored": True,
        "last_receipt": last,
    }
    assert shop_sales(relay, token) == whole_day, "what the earlier part holds stays in the shop"
    assert shop_money(relay, token) == whole_money


def test_a_till_that_sent_the_revision_held_replaces_it_as_before(
    relay: EmbeddedRelay, tills: Tills
) -> None:
    """Its answer was lost, but the till sent revision 5: its revision 6 holds all of it."""
    token = add(relay, "T1")
    day = body(tills["T1"][0])["files"]
    assert put(relay, token, body(tills["T1"][0], 5, base=4)).json()["stored"]
    fewer = rewritten(day, lambda moment: moment <= "2026-11-21T10:30:00")
    assert put(relay, token, body(tills["T1"][0], 6, files=fewer, base=5)).json() == {
        "revision": 6,
        "stored": True,
    }
    [till] = get(relay, token, f"/v1/shop/days/{DAY}")["tills"]
    assert till["files"] == fewer


def test_a_receipt_sequence_longer_than_the_relay_keeps_is_400_and_the_longest_it_keeps_fits(
    relay: EmbeddedRelay, tills: Tills
) -> None:
    """A day kept as a restored till's earlier part keeps its last receipt sequence as a 64-bit
    integer: 18 digits fit it, 19 are refused when uploaded rather than overflow it later."""
    token = add(relay, "T1")
    day = tills["T1"][0]
    too_long = f"T1-20261121-{'9' * 19}"
    for kind in (FileKind.LINES, FileKind.SALES, FileKind.PAYMENTS):
        files = with_cell(day, kind, "receipt_number", too_long)

        refused = put(relay, token, body(day, files=files))

        assert refused.status_code == 400, refused.text
        assert refused.json()["error"] == (
            f"files.{kind.value}, line 2: receipt_number {too_long!r} has a sequence of more "
            "than 18 digits"
        )
    assert get(relay, token, f"/v1/shop/days/{DAY}")["tills"] == []

    longest = with_cell(day, FileKind.SALES, "receipt_number", f"T1-20261121-{'9' * 18}")
    assert put(relay, token, body(day, files=longest)).status_code == 200
    restored = put(relay, token, body(day, 3, base=0))  # lacks the row held
    assert restored.json() == {"revision": 3, "stored": True, "last_receipt": 10**18 - 1}


def test_a_receipt_sequence_too_long_held_from_before_is_passed_over_as_the_last_receipt(
    relay: EmbeddedRelay, tills: Tills
) -> None:
    """A day the relay took before it refused such sequences: a restored till's upload keeps it
    as the earlier part and says the last receipt that fits, never a 5xx."""
    token = add(relay, "T1")
    day = tills["T1"][0]
    files = with_cell(day, FileKind.SALES, "receipt_number", f"T1-20261121-{'9' * 19}")
    header, rows = read_rows(files["sales"])
    receipt = header.index("receipt_number")
    sequences = [row[receipt].rsplit("-", 1)[1] for row in rows if row[receipt].startswith("T1-")]
    last = max(int(sequence) for sequence in sequences if len(sequence) <= 18)

    def held_from_before(conn: Any) -> None:
        terminal = storage.terminal_by_name(conn, "T1")
        assert terminal is not None
        kept = {FileKind(kind): text for kind, text in files.items()}
        till_days.store_day(conn, terminal, till_days.TillDay("T1", DAY, 1, False, 1, kept))

    relay.storage.write_from_thread(held_from_before)

    restored = put(relay, token, body(day, 3, base=0))

    assert restored.json() == {"revision": 3, "stored": True, "last_receipt": last}


def test_a_till_is_told_the_highest_last_return_it_told_of_its_latest_days(
    relay: EmbeddedRelay, tills: Tills
) -> None:
    """A wallet return whose payout is pending or failed is in none of the day's files, yet its
    slip was printed: the relay keeps the highest last return any upload of the day told (a
    restored till's older revision tells a lower one), for the latest days."""
    token = add(relay, "T1")
    day = tills["T1"][0]
    assert get(relay, token, "/v1/days")["last_returns"] == {}
    assert put(relay, token, body(day, 2, last_return=3)).status_code == 200
    assert put(relay, token, body(day, 1, last_return=1)).json()["stored"] is False
    assert put(relay, token, body(day, 3)).status_code == 200, "a till of an older Kasir"
    for later, sequence in ((DAY2, 0), (DAY3, 2)):
        assert (
            put(relay, token, body(day, 1, later, last_return=sequence), later).status_code == 200
        )
    assert get(relay, token, "/v1/days")["last_returns"] == {DAY3: 2, DAY: 3}
    latest = "2026-11-24"
    assert put(relay, token, body(day, 1, latest, last_return=1), latest).status_code == 200
    assert get(relay, token, "/v1/days")["last_returns"] == {latest: 1, DAY3: 2}
    assert get(relay, add(relay, "T2"), "/v1/days")["last_returns"] == {}


def test_a_terminal_is_told_the_last_invoice_number_it_registered(
    relay: EmbeddedRelay,
) -> None:
    token = add(relay, "T1")
    other = add(relay, "T2")
    assert get(relay, token, "/v1/days")["invoice_counter"] == 0
    for number, owner in (
        ("KSR-T1-20261121-000041", token),
        ("KSR-T1-20261122-000042", token),
        ("KSR-T2-20261122-000107", other),
        ("RFD-T1-0a1b2c", token),
        ("KSR-T1-20261121-000040", token),
    ):
        registered = httpx.post(
            f"{relay.url}/v1/payments",
            json={"invoice_number": number, "provider": "doku", "amount": 7000},
            headers={"Authorization": f"Bearer {owner}"},
            timeout=10,
        )
        assert registered.status_code in (200, 201), registered.text
    assert get(relay, token, "/v1/days")["invoice_counter"] == 42
    assert get(relay, other, "/v1/days")["invoice_counter"] == 107
    for counter in range(100, 100 + storage.RECENT_INVOICES + 5):  # more than it looks at
        registered = httpx.post(
            f"{relay.url}/v1/payments",
            json={
                "invoice_number": f"KSR-T2-20261123-{counter:06}",
                "provider": "doku",
                "amount": 1,
            },
            headers={"Authorization": f"Bearer {other}"},
            timeout=10,
        )
        assert registered.status_code in (200, 201), registered.text
    assert get(relay, other, "/v1/days")["invoice_counter"] == 100 + storage.RECENT_INVOICES + 4

    def replaced(conn: Any) -> str:
        """The till's machine replaced: its terminal revoked, then given a new token (a new
        terminal may not take the revoked one's id: its payments are delivered to it)."""
        storage.revoke_terminal(conn, "T1")
        auth.create_terminal(conn, "T1-baru")
        with pytest.raises(storage.TillIdTaken):
            storage.set_till_id(conn, "T1-baru", "T1")
        token = auth.new_token()
        storage.replace_token(conn, "T1", auth.token_hash(token))
        return token

    successor = relay.storage.write_from_thread(replaced)
    assert get(relay, successor, "/v1/days")["invoice_counter"] == 42


def test_the_shop_export_names_a_till_whose_later_upload_the_relay_refused_and_one_missing(
    relay: EmbeddedRelay,
    relay_database: Path | str,
    tills: Tills,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """T1's day grew past the relay's limit: its revision 2 is refused (413) and the relay keeps
    revision 1. The shop's file adds up to the copies held, and says T1's is older than T1's
    latest and T3 uploaded nothing, until T1's next upload of the day is taken."""
    tokens = {till_id: add(relay, till_id) for till_id in ("T1", "T2", "T3")}
    for till_id in ("T1", "T2"):
        assert put(relay, tokens[till_id], body(tills[till_id][0])).status_code == 200
    too_large = body(tills["T1"][0], revision=2) | {"padding": "x" * 65 * 1024}
    assert put(relay, tokens["T1"], too_large).status_code == 413
    target = tmp_path / "shop-sales.csv"

    status = relay_service.main(
        ["export", *database_option(relay_database), "--date", DAY, "--sales",
         "--out", str(target)]
    )  # fmt: skip

    assert status == 0
    warned = capsys.readouterr().err.splitlines()
    assert len(warned) == 2, warned
    assert warned[0].startswith("warning: till T1: the file holds its upload of ")
    assert "body is larger than 65536 bytes" in warned[0]
    assert warned[1] == f"warning: till T3 has not uploaded {DAY}: it is not in the file"
    with target.open(encoding="utf-8", newline="") as handle:
        _, *rows = list(csv.reader(handle))
    assert len(rows) == sum(tills[till_id][1][FileKind.SALES].rows for till_id in ("T1", "T2"))
    shop = get(relay, tokens["T2"], f"/v1/shop/days/{DAY}")["tills"]
    assert [(t["till_id"], (t["refused"] or {}).get("status")) for t in shop] == [
        ("T1", 413),
        ("T2", None),
    ]

    assert put(relay, tokens["T1"], body(tills["T1"][0], revision=2)).status_code == 200
    shop = get(relay, tokens["T2"], f"/v1/shop/days/{DAY}")["tills"]
    assert [t["refused"] for t in shop] == [None, None]
