from assistant.rag.keyword import KeywordIndex
from assistant.rag.retrieve import Filters, fuse
from assistant.schema import Chunk


def chunk(cid: str, text: str, lang: str = "en", topic: str = "") -> Chunk:
    return Chunk(
        id=cid,
        text=text,
        doc_id=cid,
        title=cid,
        source=f"{cid}.md",
        root="r",
        lang=lang,  # type: ignore[arg-type]
        topic=topic,
        file_hash="h",
    )


CHUNKS = [
    chunk("sbi", "The SBI model: situation, behaviour, impact.", topic="feedback"),
    chunk("grow", "GROW stands for goal, reality, options and will.", topic="questions"),
    chunk("ich", "Eine Ich-Botschaft beschreibt die eigene Wirkung.", lang="de", topic="feedback"),
]


def test_exact_terms_rank_first() -> None:
    index = KeywordIndex(CHUNKS)
    assert [c.id for c, _ in index.search("What is SBI?", 3)] == ["sbi"]
    assert index.search("GROW model", 1)[0][0].id == "grow"


def test_filters_apply_to_keyword_hits() -> None:
    index = KeywordIndex(CHUNKS)
    keep = Filters(lang="de").keep
    assert [c.id for c, _ in index.search("Wirkung impact", 3, keep)] == ["ich"]


def test_fusion_without_keyword_weight_is_dense_order() -> None:
    dense = [(CHUNKS[0], 0.9), (CHUNKS[1], 0.8), (CHUNKS[2], 0.7)]
    assert [c.id for c, _ in fuse(dense, [(CHUNKS[2], 0.0)])] == ["sbi", "grow", "ich"]
    assert fuse(dense, [(CHUNKS[2], 1.0)])[0][0].id == "ich"


def test_keyword_hits_carry_their_matched_share() -> None:
    hits = KeywordIndex(CHUNKS).search_hits("SBI model unknownword", 3)
    assert hits[0].chunk.id == "sbi" and 0.3 < hits[0].matched < 1.0
