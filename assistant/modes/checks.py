"""Deterministic checks on what a model (or the composer) wrote: the rules that verify."""

from __future__ import annotations

import logging
import re

from pydantic import BaseModel, ValidationInfo, model_validator

from assistant.text.language import Lang, detect_language
from assistant.text.questions import is_open_question, question_key

log = logging.getLogger(__name__)
_CITATION = re.compile(r"\[(\s*\d+\s*(?:[,;]\s*\d+\s*)*)\]")


class CitedText(BaseModel):
    """Text whose [n] citations were checked against the sources that were actually retrieved.

    Validate with `context={"n_sources": N}`: citations outside 1..N are removed and counted.

    >>> c = CitedText.model_validate({"text": "Use SBI [1]. Ask [2, 9]. Never [7]."}, context={"n_sources": 2})
    >>> c.text, c.cited, c.invalid
    ('Use SBI [1]. Ask [2]. Never.', [1, 2], [7, 9])
    """

    text: str
    cited: list[int] = []
    invalid: list[int] = []

    @model_validator(mode="before")
    @classmethod
    def _check(cls, data: dict[str, object], info: ValidationInfo) -> dict[str, object]:
        n_sources = int((info.context or {}).get("n_sources", 0))
        cited: set[int] = set()
        invalid: set[int] = set()

        def keep_valid(match: re.Match[str]) -> str:
            numbers = [int(x) for x in re.split(r"[,;]", match.group(1))]
            good = [n for n in numbers if 1 <= n <= n_sources]
            cited.update(good)
            invalid.update(n for n in numbers if n not in good)
            return f"[{', '.join(map(str, good))}]" if good else ""

        text = _CITATION.sub(keep_valid, str(data.get("text", "")))
        text = re.sub(r"[ \t]+([.,;:!?])", r"\1", text)  # no space left before punctuation
        return {"text": text, "cited": sorted(cited), "invalid": sorted(invalid)}


def check_citations(text: str, n_sources: int) -> CitedText:
    """Validate citations; removed ones are logged as errors."""
    result = CitedText.model_validate({"text": text}, context={"n_sources": n_sources})
    if result.invalid:
        log.error(
            "removed %d citation(s) to sources that were not retrieved: %s",
            len(result.invalid),
            result.invalid,
        )
    return result


def check_language(texts: list[str], lang: Lang, what: str) -> list[str]:
    """Text written in the other language is an error (short fragments are too ambiguous to judge)."""
    joined = " ".join(texts)
    if len(joined.split()) < 8:
        return []
    found = detect_language(joined, default=lang)
    if found != lang:
        return [f"{what} is written in {found}, but the user writes {lang}: write it in {lang}"]
    return []


def check_open_questions(questions: list[str], lang: Lang, what: str) -> list[str]:
    """Every question must be open (no yes/no opener) and end with a question mark."""
    return [
        f"{what}: '{q}' is not an open question; start with a W-/wh-word such as Was/Wie/What/How"
        for q in questions
        if not is_open_question(q, lang)
    ]


def check_no_duplicates(items: list[str], what: str) -> list[str]:
    """The same question twice (ignoring case and punctuation) is an error."""
    seen: set[str] = set()
    errors = []
    for item in items:
        key = question_key(item)
        if key in seen:
            errors.append(f"{what}: '{item}' appears twice")
        seen.add(key)
    return errors
