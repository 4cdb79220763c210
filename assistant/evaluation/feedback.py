"""`tandem eval feedback`: does the feedback coach flag what a trainer would flag, and only that?

The dataset (`evals/datasets/feedback/cases.jsonl`) holds remarks labelled by hand: the spans a trainer would
flag (`must_flag`), the spans that must stay unflagged (`must_not_flag`: own feelings, thanks, praise, quoted
words of others), the kind of remark and the facts a rewrite must keep. The metrics:

- `flag_precision`: flags that overlap a `must_flag` span and no `must_not_flag` span, of all flags.
- `flag_recall`: `must_flag` spans overlapped by a flag, of all `must_flag` spans.
- `no_flag_survives`: of the cases with a flag or a `must_flag` span, those where neither a flagged phrase nor a
  `must_flag` span appears in any rewrite field.
- `facts_kept`: labelled facts that appear in the rewrite fields, of all labelled facts.
- `praise_coached`: praise cases coached as praise: no criticism wording, and vague praise gets a request for
  specifics (a placeholder for the behaviour and a question for what exactly), specific praise keeps a behaviour.

Only the rewrite fields are searched (SBI, I-message, feedforward), never a field that echoes the input (the
remark, the context, the flags) and never the receiving tips (advice to the receiver, not a rewrite).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, model_validator

from assistant.evaluation.dataset import DATASETS, Split, SplitChoice, load_jsonl
from assistant.evaluation.metrics import rate
from assistant.evaluation.suite import SplitReport, Suite, require_index
from assistant.modes.feedback.models import FeedbackDraft
from assistant.text.language import Lang

if TYPE_CHECKING:
    from assistant.container import Services

DEFAULT_DATASET = DATASETS / "feedback" / "cases.jsonl"
Kind = Literal["criticism", "vague_praise", "specific_praise", "mixed", "neutral_request"]
PRAISE: tuple[Kind, ...] = ("vague_praise", "specific_praise")
Span = tuple[int, int]

# What a criticism template says (a negative effect on the speaker, a wish for change): praise must not get it.
_CRITICISM = {
    "de": re.compile(
        r"\b(?:unsicher|verunsichert|irritiert|geärgert|verärgert|gestört|enttäuscht|verletzt|anders\s+machen|"
        r"problem\w*)",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:unsure|irritated|annoyed|frustrated|bothered|upset|hurt|disappointed|differently|problem\w*)\b",
        re.IGNORECASE,
    ),
}
# A request for specifics: the coach asks what exactly was good.
_SPECIFICS = {
    "de": re.compile(r"\b(?:konkret\w*|genau|welche[rsnm]?|woran)\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:specific\w*|exactly|which|concrete\w*|in\s+particular)\b", re.IGNORECASE),
}


def occurrences(text: str, phrase: str, *, prefix: bool = False) -> list[Span]:
    """Where `phrase` occurs in `text` (case-insensitive, any white space, ' and ’ alike), on whole words; with
    `prefix` the end may run on into a longer word ('interrupt' in 'interrupted').

    >>> occurrences("Alle, alle! Fallen.", "alle"), occurrences("You interrupted me", "interrupt", prefix=True)
    ([(0, 4), (6, 10)], [(4, 15)])
    """
    words = [re.escape(w).replace("'", "['’]") for w in phrase.replace("’", "'").split()]
    if not words:
        return []
    pattern = r"\s+".join(words)
    if phrase[:1].isalnum():
        pattern = r"(?<!\w)" + pattern
    if phrase[-1:].isalnum():
        pattern += r"\w*" if prefix else r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class FeedbackCase(BaseModel):
    """One remark with a trainer's labels."""

    model_config = ConfigDict(extra="forbid")
    id: str
    split: Split
    lang: Lang
    kind: Kind
    remark: str
    context: str = ""
    must_flag: list[str] = []
    must_not_flag: list[str] = []
    facts: list[str] = []
    note: str = ""

    @model_validator(mode="after")
    def _labels_are_in_the_remark(self) -> FeedbackCase:
        for name in ("must_flag", "must_not_flag", "facts"):
            for span in getattr(self, name):
                if not occurrences(self.remark, span, prefix=name == "facts"):
                    raise ValueError(f"{name}: {span!r} is not a substring of the remark; copy it exactly")
        return self

    def spans(self, name: Literal["must_flag", "must_not_flag"]) -> list[list[Span]]:
        """The occurrences in the remark of each labelled span."""
        return [occurrences(self.remark, span) for span in getattr(self, name)]


def load_cases(path: Path = DEFAULT_DATASET, split: SplitChoice = "all") -> list[FeedbackCase]:
    """Read the JSONL dataset (optionally one split); a bad line is reported with its number."""
    return load_jsonl(path, FeedbackCase, split)


def score_case(case: FeedbackCase, draft: FeedbackDraft) -> dict[str, Any]:
    """Counts and problems of one case: flags right and wrong, spans found, survivors, facts, praise."""
    flags = list(dict.fromkeys((f.start, f.end) for f in draft.flags))
    must = case.spans("must_flag")
    must_not = [span for spans in case.spans("must_not_flag") for span in spans]
    wrong = [
        f
        for f in flags
        if any(overlaps(f, s) for s in must_not) or not any(overlaps(f, s) for spans in must for s in spans)
    ]
    missed = [
        label
        for label, spans in zip(case.must_flag, must, strict=True)
        if not any(overlaps(f, s) for f in flags for s in spans)
    ]
    fields = draft.rewrite_fields()
    watched = dict.fromkeys([*(draft.remark[s:e] for s, e in flags), *case.must_flag])
    survivors = [
        f"{word!r} in {name}" for word in watched for name, text in fields.items() if occurrences(text, word)
    ]
    rewrite = "\n".join(fields.values())
    lost = [fact for fact in case.facts if not occurrences(rewrite, fact, prefix=True)]
    praise = praise_problems(case, draft) if case.kind in PRAISE else []
    return {
        "flags": len(flags),
        "wrong": [draft.remark[s:e] for s, e in wrong],
        "missed": missed,
        "watched": bool(watched),
        "survivors": survivors,
        "lost": lost,
        "praise": praise,
    }


def praise_problems(case: FeedbackCase, draft: FeedbackDraft) -> list[str]:
    """Why a praise case was not coached as praise (empty if it was)."""
    fields = draft.rewrite_fields()
    problems = [
        f"{name} uses criticism wording '{m.group()}'"
        for name, text in fields.items()
        if (m := _CRITICISM[case.lang].search(text))
    ]
    behaviour = fields["sbi.behaviour"]
    if case.kind == "vague_praise":
        if "[" not in behaviour:
            problems.append("sbi.behaviour has no placeholder for what exactly was good")
        if not any(_SPECIFICS[case.lang].search(text) for text in fields.values()):
            problems.append("no field asks for specifics (what exactly, which moment)")
    elif len(re.sub(r"\[[^\]]*\]", " ", behaviour).split()) < 3:
        problems.append("sbi.behaviour is only a placeholder, though the remark says what happened")
    return problems


def evaluate_feedback(pairs: Iterable[tuple[FeedbackCase, FeedbackDraft]]) -> SplitReport:
    """The metrics over (case, draft) pairs, with one failure line per case that lost a point."""
    flags = wrong = spans = missed = watched = clean = facts = lost = praised = praise = n = 0
    failures: list[str] = []
    by_kind: dict[str, list[bool]] = {}
    for case, draft in pairs:
        n += 1
        s = score_case(case, draft)
        flags, wrong = flags + s["flags"], wrong + len(s["wrong"])
        spans, missed = spans + len(case.must_flag), missed + len(s["missed"])
        watched += int(s["watched"])
        clean += int(s["watched"] and not s["survivors"])
        facts, lost = facts + len(case.facts), lost + len(s["lost"])
        if case.kind in PRAISE:
            praise += 1
            praised += int(not s["praise"])
        problems = [
            *(f"missed {m!r}" for m in s["missed"]),
            *(f"wrongly flagged {w!r}" for w in s["wrong"]),
            *(f"survives: {v}" for v in s["survivors"]),
            *(f"lost fact {f!r}" for f in s["lost"]),
            *s["praise"],
        ]
        by_kind.setdefault(f"{case.kind} {case.lang}", []).append(not problems)
        if problems:
            failures.append(f"{case.id} ({case.kind}): {'; '.join(problems)}  <- {case.remark!r}")
    metrics = {
        "flag_precision": rate(flags - wrong, flags),
        "flag_recall": rate(spans - missed, spans),
        "no_flag_survives": rate(clean, watched),
        "facts_kept": rate(facts - lost, facts),
        "praise_coached": rate(praised, praise),
    }
    details = {
        "flags": flags,
        "false_flags": wrong,
        "must_flag_spans": spans,
        "missed_spans": missed,
        "cases_all_clear_by_kind": {k: rate(sum(v), len(v)) for k, v in sorted(by_kind.items())},
    }
    return SplitReport(n=n, metrics=metrics, failures=failures, details=details)


def _run(path: Path, split: Split, services: Services | None, options: argparse.Namespace) -> SplitReport:
    services = require_index(services)
    cases = load_cases(path, split)
    pairs = [(case, services.feedback.coach(case.remark, case.context, case.lang)[0]) for case in cases]
    report = evaluate_feedback(pairs)
    report.details["backend"] = "openai" if services.llm is not None else "offline"
    return report


SUITE = Suite(
    name="feedback",
    description="feedback coach on hand-labelled remarks: flag precision and recall, no flag in any rewrite, "
    "facts kept, praise coached as praise",
    dataset=DEFAULT_DATASET,
    run=_run,
    # CI holds the test split to these: precision and recall as the issue asks, the rest at the level measured
    # on test (offline composer) minus a small margin.
    thresholds={
        "flag_precision": 0.95,
        "flag_recall": 0.90,
        "no_flag_survives": 0.85,
        "facts_kept": 0.88,
        "praise_coached": 0.95,
    },
)
