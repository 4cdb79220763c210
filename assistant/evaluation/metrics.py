"""Ranking metrics over document ids: one function per concern, each a pure function with a doctest."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

Match = Callable[[str], bool]


def first_rank(ranked: Sequence[str], is_relevant: Match) -> int | None:
    """1-based rank of the first relevant id, or None.

    >>> first_rank(["a", "b", "c"], lambda d: d == "b")
    2
    """
    for rank, doc in enumerate(ranked, start=1):
        if is_relevant(doc):
            return rank
    return None


def recall_at(ranked: Sequence[str], is_relevant: Match, k: int) -> float:
    """1.0 when a relevant document is among the first k (the question is answerable from them).

    >>> recall_at(["a", "b"], lambda d: d == "b", 1), recall_at(["a", "b"], lambda d: d == "b", 2)
    (0.0, 1.0)
    """
    rank = first_rank(ranked[:k], is_relevant)
    return 1.0 if rank is not None else 0.0


def reciprocal_rank(ranked: Sequence[str], is_relevant: Match, k: int = 10) -> float:
    """1/rank of the first relevant document within k, else 0.

    >>> reciprocal_rank(["a", "b", "c"], lambda d: d == "c")
    0.3333333333333333
    """
    rank = first_rank(ranked[:k], is_relevant)
    return 1.0 / rank if rank else 0.0


def ndcg_at(ranked: Sequence[str], is_relevant: Match, n_relevant: int, k: int = 10) -> float:
    """Binary-relevance nDCG@k over distinct documents.

    >>> round(ndcg_at(["x", "a"], lambda d: d == "a", 1), 3)
    0.631
    >>> ndcg_at(["a", "x"], lambda d: d == "a", 1)
    1.0
    """
    dcg = sum(1.0 / math.log2(rank + 1) for rank, doc in enumerate(ranked[:k], start=1) if is_relevant(doc))
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(n_relevant, k) + 1))
    return dcg / ideal if ideal else 0.0


def distinct(ids: Sequence[str]) -> list[str]:
    """Keep the first occurrence of each id (several chunks of one document count once).

    >>> distinct(["a", "b", "a", "c"])
    ['a', 'b', 'c']
    """
    return list(dict.fromkeys(ids))


def rate(passed: float, total: float, empty: float = 1.0) -> float:
    """`passed / total` to four places; `empty` when nothing was counted (by default: nothing failed).

    >>> rate(2, 3), rate(0, 0), rate(0, 0, empty=0.0)
    (0.6667, 1.0, 0.0)
    """
    return round(passed / total, 4) if total else empty


def share(outcomes: Sequence[bool]) -> float:
    """The share of true outcomes to four places, 0.0 for none."""
    return rate(sum(outcomes), len(outcomes), empty=0.0)
