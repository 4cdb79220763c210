"""A Gradio chat over the programme material: streamed answers with their sources underneath."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from assistant.container import Services
from assistant.conversation.dispatch import stream_turn
from assistant.errors import TandemError
from assistant.llm import describe_backend
from assistant.modes.models import Mode
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
    """One chat turn through the dispatcher: stream grounded answers, show the other modes' results when ready."""
    show_note = services.settings.llm_enabled  # offline: the banner already says so
    chosen: Mode | None = None if mode == "auto" else mode  # type: ignore[assignment]
    header, text = "", ""
    try:
        for event in stream_turn(services, message, chosen):
            if event.route is not None:
                header = f"_{MODE_LABELS[event.route.mode]}_" + ("" if chosen else " · _auto_") + "\n\n"
                yield header + "…"
            elif event.turn is not None:
                yield header + to_markdown(event.turn.result, html_sources=True, show_note=show_note)
            else:
                text = event.delta if event.restart else text + event.delta
                yield header + text
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
    from assistant.ui.signin import launch_options

    sign_in = launch_options(services)  # a login when TANDEM_AUTH_FILE is set; an empty users file is refused
    app = build_app(services)
    app.queue(default_concurrency_limit=4)
    app.launch(
        server_name=host,
        server_port=port,
        share=False,
        prevent_thread_lock=not block,
        show_error=True,
        quiet=not block,
        **sign_in,
    )
    return app
