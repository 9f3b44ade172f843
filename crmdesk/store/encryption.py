"""Optional encryption at rest with SQLCipher, for a laptop that is lost or stolen.

A database is converted whole: a plain file into an encrypted copy and back (SQLCipher's
`sqlcipher_export`), each copy checked before it replaces anything. The passphrase is asked
for by the caller (the window's dialog, `getpass` on the command line) and never written to
disk; the key derivation is SQLCipher 4's (PBKDF2-HMAC-SHA512, 256,000 rounds). Without the
`sqlcipher3` binding (the `encryption` extra) every function says so in one line."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable

_HEADER = b"SQLite format 3\x00"


def available() -> bool:
    """Whether the SQLCipher binding is installed."""
    try:
        _module()
    except KnownError:
        return False
    return True


def require() -> None:
    """Raise the one-line KnownError saying SQLCipher is missing, if it is."""
    _module()


def _module() -> Any:
    try:
        import sqlcipher3
    except ImportError as exc:
        raise KnownError(
            translatable("Messages", "Encryption needs SQLCipher, which is not installed."),
            translatable("Messages", "Install crmdesk with its encryption extra (sqlcipher3)."),
        ) from exc
    return sqlcipher3.dbapi2


def is_encrypted(path: str | Path) -> bool:
    """An existing, non-empty file that does not start with SQLite's plain header."""
    with open(path, "rb") as file:
        head = file.read(len(_HEADER))
    return bool(head) and head != _HEADER


def _quoted(passphrase: str) -> str:
    if not passphrase:
        raise KnownError(translatable("Messages", "The passphrase is empty."))
    return "'" + passphrase.replace("'", "''") + "'"


def connect(path: str | Path, passphrase: str) -> Any:
    """A DB-API connection to an encrypted file, its key checked (a wrong one is refused)."""
    sqlcipher = _module()
    conn = sqlcipher.connect(str(path))
    conn.execute(f"PRAGMA key = {_quoted(passphrase)}")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise KnownError(
            translatable("Messages", "%1 cannot be opened with this passphrase."),
            values=(Path(path).name,),
        ) from exc
    return conn


def encrypt_copy(plain: str | Path, target: str | Path, passphrase: str) -> Path:
    """An encrypted copy of a plain database at `target` (which must not exist)."""
    return _export(plain, None, target, passphrase)


def decrypt_copy(encrypted: str | Path, target: str | Path, passphrase: str) -> Path:
    """A plain copy of an encrypted database at `target` (which must not exist)."""
    return _export(encrypted, passphrase, target, None)


def _export(source: str | Path, key: str | None, target: str | Path, new_key: str | None) -> Path:
    sqlcipher = _module()
    target = Path(target)
    if target.exists():
        raise KnownError(
            translatable("Messages", "%1 already exists; choose a new file name."),
            values=(target.name,),
        )
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    conn = connect(source, key) if key is not None else sqlcipher.connect(str(source))
    try:
        target_key = _quoted(new_key) if new_key is not None else "''"
        conn.execute(f"ATTACH DATABASE {_quoted(str(partial))} AS converted KEY {target_key}")
        conn.execute("SELECT sqlcipher_export('converted')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA converted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE converted")
    finally:
        conn.close()
    check = connect(partial, new_key) if new_key is not None else sqlcipher.connect(str(partial))
    try:
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise KnownError(translatable("Messages", "The converted copy failed its check."))
    finally:
        check.close()
    os.replace(partial, target)
    return target
