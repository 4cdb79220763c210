"""One chat turn through the dispatcher: routed once, the question embedded once, streamed to the end."""

from pathlib import Path
from typing import Any

import pytest
from langchain_core.embeddings import Embeddings

from assistant.container import Services, build
from assistant.conversation.dispatch import respond, stream_turn
from tests.conftest import make_settings

pytestmark = pytest.mark.integration


class CountingEmbeddings(Embeddings):
    """The real embeddings, counting how often a query is embedded."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name
        self.queries: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return list(self.inner.embed_documents(texts))

    def embed_query(self, text: str) -> list[float]:
        self.queries.append(text)
        return list(self.inner.embed_query(text))


def counting_services(tmp_path: Path, base: Services) -> tuple[Services, CountingEmbeddings]:
    embeddings = CountingEmbeddings(base.embeddings)
    settings = make_settings(tmp_path, data_dir=base.settings.data_dir)
    return build(settings, embeddings=embeddings), embeddings


def test_an_ask_turn_embeds_the_question_once(tmp_path: Path, bilingual_services: Services) -> None:
    services, embeddings = counting_services(tmp_path, bilingual_services)
    services.router.route("warm-up")  # the router's example prototypes are embedded once per process
    embeddings.queries.clear()
    turn = respond(services, "How can I recognise a phishing email?")
    assert turn.route.mode == "ask" and turn.result.sources
    assert embeddings.queries == ["How can I recognise a phishing email?"]


def test_the_stream_names_the_route_first_and_ends_with_the_turn(
    tmp_path: Path, bilingual_services: Services
) -> None:
    services, _ = counting_services(tmp_path, bilingual_services)
    events = list(stream_turn(services, "Wie erkenne ich eine Phishing-Mail?"))
    assert events[0].route is not None and events[0].route.mode == "ask"
    assert events[-1].turn is not None and events[-1].turn.result.language == "de"
    assert any(event.delta for event in events[1:-1])


def test_a_chosen_mode_is_not_routed_again(tmp_path: Path, bilingual_services: Services) -> None:
    services, embeddings = counting_services(tmp_path, bilingual_services)
    turn = respond(services, "Sie hören mir nie zu.", mode="feedback")
    assert turn.route.reason == "chosen by the user" and turn.result.flags
    assert "Sie hören mir nie zu." not in embeddings.queries
