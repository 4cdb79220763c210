"""Shared helpers for the benchmarks: timing, percentiles, the shipped knowledge base as chunks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from assistant.rag.ingest import build_chunks, list_files
from assistant.rag.loaders import load_file
from assistant.schema import Chunk
from assistant.settings import PROJECT_ROOT, Settings

KNOWLEDGE = PROJECT_ROOT / "knowledge"


def knowledge_chunks(settings: Settings, root: Path = KNOWLEDGE) -> list[Chunk]:
    """The knowledge base chunked exactly as `tandem ingest` chunks it."""
    chunks: list[Chunk] = []
    for path in list_files(root):
        source = path.relative_to(root).as_posix()
        loaded = load_file(path, 10**8)
        chunks += build_chunks(
            loaded, source, str(root), "bench", settings.chunk_size, settings.chunk_overlap
        )
    return chunks


def timed(fn: Callable[[], object]) -> float:
    """Seconds one call takes."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0..100) by linear interpolation."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[max(0, min(98, int(p) - 1))]
