"""The prepare mode's LLM path: code builds the frame (blocks, minutes, exercise block), the model writes the
words, code merges them; a wrong block count or a broken rule gets the repair round."""

from typing import Any

from assistant.catalog import load_catalog
from assistant.modes.prepare.checks import check_plan
from assistant.modes.prepare.compose import compose_plan
from assistant.modes.prepare.frame import plan_frame
from assistant.modes.prepare.models import PlanRequest
from assistant.modes.prepare.service import PrepareService
from assistant.settings import PROJECT_ROOT
from tests.support.fakes import FakeLLM, stub_material

CATALOG = load_catalog(PROJECT_ROOT / "knowledge")


def service(llm: Any) -> PrepareService:
    return PrepareService(
        stub_material(),
        llm,
        PROJECT_ROOT / "prompts",
        CATALOG.agendas,
        CATALOG.profile,
        max_chars=2000,
        method="function_calling",
    )


def wording(request: PlanRequest, blocks: int | None = None, **changes: Any) -> dict[str, Any]:
    """A German answer that fits the frame of `request` (or has `blocks` agenda entries)."""
    frame = plan_frame(request, "de", CATALOG.agendas)
    n = len(frame.blocks) if blocks is None else blocks
    agenda = [
        {
            "title": f"{block.title} (Tandem)",
            "activity": f"Die Führungskraft und die Nachwuchskraft arbeiten an {request.topic} mit einem Beispiel.",
            "guiding_question": f"Was ist Ihnen bei Block {number} besonders wichtig?",
        }
        for number, block in enumerate((frame.blocks * 2)[:n], start=1)
    ]
    answer: dict[str, Any] = {
        "title": f"Sitzung {request.session} von {request.of}: {request.topic} im eigenen Alltag",
        "goals": ["Die Führungskraft probiert das Werkzeug selbst auf dem eigenen Gerät aus"],
        "agenda": agenda,
        "materials": ["Eigener Laptop der Führungskraft"],
        "next_time": ["Termin und Thema für die nächste Sitzung vereinbaren"],
    }
    if frame.practice is not None:
        answer["exercise"] = {
            "title": "Ein erster eigener Prompt",
            "steps": [
                "Die Führungskraft öffnet das Werkzeug.",
                "Sie schreibt einen Prompt mit Rolle und Ziel.",
            ],
        }
    return answer | changes


def test_the_frame_is_the_offline_agenda_and_has_no_numbers_for_the_model() -> None:
    request = PlanRequest("ChatGPT", 50, 2, 6)
    frame = plan_frame(request, "de", CATALOG.agendas)
    offline = compose_plan(request, "de", CATALOG.agendas, [], None)
    assert list(frame.blocks) == offline.agenda and sum(b.minutes for b in frame.blocks) == 50
    assert frame.practice is not None and offline.exercise is not None
    assert frame.exercise_minutes == offline.exercise.minutes == max(b.minutes for b in frame.blocks)
    schema = frame.schema().model_json_schema()
    assert "'minutes':" not in str(schema) and "integer" not in str(schema)  # no numbers for the model
    agenda = schema["properties"]["agenda"]
    assert agenda["minItems"] == agenda["maxItems"] == len(frame.blocks)
    assert "exercise" in schema["properties"]
    # a first session on a topic that is not digital has no exercise (a regular one has, since issue 8)
    plain = plan_frame(PlanRequest("Feedbackkultur", 60, 1, 6), "de", CATALOG.agendas)
    assert plain.practice is None and "exercise" not in plain.schema().model_json_schema()["properties"]
    assert f"[{frame.blocks[0].minutes} min]" in frame.describe() and "Praxisübung" in frame.describe()


def test_the_model_writes_the_words_code_keeps_the_minutes() -> None:
    request = PlanRequest("ChatGPT", 50, 2, 6)
    llm = FakeLLM([wording(request)])
    plan, outcome = service(llm).plan("ChatGPT", 50, 2, 6, lang="de")
    assert outcome.first_try_ok and plan.backend == "openai" and outcome.requests == 1
    frame = plan_frame(request, "de", CATALOG.agendas)
    assert [i.minutes for i in plan.agenda] == [b.minutes for b in frame.blocks]
    assert plan.agenda[0].title.endswith("(Tandem)") and plan.title.endswith("im eigenen Alltag")
    assert plan.exercise is not None and plan.exercise.minutes == frame.exercise_minutes
    assert check_plan(plan, request, "de") == []
    user = llm.calls[0][1].content
    assert f"Rahmen: {len(frame.blocks)} Blöcke" in user and f"[{frame.exercise_minutes} min]" in user


def test_a_wrong_block_count_gets_the_repair_round() -> None:
    request = PlanRequest("ChatGPT", 50, 2, 6)
    n = len(plan_frame(request, "de", CATALOG.agendas).blocks)
    llm = FakeLLM([wording(request, blocks=n - 1), wording(request)])
    plan, outcome = service(llm).plan("ChatGPT", 50, 2, 6, lang="de")
    assert outcome.repaired and not outcome.first_try_ok and plan.backend == "openai"
    assert len(plan.agenda) == n and sum(i.minutes for i in plan.agenda) == 50
    repair = llm.calls[1][-1].content
    assert f"agenda has {n - 1} entries, but the frame has {n} blocks" in repair


def test_a_wrong_block_count_twice_falls_back_to_the_offline_plan() -> None:
    request = PlanRequest("ChatGPT", 50, 2, 6)
    too_many = wording(request, blocks=9)
    plan, outcome = service(FakeLLM([too_many, too_many])).plan("ChatGPT", 50, 2, 6, lang="de")
    assert plan.backend == "offline" and outcome.requests == 2 and "Sprachmodell" in plan.note
    assert plan.agenda == compose_plan(request, "de", CATALOG.agendas, [], None).agenda


def test_a_block_keeps_its_purpose_when_the_words_lose_it() -> None:
    request = PlanRequest("Feedbackkultur", 60, 1, 6)
    answer = wording(request)
    for block in answer["agenda"]:
        block["title"] = "Gespräch"  # no block says any more what it is for
    plan, outcome = service(FakeLLM([answer])).plan("Feedbackkultur", 60, 1, 6, lang="de")
    frame = plan_frame(request, "de", CATALOG.agendas)
    kept = [i.title for i in plan.agenda if i.title != "Gespräch"]
    assert outcome.first_try_ok and check_plan(plan, request, "de") == []
    assert kept == [b.title for b in frame.blocks if b.title in kept] and len(kept) >= 3


def test_a_closed_guiding_question_is_sent_back_for_repair() -> None:
    request = PlanRequest("Feedbackkultur", 60, 3, 6)
    bad = wording(request)
    bad["agenda"][1]["guiding_question"] = "Haben Sie das verstanden?"
    llm = FakeLLM([bad, wording(request)])
    plan, outcome = service(llm).plan("Feedbackkultur", 60, 3, 6, lang="de")
    assert outcome.repaired and plan.backend == "openai"
    assert "'Haben Sie das verstanden?' is not an open question" in llm.calls[1][-1].content
