"""Texts the core shows people (errors, reports), translatable without Qt in the core.

The core writes each such text in English, marked with :func:`N_` where it is written, with named
``{parameters}``; ``packaging/translations.py`` extracts every ``N_("…")`` under the context
:data:`CONTEXT`. A :class:`Text` keeps the template and its parameters apart, so the template is
translated first and the parameters are put in after. The GUI installs its translator once with
:func:`set_translator`; without one (command line, relay, tests of the core) texts stay English.
"""

from collections.abc import Callable
from enum import StrEnum

CONTEXT = "core"
"""The catalogue's context of every core text."""

Translator = Callable[[str], str]
Namer = Callable[[StrEnum], str]


def N_(text: str) -> str:
    """Mark ``text`` for the catalogue; it is translated later, when it is shown."""
    return text


def _stored_value(value: StrEnum) -> str:
    return value.value


_translator: Translator = N_
_namer: Namer = _stored_value


def set_translator(translator: Translator | None, namer: Namer | None = None) -> None:
    """Translate core texts with ``translator`` from now on, and name a state or a kind given as
    a parameter (a sale's status, say) with ``namer``; ``None``: back to English."""
    global _translator, _namer
    _translator = translator or N_
    _namer = namer or _stored_value


def translate(template: str) -> str:
    """``template`` in the language the GUI chose (English without a translator)."""
    return _translator(template)


def say(template: str, /, **params: object) -> str:
    """``template`` (marked with ``N_``) in words now, for a text built to be shown at once."""
    return str(Text(template, **params))


class Text:
    """An English template with its named parameters, turned into words by ``str()``.

    A parameter may itself be a :class:`Text` (a field's name, say): it is translated too; a
    :class:`~enum.StrEnum` member (a state) is named by the GUI's words for it.
    """

    __slots__ = ("params", "template")

    def __init__(self, template: str, /, **params: object) -> None:
        self.template = template
        self.params = params

    def __str__(self) -> str:
        translated = translate(self.template)
        if not self.params:
            return translated
        return translated.format(**{name: _shown(value) for name, value in self.params.items()})

    def english(self) -> str:
        """The source text whatever the GUI's language, for what is stored or logged."""
        if not self.params:
            return self.template
        return self.template.format(
            **{
                name: value.english() if isinstance(value, Text) else str(value)
                for name, value in self.params.items()
            }
        )

    def __repr__(self) -> str:
        return f"Text({self.template!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and (self.template, self.params) == (
            other.template,
            other.params,
        )

    def __hash__(self) -> int:
        return hash(self.template)


def _shown(value: object) -> str:
    return _namer(value) if isinstance(value, StrEnum) else str(value)
