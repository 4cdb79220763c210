"""The schema's history: numbered migrations, each applied once, in its own transaction.

A migration is a list of statements (never `executescript`, which commits on its own). Append new ones;
never edit an applied one, a database in the field has already run it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

Migration = tuple[int, str, Sequence[str]]

MIGRATIONS: list[Migration] = [
    (
        1,
        "tandem profiles and their session log",
        # IF NOT EXISTS: a database from before the version table already has these; it is adopted as is.
        [
            """CREATE TABLE IF NOT EXISTS tandems (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                junior TEXT NOT NULL DEFAULT '',
                senior TEXT NOT NULL DEFAULT '',
                goals TEXT NOT NULL DEFAULT '[]',
                topics TEXT NOT NULL DEFAULT '[]',
                sessions_planned INTEGER NOT NULL DEFAULT 6,
                lang TEXT NOT NULL DEFAULT 'de'
            )""",
            """CREATE TABLE IF NOT EXISTS sessions (
                id INTEGER PRIMARY KEY,
                tandem_id INTEGER NOT NULL REFERENCES tandems(id) ON DELETE CASCADE,
                number INTEGER NOT NULL,
                held_on TEXT NOT NULL,
                topic TEXT NOT NULL,
                summary TEXT NOT NULL,
                UNIQUE (tandem_id, number)
            )""",
        ],
    ),
    (
        2,
        "conversations, their turns, ratings",
        [
            """CREATE TABLE conversations (
                id TEXT PRIMARY KEY,
                user TEXT NOT NULL,
                title TEXT NOT NULL,
                created TEXT NOT NULL,
                updated TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT '{}'
            )""",
            "CREATE INDEX conversations_by_user ON conversations (user, updated)",
            """CREATE TABLE turns (
                id INTEGER PRIMARY KEY,
                conversation TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                number INTEGER NOT NULL,
                message TEXT NOT NULL,
                mode TEXT NOT NULL,
                parameters TEXT NOT NULL DEFAULT '{}',
                result TEXT NOT NULL,
                sources TEXT NOT NULL DEFAULT '[]',
                prompt_version TEXT NOT NULL,
                backend TEXT NOT NULL,
                created TEXT NOT NULL,
                UNIQUE (conversation, number)
            )""",
            """CREATE TABLE ratings (
                turn INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
                user TEXT NOT NULL,
                value TEXT NOT NULL CHECK (value IN ('up', 'down')),
                comment TEXT NOT NULL DEFAULT '',
                prompt_version TEXT NOT NULL,
                backend TEXT NOT NULL,
                created TEXT NOT NULL,
                PRIMARY KEY (turn, user)
            )""",
        ],
    ),
    (
        3,
        "a conversation linked to a tandem profile",
        # the profile's name, as `tandem chat --tandem NAME` links it; NULL for an unlinked conversation
        ["ALTER TABLE conversations ADD COLUMN tandem TEXT"],
    ),
    (
        4,
        "role-play practice sessions and their scores per criterion",
        [
            """CREATE TABLE practice_sessions (
                id INTEGER PRIMARY KEY,
                trainee TEXT NOT NULL,
                scenario TEXT NOT NULL,
                lang TEXT NOT NULL,
                created TEXT NOT NULL,
                overall REAL NOT NULL,
                result TEXT NOT NULL
            )""",
            "CREATE INDEX practice_by_trainee ON practice_sessions (trainee, created)",
            """CREATE TABLE practice_scores (
                session INTEGER NOT NULL REFERENCES practice_sessions(id) ON DELETE CASCADE,
                criterion TEXT NOT NULL,
                name TEXT NOT NULL,
                score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 4),
                PRIMARY KEY (session, criterion)
            )""",
        ],
    ),
]

LATEST = MIGRATIONS[-1][0]


def schema_version(db: sqlite3.Connection) -> int:
    """The highest migration applied; 0 for a new database or one from before the version table."""
    exists = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not exists:
        return 0
    row = db.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(db: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply what is missing, each migration in one transaction; returns the version reached.

    `db` must be in autocommit mode (isolation_level=None), so BEGIN/COMMIT here are the only ones.
    Running it again does nothing; a failing migration leaves the database at the previous version.
    """
    for number, description, statements in migrations:
        db.execute("BEGIN IMMEDIATE")  # the write lock first: two processes never run the same migration
        try:
            if schema_version(db) >= number:
                db.execute("ROLLBACK")
                continue
            db.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied TEXT NOT NULL)"
            )
            for statement in statements:
                db.execute(statement)
            db.execute(
                "INSERT INTO schema_version (version, description, applied) VALUES (?, ?, ?)",
                (number, description, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return schema_version(db)
