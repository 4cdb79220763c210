"""The open-question rule (assistant/text/questions.py): a question is open when it opens with a question word; a
German question that opens with its verb asks for yes or no, whatever the verb."""

from __future__ import annotations

import pytest

from assistant.text.questions import is_open_question

# Verb-first German questions, with verbs beyond the auxiliaries and modals: all closed.
CLOSED_DE = [
    "Habe ich zu wenig Zeit eingeplant?",
    "Hab ich das richtig verstanden?",
    "Liegt es an mir?",
    "Hast du das schon mal gemacht?",
    "Gibt es dafür eine Regel?",
    "Sollte ich das meinem Team verbieten?",
    "Würden Sie das bei Kunden machen?",
    "Lohnt sich das für mich?",
    "Reicht nicht LinkedIn?",
    "Bringt das überhaupt was?",
    "Nutzt du KI für Präsentationen?",
    "Stört es dich, wenn ich anrufe?",
    "Macht das nicht alles gleich langweilig?",
    "Klappt das auch auf dem Handy?",
    "Kennst du ein gutes Tool dafür?",
    "Fällt dir dazu etwas ein?",
    "Gehört das in den Kanal?",
    "Das ist sicher?",  # a statement said as a question
    "Und, lerne ich das noch?",
]
OPEN_DE = [
    "Was hat Sie überrascht?",
    "Inwiefern hilft Ihnen das?",
    "Inwieweit passt das zu Ihrem Team?",
    "Wozu brauchen Sie das?",
    "Woran merken Sie, dass es funktioniert?",
    "Weshalb war das so?",
    "Mit wem üben Sie das?",
    "Bis wann wollen Sie das schaffen?",
    "Auf welche Weise nutzen Sie das?",
    "Wenn Sie zurückblicken, was war der wichtigste Moment?",
    "Und wie ging es dann weiter?",
]
CLOSED_EN = [
    "Have you ever used it?",
    "Is there a limit?",
    "Are you ok with that?",
    "Would that be weird?",
    "Any tips for beginners?",
    "Should I tell my team?",
    "Could it replace our agency?",
    "That works for you?",
]
OPEN_EN = [
    "How did it go?",
    "To what extent does it help?",
    "In which cases would you use it?",
    "With whom do you practise?",
    "If you look back, what stands out?",
    "So, what did you learn?",
]


@pytest.mark.parametrize("question", CLOSED_DE)
def test_german_verb_first_questions_are_closed(question: str) -> None:
    assert not is_open_question(question, "de")


@pytest.mark.parametrize("question", OPEN_DE)
def test_german_w_questions_are_open(question: str) -> None:
    assert is_open_question(question, "de")


@pytest.mark.parametrize("question", CLOSED_EN)
def test_english_closed_questions(question: str) -> None:
    assert not is_open_question(question, "en")


@pytest.mark.parametrize("question", OPEN_EN)
def test_english_open_questions(question: str) -> None:
    assert is_open_question(question, "en")


def test_a_lead_in_clause_needs_a_question_word_after_it() -> None:
    assert not is_open_question("Wenn Sie zurückblicken, hat es sich gelohnt?", "de")
    assert not is_open_question("If you look back, was it worth it?", "en")
    assert is_open_question("Erzählen Sie mal, wie es gelaufen ist?", "de")


def test_the_last_sentence_decides_and_a_question_mark_is_needed() -> None:
    assert is_open_question("Gut gemacht. Was hat geholfen?", "de")
    assert not is_open_question("Was hat geholfen? Hast du es gespeichert?", "de")
    assert not is_open_question("Was hat geholfen", "de")
