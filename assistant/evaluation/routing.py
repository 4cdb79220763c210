"""`tandem eval routing`: does a free chat message reach the mode its writer expects?

The dataset (`evals/datasets/routing/cases.jsonl`) holds chat messages labelled by hand with the route a
user would expect: `ask` (a question about the programme or the material), `prepare` (a plan for a session),
`feedback` (a remark to phrase or check for the tandem partner) and `reflect` (reflection after a session,
questions for the mentor, closed questions opened up). The dev split are the chat cases of the modes eval;
the test split was written before the router was run on it. The router needs the embedding model, not the
index: without services the suite builds them from the settings.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from pydantic import BaseModel, ConfigDict

from assistant.evaluation.dataset import DATASETS, Split, SplitChoice, load_jsonl
from assistant.evaluation.metrics import share
from assistant.evaluation.suite import SplitReport, Suite
from assistant.modes.models import Mode
from assistant.text.language import Lang

if TYPE_CHECKING:
    from assistant.container import Services

DEFAULT_DATASET = DATASETS / "routing" / "cases.jsonl"
ROUTES: tuple[Mode, ...] = get_args(Mode)
# The routes the dataset labels. `log` (record a session) is decided by one rule, tested in
# tests/unit/test_log_intent.py; it has no labelled cases yet, so no threshold.
LABELLED: tuple[Mode, ...] = ("ask", "prepare", "feedback", "reflect")


class RoutingCase(BaseModel):
    """One chat message and the mode its writer expects."""

    model_config = ConfigDict(extra="forbid")
    id: str
    message: str
    lang: Lang
    route: Mode
    split: Split
    note: str = ""


def load_cases(path: Path = DEFAULT_DATASET, split: SplitChoice = "all") -> list[RoutingCase]:
    """Read the JSONL dataset (optionally one split); a bad line is reported with its number."""
    return load_jsonl(path, RoutingCase, split)


def evaluate_routing(cases: Iterable[RoutingCase], route: Callable[[str], Mode]) -> dict[str, Any]:
    """Route every message and score it: accuracy overall, per expected route and per language, and the misses.

    >>> cases = [RoutingCase(id="a", message="Plan session 2", lang="en", route="prepare", split="dev"),
    ...          RoutingCase(id="b", message="What is SBI?", lang="en", route="ask", split="dev")]
    >>> report = evaluate_routing(cases, lambda message: "prepare")
    >>> report["accuracy"], report["by_route"]["prepare"]["accuracy"], report["misses"][0]["id"]
    (0.5, 1.0, 'b')
    """
    rows = [(case, route(case.message)) for case in cases]
    by_route = {
        name: {"n": len(hits), "accuracy": share(hits)}
        for name in ROUTES
        if (hits := [got == case.route for case, got in rows if case.route == name])
    }
    by_lang = {
        lang: {"n": len(hits), "accuracy": share(hits)}
        for lang in ("de", "en")
        if (hits := [got == case.route for case, got in rows if case.lang == lang])
    }
    return {
        "n": len(rows),
        "accuracy": share([got == case.route for case, got in rows]),
        "by_route": by_route,
        "by_lang": by_lang,
        "misses": [
            {"id": case.id, "message": case.message, "route": case.route, "got": got}
            for case, got in rows
            if got != case.route
        ],
    }


def _router_services(services: Services | None) -> Services:
    if services is not None:
        return services
    from assistant.container import build

    return build()  # the router embeds with the configured model; it never opens the index


def _run(path: Path, split: Split, services: Services | None, options: argparse.Namespace) -> SplitReport:
    router = _router_services(services).router
    report = evaluate_routing(load_cases(path, split), lambda message: router.route(message).mode)
    metrics = {"route_accuracy": report["accuracy"]}
    metrics.update({f"accuracy {name}": row["accuracy"] for name, row in report["by_route"].items()})
    return SplitReport(
        n=report["n"],
        metrics=metrics,
        failures=[
            f"{m['id']}: {m['message']!r} is {m['route']}, routed to {m['got']}" for m in report["misses"]
        ],
        details={"by_lang": report["by_lang"]},
    )


SUITE = Suite(
    name="routing",
    description="chat routing to ask, prepare, feedback or reflect on hand-labelled messages (no index needed)",
    dataset=DEFAULT_DATASET,
    run=_run,
    needs_index=False,
    # measured on test: 0.960 overall; reflect 0.88, feedback 0.96, ask and prepare 1.00 (n = 101)
    thresholds={"route_accuracy": 0.95} | {f"accuracy {route}": 0.85 for route in LABELLED},
)
