"""The retrieval eval on the shipped knowledge base: thresholds CI holds the engine to."""

from collections import Counter

import pytest

from assistant.container import Services
from assistant.evaluation.retrieval import DEFAULT_DATASET, evaluate, format_report, load_cases
from tests.conftest import ROOT

pytestmark = [pytest.mark.integration, pytest.mark.slow]
CASES = load_cases(DEFAULT_DATASET)


def test_dataset_shape() -> None:
    assert len(CASES) >= 100
    pairs = Counter(c.pair for c in CASES)
    assert pairs["de->de"] >= 40 and pairs["en->en"] >= 40
    assert pairs["de->en"] + pairs["en->de"] >= 25 and min(pairs["de->en"], pairs["en->de"]) >= 10
    ids = {p.stem for p in (ROOT / "knowledge").rglob("*.md")}
    stems = {i.rsplit(".", 1)[0] for i in ids}
    for case in CASES:
        assert all(r in ids or r in stems for r in case.relevant), case.id
    assert len({c.id for c in CASES}) == len(CASES)


def test_retrieval_meets_the_thresholds(knowledge_services: Services) -> None:
    report = evaluate(knowledge_services.retriever, CASES)
    print("\n" + format_report(report))
    assert report.overall.recall_at_5 >= 0.90
    assert report.overall.mrr_at_10 >= 0.75
    for pair, scores in report.by_pair.items():
        assert scores.recall_at_5 >= 0.8, pair  # no language direction is left behind


def test_off_topic_questions_are_not_answered(knowledge_services: Services) -> None:
    answer = knowledge_services.ask.answer("Rezept für einen Apfelkuchen mit Streuseln")
    assert not answer.grounded and not answer.sources
    on_topic = knowledge_services.ask.answer(
        "Wie gebe ich meiner Führungskraft Feedback nach dem SBI-Modell?"
    )
    assert on_topic.grounded and any(s.doc_id.startswith("feedback-upwards") for s in on_topic.sources)


@pytest.mark.xfail(
    strict=True,
    reason="known defect, left for the evals issue (relevance on 80+ off-topic questions): the English glossary's "
    "definitions ('Data is ...') pass the similarity floor for any 'What is X?' question",
)
def test_a_what_is_question_off_topic_is_not_answered(knowledge_services: Services) -> None:
    answer = knowledge_services.ask.answer("What is the capital of Australia?")
    assert not answer.grounded and not answer.sources
