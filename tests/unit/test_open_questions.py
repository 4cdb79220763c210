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


# --- general cases beyond a bare question word ---------------------------------------------------------
OPEN_BY_GENERAL_RULE = [
    # an English wh-word contracted with its verb
    ("What's on your list for tomorrow?", "en"),
    ("How's the new calendar working out for your team?", "en"),
    ("Where're you stuck right now?", "en"),
    ("Who'd you ask first?", "en"),
    # a phrase that opens with a preposition, then a comma: a scale or a point of view
    ("From 0 to 5, how useful was the call?", "en"),
    ("In your team, which channel gets read?", "en"),
    ("Auf einer Skala von 1 bis 5, wie sicher fühlen Sie sich?", "de"),
    ("Im Rückblick auf den Monat, was hat sich verändert?", "de"),
    # a German preposition fused with the question word, or before it
    ("Woran erkennen Sie Fortschritt?", "de"),
    ("Wofür nutzen Sie den geteilten Kalender?", "de"),
    ("Wovor haben Sie am meisten Respekt?", "de"),
    ("Mit welchem Werkzeug fangen Sie an?", "de"),
    # a one-word label or adverb before a comma, or a label before a colon
    ("Rückblickend, was würden Sie anders machen?", "de"),
    ("Honestly, what worked?", "en"),
    ("Abschluss: Was nehmen Sie mit?", "de"),
    ("Wrap-up: which step comes first?", "en"),
    # options listed after a colon belong to the question before it
    ("Was bremst Sie am meisten: Zeit, Technik oder Routine?", "de"),
    ("Which channel suits you best: email, chat or a call?", "en"),
    ("Wovon hängt es ab: vom Alter, von der Rolle oder vom Team?", "de"),
]
CLOSED_DESPITE_A_LEAD_IN = [
    ("Ehrlich, haben Sie es ausprobiert?", "de"),
    ("Im Rückblick, hat sich das gelohnt?", "de"),
    ("Auf einer Skala von 1 bis 5, ist das viel?", "de"),
    ("Zum Schluss: Passt der Termin?", "de"),
    ("Meine Frage: Nutzen Sie Teams, Slack oder Mail?", "de"),
    ("Zeit, Technik oder Routine?", "de"),
    ("Weißt du, was ich meine?", "de"),
    ("Kannst du mir sagen, wie das geht?", "de"),
    ("On a scale of 1 to 10, is that high?", "en"),
    ("Honestly, can you explain it?", "en"),
    ("Quick one: do you post every week?", "en"),
    ("Isn't that the point?", "en"),
    ("Is it email, chat or a call?", "en"),
    ("Do you know what I mean?", "en"),
]


@pytest.mark.parametrize(("question", "lang"), OPEN_BY_GENERAL_RULE)
def test_open_questions_by_a_general_rule(question: str, lang: str) -> None:
    assert is_open_question(question, lang)


@pytest.mark.parametrize(("question", "lang"), CLOSED_DESPITE_A_LEAD_IN)
def test_a_lead_in_or_a_list_never_opens_a_closed_question(question: str, lang: str) -> None:
    assert not is_open_question(question, lang)


def test_the_questions_language_decides() -> None:
    """A German W-word is a question word in German only: 'Was' opens an English yes/no question."""
    assert is_open_question("Wozu?", "de")
    assert not is_open_question("Wozu?", "en")
    assert not is_open_question("Was it worth the time?", "en")
    assert is_open_question("Was hat sich gelohnt?", "de")
