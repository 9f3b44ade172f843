"""Marking the messages plain-Python layers show a user, for the translation catalogue.

Services do not import Qt, so they cannot translate; they mark a message with
`translatable(context, text)`, which hands the English text back unchanged. `make translations`
runs lupdate with `-tr-function-alias QT_TRANSLATE_NOOP+=translatable`, which files each marked
text in the catalogue under its context. A message with values in it is a `Text`: a template
with Qt-style %1, %2 … and the values (`fill` puts them in), translated before they go in. A
view shows either through `views.i18n.translated(context, text)`. Contexts: "Validation" for
form errors, "Messages" for errors (crmdesk.core.errors.KnownError), "Import" for row reasons.
"""

from __future__ import annotations

import re

_PLACE = re.compile(r"%(\d)")


def translatable(context: str, text: str) -> str:
    """`text`, marked for translation in `context` (both literal strings, for lupdate)."""
    return text


class Text(str):
    """English text filled from a template, which keeps the template and the values so a view
    can word it in the user's language: `Text(translatable("Import", "%1 is not a date"), v)`.
    It is a str (compared, joined, printed, written to JSON as the English); values that are
    Texts themselves are translated too."""

    template: str
    values: tuple[object, ...]

    def __new__(cls, template: str, *values: object) -> Text:
        text = super().__new__(cls, fill(template, values))
        text.template, text.values = template, values
        return text

    def __getnewargs__(self) -> tuple[object, ...]:  # type: ignore[override]  # copy, pickle
        return (self.template, *self.values)


def as_text(text: str) -> Text:
    """`text` as a Text (itself if it is one), to stand as a value a view translates too."""
    return text if isinstance(text, Text) else Text(text)


def fill(template: str, values: tuple[object, ...] | list[object]) -> str:
    """`template` with %1, %2 … replaced by the values, in one pass (a value holding "%2"
    stays as it is; a place with no value stays as written)."""
    if not values:
        return template

    def value(match: re.Match[str]) -> str:
        n = int(match[1])
        return str(values[n - 1]) if 0 < n <= len(values) else match[0]

    return _PLACE.sub(value, template)
