"""Translating text outside a QObject's own `tr()`: module-level helpers and view functions.

`_tr(text, disambiguation, n)` looks the text up in the catalogue's shared (empty) context:
`make translations` runs pyside6-lupdate with `-tr-function-alias tr+=_tr`, which files every
`_tr()` call there, wherever in a module it stands.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from crmdesk.core.texts import Text, fill


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("", text, disambiguation, n)


tr = _tr


# A translated menu text's accelerator written after the word, as Chinese, Japanese and Korean
# menus write it: "新建(&N)", "导入(&I)…".
_ACCELERATOR_SUFFIX = re.compile(r"\s*[(（]&[^)）][)）]")


def button_text(action_text: str) -> str:
    """A menu action's text as a toolbar button says it: no accelerator ("新建(&N)" -> "新建",
    "&Import…" -> "Import") and no trailing ellipsis."""
    text = _ACCELERATOR_SUFFIX.sub("", action_text)
    text = re.sub(r"&(.)", r"\1", text)
    return text.removesuffix("…").removesuffix("...").strip()


def translated(context: str | tuple[str, ...], text: str) -> str:
    """A text a plain-Python layer marked (crmdesk.core.texts) in the user's language: a Text's
    template is translated, then filled with its values (Texts among them translated too).
    Several contexts are tried in order: an import error (Messages) carries a row's reason
    (Import) inside it."""
    contexts = (context,) if isinstance(context, str) else context
    if isinstance(text, Text):
        values = [translated(contexts, v) if isinstance(v, Text) else v for v in text.values]
        return fill(_looked_up(contexts, text.template), values)
    return _looked_up(contexts, text)


def _looked_up(contexts: tuple[str, ...], source: str) -> str:
    for context in contexts:
        found = QCoreApplication.translate(context, source)
        if found != source:
            return found
    return source


__all__ = ["button_text", "tr", "translated"]
