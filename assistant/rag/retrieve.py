"""Hybrid retrieval: dense vectors plus BM25, fused by confidence-weighted reciprocal rank."""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.rag.index import ChunkIndex, chroma_where
from assistant.rag.keyword import KeywordIndex
from assistant.schema import Chunk, Hit
from assistant.text.language import detect_language

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
    """How the two rankings are combined; `keyword_weight` is scaled by the keyword side's confidence."""

    keyword_weight: float = 0.5
    evidence_power: float = 2.0
    candidates: int = 30
    max_per_doc: int = 2
    use_keyword: bool = True
    use_dense: bool = True


def fuse(dense: list[tuple[Chunk, float]], keyword: list[tuple[Chunk, float]]) -> list[tuple[Chunk, float]]:
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
    for rank, (chunk, weight) in enumerate(keyword, start=1):
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
        fused = fuse(dense, keyword)
        missing = [c.id for c, _ in fused[: k * 3] if c.id not in similarities]
        if missing:  # keyword-only hits get a similarity too: the relevance rules need one
            similarities.update(self.keyword_index().similarities(vector, missing))
        chosen: list[tuple[Chunk, float]] = []
        seen_text: set[str] = set()
        per_doc: dict[str, int] = {}
        for chunk, score in fused:
            key = _text_key(chunk.text)
            if key in seen_text or per_doc.get(chunk.doc_id, 0) >= self.fusion.max_per_doc:
                continue
            seen_text.add(key)
            per_doc[chunk.doc_id] = per_doc.get(chunk.doc_id, 0) + 1
            chosen.append((chunk, score))
            if len(chosen) == k:
                break
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
