"""Routing rules and parameter extraction for free chat messages."""

import re

import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from assistant.conversation.parameters import PlanAsk, feedback_remark, prepare_parameters, reflect_kind
from assistant.conversation.router import EXAMPLES, Router, rule_hits
from assistant.evaluation.routing import load_cases


@pytest.fixture
def router() -> Router:
    return Router(DeterministicFakeEmbedding(size=16))  # similarity is noise here: the rules must decide


@pytest.mark.parametrize(
    ("message", "mode"),
    [
        ("Hilf mir, unsere dritte Sitzung über LinkedIn vorzubereiten, 60 Minuten", "prepare"),
        ("Can you prepare an agenda for session 2?", "prepare"),
        ("Wie sag ich meinem Mentee, dass er immer zu spät kommt?", "feedback"),
        ('Check this remark: "You never listen in our meetings."', "feedback"),
        ("Ich hatte heute meine Sitzung zu Teams, was soll ich reflektieren?", "reflect"),
        ("Which questions could I ask my junior mentor about data protection?", "reflect"),
    ],
)
def test_rules_route_clear_requests(router: Router, message: str, mode: str) -> None:
    assert router.route(message).mode == mode


@pytest.mark.parametrize(
    ("message", "mode"),
    [
        ("Kannst du das Treffen mit meiner Mentee zu Podcasts durchplanen?", "prepare"),
        ("outline for our next meeting on cloud folders", "prepare"),
        ("I need to tell my mentee that his updates are hard to follow", "feedback"),
        ("Mach diese Rückmeldung netter: 'Ihre Mails sind chaotisch.'", "feedback"),
        ("Das Treffen ist vorbei und ich will festhalten, wie ich reagiert habe", "reflect"),
        ("turn my closed questions into open ones", "reflect"),
        ("Was bedeutet Feedforward?", "ask"),
        ("Darf ich Kundendaten in der Übung verwenden?", "ask"),
    ],
)
def test_request_patterns_find_what_a_message_asks_for(message: str, mode: str) -> None:
    hits = rule_hits(message)
    assert hits[mode] >= 1 and hits[mode] == max(hits.values()), hits  # type: ignore[index]


@pytest.mark.parametrize(
    ("message", "topic_mode"),
    [
        ("What is an I-message?", "feedback"),
        ("Was ist das GROW-Modell?", "reflect"),
        ("Erklär mir den Unterschied zwischen offenen und geschlossenen Fragen.", "reflect"),
        ("What does a session agenda usually contain?", "reflect"),
    ],
)
def test_a_mode_word_in_a_concept_question_is_no_request(message: str, topic_mode: str) -> None:
    hits = rule_hits(message)
    assert hits[topic_mode] == 0 and hits["ask"] == 1, hits  # type: ignore[index]


def test_a_quoted_statement_is_a_remark_and_a_quoted_question_one_to_open_up() -> None:
    assert rule_hits('Hier: "Sie kommen immer zu spät."')["feedback"] == 1
    assert rule_hits('Hier: "Kommen Sie morgen?"') == {"prepare": 0, "feedback": 0, "reflect": 1, "ask": 0}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 3}


def test_the_examples_copy_no_eval_case() -> None:
    """The router's examples are its own: none shares most of its words with a message of the routing eval."""
    for mode, examples in EXAMPLES.items():
        assert len(examples) >= 10, mode  # varied requests, not a handful of paraphrases
        for example in examples:
            for case in load_cases():
                shared = _words(example) & _words(case.message)
                assert len(shared) < 0.5 * len(_words(example) | _words(case.message)), (example, case.id)


def test_user_override_wins(router: Router) -> None:
    route = router.route("Wie sag ich es?", override="ask")
    assert route.mode == "ask" and route.confidence == 1.0


class CountingEmbeddings(DeterministicFakeEmbedding):
    """Counts how often a question is embedded."""

    query_calls: int = 0

    def embed_query(self, text: str) -> list[float]:
        self.query_calls += 1
        return super().embed_query(text)


def test_a_vector_embedded_earlier_in_the_turn_is_reused() -> None:
    embeddings = CountingEmbeddings(size=16)
    router = Router(embeddings)
    vector = embeddings.embed_query("Wie plane ich die erste Sitzung?")
    router.route("Wie plane ich die erste Sitzung?", vector=vector)
    assert embeddings.query_calls == 1
    router.route("Wie plane ich die erste Sitzung?")
    assert embeddings.query_calls == 2


def test_prepare_parameters_leave_open_what_the_message_does_not_say() -> None:
    assert prepare_parameters("Plan something about Excel") == PlanAsk("Excel")


def test_the_last_session_is_the_programme_s_closing_session() -> None:
    ask = prepare_parameters("Prepare our final session on LinkedIn, 45 minutes")
    assert (ask.topic, ask.minutes, ask.session, ask.last) == ("LinkedIn", 45, None, True)


def test_reflect_kinds() -> None:
    assert reflect_kind("Mach aus meinen Fragen offene Fragen: Ist das sicher?") == "open-up"
    assert reflect_kind("Welche Fragen kann ich meiner Mentorin zu LinkedIn stellen?") == "questions"
    assert reflect_kind("Heute haben wir Teams-Kanäle eingerichtet.") == "after-session"


def test_feedback_remark_falls_back_to_the_message() -> None:
    assert feedback_remark("Sie sind unpünktlich") == "Sie sind unpünktlich"
