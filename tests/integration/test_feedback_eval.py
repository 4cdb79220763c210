"""The feedback suite on its held-out test split, against the shipped material: the thresholds CI holds."""

from __future__ import annotations

import pytest

from assistant.container import Services
from assistant.evaluation.feedback import SUITE
from assistant.evaluation.suite import run_suite

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_feedback_suite_meets_its_thresholds_on_the_test_split(knowledge_services: Services) -> None:
    report = run_suite(SUITE, "test", knowledge_services)
    test = report.splits["test"]
    assert test.n >= 60 and test.details["backend"] == "offline"
    assert report.below_thresholds() == [], "\n".join(test.failures)
