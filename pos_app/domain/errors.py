"""Exception types shared across the core, so callers can tell user mistakes from faults."""

from pos_app.domain.texts import Text


class KasirError(Exception):
    """Base of every error Kasir raises on purpose; its message is fit to show a person.

    The message is a :class:`~pos_app.domain.texts.Text`: an English template marked with ``N_``
    and its named parameters, so ``str()`` gives it in the language the GUI chose.
    """

    def __init__(self, template: str | Text = "", /, **params: object) -> None:
        self.text = template if isinstance(template, Text) else Text(template, **params)
        super().__init__(self.text.template)

    def __str__(self) -> str:
        return str(self.text)


class ValidationError(KasirError, ValueError):
    """Input that breaks a rule (a limit, a format); the message names the field and the rule."""
