"""The customer's ``/r/{token}`` pages: everything from outside is escaped, the form is exact."""

from html.parser import HTMLParser

from pos_app.relay import pages

HOSTILE = '"><script>alert(1)</script>&amp;'


class Page(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


def test_the_redirect_form_carries_the_providers_fields_exactly_and_escaped() -> None:
    fields = {"WORDS": HOSTILE, HOSTILE: "x", "AMOUNT": "10000.00"}
    url = "https://pay.example/Suite/Receive?a=1&b=" + HOSTILE

    response = pages.redirect_page("INV<1>", "POST", url, fields, nonce="n0nce")
    text = response.body.decode()
    parsed = Page(text)

    assert "<script>alert(1)" not in text and "INV<1>" not in text
    form = next(attrs for tag, attrs in parsed.tags if tag == "form")
    inputs = {attrs["name"]: attrs["value"] for tag, attrs in parsed.tags if tag == "input"}
    assert (form["method"], form["action"]) == ("post", url)
    assert inputs == fields
    scripts = [attrs for tag, attrs in parsed.tags if tag == "script"]
    assert scripts == [{"nonce": "n0nce"}]
    assert "script-src 'nonce-n0nce'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"] == "no-store"


def test_a_get_redirect_makes_a_get_form() -> None:
    response = pages.redirect_page("INV-1", "GET", "https://pay.example/", {}, nonce="n")
    form = next(attrs for tag, attrs in Page(response.body.decode()).tags if tag == "form")
    assert form["method"] == "get"


def test_a_get_redirect_keeps_its_urls_query_as_fields() -> None:
    """A browser replaces a GET form's action query with the form's fields: the query the
    provider signed into the URL must come along as fields, or the phone lands on a bare page."""
    url = "https://acs.example/pay?sid=abc&lang=id&empty="
    response = pages.redirect_page("INV-1", "GET", url, {"extra": "1"}, nonce="n")
    tags = Page(response.body.decode()).tags
    form = next(attrs for tag, attrs in tags if tag == "form")
    assert form["action"] == "https://acs.example/pay"
    fields = [(attrs["name"], attrs["value"]) for tag, attrs in tags if tag == "input"]
    assert fields == [("sid", "abc"), ("lang", "id"), ("empty", ""), ("extra", "1")]


def test_the_waiting_page_refreshes_and_runs_no_script() -> None:
    response = pages.waiting_page(HOSTILE)
    text = response.body.decode()
    assert 'http-equiv="refresh"' in text and "<script" not in text
    assert "script-src 'none'" in response.headers["content-security-policy"]
    assert HOSTILE not in text


def test_unknown_links_get_a_friendly_404() -> None:
    response = pages.not_found_page()
    assert response.status_code == 404
    assert "ask the cashier for a new QR code" in response.body.decode()
