"""Follow-ups with a model over real HTTP: the condense prompt gets the conversation and the follow-up, its
answer is the retrieval query, and the answer's prompt carries the earlier turns; a failing condense falls
back to the rules."""

from pathlib import Path
from typing import Any

import pytest

from assistant.conversation.dispatch import respond
from assistant.conversation.record import Thread
from tests.conftest import services_with_llm
from tests.support.openai_server import FakeOpenAI, Reply

pytestmark = pytest.mark.integration

FIRST_ANSWER = "Active listening means summarising what you heard in your own words and asking back [1]."
STANDALONE = "What is an example of active listening in a tandem conversation?"


def contents(request: dict[str, Any]) -> list[str]:
    return [str(m.get("content") or "") for m in request["messages"]]


def test_the_condensed_question_is_the_retrieval_query(
    tmp_path: Path, server: FakeOpenAI, bilingual_services: Any
) -> None:
    services = services_with_llm(tmp_path, server.base_url, bilingual_services)
    server.script(
        FIRST_ANSWER, STANDALONE, "For example, summarise the senior's last point before you reply [1]."
    )
    first = respond(services, "What is active listening?", thread=Thread("user-a"))
    assert first.result.backend == "openai" and len(server.requests) == 1

    turn = respond(services, "give me an example of that", thread=Thread("user-a", first.conversation))
    condense, answer = server.requests[1], server.requests[2]
    sent = "\n".join(contents(condense))
    assert "Standalone question" in sent and "give me an example of that" in sent
    assert "What is active listening?" in sent and "summarising what you heard" in sent  # the history
    assert not condense.get("stream") and answer.get("stream")
    assert turn.parameters["standalone"] == STANDALONE and turn.parameters["condensed_by"] == "model"
    assert turn.route.reason.startswith("follow-up") and turn.result.backend == "openai"
    assert "listening.de" in [s.doc_id for s in turn.result.sources]
    asked = contents(answer)
    assert STANDALONE in asked[-1] and "give me an example of that" not in asked[-1]
    assert asked[1] == "What is active listening?" and FIRST_ANSWER[:40] in asked[2]  # the earlier turn
    assert [m["role"] for m in answer["messages"]] == ["system", "user", "assistant", "user"]


def test_a_failing_condense_falls_back_to_the_rules(
    tmp_path: Path, server: FakeOpenAI, bilingual_services: Any
) -> None:
    services = services_with_llm(tmp_path, server.base_url, bilingual_services)
    server.script(FIRST_ANSWER, Reply(status=500), "Summarise before you reply [1].")
    first = respond(services, "What is active listening?", thread=Thread("user-a"))
    turn = respond(services, "give me an example of that", thread=Thread("user-a", first.conversation))
    assert turn.parameters["condensed_by"] == "rules" and len(server.requests) == 3
    assert turn.parameters["standalone"] == "Give me an example of active listening"
    assert "Give me an example of active listening" in contents(server.requests[2])[-1]


def test_without_history_budget_the_prompt_has_no_earlier_turns(
    tmp_path: Path, server: FakeOpenAI, bilingual_services: Any
) -> None:
    services = services_with_llm(tmp_path, server.base_url, bilingual_services, history_tokens=0)
    server.script(FIRST_ANSWER, "Summarise before you reply [1].")
    first = respond(services, "What is active listening?", thread=Thread("user-a"))
    turn = respond(services, "give me an example of that", thread=Thread("user-a", first.conversation))
    assert len(server.requests) == 2 and turn.parameters["condensed_by"] == "rules"  # no model condense
    assert [m["role"] for m in server.requests[1]["messages"]] == ["system", "user"]
