"""The modes' LLM path over real HTTP: the model writes words into code's frame (function calling), a wrong
block count or a broken rule gets the repair round, and the offline fallback."""

from pathlib import Path
from typing import Any

import pytest

from assistant.catalog import load_catalog
from assistant.modes.prepare.frame import plan_frame
from assistant.modes.prepare.models import PlanRequest
from assistant.settings import PROJECT_ROOT
from tests.conftest import services_with_llm
from tests.support.openai_server import FakeOpenAI, Reply

pytestmark = pytest.mark.integration

REQUEST = PlanRequest("ChatGPT", 60, 2, 6)
FRAME = plan_frame(REQUEST, "de", load_catalog(PROJECT_ROOT / "knowledge").agendas)


def plan_args(
    blocks: int = len(FRAME.blocks), question: str = "Was hat seit dem letzten Mal geklappt?"
) -> dict[str, Any]:
    """The model's words for the frame: no minutes, one agenda entry per block (or `blocks` entries)."""
    titles = [
        "Rückblick auf die letzte Sitzung",
        "Ziel für heute",
        "Praxis: ChatGPT",
        "Reflexion",
        "Nächste Schritte",
    ]
    return {
        "title": "Sitzung 2 von 6: ChatGPT",
        "goals": ["Die Führungskraft schreibt einen eigenen Prompt"],
        "agenda": [
            {
                "title": titles[i % len(titles)],
                "activity": "Wir arbeiten gemeinsam an einem echten Beispiel aus dem Arbeitsalltag.",
                "guiding_question": question,
            }
            for i in range(blocks)
        ],
        "materials": ["Laptop"],
        "next_time": ["Termin für Sitzung 3"],
        "exercise": {
            "title": "Erster Prompt",
            "steps": ["Die Führungskraft öffnet das Werkzeug.", "Sie schreibt einen Prompt mit Rolle."],
        },
    }


def test_valid_first_answer(tmp_path: Path, server: FakeOpenAI, bilingual_services: Any) -> None:
    server.script(Reply(tool_args=plan_args()))
    plan, outcome = services_with_llm(tmp_path, server.base_url, bilingual_services).prepare.plan(
        "ChatGPT", 60, 2, 6, lang="de"
    )
    assert outcome.first_try_ok and plan.backend == "openai" and plan.title == "Sitzung 2 von 6: ChatGPT"
    assert [i.minutes for i in plan.agenda] == [b.minutes for b in FRAME.blocks]
    assert plan.exercise is not None and plan.exercise.minutes == FRAME.exercise_minutes
    tool = server.requests[0]["tools"][0]["function"]
    assert tool["name"] == "PlanWording" and "minutes" not in tool["parameters"]["properties"]
    agenda = tool["parameters"]["properties"]["agenda"]
    assert agenda["minItems"] == agenda["maxItems"] == len(FRAME.blocks)
    assert "[10 min]" in server.requests[0]["messages"][1]["content"]
    assert not server.requests[0].get(
        "stream"
    )  # streamed tool calls break on llama.cpp (name repeated per chunk)


def test_a_wrong_block_count_gets_the_repair_round(
    tmp_path: Path, server: FakeOpenAI, bilingual_services: Any
) -> None:
    n = len(FRAME.blocks)
    server.script(Reply(tool_args=plan_args(n - 2)), Reply(tool_args=plan_args()))
    plan, outcome = services_with_llm(tmp_path, server.base_url, bilingual_services).prepare.plan(
        "ChatGPT", 60, 2, 6, lang="de"
    )
    assert outcome.repaired and not outcome.first_try_ok and plan.backend == "openai"
    assert sum(i.minutes for i in plan.agenda) == 60 and len(plan.agenda) == n
    repair = server.requests[1]["messages"][-1]["content"]
    assert f"agenda has {n - 2} entries, but the frame has {n} blocks" in repair and "Korrigiere" in repair


def test_two_bad_answers_fall_back_to_offline(
    tmp_path: Path, server: FakeOpenAI, bilingual_services: Any
) -> None:
    closed = plan_args(question="Hat das geklappt?")
    server.script(Reply(tool_args=closed), Reply(tool_args=closed))
    plan, outcome = services_with_llm(tmp_path, server.base_url, bilingual_services).prepare.plan(
        "ChatGPT", 60, 2, 6, lang="de"
    )
    assert plan.backend == "offline" and "Korrekturrunde" in plan.note and outcome.requests == 2
    assert "'Hat das geklappt?' is not an open question" in server.requests[1]["messages"][-1]["content"]
    assert sum(i.minutes for i in plan.agenda) == 60


def test_feedback_and_reflect_answer_in_their_frames(
    tmp_path: Path, server: FakeOpenAI, bilingual_services: Any
) -> None:
    tips = [
        "Listen to the end and say thank you first.",
        "Ask for one concrete example.",
        "Decide what to try.",
    ]
    feedback = {
        "sbi": {
            "situation": "In the weekly team meeting on Monday",
            "behaviour": "You interrupted me twice while I was explaining my proposal.",
            "impact": "I lost my thread and was unsure whether my point was wanted.",
            "request": "How could we make sure I can finish my point next time?",
        },
        "i_message": "When I am interrupted in the middle of an explanation, I lose my thread.",
        "feedforward": "Next time, you could let me finish and then ask your question.",
        "receiving_tips": tips,
    }
    gibbs = {
        "intro": "Questions to reflect on your session with ChatGPT.",
        "description": "What exactly did you try out yourself with ChatGPT today?",
        "feelings": "How did you feel while you were working with ChatGPT?",
        "evaluation": "What worked well with ChatGPT, and what did not work yet?",
        "analysis": "Why do you think the hands-on part worked the way it did?",
        "conclusion": "What have you learned about ChatGPT that you did not know before?",
        "action_plan": "What will you try out with ChatGPT on your own before the next session?",
    }
    server.script(Reply(tool_args=feedback), Reply(tool_args=gibbs))
    services = services_with_llm(tmp_path, server.base_url, bilingual_services)
    draft, outcome = services.feedback.coach("You always interrupt me.", lang="en")
    assert (
        outcome.first_try_ok and draft.receiving_tips == tips and [f.text for f in draft.flags] == ["always"]
    )
    tool = server.requests[0]["tools"][0]["function"]
    assert tool["name"] == "FeedbackWording" and "flags" not in tool["parameters"]["properties"]
    result, outcome = services.reflect.reflect("We tried ChatGPT today and it was fun.", lang="en")
    assert outcome.first_try_ok and [i.label for i in result.items][:2] == ["description", "feelings"]
    tool = server.requests[1]["tools"][0]["function"]
    assert tool["name"] == "ReflectionWording" and "items" not in tool["parameters"]["properties"]


def test_server_error_falls_back(tmp_path: Path, server: FakeOpenAI, bilingual_services: Any) -> None:
    server.script(Reply(status=500), Reply(status=500))
    draft, _outcome = services_with_llm(tmp_path, server.base_url, bilingual_services).feedback.coach(
        "You never listen."
    )
    assert draft.backend == "offline" and "failed" in draft.note and draft.flags
