"""Stored conversations in real SQLite: turns, state, isolation between users, one transaction a turn, ratings."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.errors import InputError, StoreError
from assistant.store import ConversationStore, Database, TurnRecord

pytestmark = pytest.mark.integration


def record(message: str, mode: str = "ask", backend: str = "offline", **result: object) -> TurnRecord:
    return TurnRecord(
        message=message,
        mode=mode,
        parameters={"question": message, "language": "en"},
        result={"answer": f"about {message}", "sources": [{"n": 1, "id": "c1"}], **result},
        sources=[{"n": 1, "id": "c1"}],
        prompt_version=f"{mode}@1.0",
        backend=backend,
    )


@pytest.fixture
def store(tmp_path: Path) -> ConversationStore:
    return ConversationStore(Database(tmp_path / "data" / "tandem.sqlite3"))


def test_turns_are_numbered_and_the_state_is_the_last_turn(store: ConversationStore, tmp_path: Path) -> None:
    first = store.record("anna", None, record("What is phishing?"))
    second = store.record("anna", first.conversation, record("Plan session 2, 45 minutes", mode="prepare"))
    assert (first.number, second.number, second.ref) == (1, 2, f"{first.conversation}/2")
    again = ConversationStore(Database(tmp_path / "data" / "tandem.sqlite3"))  # a restart: a new connection
    conversation = again.get("anna", first.conversation)
    assert conversation.title == "What is phishing?" and conversation.turns == 2
    assert [t.message for t in conversation.history] == ["What is phishing?", "Plan session 2, 45 minutes"]
    turn = conversation.history[1]
    assert (turn.mode, turn.prompt_version, turn.backend) == ("prepare", "prepare@1.0", "offline")
    assert turn.parameters == {"question": "Plan session 2, 45 minutes", "language": "en"}
    assert turn.result["answer"] == "about Plan session 2, 45 minutes" and turn.sources == [
        {"n": 1, "id": "c1"}
    ]
    assert conversation.state == {
        "mode": "prepare",
        "parameters": turn.parameters,
        "result": turn.result,
        "turn": 2,
    }
    [info] = again.summaries("anna")
    assert (info.id, info.turns, info.mode) == (first.conversation, 2, "prepare")


def test_the_latest_conversation_is_listed_first(store: ConversationStore) -> None:
    old = store.record("anna", None, record("first")).conversation
    new = store.record("anna", None, record("second")).conversation
    assert [c.id for c in store.summaries("anna")] == [new, old]


def test_rename_and_delete(store: ConversationStore) -> None:
    kept = store.record("anna", None, record("kept")).conversation
    gone = store.record("anna", None, record("gone")).conversation
    store.rate("anna", f"{gone}/1", "up")
    assert store.rename("anna", kept, "  Video calls,\n session 2 ").title == "Video calls, session 2"
    store.delete("anna", gone)
    assert [c.title for c in store.summaries("anna")] == ["Video calls, session 2"]
    assert store.ratings() == []  # the deleted conversation's ratings went with it
    with pytest.raises(InputError, match="1 to 120 characters"):
        store.rename("anna", kept, "   ")


OTHERS: dict[str, Callable[[ConversationStore, str], object]] = {
    "show": lambda s, c: s.get("bert", c),
    "continue": lambda s, c: s.record("bert", c, record("sneaky follow-up")),
    "rename": lambda s, c: s.rename("bert", c, "mine now"),
    "delete": lambda s, c: s.delete("bert", c),
    "rate": lambda s, c: s.rate("bert", f"{c}/1", "down"),
    "link": lambda s, c: s.link("bert", c, "tandem-a"),
}


@pytest.mark.parametrize("action", list(OTHERS))
def test_another_users_conversation_is_not_found_like_a_missing_one(
    store: ConversationStore, action: str
) -> None:
    anna = store.record("anna", None, record("Anna's private question")).conversation
    with pytest.raises(InputError) as theirs:
        OTHERS[action](store, anna)
    with pytest.raises(InputError) as missing:
        OTHERS[action](store, "00000000")
    assert str(theirs.value) == str(missing.value).replace(
        "00000000", anna
    )  # the same words: nothing revealed
    assert "anna" not in str(theirs.value).lower().replace(anna, "")
    conversation = store.get("anna", anna)  # and nothing changed
    assert conversation.title == "Anna's private question" and conversation.turns == 1
    assert conversation.history[0].rating is None


def test_list_and_export_hold_only_the_users_own(store: ConversationStore) -> None:
    anna = store.record("anna", None, record("Anna asks")).conversation
    store.rate("anna", f"{anna}/1", "up", "clear")
    bert = store.record("bert", None, record("Bert asks")).conversation
    assert [c.id for c in store.summaries("anna")] == [anna]
    assert [c.id for c in store.summaries("bert")] == [bert]
    assert store.summaries("carla") == []
    export = store.export("bert")
    assert export.user == "bert" and [c.id for c in export.conversations] == [bert]
    assert export.ratings == [] and "Anna" not in export.model_dump_json()
    anna_export = store.export("anna")
    assert [r.turn for r in anna_export.ratings] == [f"{anna}/1"]
    assert anna_export.conversations[0].history[0].result["answer"] == "about Anna asks"


def test_ratings_round_trip_through_the_export(store: ConversationStore) -> None:
    c = store.record("anna", None, record("What is phishing?")).conversation
    store.record("anna", c, record("Plan it", mode="prepare", backend="openai"))
    store.rate("anna", f"{c}/1", "up")
    store.rate("anna", f"{c}/2", "up", "first try")
    store.rate("anna", f"{c}/2", "down", "  the warm-up was too long ")  # rating again replaces
    rated = store.ratings()
    assert [(r.turn, r.value, r.comment) for r in rated] == [
        (f"{c}/1", "up", ""),
        (f"{c}/2", "down", "the warm-up was too long"),
    ]
    assert (rated[1].prompt_version, rated[1].backend, rated[1].mode) == ("prepare@1.0", "openai", "prepare")
    assert rated[1].message == "Plan it" and rated[1].result["answer"] == "about Plan it"
    assert "user" not in rated[0].model_dump()  # the evals get the ratings, not who gave them
    assert store.get("anna", c).history[1].rating.value == "down"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("ref", "value", "message"),
    [
        ("{c}/1", "meh", "up or down, not 'meh'"),
        ("{c}", "up", "CONVERSATION/NUMBER"),
        ("{c}/x", "up", "CONVERSATION/NUMBER"),
        ("{c}/7", "up", "has no turn 7"),
    ],
)
def test_bad_ratings_are_explained(store: ConversationStore, ref: str, value: str, message: str) -> None:
    c = store.record("anna", None, record("q")).conversation
    with pytest.raises(InputError, match=message):
        store.rate("anna", ref.format(c=c), value)
    assert store.ratings() == []


@pytest.mark.parametrize("user", ["", "   ", "x" * 65, "two\nlines"])
def test_bad_user_names_are_explained(store: ConversationStore, user: str) -> None:
    with pytest.raises(InputError, match="1 to 64 characters"):
        store.summaries(user)


def fail_on(store: ConversationStore, table: str, operation: str) -> None:
    """A trigger that aborts the write in the middle of the turn's transaction."""
    with sqlite3.connect(store.db.path) as db:
        db.execute(
            f"CREATE TRIGGER fail AFTER {operation} ON {table} BEGIN SELECT RAISE(ABORT, 'disk gone'); END"
        )


def test_a_failed_write_of_a_new_conversation_leaves_nothing(store: ConversationStore) -> None:
    fail_on(store, "turns", "INSERT")  # the conversation row is written first, then the turn fails
    with pytest.raises(sqlite3.IntegrityError, match="disk gone"):
        store.record("anna", None, record("lost"))
    assert store.summaries("anna") == []


def test_a_failed_state_update_takes_the_turn_back(store: ConversationStore) -> None:
    c = store.record("anna", None, record("kept")).conversation
    fail_on(store, "conversations", "UPDATE")  # the turn is inserted, then the state update fails
    with pytest.raises(sqlite3.IntegrityError):
        store.record("anna", c, record("half"))
    conversation = store.get("anna", c)
    assert [t.message for t in conversation.history] == ["kept"] and conversation.state["turn"] == 1


KILLED_MID_WRITE = """
import os, signal, sys
from pathlib import Path
from assistant.store import ConversationStore, Database, TurnRecord
store = ConversationStore(Database(Path(sys.argv[1])))
conversation = sys.argv[2]
def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)  # the turn row is written, the transaction not committed
ConversationStore._update_state = staticmethod(die)
store.record("anna", conversation, TurnRecord(
    message="half", mode="ask", result={"answer": "x"}, prompt_version="ask@1.0", backend="offline"))
"""


def test_a_process_killed_mid_write_leaves_no_half_stored_turn(store: ConversationStore) -> None:
    c = store.record("anna", None, record("kept")).conversation
    child = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(KILLED_MID_WRITE), str(store.db.path), c],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert child.returncode == -9, child.stderr
    again = ConversationStore(Database(store.db.path))
    assert [t.message for t in again.get("anna", c).history] == ["kept"]
    with sqlite3.connect(store.db.path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT COUNT(*) FROM turns").fetchone()[0] == 1
    assert again.record("anna", c, record("next")).number == 2  # and the conversation goes on


def test_an_unreadable_database_is_named(tmp_path: Path) -> None:
    path = tmp_path / "tandem.sqlite3"
    path.write_bytes(b"these are notes, not a database" * 100)
    with pytest.raises(StoreError, match=r"tandem.sqlite3 cannot be read .*move it away"):
        Database(path)
