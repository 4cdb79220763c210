"""The plans eval on the shipped knowledge base: the dataset's shape, and the thresholds CI holds the offline
plans to on the held-out test split (written fresh before it was measured; the dev split was tuned on)."""

import pytest

from assistant.container import Services
from assistant.evaluation.plans import METRICS, SUITE, echoes, load_cases
from assistant.evaluation.suite import format_eval, run_suite

pytestmark = [pytest.mark.integration, pytest.mark.slow]
CASES = load_cases()


def test_dataset_shape() -> None:
    test = [c for c in CASES if c.split == "test"]
    assert len(CASES) >= 50 and len(test) / len(CASES) >= 0.4
    for split in ("dev", "test"):
        cases = [c for c in CASES if c.split == split]
        assert {c.lang for c in cases} == {"de", "en"}
        assert {1, 6} <= {c.session for c in cases} and any(1 < c.session < c.of for c in cases)
        assert sum(bool(c.senior) for c in cases) >= 10 and sum(bool(c.context_effect) for c in cases) >= 8
    for case in CASES:
        assert 20 <= case.minutes <= 120, case.id
        assert not case.context_effect or case.senior, case.id
        left = case.senior.lower()
        for part in echoes(case):
            left = left.replace(part.lower(), " ")
        # an effect found in the context itself would be an echo, unless its clause is cut before reading
        assert not any(word.lower() in left for word in case.context_effect), case.id


def test_offline_plans_meet_the_test_thresholds(knowledge_services: Services) -> None:
    report = run_suite(SUITE, "test", knowledge_services)
    print("\n" + format_eval(report))
    assert set(SUITE.thresholds) == set(METRICS)
    assert report.below_thresholds() == [], report.splits["test"].failures
