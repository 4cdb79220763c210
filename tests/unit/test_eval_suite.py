"""The shared eval machinery: splits, the dev–test gap, thresholds, clear errors for bad datasets."""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

import pytest
from pydantic import BaseModel

from assistant.errors import InputError
from assistant.evaluation.dataset import EmptySplitError, Split, load_jsonl
from assistant.evaluation.suite import SUITES, SplitReport, Suite, format_eval, run_suite


class Case(BaseModel):
    id: str
    split: Split
    ok: bool


def _dataset(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _accuracy_suite() -> Suite:
    def run(path: Path, split: Split, services: object, options: argparse.Namespace) -> SplitReport:
        cases = load_jsonl(path, Case, split)
        return SplitReport(
            n=len(cases),
            metrics={"accuracy": sum(c.ok for c in cases) / len(cases)},
            failures=[c.id for c in cases if not c.ok],
        )

    return Suite("toy", "a toy suite", Path("unused"), run, needs_index=False, thresholds={"accuracy": 0.9})


def test_all_runs_both_splits_and_reports_the_gap(tmp_path: Path) -> None:
    path = _dataset(
        tmp_path,
        '{"id": "a", "split": "dev", "ok": true}',
        '{"id": "b", "split": "test", "ok": true}',
        '{"id": "c", "split": "test", "ok": false}',
    )
    report = run_suite(_accuracy_suite(), "all", None, dataset=path)
    assert report.splits["dev"].metrics["accuracy"] == 1.0
    assert report.splits["test"].metrics["accuracy"] == 0.5
    assert report.gap == {"accuracy": 0.5}
    assert report.below_thresholds() == ["accuracy 0.500 < 0.900"]
    text = format_eval(report)
    assert "+0.500" in text and "test FAIL c" in text and "below the test thresholds" in text


def test_a_split_without_cases_is_skipped_in_all_but_an_error_when_asked_for(tmp_path: Path) -> None:
    path = _dataset(tmp_path, '{"id": "a", "split": "dev", "ok": true}')
    assert list(run_suite(_accuracy_suite(), "all", None, dataset=path).splits) == ["dev"]
    with pytest.raises(EmptySplitError, match="no cases in the test split"):
        run_suite(_accuracy_suite(), "test", None, dataset=path)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            ['{"id": "a", "split": "dev", "ok": true}', '{"id": "a", "split": "test", "ok": true}'],
            "used twice",
        ),
        (['{"id": "a", "split": "holdout", "ok": true}'], "line 1"),
        (['{"id": "a", "split": "dev", "ok": true', ""], "line 1"),
        ([""], "holds no cases"),
    ],
)
def test_bad_datasets_name_the_problem(tmp_path: Path, lines: list[str], message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_jsonl(_dataset(tmp_path, *lines), Case)


def test_every_registered_suite_exists_with_its_dataset() -> None:
    for name, module in SUITES.items():
        suite = importlib.import_module(module).SUITE
        assert suite.name == name and suite.dataset.is_file(), name
