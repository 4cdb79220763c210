"""Retrieved material, shared by every mode: relevant passages, numbered sources, and the fenced context."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from assistant.rag.relevance import is_relevant
from assistant.rag.retrieve import Filters
from assistant.schema import Chunk, Hit, Source
from assistant.text.language import Lang

SNIPPET_CHARS = 280


def format_docs(hits: Sequence[Hit]) -> str:
    """Number the passages and fence each one, so the model cites [n] and never obeys the material.

    >>> hit = Hit(id="x", source="f.md", title="Feedback", section="SBI", lang="en", score=1.0,
    ...           text="Describe the situation.")
    >>> print(format_docs([hit]))
    <material n="1" title="Feedback" section="SBI" lang="en">
    Describe the situation.
    </material>
    """
    blocks = []
    for n, hit in enumerate(hits, start=1):
        title = hit.title.replace('"', "'")
        section = hit.section.replace('"', "'")
        body = hit.text.replace("</material>", "</ material>")  # a passage cannot close its own fence
        blocks.append(
            f'<material n="{n}" title="{title}" section="{section}" lang="{hit.lang}">\n{body}\n</material>'
        )
    return "\n\n".join(blocks)


def to_sources(hits: list[Hit]) -> list[Source]:
    """Number the hits as the citations [1]..[n] refer to them."""
    sources = []
    for n, hit in enumerate(hits, start=1):
        snippet = " ".join(hit.text.split())
        if len(snippet) > SNIPPET_CHARS:
            snippet = snippet[: SNIPPET_CHARS - 1].rsplit(" ", 1)[0] + "…"
        sources.append(
            Source(
                n=n,
                id=hit.id,
                title=hit.title,
                section=hit.section,
                source=hit.source,
                lang=hit.lang,
                snippet=snippet,
                doc_id=hit.doc_id,
            )
        )
    return sources


class Searcher(Protocol):
    """What the modes need from the retriever (tests pass a stub)."""

    def search(
        self, query: str, k: int = 5, filters: Filters | None = None, vector: Sequence[float] | None = None
    ) -> list[Hit]: ...

    def is_empty(self) -> bool: ...

    def chunks_of(self, doc_id: str) -> list[Chunk]: ...


@dataclass
class Material:
    """The programme material a mode draws on: the retriever with the configured top-k and relevance floor."""

    retriever: Searcher
    top_k: int
    min_relevance: float

    def relevant(
        self, query: str, filters: Filters | None = None, vector: Sequence[float] | None = None
    ) -> list[Hit]:
        """Retrieved passages that pass the relevance rule, best first; none from an empty index."""
        if self.retriever.is_empty():
            return []
        hits = self.retriever.search(query, self.top_k, filters, vector)
        return [hit for hit in hits if is_relevant(hit, self.min_relevance)]

    def for_reader(self, query: str, lang: Lang) -> list[Hit]:
        """Relevant passages in the reader's language; the other language only when there are none."""
        return self.relevant(query, Filters(lang=lang)) or self.relevant(query)
