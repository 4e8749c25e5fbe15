"""A report as titled sections of (label, value) rows, and those rows as HTML.

The Z report and the shift report are both lists of figures under headings; each says what its
rows are, and this module alone says how rows look in print preview and PDF.
"""

import html

Section = tuple[str, list[tuple[str, str]]]


def sections_html(sections: list[Section], *, shop_name: str = "", mark: str = "") -> str:
    """HTML for print preview and PDF (Qt rich text understands it); ``mark`` (COPY, say) large
    above and below."""
    e = html.escape
    marked = [copy_mark_html(mark)] if mark else []
    parts = ["<html><body>", *marked]
    if shop_name:
        parts.append(f"<h2 align='center'>{e(shop_name)}</h2>")
    for title, rows in sections:
        parts.append(f"<h3>{e(title)}</h3><table width='100%' cellspacing='0' cellpadding='1'>")
        parts += [
            f"<tr><td>{indented_label(label)}</td><td align='right'>{e(value)}</td></tr>"
            for label, value in rows
        ]
        parts.append("</table>")
    parts += [*marked, "</body></html>"]
    return "".join(parts)


def copy_mark_html(mark: str) -> str:
    """``mark`` (COPY, say) in large letters on a line of its own, as a receipt or report printed
    again shows it above and below."""
    return f"<p align='center'><b style='font-size: x-large'>{html.escape(mark)}</b></p>"


def indented_label(label: str) -> str:
    """A label's leading spaces (a row that belongs to the one above: the notes counted, the
    late payments, the cash of no shift) kept as its indent, which HTML would drop."""
    text = label.lstrip(" ")
    return "&nbsp;" * 2 * (len(label) - len(text)) + html.escape(text)
