"""The reflections eval on the shipped knowledge base: the thresholds CI holds the reflect mode to on the
held-out test split (the dev split was tuned on), and a held-out split that really is held out."""

import pytest

from assistant.container import Services
from assistant.evaluation.reflections import SUITE, load_cases
from assistant.evaluation.suite import format_eval, run_suite

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_the_test_split_is_held_out() -> None:
    dev, test = load_cases(split="dev"), load_cases(split="test")
    assert len(test) >= 0.4 * (len(dev) + len(test))
    assert not {c.text.casefold() for c in test} & {c.text.casefold() for c in dev}


def test_every_metric_has_a_threshold() -> None:
    assert set(SUITE.thresholds) == {
        "stage_coverage",
        "fact_use",
        "fact_use_in_questions",
        "open_up_coverage",
        "open_questions",
        "no_judgement",
        "language",
    }


def test_reflections_meet_the_thresholds_on_the_test_split(knowledge_services: Services) -> None:
    report = run_suite(SUITE, "test", knowledge_services)
    print("\n" + format_eval(report))
    assert report.below_thresholds() == []
    assert report.splits["test"].details["backends"] == {"offline": report.splits["test"].n}
