"""A small in-memory BM25 index over chunks: exact terms (SBI, GROW, tool names) that vectors blur."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from assistant.schema import Chunk
from assistant.text.language import ENGLISH_STOPWORDS, GERMAN_STOPWORDS, LANGS, Lang

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
    """Okapi BM25 (k1=1.2, b=0.75) over title, section and text of every chunk.

    Each term's postings are numpy arrays of chunk positions and precomputed term weights (BM25 without
    the IDF factor), so a query costs a few vector operations however large the index is.
    """

    def __init__(
        self, chunks: list[Chunk], vectors: np.ndarray | None = None, k1: float = 1.2, b: float = 0.75
    ) -> None:
        self.chunks = chunks
        self.vectors = vectors  # row i is chunk i's embedding, when the caller has them
        self.positions = {chunk.id: i for i, chunk in enumerate(chunks)}
        counts = [Counter(tokenize(f"{c.title} {c.section} {c.text}", c.lang)) for c in chunks]
        lengths = np.asarray([sum(c.values()) for c in counts], dtype=np.float32)
        avg = float(lengths.mean()) if len(chunks) else 1.0
        raw: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        for position, (terms, length) in enumerate(zip(counts, lengths, strict=True)):
            norm = k1 * (1 - b + b * float(length) / (avg or 1.0))
            for term, tf in terms.items():
                positions, weights = raw[term]
                positions.append(position)
                weights.append(tf * (k1 + 1) / (tf + norm))
        self.postings: dict[str, tuple[np.ndarray, np.ndarray]] = {
            term: (np.asarray(pos, dtype=np.int64), np.asarray(w, dtype=np.float32))
            for term, (pos, w) in raw.items()
        }

    def similarities(self, query_vector: Sequence[float], chunk_ids: list[str]) -> dict[str, float]:
        """Cosine similarity of the query to chunks by id (vectors are unit length)."""
        if self.vectors is None or not chunk_ids:
            return {}
        known = [cid for cid in chunk_ids if cid in self.positions]
        rows = self.vectors[[self.positions[cid] for cid in known]]
        return dict(zip(known, (rows @ np.asarray(query_vector, dtype=np.float32)).tolist(), strict=True))

    def idf(self, term: str) -> float:
        n = len(self.postings[term][0]) if term in self.postings else 0
        return math.log(1 + (len(self.chunks) - n + 0.5) / (n + 0.5))

    def search(self, query: str, k: int, keep: ChunkFilter | None = None) -> list[tuple[Chunk, float]]:
        """The k best chunks for the query's terms, best first; `keep` filters by metadata."""
        return [(hit.chunk, hit.score) for hit in self.search_hits(query, k, keep)]

    def search_hits(self, query: str, k: int, keep: ChunkFilter | None = None) -> list[KeywordHit]:
        """Like `search`, with the share of the query's IDF mass each chunk matched (its evidence)."""
        groups = query_terms(query)
        total_idf = sum(max(self.idf(t) for t in group) for group in groups) or 1.0
        n = len(self.chunks)
        scores = np.zeros(n, dtype=np.float32)
        matched = np.zeros(n, dtype=np.float32)
        for group in groups:  # a word's German and English stems: the better one counts, never both
            best = np.zeros(n, dtype=np.float32)
            best_idf = np.zeros(n, dtype=np.float32)
            for term in group:
                if term not in self.postings:
                    continue
                positions, weights = self.postings[term]
                idf = self.idf(term)
                part = weights * idf
                better = part > best[positions]
                best[positions[better]] = part[better]
                best_idf[positions[better]] = idf
            scores += best
            matched += best_idf
        candidates = np.flatnonzero(scores)
        ranked = candidates[np.argsort(-scores[candidates], kind="stable")]
        results: list[KeywordHit] = []
        for position in ranked:
            chunk = self.chunks[int(position)]
            if keep is None or keep(chunk):
                results.append(
                    KeywordHit(chunk, float(scores[position]), float(matched[position]) / total_idf)
                )
                if len(results) == k:
                    break
        return results
