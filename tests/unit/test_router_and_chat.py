"""Routing rules and parameter extraction for free chat messages."""

import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from assistant.conversation.parameters import PlanAsk, feedback_remark, prepare_parameters, reflect_kind
from assistant.conversation.router import Router


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
