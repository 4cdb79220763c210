"""The dispatcher records a finished turn in one place; a conversation the user lacks stops the turn first."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from assistant.conversation.dispatch import respond
from assistant.conversation.record import Thread, load_result
from assistant.conversation.router import Router
from assistant.errors import InputError
from assistant.modes.generation import Outcome
from assistant.modes.reflect.models import ReflectionItem, ReflectionSet
from assistant.store import ConversationStore, Database
from tests.conftest import make_settings


class StubReflect:
    """A reflect mode that counts its runs and answers with a fixed set."""

    def __init__(self) -> None:
        self.calls = 0

    def reflect(
        self, context: str, kind: str, lang: str = "en", turns: object = ()
    ) -> tuple[ReflectionSet, Outcome]:
        self.calls += 1
        items = [ReflectionItem(label=f"L{n}", question=f"What did you notice {n}?") for n in range(3)]
        result = ReflectionSet(intro="Think back.", items=items, kind=kind, context=context, language="en")  # type: ignore[arg-type]
        return result, Outcome(backend="offline")


@pytest.fixture
def services(tmp_path: Path) -> Any:
    settings = make_settings(tmp_path)
    return SimpleNamespace(
        settings=settings,
        embeddings=DeterministicFakeEmbedding(size=8),
        router=Router(DeterministicFakeEmbedding(size=8)),
        reflect=StubReflect(),
        conversations=ConversationStore(Database(settings.data_dir / "tandem.sqlite3")),
    )


def test_a_turn_with_a_thread_is_recorded_with_what_produced_it(services: Any) -> None:
    turn = respond(
        services, "I had my session today, what should I reflect on?", "reflect", thread=Thread("anna")
    )
    assert turn.conversation and turn.number == 1 and turn.ref == f"{turn.conversation}/1"
    again = respond(
        services, "And questions for my mentor?", "reflect", thread=Thread("anna", turn.conversation)
    )
    assert (again.conversation, again.number) == (turn.conversation, 2)
    stored = services.conversations.get("anna", turn.conversation)
    first = stored.history[0]
    assert first.parameters == {
        "context": "I had my session today, what should I reflect on?",
        "kind": "after-session",
        "language": "en",
    }
    assert first.prompt_version.startswith("reflect@") and first.prompt_version != "reflect@unknown"
    assert first.backend == "offline" and load_result(first.mode, first.result) == turn.result
    assert stored.state["mode"] == "reflect" and stored.state["turn"] == 2


def test_without_a_thread_nothing_is_stored(services: Any) -> None:
    turn = respond(services, "What should I reflect on?", "reflect")
    assert turn.conversation is None and turn.ref is None
    assert services.conversations.summaries("local") == []


def test_another_users_conversation_stops_the_turn_before_the_mode_runs(services: Any) -> None:
    anna = respond(services, "What should I reflect on?", "reflect", thread=Thread("anna")).conversation
    runs = services.reflect.calls
    with pytest.raises(InputError, match="No conversation"):
        respond(services, "Mine now?", "reflect", thread=Thread("bert", anna))
    assert services.reflect.calls == runs and services.conversations.get("anna", anna).turns == 1
