"""The retrieval eval on the shipped knowledge base: the dataset's shape on both splits, and the thresholds CI
holds the retriever to on the held-out test split (the dev split was tuned on)."""

from collections import Counter

import pytest

from assistant.container import Services
from assistant.evaluation.dataset import Split
from assistant.evaluation.retrieval import SUITE, RetrievalCase, load_cases
from assistant.evaluation.suite import format_eval, run_suite
from tests.conftest import ROOT

pytestmark = [pytest.mark.integration, pytest.mark.slow]
DEV, TEST = load_cases(split="dev"), load_cases(split="test")
PAIRS = ("de->de", "en->en", "de->en", "en->de")


def _stem(doc_id: str) -> str:
    return doc_id.split(".")[0]


def _assert_shape(cases: list[RetrievalCase], at_least: int, same_language: int, cross: int) -> None:
    assert len(cases) >= at_least
    pairs = Counter(c.pair for c in cases)
    assert set(pairs) == set(PAIRS), pairs
    assert pairs["de->de"] >= same_language and pairs["en->en"] >= same_language, pairs
    assert min(pairs["de->en"], pairs["en->de"]) >= cross, pairs
    ids = {p.stem for p in (ROOT / "knowledge").rglob("*.md")}
    stems = {i.rsplit(".", 1)[0] for i in ids}
    for case in cases:
        assert all(r in ids or r in stems for r in case.relevant), case.id
        # a question run against one language is labelled with documents of that language
        assert case.filter_lang is None or all(r.endswith(f".{case.filter_lang}") for r in case.relevant)


@pytest.mark.parametrize(
    ("split", "at_least", "same_language", "cross"), [("dev", 100, 40, 10), ("test", 95, 30, 12)]
)
def test_dataset_shape(split: Split, at_least: int, same_language: int, cross: int) -> None:
    _assert_shape(DEV if split == "dev" else TEST, at_least, same_language, cross)


def test_the_test_split_is_held_out() -> None:
    everything = load_cases()
    assert len(TEST) >= 0.4 * len(everything)
    assert not {c.question.casefold() for c in TEST} & {c.question.casefold() for c in DEV}
    # every document stem the dev split asks about is asked about in the test split too
    assert {_stem(r) for c in DEV for r in c.relevant} <= {_stem(r) for c in TEST for r in c.relevant}


def test_retrieval_meets_the_thresholds_on_the_test_split(knowledge_services: Services) -> None:
    report = run_suite(SUITE, "test", knowledge_services)
    print("\n" + format_eval(report))
    assert report.below_thresholds() == []
    metrics = report.splits["test"].metrics
    assert metrics["recall_at_5"] >= 0.90 and metrics["mrr_at_10"] >= 0.75
    for pair in PAIRS:
        assert metrics[f"recall_at_5 {pair}"] >= 0.80, pair  # no language direction is left behind
