"""The relevance rule: which retrieved passages are close enough to a question to ground an answer."""

from __future__ import annotations

from assistant.schema import Hit

# Without a background model: margins above the similarity floor.
CLEAR_MARGIN = 0.13
MIN_EVIDENCE = 0.45
# With a background model (`assistant.rag.background`): margins over the question's closeness to it.
CLEAR_CONTRAST = 0.08
EVIDENCE_CONTRAST = 0.04
# A passage in the other language than the question, whose translation twin holds the question's vocabulary:
# cross-language e5 similarities run lower than same-language ones for the same content.
TWIN_CONTRAST = 0.0


def is_relevant(
    hit: Hit, floor: float, background: float | None = None, twin_evidence: float | None = None
) -> bool:
    """Above the floor, and clearly closer to the question than anything outside the programme is.

    `similarity` is the cosine of centered e5 vectors; `evidence` the IDF-weighted share of the question's
    content words found in the passage's title, section or text as whole words (a compound's fragment
    counts only as itself; across languages only the word itself counts), see `KeywordIndex.evidence`.
    `background` is the question's closeness to the background model (generic sentences about everyday
    and other-work domains, `Background.closeness`).

    With a background: the passage passes when its similarity exceeds the background closeness by
    `CLEAR_CONTRAST`, or by `EVIDENCE_CONTRAST` when much of the question's own vocabulary is in it. The
    contrast is a likelihood-ratio style test: e5 similarities are compressed and shift with the
    question's language and length, and both sides shift together. Without one (an embedding model the
    margins are not calibrated for): the similarity must clear the floor by `CLEAR_MARGIN`, or the
    evidence reach `MIN_EVIDENCE`. `twin_evidence` is given for a passage in another language than the
    question: the evidence of its translation twin (the same section in the question's language), where
    the question's words can be matched by stem; reaching `MIN_EVIDENCE` there, the passage needs only
    `TWIN_CONTRAST` over the background. Calibrated on the dev split of `evals/datasets/relevance/cases.jsonl`
    (`tandem eval relevance`).

    >>> base = Hit(id="1", source="s", title="t", section="", lang="en", score=1, text="x")
    >>> [is_relevant(base.model_copy(update=u), 0.17) for u in
    ...  ({"similarity": 0.35}, {"similarity": 0.25}, {"similarity": 0.25, "evidence": 0.6},
    ...   {"similarity": 0.1, "evidence": 1.0})]
    [True, False, True, False]
    >>> [is_relevant(base.model_copy(update=u), 0.17, background=0.3) for u in
    ...  ({"similarity": 0.40}, {"similarity": 0.35}, {"similarity": 0.35, "evidence": 0.6},
    ...   {"similarity": 0.32, "evidence": 1.0})]
    [True, False, True, False]
    >>> [is_relevant(base.model_copy(update={"similarity": 0.31}), 0.17, 0.3, t) for t in (None, 0.3, 0.7)]
    [False, False, True]
    """
    if hit.similarity < floor:
        return False
    if background is None:
        return hit.similarity >= floor + CLEAR_MARGIN or hit.evidence >= MIN_EVIDENCE
    contrast = hit.similarity - background
    if contrast >= CLEAR_CONTRAST or (hit.evidence >= MIN_EVIDENCE and contrast >= EVIDENCE_CONTRAST):
        return True
    return twin_evidence is not None and twin_evidence >= MIN_EVIDENCE and contrast >= TWIN_CONTRAST
