"""Language detection on short user messages: accuracy overall, without the ambiguous items, per language.

The dataset (`evals/datasets/language/messages.jsonl`) holds hand-labelled messages as mentors, mentees,
trainers and the programme office type them: single words, typos, emoji, loan words, mixed sentences.
Items no one could label for sure (a bare tool name, a loan word used in both languages) carry
`"ambiguous": true`; their label is what a user typing them would most likely expect.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from assistant.errors import InputError
from assistant.text.language import Lang

DEFAULT_DATASET = Path(__file__).resolve().parents[2] / "evals" / "datasets" / "language" / "messages.jsonl"
Split = Literal["dev", "test"]


class LanguageCase(BaseModel):
    """One message and the language its writer uses."""

    model_config = ConfigDict(extra="forbid")
    id: str
    text: str
    lang: Lang
    split: Split
    note: str = ""
    ambiguous: bool = False


def load_cases(path: Path = DEFAULT_DATASET, split: Split | Literal["all"] = "all") -> list[LanguageCase]:
    """Read the JSONL dataset (optionally one split); a bad line is reported with its number."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read the dataset {path} ({exc.strerror})") from exc
    cases: list[LanguageCase] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            case = LanguageCase.model_validate(json.loads(line))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise InputError(f"{path.name} line {number}: {exc}") from exc
        if split in ("all", case.split):
            cases.append(case)
    return cases


def _accuracy(hits: list[bool]) -> float:
    return round(sum(hits) / len(hits), 4) if hits else 0.0


def evaluate_language(cases: Iterable[LanguageCase], detect: Callable[[str], Lang]) -> dict[str, Any]:
    """Run `detect` on every message and score it against the labels.

    Returns n and accuracy over all cases, the same without the ambiguous items (`clear`), accuracy per
    labelled language, and the misses (id, text, label, guess).

    >>> cases = [LanguageCase(id="a", text="Hallo", lang="de", split="dev"),
    ...          LanguageCase(id="b", text="Meeting", lang="en", split="dev", ambiguous=True)]
    >>> report = evaluate_language(cases, lambda text: "de")
    >>> report["accuracy"], report["clear"]["accuracy"], report["misses"][0]["id"]
    (0.5, 1.0, 'b')
    """
    rows = [(case, detect(case.text)) for case in cases]
    hits = [guess == case.lang for case, guess in rows]
    clear = [guess == case.lang for case, guess in rows if not case.ambiguous]
    by_lang = {
        lang: {"n": len(lang_hits), "accuracy": _accuracy(lang_hits)}
        for lang in ("de", "en")
        if (lang_hits := [guess == case.lang for case, guess in rows if case.lang == lang])
    }
    return {
        "n": len(hits),
        "accuracy": _accuracy(hits),
        "clear": {"n": len(clear), "accuracy": _accuracy(clear)},
        "by_lang": by_lang,
        "misses": [
            {"id": case.id, "text": case.text, "lang": case.lang, "guess": guess, "ambiguous": case.ambiguous}
            for case, guess in rows
            if guess != case.lang
        ],
    }
