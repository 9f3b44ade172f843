"""What every verb prints: JSON lines, plain rows and fields, one-line errors on stderr.

Verbs print through here so `--json` means the same everywhere and errors look alike.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
import sys
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from enum import Enum
from typing import Any

from crmdesk.core.errors import KnownError


def to_jsonable(value: Any) -> Any:
    """Plain JSON for dataclasses, UUIDs, dates, Decimals and bytes (photos as base64)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def print_json(value: Any) -> None:
    """One JSON object on one line (a JSON-lines stream when called per record)."""
    print(json.dumps(to_jsonable(value), ensure_ascii=False), flush=True)


def print_rows(rows: Iterable[Any], as_json: bool, columns: Sequence[str]) -> None:
    """Records as JSON lines, or as tab-separated lines starting with the id."""
    for row in rows:
        if as_json:
            print_json(row)
        else:
            values = [str(getattr(row, c) or "") for c in columns]
            print("\t".join([row.id.hex, *values]))


def pad(text: str, width: int) -> str:
    """`text` padded to `width` terminal columns: a Chinese character takes two."""
    wide = sum(1 for ch in text if unicodedata.east_asian_width(ch) in "WF")
    return text + " " * max(0, width - len(text) - wide)


def show(title: str, fields: Iterable[tuple[str, Any]]) -> None:
    """One object for a person to read: its title, then an indented `label value` per field."""
    print(title)
    shown = [(label, value) for label, value in fields if value not in (None, "", [], ())]
    width = max([10, *(len(label) for label, _ in shown)])
    for label, value in shown:
        print(f"  {label:{width}} {value}")


def show_facts(facts: dict[str, Any], as_json: bool) -> None:
    """A flat dict as one JSON object, or as aligned `key value` lines."""
    if as_json:
        print_json(facts)
        return
    width = max((len(key) for key in facts), default=0)
    for key, value in facts.items():
        print(f"{key:{width}} {value}")


def note(text: str) -> None:
    """A line for the person at the terminal (stderr, so stdout stays data)."""
    print(text, file=sys.stderr, flush=True)


def fail(exc: KnownError) -> int:
    """A known error as one line on stderr; the exit status of a failed verb."""
    print(f"crmdesk: {exc}", file=sys.stderr, flush=True)
    return 1


def progress_line(step: str) -> Callable[[int, int], None]:
    """How far `step` ("matching", "importing") is, on one line of a terminal's stderr."""
    finished = False

    def report(done: int, total: int) -> None:
        nonlocal finished
        if sys.stderr.isatty() and not finished:
            finished = done >= total
            percent = done * 100 // max(total, 1)
            end = "\n" if finished else ""
            print(f"\r{step} {percent:3d}%", end=end, file=sys.stderr, flush=True)

    return report
