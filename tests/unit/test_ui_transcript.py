"""How the chat shows a stored conversation: messages and answers as text, each answer's turn, its thumb."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from assistant.conversation.record import to_record
from assistant.errors import InputError
from assistant.modes.reflect.models import ReflectionItem, ReflectionSet
from assistant.store import ConversationStore, Database
from assistant.ui.chat import chosen_mode
from assistant.ui.transcript import feedback_values, header, stored_session
from tests.conftest import make_settings


def reflection(intro: str) -> ReflectionSet:
    items = [ReflectionItem(label=f"L{n}", question=f"What did you notice {n}?") for n in range(3)]
    return ReflectionSet(intro=intro, items=items, kind="after-session", context="x", language="en")  # type: ignore[arg-type]


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Any, ConversationStore]:
    settings = make_settings(tmp_path)
    return SimpleNamespace(settings=settings), ConversationStore(
        Database(settings.data_dir / "tandem.sqlite3")
    )


def test_a_stored_conversation_shows_as_text_with_its_turns_and_thumbs(
    setup: tuple[Any, ConversationStore],
) -> None:
    services, store = setup
    prompts = services.settings.prompts_dir
    first = store.record(
        "user-a",
        None,
        to_record(
            "<script>x()</script> after my session", "reflect", {}, reflection("Think <b>back</b>."), prompts
        ),
    )
    store.record(
        "user-a", first.conversation, to_record("And now?", "reflect", {}, reflection("Again."), prompts)
    )
    store.rate("user-a", f"{first.conversation}/2", "down")
    conversation = store.get("user-a", first.conversation)

    session = stored_session(services, conversation)

    assert session.conversation == first.conversation
    assert [m["role"] for m in session.messages] == ["user", "assistant", "user", "assistant"]
    assert session.refs == [None, f"{first.conversation}/1", None, f"{first.conversation}/2"]
    assert session.messages[0]["content"] == "&lt;script>x()&lt;/script> after my session"
    assert session.messages[1]["content"].startswith(header("reflect") + "Think &lt;b>back&lt;/b>.")
    assert feedback_values(conversation, session) == [None, "Dislike"]


def test_a_mode_is_one_of_the_menu_or_auto() -> None:
    assert chosen_mode("") is None and chosen_mode(" Auto ") is None and chosen_mode("prepare") == "prepare"
    with pytest.raises(
        InputError, match="'log' is not a mode: choose auto, ask, prepare, feedback or reflect"
    ):
        chosen_mode("log")
