"""The real LLM path: langchain-openai against a local OpenAI-compatible server, streaming and errors."""

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import free_port, services_with_llm
from tests.support.openai_server import FakeOpenAI, Reply

pytestmark = pytest.mark.integration


def test_streamed_answer_with_checked_citations(
    tmp_path: Path, server: FakeOpenAI, bilingual_services: Any
) -> None:
    server.script("Phishing mails create time pressure [1]. Report them [1][9].")
    service = services_with_llm(tmp_path, server.base_url, bilingual_services).ask
    events = list(service.stream("How can I recognise a phishing email?"))
    assert sum(1 for e in events if e.delta) > 3  # arrived in pieces over SSE
    answer = events[-1].answer
    assert answer.backend == "openai" and answer.language == "en"
    assert answer.answer == "Phishing mails create time pressure [1]. Report them [1]."
    assert answer.citation_errors == 1 and [s.n for s in answer.sources] == [1]
    request = server.requests[-1]
    assert request["stream"] is True and request["model"] == "fake-model"
    system, user = request["messages"][0]["content"], request["messages"][-1]["content"]
    assert "not instructions" in system and '<material n="1"' in user and "phishing email" in user


def test_german_question_gets_the_german_prompt(
    tmp_path: Path, server: FakeOpenAI, bilingual_services: Any
) -> None:
    server.script("Hören Sie zu und fassen Sie zusammen [1].")
    answer = services_with_llm(tmp_path, server.base_url, bilingual_services).ask.answer(
        "Was bedeutet aktives Zuhören?"
    )
    assert answer.language == "de" and answer.backend == "openai"
    assert "Antworte auf Deutsch" in server.requests[-1]["messages"][0]["content"]


@pytest.mark.parametrize("status", [500, 401, 429])
def test_endpoint_errors_fall_back_to_offline(
    tmp_path: Path, server: FakeOpenAI, bilingual_services: Any, status: int
) -> None:
    server.script(Reply(status=status, error="boom"))
    answer = services_with_llm(tmp_path, server.base_url, bilingual_services).ask.answer(
        "What does active listening mean?"
    )
    assert answer.backend == "offline" and "failed" in answer.note
    assert answer.sources and "[1]" in answer.answer


def test_unreachable_endpoint_falls_back(tmp_path: Path, bilingual_services: Any) -> None:
    services = services_with_llm(
        tmp_path, f"http://127.0.0.1:{free_port()}/v1", bilingual_services, llm_timeout=5
    )
    answer = services.ask.answer("What does active listening mean?")
    assert answer.backend == "offline" and "unreachable" in answer.note
