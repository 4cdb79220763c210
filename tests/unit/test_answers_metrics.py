"""The answers eval's own checks: each metric falls for the defect it exists to catch."""

import doctest

from assistant.evaluation import answers as suite
from assistant.evaluation.answers import AnswerCase, load_cases, score_case
from assistant.schema import Answer, Source

DOC = (
    "Das SBI-Modell gliedert Feedback: Situation, Behaviour bzw. Verhalten und Wirkung.\n"
    "Fragen Sie vorher um Erlaubnis. Wählen Sie einen ruhigen Moment."
)
CASE = AnswerCase(
    id="x",
    split="dev",
    lang="de",
    question="Wie gebe ich Feedback nach oben?",
    relevant=["feedback-upwards"],
    expect_facts=["Erlaubnis", "Situation|Lage"],
)


def source(n: int, doc_id: str, lang: str = "de", section: str = "SBI") -> Source:
    return Source(
        n=n,
        id=f"{doc_id}{n}",
        title="T",
        section=section,
        source="s",
        lang=lang,  # type: ignore[arg-type]
        snippet=f"snippet {n}",
        doc_id=doc_id,
    )


def score(text: str, sources: list[Source]) -> suite.Scored:
    answer = Answer(answer=text, sources=sources, language="de", backend="offline")
    return score_case(CASE, answer, lambda doc_id: DOC if doc_id.startswith("feedback-upwards") else "")


def test_a_good_answer_scores_full_marks() -> None:
    result = score(
        "Aus dem Programmmaterial:\n\n**SBI** [1]\n- Fragen Sie vorher um Erlaubnis.\n"
        "- Das SBI-Modell gliedert Feedback: Situation, Behaviour bzw. Verhalten und Wirkung.",
        [source(1, "feedback-upwards.de")],
    )
    assert result.problems == []
    assert (result.whole_sentences, result.no_repeats, result.reader_language_first) == (1.0, 1.0, 1.0)
    assert (result.on_topic_sentences, result.facts_found) == (1.0, 1.0)


def test_a_sentence_cut_at_an_abbreviation_or_started_mid_sentence_is_not_whole() -> None:
    assert (
        score(
            "- Das SBI-Modell gliedert Feedback: Situation, Behaviour bzw. [1]",
            [source(1, "feedback-upwards.de")],
        ).whole_sentences
        == 0.0
    )
    assert score("- Verhalten und Wirkung. [1]", [source(1, "feedback-upwards.de")]).whole_sentences == 0.0


def test_a_list_under_its_introduction_is_whole_but_a_piece_of_an_item_is_not() -> None:
    doc = "Die Vereinbarung enthält drei Punkte:\n- **Ziele**: zwei bis drei\n- Vertraulichkeit"
    case = CASE.model_copy(update={"expect_facts": []})

    def scored(text: str) -> float:
        answer = Answer(
            answer=text, sources=[source(1, "feedback-upwards.de")], language="de", backend="offline"
        )
        return score_case(case, answer, lambda doc_id: suite._document_lines([doc])).whole_sentences

    assert (
        scored(
            "**A** [1]\n- Die Vereinbarung enthält drei Punkte:\n  - Ziele: zwei bis drei\n  - Vertraulichkeit"
        )
        == 1.0
    )
    assert scored("**A** [1]\n- Die Vereinbarung enthält drei Punkte:\n  - Ziele: zwei") == 0.0
    assert scored("**A** [1]\n- Die Vereinbarung enthält drei Punkte:") == 0.0  # an introduction with no list


def test_the_same_sentence_twice_is_a_repeat() -> None:
    result = score(
        "- Fragen Sie vorher um Erlaubnis. [1]\n- Fragen Sie vorher um Erlaubnis. [2]",
        [source(1, "feedback-upwards.de"), source(2, "feedback-upwards.de", section="Zeit")],
    )
    assert result.no_repeats == 0.0


def test_a_twin_or_a_source_in_the_other_language_fails_the_language_rule() -> None:
    result = score(
        "- Fragen Sie vorher um Erlaubnis. [1]\n- Ask for permission first. [2]",
        [source(1, "feedback-upwards.de"), source(2, "feedback-upwards.en", lang="en")],
    )
    assert result.reader_language_first == 0.0


def test_sentences_from_unlabelled_documents_are_off_topic_and_missing_facts_count() -> None:
    result = score("- Bringen Sie ein Ladegerät mit. [1]", [source(1, "preparing-sessions.de")])
    assert result.on_topic_sentences == 0.0 and result.facts_found == 0.0


def test_an_unanswered_question_scores_nothing() -> None:
    answer = Answer(
        answer="Dazu steht nichts im Programmmaterial.",
        sources=[],
        language="de",
        backend="offline",
        grounded=False,
    )
    result = score_case(CASE, answer, lambda doc_id: "")
    assert (result.whole_sentences, result.on_topic_sentences, result.facts_found) == (0.0, 0.0, 0.0)


def test_doctests_pass() -> None:
    assert doctest.testmod(suite).failed == 0


def test_dataset_has_a_large_test_split_in_both_languages_and_no_fact_echoes_the_question() -> None:
    cases = load_cases()
    test = [c for c in cases if c.split == "test"]
    assert len(cases) >= 50 and len(test) / len(cases) >= 0.4
    assert {c.lang for c in test} == {"de", "en"}
    for case in cases:
        assert case.expect_facts, case.id
        for fact in case.expect_facts:
            assert not any(v.lower() in case.question.lower() for v in fact.split("|")), (case.id, fact)
