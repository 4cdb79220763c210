"""The relevance rule and the evidence it reads: whole words, the question's language, IDF weights."""

from assistant.evaluation.relevance import RelevanceCase, failure, judge, score
from assistant.rag.keyword import KeywordIndex
from assistant.rag.relevance import is_relevant
from assistant.schema import Answer, Chunk, Hit, Source


def chunk(cid: str, text: str, lang: str = "en", section: str = "") -> Chunk:
    return Chunk(
        id=cid,
        text=text,
        doc_id=cid,
        title=cid,
        section=section,
        source=f"{cid}.md",
        root="r",
        lang=lang,  # type: ignore[arg-type]
        file_hash="h",
    )


CHUNKS = [
    chunk("teach", "Checking understanding with Teach-back: the senior explains it back in their own words."),
    chunk(
        "teach-de", "Verständnis mit Teach-back prüfen: die Führungskraft erklärt es in eigenen Worten.", "de"
    ),
    chunk("sbi", "The SBI model: situation, behaviour, impact.", section="Feedback upwards"),
    chunk("sbi-de", "Das SBI-Modell: Situation, Verhalten, Wirkung.", "de", section="Feedback nach oben"),
    chunk("linkedin", "A LinkedIn profile needs a headline and a photo.", section="Social media"),
    *(
        chunk(f"filler{i}", f"Session {i}: the mentee and the mentor talk about the session plan.")
        for i in range(8)
    ),
]
INDEX = KeywordIndex(CHUNKS)


def evidence(question: str, cid: str, lang: str) -> float:
    target = next(c for c in CHUNKS if c.id == cid)
    return INDEX.evidence(question, [target], lang)[cid]  # type: ignore[arg-type]


def test_a_stem_shared_by_chance_is_no_evidence() -> None:
    # German "backe" stems to "back", as does the fragment of "Teach-back": neither passage is about baking
    assert evidence("Wie backe ich Brot?", "teach", "de") == 0.0
    assert evidence("Wie backe ich Brot?", "teach-de", "de") == 0.0
    # the word itself still counts, in either language
    assert evidence("Teach-back erklären", "teach", "de") > 0.5


def test_loan_words_count_across_languages_and_stems_within_one() -> None:
    assert evidence("Wie funktioniert SBI?", "sbi", "de") > 0.3
    assert (
        evidence("models of situations", "sbi", "en") > evidence("models of situations", "sbi", "de") == 0.0
    )
    assert evidence("Wie funktioniert SBI?", "sbi-de", "de") > 0.3


def test_section_path_counts_and_generic_words_weigh_little() -> None:
    assert evidence("upwards feedback", "sbi", "en") == 1.0  # both words only in the section path
    session = evidence("session plan for LinkedIn", "filler0", "en")
    linkedin = evidence("session plan for LinkedIn", "linkedin", "en")
    assert linkedin > session > 0.0  # a word found in many passages weighs less than a rare one


def test_a_question_about_something_the_material_never_mentions_finds_little() -> None:
    assert evidence("What is the capital of Australia?", "sbi", "en") == 0.0
    assert evidence("LinkedIn tips for marathon runners", "linkedin", "en") < 0.45


def test_inflected_stop_words_are_no_evidence() -> None:
    assert evidence("Wie viele Sessions?", "filler0", "de") == evidence("Sessions?", "filler0", "de")


def hit(similarity: float, evidence: float = 0.0) -> Hit:
    return Hit(
        id="1", source="s", title="t", section="", lang="en", score=1, text="x",
        similarity=similarity, evidence=evidence,
    )  # fmt: skip


def test_the_rule_needs_clear_similarity_or_strong_evidence() -> None:
    floor = 0.17
    assert not is_relevant(hit(0.16, 1.0), floor)  # below the floor nothing counts
    assert not is_relevant(hit(0.25, 0.3), floor)  # a stray shared word is not enough
    assert is_relevant(hit(0.25, 0.6), floor)
    assert is_relevant(hit(0.35), floor)


def case(on_topic: bool) -> RelevanceCase:
    return RelevanceCase(id="x", question="q", lang="de", on_topic=on_topic, kind="programme", split="test")


def answer(grounded: bool, source_ids: list[str]) -> Answer:
    sources = [
        Source(n=i + 1, id=sid, title="t", section="s", source="f", lang="de", snippet="x")
        for i, sid in enumerate(source_ids)
    ]
    return Answer(answer="a", sources=sources, language="de", backend="offline", grounded=grounded)


def test_an_on_topic_answer_counts_only_with_a_cited_passage_that_passed_the_rule() -> None:
    passed = [Hit(id="p", source="s", title="t", section="S", lang="de", score=1, text="x", doc_id="d")]
    assert judge(case(True), answer(True, ["p"]), passed).ok
    assert not judge(case(True), answer(True, ["other"]), passed).ok
    assert not judge(case(True), answer(False, []), []).ok
    off = judge(case(False), answer(True, ["p"]), passed)
    assert not off.ok and "let through by d › S" in failure(off)
    assert score([off]) == {"off_topic_refusal": 0.0, "off_topic_refusal de": 0.0}
