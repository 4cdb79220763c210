"""The source rules every mode shares: one number per source, the reader's language first, no twins."""

from dataclasses import dataclass, field
from typing import Any

from assistant.modes.material import Material, join_overlapping, merge_sections, reader_first, to_sources
from assistant.rag.retrieve import Filters
from assistant.schema import Chunk, Hit


def hit(doc_id: str, section: str = "S", text: str = "", chunk: str = "") -> Hit:
    lang = doc_id.rsplit(".", 1)[-1]
    return Hit(
        id=chunk or f"{doc_id}#{section}",
        source=f"{doc_id}.md",
        title=doc_id,
        section=section,
        lang=lang,  # type: ignore[arg-type]
        score=1.0,
        text=text or f"Text of {doc_id} {section}.",
        doc_id=doc_id,
        similarity=0.5,
    )


@dataclass
class LangStub:
    """A retriever over fixed hits that honours the language filter and knows its documents' chunks."""

    hits: list[Hit]
    indexed: list[str] = field(default_factory=list)  # doc ids in the index
    calls: list[Any] = field(default_factory=list)

    def is_empty(self) -> bool:
        return False

    def search(self, query: str, k: int = 5, filters: Any = None, vector: Any = None) -> list[Hit]:
        self.calls.append(filters)
        lang = filters.lang if filters else None
        return [h for h in self.hits if lang is None or h.lang == lang][:k]

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        if doc_id not in self.indexed and doc_id not in {h.doc_id for h in self.hits}:
            return []
        return [
            Chunk(
                id=h.id,
                text=h.text,
                doc_id=doc_id,
                title="t",
                source="s",
                root="r",
                lang=h.lang,
                file_hash="h",
            )
            for h in self.hits
            if h.doc_id == doc_id
        ] or [
            Chunk(
                id=doc_id, text="x", doc_id=doc_id, title="t", source="s", root="r", lang="de", file_hash="h"
            )
        ]


def material(hits: list[Hit], indexed: list[str] | None = None) -> Material:
    return Material(LangStub(hits, indexed or []), top_k=5, min_relevance=0.17)  # type: ignore[arg-type]


def test_reader_first_puts_the_readers_language_first_and_drops_twins() -> None:
    hits = [hit("a.en"), hit("b.en"), hit("a.de"), hit("c.de")]
    assert [h.doc_id for h in reader_first(hits, "de")] == ["a.de", "c.de", "b.en"]


def test_to_sources_with_a_language_numbers_the_reader_first_list() -> None:
    sources = to_sources([hit("a.en"), hit("a.de"), hit("b.de")], "de")
    assert [(s.n, s.doc_id) for s in sources] == [(1, "a.de"), (2, "b.de")]
    assert [s.doc_id for s in to_sources([hit("a.en"), hit("a.de")])] == [
        "a.en",
        "a.de",
    ]  # no language: as given


def test_for_reader_uses_the_readers_language_and_drops_twins_of_indexed_documents() -> None:
    hits = [hit("a.en"), hit("a.de"), hit("b.en"), hit("c.en")]
    # b has a German version in the index (not retrieved); c exists only in English
    found = material(hits, indexed=["b.de"]).for_reader("Frage", "de")
    assert [h.doc_id for h in found] == ["a.de", "c.en"]


def test_for_reader_falls_back_to_the_other_language_when_nothing_else_is_relevant() -> None:
    found = material([hit("a.en"), hit("b.en")], indexed=["a.de"]).for_reader("Frage", "de")
    assert [h.doc_id for h in found] == ["a.en", "b.en"]


def test_for_reader_keeps_a_language_the_user_chose() -> None:
    found = material([hit("a.en"), hit("a.de")]).for_reader("Frage", "de", Filters(lang="en"))
    assert [h.doc_id for h in found] == ["a.en"]


def test_overlapping_chunks_of_one_section_become_one_source() -> None:
    first = hit("a.de", "SBI", "Erster Satz. Der zweite Satz wird überlappt.", chunk="c1")
    second = hit("a.de", "SBI", "Der zweite Satz wird überlappt. Dritter Satz.", chunk="c2")
    other = hit("a.de", "GROW", "Anderer Abschnitt.", chunk="c3")
    merged = merge_sections([second, other, first], lambda doc: ["c1", "c2", "c3"])
    assert [h.id for h in merged] == ["c2", "c3"]  # the best-ranked chunk's place and id
    assert merged[0].text == "Erster Satz. Der zweite Satz wird überlappt. Dritter Satz."
    assert [s.n for s in to_sources(merged)] == [1, 2]


def test_material_relevant_gives_one_number_per_section() -> None:
    hits = [
        hit("a.de", "SBI", "Eins. Zwei ist lang genug, um zu zählen.", chunk="c1"),
        hit("a.de", "SBI", "Zwei ist lang genug, um zu zählen. Drei.", chunk="c2"),
    ]
    found = material(hits).relevant("Frage")
    assert len(found) == 1 and found[0].text.count("Zwei ist lang genug") == 1


def test_join_overlapping_keeps_separate_chunks_apart() -> None:
    assert join_overlapping("Eins.", "Zwei.") == "Eins.\n\nZwei."


@dataclass
class SectionStub(LangStub):
    chunks: list[Chunk] = field(default_factory=list)

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        return [c for c in self.chunks if c.doc_id == doc_id]


def test_whole_section_joins_every_chunk_of_the_section_in_order() -> None:
    def chunk(cid: str, section: str, text: str) -> Chunk:
        return Chunk(
            id=cid,
            text=text,
            doc_id="a.de",
            title="t",
            section=section,
            source="s",
            root="r",
            lang="de",
            file_hash="h",
        )

    chunks = [
        chunk("c1", "SBI", "Erster Teil des Abschnitts."),
        chunk("c2", "SBI", "Zweiter Teil."),
        chunk("c3", "GROW", "Anderer Abschnitt."),
    ]
    stub = SectionStub([], chunks=chunks)
    found = Material(stub, 5, 0.17).whole_section(hit("a.de", "SBI", "Zweiter Teil.", chunk="c2"))  # type: ignore[arg-type]
    assert found.text == "Erster Teil des Abschnitts.\n\nZweiter Teil." and found.id == "c2"
