"""Retrieved material, shared by every mode: relevant passages, numbered sources, and the fenced context.

The source rules every mode follows: one number per source (chunks of one section are one passage), the
reader's language first, and a passage in the other language only where it adds something: a translation
twin (the same document stem, `<stem>.de` / `<stem>.en`) of material the reader can read adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from assistant.rag.background import Background
from assistant.rag.relevance import is_relevant
from assistant.rag.retrieve import Filters
from assistant.schema import Chunk, Hit, Source
from assistant.text.language import Lang, detect_language, doc_stem

SNIPPET_CHARS = 280
MIN_OVERLAP = 20  # characters a chunk must repeat of the one before it to count as the carried-over overlap


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


def reader_first(hits: Sequence[Hit], lang: Lang) -> list[Hit]:
    """The reader's language first (in rank order), then the other language, without translation twins of
    documents the reader already has among the hits.

    >>> def hit(doc, lang):
    ...     return Hit(id=doc, source="s", title="t", section="", lang=lang, score=1, text="x", doc_id=doc)
    >>> [h.doc_id for h in reader_first([hit("a.en", "en"), hit("a.de", "de"), hit("b.en", "en")], "de")]
    ['a.de', 'b.en']
    """
    own = [hit for hit in hits if hit.lang == lang]
    stems = {doc_stem(hit.doc_id) for hit in own}
    return own + [hit for hit in hits if hit.lang != lang and doc_stem(hit.doc_id) not in stems]


def to_sources(hits: Sequence[Hit], lang: Lang | None = None) -> list[Source]:
    """Number the hits as the citations [1]..[n] refer to them: one number per passage.

    With `lang`, the reader's language comes first and translation twins are dropped (`reader_first`); the
    numbers then follow that order, so a text that cites [n] must be built from the same list.
    """
    ordered = reader_first(hits, lang) if lang else list(hits)
    sources = []
    for n, hit in enumerate(ordered, start=1):
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


def join_overlapping(first: str, second: str) -> str:
    """Two consecutive chunks as one text: what the second repeats of the first's end is left out.

    >>> join_overlapping("One. Two is long enough to count.", "Two is long enough to count. Three.")
    'One. Two is long enough to count. Three.'
    >>> join_overlapping("- item three is long enough", "- item three is long enough\\n\\n- four")
    '- item three is long enough\\n\\n- four'
    >>> join_overlapping("One.", "Three.")
    'One.\\n\\nThree.'
    """
    for size in range(min(len(first), len(second)), MIN_OVERLAP - 1, -1):
        if first.endswith(second[:size]):
            return (first + second[size:]).rstrip()  # what follows the overlap keeps its line breaks
    return f"{first}\n\n{second}"


def merge_sections(hits: Sequence[Hit], order: Callable[[str], list[str]]) -> list[Hit]:
    """One passage per document section: chunks of the same section (overlapping ones in particular) are
    joined in document order under the best-ranked chunk's id, rank and figures.

    `order(doc_id)` gives the document's chunk ids in document order (unknown ids keep their rank order).
    """
    groups: dict[tuple[str, str], list[Hit]] = {}
    for hit in hits:
        groups.setdefault((hit.doc_id or hit.source, hit.section), []).append(hit)
    merged = []
    for hit in hits:
        group = groups[(hit.doc_id or hit.source, hit.section)]
        if group[0] is not hit:
            continue
        if len(group) > 1:
            positions = {cid: i for i, cid in enumerate(order(hit.doc_id))}
            ranked = sorted(group, key=lambda h: positions.get(h.id, len(positions) + group.index(h)))
            text = ranked[0].text
            for other in ranked[1:]:
                text = join_overlapping(text, other.text)
            hit = hit.model_copy(
                update={
                    "text": text,
                    "similarity": max(h.similarity for h in group),
                    "evidence": max(h.evidence for h in group),
                }
            )
        merged.append(hit)
    return merged


class Searcher(Protocol):
    """What the modes need from the retriever (tests pass a stub)."""

    def search(
        self, query: str, k: int = 5, filters: Filters | None = None, vector: Sequence[float] | None = None
    ) -> list[Hit]: ...

    def is_empty(self) -> bool: ...

    def chunks_of(self, doc_id: str) -> list[Chunk]: ...


@dataclass
class Material:
    """The programme material a mode draws on: the retriever with the configured top-k and relevance floor,
    and the background model the relevance rule contrasts with (none: the rule's similarity margins alone)."""

    retriever: Searcher
    top_k: int
    min_relevance: float
    background: Background | None = None

    def relevant(
        self, query: str, filters: Filters | None = None, vector: Sequence[float] | None = None
    ) -> list[Hit]:
        """Retrieved passages that pass the relevance rule, best first, one per section; none from an empty
        index."""
        if self.retriever.is_empty():
            return []
        vector = self.query_vector(query, vector)
        closeness = None if self.background is None or vector is None else self.background.closeness(vector)
        hits = self.retriever.search(query, self.top_k, filters, vector)
        lang = detect_language(query)
        passed = [
            hit
            for hit in hits
            if is_relevant(hit, self.min_relevance, closeness, self.twin_evidence(query, hit, lang))
        ]
        return merge_sections(passed, lambda doc_id: [c.id for c in self.retriever.chunks_of(doc_id)])

    def query_vector(self, query: str, vector: Sequence[float] | None) -> Sequence[float] | None:
        """The question's vector, embedded once for every search and the background alike; None without a
        background model (the retriever then embeds the question itself)."""
        if vector is None and self.background is not None:
            vector = self.background.embeddings.embed_query(query)
        return vector

    def twin_evidence(self, query: str, hit: Hit, lang: Lang) -> float | None:
        """The question's evidence in the hit's translation twin, for a hit in another language than the
        question: the section at the same position of the twin document (translations keep their order).
        None for a hit in the question's language, without a twin, or from a searcher without keywords."""
        index = getattr(self.retriever, "keyword_index", None)
        twin_doc = f"{doc_stem(hit.doc_id)}.{lang}"
        if hit.lang == lang or index is None or not hit.section or twin_doc == hit.doc_id:
            return None
        twin_chunks = self.retriever.chunks_of(twin_doc)
        mine = list(dict.fromkeys(c.section for c in self.retriever.chunks_of(hit.doc_id)))
        theirs = list(dict.fromkeys(c.section for c in twin_chunks))
        if hit.section not in mine or len(mine) != len(theirs):
            return None
        section = theirs[mine.index(hit.section)]
        chunks = [c for c in twin_chunks if c.section == section]
        return max(index().evidence(query, chunks, lang).values(), default=0.0)

    def whole_section(self, hit: Hit) -> Hit:
        """The hit with the text of its whole section (every chunk of it, joined in document order); a hit
        without a section (a PDF page) stays as it is."""
        chunks = [c for c in self.retriever.chunks_of(hit.doc_id) if c.section == hit.section]
        if not hit.section or len(chunks) < 2:
            return hit
        text = chunks[0].text
        for chunk in chunks[1:]:
            text = join_overlapping(text, chunk.text)
        return hit.model_copy(update={"text": text})

    def has_twin(self, hit: Hit, lang: Lang) -> bool:
        """True when the hit's document is indexed in `lang` too (a translation twin)."""
        stem = doc_stem(hit.doc_id)
        return stem != hit.doc_id and bool(self.retriever.chunks_of(f"{stem}.{lang}"))

    def for_reader(
        self,
        query: str,
        lang: Lang,
        filters: Filters | None = None,
        vector: Sequence[float] | None = None,
    ) -> list[Hit]:
        """Relevant passages for a reader of `lang`: their language first; the other language only for
        documents that have no version in it, or when nothing in their language is relevant (then from
        a search in the other language alone, when the search over both finds nothing either).

        A language chosen in `filters` is the reader's own choice and is kept as it is.
        """
        filters = filters or Filters()
        if filters.lang:
            return self.relevant(query, filters, vector)
        vector = self.query_vector(query, vector)  # two or three searches below share it
        own = self.relevant(query, replace(filters, lang=lang), vector)
        other = [hit for hit in self.relevant(query, filters, vector) if hit.lang != lang]
        if not own and not other:  # the other language's own ranking (a search over both may pick twins)
            other = self.relevant(query, replace(filters, lang="de" if lang == "en" else "en"), vector)
        if not own:
            return reader_first(other, lang)
        return own + [hit for hit in other if not self.has_twin(hit, lang)]
