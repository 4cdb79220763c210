"""Off-topic questions get no grounded answer; on-topic ones do (the relevance rule on the shipped material)."""

import pytest

from assistant.container import Services

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_off_topic_questions_are_not_answered(knowledge_services: Services) -> None:
    answer = knowledge_services.ask.answer("Rezept für einen Apfelkuchen mit Streuseln")
    assert not answer.grounded and not answer.sources
    on_topic = knowledge_services.ask.answer(
        "Wie gebe ich meiner Führungskraft Feedback nach dem SBI-Modell?"
    )
    assert on_topic.grounded and any(s.doc_id.startswith("feedback-upwards") for s in on_topic.sources)


def test_a_what_is_question_off_topic_is_not_answered(knowledge_services: Services) -> None:
    answer = knowledge_services.ask.answer("What is the capital of Australia?")
    assert not answer.grounded and not answer.sources
