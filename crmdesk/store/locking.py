"""One writer at a time for every program on a database file: a lock file beside it.

Why a lock file (fcntl.flock) and not only SQLite's BEGIN IMMEDIATE: the lock is held for the
whole user action, including the reads an import plans with before its first write, so two
imports cannot both plan against the same old state; the holder writes who it is into the file,
so the one that waits can say "another crmdesk (crmdesk import, process 1234) is writing…";
Python's sqlite3 has no busy handler to hang such a message on; and the kernel drops the lock
when its process dies (a SIGKILL leaves no stale lock). SQLite's own lock stays underneath for
programs that are not crmdesk.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import Text, translatable

LOCK_SUFFIX = ".lock"
POLL = 0.05  # seconds between tries while another program writes


@dataclass(frozen=True)
class Holder:
    """Who holds the write lock, as it said when it took it."""

    pid: int
    program: str
    since: str

    def words(self) -> Text:
        return Text(translatable("Messages", "%1, process %2"), self.program, self.pid)


class WriterBusy(KnownError):
    """Another program writes into the file and did not finish in time."""


def waiting_text(holder: Holder | None) -> Text:
    """What a program that waits for the lock says (once)."""
    if holder is None:
        return Text(translatable("Messages", "Another crmdesk is writing into this file; waiting…"))
    return Text(
        translatable(
            "Messages", "Another crmdesk (%1) is importing or writing into this file; waiting…"
        ),
        holder.words(),
    )


def busy_error(holder: Holder | None, path: Path) -> WriterBusy:
    who = holder.words() if holder else Text(translatable("Messages", "another crmdesk"))
    return WriterBusy(
        translatable("Messages", "%1 is busy: %2 is writing into it."),
        translatable("Messages", "Try again when it has finished; nothing was changed."),
        values=(path.name, who),
    )


class WriteLock:
    """The inter-process write lock of one database file; re-entrant within a thread."""

    def __init__(self, database: Path, program: str) -> None:
        self.path = database.with_name(database.name + LOCK_SUFFIX)
        self.database = database
        self.program = program
        self._local = threading.local()

    def holder(self) -> Holder | None:
        """Who says it holds the lock (None when nobody said or the file is unreadable)."""
        try:
            data = json.loads(self.path.read_text("utf-8") or "null")
            return Holder(int(data["pid"]), str(data["program"]), str(data["since"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    @contextlib.contextmanager
    def held(self, wait: float, waiting: Callable[[Text], None] | None = None) -> Iterator[None]:
        """Hold the lock for the block, waiting up to `wait` seconds for another holder (telling
        `waiting` once), else WriterBusy. Without a lock file possible (a read-only folder)
        the block runs under SQLite's own lock alone."""
        depth = getattr(self._local, "depth", 0)
        if depth:
            self._local.depth = depth + 1
            try:
                yield
            finally:
                self._local.depth -= 1
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            yield
            return
        try:
            self._acquire(fd, wait, waiting)
            self._say_who(fd)
            self._local.depth = 1
            try:
                yield
            finally:
                self._local.depth = 0
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, 0)
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def _acquire(self, fd: int, wait: float, waiting: Callable[[Text], None] | None) -> None:
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                pass
            if time.monotonic() >= deadline:
                raise busy_error(self.holder(), self.database)
            if waiting is not None and not told:
                told = True
                waiting(waiting_text(self.holder()))
            time.sleep(POLL)

    def _say_who(self, fd: int) -> None:
        since = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        data = json.dumps({"pid": os.getpid(), "program": self.program, "since": since})
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, data.encode(), 0)
