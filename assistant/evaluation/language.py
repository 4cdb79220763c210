"""Language detection on short user messages: accuracy overall, without the ambiguous items, per language.

The dataset (`evals/datasets/language/messages.jsonl`) holds hand-labelled messages as mentors, mentees,
trainers and the programme office type them: single words, typos, emoji, loan words, mixed sentences.
Items no one could label for sure (a bare tool name, a loan word used in both languages) carry
`"ambiguous": true`; their label is what a user typing them would most likely expect.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from assistant.evaluation.dataset import DATASETS, Split, SplitChoice, load_jsonl
from assistant.evaluation.metrics import share
from assistant.evaluation.suite import SplitReport, Suite
from assistant.text.language import Lang, detect_language

if TYPE_CHECKING:
    from assistant.container import Services

DEFAULT_DATASET = DATASETS / "language" / "messages.jsonl"


class LanguageCase(BaseModel):
    """One message and the language its writer uses."""

    model_config = ConfigDict(extra="forbid")
    id: str
    text: str
    lang: Lang
    split: Split
    note: str = ""
    ambiguous: bool = False


def load_cases(path: Path = DEFAULT_DATASET, split: SplitChoice = "all") -> list[LanguageCase]:
    """Read the JSONL dataset (optionally one split); a bad line is reported with its number."""
    return load_jsonl(path, LanguageCase, split)


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
        lang: {"n": len(lang_hits), "accuracy": share(lang_hits)}
        for lang in ("de", "en")
        if (lang_hits := [guess == case.lang for case, guess in rows if case.lang == lang])
    }
    return {
        "n": len(hits),
        "accuracy": share(hits),
        "clear": {"n": len(clear), "accuracy": share(clear)},
        "by_lang": by_lang,
        "misses": [
            {"id": case.id, "text": case.text, "lang": case.lang, "guess": guess, "ambiguous": case.ambiguous}
            for case, guess in rows
            if guess != case.lang
        ],
    }


def _run(path: Path, split: Split, services: Services | None, options: argparse.Namespace) -> SplitReport:
    report = evaluate_language(load_cases(path, split), detect_language)
    metrics = {"accuracy": report["accuracy"], "clear_accuracy": report["clear"]["accuracy"]}
    metrics.update({f"accuracy {lang}": row["accuracy"] for lang, row in report["by_lang"].items()})
    return SplitReport(
        n=report["n"],
        metrics=metrics,
        failures=[
            f"{m['id']}: {m['text']!r} is {m['lang']}, detected {m['guess']}" for m in report["misses"]
        ],
    )


SUITE = Suite(
    name="language",
    description="language detection on short, hand-labelled messages (no index needed)",
    dataset=DEFAULT_DATASET,
    run=_run,
    needs_index=False,
    thresholds={"accuracy": 0.93, "clear_accuracy": 0.95},
)
