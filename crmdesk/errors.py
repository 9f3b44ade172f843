"""The two kinds of failure: a KnownError is the input's or the environment's fault and is shown
to the user in their words with what to do; anything else is a bug and goes to the crash dialog."""

from __future__ import annotations

from dataclasses import dataclass

from crmdesk.texts import fill


class KnownError(Exception):
    """An error the user can act on: bad file, refused database, invalid field, stale edit.

    `message` and `hint` may be templates with %1, %2 … for `values` and `hint_values`
    (crmdesk.texts.fill): a view translates the template (Messages context), then fills it.
    `.message` and `.hint` are the English texts, filled."""

    def __init__(
        self,
        message: str,
        hint: str = "",
        *,
        values: tuple[object, ...] = (),
        hint_values: tuple[object, ...] = (),
    ) -> None:
        self.template, self.values = message, values
        self.hint_template, self.hint_values = hint, hint_values
        self.message, self.hint = fill(message, values), fill(hint, hint_values)
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
        super().__init__(message, hint, values=values, hint_values=hint_values)
        if line:
            self.message = f"line {line}: {self.message}"
            self.args = (self.message,)
