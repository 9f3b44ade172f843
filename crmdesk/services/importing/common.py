"""What the importers share: progress and cancel, chunking, refusals naming a line, and the
plan cache that lets an import right after its preview do exactly what the preview showed."""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from crmdesk.core.errors import ImportFailed, KnownError
from crmdesk.core.texts import as_text, translatable
from crmdesk.services.history import note_batch
from crmdesk.store.write_marks import write_mark

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

PREVIEW_ROWS = 20
# rows a flush, a progress report and a cancel check; new contacts and their index entries fill
# whole bulk statements (4 x 512)
CHUNK = 2048
QUERY_CHUNK = 500  # ids in one IN (…) list


class ImportCancelled(KnownError):
    """The user stopped the import; the transaction is rolled back, nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            translatable("Messages", "The import was cancelled."),
            translatable("Messages", "Nothing was imported."),
        )


def squash(value: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", value).casefold().split())


def organisation_key(name: str) -> str:
    """Account names compare without case and extra spaces."""
    return squash(name)


def in_chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def plan_for(
    session: Session,
    batch: ContactBatch | OrderBatch,
    make: Callable[..., Any],
    *,
    take: bool = False,
    **work: Any,
) -> Any:
    """The batch's plan, computed once while the database stays as it was: an import right after
    its preview does exactly what the preview showed without matching everything again (half
    the time of a 100k-row import). `take` (the import) removes it from the cache, so a retry
    after a failure plans afresh."""
    state = write_mark(session)
    cached = batch.__dict__.pop("_plan", None) if take else batch.__dict__.get("_plan")
    if cached is not None and cached[0] == state:
        return cached[1]
    plan = make(session, batch, **work)
    if not take:
        batch.__dict__["_plan"] = (state, plan)
    return plan


if TYPE_CHECKING:
    from crmdesk.services.importing.files import ContactBatch, OrderBatch


_THIS_ROW = translatable("Messages", "this row could not be imported")


@contextlib.contextmanager
def failing_at(line: int, what: str = _THIS_ROW) -> Iterator[None]:
    """An unexpected error becomes an ImportFailed naming the line and what failed (a marked
    text or a Text; the error's own words follow as they are). The caller rolls back."""
    try:
        yield
    except KnownError:
        raise
    except Exception as exc:
        raise ImportFailed(
            translatable("Messages", "%1: %2"), line=line or None, values=(as_text(what), exc)
        ) from exc


def note_import(
    session: Session, batch: ContactBatch | OrderBatch, counts: list[tuple[str, str, int]]
) -> None:
    """The import as History names it: its file and what it created and edited."""
    note_batch(session, "import", {"file": Path(batch.filename).name, "counts": counts})


def check_cancelled(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled()


def clean(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value
