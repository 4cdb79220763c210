"""Edits of a stored plan through the dispatcher (offline composer, real SQLite): each follow-up changes what it
asks for and keeps everything else; a new request starts afresh."""

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from assistant.catalog import load_catalog
from assistant.conversation.dispatch import ChatTurn, respond
from assistant.conversation.edits import edited_parameters, read_changes, stepped
from assistant.conversation.record import Thread
from assistant.conversation.router import Router
from assistant.modes.prepare.models import SessionPlan
from assistant.modes.prepare.questions import block_phase, question_like
from assistant.modes.prepare.service import PrepareService
from assistant.settings import PROJECT_ROOT
from assistant.store import ConversationStore, Database
from assistant.text.questions import question_key
from tests.conftest import make_settings
from tests.support.fakes import stub_material

CATALOG = load_catalog(PROJECT_ROOT / "knowledge")


@pytest.fixture
def services(tmp_path: Path) -> Any:
    settings = make_settings(tmp_path)
    prepare = PrepareService(
        stub_material(), None, PROJECT_ROOT / "prompts", CATALOG.agendas, CATALOG.profile, max_chars=2000
    )
    return SimpleNamespace(
        settings=settings,
        embeddings=DeterministicFakeEmbedding(size=8),
        router=Router(DeterministicFakeEmbedding(size=8)),
        prepare=prepare,
        catalog=CATALOG,
        conversations=ConversationStore(Database(settings.data_dir / "tandem.sqlite3")),
    )


def plan_of(turn: ChatTurn) -> SessionPlan:
    assert isinstance(turn.result, SessionPlan), turn.route
    return turn.result


def questions(plan: SessionPlan) -> list[str]:
    return [q for item in plan.agenda for q in item.guiding_questions]


def practice_fits(plan: SessionPlan) -> bool:
    """The exercise fills a block of the agenda, and the agenda adds up to the plan's minutes."""
    assert plan.exercise is not None
    return sum(i.minutes for i in plan.agenda) == plan.minutes and plan.exercise.minutes in [
        i.minutes for i in plan.agenda
    ]


def test_each_edit_changes_only_what_it_asks_for(services: Any) -> None:
    first = respond(
        services, "prepare our second session on video calls, 45 minutes", "prepare", thread=Thread("user-a")
    )
    thread = Thread("user-a", first.conversation)
    before = plan_of(first)
    assert (before.topic, before.session_number, before.minutes, before.language) == (
        "video calls",
        2,
        45,
        "en",
    )

    turn = respond(services, "make it 30 minutes instead", thread=thread)
    shorter = plan_of(turn)
    assert (
        turn.route.mode == "prepare"
        and "length" in turn.route.reason
        and turn.parameters["changed"] == ["length"]
    )
    assert shorter.minutes == 30 and sum(i.minutes for i in shorter.agenda) == 30 and practice_fits(shorter)
    assert (shorter.topic, shorter.session_number, shorter.total_sessions, shorter.language) == (
        before.topic,
        before.session_number,
        before.total_sessions,
        before.language,
    )
    assert [i.title for i in shorter.agenda] == [i.title for i in before.agenda]
    assert questions(shorter) == questions(before) and shorter.goals == before.goals

    german = plan_of(respond(services, "auf Deutsch bitte", thread=thread))
    assert german.language == "de" and german.title.startswith("Sitzung 2 von 6")
    assert (german.topic, german.minutes, len(german.agenda)) == ("video calls", 30, len(shorter.agenda))
    assert all(q not in questions(shorter) for q in questions(german))  # the words changed, not the frame

    focused = plan_of(respond(services, "add an exercise on prompts", thread=thread))
    assert focused.focus == "prompts" and focused.exercise is not None and practice_fits(focused)
    assert "prompt" in focused.exercise.title.lower() and focused.language == "de" and focused.minutes == 30
    assert focused.goals == german.goals and questions(focused) == questions(german)

    sceptical = plan_of(respond(services, "Meine Führungskraft ist skeptisch.", thread=thread))
    assert "skeptisch" in sceptical.senior and sceptical.focus == "prompts" and practice_fits(sceptical)
    added = [q for q in questions(sceptical) if q not in questions(focused)]
    assert added and any("Bedenken" in q for q in added) and sceptical.exercise == focused.exercise

    more = plan_of(respond(services, "noch eine Frage wie die zweite", thread=thread))
    old, new = questions(sceptical), questions(more)
    assert len(new) == len(old) + 1 and new[:2] == old[:2] and new[3:] == old[2:]
    assert question_key(new[2]) not in {question_key(q) for q in old}
    assert [i.title for i in more.agenda] == [
        i.title for i in sceptical.agenda
    ] and more.exercise == sceptical.exercise

    longer = plan_of(respond(services, "10 Minuten länger", thread=thread))
    assert (
        longer.minutes == 40 and new[2] in questions(longer) and practice_fits(longer)
    )  # the question stays

    state = services.conversations.get("user-a", first.conversation).state
    assert state["parameters"]["minutes"] == 40 and state["parameters"]["result_edits"] == ["question:2"]

    fresh = respond(services, "Plan our third session on LinkedIn, 60 minutes", thread=thread)
    plan = plan_of(fresh)
    assert (plan.topic, plan.session_number, plan.minutes, plan.language) == ("LinkedIn", 3, 60, "en")
    assert plan.focus == "" and plan.senior == "" and "changed" not in fresh.parameters


def test_a_german_plan_in_english_keeps_its_numbers(services: Any) -> None:
    turn = respond(
        services, "Plane unsere dritte Sitzung zu Datenschutz, 60 Minuten", "prepare", thread=Thread()
    )
    first, thread = plan_of(turn), Thread(conversation=turn.conversation)
    shorter = plan_of(respond(services, "kürzer bitte", thread=thread))
    english = plan_of(respond(services, "in English please", thread=thread))
    assert (
        first.minutes == 60 and shorter.minutes == 45 and english.minutes == 45 and english.language == "en"
    )
    assert (
        english.topic == first.topic == "Datenschutz" and english.session_number == first.session_number == 3
    )
    assert english.title.startswith("Session 3 of 6") and shorter.language == "de"


def test_without_a_thread_a_change_is_a_new_request(services: Any) -> None:
    turn = respond(services, "make it 30 minutes", "prepare")
    assert "changed" not in turn.parameters and turn.route.reason == "chosen by the user"


@pytest.mark.parametrize(
    ("minutes", "shorter", "longer"), [(90, 60, 120), (60, 45, 75), (45, 30, 60), (30, 20, 45)]
)
def test_shorter_and_longer_step_along_usual_lengths(minutes: int, shorter: int, longer: int) -> None:
    assert (stepped(minutes, -1), stepped(minutes, 1)) == (shorter, longer)


def test_edited_parameters_pin_the_plan_and_add_up_changes() -> None:
    parameters = {
        "topic": "Teams",
        "minutes": None,
        "session": None,
        "of": None,
        "last": True,
        "language": "en",
    }
    result = {"topic": "Teams", "minutes": 60, "session_number": 6, "total_sessions": 6, "senior": "CFO"}
    edited = edited_parameters(
        "prepare", parameters, result, read_changes("she is sceptical about AI", "prepare")
    )
    assert edited["senior"] == "CFO; she is sceptical about AI" and edited["minutes"] == 60
    assert (edited["session"], edited["of"], edited["last"]) == (6, 6, False)
    again = edited_parameters(
        "prepare", edited, result, read_changes("one more question like the first", "prepare")
    )
    again = edited_parameters(
        "prepare", again, result, read_changes("another question like the last", "prepare")
    )
    assert again["result_edits"] == ["question:1", "question:-1"] and again["changed"] == ["question"]


def test_one_more_question_comes_from_the_plans_sources_and_is_new() -> None:
    plan, _ = PrepareService(
        stub_material(), None, PROJECT_ROOT / "prompts", CATALOG.agendas, CATALOG.profile, max_chars=2000
    ).plan("Excel", 45, 2, 6, lang="en")
    plan_questions = questions(plan)
    grown = plan
    for _ in range(3):
        bigger = question_like(grown, 1, CATALOG.agendas, CATALOG.questions)
        assert bigger is not None
        grown = bigger
    added = [q for q in questions(grown) if q not in plan_questions]
    assert len(added) == 3 and len({question_key(q) for q in questions(grown)}) == len(questions(grown))
    assert all(
        q in grown.agenda[0].guiding_questions for q in added
    )  # the first question's block: the check-in
    assert block_phase(grown.agenda[0].title) == "reality"
