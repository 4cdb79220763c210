"""`tandem eval relevance`: off-topic questions are refused, on-topic ones answered from the material.

The dataset (`evals/datasets/relevance/cases.jsonl`) holds hand-labelled questions: everyday topics, finance,
sport, other work topics, words whose stems collide across German and English or with programme words
("backe" / Teach-back, Gift, Chef, Rock, GROW tomatoes), borderline questions labelled as a programme manager
would (the reason in `note`), and questions a junior mentor, a senior mentee, a trainer or the programme
office would ask; on-topic cases name the documents that answer them (`answered_by`). The dev split holds
every case the rule has been tuned on; the test split was written afresh (other wording: typos, very short
and colloquial questions, mixed German/English, new stem collisions) before it was first measured. Every
question goes through `ask.answer`, as a user's would.

- `off_topic_refusal`: off-topic questions that got no grounded answer and no sources.
- `on_topic_answered`: on-topic questions answered grounded, citing at least one passage that passed the
  relevance rule (the passages `Material.relevant` returns for the same question).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict

from assistant.evaluation.dataset import DATASETS, Split, SplitChoice, load_jsonl
from assistant.evaluation.metrics import share
from assistant.evaluation.suite import SplitReport, Suite, require_index
from assistant.rag.retrieve import Filters
from assistant.schema import Answer, Hit
from assistant.text.language import LANGS, Lang

if TYPE_CHECKING:
    from assistant.container import Services

DEFAULT_DATASET = DATASETS / "relevance" / "cases.jsonl"
Kind = Literal["everyday", "finance", "sport", "work", "collision", "borderline", "programme"]


class RelevanceCase(BaseModel):
    """One question and whether the programme material should answer it."""

    model_config = ConfigDict(extra="forbid")
    id: str
    question: str
    lang: Lang
    on_topic: bool
    kind: Kind
    split: Split
    note: str = ""
    answered_by: list[str] = []  # documents (stems, no language) that answer an on-topic question


class Outcome(BaseModel):
    """What the product did with one question: `ok` when that is what the label asks for."""

    case: RelevanceCase
    ok: bool
    grounded: bool
    sources: int
    top: str = ""


def load_cases(path: Path = DEFAULT_DATASET, split: SplitChoice = "all") -> list[RelevanceCase]:
    """Read the JSONL dataset (optionally one split); a bad line is reported with its number."""
    return load_jsonl(path, RelevanceCase, split)


def describe(hit: Hit) -> str:
    """One line naming a passage and the figures the relevance rule read.

    >>> describe(Hit(id="x", source="s", title="FAQ", section="Remote", lang="en", score=1, text="t",
    ...              doc_id="faq.en", similarity=0.21, evidence=0.3))
    'faq.en › Remote (sim 0.210, evidence 0.30)'
    """
    return (
        f"{hit.doc_id} › {hit.section or hit.title} (sim {hit.similarity:.3f}, evidence {hit.evidence:.2f})"
    )


def judge(case: RelevanceCase, answer: Answer, relevant: Sequence[Hit]) -> Outcome:
    """Score one answer against its label; `relevant` are the passages that passed the rule.

    >>> off = RelevanceCase(id="1", question="Brot?", lang="de", on_topic=False, kind="everyday", split="dev")
    >>> refused = Answer(answer="-", sources=[], language="de", backend="offline", grounded=False)
    >>> judge(off, refused, []).ok, judge(off.model_copy(update={"on_topic": True}), refused, []).ok
    (True, False)
    """
    passed = {hit.id for hit in relevant} | {(hit.doc_id, hit.section) for hit in relevant}
    # a source is the passage that passed, or that passage's whole section (modes may widen a passage)
    cited_relevant = any(s.id in passed or (s.doc_id, s.section) in passed for s in answer.sources)
    refused = not answer.grounded and not answer.sources
    ok = (answer.grounded and cited_relevant) if case.on_topic else refused
    top = describe(relevant[0]) if relevant else ""
    return Outcome(case=case, ok=ok, grounded=answer.grounded, sources=len(answer.sources), top=top)


def _rate(rows: list[Outcome]) -> float:
    return share([r.ok for r in rows])


def score(outcomes: Iterable[Outcome]) -> dict[str, float]:
    """The two rates overall and per language (a language without cases of a kind is left out).

    >>> case = RelevanceCase(id="1", question="q", lang="en", on_topic=False, kind="sport", split="dev")
    >>> score([Outcome(case=case, ok=True, grounded=False, sources=0)])
    {'off_topic_refusal': 1.0, 'off_topic_refusal en': 1.0}
    """
    rows = list(outcomes)
    metrics: dict[str, float] = {}
    for name, on_topic in (("off_topic_refusal", False), ("on_topic_answered", True)):
        group = [r for r in rows if r.case.on_topic is on_topic]
        if not group:
            continue
        metrics[name] = _rate(group)
        for lang in LANGS:
            in_lang = [r for r in group if r.case.lang == lang]
            if in_lang:
                metrics[f"{name} {lang}"] = _rate(in_lang)
    return metrics


def failure(outcome: Outcome) -> str:
    """One line for a case whose outcome does not match its label."""
    case = outcome.case
    if case.on_topic:
        why = "not answered" if not outcome.grounded else "no cited passage passed the rule"
        return f"{case.id} [{case.kind}] on topic, {why}: {case.question!r} (best: {outcome.top or 'none'})"
    return (
        f"{case.id} [{case.kind}] off topic, answered: {case.question!r} let through by {outcome.top or '?'}"
    )


def evaluate(
    cases: Iterable[RelevanceCase],
    answer: Callable[[str, Sequence[float]], Answer],
    relevant: Callable[[str, Sequence[float]], list[Hit]],
    embed: Callable[[str], Sequence[float]],
) -> list[Outcome]:
    """Ask every question once (embedded once, shared by the answer and the relevance check)."""
    outcomes = []
    for case in cases:
        vector = embed(case.question)
        outcomes.append(judge(case, answer(case.question, vector), relevant(case.question, vector)))
    return outcomes


def passed_rule(services: Services, question: str, vector: Sequence[float]) -> list[Hit]:
    """Every passage that passes the relevance rule for the question, searched as the modes search: in
    both languages together and in each language alone (a reader's own language comes first)."""
    hits = services.material.relevant(question, vector=vector)
    for lang in LANGS:
        hits += services.material.relevant(question, Filters(lang=lang), vector)
    return sorted(hits, key=lambda hit: -hit.similarity)


def _run(path: Path, split: Split, services: Services | None, options: argparse.Namespace) -> SplitReport:
    services = require_index(services)
    outcomes = evaluate(
        load_cases(path, split),
        lambda question, vector: services.ask.answer(question, vector=vector),
        lambda question, vector: passed_rule(services, question, vector),
        services.embeddings.embed_query,
    )
    by_kind = {
        kind: {"n": len(rows), "rate": _rate(rows)}
        for kind in sorted({o.case.kind for o in outcomes})
        if (rows := [o for o in outcomes if o.case.kind == kind])
    }
    return SplitReport(
        n=len(outcomes),
        metrics=score(outcomes),
        failures=[failure(o) for o in outcomes if not o.ok],
        details={"by_kind": by_kind, "min_relevance": services.settings.min_relevance},
    )


SUITE = Suite(
    name="relevance",
    description="off-topic questions refused, on-topic ones answered from the material (ask, offline)",
    dataset=DEFAULT_DATASET,
    run=_run,
    needs_index=True,
    # measured on the fresh test split (0.896 and 0.896) less one case; the target is 0.95 on both
    thresholds={"off_topic_refusal": 0.88, "on_topic_answered": 0.88},
)
