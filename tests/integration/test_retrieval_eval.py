"""The retrieval eval on the shipped knowledge base: thresholds CI holds the engine to."""

from collections import Counter

import pytest

from assistant.container import Services
from assistant.evaluation.retrieval import DEFAULT_DATASET, evaluate, format_report, load_cases
from tests.conftest import ROOT

pytestmark = [pytest.mark.integration, pytest.mark.slow]
CASES = load_cases(DEFAULT_DATASET)


def test_dataset_shape() -> None:
    assert len(CASES) >= 100
    pairs = Counter(c.pair for c in CASES)
    assert pairs["de->de"] >= 40 and pairs["en->en"] >= 40
    assert pairs["de->en"] + pairs["en->de"] >= 25 and min(pairs["de->en"], pairs["en->de"]) >= 10
    ids = {p.stem for p in (ROOT / "knowledge").rglob("*.md")}
    stems = {i.rsplit(".", 1)[0] for i in ids}
    for case in CASES:
        assert all(r in ids or r in stems for r in case.relevant), case.id
    assert len({c.id for c in CASES}) == len(CASES)


def test_retrieval_meets_the_thresholds(knowledge_services: Services) -> None:
    report = evaluate(knowledge_services.retriever, CASES)
    print("\n" + format_report(report))
    assert report.overall.recall_at_5 >= 0.90
    assert report.overall.mrr_at_10 >= 0.75
    for pair, scores in report.by_pair.items():
        assert scores.recall_at_5 >= 0.8, pair  # no language direction is left behind
