"""The schema version and its migrations: applied once each, in a transaction, on databases of every shape."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from assistant.errors import StoreError
from assistant.store import ConversationStore, Database, ProfileStore, TurnRecord
from assistant.store.migrations import LATEST, MIGRATIONS, migrate, schema_version

pytestmark = pytest.mark.integration

# The database as Tandem wrote it before the version table (store.py's SCHEMA until the conversations issue).
BEFORE_VERSIONS = """
CREATE TABLE IF NOT EXISTS tandems (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    junior TEXT NOT NULL DEFAULT '',
    senior TEXT NOT NULL DEFAULT '',
    goals TEXT NOT NULL DEFAULT '[]',
    topics TEXT NOT NULL DEFAULT '[]',
    sessions_planned INTEGER NOT NULL DEFAULT 6,
    lang TEXT NOT NULL DEFAULT 'de'
);
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    tandem_id INTEGER NOT NULL REFERENCES tandems(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    held_on TEXT NOT NULL,
    topic TEXT NOT NULL,
    summary TEXT NOT NULL,
    UNIQUE (tandem_id, number)
);
INSERT INTO tandems (name, junior, senior, goals, sessions_planned, lang)
    VALUES ('finance-ai', 'Werkstudentin', 'Leiter Finanzen', '["KI im Berichtswesen"]', 4, 'de');
INSERT INTO sessions (tandem_id, number, held_on, topic, summary)
    VALUES (1, 1, '2026-11-02', 'Kennenlernen', 'Lernvereinbarung unterschrieben');
"""


def versions(path: Path) -> list[int]:
    with sqlite3.connect(path) as db:
        return [row[0] for row in db.execute("SELECT version FROM schema_version ORDER BY version")]


def test_a_database_from_before_the_version_table_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "tandem.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(BEFORE_VERSIONS)
    database = Database(path)
    assert database.version == LATEST and versions(path) == [n for n, _, _ in MIGRATIONS]
    profile = ProfileStore(database).tandem("finance-ai")
    assert (profile.senior, profile.goals, profile.sessions_planned) == (
        "Leiter Finanzen",
        ["KI im Berichtswesen"],
        4,
    )
    assert [s.summary for s in profile.sessions] == ["Lernvereinbarung unterschrieben"]
    turn = TurnRecord(
        message="Plan session 2", mode="prepare", result={}, prompt_version="prepare@2.5", backend="offline"
    )
    assert ConversationStore(database).record("local", None, turn).number == 1


def test_migrating_again_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "tandem.sqlite3"
    Database(path)
    store = ConversationStore(Database(path))
    c = store.record(
        "local",
        None,
        TurnRecord(message="m", mode="ask", result={}, prompt_version="ask@1.0", backend="offline"),
    )
    assert Database(path).version == LATEST and versions(path) == [n for n, _, _ in MIGRATIONS]
    assert store.get("local", c.conversation).turns == 1


def test_a_failing_migration_leaves_the_previous_version_whole(tmp_path: Path) -> None:
    path = tmp_path / "tandem.sqlite3"
    Database(path)
    broken = [*MIGRATIONS, (LATEST + 1, "half a change", ["CREATE TABLE extra (a TEXT)", "THIS IS NOT SQL"])]
    db = sqlite3.connect(path, isolation_level=None)
    try:
        with pytest.raises(sqlite3.OperationalError):
            migrate(db, broken)
        assert schema_version(db) == LATEST
        assert db.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchone() is None
    finally:
        db.close()


def test_a_database_from_a_newer_tandem_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "tandem.sqlite3"
    Database(path)
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO schema_version VALUES (99, 'future', '2030-01-01')")
    with pytest.raises(StoreError, match="newer Tandem"):
        Database(path)
    assert versions(path)[-1] == 99
