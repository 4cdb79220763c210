"""The earlier turns a prompt carries: newest whole, older ones as one line, the oldest dropped, within the
token budget; and where they go in a rendered prompt."""

from typing import Any

import pytest
from langchain_core.messages import AIMessage, HumanMessage

from assistant import prompts
from assistant.conversation.history import brief, prompt_turns, recent, tokens, transcript
from assistant.settings import PROJECT_ROOT, Settings
from assistant.store.records import StoredTurn


def turn(n: int, mode: str = "ask", result: dict[str, Any] | None = None) -> StoredTurn:
    return StoredTurn(
        conversation="c0ffee00",
        number=n,
        created="",
        message=f"message {n}: " + "how do I give feedback upwards " * 3,
        mode=mode,
        result=result or {"answer": f"answer {n}: " + "Use the SBI model and ask an open question. " * 12},
        prompt_version=f"{mode}@1",
        backend="offline",
    )


TURNS = [turn(n) for n in range(1, 9)]


@pytest.mark.parametrize("budget", [0, 40, 150, 300, 600, 1200, 5000])
def test_the_history_fits_the_budget_and_keeps_the_newest(budget: int) -> None:
    kept = recent(TURNS, budget)
    assert sum(e.cost for e in kept) <= budget
    numbers = [int(e.message.split()[1].rstrip(":")) for e in kept]
    assert numbers == list(range(9 - len(numbers), 9))  # a contiguous run ending with the newest turn
    whole = [e for e in kept if not e.line]
    assert kept[len(kept) - len(whole) :] == whole  # whole turns are the newest; summaries come before them


def test_older_turns_shrink_to_one_line_before_they_drop() -> None:
    kept = recent(TURNS, 400)
    assert [bool(e.line) for e in kept][-2:] == [False, False] and any(e.line for e in kept)
    assert all("\n" not in e.line and "→ ask: answer" in e.line for e in kept if e.line)
    assert len(recent(TURNS, 5000)) == 8 and not any(e.line for e in recent(TURNS, 5000))
    assert recent(TURNS, 0) == []


def test_prompt_turns_are_a_summary_then_user_and_assistant_messages() -> None:
    messages = prompt_turns(TURNS, 400, "de")
    assert isinstance(messages[0], HumanMessage) and messages[0].content.startswith(
        "Früher in diesem Gespräch:"
    )
    pairs = messages[1:]
    assert [type(m) for m in pairs] == [HumanMessage, AIMessage] * (len(pairs) // 2) and pairs
    assert pairs[-2].content == TURNS[-1].message.strip() and "answer 8" in str(pairs[-1].content)
    assert sum(tokens(str(m.content)) for m in messages) <= 400 + tokens("Früher in diesem Gespräch:") + 20


def test_a_plan_is_rendered_by_its_title_and_blocks() -> None:
    plan = {
        "title": "Session 2 of 6: video calls",
        "minutes": 30,
        "agenda": [{"title": "Check-in", "minutes": 5}, {"title": "Hands-on practice", "minutes": 25}],
        "exercise": {"title": "A first test call"},
    }
    text = brief("prepare", plan)
    assert text == (
        "Session 2 of 6: video calls. 30 min: Check-in (5 min), Hands-on practice (25 min). "
        "Exercise: A first test call."
    )
    lines = transcript([turn(1, "prepare", plan)], 1200, "en").splitlines()
    assert lines[0].startswith("User: message 1") and lines[1] == f"Tandem: {text}"


def test_turns_go_between_the_system_message_and_the_request() -> None:
    spec = prompts.load("ask", PROJECT_ROOT / "prompts")
    rendered = spec.render("en", question="And an example?", context="<material/>")
    messages = prompts.with_turns(rendered, prompt_turns(TURNS[-1:], 1200, "en"))
    assert [m.type for m in messages] == ["system", "human", "ai", "human"]
    assert messages[-1].content == rendered[-1].content and prompts.with_turns(rendered, []) == rendered


def test_the_budget_is_a_setting_with_a_description() -> None:
    field = Settings.model_fields["history_tokens"]
    assert field.default == 1200 and field.description and "token" in field.description
