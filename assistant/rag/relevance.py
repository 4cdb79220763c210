"""The relevance rule: which retrieved passages are close enough to a question to ground an answer."""

from __future__ import annotations

from assistant.schema import Hit

WEAK_MARGIN = 0.04
MIN_EVIDENCE = 0.25


def is_relevant(hit: Hit, floor: float) -> bool:
    """Clearly similar, or just above the floor with the question's own words in it.

    Calibrated on the retrieval eval questions against off-topic ones (see the retrieval issue's note).

    >>> base = Hit(id="1", source="s", title="t", section="", lang="en", score=1, text="x")
    >>> [is_relevant(base.model_copy(update=u), 0.18) for u in
    ...  ({"similarity": 0.3}, {"similarity": 0.2}, {"similarity": 0.2, "evidence": 0.5}, {"similarity": 0.1})]
    [True, False, True, False]
    """
    if hit.similarity < floor:
        return False
    return hit.similarity >= floor + WEAK_MARGIN or hit.evidence >= MIN_EVIDENCE
