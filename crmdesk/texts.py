"""Marking the messages plain-Python layers show a user, for the translation catalogue.

Services do not import Qt, so they cannot translate; they mark a message with
`translatable(context, text)`, which hands the English text back unchanged. `make translations`
runs lupdate with `-tr-function-alias QT_TRANSLATE_NOOP+=translatable`, which files each marked
text in the catalogue under its context; a view shows it through
`QCoreApplication.translate(context, text)` (form errors: the "Validation" context).
"""

from __future__ import annotations


def translatable(context: str, text: str) -> str:
    """`text`, marked for translation in `context` (both literal strings, for lupdate)."""
    return text
