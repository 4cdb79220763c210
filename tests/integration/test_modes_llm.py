"""The modes' LLM path over real HTTP: function calling, the repair round, and the offline fallback."""

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import services_with_llm
from tests.support.openai_server import FakeOpenAI, Reply

pytestmark = pytest.mark.integration


def plan_args(minutes: list[int]) -> dict[str, Any]:
    titles = ["Rückblick auf die letzte Sitzung", "Praxis: ChatGPT", "Nächste Schritte"]
    return {
        "title": "Sitzung 2 von 6: ChatGPT",
        "goals": ["Die Führungskraft schreibt einen eigenen Prompt"],
        "agenda": [
            {
                "title": t,
                "minutes": m,
                "activity": "Wir arbeiten gemeinsam an einem echten Beispiel.",
                "guiding_questions": ["Was hat seit dem letzten Mal geklappt?"],
            }
            for t, m in zip(titles, minutes, strict=False)
        ],
        "exercise": {
            "title": "Erster Prompt",
            "minutes": 20,
            "steps": ["Die Führungskraft öffnet das Werkzeug.", "Sie schreibt einen Prompt mit Rolle."],
        },
        "materials": ["Laptop"],
        "next_time": ["Termin für Sitzung 3"],
    }


def test_valid_first_answer(tmp_path: Path, server: FakeOpenAI, bilingual_services: Any) -> None:
    server.script(Reply(tool_args=plan_args([10, 40, 10])))
    plan, outcome = services_with_llm(tmp_path, server.base_url, bilingual_services).prepare.plan(
        "ChatGPT", 60, 2, 6, lang="de"
    )
    assert outcome.first_try_ok and plan.backend == "openai" and plan.title == "Sitzung 2 von 6: ChatGPT"
    assert server.requests[0]["tools"][0]["function"]["name"] == "PlanContent"
    assert not server.requests[0].get(
        "stream"
    )  # streamed tool calls break on llama.cpp (name repeated per chunk)


def test_repair_round_fixes_the_minutes(tmp_path: Path, server: FakeOpenAI, bilingual_services: Any) -> None:
    server.script(Reply(tool_args=plan_args([10, 20, 10])), Reply(tool_args=plan_args([10, 40, 10])))
    plan, outcome = services_with_llm(tmp_path, server.base_url, bilingual_services).prepare.plan(
        "ChatGPT", 60, 2, 6, lang="de"
    )
    assert outcome.repaired and not outcome.first_try_ok and plan.backend == "openai"
    assert sum(i.minutes for i in plan.agenda) == 60
    repair = server.requests[1]["messages"][-1]["content"]
    assert "add up to 40" in repair and "Korrigiere" in repair


def test_two_bad_answers_fall_back_to_offline(
    tmp_path: Path, server: FakeOpenAI, bilingual_services: Any
) -> None:
    server.script(Reply(tool_args=plan_args([10, 20, 10])), Reply(tool_args=plan_args([5, 5, 5])))
    plan, _outcome = services_with_llm(tmp_path, server.base_url, bilingual_services).prepare.plan(
        "ChatGPT", 60, 2, 6, lang="de"
    )
    assert plan.backend == "offline" and "Korrekturrunde" in plan.note
    assert sum(i.minutes for i in plan.agenda) == 60


def test_server_error_falls_back(tmp_path: Path, server: FakeOpenAI, bilingual_services: Any) -> None:
    server.script(Reply(status=500), Reply(status=500))
    draft, _outcome = services_with_llm(tmp_path, server.base_url, bilingual_services).feedback.coach(
        "You never listen."
    )
    assert draft.backend == "offline" and "failed" in draft.note and draft.flags
