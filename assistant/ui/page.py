"""The page: the conversation list beside the chat, the chat with its mode, the rating comment; and the wiring.

The page's own events are private (not API endpoints); `api.register` adds the named endpoints.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.container import Services
from assistant.llm import describe_backend
from assistant.ui import api
from assistant.ui.chat import MODES, Chat
from assistant.ui.conversations import ConversationHandlers, Downloads
from assistant.ui.ratings import RatingHandlers
from assistant.ui.session import Session

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


def private(name: str) -> dict[str, Any]:
    """A page event: not an API endpoint, named so it never takes an endpoint's name (`ui/api.py`)."""
    return {"api_name": f"page_{name}", "api_visibility": "private"}


def build_page(services: Services) -> Any:
    """The Blocks app: layout, the page's events, and the API endpoints."""
    downloads = Downloads()
    chat = Chat(services, downloads)
    lists = ConversationHandlers(services, downloads)
    thumbs = RatingHandlers(services, downloads)

    with gr.Blocks(title="Tandem", fill_height=True) as app:
        gr.Markdown(
            "# Tandem\nCoaching for reverse-mentoring tandems · Coaching für Reverse-Mentoring-Tandems"
        )
        if not services.settings.llm_enabled:
            gr.Markdown(OFFLINE_BANNER, elem_id="offline-banner")
        else:
            gr.Markdown(f"Model: {describe_backend(services.settings)}", elem_id="backend-line")
        session = gr.State(Session())
        with gr.Row(equal_height=False):
            with gr.Column(scale=1, min_width=260, elem_id="sidebar"):
                new = gr.Button("+ Neues Gespräch · new conversation", elem_id="new-conversation")
                listed = gr.Radio(label="Gespräche · conversations", choices=[], elem_id="conversations")
                title = gr.Textbox(label="Titel · title", max_lines=1, elem_id="title")
                with gr.Row():
                    rename = gr.Button("Umbenennen · rename", size="sm", elem_id="rename")
                    delete = gr.Button("Löschen · delete", size="sm", variant="stop", elem_id="delete")
                download = gr.DownloadButton(
                    "Als Markdown herunterladen · download", interactive=False, size="sm", elem_id="download"
                )
                status = gr.Markdown(elem_id="status")
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(
                    height="60vh",
                    label="Tandem",
                    buttons=["copy"],
                    group_consecutive_messages=False,
                    elem_id="chatbot",
                )
                with gr.Row():
                    message = gr.Textbox(
                        placeholder="Ihre Nachricht · your message",
                        show_label=False,
                        scale=5,
                        max_lines=8,
                        elem_id="message",
                    )
                    send = gr.Button("Senden · send", variant="primary", scale=1, elem_id="send")
                with gr.Row():
                    mode = gr.Dropdown(MODES, value="auto", label="Modus · mode", elem_id="mode")
                    tandem = gr.Dropdown(
                        [""],
                        value="",
                        label="Tandem (optional): Plan und Sitzungslog · plans and session log",
                        elem_id="tandem",
                    )
                with gr.Row():
                    comment = gr.Textbox(
                        label="Kommentar zur Bewertung (optional) · comment on your rating",
                        max_lines=3,
                        scale=5,
                        elem_id="comment",
                    )
                    save = gr.Button("Kommentar speichern · save comment", size="sm", scale=1, elem_id="save")
                gr.Examples(EXAMPLES, inputs=[message], label="Beispiele · examples")

        gr.on(
            [message.submit, send.click],
            chat.turn,
            [message, mode, tandem, session],
            [session, chatbot, message, listed, title, download],
            trigger_mode="once",
            **private("chat"),
        )
        listed.input(
            lists.open, [listed], [session, chatbot, listed, title, download, status], **private("open")
        )
        new.click(lists.new, [], [session, chatbot, listed, title, download, status], **private("new"))
        chatbot.clear(lists.new, [], [session, chatbot, listed, title, download, status], **private("clear"))
        rename.click(lists.rename, [title, session], [listed, title, download, status], **private("rename"))
        title.submit(lists.rename, [title, session], [listed, title, download, status], **private("title"))
        delete.click(
            lists.delete, [session], [session, chatbot, listed, title, download, status], **private("delete")
        )
        chatbot.like(thumbs.like, [session, comment], [session, status, download], **private("like"))
        save.click(thumbs.comment, [session, comment], [status, download], **private("comment"))
        app.load(lists.load, [], [listed], **private("load"))
        app.load(
            lambda: gr.Dropdown(choices=["", *services.store.names()]), [], [tandem], **private("tandems")
        )
        api.register(services, downloads)
    return app
