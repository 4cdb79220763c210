"""The modes eval's `mentions_any`: searched only in what the product wrote, never in the echoed input."""

from __future__ import annotations

from assistant.evaluation.modes import ModeCase, _expectations
from assistant.modes.prepare.models import AgendaItem, SessionPlan
from assistant.modes.reflect.models import ReflectionItem, ReflectionSet


def _reflect_case(words: list[str]) -> ModeCase:
    return ModeCase(
        id="u1",
        mode="reflect",
        lang="de",
        input={"context": "x", "kind": "after-session"},
        expect={"mentions_any": words},
        split="dev",
    )


def _reflection(questions: list[str], context: str, intro: str = "Fragen zu Ihrer Sitzung.") -> ReflectionSet:
    items = [ReflectionItem(label="description", question=q) for q in questions]
    return ReflectionSet(intro=intro, items=items, kind="after-session", context=context, language="de")


GENERIC = ["Was ist passiert?", "Wie ging es Ihnen dabei?", "Was nehmen Sie sich vor?"]


def test_a_word_only_in_the_users_text_does_not_count() -> None:
    result = _reflection(GENERIC, context="Heute ging es um Excel-Pivottabellen.")
    assert _expectations(_reflect_case(["Pivottabelle"]), result, None) == {"mentions_any": False}


def test_a_word_only_in_the_intro_does_not_count() -> None:
    result = _reflection(GENERIC, context="Excel", intro="Fragen zu Ihrer Sitzung über Pivottabellen.")
    assert _expectations(_reflect_case(["Pivottabelle"]), result, None) == {"mentions_any": False}


def test_a_word_in_a_question_counts() -> None:
    questions = [*GENERIC[:2], "Wofür nutzen Sie die Pivottabelle als Nächstes?"]
    result = _reflection(questions, context="Heute ging es um Excel.")
    assert _expectations(_reflect_case(["Pivottabelle"]), result, None) == {"mentions_any": True}


def test_a_plans_topic_and_senior_are_echoes() -> None:
    agenda = [
        AgendaItem(title="Ankommen", minutes=10, activity="Kurz erzählen, was war."),
        AgendaItem(title="Üben", minutes=20, activity="Gemeinsam ausprobieren."),
    ]
    plan = SessionPlan(
        title="Sitzung 2",
        goals=["Einen ersten Schritt gehen"],
        agenda=agenda,
        topic="Rückblick auf Check-in-Routinen",
        senior="mag keinen Check-in",
        minutes=30,
        language="de",
    )
    case = ModeCase(
        id="u2", mode="prepare", lang="de", input={}, expect={"mentions_any": ["Check-in"]}, split="dev"
    )
    assert _expectations(case, plan, None) == {"mentions_any": False}
    plan.agenda[0].title = "Check-in"
    assert _expectations(case, plan, None) == {"mentions_any": True}
