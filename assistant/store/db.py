"""The one SQLite file in the data dir: connections, transactions, the schema brought up to date on open."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.errors import StoreError
from assistant.store.migrations import LATEST, migrate, schema_version

FILENAME = "tandem.sqlite3"


class Database:
    """SQLite (WAL) at `path`; every store (profiles, conversations, ratings) shares one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"The data dir {path.parent} cannot be created ({exc.strerror}); "
                "set TANDEM_DATA_DIR to a folder you can write."
            ) from exc
        with self._connection() as db:
            if schema_version(db) > LATEST:
                raise StoreError(
                    f"The database {path} was written by a newer Tandem (schema {schema_version(db)}, "
                    f"this one knows {LATEST}); update Tandem or point TANDEM_DATA_DIR elsewhere."
                )
            self.version = migrate(db)

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """A connection in autocommit mode; SQLite errors become a message naming the file."""
        try:
            db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._unreadable(exc) from exc
        db.row_factory = sqlite3.Row
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=ON")
            yield db
        except sqlite3.IntegrityError:
            raise  # a constraint the caller turns into its own message
        except sqlite3.DatabaseError as exc:
            raise self._unreadable(exc) from exc
        finally:
            db.close()

    def _unreadable(self, exc: sqlite3.Error) -> StoreError:
        if "locked" in str(exc):
            return StoreError(
                f"The database {self.path} is busy (another Tandem is writing); try again in a moment."
            )
        return StoreError(
            f"The database {self.path} cannot be read ({exc}). If it is not Tandem's, move it away and "
            "Tandem starts a new one; TANDEM_DATA_DIR sets where it lives."
        )

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A connection for queries."""
        with self._connection() as db:
            yield db

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: committed when the block ends, rolled back if anything in it raises."""
        with self._connection() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
