"""The two kinds of failure: a KnownError is the input's or the environment's fault and is shown
to the user in their words with what to do; anything else is a bug and goes to the crash dialog."""

from __future__ import annotations

from dataclasses import dataclass

from crmdesk.core.texts import Text, as_text, translatable


class KnownError(Exception):
    """An error the user can act on: bad file, refused database, invalid field, stale edit.

    `message` and `hint` are English; with `values` (or `hint_values`) they are templates
    with %1, %2 … and become crmdesk.core.texts.Text, which a view translates before filling."""

    def __init__(
        self,
        message: str,
        hint: str = "",
        *,
        values: tuple[object, ...] = (),
        hint_values: tuple[object, ...] = (),
    ) -> None:
        self.message = Text(message, *values) if values else message
        self.hint = Text(hint, *hint_values) if hint_values else hint
        super().__init__(self.message)

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class DatabaseRefused(KnownError):
    """The database file is newer than this program, not a crmdesk file, or unreadable."""


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class ValidationError(KnownError):
    """One or more fields are invalid; `errors` names each so a form can show them inline."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))


class StaleRecordError(KnownError):
    """Someone else (another window, another process) changed the record since it was read."""


class RecordNotFound(KnownError):
    pass


class ImportFailed(KnownError):
    """A file could not be imported; `line` is its 1-based line number where known (the
    message then starts "line N: ")."""

    def __init__(
        self,
        message: str,
        line: int | None = None,
        hint: str = "",
        *,
        values: tuple[object, ...] = (),
        hint_values: tuple[object, ...] = (),
    ) -> None:
        self.line = line
        if line:
            # a Text, so a view translates it inside the line's
            reason = Text(message, *values) if values else as_text(message)
            message, values = translatable("Messages", "line %1: %2"), (line, reason)
        super().__init__(message, hint, values=values, hint_values=hint_values)
