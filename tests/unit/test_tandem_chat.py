"""A conversation linked to a tandem profile: what a log request says, the next topic, and a session logged through
the dispatcher into a real SQLite profile store."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from assistant.conversation.dispatch import respond
from assistant.conversation.record import Thread, load_result
from assistant.conversation.router import Router
from assistant.conversation.tandem import SessionNote, next_topic, read_note
from assistant.errors import InputError
from assistant.modes.log.models import SessionLogged
from assistant.render.markdown import to_markdown
from assistant.store import (
    ConversationStore,
    Database,
    ProfileStore,
    SessionRecord,
    TandemProfile,
    TurnRecord,
)
from tests.conftest import make_settings


@pytest.mark.parametrize(
    ("message", "note"),
    [
        (
            "log this session: we tried prompts for e-mails",
            SessionNote("", "we tried prompts for e-mails", None),
        ),
        (
            "record today's session: we covered Teams channels.",
            SessionNote("", "we covered Teams channels", None),
        ),
        (
            "Record that we covered prompts for e-mails",
            SessionNote("", "we covered prompts for e-mails", None),
        ),
        (
            "Log session 4 on LinkedIn, we set up her profile",
            SessionNote("LinkedIn", "we set up her profile", 4),
        ),
        ("Trag die Sitzung ein", SessionNote("", "", None)),
        ("Trag die Sitzung zu Copilot ein", SessionNote("Copilot", "", None)),
        ("Trag das bitte ein, wir haben Prompts geübt", SessionNote("", "wir haben Prompts geübt", None)),
        (
            "Trag bitte ein, dass wir heute Prompts geübt haben",
            SessionNote("", "wir heute Prompts geübt haben", None),
        ),
        (
            "notiere: Thema Excel; wir haben Pivot-Tabellen gebaut",
            SessionNote("Excel", "wir haben Pivot-Tabellen gebaut", None),
        ),
        ("Sitzung 2 eintragen: wir haben Kanäle angelegt", SessionNote("", "wir haben Kanäle angelegt", 2)),
    ],
)
def test_a_log_request_is_read_for_topic_summary_and_number(message: str, note: SessionNote) -> None:
    assert read_note(message) == note


def test_a_long_summary_is_cut_to_one_line_of_300_characters() -> None:
    summary = read_note("log this session: " + "we practised\nprompts " * 40).summary
    assert len(summary) <= 300 and "\n" not in summary and summary.endswith("…")


def profile_with(topics: list[str], goals: list[str], held: list[tuple[str, str]]) -> TandemProfile:
    sessions = [
        SessionRecord(number=n, held_on="2026-11-02", topic=t, summary=s) for n, (t, s) in enumerate(held, 1)
    ]
    return TandemProfile(name="tandem-a", topics=topics, goals=goals, sessions=sessions)


def test_the_next_topic_is_the_first_planned_topic_no_session_had() -> None:
    profile = profile_with(
        ["Getting started", "Teams", "LinkedIn"], ["AI for e-mails"], [("getting started", "ok")]
    )
    assert next_topic(profile, "en") == ("Teams", "tandem topics")


def test_with_every_topic_held_the_goal_worked_on_least_is_next() -> None:
    held = [("Teams", "set up channels"), ("Prompts", "first prompts for e-mails")]
    profile = profile_with(["Teams"], ["Write e-mails with AI", "Present with confidence"], held)
    assert next_topic(profile, "en") == ("Present with confidence", "tandem goals")


def test_without_topics_or_goals_last_time_continues_and_a_new_tandem_gets_started() -> None:
    assert next_topic(profile_with([], [], [("Excel", "pivot tables")]), "en") == ("Excel", "last session")
    assert next_topic(profile_with([], [], []), "de")[1] == "start"


@pytest.fixture
def services(tmp_path: Path) -> Any:
    settings = make_settings(tmp_path)
    database = Database(settings.data_dir / "tandem.sqlite3")
    store = ProfileStore(database)
    store.add_tandem(
        TandemProfile(name="tandem-a", senior="Head of Sales", topics=["Teams", "LinkedIn"], lang="en")
    )
    store.log_session("tandem-a", "Getting started", "agreement signed")
    return SimpleNamespace(
        settings=settings,
        embeddings=DeterministicFakeEmbedding(size=8),
        router=Router(DeterministicFakeEmbedding(size=8)),
        conversations=ConversationStore(database),
        store=store,
    )


def plan_turn(services: Any, user: str, topic: str, number: int) -> str:
    """A stored plan turn (what a prepare turn records), in a conversation linked to tandem-a."""
    record = TurnRecord(
        message="plan our next session",
        mode="prepare",
        result={"topic": topic, "session_number": number},
        prompt_version="prepare@2.5",
        backend="offline",
    )
    return str(services.conversations.record(user, None, record, tandem="tandem-a").conversation)


def test_log_takes_topic_and_number_from_the_conversations_plan_and_records_the_turn(services: Any) -> None:
    cid = plan_turn(services, "user-a", "Teams", 2)
    turn = respond(services, "log this session: we set up two channels", thread=Thread("user-a", cid))
    assert turn.route.mode == "log" and turn.tandem == "tandem-a" and turn.ref == f"{cid}/2"
    result = turn.result
    assert isinstance(result, SessionLogged) and result.logged
    assert (result.session_number, result.topic, result.topic_from) == (2, "Teams", "plan")
    assert (result.next_session, result.next_topic) == (3, "LinkedIn")
    assert "Logged session 2 of 6 for tandem tandem-a" in to_markdown(result)
    last = services.store.tandem("tandem-a").sessions[-1]
    assert (last.number, last.topic, last.summary) == (2, "Teams", "we set up two channels")
    stored = services.conversations.get("user-a", cid).history[-1]
    assert stored.parameters["tandem"] == "tandem-a" and stored.parameters["session"] == 2
    assert stored.prompt_version == "log@none" and load_result(stored.mode, stored.result) == result


def test_a_plan_already_logged_is_not_logged_again(services: Any) -> None:
    cid = plan_turn(services, "user-a", "Teams", 2)
    respond(services, "log this session: we set up two channels", thread=Thread("user-a", cid))
    with pytest.raises(InputError, match="already logged with this summary"):
        respond(services, "log this session: we set up two channels", thread=Thread("user-a", cid))
    with pytest.raises(InputError, match="Which topic did session 3 cover"):
        respond(services, "Trag die Sitzung ein", thread=Thread("user-a", cid))  # the plan was logged already
    assert [s.number for s in services.store.tandem("tandem-a").sessions] == [1, 2]


def test_a_new_conversation_linked_with_the_flag_logs_in_german(services: Any) -> None:
    turn = respond(
        services,
        "Trag die Sitzung zu LinkedIn ein: wir haben ihr Profil überarbeitet",
        thread=Thread("user-a", None, "tandem-a"),
    )
    assert isinstance(turn.result, SessionLogged) and turn.result.language == "de"
    assert turn.result.message.startswith("Sitzung 2 von 6 für das Tandem tandem-a eingetragen")
    assert services.conversations.get("user-a", str(turn.conversation)).tandem == "tandem-a"
    assert services.store.tandem("tandem-a").sessions[-1].topic == "LinkedIn"


def test_every_planned_session_held_is_said(services: Any) -> None:
    services.store.add_tandem(TandemProfile(name="tandem-b", sessions_planned=1))
    services.store.log_session("tandem-b", "Teams", "done")
    with pytest.raises(InputError, match="logged all 1 planned sessions"):
        respond(services, "log this session on Excel: pivots", thread=Thread("user-a", None, "tandem-b"))


@pytest.mark.parametrize(
    ("message", "lang"), [("log this session: we covered Teams", "en"), ("Trag die Sitzung ein", "de")]
)
def test_without_a_linked_tandem_log_says_how_to_link_one(services: Any, message: str, lang: str) -> None:
    turn = respond(services, message, thread=Thread("user-a"))
    assert isinstance(turn.result, SessionLogged) and not turn.result.logged and turn.result.language == lang
    assert "--tandem NAME" in turn.result.message and "tandem tandem add" in turn.result.message
    assert turn.tandem is None and [s.number for s in services.store.tandem("tandem-a").sessions] == [1]


def test_an_unknown_tandem_stops_the_turn_before_anything_is_stored(services: Any) -> None:
    with pytest.raises(
        InputError, match=r"No tandem profile named 'tandem-x'.*tandem tandem add.*tandem-a"
    ) as error:
        respond(services, "log this session: x", thread=Thread("user-a", None, "tandem-x"))
    assert error.value.field == "tandem" and services.conversations.summaries("user-a") == []


def test_another_users_conversation_lends_no_tandem(services: Any) -> None:
    cid = plan_turn(services, "user-a", "Teams", 2)
    with pytest.raises(InputError, match="No conversation"):
        respond(services, "log this session: we set up channels", thread=Thread("user-b", cid))
    assert [s.number for s in services.store.tandem("tandem-a").sessions] == [1]
