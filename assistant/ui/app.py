"""A Gradio chat over the programme material: streamed answers with their sources underneath."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from assistant.container import Services
from assistant.conversation.dispatch import respond as chat_respond
from assistant.errors import TandemError
from assistant.llm import describe_backend
from assistant.render.markdown import to_markdown

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

OFFLINE_BANNER = (
    "**Offline mode** — no language model is connected, so answers quote the most relevant passages of the "
    "programme material. To get written answers, set `TANDEM_LLM_BASE_URL` and `TANDEM_LLM_MODEL` "
    "(and `OPENAI_API_KEY` if the endpoint needs one) and restart.  \n"
    "**Offline-Modus** — kein Sprachmodell verbunden; Antworten zitieren die passendsten Stellen des "
    "Programmmaterials. Für ausformulierte Antworten `TANDEM_LLM_BASE_URL` und `TANDEM_LLM_MODEL` setzen."
)

EXAMPLES = [
    "Wie gebe ich meiner Führungskraft konstruktives Feedback?",
    "Plan our second session on ChatGPT for e-mails, 60 minutes",
    "Ist das okay: „Sie sind immer so chaotisch in Meetings.“",
    "Ich hatte heute meine Sitzung zu LinkedIn. Was soll ich reflektieren?",
]


MODES = ["auto", "ask", "prepare", "feedback", "reflect"]
MODE_LABELS = {
    "ask": "Frage · question",
    "prepare": "Sitzung vorbereiten · prepare a session",
    "feedback": "Feedback formulieren · feedback",
    "reflect": "Reflexion · reflection",
}


def respond(services: Services, message: str, history: list[Any], mode: str = "auto") -> Iterator[str]:
    """Route the message; stream grounded answers, show the other modes' results when ready."""
    show_note = services.settings.llm_enabled  # offline: the banner already says so
    try:
        route = services.router.route(message, None if mode == "auto" else mode)  # type: ignore[arg-type]
        header = f"_{MODE_LABELS[route.mode]}_" + ("" if mode != "auto" else " · _auto_") + "\n\n"
        if route.mode == "ask":
            text = ""
            for event in services.ask.stream(message):
                if event.answer is not None:
                    yield header + to_markdown(event.answer, html_sources=True, show_note=show_note)
                    return
                text += event.delta
                yield header + text
            return
        yield header + "…"
        turn = chat_respond(services, message, route.mode)
        yield header + to_markdown(turn.result, html_sources=True, show_note=show_note)
    except TandemError as exc:
        yield f"⚠️ {exc}"


def build_app(services: Services) -> Any:
    """The Blocks app; `api_name="chat"` makes it scriptable with gradio_client."""
    import gradio as gr

    def chat(message: str, history: list[Any], mode: str) -> Iterator[str]:
        yield from respond(services, message, history, mode)

    with gr.Blocks(title="Tandem", fill_height=True) as app:
        gr.Markdown(
            "# Tandem\nCoaching for reverse-mentoring tandems · Coaching für Reverse-Mentoring-Tandems"
        )
        if not services.settings.llm_enabled:
            gr.Markdown(OFFLINE_BANNER, elem_id="offline-banner")
        else:
            gr.Markdown(f"Model: {describe_backend(services.settings)}", elem_id="backend-line")
        gr.ChatInterface(
            chatbot=gr.Chatbot(height="65vh", label="Tandem", buttons=["copy"]),
            fn=chat,
            api_name="chat",
            additional_inputs=[gr.Dropdown(MODES, value="auto", label="Modus · mode", elem_id="mode")],
            additional_inputs_accordion=gr.Accordion("Modus · mode (auto)", open=False),
            examples=[[e, "auto"] for e in EXAMPLES],
            run_examples_on_click=True,
            cache_examples=False,
            fill_height=True,
        )
    return app


def serve(services: Services, host: str = "127.0.0.1", port: int = 7860, block: bool = True) -> Any:
    """Launch on host:port; with block=False return the running app (for tests)."""
    app = build_app(services)
    app.queue(default_concurrency_limit=4)
    app.launch(
        server_name=host,
        server_port=port,
        share=False,
        prevent_thread_lock=not block,
        show_error=True,
        quiet=not block,
    )
    return app
