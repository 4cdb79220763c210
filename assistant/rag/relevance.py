"""The relevance rule: which retrieved passages are close enough to a question to ground an answer."""

from __future__ import annotations

from assistant.schema import Hit

CLEAR_MARGIN = 0.13
MIN_EVIDENCE = 0.45


def is_relevant(hit: Hit, floor: float) -> bool:
    """Clearly similar, or above the floor with much of the question's own vocabulary in it.

    `similarity` is the cosine of centered e5 vectors; `evidence` the IDF-weighted share of the question's
    content words found in the passage's title, section or text as whole words (a compound's fragment
    counts only as itself; across languages only the word itself counts), see `KeywordIndex.evidence`.
    On off-topic questions similarity alone runs up to about floor + 0.12 against the material and a
    stray shared word brings evidence to about 0.4; the two margins sit just above that. Calibrated on the
    dev split of `evals/datasets/relevance/cases.jsonl` (`tandem eval relevance`).

    >>> base = Hit(id="1", source="s", title="t", section="", lang="en", score=1, text="x")
    >>> [is_relevant(base.model_copy(update=u), 0.17) for u in
    ...  ({"similarity": 0.35}, {"similarity": 0.25}, {"similarity": 0.25, "evidence": 0.6},
    ...   {"similarity": 0.1, "evidence": 1.0})]
    [True, False, True, False]
    """
    if hit.similarity < floor:
        return False
    return hit.similarity >= floor + CLEAR_MARGIN or hit.evidence >= MIN_EVIDENCE
