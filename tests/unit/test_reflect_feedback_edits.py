"""Edits of a reflection set and a feedback draft through the dispatcher (offline composers, real SQLite): the
language, one more question of the same kind, a shorter set, where a remark was made."""

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from assistant.catalog import load_catalog
from assistant.conversation.dispatch import respond
from assistant.conversation.record import Thread
from assistant.conversation.router import Router
from assistant.modes.feedback.models import FeedbackDraft
from assistant.modes.feedback.service import FeedbackService
from assistant.modes.reflect.models import ReflectionSet
from assistant.modes.reflect.service import ReflectService
from assistant.settings import PROJECT_ROOT
from assistant.store import ConversationStore, Database
from assistant.text.questions import question_key
from tests.conftest import make_settings
from tests.support.fakes import stub_material

CATALOG = load_catalog(PROJECT_ROOT / "knowledge")


@pytest.fixture
def services(tmp_path: Path) -> Any:
    settings = make_settings(tmp_path)
    material = stub_material()
    return SimpleNamespace(
        settings=settings,
        embeddings=DeterministicFakeEmbedding(size=8),
        router=Router(DeterministicFakeEmbedding(size=8)),
        reflect=ReflectService(
            material, None, PROJECT_ROOT / "prompts", CATALOG.questions, CATALOG.reflection, max_chars=2000
        ),
        feedback=FeedbackService(material, None, PROJECT_ROOT / "prompts", CATALOG.phrases, max_chars=2000),
        catalog=CATALOG,
        conversations=ConversationStore(Database(settings.data_dir / "tandem.sqlite3")),
    )


def reflection(turn: Any) -> ReflectionSet:
    assert isinstance(turn.result, ReflectionSet), turn.route
    return turn.result


@pytest.mark.parametrize(
    ("request_", "more", "short", "switch", "lang"),
    [
        (
            "Give me questions for my mentor about LinkedIn",
            "one more question like the third",
            "shorter please",
            "auf Deutsch bitte",
            "de",
        ),
        (
            "Ich hatte heute meine Sitzung zu Teams und war ziemlich verloren.",
            "noch eine Frage wie die zweite",
            "kürzer bitte",
            "in English please",
            "en",
        ),
    ],
    ids=["grow-english", "gibbs-german"],
)
def test_a_reflection_set_takes_more_shorter_and_another_language(
    services: Any, request_: str, more: str, short: str, switch: str, lang: str
) -> None:
    first = respond(services, request_, "reflect", thread=Thread("user-b"))
    thread = Thread("user-b", first.conversation)
    before = reflection(first)
    which = 3 if "third" in more else 2
    grown = reflection(respond(services, more, thread=thread))
    assert (
        len(grown.items) == len(before.items) + 1
        and grown.items[which].label == before.items[which - 1].label
    )
    assert question_key(grown.items[which].question) not in {question_key(i.question) for i in before.items}
    assert grown.items[:which] == before.items[:which] and grown.items[which + 1 :] == before.items[which:]

    trimmed = reflection(respond(services, short, thread=thread))
    labels = [i.label for i in trimmed.items]
    assert len(labels) == len(set(labels)) >= 3 and set(labels) == {i.label for i in before.items}

    switched = reflection(respond(services, switch, thread=thread))
    assert switched.language == lang and switched.kind == before.kind and switched.context == before.context
    assert [i.label for i in switched.items] == labels  # still shorter, in the other language


def test_a_feedback_draft_takes_where_it_happened_and_another_language(services: Any) -> None:
    first = respond(
        services, 'Check this: "You never listen to my ideas."', "feedback", thread=Thread("user-b")
    )
    thread = Thread("user-b", first.conversation)
    assert isinstance(first.result, FeedbackDraft) and first.result.context == ""
    placed = respond(services, "It was in the weekly team meeting.", thread=thread)
    assert isinstance(placed.result, FeedbackDraft) and placed.parameters["changed"] == ["context"]
    assert (
        placed.result.context == "in the weekly team meeting" and placed.result.remark == first.result.remark
    )
    german = respond(services, "auf Deutsch bitte", thread=thread)
    assert isinstance(german.result, FeedbackDraft) and german.result.language == "de"
    assert (
        german.result.remark == first.result.remark and german.result.context == "in the weekly team meeting"
    )
    assert german.parameters["changed"] == ["language"] and first.result.flags
