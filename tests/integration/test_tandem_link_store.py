"""A conversation linked to a tandem profile: the schema migration that adds the link, and the store's link."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.store import ConversationStore, Database, TurnRecord
from assistant.store.migrations import LATEST, MIGRATIONS, migrate, schema_version

pytestmark = pytest.mark.integration

LINK_MIGRATION = next(n for n, description, _ in MIGRATIONS if "linked to a tandem" in description)


def turn(message: str, mode: str = "ask") -> TurnRecord:
    return TurnRecord(
        message=message,
        mode=mode,
        result={"answer": message},
        prompt_version=f"{mode}@1.0",
        backend="offline",
    )


@pytest.fixture
def store(tmp_path: Path) -> ConversationStore:
    return ConversationStore(Database(tmp_path / "data" / "tandem.sqlite3"))


def test_a_database_at_the_previous_version_migrates_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "tandem.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    try:
        assert migrate(db, [m for m in MIGRATIONS if m[0] < LINK_MIGRATION]) == LINK_MIGRATION - 1
        created = "2026-11-30T10:00:00+00:00"
        db.execute(
            "INSERT INTO conversations (id, user, title, created, updated, state) VALUES (?, ?, ?, ?, ?, ?)",
            (
                "c0ffee00",
                "user-a",
                "Plan session 2",
                created,
                created,
                json.dumps({"mode": "prepare", "turn": 1}),
            ),
        )
        db.execute(
            "INSERT INTO turns (conversation, number, message, mode, parameters, result, sources, "
            "prompt_version, backend, created) VALUES (?, 1, ?, 'prepare', '{}', ?, '[]', ?, 'offline', ?)",
            ("c0ffee00", "Plan session 2", json.dumps({"topic": "LinkedIn"}), "prepare@2.5", created),
        )
        db.execute(
            "INSERT INTO ratings (turn, user, value, comment, prompt_version, backend, created) "
            "VALUES (1, 'user-a', 'up', 'useful', 'prepare@2.5', 'offline', ?)",
            (created,),
        )
    finally:
        db.close()
    database = Database(path)
    assert database.version == LATEST >= LINK_MIGRATION
    store = ConversationStore(database)
    kept = store.get("user-a", "c0ffee00")
    assert (kept.title, kept.turns, kept.tandem, kept.state["mode"]) == ("Plan session 2", 1, None, "prepare")
    assert kept.history[0].result == {"topic": "LinkedIn"} and kept.history[0].rating is not None
    assert store.link("user-a", "c0ffee00", "tandem-a").tandem == "tandem-a"
    assert store.record("user-a", "c0ffee00", turn("next")).number == 2
    with sqlite3.connect(path) as check:
        assert schema_version(check) == LATEST
        assert check.execute("SELECT tandem FROM conversations").fetchall() == [("tandem-a",)]


def test_the_link_shows_in_summaries_get_and_the_export(store: ConversationStore) -> None:
    linked = store.record("user-a", None, turn("plan our next session", "prepare")).conversation
    plain = store.record("user-a", None, turn("What is phishing?")).conversation
    info = store.link("user-a", linked, "  tandem-a ")
    assert (info.id, info.tandem) == (linked, "tandem-a")
    assert {c.id: c.tandem for c in store.summaries("user-a")} == {linked: "tandem-a", plain: None}
    assert store.get("user-a", linked).tandem == "tandem-a" and store.get("user-a", plain).tandem is None
    exported = {c.id: c.tandem for c in store.export("user-a").conversations}
    assert exported == {linked: "tandem-a", plain: None}
    assert store.link("user-a", linked, "tandem-b").tandem == "tandem-b"  # linking again replaces the link


def test_a_turn_recorded_with_a_tandem_links_its_conversation_in_the_same_write(
    store: ConversationStore,
) -> None:
    first = store.record("user-a", None, turn("plan our next session", "prepare"), tandem="tandem-a")
    assert store.get("user-a", first.conversation).tandem == "tandem-a"
    store.record("user-a", first.conversation, turn("And the exercise?"))  # no tandem: the link stays
    assert store.get("user-a", first.conversation).tandem == "tandem-a"


def test_linking_needs_a_name_and_the_users_own_conversation(store: ConversationStore) -> None:
    mine = store.record("user-a", None, turn("question")).conversation
    with pytest.raises(InputError, match="tandem name is needed"):
        store.link("user-a", mine, "  ")
    with pytest.raises(InputError, match="No conversation"):
        store.link("user-b", mine, "tandem-a")
    assert store.get("user-a", mine).tandem is None
