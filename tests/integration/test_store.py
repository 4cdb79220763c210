"""Tandem profiles in real SQLite."""

from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.store import Database, ProfileStore, TandemProfile

pytestmark = pytest.mark.integration


def test_profile_round_trip_and_sessions(tmp_path: Path) -> None:
    store = ProfileStore(Database(tmp_path / "db" / "tandem.sqlite3"))
    store.add_tandem(
        TandemProfile(
            name="finance-ai",
            junior="Werkstudentin Controlling",
            senior="Leiter Finanzen",
            goals=["KI im Berichtswesen nutzen"],
            lang="de",
        )
    )
    store.log_session("finance-ai", "Kennenlernen", "Lernvereinbarung unterschrieben", held_on="2026-11-02")
    profile = store.log_session("finance-ai", "ChatGPT", "erste Prompts für Berichte geschrieben")
    assert profile.next_session == 3 and [s.number for s in profile.sessions] == [1, 2]
    assert "Sitzung 2 (ChatGPT): erste Prompts" in profile.history("de")
    # a new connection sees it all
    again = ProfileStore(Database(tmp_path / "db" / "tandem.sqlite3")).tandem("finance-ai")
    assert again.goals == ["KI im Berichtswesen nutzen"] and len(again.sessions) == 2


def test_relogging_a_session_updates_it(tmp_path: Path) -> None:
    store = ProfileStore(Database(tmp_path / "t.sqlite3"))
    store.add_tandem(TandemProfile(name="t1"))
    store.log_session("t1", "A", "first", number=1)
    profile = store.log_session("t1", "A", "corrected", number=1)
    assert [s.summary for s in profile.sessions] == ["corrected"]


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda s: s.add_tandem(TandemProfile(name="t1")), "exists already"),
        (lambda s: s.tandem("nope"), "Known tandems: t1"),
        (lambda s: s.log_session("t1", "X", "line one\nline two"), "one line"),
        (lambda s: s.log_session("t1", "X", "ok", number=9), "outside 1..6"),
        (lambda s: s.log_session("t1", "X", "ok", held_on="yesterday"), "2026-12-01"),
        (lambda s: s.add_tandem(TandemProfile(name=" ")), "needs a name"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_lost(tmp_path: Path, action: object, message: str) -> None:
    store = ProfileStore(Database(tmp_path / "t.sqlite3"))
    store.add_tandem(TandemProfile(name="t1"))
    store.log_session("t1", "A", "kept")
    with pytest.raises(InputError, match=message):
        action(store)  # type: ignore[operator]
    assert store.tandem("t1").sessions[0].summary == "kept"
