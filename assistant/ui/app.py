"""A Gradio chat over the programme material: streamed answers with their sources underneath."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from assistant.container import Services
from assistant.errors import TandemError
from assistant.llm import describe_backend
from assistant.schema import Answer

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

OFFLINE_BANNER = (
    "**Offline mode** — no language model is connected, so answers quote the most relevant passages of the "
    "programme material. To get written answers, set `TANDEM_LLM_BASE_URL` and `TANDEM_LLM_MODEL` "
    "(and `OPENAI_API_KEY` if the endpoint needs one) and restart.  \n"
    "**Offline-Modus** — kein Sprachmodell verbunden; Antworten zitieren die passendsten Stellen des "
    "Programmmaterials. Für ausformulierte Antworten `TANDEM_LLM_BASE_URL` und `TANDEM_LLM_MODEL` setzen."
)

EXAMPLES = [
    "How do I prepare the first session with my senior mentee?",
    "Wie gebe ich meiner Führungskraft konstruktives Feedback?",
    "Which open questions can I ask in the GROW model?",
    "Wie reflektiere ich nach einer Sitzung?",
]


def render_answer(answer: Answer, show_note: bool = True) -> str:
    """The answer as Markdown, its numbered sources (title, section, snippet) underneath."""
    parts = [answer.answer]
    if answer.sources:
        heading = "Quellen" if answer.language == "de" else "Sources"
        lines = [f"\n\n<details open><summary><b>{heading}</b> ({len(answer.sources)})</summary>\n"]
        for s in answer.sources:
            where = f"{s.title} › {s.section}" if s.section else s.title
            lines.append(f"{s.n}. *{where}* · `{s.source}`  \n   {s.snippet}")
        lines.append("\n</details>")
        parts.append("\n".join(lines))
    if show_note and answer.note:
        parts.append(f"\n\n_{answer.note}_")
    return "".join(parts)


def respond(services: Services, message: str, history: list[Any]) -> Iterator[str]:
    """Stream the answer text, then replace it with the checked answer and its sources."""
    text = ""
    try:
        for event in services.ask.stream(message):
            if event.answer is not None:
                # in offline mode the banner already says so; a note then only matters after an LLM failure
                yield render_answer(event.answer, show_note=services.settings.llm_enabled)
                return
            text += event.delta
            yield text
    except TandemError as exc:
        yield f"⚠️ {exc}"


def build_app(services: Services) -> Any:
    """The Blocks app; `api_name="chat"` makes it scriptable with gradio_client."""
    import gradio as gr

    def chat(message: str, history: list[Any]) -> Iterator[str]:
        yield from respond(services, message, history)

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
            examples=EXAMPLES,
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
