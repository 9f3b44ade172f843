"""How much an imported file may hold, and reading one within that.

A file handed to an importer may be anything: `/dev/zero`, a named pipe, a 10,000-column sheet,
a cell of a gigabyte. Each limit is far beyond a real address book or order history (Excel itself
holds 32,767 characters a cell) and turns the hostile case into one short message instead of a
hang or memory exhausted."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from crmdesk.core.errors import ImportFailed
from crmdesk.core.texts import translatable

MAX_FILE_BYTES = 256 << 20
"""An import file's size: a 100k-contact CSV is about 20 MB."""
MAX_COLUMNS = 1000
"""Columns of a table: Outlook's and Google's exports have about 90."""
MAX_CELL_CHARS = 8 << 20
"""Characters of one cell; a longer one cannot be data a person typed."""


def read_import_bytes(path: str | Path) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES; anything else (a device, a pipe,
    a folder, a larger file) refused in one line, without reading past the limit."""
    name = Path(path).name or str(path)
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer before it is refused
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ImportFailed(
            translatable("Messages", "Cannot read %1: %2."), values=(path, exc.strerror or exc)
        ) from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise ImportFailed(
            translatable(
                "Messages",
                "%1 is not a regular file (a device, a pipe or a folder) and cannot be imported.",
            ),
            values=(name,),
            hint=translatable("Messages", "Choose a file saved on disk."),
        )
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise ImportFailed(
                translatable("Messages", "Cannot read %1: %2."),
                values=(path, exc.strerror or exc),
            ) from exc
    if len(data) > MAX_FILE_BYTES:
        raise too_big(name)
    return data


def too_big(name: str) -> ImportFailed:
    """The refusal of a file over MAX_FILE_BYTES."""
    return ImportFailed(
        translatable("Messages", "%1 is larger than %2 MB, more than an import can read."),
        values=(name, MAX_FILE_BYTES >> 20),
        hint=translatable("Messages", "Split it into smaller files and import each."),
    )
