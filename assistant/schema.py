"""Pydantic models that cross layers: chunks, search hits, sources, answers, ingest reports."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.text.language import Lang

Backend = Literal["openai", "offline"]


class Chunk(BaseModel):
    """One indexed passage with the metadata stored beside its vector."""

    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    doc_id: str
    title: str
    section: str = ""
    source: str = Field(description="Path of the file, relative to the ingested root.")
    root: str = Field(description="The folder (or file) that was ingested; sync works per root.")
    lang: Lang
    audience: str = "all"
    topic: str = ""
    file_hash: str
    start_line: int = 0
    end_line: int = 0
    page: int = 0

    def metadata(self) -> dict[str, Any]:
        """Everything but id and text, as Chroma metadata (scalars only)."""
        return self.model_dump(exclude={"id", "text"})


class Hit(BaseModel):
    """A retrieved passage, as `tandem search --json` prints it."""

    id: str
    source: str
    title: str
    section: str
    lang: Lang
    score: float = Field(description="Fused rank score; higher is better.")
    text: str
    doc_id: str = ""
    audience: str = "all"
    topic: str = ""
    similarity: float = Field(0.0, description="Cosine similarity of the passage to the question.")
    evidence: float = Field(0.0, description="Share (0..1) of the question's distinctive words found in it.")

    @classmethod
    def from_chunk(cls, chunk: Chunk, score: float, similarity: float, evidence: float = 0.0) -> Hit:
        return cls(
            id=chunk.id,
            source=chunk.source,
            title=chunk.title,
            section=chunk.section,
            lang=chunk.lang,
            score=score,
            text=chunk.text,
            doc_id=chunk.doc_id,
            audience=chunk.audience,
            topic=chunk.topic,
            similarity=similarity,
            evidence=evidence,
        )


class Source(BaseModel):
    """A numbered source under an answer: [n] in the text points here."""

    n: int
    id: str
    title: str
    section: str
    source: str
    lang: Lang
    snippet: str
    doc_id: str = ""


class Answer(BaseModel):
    """A grounded answer, the same shape whether an LLM or the offline composer wrote it."""

    answer: str
    sources: list[Source]
    language: Lang
    backend: Backend
    grounded: bool = Field(True, description="False when nothing relevant was found.")
    citation_errors: int = Field(
        0, description="Citations removed because they pointed at nothing retrieved."
    )
    note: str = Field("", description="Why the answer came from offline mode, when it did.")


class IngestIssue(BaseModel):
    """A file that could not be indexed, and why."""

    path: str
    error: str


class IngestReport(BaseModel):
    """What one `tandem ingest` run changed."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    chunks: int = Field(0, description="Chunks in the index after the run.")
    errors: list[IngestIssue] = Field(default_factory=list)
