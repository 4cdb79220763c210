"""Eval datasets: JSONL files of labelled cases, each case in the dev or the test split.

Rules, thresholds and prompts are tuned on `dev`; `test` is written before it is measured and is never used
to change the product. Every dataset lives in `evals/datasets/`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ValidationError

from assistant.errors import InputError

Split = Literal["dev", "test"]
SplitChoice = Literal["dev", "test", "all"]
SPLITS: tuple[Split, ...] = ("dev", "test")
DATASETS = Path(__file__).resolve().parents[2] / "evals" / "datasets"

Case = TypeVar("Case", bound=BaseModel)


class EmptySplitError(InputError):
    """The dataset has no case in the split asked for."""


def load_jsonl(path: Path, model: type[Case], split: SplitChoice = "all") -> list[Case]:
    """Read a JSONL dataset into `model` cases, keeping one split (or all).

    A bad line is reported with the file, its line number and what is wrong; a dataset without cases (or
    without cases of the split asked for) is an error, never an empty report. Every case model has a `split`.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read the dataset {path} ({exc.strerror}); pass an existing file") from exc
    cases: list[Case] = []
    ids: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            case = model.model_validate(json.loads(line))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise InputError(f"{path.name} line {number}: not a valid case ({exc})") from exc
        case_id = str(getattr(case, "id", number))
        if case_id in ids:
            raise InputError(
                f"{path.name} line {number}: the id {case_id!r} is used twice; ids must be unique"
            )
        ids.add(case_id)
        if split in ("all", getattr(case, "split", None)):
            cases.append(case)
    if not cases:
        if split != "all" and ids:
            raise EmptySplitError(f"{path.name} holds no cases in the {split} split")
        raise InputError(f"{path.name} holds no cases")
    return cases
