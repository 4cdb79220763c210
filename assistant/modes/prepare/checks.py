"""The rules a session plan must meet, whoever wrote it."""

from __future__ import annotations

import re

from assistant.catalog import SessionKind
from assistant.modes.checks import check_language, check_open_questions
from assistant.modes.prepare.models import PlanContent, PlanRequest
from assistant.text.language import Lang

_FIRST = {
    "getting to know each other": r"kennenlern|vorstell|get(ting)? to know|introduc|ankommen",
    "expectations": r"erwartung|expectation|hoffnung|hopes",
    "the learning agreement": r"lernvereinbarung|learning agreement",
}
_CHECK_IN = r"check-in|rückblick|letzte[nr]? sitzung|last session|recap|review of|was ist seit"


def block_purposes(text: str, kind: SessionKind) -> set[str]:
    """The rules of `check_plan` a block's title and activity meet: what the block is there for.

    >>> sorted(block_purposes("Lernvereinbarung: Erwartungen festhalten", "first"))
    ['expectations', 'the learning agreement']
    >>> block_purposes("Rückblick auf die letzte Sitzung", "regular")
    {'the check-in'}
    """
    patterns = _FIRST if kind == "first" else {"the check-in": _CHECK_IN}
    return {what for what, pattern in patterns.items() if re.search(pattern, text.lower())}


def check_plan(plan: PlanContent, request: PlanRequest, lang: Lang) -> list[str]:
    """The deterministic rules a session plan must meet."""
    errors: list[str] = []
    total = sum(item.minutes for item in plan.agenda)
    if total != request.minutes:
        errors.append(
            f"agenda minutes add up to {total}, but the session has {request.minutes} minutes: "
            "adjust the blocks so they sum exactly"
        )
    text = " ".join(f"{i.title} {i.activity}" for i in plan.agenda).lower()
    if request.kind == "first":
        for what, pattern in _FIRST.items():
            if not re.search(pattern, text):
                errors.append(f"a first session must include {what}: add an agenda block for it")
    elif plan.agenda and not re.search(
        _CHECK_IN, f"{plan.agenda[0].title} {plan.agenda[0].activity}".lower()
    ):
        errors.append(
            "a later session must open with a check-in on the last session: make it the first block"
        )
    questions = [q for item in plan.agenda for q in item.guiding_questions]
    if not questions:
        errors.append("add open guiding questions to the agenda blocks")
    errors += check_open_questions(questions, lang, "guiding question")
    if request.digital and (plan.exercise is None or len(plan.exercise.steps) < 2):
        errors.append("a digital topic needs a hands-on exercise with at least two concrete steps")
    if plan.exercise is not None and plan.exercise.minutes > request.minutes:
        errors.append("the exercise is longer than the whole session")
    if any(not g.strip() for g in plan.goals):
        errors.append("goals must not be empty")
    readable = [plan.title, *plan.goals, *(f"{i.title}. {i.activity}" for i in plan.agenda)]
    errors += check_language(readable, lang, "the plan")
    return errors
