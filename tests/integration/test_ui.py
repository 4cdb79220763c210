"""The Gradio app over real HTTP, driven with gradio_client."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.ui.app import serve
from tests.conftest import services_with_llm
from tests.support.openai_server import FakeOpenAI

pytestmark = pytest.mark.integration


@pytest.fixture
def offline_app(bilingual_services: Any, port: int) -> Iterator[str]:
    app = serve(bilingual_services, port=port, block=False)
    yield f"http://127.0.0.1:{port}/"
    app.close()


def test_chat_answers_with_sources_and_offline_note(offline_app: str) -> None:
    from gradio_client import Client

    client = Client(offline_app, verbose=False)
    text, conversation, turn = client.predict(
        "How can I recognise a phishing email?", "auto", "", api_name="/chat"
    )
    assert conversation and turn == f"{conversation}/1"
    assert "<b>Sources</b>" in text and "[1]" in text and "Phishing-Mails erkennen" in text
    assert "Phishing" in text.split("<b>Sources</b>")[0]


def test_bad_input_is_a_message_not_a_crash(offline_app: str) -> None:
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    client = Client(offline_app, verbose=False)
    with pytest.raises(AppError, match="TANDEM_MAX_QUESTION_CHARS") as long:
        client.predict("x" * 5000, "ask", "", api_name="/chat")
    with pytest.raises(AppError, match="'summarise' is not a mode: choose auto, ask") as mode:
        client.predict("Wie erkenne ich Phishing?", "summarise", "", api_name="/chat")
    assert "Traceback" not in str(long.value) + str(mode.value)


def test_llm_answer_is_streamed_through_the_ui(
    tmp_path: Path, bilingual_services: Any, port: int, server: FakeOpenAI
) -> None:
    from gradio_client import Client

    server.script("Prüfen Sie Kamera und Mikrofon vorher [1].")
    app = serve(services_with_llm(tmp_path, server.base_url, bilingual_services), port=port, block=False)
    try:
        job = Client(f"http://127.0.0.1:{port}/", verbose=False).submit(
            "Was prüfe ich vor einer Videokonferenz?", "ask", "", api_name="/chat"
        )
        final = str(job.result(timeout=60)[0])
        outputs = [str(o[0]) for o in job.outputs()]
    finally:
        app.close()
    assert "Prüfen Sie Kamera und Mikrofon vorher [1]." in final and "<b>Quellen</b>" in final
    assert len(outputs) > 2  # partial texts arrived before the final one
