"""The users file (TANDEM_AUTH_FILE) on disk: its JSON format, reading it, and writing it atomically.

The file holds password hashes, so it is written owner-only (0600) through a temp file in the same folder,
fsync and `os.replace`: a crash mid-write leaves the old file as it was. A file that cannot be read or parsed
is an error naming the file and what to do; it is never overwritten, so nothing stored is lost.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from assistant.errors import ConfigError

FORMAT = 1  # raise it (and read the old format too) when the shape below changes
SETTING = "TANDEM_AUTH_FILE"
Role = Literal["junior", "senior", "trainer", "admin"]

try:  # POSIX: a lock file keeps a `tandem users` command and a running server from losing each other's writes
    import fcntl
except ImportError:  # pragma: no cover - Windows: only the in-process lock
    fcntl = None  # type: ignore[assignment]

_LOCK = threading.Lock()  # the Gradio server verifies logins from several threads


class Account(BaseModel):
    """One user as the file keeps it."""

    name: str
    role: Role
    hash: str = Field(description="argon2id hash of the password (PHC string); never printed.")
    created: str = Field(description="When the user was added, ISO 8601 in UTC.")


class UsersDocument(BaseModel):
    """The whole file: a format version and the users, in the order they were added."""

    format: int = FORMAT
    users: list[Account] = Field(default_factory=list)


def read(path: Path) -> UsersDocument:
    """The users in the file; a missing file has none. Unreadable or malformed: ConfigError naming the file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return UsersDocument()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"The users file {path} ({SETTING}) cannot be read: {exc}. "
            "Check that it is a file this account may read, or point the setting at another file."
        ) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _malformed(path, f"it is not valid JSON ({exc.msg}, line {exc.lineno})") from exc
    if not isinstance(data, dict):
        raise _malformed(path, "it does not hold a JSON object")
    version = data.get("format")
    if isinstance(version, int) and version > FORMAT:
        raise ConfigError(
            f"The users file {path} has format {version}; this Tandem reads format {FORMAT}. "
            "Update Tandem, or point the setting at a file this version wrote."
        )
    try:
        document = UsersDocument.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(map(str, first["loc"]))
        raise _malformed(path, f"{where}: {first['msg']}") from exc
    if version != FORMAT:
        raise _malformed(path, f"the format version is {version!r}, not {FORMAT}")
    names = [a.name for a in document.users]
    if len(set(names)) != len(names):
        raise _malformed(path, "a user name appears twice")
    return document


def _malformed(path: Path, problem: str) -> ConfigError:
    return ConfigError(
        f"The users file {path} ({SETTING}) is damaged: {problem}. Tandem leaves it untouched; restore it "
        "from a backup or repair it by hand, or point the setting at a new file."
    )


def write(path: Path, document: UsersDocument) -> None:
    """Replace the file atomically with `document`, owner-only (0600); the folder is created if missing.

    When anything fails on the way, the old file is as it was and the error names the file.
    """
    text = document.model_dump_json(indent=2) + "\n"
    temp = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)  # mode 0600
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as exc:
        raise ConfigError(
            f"The users file {path} ({SETTING}) could not be written: {exc}. It is unchanged; check the "
            "folder's permissions and free space, then run the command again."
        ) from exc
    finally:
        if temp:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)  # gone already after a successful replace
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); where folders cannot be opened, the rename still happened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse fsync on a folder
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the file for a read-change-write: other threads and (on POSIX) other processes wait."""
    with _LOCK:
        if fcntl is None:  # pragma: no cover
            yield
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            lock = os.open(path.with_name(f".{path.name}.lock"), os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise ConfigError(
                f"The users file {path} ({SETTING}) cannot be changed: {exc}. Check the folder's permissions."
            ) from exc
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield
        finally:
            os.close(lock)  # closing releases the lock
