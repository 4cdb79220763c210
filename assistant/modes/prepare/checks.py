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
_PRACTICE = (
    r"praxis|übung|hands-on|practi[cs]e|exercise|ausprobier|zeigen, was|show what|erfolg|\bwin\b|rollenspiel"
)
_MINUTES = re.compile(r"(\d+)\s*(?:-\s*)?(?:minuten|minutes?|min\b)", re.IGNORECASE)
_STEP_MINUTES = re.compile(r"\((\d+)\s*(?:minuten|minute|min\.?|minutes?)\)", re.IGNORECASE)
_SESSION_OF = re.compile(r"(?:sitzung|session)\s+(\d+)\s+(?:von|of)\s+(\d+)", re.IGNORECASE)


def block_purposes(text: str, kind: SessionKind) -> set[str]:
    """The rules of `check_plan` a block's title and activity meet: what the block is there for.

    >>> sorted(block_purposes("Lernvereinbarung: Erwartungen festhalten", "first"))
    ['expectations', 'the learning agreement']
    >>> sorted(block_purposes("Rückblick auf die letzte Sitzung", "regular"))
    ['the check-in']
    >>> block_purposes("Praxisteil: Zoom", "regular")
    {'the hands-on exercise'}
    """
    patterns = dict(_FIRST) if kind == "first" else {"the check-in": _CHECK_IN}
    patterns["the hands-on exercise"] = _PRACTICE
    return {what for what, pattern in patterns.items() if re.search(pattern, text.lower())}


def needs_exercise(request: PlanRequest) -> bool:
    """Regular sessions practise; a first session on a digital topic, or with an exercise asked for, ends
    with a first small win."""
    return request.kind == "regular" or (request.kind == "first" and (request.digital or bool(request.focus)))


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
    if needs_exercise(request) and (plan.exercise is None or len(plan.exercise.steps) < 2):
        errors.append("this session needs a hands-on exercise with at least two concrete steps")
    errors += check_exercise(plan, request)
    errors += check_numbers(plan, request)
    if any(not g.strip() for g in plan.goals):
        errors.append("goals must not be empty")
    readable = [plan.title, *plan.goals, *(f"{i.title}. {i.activity}" for i in plan.agenda)]
    errors += check_language(readable, lang, "the plan")
    return errors


def check_exercise(plan: PlanContent, request: PlanRequest) -> list[str]:
    """The exercise is a block of the agenda (same minutes, a practice block) and its steps add up to it."""
    exercise = plan.exercise
    if exercise is None:
        return []
    if exercise.minutes > request.minutes:
        return ["the exercise is longer than the whole session"]
    errors = []
    if not any(
        item.minutes == exercise.minutes and re.search(_PRACTICE, f"{item.title} {item.activity}".lower())
        for item in plan.agenda
    ):
        errors.append(
            f"the exercise ({exercise.minutes} min) is not a block of the agenda: it must fill the practice "
            "block and have its minutes"
        )
    given = [int(m) for step in exercise.steps for m in _STEP_MINUTES.findall(step)]
    if given and sum(given) != exercise.minutes:
        errors.append(
            f"the exercise steps take {sum(given)} minutes, but the exercise has {exercise.minutes}: make them "
            "add up"
        )
    if any(int(m) != exercise.minutes for m in _MINUTES.findall(exercise.title)):
        errors.append(f"the exercise title names other minutes than its {exercise.minutes}")
    return errors


def check_numbers(plan: PlanContent, request: PlanRequest) -> list[str]:
    """Every number agrees: minutes inside a block fit the block, session numbers fit the programme."""
    errors = []
    for item in plan.agenda:
        said = [int(m) for text in (item.activity, *item.guiding_questions) for m in _MINUTES.findall(text)]
        if any(m > item.minutes for m in said):
            errors.append(f"the block '{item.title}' has {item.minutes} minutes but speaks of {max(said)}")
    texts = [*plan.goals, *plan.materials, *plan.next_time, *(i.activity for i in plan.agenda)]
    for n, of in _SESSION_OF.findall(" ".join(texts)):
        if int(of) != request.of or int(n) > request.of:
            errors.append(f"'{n} of {of}' does not fit a programme of {request.of} sessions")
    return errors
