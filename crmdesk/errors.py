"""The two kinds of failure: a KnownError is the input's or the environment's fault and is shown
to the user in their words with what to do; anything else is a bug and goes to the crash dialog."""

from __future__ import annotations

from dataclasses import dataclass


class KnownError(Exception):
    """An error the user can act on: bad file, refused database, invalid field, stale edit."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

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
    """A file could not be imported; `line` is its 1-based line number where known."""

    def __init__(self, message: str, line: int | None = None, hint: str = "") -> None:
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message, hint)
