"""Follow-ups through the command line as a user types them: `tandem chat MESSAGE --conversation ID --json`.

A plan is edited turn by turn (length, language, exercise, the senior) and keeps what was not asked to change;
a follow-up question is condensed to a standalone one and answered from passages about the earlier subject;
a new request starts afresh. German and English.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.cli import indexed_bilingual, tandem

pytestmark = [pytest.mark.integration, pytest.mark.slow]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 12-document bilingual fixture, indexed through the CLI once for the module."""
    return indexed_bilingual(tmp_path_factory.mktemp("followups"))


def chat(workdir: Path, message: str, conversation: str | None = None) -> dict[str, Any]:
    args = ["chat", message, "--json", *(["--conversation", conversation] if conversation else [])]
    result = tandem(workdir, *args)
    assert result.returncode == 0, result.stderr
    turn: dict[str, Any] = json.loads(result.stdout)
    return turn


def minutes(plan: dict[str, Any]) -> int:
    return sum(int(item["minutes"]) for item in plan["agenda"])


def exercise_fits(plan: dict[str, Any]) -> bool:
    return plan["exercise"] is not None and plan["exercise"]["minutes"] in [
        i["minutes"] for i in plan["agenda"]
    ]


def questions(plan: dict[str, Any]) -> list[str]:
    return [q for item in plan["agenda"] for q in item["guiding_questions"]]


@pytest.mark.parametrize(
    ("request_", "length", "switch", "focus", "senior", "langs", "topic"),
    [
        (
            "prepare our second session on video calls, 45 minutes",
            "make it 30 minutes",
            "auf Deutsch bitte",
            "add an exercise on prompts",
            "the senior is sceptical about AI",
            ("en", "de"),
            "video calls",
        ),
        (
            "Bereite unsere zweite Sitzung zu Videokonferenzen vor, 60 Minuten",
            "nur 30 Minuten bitte",
            "in English please",
            "Füge eine Übung zu Prompts hinzu",
            "Meine Führungskraft ist skeptisch und hat wenig Zeit.",
            ("de", "en"),
            "Videokonferenzen",
        ),
    ],
    ids=["english", "german"],
)
def test_a_plan_is_edited_turn_by_turn(
    workdir: Path,
    request_: str,
    length: str,
    switch: str,
    focus: str,
    senior: str,
    langs: tuple[str, str],
    topic: str,
) -> None:
    first = chat(workdir, request_)
    cid, plan = first["conversation"], first["result"]
    assert first["mode"] == "prepare" and plan["session_number"] == 2 and plan["language"] == langs[0]
    assert plan["topic"] == topic

    shorter = chat(workdir, length, cid)
    assert (
        shorter["turn"] == f"{cid}/2"
        and shorter["mode"] == "prepare"
        and shorter["parameters"]["changed"] == ["length"]
    )
    result = shorter["result"]
    assert minutes(result) == result["minutes"] == 30 and exercise_fits(result)
    assert (result["topic"], result["session_number"], result["total_sessions"], result["language"]) == (
        topic,
        2,
        plan["total_sessions"],
        langs[0],
    )
    assert (
        result["agenda"][0]["title"] == plan["agenda"][0]["title"]
    )  # still a session 2: the check-in opens it

    switched = chat(workdir, switch, cid)["result"]
    assert switched["language"] == langs[1] and switched["topic"] == topic and minutes(switched) == 30
    assert switched["session_number"] == 2 and len(switched["agenda"]) == len(result["agenda"])
    assert not set(questions(switched)) & set(questions(result))  # same questions, other language

    focused = chat(workdir, focus, cid)
    exercise = focused["result"]["exercise"]
    assert focused["parameters"]["focus"].lower() == "prompts" and "prompt" in json.dumps(exercise).lower()
    assert minutes(focused["result"]) == 30 and exercise_fits(focused["result"])
    assert focused["result"]["language"] == langs[1] and focused["result"]["topic"] == topic

    context = chat(workdir, senior, cid)
    adapted = context["result"]
    assert context["parameters"]["changed"] == ["senior"] and senior.rstrip(".") in adapted["senior"]
    assert len(questions(adapted)) > len(questions(focused["result"]))  # the concerns get a question
    assert adapted["exercise"]["title"] == exercise["title"] and minutes(adapted) == 30
    assert (adapted["topic"], adapted["language"], adapted["session_number"]) == (topic, langs[1], 2)

    shown = json.loads(tandem(workdir, "history", "show", cid, "--json").stdout)
    assert shown["turns"] == 5 and shown["state"]["parameters"]["focus"].lower() == "prompts"


@pytest.mark.parametrize(
    ("question", "follow_up", "subject", "new_question", "new_doc"),
    [
        (
            "What is active listening?",
            "give me an example of that",
            "active listening",
            "How do I run a team retrospective?",
            "retro.en",
        ),
        (
            "Was ist aktives Zuhören?",
            "Gib mir ein Beispiel dazu",
            "aktives Zuhören",
            "Woran erkenne ich Phishing-Mails?",
            "phishing.de",
        ),
    ],
    ids=["english", "german"],
)
def test_a_follow_up_question_is_answered_from_the_earlier_subject(
    workdir: Path, question: str, follow_up: str, subject: str, new_question: str, new_doc: str
) -> None:
    first = chat(workdir, question)
    cid = first["conversation"]
    assert first["mode"] == "ask" and "listening.de" in [s["doc_id"] for s in first["result"]["sources"]]

    second = chat(workdir, follow_up, cid)
    parameters = second["parameters"]
    assert second["mode"] == "ask" and second["route"]["reason"].startswith("follow-up")
    assert parameters["question"] == follow_up and subject in parameters["standalone"]
    assert parameters["condensed_by"] == "rules" and second["result"]["grounded"]
    assert "listening.de" in [s["doc_id"] for s in second["result"]["sources"]]

    fresh = chat(workdir, new_question, cid)
    assert fresh["turn"] == f"{cid}/3" and "standalone" not in fresh["parameters"]
    assert new_doc in [s["doc_id"] for s in fresh["result"]["sources"]]
    assert "listening.de" not in [s["doc_id"] for s in fresh["result"]["sources"]]
