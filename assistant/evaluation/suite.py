"""What every eval suite shares: a report per split, the dev–test gap, the thresholds CI holds on test.

A suite is a module that defines `SUITE = Suite(...)`; `SUITES` names the modules, so `tandem eval NAME`
can list every suite without importing them all. A suite's `run` evaluates the cases of one split and
returns a `SplitReport` whose `metrics` are rates in [0, 1], higher is better.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from assistant.errors import InputError
from assistant.evaluation.dataset import SPLITS, EmptySplitError, Split, SplitChoice

if TYPE_CHECKING:
    from assistant.container import Services

# name -> module that defines SUITE
SUITES: dict[str, str] = {
    "retrieval": "assistant.evaluation.retrieval",
    "language": "assistant.evaluation.language",
    "modes": "assistant.evaluation.modes",
    "relevance": "assistant.evaluation.relevance",
    "feedback": "assistant.evaluation.feedback",
    "plans": "assistant.evaluation.plans",
    "reflections": "assistant.evaluation.reflections",
    "answers": "assistant.evaluation.answers",
    "routing": "assistant.evaluation.routing",
    "roleplay": "assistant.evaluation.roleplay",
}


class SplitReport(BaseModel):
    """The figures of one split: `metrics` are rates (higher is better); `failures` one line per failed case."""

    n: int
    metrics: dict[str, float]
    failures: list[str] = Field(default_factory=list)
    details: dict[str, Any] = Field(default_factory=dict)


class EvalReport(BaseModel):
    """A suite on one or both splits; `gap` is dev minus test per metric when both ran."""

    suite: str
    splits: dict[str, SplitReport]
    gap: dict[str, float] = Field(default_factory=dict)
    thresholds: dict[str, float] = Field(default_factory=dict)

    def below_thresholds(self, split: Split = "test") -> list[str]:
        """The metrics of `split` under their threshold, as 'name 0.812 < 0.900'."""
        report = self.splits.get(split)
        if report is None:
            return []
        return [
            f"{name} {report.metrics.get(name, 0.0):.3f} < {minimum:.3f}"
            for name, minimum in self.thresholds.items()
            if report.metrics.get(name, 0.0) < minimum
        ]


Runner = Callable[[Path, Split, "Services | None", argparse.Namespace], SplitReport]


@dataclass(frozen=True)
class Suite:
    """One eval: its dataset, whether it needs the knowledge index, its test thresholds and its runner."""

    name: str
    description: str
    dataset: Path
    run: Runner
    needs_index: bool = True
    thresholds: dict[str, float] = field(default_factory=dict)


def require_index(services: Services | None) -> Services:
    """The services, when their index holds material; otherwise an error that says what to do."""
    if services is None or services.retriever.is_empty():
        raise InputError("The index is empty: run `tandem ingest` first, then evaluate.")
    return services


def load_suite(name: str) -> Suite:
    """The suite called `name`."""
    suite: Suite = importlib.import_module(SUITES[name]).SUITE
    return suite


def run_suite(
    suite: Suite,
    split: SplitChoice,
    services: Services | None,
    options: argparse.Namespace | None = None,
    dataset: Path | None = None,
) -> EvalReport:
    """Run `suite` on one split, or on dev and test separately (`all`, skipping a split without cases) with the
    gap between them."""
    options = options or argparse.Namespace()
    reports: dict[str, SplitReport] = {}
    for name in SPLITS if split == "all" else (split,):
        try:
            reports[name] = suite.run(dataset or suite.dataset, name, services, options)
        except EmptySplitError:
            if split != "all":
                raise
    gap = {}
    if len(reports) == 2:
        dev, test = reports["dev"].metrics, reports["test"].metrics
        gap = {name: round(dev[name] - test[name], 4) for name in dev if name in test}
    return EvalReport(suite=suite.name, splits=reports, gap=gap, thresholds=suite.thresholds)


def format_eval(report: EvalReport) -> str:
    """A table: one row per metric, one column per split, the gap and the test threshold."""
    names = list(dict.fromkeys(m for r in report.splits.values() for m in r.metrics))
    splits = list(report.splits)
    header = f"{report.suite:28}" + "".join(f"{s:>8}" for s in splits)
    header += f"{'gap':>8}{'min':>8}" if report.gap or report.thresholds else ""
    lines = [header, "  n" + " " * 25 + "".join(f"{r.n:>8}" for r in report.splits.values())]
    for name in names:
        row = f"  {name:26}" + "".join(
            f"{report.splits[s].metrics.get(name, float('nan')):>8.3f}" for s in splits
        )
        if report.gap or report.thresholds:
            gap = report.gap.get(name)
            row += f"{gap:>+8.3f}" if gap is not None else " " * 8
            minimum = report.thresholds.get(name)
            row += f"{minimum:>8.3f}" if minimum is not None else ""
        lines.append(row)
    for split_name, split_report in report.splits.items():
        lines.extend(f"{split_name} FAIL {line}" for line in split_report.failures)
    below = report.below_thresholds()
    if below:
        lines.append("below the test thresholds: " + "; ".join(below))
    return "\n".join(lines)
