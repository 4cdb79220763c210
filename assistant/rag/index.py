"""The vector store: one Chroma collection (embedded or a server) with chunks, vectors and metadata."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.errors import BackendError, IndexMismatchError
from assistant.rag.embeddings import embedding_name
from assistant.schema import Chunk

if TYPE_CHECKING:
    from assistant.settings import Settings

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

_BATCH = 1000


@dataclass
class FileState:
    """What the index holds for one file: its content hash and the ids of its chunks."""

    file_hash: str
    ids: set[str]


def make_client(settings: Settings) -> Any:
    """Embedded Chroma under the data dir, or a Chroma server when TANDEM_CHROMA_URL is set."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if not settings.chroma_url:
        path = settings.data_dir / "chroma"
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    url = urlparse(settings.chroma_url)
    if not url.hostname:
        raise BackendError(
            f"TANDEM_CHROMA_URL={settings.chroma_url!r} is not a URL like http://127.0.0.1:8000"
        )
    try:
        client = chromadb.HttpClient(
            host=url.hostname,
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=chroma_settings,
        )
        client.heartbeat()
    except Exception as exc:
        raise BackendError(
            f"cannot reach the Chroma server at {settings.chroma_url} ({exc.__class__.__name__}); start it with "
            "`chroma run --host 127.0.0.1 --port 8000` or unset TANDEM_CHROMA_URL to use embedded Chroma"
        ) from exc
    return client


def chroma_where(filters: dict[str, str | None]) -> dict[str, Any] | None:
    """Turn {"lang": "de", "topic": None} into a Chroma `where` clause.

    >>> chroma_where({"lang": "de", "topic": None})
    {'lang': 'de'}
    >>> chroma_where({"lang": "de", "audience": "junior"})
    {'$and': [{'lang': 'de'}, {'audience': 'junior'}]}
    >>> chroma_where({}) is None
    True
    """
    clauses = [{key: value} for key, value in filters.items() if value]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class ChunkIndex:
    """Chunks in Chroma; the embedding model's name is stored with the collection and checked on use."""

    def __init__(self, client: Any, name: str, embeddings: Embeddings) -> None:
        self.client = client
        self.name = name
        self.embeddings = embeddings
        self.model_name = embedding_name(embeddings)
        self._collection: Any = None

    def collection(self) -> Any:
        """The collection, created on first use; a different embedding model is an error, not a mix."""
        if self._collection is None:
            col = self.client.get_or_create_collection(
                self.name,
                embedding_function=None,
                metadata={"embedding_model": self.model_name, "revision": uuid.uuid4().hex},
                configuration={"hnsw": {"space": "cosine"}},
            )
            stored = (col.metadata or {}).get("embedding_model")
            if stored and stored != self.model_name:
                raise IndexMismatchError(
                    f"the index '{self.name}' was built with the embedding model '{stored}', but the settings "
                    f"use '{self.model_name}'. Re-index with `tandem ingest --rebuild` (or switch "
                    "TANDEM_EMBEDDING_PROVIDER back)."
                )
            self._collection = col
        return self._collection

    def known_roots(self) -> list[str]:
        """Roots in the index, read without the model check (so --rebuild works after a model change)."""
        try:
            col = self.client.get_collection(self.name, embedding_function=None)
        except Exception:
            return []
        roots: set[str] = set()
        offset = 0
        while True:
            part = col.get(limit=_BATCH, offset=offset, include=["metadatas"])
            if not part["ids"]:
                return sorted(roots)
            roots.update(str(m.get("root", "")) for m in part["metadatas"] if m.get("root"))
            offset += len(part["ids"])

    def reset(self) -> None:
        """Drop the whole collection (for --rebuild)."""
        with contextlib.suppress(Exception):  # a missing collection is fine here
            self.client.delete_collection(self.name)
        self._collection = None

    def revision(self) -> str:
        """Changes whenever chunks are written, also by another process: keyword caches key on it."""
        try:
            col = self.client.get_collection(self.name, embedding_function=None)
        except Exception:
            return ""
        return str((col.metadata or {}).get("revision", "")) + f":{col.count()}"

    def _touch(self) -> None:
        meta = dict(self.collection().metadata or {})
        meta["revision"] = uuid.uuid4().hex
        self.collection().modify(metadata=meta)

    def count(self) -> int:
        return int(self.collection().count())

    def file_states(self, root: str) -> dict[str, FileState]:
        """What is indexed under one root, by source path."""
        states: dict[str, FileState] = {}
        for chunk_id, meta in self._iter_metadata({"root": root}):
            state = states.setdefault(str(meta["source"]), FileState(str(meta["file_hash"]), set()))
            state.ids.add(chunk_id)
        return states

    def upsert(self, chunks: Sequence[Chunk], vectors: Sequence[Sequence[float]]) -> None:
        for start in range(0, len(chunks), _BATCH):
            part = chunks[start : start + _BATCH]
            self.collection().upsert(
                ids=[c.id for c in part],
                documents=[c.text for c in part],
                metadatas=[c.metadata() for c in part],
                embeddings=[list(v) for v in vectors[start : start + _BATCH]],
            )
        if chunks:
            self._touch()

    def delete(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        for start in range(0, len(ids), _BATCH):
            self.collection().delete(ids=ids[start : start + _BATCH])
        if ids:
            self._touch()

    def query(
        self, vector: Sequence[float], k: int, where: dict[str, Any] | None
    ) -> list[tuple[Chunk, float]]:
        """The k nearest chunks with their cosine similarity."""
        result = self.collection().query(
            query_embeddings=[list(vector)],
            n_results=k,
            where=where,
            include=["documents", "metadatas", "distances"],
        )
        found: list[tuple[Chunk, float]] = []
        for chunk_id, text, meta, distance in zip(
            result["ids"][0],
            result["documents"][0],
            result["metadatas"][0],
            result["distances"][0],
            strict=True,
        ):
            found.append((Chunk(id=chunk_id, text=text or "", **meta), 1.0 - float(distance)))
        return found

    def all_chunks(self) -> tuple[list[Chunk], np.ndarray]:
        """Every chunk with its text, and its vector as a row of one matrix (for the keyword side)."""
        chunks: list[Chunk] = []
        vectors: list[np.ndarray] = []
        col = self.collection()
        total = col.count()
        for offset in range(0, total, _BATCH):
            part = col.get(limit=_BATCH, offset=offset, include=["documents", "metadatas", "embeddings"])
            for chunk_id, text, meta in zip(part["ids"], part["documents"], part["metadatas"], strict=True):
                chunks.append(Chunk(id=chunk_id, text=text or "", **meta))
            vectors.append(np.asarray(part["embeddings"], dtype=np.float32))
        matrix = np.concatenate(vectors) if vectors else np.zeros((0, 0), dtype=np.float32)
        return chunks, matrix

    def _iter_metadata(self, where: dict[str, Any]) -> Iterable[tuple[str, dict[str, Any]]]:
        col = self.collection()
        offset = 0
        while True:
            part = col.get(where=where, limit=_BATCH, offset=offset, include=["metadatas"])
            if not part["ids"]:
                return
            yield from zip(part["ids"], part["metadatas"], strict=True)
            offset += len(part["ids"])
