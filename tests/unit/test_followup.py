"""Edit, follow-up question or new request: the decision on a message that continues a conversation, and the
standalone question a follow-up is condensed to without a model."""

import pytest

from assistant.conversation.condense import by_rules, condense, subject_phrase
from assistant.conversation.followup import Previous, classify
from assistant.modes.models import Mode

PLAN = Previous(
    "prepare",
    {"topic": "video calls", "minutes": 45, "session": 2, "language": "en"},
    {"topic": "video calls", "minutes": 45, "session_number": 2, "total_sessions": 6, "language": "en"},
)
ANSWER = Previous("ask", {"question": "What is SBI feedback?", "language": "en"}, {"answer": "SBI is ..."})
ANTWORT = Previous("ask", {"question": "Was ist eine Ich-Botschaft?", "language": "de"}, {"answer": "..."})
FEEDBACK = Previous(
    "feedback", {"remark": "You never listen.", "language": "en"}, {"remark": "You never listen."}
)


@pytest.mark.parametrize(
    ("message", "changed"),
    [
        ("make it 30 minutes", ["length"]),
        ("Can you make it 30 minutes instead?", ["length"]),
        ("nur 45 Minuten", ["length"]),
        ("etwas kürzer bitte", ["length"]),
        ("make it a bit longer", ["length"]),
        ("10 Minuten länger", ["length"]),
        ("auf Deutsch bitte", ["language"]),
        ("in English please", ["language"]),
        ("Übersetze es ins Englische", ["language"]),
        ("the senior is sceptical about AI", ["senior"]),
        ("Meine Führungskraft ist skeptisch und hat wenig Zeit.", ["senior"]),
        ("She is a CFO and rarely at her desk", ["senior"]),
        ("add an exercise on prompts", ["focus"]),
        ("Füge eine Übung zu Prompts hinzu", ["focus"]),
        ("one more question like the second", ["question"]),
        ("noch eine Frage wie die zweite", ["question"]),
        ("Make it 60 minutes and in English please", ["length", "language"]),
    ],
)
def test_a_change_to_the_last_plan_is_an_edit(message: str, changed: list[str]) -> None:
    decision = classify(message, PLAN)
    assert decision.kind == "edit", decision.reason
    assert decision.changes.names() == changed


@pytest.mark.parametrize(
    "message",
    [
        "prepare our third session on LinkedIn, 60 minutes",
        "Bereite unsere dritte Sitzung zum Thema Datenschutz vor, 45 Minuten",
        'Is this too blunt: "You never listen in meetings."',
        "What is an exercise on prompts?",
        "How do I tell my mentee that he is always late?",
        "Was ist eine Ich-Botschaft?",
        "Wie lange dauert eine Sitzung im Programm?",
        "thanks!",
    ],
)
def test_a_new_request_after_a_plan_is_not_an_edit(message: str) -> None:
    assert classify(message, PLAN).kind == "new"


@pytest.mark.parametrize(
    ("message", "previous"),
    [
        ("give me an example of that", ANSWER),
        ("Can you explain that in more detail?", ANSWER),
        ("What about the second step?", ANSWER),
        ("Why?", ANSWER),
        ("Und wie sage ich das meiner Führungskraft?", ANTWORT),
        ("Gibt es dazu ein Beispiel?", ANTWORT),
        ("Was bedeutet das konkret?", ANTWORT),
        ("Ein Beispiel bitte", ANTWORT),
    ],
)
def test_a_question_that_leans_on_the_last_answer_is_a_follow_up(message: str, previous: Previous) -> None:
    assert classify(message, previous).kind == "follow-up"


@pytest.mark.parametrize(
    "message",
    [
        "What is an I-message?",
        "How do I recognise a phishing email?",
        "Is it allowed to record our sessions?",
        "Gibt es Regeln für Absagen?",
        "Wie funktioniert die Zwei-Faktor-Anmeldung?",
        "Plan our second session on video calls",
        "auf Deutsch bitte",  # an answer has no parameters to change; and "Deutsch" is no question
    ],
)
def test_a_question_with_content_of_its_own_is_new(message: str) -> None:
    assert classify(message, ANSWER).kind == "new"


def test_without_a_state_or_with_another_mode_chosen_a_message_is_new() -> None:
    assert classify("make it 30 minutes", None).kind == "new"
    chosen: Mode = "ask"
    assert classify("make it 30 minutes", PLAN, chosen).kind == "new"
    assert classify("make it 30 minutes", PLAN, "prepare").kind == "edit"


def test_a_feedback_draft_takes_only_a_language_edit() -> None:
    assert classify("auf Deutsch bitte", FEEDBACK).changes.language == "de"
    assert classify("make it 30 minutes", FEEDBACK).kind == "new"
    assert Previous.of({"mode": "nonsense"}) is None and Previous.of({}) is None


@pytest.mark.parametrize(
    ("message", "subject", "lang", "standalone"),
    [
        ("give me an example of that", "What is SBI feedback?", "en", "Give me an example of SBI feedback"),
        (
            "and how do I use it with my senior?",
            "What is an I-message?",
            "en",
            "How do I use I-message with my senior?",
        ),
        (
            "Gibt es dazu ein Beispiel?",
            "Was ist SBI-Feedback?",
            "de",
            "Gibt es zu SBI-Feedback ein Beispiel?",
        ),
        (
            "Was steht darüber im Leitfaden?",
            "Was ist Feedforward?",
            "de",
            "Was steht über Feedforward im Leitfaden?",
        ),
        (
            "Und wie sage ich das meiner Führungskraft?",
            "Was ist eine Ich-Botschaft?",
            "de",
            "Wie sage ich Ich-Botschaft meiner Führungskraft?",
        ),
        ("Ein Beispiel", "Was ist Feedforward?", "de", "Ein Beispiel zu Feedforward"),
        ("Why?", "What counts as a completed tandem?", "en", "Why? (counts as a completed tandem)"),
    ],
)
def test_rules_resolve_the_reference_with_the_last_subject(
    message: str, subject: str, lang: str, standalone: str
) -> None:
    assert by_rules(message, subject, lang) == standalone  # type: ignore[arg-type]


def test_a_chain_of_follow_ups_keeps_the_first_subject() -> None:
    first, how = condense("give me an example of that", "What is SBI feedback?", "en")
    assert how == "rules" and subject_phrase(first) == "SBI feedback"
    assert by_rules("and another one of that", first, "en") == "Another one of SBI feedback"
