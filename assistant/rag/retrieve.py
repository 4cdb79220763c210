"""Hybrid retrieval: dense vectors plus BM25, fused by confidence-weighted reciprocal rank.

Three general refinements on top of the fusion (weights tuned on the dev split of `tandem eval retrieval`):
- translation twins: with a language filter, the other language is searched too and each hit stands in
  for the matching passage of its twin (`assistant.rag.twins`), since a question matches its own language
  best; without a filter a document is returned in one language only (the twins say the same thing);
- document agreement: passages of one document lift each other a little (`document_weight`);
- `similarity` stays the cosine of question and passage: the relevance rule compares it with its floors.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.rag.index import ChunkIndex, chroma_where
from assistant.rag.keyword import KeywordIndex
from assistant.rag.twins import twin_sections
from assistant.schema import Chunk, Hit
from assistant.text.language import LANGS, detect_language, doc_stem

RRF_K = 60


@dataclass
class Filters:
    """Metadata filters; None means any."""

    lang: str | None = None
    audience: str | None = None
    topic: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {"lang": self.lang, "audience": self.audience, "topic": self.topic}

    def keep(self, chunk: Chunk) -> bool:
        return all(value is None or getattr(chunk, key) == value for key, value in self.as_dict().items())


@dataclass
class FusionConfig:
    """How the rankings are combined; `keyword_weight` is scaled by the keyword side's confidence."""

    keyword_weight: float = 1.0
    evidence_power: float = 1.0
    candidates: int = 30
    max_per_doc: int = 2
    use_keyword: bool = True
    use_dense: bool = True
    twin_weight: float = 1.0  # the other language's dense ranking, mapped to twins (with a language filter)
    twin_keyword_weight: float = 1.0  # the same for its keyword ranking (scaled by confidence too)
    collapse_twins: bool = True  # without a filter, each document in one language only
    document_weight: float = 0.3  # share of a document's best other passage's score added to a passage


def fuse(
    dense: list[tuple[Chunk, float]],
    keyword: list[tuple[Chunk, float]],
    *more: list[tuple[Chunk, float]],
) -> list[tuple[Chunk, float]]:
    """Weighted reciprocal-rank fusion: dense ranks weigh 1, each keyword hit carries its own weight.

    >>> a, b = (Chunk(id=i, text=i, doc_id=i, title=i, source=i, root="r", lang="en", file_hash="h")
    ...         for i in "ab")
    >>> [c.id for c, _ in fuse([(a, .9), (b, .8)], [(b, 1.0)])]
    ['b', 'a']
    >>> [c.id for c, _ in fuse([(a, .9), (b, .8)], [(b, 0.0)])]
    ['a', 'b']
    """
    scores: dict[str, float] = {}
    chunks: dict[str, Chunk] = {}
    for rank, (chunk, _) in enumerate(dense, start=1):
        scores[chunk.id] = scores.get(chunk.id, 0.0) + 1.0 / (RRF_K + rank)
        chunks[chunk.id] = chunk
    for ranking in (keyword, *more):
        for rank, (chunk, weight) in enumerate(ranking, start=1):
            if weight > 0:
                scores[chunk.id] = scores.get(chunk.id, 0.0) + weight / (RRF_K + rank)
                chunks[chunk.id] = chunk
    ranked = sorted(scores, key=lambda cid: -scores[cid])
    return [(chunks[cid], scores[cid]) for cid in ranked]


def _text_key(text: str) -> str:
    return hashlib.sha1(re.sub(r"\s+", " ", text.strip().lower()).encode()).hexdigest()


@dataclass
class Retriever:
    """Searches the index; the keyword side is rebuilt whenever the index's revision changes."""

    index: ChunkIndex
    fusion: FusionConfig = field(default_factory=FusionConfig)
    revision_check_seconds: float = 2.0
    _keyword: KeywordIndex | None = None
    _twins: dict[str, Chunk] = field(default_factory=dict)
    _revision: str = ""
    _checked_at: float = -1e9
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def keyword_index(self) -> KeywordIndex:
        """The keyword side, rebuilt when the index changed (another process's ingest shows within seconds)."""
        with self._lock:
            now = time.monotonic()
            if self._keyword is None or now - self._checked_at >= self.revision_check_seconds:
                revision = self.index.revision()
                self._checked_at = now
                if self._keyword is None or revision != self._revision:
                    self._keyword = KeywordIndex(*self.index.all_chunks())
                    self._twins = twin_sections(self._keyword.chunks, self._keyword.vectors)
                    self._revision = revision
            return self._keyword

    def refresh(self) -> None:
        """Forget the cached keyword side (after an ingest in this process)."""
        with self._lock:
            self._keyword = None

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        """Every chunk of one document, in document order."""
        chunks = [c for c in self.keyword_index().chunks if c.doc_id == doc_id]
        return sorted(chunks, key=lambda c: (c.page, c.start_line))

    def is_empty(self) -> bool:
        """True when nothing has been ingested yet."""
        return self.index.count() == 0

    def search(
        self, query: str, k: int = 5, filters: Filters | None = None, vector: Sequence[float] | None = None
    ) -> list[Hit]:
        """The k best passages for a question, deduplicated, best first; pass `vector` if already embedded."""
        filters = filters or Filters()
        n = max(self.fusion.candidates, 4 * k)
        similarities: dict[str, float] = {}
        dense: list[tuple[Chunk, float]] = []
        if vector is None:
            vector = self.index.embeddings.embed_query(query)
        if self.fusion.use_dense:
            dense = self.index.query(vector, n, chroma_where(filters.as_dict()))
            similarities = {chunk.id: sim for chunk, sim in dense}
        keyword: list[tuple[Chunk, float]] = []
        if self.fusion.use_keyword:
            # A keyword hit counts by how much of the query's distinctive vocabulary it matched: an exact
            # rare term (SBI, LinkedIn) pulls hard, a stray common word from the other language barely.
            base = self.fusion.keyword_weight if self.fusion.use_dense else 1.0
            keyword_hits = self.keyword_index().search_hits(query, n, filters.keep)
            keyword = [(hit.chunk, base * hit.matched**self.fusion.evidence_power) for hit in keyword_hits]
        fused = fuse(dense, keyword, *self._twin_rankings(query, vector, filters, n))
        missing = [c.id for c, _ in fused[: k * 3] if c.id not in similarities]
        if missing:  # keyword-only hits get a similarity too: the relevance rules need one
            similarities.update(self.keyword_index().similarities(vector, missing))
        chosen = self._select(self._aggregate(fused), k)
        # Every passage returned gets its evidence (dense-only hits too): what the relevance rule reads.
        evidence = self.keyword_index().evidence(query, [c for c, _ in chosen], detect_language(query))
        return [
            Hit.from_chunk(
                chunk,
                score=round(score, 6),
                similarity=round(similarities.get(chunk.id, 0.0), 4),
                evidence=round(evidence.get(chunk.id, 0.0), 4),
            )
            for chunk, score in chosen
        ]

    def _document(self, chunk: Chunk) -> str:
        """The unit of diversity: a document, or both language versions of it when twins are collapsed."""
        return doc_stem(chunk.doc_id) if self.fusion.collapse_twins else chunk.doc_id

    def _aggregate(self, fused: list[tuple[Chunk, float]]) -> list[tuple[Chunk, float]]:
        """Passages of one document agreeing lift each other: each gains `document_weight` times the score
        of the best other passage of its document, and the list is sorted again."""
        if self.fusion.document_weight <= 0:
            return fused
        top_two: dict[str, list[float]] = {}
        for chunk, score in fused:  # fused is sorted, so the first two of a document are its best
            scores = top_two.setdefault(self._document(chunk), [])
            if len(scores) < 2:
                scores.append(score)
        lifted: list[tuple[Chunk, float]] = []
        seen: set[str] = set()
        for chunk, score in fused:
            document = self._document(chunk)
            scores = top_two[document]
            # the document's best passage is lifted by its second, every other passage by the best
            other = (scores[1] if len(scores) > 1 else 0.0) if document not in seen else scores[0]
            seen.add(document)
            lifted.append((chunk, score + self.fusion.document_weight * other))
        return sorted(lifted, key=lambda pair: -pair[1])

    def _select(self, fused: list[tuple[Chunk, float]], k: int) -> list[tuple[Chunk, float]]:
        """The k best passages: each text once, at most `max_per_doc` per document, and with collapsed
        twins each document in one language only (the first chosen)."""
        chosen: list[tuple[Chunk, float]] = []
        seen_text: set[str] = set()
        per_doc: dict[str, int] = {}
        version: dict[str, str] = {}
        for chunk, score in fused:
            key, document = _text_key(chunk.text), self._document(chunk)
            if key in seen_text or per_doc.get(document, 0) >= self.fusion.max_per_doc:
                continue
            if version.setdefault(document, chunk.doc_id) != chunk.doc_id:
                continue
            seen_text.add(key)
            per_doc[document] = per_doc.get(document, 0) + 1
            chosen.append((chunk, score))
            if len(chosen) == k:
                break
        return chosen

    def _twin_rankings(
        self, query: str, vector: Sequence[float], filters: Filters, n: int
    ) -> list[list[tuple[Chunk, float]]]:
        """With a filter to another language than the question's: the question's own language's rankings,
        each hit replaced by the matching passage of its twin in the filtered language (a question matches
        its own language best)."""
        if not filters.lang or detect_language(query) == filters.lang:
            return []  # a question in the filtered language is served by that language's own rankings
        self.keyword_index()  # the twin map is rebuilt with it
        rankings: list[list[tuple[Chunk, float]]] = []
        for other in (lang for lang in LANGS if lang != filters.lang):
            other_filters = replace(filters, lang=other)
            if self.fusion.use_dense and self.fusion.twin_weight > 0:
                found = [
                    (c, 1.0) for c, _ in self.index.query(vector, n, chroma_where(other_filters.as_dict()))
                ]
                rankings.append(self._to_twins(found, filters, self.fusion.twin_weight))
            if self.fusion.use_keyword and self.fusion.twin_keyword_weight > 0:
                hits = self.keyword_index().search_hits(query, n, other_filters.keep)
                found = [(hit.chunk, hit.matched**self.fusion.evidence_power) for hit in hits]
                rankings.append(self._to_twins(found, filters, self.fusion.twin_keyword_weight))
        return rankings

    def _to_twins(
        self, found: list[tuple[Chunk, float]], filters: Filters, weight: float
    ) -> list[tuple[Chunk, float]]:
        """Hits mapped to their twin passages that pass the filters, each twin once, in hit order; a hit's
        strength (0..1) scales `weight`."""
        twins: list[tuple[Chunk, float]] = []
        seen: set[str] = set()
        for chunk, strength in found:
            twin = self._twins.get(chunk.id)
            if twin is not None and twin.id not in seen and filters.keep(twin):
                seen.add(twin.id)
                twins.append((twin, weight * strength))
        return twins


class TandemRetriever(BaseRetriever):
    """The same search as a LangChain retriever, for use in chains."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    retriever: Any
    k: int = 5
    filters: Filters | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        hits: list[Hit] = self.retriever.search(query, self.k, self.filters)
        return [Document(page_content=h.text, metadata=h.model_dump(exclude={"text"})) for h in hits]
