"""`tandem eval retrieval`: recall@5, MRR@10 and nDCG@10 on a labelled question set, per language pair."""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from assistant.evaluation.dataset import DATASETS, Split, SplitChoice, load_jsonl
from assistant.evaluation.metrics import distinct, ndcg_at, recall_at, reciprocal_rank
from assistant.evaluation.suite import SplitReport, Suite, require_index
from assistant.rag.retrieve import Filters, Retriever
from assistant.text.language import LANGS, Lang, doc_stem

if TYPE_CHECKING:
    from assistant.container import Services

DEFAULT_DATASET = DATASETS / "retrieval" / "questions.jsonl"


class RetrievalCase(BaseModel):
    """One labelled question; `relevant` holds document ids or stems (a stem matches both languages)."""

    model_config = ConfigDict(extra="forbid")
    id: str
    question: str
    lang: Lang
    relevant: list[str] = Field(min_length=1)
    split: Split
    filter_lang: Lang | None = None
    note: str = ""

    def is_relevant(self, doc_id: str) -> bool:
        return doc_id in self.relevant or doc_stem(doc_id) in self.relevant

    @property
    def pair(self) -> str:
        """Question language -> language of the material that answers it, e.g. 'de->en'."""
        if self.filter_lang:
            return f"{self.lang}->{self.filter_lang}"
        suffixes = {doc.rsplit(".", 1)[-1] for doc in self.relevant if doc.rsplit(".", 1)[-1] in LANGS}
        if len(suffixes) == 1 and len(suffixes) == len(self.relevant) and self.lang not in suffixes:
            return f"{self.lang}->{suffixes.pop()}"
        return f"{self.lang}->{self.lang}"


class Scores(BaseModel):
    n: int
    recall_at_5: float
    mrr_at_10: float
    ndcg_at_10: float


class CaseResult(BaseModel):
    id: str
    pair: str
    recall_at_5: float
    mrr_at_10: float
    ndcg_at_10: float
    top: list[str]


class RetrievalReport(BaseModel):
    overall: Scores
    by_pair: dict[str, Scores]
    cases: list[CaseResult]
    misses: list[str] = Field(description="Case ids with no relevant document in the top 5.")
    config: dict[str, str]


def load_cases(path: Path = DEFAULT_DATASET, split: SplitChoice = "all") -> list[RetrievalCase]:
    """Read a JSONL dataset (optionally one split); a bad line is reported with its number."""
    return load_jsonl(path, RetrievalCase, split)


def _mean(rows: list[CaseResult]) -> Scores:
    n = len(rows)
    return Scores(
        n=n,
        recall_at_5=round(sum(r.recall_at_5 for r in rows) / n, 4),
        mrr_at_10=round(sum(r.mrr_at_10 for r in rows) / n, 4),
        ndcg_at_10=round(sum(r.ndcg_at_10 for r in rows) / n, 4),
    )


def evaluate(retriever: Retriever, cases: list[RetrievalCase]) -> RetrievalReport:
    """Run every case through the retriever and score the ranked document ids."""
    indexed = {(c.doc_id, c.lang) for c in retriever.keyword_index().chunks}
    results: list[CaseResult] = []
    for case in cases:
        hits = retriever.search(case.question, 10, Filters(lang=case.filter_lang))
        ranked = distinct([h.doc_id for h in hits])
        n_relevant = sum(
            1
            for doc, lang in indexed
            if case.is_relevant(doc) and (case.filter_lang is None or lang == case.filter_lang)
        )
        results.append(
            CaseResult(
                id=case.id,
                pair=case.pair,
                recall_at_5=recall_at(ranked, case.is_relevant, 5),
                mrr_at_10=reciprocal_rank(ranked, case.is_relevant, 10),
                ndcg_at_10=round(ndcg_at(ranked, case.is_relevant, max(n_relevant, 1), 10), 4),
                top=ranked[:5],
            )
        )
    by_pair: dict[str, list[CaseResult]] = defaultdict(list)
    for result in results:
        by_pair[result.pair].append(result)
    fusion = retriever.fusion
    return RetrievalReport(
        overall=_mean(results),
        by_pair={pair: _mean(rows) for pair, rows in sorted(by_pair.items())},
        cases=results,
        misses=[r.id for r in results if not r.recall_at_5],
        config={
            "embedding_model": retriever.index.model_name,
            "mode": "hybrid"
            if fusion.use_dense and fusion.use_keyword
            else "dense"
            if fusion.use_dense
            else "keyword",
            "keyword_weight": str(fusion.keyword_weight),
            "chunks": str(len(retriever.keyword_index().chunks)),
            "cases": str(len(cases)),
        },
    )


def format_report(report: RetrievalReport) -> str:
    """A small table for the terminal."""
    lines = [f"{'':10} {'n':>4} {'recall@5':>9} {'MRR@10':>8} {'nDCG@10':>8}"]
    rows = [("overall", report.overall), *report.by_pair.items()]
    for name, s in rows:
        lines.append(f"{name:10} {s.n:>4} {s.recall_at_5:>9.3f} {s.mrr_at_10:>8.3f} {s.ndcg_at_10:>8.3f}")
    lines.append(f"config: {', '.join(f'{k}={v}' for k, v in report.config.items())}")
    if report.misses:
        lines.append(f"missed in top 5: {', '.join(report.misses)}")
    return "\n".join(lines)


def _run(path: Path, split: Split, services: Services | None, options: argparse.Namespace) -> SplitReport:
    services = require_index(services)
    mode = getattr(options, "mode", "hybrid")
    services.retriever.fusion.use_dense = mode != "keyword"
    services.retriever.fusion.use_keyword = mode != "dense"
    report = evaluate(services.retriever, load_cases(path, split))
    metrics = {"recall_at_5": report.overall.recall_at_5, "mrr_at_10": report.overall.mrr_at_10}
    metrics["ndcg_at_10"] = report.overall.ndcg_at_10
    metrics.update({f"recall_at_5 {pair}": scores.recall_at_5 for pair, scores in report.by_pair.items()})
    return SplitReport(
        n=report.overall.n,
        metrics=metrics,
        failures=[f"{case_id}: no relevant document in the top 5" for case_id in report.misses],
        details={"config": report.config, "by_pair": {p: s.model_dump() for p, s in report.by_pair.items()}},
    )


SUITE = Suite(
    name="retrieval",
    description="recall@5, MRR@10 and nDCG@10 of the hybrid retriever, per language pair",
    dataset=DEFAULT_DATASET,
    run=_run,
    thresholds={"recall_at_5": 0.90, "mrr_at_10": 0.75},
)
