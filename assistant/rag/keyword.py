"""A small in-memory BM25 index over chunks: exact terms (SBI, GROW, tool names) that vectors blur."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

import numpy as np

from assistant.schema import Chunk
from assistant.text.language import ENGLISH_STOPWORDS, GERMAN_STOPWORDS, LANGS, Lang

_TOKEN = re.compile(r"[0-9a-zäöüß]+(?:[-'][0-9a-zäöüß]+)*", re.IGNORECASE)
_STOP = GERMAN_STOPWORDS | ENGLISH_STOPWORDS


@lru_cache(maxsize=2)
def _stemmer(lang: Lang) -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("german" if lang == "de" else "english")


def content_words(text: str) -> list[str]:
    """Lower-cased words without stop words (two letters or more); a hyphenated word, then its parts.

    >>> content_words("How do I use Teach-back?")
    ['use', 'teach-back', 'teach', 'back']
    """
    words: list[str] = []
    for raw in _TOKEN.findall(text):
        whole = raw.lower()
        parts = whole.split("-") if "-" in whole else []
        words.extend(w for w in (whole, *parts) if w not in _STOP and len(w) >= 2)
    return words


def tokenize(text: str, lang: Lang = "en") -> list[str]:
    """Snowball-stemmed, lower-cased word tokens without stop words; hyphenated words also in parts.

    >>> tokenize("The SBI model: Situation, Behaviour, Impact!")
    ['sbi', 'model', 'situat', 'behaviour', 'impact']
    >>> tokenize("Offene Fragen für Führungskräfte", "de")
    ['off', 'frag', 'fuhrungskraft']
    >>> tokenize("LinkedIn-Profil", "de")
    ['linkedin-profil', 'linkedin', 'profil']
    """
    return [str(stem) for stem in _stemmer(lang).stemWords(content_words(text))]


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


class QueryWord(NamedTuple):
    """A content word of a question and its stem in each language."""

    word: str
    stems: dict[Lang, str]


def query_words(query: str) -> list[QueryWord]:
    """The question's content words with their German and English stems.

    >>> query_words("Brot backen")[1]
    QueryWord(word='backen', stems={'de': 'back', 'en': 'backen'})
    >>> [w.word for w in query_words("Wie viele Fragen?")]  # "viele" is an inflected stop word
    ['fragen']
    """
    words = content_words(query)
    stems = {lang: _stemmer(lang).stemWords(words) for lang in LANGS}
    found = [QueryWord(word, {lang: str(stems[lang][i]) for lang in LANGS}) for i, word in enumerate(words)]
    return [word for word in found if all(word.stems[lang] not in _stop_stems(lang) for lang in LANGS)]


@lru_cache(maxsize=2)
def _stop_stems(lang: Lang) -> frozenset[str]:
    """Stems of the stop words: an inflected stop word ("viele", "welchem") is no evidence either."""
    words = sorted(GERMAN_STOPWORDS if lang == "de" else ENGLISH_STOPWORDS)
    return frozenset(str(stem) for stem in _stemmer(lang).stemWords(words))


class Vocabulary(NamedTuple):
    """What a passage can be evidence with: its words (hyphen parts too) and the stems of its whole words."""

    words: frozenset[str]
    stems: frozenset[str]


def vocabulary(text: str, lang: Lang) -> Vocabulary:
    """The words of a passage, and the stems of whole words only: a fragment of a compound ("back" in
    "Teach-back") matches only itself, never another word that happens to share its stem ("backe").

    >>> v = vocabulary("Checking understanding with Teach-back", "en")
    >>> "back" in v.words, "back" in v.stems, "check" in v.stems
    (True, False, True)
    """
    words = content_words(text)
    whole = [w for w in _TOKEN.findall(text.lower()) if w not in _STOP and len(w) >= 2]
    return Vocabulary(frozenset(words), frozenset(str(s) for s in _stemmer(lang).stemWords(whole)))


def matches(word: QueryWord, passage: Vocabulary, passage_lang: Lang, query_lang: Lang) -> bool:
    """A question word is found in a passage as itself, or by its stem in the question's own language.

    Across languages only the word itself counts: German "backe" and English "back" share a stem, not a
    meaning, while loan words and names (Feedback, LinkedIn, SBI) are spelt the same in both.

    >>> passage = vocabulary("Report back to your mentor", "en")
    >>> [matches(w, passage, "en", "de") for w in query_words("Wie backe ich mit dem Mentor?")]
    [False, True]
    >>> [matches(w, passage, "en", "en") for w in query_words("reporting to mentors")]
    [True, True]
    """
    return word.word in passage.words or (
        passage_lang == query_lang and word.stems[passage_lang] in passage.stems
    )


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

    def evidence(self, query: str, chunks: Sequence[Chunk], query_lang: Lang) -> dict[str, float]:
        """Per chunk id: the share (0..1) of the question's IDF mass found in the chunk's title, section
        and text (see `matches`). A word the material never uses weighs most, so a question about
        something else ("Sauerteigbrot", "Australia") finds little evidence anywhere; common words barely
        count either way.
        """
        words = query_words(query)
        weights = [max(self.idf(stem) for stem in word.stems.values()) for word in words]
        total = sum(weights)
        found: dict[str, float] = {}
        for chunk in chunks:
            passage = vocabulary(f"{chunk.title}\n{chunk.section}\n{chunk.text}", chunk.lang)
            mass = sum(
                w
                for word, w in zip(words, weights, strict=True)
                if matches(word, passage, chunk.lang, query_lang)
            )
            found[chunk.id] = mass / total if total else 0.0
        return found

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
