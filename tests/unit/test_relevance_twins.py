"""Twin evidence: a passage in the other language than the question counts the question's words in its
translation twin, where they can be matched by stem, and needs less contrast over the background."""

from dataclasses import dataclass, field
from typing import Any

from assistant.modes.material import Material
from assistant.rag.keyword import KeywordIndex
from assistant.rag.relevance import EVIDENCE_CONTRAST, MIN_EVIDENCE, TWIN_CONTRAST, is_relevant
from assistant.schema import Chunk, Hit


def chunk(cid: str, doc: str, lang: str, section: str, text: str, line: int) -> Chunk:
    return Chunk(
        id=cid, text=text, doc_id=doc, title="Evaluation", section=section, source=doc, root="r",
        lang=lang, file_hash="h", start_line=line,
    )  # fmt: skip


CHUNKS = [
    chunk("de1", "evaluation.de", "de", "Ziele", "Was das Programm erreichen will.", 1),
    chunk("de2", "evaluation.de", "de", "Pulsbefragungen nach jeder Sitzung", "Drei kurze Fragen.", 5),
    chunk("en1", "evaluation.en", "en", "Goals", "What the programme wants to achieve.", 1),
    chunk("en2", "evaluation.en", "en", "Pulse surveys after each session", "Three short questions.", 5),
    chunk("x1", "other.en", "en", "Budget", "Costs of the programme and rooms.", 1),
]


@dataclass
class KeywordStub:
    chunks: list[Chunk] = field(default_factory=lambda: list(CHUNKS))

    def is_empty(self) -> bool:
        return False

    def search(self, query: str, k: int = 5, filters: Any = None, vector: Any = None) -> list[Hit]:
        return []

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        return [c for c in self.chunks if c.doc_id == doc_id]

    def keyword_index(self) -> KeywordIndex:
        return KeywordIndex(self.chunks)


def as_hit(c: Chunk) -> Hit:
    return Hit.from_chunk(c, score=1.0, similarity=0.3)


def test_twin_evidence_reads_the_same_section_of_the_twin_in_the_questions_language() -> None:
    material = Material(KeywordStub(), top_k=5, min_relevance=0.17)
    question = "pulse survey items after each session?"
    assert material.twin_evidence(question, as_hit(CHUNKS[1]), "en") >= MIN_EVIDENCE  # type: ignore[operator]
    assert material.twin_evidence(question, as_hit(CHUNKS[0]), "en") == 0.0  # the twin of another section
    assert material.twin_evidence(question, as_hit(CHUNKS[3]), "en") is None  # the question's own language
    assert material.twin_evidence(question, as_hit(CHUNKS[4]), "de") is None  # no twin indexed


def test_twin_evidence_needs_a_searcher_with_keywords_and_matching_sections() -> None:
    @dataclass
    class Plain:
        def chunks_of(self, doc_id: str) -> list[Chunk]:
            return [c for c in CHUNKS if c.doc_id == doc_id]

    assert Material(Plain(), 5, 0.17).twin_evidence("pulse survey", as_hit(CHUNKS[1]), "en") is None  # type: ignore[arg-type]
    uneven = KeywordStub([c for c in CHUNKS if c.id != "en1"])  # the twin's sections do not line up
    assert Material(uneven, 5, 0.17).twin_evidence("pulse survey", as_hit(CHUNKS[1]), "en") is None


def test_twin_evidence_lowers_the_contrast_but_does_not_remove_it() -> None:
    floor, background = 0.17, 0.3
    between = background + (TWIN_CONTRAST + EVIDENCE_CONTRAST) / 2
    h = Hit(id="1", source="s", title="t", section="s", lang="de", score=1, text="x", similarity=between)
    assert not is_relevant(h, floor, background)
    assert not is_relevant(h, floor, background, twin_evidence=MIN_EVIDENCE - 0.1)
    assert is_relevant(h, floor, background, twin_evidence=MIN_EVIDENCE)
    below = h.model_copy(update={"similarity": background + TWIN_CONTRAST - 0.01})
    assert not is_relevant(below, floor, background, twin_evidence=1.0)
    # without a background model the twin route does not apply
    assert not is_relevant(h.model_copy(update={"similarity": 0.25}), floor, None, twin_evidence=1.0)


@dataclass
class RankingStub(KeywordStub):
    """The search over both languages picks the weak English version; the German ranking alone finds the
    strong German passage."""

    def search(self, query: str, k: int = 5, filters: Any = None, vector: Any = None) -> list[Hit]:
        lang = filters.lang if filters else None
        weak = Hit.from_chunk(CHUNKS[3], score=1.0, similarity=0.1)
        strong = Hit.from_chunk(CHUNKS[1], score=1.0, similarity=0.5)
        return [strong] if lang == "de" else [weak] if lang in (None, "en") else []


def test_for_reader_searches_the_other_language_alone_when_nothing_else_passes() -> None:
    material = Material(RankingStub(), top_k=5, min_relevance=0.17)
    assert [h.id for h in material.for_reader("pulse survey?", "en")] == ["de2"]
    assert [h.id for h in material.for_reader("Pulsbefragung?", "de")] == ["de2"]
