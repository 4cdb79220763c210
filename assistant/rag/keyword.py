"""A small in-memory BM25 index over chunks: exact terms (SBI, GROW, tool names) that vectors blur."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from assistant.lang import ENGLISH_STOPWORDS, GERMAN_STOPWORDS
from assistant.schema import Chunk

_TOKEN = re.compile(r"[0-9a-zäöüß]+(?:[-'][0-9a-zäöüß]+)*", re.IGNORECASE)
_STOP = GERMAN_STOPWORDS | ENGLISH_STOPWORDS


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens without stop words; a light plural fold keeps 'sessions' ~ 'session'.

    >>> tokenize("The SBI model: Situation, Behaviour, Impact!")
    ['sbi', 'model', 'situation', 'behaviour', 'impact']
    >>> tokenize("Fragen und Sessions")
    ['fragen', 'session']
    >>> tokenize("LinkedIn-Profil")
    ['linkedin-profil', 'linkedin', 'profil']
    """
    tokens: list[str] = []
    for raw in _TOKEN.findall(text):
        whole = raw.lower()
        parts = whole.split("-") if "-" in whole else []
        for word in [whole, *parts]:
            if word in _STOP or len(word) < 2:
                continue
            if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
                word = word[:-1]
            tokens.append(word)
    return tokens


ChunkFilter = Callable[[Chunk], bool]


@dataclass
class KeywordHit:
    """A BM25 hit; `matched` is the share (0..1) of the query's IDF mass found in the chunk."""

    chunk: Chunk
    score: float
    matched: float


class KeywordIndex:
    """Okapi BM25 (k1=1.2, b=0.75) over title, section and text of every chunk."""

    def __init__(self, chunks: list[Chunk], k1: float = 1.2, b: float = 0.75) -> None:
        self.chunks = chunks
        self.k1, self.b = k1, b
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.lengths: list[int] = []
        for position, chunk in enumerate(chunks):
            counts = Counter(tokenize(f"{chunk.title} {chunk.section} {chunk.text}"))
            self.lengths.append(sum(counts.values()))
            for term, tf in counts.items():
                self.postings[term].append((position, tf))
        self.avg_length = (sum(self.lengths) / len(self.lengths)) if self.lengths else 0.0

    def idf(self, term: str) -> float:
        n = len(self.postings.get(term, ()))
        return math.log(1 + (len(self.chunks) - n + 0.5) / (n + 0.5))

    def search(self, query: str, k: int, keep: ChunkFilter | None = None) -> list[tuple[Chunk, float]]:
        """The k best chunks for the query's terms, best first; `keep` filters by metadata."""
        return [(hit.chunk, hit.score) for hit in self.search_hits(query, k, keep)]

    def search_hits(self, query: str, k: int, keep: ChunkFilter | None = None) -> list[KeywordHit]:
        """Like `search`, with the share of the query's IDF mass each chunk matched (its evidence)."""
        terms = set(tokenize(query))
        total_idf = sum(self.idf(t) for t in terms) or 1.0
        scores: dict[int, float] = defaultdict(float)
        matched: dict[int, float] = defaultdict(float)
        for term in terms:
            idf = self.idf(term)
            for position, tf in self.postings.get(term, ()):
                norm = tf + self.k1 * (1 - self.b + self.b * self.lengths[position] / (self.avg_length or 1))
                scores[position] += idf * tf * (self.k1 + 1) / norm
                matched[position] += idf
        ranked = sorted(scores.items(), key=lambda item: -item[1])
        results: list[KeywordHit] = []
        for position, score in ranked:
            chunk = self.chunks[position]
            if keep is None or keep(chunk):
                results.append(KeywordHit(chunk, score, matched[position] / total_idf))
                if len(results) == k:
                    break
        return results
