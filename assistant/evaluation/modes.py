"""`tandem eval modes`: every coaching mode on labelled cases, with the modes' own checks plus expectations."""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.errors import InputError
from assistant.evaluation.dataset import DATASETS, Split, SplitChoice, load_jsonl
from assistant.evaluation.suite import SplitReport, Suite, require_index
from assistant.modes.feedback.checks import check_feedback
from assistant.modes.feedback.models import FeedbackDraft
from assistant.modes.generation import Outcome
from assistant.modes.prepare.checks import check_plan
from assistant.modes.prepare.models import PlanContent, PlanRequest, SessionPlan
from assistant.modes.reflect.checks import check_reflection
from assistant.modes.reflect.models import ReflectionSet
from assistant.text.language import Lang

if TYPE_CHECKING:
    from assistant.container import Services

DEFAULT_DATASET = DATASETS / "modes" / "cases.jsonl"
EXPECT_KEYS = {
    "mentions_any",
    "has_exercise",
    "flags_include",
    "kinds_include",
    "no_flags",
    "min_items",
    "labels_include",
    "route",
}


class ModeCase(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    mode: Literal["prepare", "feedback", "reflect", "chat"]
    lang: Lang
    input: dict[str, Any]
    expect: dict[str, Any] = Field(min_length=1)
    split: Split
    note: str = ""


class Tally(BaseModel):
    passed: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.passed / self.total if self.total else 0.0


class ModesReport(BaseModel):
    backend: str
    by_mode: dict[str, Tally]
    by_check: dict[str, Tally]
    failures: dict[str, list[str]]
    llm_first_try: Tally | None = None
    llm_after_repair: Tally | None = None
    prompt_versions: dict[str, str] = Field(default_factory=dict)


def load_mode_cases(path: Path = DEFAULT_DATASET, split: SplitChoice = "all") -> list[ModeCase]:
    """Read the JSONL dataset (optionally one split); an unknown expectation is reported with the case id."""
    cases = load_jsonl(path, ModeCase, split)
    for case in cases:
        unknown = set(case.expect) - EXPECT_KEYS
        if unknown:
            raise InputError(f"{path.name}: case {case.id} has unknown expectation(s) {sorted(unknown)}")
    return cases


# Fields of a result that echo the request (the user's text, topic or senior) or are not words at all:
# an expectation about what the product wrote is never searched in them.
_NOT_GENERATED = {"sources", "note", "language", "backend", "kind", "context", "remark", "topic", "senior"}


def _generated_text(result: BaseModel) -> str:
    """The words the product wrote, lower case: a reflection's questions, a plan's content (title, goals, agenda,
    exercise, materials, next time); never the fields that echo the input."""
    if isinstance(result, ReflectionSet):
        return "\n".join(item.question for item in result.items).lower()
    if isinstance(result, SessionPlan):
        return json.dumps(
            result.model_dump(include=set(PlanContent.model_fields)), ensure_ascii=False
        ).lower()
    return json.dumps(result.model_dump(exclude=_NOT_GENERATED), ensure_ascii=False).lower()


def _expectations(case: ModeCase, result: BaseModel, route: str | None) -> dict[str, bool]:
    """Each expectation of the case: name -> passed."""
    e, out = case.expect, {}
    if "mentions_any" in e:
        text = _generated_text(result)
        out["mentions_any"] = any(word.lower() in text for word in e["mentions_any"])
    if "has_exercise" in e and isinstance(result, SessionPlan):
        out["has_exercise"] = (result.exercise is not None) == bool(e["has_exercise"])
    if isinstance(result, FeedbackDraft):
        spans = [(f.start, f.end) for f in result.flags]
        if "flags_include" in e:
            out["flags_include"] = all(_covered(result.remark, word, spans) for word in e["flags_include"])
        if "kinds_include" in e:
            out["kinds_include"] = set(e["kinds_include"]) <= {f.kind for f in result.flags}
        if "no_flags" in e:
            out["no_flags"] = not result.flags
    if isinstance(result, ReflectionSet):
        if "min_items" in e:
            out["min_items"] = len(result.items) >= int(e["min_items"])
        if "labels_include" in e:
            out["labels_include"] = set(e["labels_include"]) <= {i.label for i in result.items}
    if "route" in e:
        out["route"] = route == e["route"]
    return out


def _covered(remark: str, word: str, spans: list[tuple[int, int]]) -> bool:
    for match in re.finditer(re.escape(word), remark, re.IGNORECASE):
        if any(start <= match.start() and match.end() <= end for start, end in spans):
            return True
    return False


def _run(services: Services, case: ModeCase) -> tuple[BaseModel, Outcome | None, str | None, list[str]]:
    """Run one case; return the result, its outcome, the route (chat) and the mode's own check errors."""
    i = case.input
    if case.mode == "prepare":
        request = PlanRequest(
            i["topic"], int(i["minutes"]), int(i.get("session", 1)), int(i.get("of", 6)), i.get("senior", "")
        )
        plan, outcome = services.prepare.plan(
            request.topic, request.minutes, request.session, request.of, request.senior, case.lang
        )
        return plan, outcome, None, check_plan(plan, request, plan.language)
    if case.mode == "feedback":
        draft, outcome = services.feedback.coach(i["remark"], i.get("context", ""), case.lang)
        return (
            draft,
            outcome,
            None,
            check_feedback(draft, draft.remark, draft.language, services.catalog.phrases),
        )
    if case.mode == "reflect":
        result, outcome = services.reflect.reflect(i["context"], i["kind"], case.lang)
        return result, outcome, None, check_reflection(result, result.language, result.kind, result.context)
    from assistant.conversation.dispatch import respond

    turn = respond(services, i["message"], lang=case.lang)
    return turn.result, turn.outcome, turn.route.mode, _checks_of(services, turn.result)


def _checks_of(services: Services, result: BaseModel) -> list[str]:
    """The own checks of whichever mode the router picked (a grounded answer has its citations checked)."""
    if isinstance(result, SessionPlan):
        request = PlanRequest(result.topic, result.minutes, result.session_number, result.total_sessions)
        return check_plan(result, request, result.language)
    if isinstance(result, FeedbackDraft):
        return check_feedback(result, result.remark, result.language, services.catalog.phrases)
    if isinstance(result, ReflectionSet):
        return check_reflection(result, result.language, result.kind, result.context)
    return []


def evaluate_modes(
    services: Services,
    cases: list[ModeCase],
    progress: Callable[[int, int], None] | None = None,
) -> ModesReport:
    by_mode: dict[str, Tally] = defaultdict(Tally)
    by_check: dict[str, Tally] = defaultdict(Tally)
    failures: dict[str, list[str]] = {}
    first, repaired = Tally(), Tally()
    for n, case in enumerate(cases, start=1):
        result, outcome, route, errors = _run(services, case)
        checks = {"mode_checks": not errors, **_expectations(case, result, route)}
        if case.mode != "chat":
            checks["language"] = getattr(result, "language", None) == case.lang
        for name, ok in checks.items():
            by_check[f"{case.mode}.{name}"].total += 1
            by_check[f"{case.mode}.{name}"].passed += int(ok)
        by_mode[case.mode].total += 1
        by_mode[case.mode].passed += int(all(checks.values()))
        if not all(checks.values()):
            failures[case.id] = [name for name, ok in checks.items() if not ok] + errors[:3]
        if outcome is not None and outcome.first_try_ok is not None:
            first.total += 1
            repaired.total += 1
            first.passed += int(outcome.first_try_ok)
            repaired.passed += int(outcome.first_try_ok or outcome.repaired)
        if progress:
            progress(n, len(cases))
    llm = services.llm is not None
    return ModesReport(
        backend="openai" if llm else "offline",
        by_mode=dict(by_mode),
        by_check=dict(sorted(by_check.items())),
        failures=failures,
        llm_first_try=first if llm else None,
        llm_after_repair=repaired if llm else None,
        prompt_versions=_prompt_versions(services),
    )


def _prompt_versions(services: Services) -> dict[str, str]:
    from assistant import prompts

    versions = {}
    for path in sorted(services.settings.prompts_dir.glob("*.yaml")):
        versions[path.stem] = prompts.load(path.stem, services.settings.prompts_dir).version
    return versions


def format_modes_report(report: ModesReport) -> str:
    lines = [
        f"backend: {report.backend}   prompts: {', '.join(f'{k} v{v}' for k, v in report.prompt_versions.items())}"
    ]
    for mode, tally in report.by_mode.items():
        lines.append(f"{mode:10} {tally.passed:>3}/{tally.total:<3} {tally.rate:6.1%}")
    lines.append("checks:")
    for name, tally in report.by_check.items():
        lines.append(f"  {name:28} {tally.passed:>3}/{tally.total:<3} {tally.rate:6.1%}")
    if report.llm_first_try:
        lines.append(
            f"LLM first try: {report.llm_first_try.rate:.1%} of {report.llm_first_try.total}; "
            f"after repair: {report.llm_after_repair.rate if report.llm_after_repair else 0:.1%}"
        )
    for case_id, problems in report.failures.items():
        lines.append(f"FAIL {case_id}: {'; '.join(problems)}")
    return "\n".join(lines)


def _run_split(
    path: Path, split: Split, services: Services | None, options: argparse.Namespace
) -> SplitReport:
    services = require_index(services)
    only, limit = getattr(options, "only", None), getattr(options, "limit", None)
    cases = [c for c in load_mode_cases(path, split) if only in (None, c.mode)]
    if limit:
        by_mode: dict[str, list[ModeCase]] = defaultdict(list)
        for case in cases:
            by_mode[case.mode].append(case)
        cases = [case for group in by_mode.values() for case in group[:limit]]
    report = evaluate_modes(services, cases)
    metrics = {mode: round(tally.rate, 4) for mode, tally in report.by_mode.items()}
    if report.llm_first_try and report.llm_after_repair:
        metrics["llm_first_try"] = round(report.llm_first_try.rate, 4)
        metrics["llm_after_repair"] = round(report.llm_after_repair.rate, 4)
    return SplitReport(
        n=len(cases),
        metrics=metrics,
        failures=[f"{case_id}: {'; '.join(problems)}" for case_id, problems in report.failures.items()],
        details=report.model_dump(exclude={"failures"}),
    )


SUITE = Suite(
    name="modes",
    description="every mode end to end (the LLM path when one is configured): first-try and repair rates",
    dataset=DEFAULT_DATASET,
    run=_run_split,
)
