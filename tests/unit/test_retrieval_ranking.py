"""Ranking rules of the hybrid retriever on a tiny fake index: translation twins lift each other across a
language filter, a document is returned in one language only, and passages of one document agree."""

from __future__ import annotations

from typing import Any

import numpy as np

from assistant.rag.retrieve import Filters, FusionConfig, Retriever
from assistant.rag.twins import twin_sections
from assistant.schema import Chunk


def chunk(cid: str, doc: str, lang: str, text: str) -> Chunk:
    return Chunk(
        id=cid,
        text=text,
        doc_id=doc,
        title=doc,
        source=f"{doc}.md",
        root="r",
        lang=lang,
        file_hash="h",
    )


class FakeEmbeddings:
    def __init__(self, vector: list[float]) -> None:
        self.vector = vector

    def embed_query(self, text: str) -> list[float]:
        return self.vector


class FakeIndex:
    """Just enough of ChunkIndex: cosine search with a `lang` filter, and every chunk with its vector."""

    model_name = "fake"

    def __init__(self, rows: list[tuple[Chunk, list[float]]], query: list[float]) -> None:
        self.chunks = [c for c, _ in rows]
        matrix = np.asarray([v for _, v in rows], dtype=np.float32)
        self.vectors = matrix / np.linalg.norm(matrix, axis=1, keepdims=True)
        self.embeddings = FakeEmbeddings(query)

    def revision(self) -> str:
        return "1"

    def count(self) -> int:
        return len(self.chunks)

    def all_chunks(self) -> tuple[list[Chunk], np.ndarray]:
        return self.chunks, self.vectors

    def query(self, vector: Any, k: int, where: dict[str, Any] | None) -> list[tuple[Chunk, float]]:
        sims = self.vectors @ np.asarray(vector, dtype=np.float32)
        keep = [i for i, c in enumerate(self.chunks) if not where or c.lang == where.get("lang")]
        order = sorted(keep, key=lambda i: -sims[i])[:k]
        return [(self.chunks[i], float(sims[i])) for i in order]


# x is one document in two languages (two sections each); y is an unrelated German document that the
# (cross-lingual) vectors happen to place a little nearer an English question than x's German version.
ROWS = [
    (chunk("x-en-1", "x.en", "en", "Giving feedback upwards with the SBI model"), [1.0, 0.0, 0.0]),
    (chunk("x-en-2", "x.en", "en", "Agreeing the session agenda"), [0.0, 1.0, 0.0]),
    (chunk("x-de-1", "x.de", "de", "Feedback nach oben mit dem SBI-Modell"), [0.6, 0.0, 0.8]),
    (chunk("x-de-2", "x.de", "de", "Die Agenda der Sitzung vereinbaren"), [0.0, 0.6, 0.8]),
    (chunk("y-de-1", "y.de", "de", "Pausen und Kaffee im Büro"), [0.7, 0.0, 0.7]),
]
QUESTION = "How do I give upward feedback?"


def retriever(**fusion: Any) -> Retriever:
    config = FusionConfig(use_keyword=False, document_weight=0.0, **fusion)
    return Retriever(FakeIndex(ROWS, [1.0, 0.0, 0.0]), config)  # type: ignore[arg-type]


def test_twin_sections_pair_a_passage_with_its_translation() -> None:
    chunks, vectors = FakeIndex(ROWS, [1, 0, 0]).all_chunks()
    twins = {k: v.id for k, v in twin_sections(chunks, vectors).items()}
    assert twins == {"x-en-1": "x-de-1", "x-en-2": "x-de-2", "x-de-1": "x-en-1", "x-de-2": "x-en-2"}


def test_a_hit_in_the_other_language_lifts_its_twin_across_a_language_filter() -> None:
    german = Filters(lang="de")
    assert retriever(twin_weight=0.0).search(QUESTION, 2, german)[0].id == "y-de-1"
    hits = retriever().search(QUESTION, 2, german)
    assert hits[0].id == "x-de-1" and all(h.lang == "de" for h in hits)
    # the similarity stays the passage's own cosine with the question (what the relevance rule reads)
    assert hits[0].similarity == 0.6
    # a question in the filtered language itself is served by that language's own rankings
    assert retriever().search("Wie gebe ich meiner Chefin Feedback nach oben?", 2, german)[0].id == "y-de-1"


def test_without_a_filter_a_document_comes_in_one_language_only() -> None:
    both = [h.doc_id for h in retriever(collapse_twins=False).search(QUESTION, 4)]
    assert "x.en" in both and "x.de" in both
    one = [h.doc_id for h in retriever().search(QUESTION, 4)]
    assert one[0] == "x.en" and "x.de" not in one and "y.de" in one


def test_passages_of_one_document_lift_each_other() -> None:
    rows = [
        (chunk("q", "q.en", "en", "one strong passage"), [1.0, 0.0, 0.0]),
        (chunk("p1", "p.en", "en", "first of two"), [0.9, 0.1, 0.0]),
        (chunk("p2", "p.en", "en", "second of two"), [0.8, 0.2, 0.0]),
    ]
    alone = Retriever(FakeIndex(rows, [1.0, 0.0, 0.0]), FusionConfig(use_keyword=False, document_weight=0.0))  # type: ignore[arg-type]
    assert [h.id for h in alone.search("x", 2)] == ["q", "p1"]
    agreeing = Retriever(FakeIndex(rows, [1.0, 0.0, 0.0]), FusionConfig(use_keyword=False))  # type: ignore[arg-type]
    assert [h.id for h in agreeing.search("x", 2)] == ["p1", "p2"]
