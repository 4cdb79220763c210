"""`tandem eval plans`: session plans measured against what a mentor would hand over.

The dataset (`evals/datasets/plans/cases.jsonl`) holds plan requests (topic, minutes, session n of m, the
senior's context, language) with expectations labelled by hand from the programme material
(first-session, session-structure, preparing-sessions, explaining-digital-tools, difficult-moments):

- `blocks`: what the agenda must hold. A first session: getting to know each other, expectations, the learning
  agreement and a wrap-up, plus a first small win on the senior's device for a digital topic from 45 minutes
  on. A regular session: check-in, goal, hands-on exercise, reflection, next steps; session 2 finalises the
  learning agreement (from 30 minutes), the mid-way sessions review it (from 45 minutes), 90 minutes and
  more need a break. A closing session: check-in, review of goals, final reflection, feedback, outlook or
  farewell, and from 60 minutes the senior shows what they can do.
- `exercise_about`: words any good exercise on the topic contains (the tool or the action), never the pasted
  topic; `context_effect`: words the senior's context should bring into the plan; `must_not`: sentences that
  paste the topic where it does not fit.

No metric reads a field that echoes the input: the title, the topic and the senior are left out, and the
verbatim topic (a phrase of two or more words) and every clause of the senior's context are cut from what is
read. `context_used` compares the plan with the plan for the same request without the context: the context
must add its effect, not find it already there.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.evaluation.dataset import DATASETS, Split, SplitChoice, load_jsonl
from assistant.evaluation.metrics import rate
from assistant.evaluation.suite import SplitReport, Suite, require_index
from assistant.text.language import Lang

if TYPE_CHECKING:
    from assistant.container import Services
    from assistant.modes.prepare.models import SessionPlan

DEFAULT_DATASET = DATASETS / "plans" / "cases.jsonl"

Block = Literal[
    "getting_to_know",
    "expectations",
    "learning_agreement",
    "check_in",
    "goal",
    "exercise",
    "break",
    "reflection",
    "next_steps",
    "goal_review",
    "feedback",
    "outlook",
]
# What a block is called in a mentor's words, German and English (titles and activities of the agenda).
BLOCK_WORDS: dict[str, str] = {
    "getting_to_know": r"kennenlern|kennen ?lernen|vorstell|ankommen|introduc|get(?:ting)? to know|arrival|welcome"
    r"|willkommen|icebreaker",
    "expectations": r"erwartung|expectation|hoffnung|hope",
    "learning_agreement": r"lernvereinbarung|learning agreement",
    "check_in": r"check-?\s?in|rückblick|letzte[nrms]? (?:sitzung|treffen|mal)|last (?:session|time)"
    r"|seit dem letzten|since (?:the )?last|recap",
    "goal": r"ziel|goal",
    "exercise": r"praxis|übung|hands-on|practi[cs]e|exercise|ausprobier|\btry|zeigen, was|show what|erfolg|win\b",
    "break": r"pause|\bbreak\b",
    "reflection": r"reflexion|reflektier|reflect|auswertung|debrief",
    "next_steps": r"nächste[nr]? (?:schritt|sitzung|termin|treffen)|next (?:step|session|time|date)|abschluss"
    r"|wrap-?\s?up|ausblick|outlook|hausaufgabe|übungsaufgabe|practice task",
    "goal_review": r"zielüberprüf|ziele?\b.{0,40}(?:überprüf|erreicht|durchgehen)|review of (?:the )?goals"
    r"|goals?\b.{0,40}(?:review|reached)",
    "feedback": r"rückmeldung|feedback",
    "outlook": r"ausblick|outlook|abschied|farewell|nach dem programm|after the programme|weitergeht",
}
_MINUTES = re.compile(r"(\d+)\s*(?:-\s*)?(?:minuten|minutes?|min\b)", re.IGNORECASE)
_STEP_MINUTES = re.compile(r"\((\d+)\s*(?:minuten|minutes?|min)\.?\)", re.IGNORECASE)
_SESSION_OF = re.compile(r"(?:sitzung|session)\s+(\d+)\s+(?:von|of)\s+(\d+)", re.IGNORECASE)
_SESSION_NO = re.compile(r"(?:sitzung|session)\s+(?:nr\.\s*)?(\d+)", re.IGNORECASE)
_N_SESSIONS = re.compile(r"\b(\w+)\s+(?:sitzungen|sessions)\b", re.IGNORECASE)
_NUMBER_WORDS = {
    w: n
    for n, words in enumerate(
        [
            (),
            ("eins", "ein", "eine", "one"),
            ("zwei", "two"),
            ("drei", "three"),
            ("vier", "four"),
            ("fünf", "five"),
            ("sechs", "six"),
            ("sieben", "seven"),
            ("acht", "eight"),
            ("neun", "nine"),
            ("zehn", "ten"),
            ("elf", "eleven"),
            ("zwölf", "twelve"),
        ]
    )
    for w in words
}
METRICS = ("block_coverage", "exercise_fit", "numbers_agree", "context_used", "no_pasted_topic")


class PlanCase(BaseModel):
    """One plan request and what a mentor would expect of its plan."""

    model_config = ConfigDict(extra="forbid")
    id: str
    split: Split
    lang: Lang
    topic: str
    minutes: int = Field(ge=10, le=240)
    session: int = Field(ge=1)
    of: int = Field(ge=1)
    senior: str = ""
    blocks: list[Block] = Field(min_length=1)
    exercise_about: list[str] = Field(default_factory=list)
    context_effect: list[str] = Field(default_factory=list)
    must_not: list[str] = Field(default_factory=list)
    note: str = ""


def load_cases(path: Path = DEFAULT_DATASET, split: SplitChoice = "all") -> list[PlanCase]:
    """Read the JSONL dataset (optionally one split); a bad line is reported with its number."""
    return load_jsonl(path, PlanCase, split)


def echoes(case: PlanCase) -> list[str]:
    """The parts of the request a plan may repeat without having done anything with them.

    >>> echoes(PlanCase(id="x", split="dev", lang="de", topic="Zoom für Kunden", minutes=45, session=1, of=6,
    ...                 senior="telefoniert lieber, skeptisch", blocks=["goal"]))
    ['Zoom für Kunden', 'telefoniert lieber', 'skeptisch']
    """
    parts = [case.topic.strip()] if len(case.topic.split()) > 1 else []
    parts += [p.strip() for p in re.split(r"[,;.()]|\s[-–]\s", case.senior) if len(p.strip()) > 2]
    return parts


def _cut(text: str, parts: Iterable[str]) -> str:
    for part in sorted(parts, key=len, reverse=True):
        text = re.sub(re.escape(part), " ", text, flags=re.IGNORECASE)
    return text


def _block_text(plan: SessionPlan, case: PlanCase) -> list[str]:
    return [_cut(f"{i.title}. {i.activity}", echoes(case)).lower() for i in plan.agenda]


def readable(plan: SessionPlan, case: PlanCase) -> str:
    """Everything a mentor reads in the plan except its header, with the echoes of the request cut out."""
    parts = [*plan.goals, *plan.materials, *plan.next_time]
    for item in plan.agenda:
        parts += [item.title, item.activity, *item.guiding_questions]
    if plan.exercise is not None:
        parts += [plan.exercise.title, *plan.exercise.steps]
    return _cut("\n".join(parts), echoes(case))


def covered_blocks(plan: SessionPlan, case: PlanCase) -> list[str]:
    """The labelled blocks the agenda holds."""
    blocks = _block_text(plan, case)
    return [b for b in case.blocks if any(re.search(BLOCK_WORDS[b], text) for text in blocks)]


def exercise_problems(plan: SessionPlan, case: PlanCase) -> list[str]:
    """Why the exercise does not fit: missing, outside the agenda, steps that do not add up, off the subject."""
    wanted = "exercise" in case.blocks or bool(case.exercise_about)
    exercise = plan.exercise
    if exercise is None:
        return ["no exercise"] if wanted else []
    problems = []
    title_words = {w for w in re.findall(r"\w{5,}", exercise.title.lower())}
    holders = [
        text
        for item, text in zip(plan.agenda, _block_text(plan, case), strict=True)
        if item.minutes == exercise.minutes
        and (re.search(BLOCK_WORDS["exercise"], text) or title_words & set(re.findall(r"\w{5,}", text)))
    ]
    if not holders:
        problems.append(f"no {exercise.minutes}-minute practice block in the agenda holds the exercise")
    step_minutes = [int(m) for step in exercise.steps for m in _STEP_MINUTES.findall(step)]
    if step_minutes and sum(step_minutes) != exercise.minutes:
        problems.append(f"steps take {sum(step_minutes)} minutes, the exercise {exercise.minutes}")
    if case.exercise_about:
        steps = _cut(" ".join(exercise.steps), echoes(case)).lower()
        if not any(word.lower() in steps for word in case.exercise_about):
            problems.append(f"steps name none of {case.exercise_about}")
    return problems


def number_problems(plan: SessionPlan, case: PlanCase) -> list[str]:
    """Numbers that disagree: the agenda's sum, minutes inside a block or the exercise, session numbers."""
    problems = []
    total = sum(item.minutes for item in plan.agenda)
    if total != case.minutes:
        problems.append(f"agenda sums to {total}, the session has {case.minutes}")
    for item in plan.agenda:
        said = [int(m) for text in (item.activity, *item.guiding_questions) for m in _MINUTES.findall(text)]
        if any(m > item.minutes for m in said):
            problems.append(f"block '{item.title}' ({item.minutes} min) speaks of {max(said)} minutes")
    if plan.exercise is not None:
        if plan.exercise.minutes > case.minutes:
            problems.append(f"exercise of {plan.exercise.minutes} minutes in a {case.minutes}-minute session")
        for m in _MINUTES.findall(plan.exercise.title):
            if int(m) != plan.exercise.minutes:
                problems.append(f"exercise title says {m} minutes, the exercise has {plan.exercise.minutes}")
    text = readable(plan, case)
    for n, of in _SESSION_OF.findall(text):
        if int(of) != case.of or int(n) > case.of:
            problems.append(f"'session {n} of {of}' in a programme of {case.of} sessions")
    if any(int(n) > case.of for n in _SESSION_NO.findall(text)):
        problems.append(f"a session number above {case.of}")
    for word in _N_SESSIONS.findall(text):
        count = int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower())
        if count is not None and count > case.of:
            problems.append(f"'{word} sessions' in a programme of {case.of}")
    return problems


def effect_count(plan: SessionPlan, case: PlanCase) -> int:
    """How often the labelled effect of the senior's context shows in the plan (echoes cut)."""
    text = readable(plan, case).lower()
    return sum(text.count(word.lower()) for word in case.context_effect)


def pasted(plan: SessionPlan, case: PlanCase) -> list[str]:
    """The labelled must-not patterns found anywhere in the plan's text."""
    parts = [plan.title, *plan.goals, *plan.materials, *plan.next_time]
    for item in plan.agenda:
        parts += [item.title, item.activity, *item.guiding_questions]
    if plan.exercise is not None:
        parts += [plan.exercise.title, *plan.exercise.steps]
    text = "\n".join(parts).lower()
    return [pattern for pattern in case.must_not if pattern.lower() in text]


def evaluate_plans(services: Services, cases: list[PlanCase]) -> SplitReport:
    """Plan every case (and, for a labelled context, the same request without it) and score the plans."""
    found = labelled = 0
    tallies = {name: [0, 0] for name in METRICS if name != "block_coverage"}
    failures: list[str] = []
    for case in cases:
        plan, _ = services.prepare.plan(
            case.topic, case.minutes, case.session, case.of, case.senior, case.lang
        )
        blocks = covered_blocks(plan, case)
        found, labelled = found + len(blocks), labelled + len(case.blocks)
        problems = [f"missing block {b}" for b in case.blocks if b not in blocks]
        results: dict[str, list[str] | None] = {
            "exercise_fit": exercise_problems(plan, case)
            if plan.exercise is not None or "exercise" in case.blocks or case.exercise_about
            else None,
            "numbers_agree": number_problems(plan, case),
            "no_pasted_topic": [f"pasted: {p}" for p in pasted(plan, case)],
            "context_used": None,
        }
        if case.context_effect:
            control, _ = services.prepare.plan(case.topic, case.minutes, case.session, case.of, "", case.lang)
            with_context, without = effect_count(plan, case), effect_count(control, case)
            results["context_used"] = (
                [] if with_context > without else [f"context adds none of {case.context_effect}"]
            )
        for name, found_problems in results.items():
            if found_problems is None:
                continue
            tallies[name][1] += 1
            tallies[name][0] += int(not found_problems)
            problems += found_problems
        if problems:
            failures.append(f"{case.id}: {'; '.join(problems)}")
    metrics = {"block_coverage": rate(found, labelled)}
    metrics.update({name: rate(passed, total) for name, (passed, total) in tallies.items()})
    details = {"n_" + name: total for name, (_, total) in tallies.items()}
    return SplitReport(n=len(cases), metrics=metrics, failures=failures, details=details)


def _run(path: Path, split: Split, services: Services | None, options: argparse.Namespace) -> SplitReport:
    services = require_index(services)
    return evaluate_plans(services, load_cases(path, split))


SUITE = Suite(
    name="plans",
    description="session plans against hand-labelled blocks, exercise subject, numbers, context and pasted topics",
    dataset=DEFAULT_DATASET,
    run=_run,
    # measured on the fresh test split (44 requests written before any measurement; the old test split, looked at
    # while the senior-context word lists were tuned, is now dev), offline on the shipped material, less a margin of
    # at most 0.02 (dev: exercise_fit 0.982, context_used 0.917). On test, exercise steps name nothing of the tool
    # for Power BI, Power Query, Asana, 2FA/MFA, breakout rooms, Teams telephony, e-invoices, Drive sharing and
    # fact-checking; the context adds nothing a mentor would adapt for most new phrasings (low vision, hearing,
    # tablet, travel, paper, strong opinions, repeated cancellations, a legal counsel)
    thresholds={
        "block_coverage": 1.0,
        "exercise_fit": 0.71,
        "numbers_agree": 1.0,
        "context_used": 0.35,
        "no_pasted_topic": 1.0,
    },
)
