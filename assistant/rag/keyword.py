"""A small in-memory BM25 index over chunks: exact terms (SBI, GROW, tool names) that vectors blur."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from assistant.lang import ENGLISH_STOPWORDS, GERMAN_STOPWORDS, LANGS, Lang
from assistant.schema import Chunk

_TOKEN = re.compile(r"[0-9a-zäöüß]+(?:[-'][0-9a-zäöüß]+)*", re.IGNORECASE)
_STOP = GERMAN_STOPWORDS | ENGLISH_STOPWORDS


@lru_cache(maxsize=2)
def _stemmer(lang: Lang) -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("german" if lang == "de" else "english")


def tokenize(text: str, lang: Lang = "en") -> list[str]:
    """Snowball-stemmed, lower-cased word tokens without stop words; hyphenated words also in parts.

    >>> tokenize("The SBI model: Situation, Behaviour, Impact!")
    ['sbi', 'model', 'situat', 'behaviour', 'impact']
    >>> tokenize("Offene Fragen für Führungskräfte", "de")
    ['off', 'frag', 'fuhrungskraft']
    >>> tokenize("LinkedIn-Profil", "de")
    ['linkedin-profil', 'linkedin', 'profil']
    """
    words: list[str] = []
    for raw in _TOKEN.findall(text):
        whole = raw.lower()
        parts = whole.split("-") if "-" in whole else []
        words.extend(w for w in (whole, *parts) if w not in _STOP and len(w) >= 2)
    return [str(stem) for stem in _stemmer(lang).stemWords(words)]


def query_terms(query: str) -> list[set[str]]:
    """One set of stems per query word, German and English: a short question's language is a guess.

    >>> [sorted(group) for group in query_terms("Phishing erkennen")]
    [['phish', 'phishing'], ['erkenn', 'erkennen']]
    """
    groups: dict[int, set[str]] = {}
    for lang in LANGS:  # both languages drop the same stop words, so positions line up
        for position, stem in enumerate(tokenize(query, lang)):
            groups.setdefault(position, set()).add(stem)
    return list(groups.values())


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
            counts = Counter(tokenize(f"{chunk.title} {chunk.section} {chunk.text}", chunk.lang))
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
        groups = query_terms(query)
        total_idf = sum(max(self.idf(t) for t in group) for group in groups) or 1.0
        scores: dict[int, float] = defaultdict(float)
        matched: dict[int, float] = defaultdict(float)
        for group in groups:
            best: dict[int, tuple[float, float]] = {}  # position -> (bm25 part, idf) of the best variant
            for term in group:
                idf = self.idf(term)
                for position, tf in self.postings.get(term, ()):
                    norm = tf + self.k1 * (
                        1 - self.b + self.b * self.lengths[position] / (self.avg_length or 1)
                    )
                    part = idf * tf * (self.k1 + 1) / norm
                    if part > best.get(position, (0.0, 0.0))[0]:
                        best[position] = (part, idf)
            for position, (part, idf) in best.items():
                scores[position] += part
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
