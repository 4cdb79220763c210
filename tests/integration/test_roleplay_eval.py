"""The roleplay eval on the shipped scenarios: the thresholds CI holds role-play practice to on the held-out
test split, and a dataset that covers every scenario and language and really holds the test split out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.catalog import load_catalog
from assistant.container import build
from assistant.evaluation.roleplay import SUITE, load_cases
from assistant.evaluation.suite import format_eval, run_suite
from tests.conftest import ROOT, make_settings
from tests.support.cli import ok, tandem

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_every_scenario_and_language_has_a_pair_and_test_is_held_out() -> None:
    cases = load_cases()
    scenarios = {(s.id, s.lang) for s in load_catalog(ROOT / "knowledge").scenarios}
    pairs = [c for c in cases if c.kind == "pair"]
    assert {(c.scenario, c.lang) for c in pairs} == scenarios
    dev = {c.scenario for c in pairs if c.split == "dev"}
    test = {c.scenario for c in pairs if c.split == "test"}
    assert dev and test and not dev & test
    breaks = [c for c in cases if c.kind == "break"]
    for lang in ("de", "en"):
        assert len([c for c in breaks if c.lang == lang]) >= 12
        assert {c.split for c in breaks if c.lang == lang} == {"dev", "test"}


def test_every_metric_has_a_threshold() -> None:
    assert set(SUITE.thresholds) == {
        "strong_above_weak",
        "criterion_order",
        "concern_strong",
        "concern_hidden_weak",
        "quotes_verified",
        "in_character",
        "break_recognised",
    }


def test_roleplay_suite_meets_its_thresholds_on_the_test_split(tmp_path: Path) -> None:
    report = run_suite(SUITE, "test", build(make_settings(tmp_path)))
    test = report.splits["test"]
    assert test.details["pairs"] == 16 and test.details["break_attempts"] >= 12
    assert test.details["backend"] == "offline"
    assert report.below_thresholds() == [], format_eval(report)


def test_tandem_eval_roleplay_reports_a_split_as_json(tmp_path: Path) -> None:
    report = json.loads(ok(tandem(tmp_path, "eval", "roleplay", "--split", "dev", "--json")))
    assert report["suite"] == "roleplay" and list(report["splits"]) == ["dev"]
    assert set(report["splits"]["dev"]["metrics"]) == set(SUITE.thresholds)
    assert report["thresholds"] == SUITE.thresholds
