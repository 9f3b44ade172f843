"""Optional encryption at rest with SQLCipher, for a laptop that is lost or stolen.

A database is converted whole: a plain file into an encrypted copy and back (SQLCipher's
`sqlcipher_export`), each copy checked before it replaces anything. The passphrase is asked
for by the caller (the window's dialog, `getpass` on the command line) and never written to
disk; the key derivation is SQLCipher 4's (PBKDF2-HMAC-SHA512, 256,000 rounds). Without the
`sqlcipher3` binding (the `encryption` extra) every function says so in one line."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Any

from crmdesk.core.errors import DatabaseRefused, KnownError
from crmdesk.core.texts import translatable

_HEADER = b"SQLite format 3\x00"
KEYRING_SERVICE = "crmdesk database"
# The passphrase this program unlocked its database with: its backups are encrypted with it
# too. Held in memory only, for the life of the process.
_unlocked: str | None = None
# Whether each database file this process opened is encrypted, decided once when it was opened:
# reading its header again while SQLite holds it (each checkpoint connects anew) would close a
# descriptor of the file, and closing any descriptor drops every POSIX lock the process holds
# on it (SQLite's "How To Corrupt", 2.2): another process then removes the write-ahead log.
_opened: dict[Path, bool] = {}


class PassphraseNeeded(DatabaseRefused):
    """The file is encrypted and no passphrase (or a wrong one) was given."""


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


def looks_encrypted(path: Path) -> bool:
    """A file that can be an SQLCipher database: whole pages (of at least 1 KB) of what looks
    like random bytes (a salt, then ciphertext), no plain SQLite header. A text file or a
    truncated one is not, so no passphrase is asked for it."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as file:
            page = file.read(1024)
    except OSError:
        return False
    # 1 KB of random bytes holds ~630 distinct values; text a few dozen
    return size >= 1024 and size % 1024 == 0 and len(set(page)) > 200 and is_encrypted(path)


def errors() -> tuple[type[BaseException], ...]:
    """SQLCipher's error class, when it is loaded (its errors are not sqlite3's)."""
    module = sys.modules.get("sqlcipher3.dbapi2")
    return (module.Error,) if module is not None else ()


def unlock(passphrase: str | None) -> None:
    """Remember, in this process only, the passphrase the database was opened with (None:
    forget it)."""
    global _unlocked
    _unlocked = passphrase


def opened(path: Path, encrypted: bool) -> None:
    """Note how a database file this process now holds open is stored (see `_opened`)."""
    _opened[path.resolve()] = encrypted


def key_for(path: Path) -> str | None:
    """The passphrase to open `path` with: this process's, when the file is encrypted. A file
    this process opened as its database is not read again to tell."""
    if _unlocked is None:
        return None
    encrypted = _opened.get(path.resolve())
    if encrypted is None:
        encrypted = path.exists() and is_encrypted(path)
    return _unlocked if encrypted else None


def key_for_copy_of(source: Path) -> str | None:
    """The passphrase a new copy of `source` gets: a backup of an encrypted file stays so."""
    return key_for(source)


def needs_passphrase(path: Path) -> PassphraseNeeded:
    return PassphraseNeeded(
        translatable("Messages", "%1 is encrypted."),
        translatable(
            "Messages",
            "Give its passphrase: crmdesk asks in a terminal, or reads it with --passphrase-stdin.",
        ),
        values=(path,),
    )


def remembered(path: Path) -> str | None:
    """The passphrase kept for `path` in the system keyring, if the user asked to keep it."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, str(path.resolve()))
    except KeyringError:
        return None


def remember(path: Path, passphrase: str | None) -> None:
    """Keep the passphrase in the system keyring (None removes it)."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        if passphrase:
            keyring.set_password(KEYRING_SERVICE, str(path.resolve()), passphrase)
        else:
            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(KEYRING_SERVICE, str(path.resolve()))
    except KeyringError as exc:
        raise KnownError(
            translatable("Messages", "The system keyring cannot store it: %1."), values=(exc,)
        ) from exc


def _quoted(passphrase: str) -> str:
    if not passphrase:
        raise KnownError(translatable("Messages", "The passphrase is empty."))
    return "'" + passphrase.replace("'", "''") + "'"


def module() -> Any:
    """The SQLCipher DB-API module (for an engine over an encrypted file)."""
    return _module()


def connect(path: str | Path, passphrase: str, mode: str | None = None) -> Any:
    """A DB-API connection to an encrypted file, its key checked (a wrong one is refused).
    `mode` ("ro", "rw", "rwc") opens through a URI as the plain files do."""
    sqlcipher = _module()
    if mode is None:
        conn = sqlcipher.connect(str(path), check_same_thread=False)
    else:
        uri = f"{Path(path).absolute().as_uri()}?mode={mode}"
        conn = sqlcipher.connect(uri, uri=True, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our one line, not its log
    conn.execute(f"PRAGMA key = {_quoted(passphrase)}")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise PassphraseNeeded(
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
