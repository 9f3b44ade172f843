"""Write a file all at once or not at all.

The bytes go to a temporary file in the target's own folder (so the final rename never crosses
a file system), are flushed to disk, and then replace the target in one `os.replace`. A failure
at any point leaves the old file as it was and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from crmdesk.core.errors import KnownError

# What a new document gets: readable by everyone, writable by its owner (os.umask is not read
# here because changing it, even briefly, is not thread-safe).
NEW_FILE_MODE = 0o644


class WriteFailed(KnownError):
    """The file could not be written (no such folder, no permission, disk full …)."""


def write_atomically(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` to `path` atomically and return the path written."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise WriteFailed(
            f"Cannot write {target}: {exc.strerror or exc}.",
            "Choose a folder you can write to.",
        ) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            with contextlib.suppress(OSError):  # keep the old file's permissions where we can
                os.chmod(temp_name, target.stat().st_mode & 0o7777)
        else:  # mkstemp makes files only the owner can read; give a new file the usual mode
            with contextlib.suppress(OSError):
                os.chmod(temp_name, NEW_FILE_MODE)
        os.replace(temp_name, target)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        if isinstance(exc, OSError):
            raise WriteFailed(
                f"Cannot write {target}: {exc.strerror or exc}.",
                "Check the free space and the permissions of the folder.",
            ) from exc
        raise
    return target
