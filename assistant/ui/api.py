"""The named API endpoints (what gradio_client calls): their names, what they take and what they return.

Each acts for `current_user(request)`, like the page. A bad input or another user's conversation comes back as
a readable error (gr.Error with the message), never a stack trace.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import gradio as gr

from assistant.container import Services
from assistant.errors import TandemError
from assistant.render.markdown import as_text
from assistant.ui.chat import replies
from assistant.ui.conversations import Downloads, summary_data
from assistant.ui.transcript import stored_session
from assistant.ui.users import current_user

CHAT = (
    "chat"  # (message, mode, conversation or "", tandem or "") -> answer Markdown, conversation id, turn ID/N
)
CONVERSATIONS = "conversations"  # () -> [{id, title, created, updated, turns, mode}], latest first
OPEN = "open"  # (conversation) -> {id, title, turns: [{ref, number, message, mode, answer, rating, comment}]}
RENAME = "rename"  # (conversation, title) -> {id, title, ...}
DELETE = "delete"  # (conversation) -> the remaining conversations
DOWNLOAD = "download"  # (conversation) -> the conversation as a Markdown file
RATE = "rate"  # (turn ID/N, up|down, comment) -> {turn, value, comment, prompt_version, backend}
TANDEMS = "tandems"  # () -> the names of the tandem profiles a conversation can be linked to
ENDPOINTS = (CHAT, CONVERSATIONS, OPEN, RENAME, DELETE, DOWNLOAD, RATE, TANDEMS)


def readable(exc: TandemError) -> gr.Error:
    """The error a client sees: the message that names the problem and what to do (shown as text)."""
    return gr.Error(as_text(str(exc)), print_exception=False)


class Api:
    """The endpoints' functions, over the same stores and dispatcher as the page."""

    def __init__(self, services: Services, downloads: Downloads) -> None:
        self.services = services
        self.downloads = downloads

    def chat(
        self, message: str, mode: str, conversation: str, tandem: str, request: gr.Request
    ) -> Iterator[tuple[str, str, str]]:
        """Stream the answer; the last output names the conversation and the stored turn."""
        try:
            user = current_user(request)
            for reply in replies(self.services, user, message, mode, conversation or None, tandem or None):
                turn = reply.turn
                yield reply.text, (turn.conversation or "") if turn else "", (turn.ref or "") if turn else ""
        except TandemError as exc:
            raise readable(exc) from None

    def conversations(self, request: gr.Request) -> list[dict[str, Any]]:
        try:
            return [summary_data(c) for c in self.services.conversations.summaries(current_user(request))]
        except TandemError as exc:
            raise readable(exc) from None

    def open(self, conversation: str, request: gr.Request) -> dict[str, Any]:
        try:
            stored = self.services.conversations.get(current_user(request), conversation)
        except TandemError as exc:
            raise readable(exc) from None
        shown = stored_session(self.services, stored)
        answers = [m["content"] for m in shown.messages if m["role"] == "assistant"]
        turns = [
            {
                "ref": turn.ref,
                "number": turn.number,
                "created": turn.created,
                "message": turn.message,
                "mode": turn.mode,
                "answer": text,
                "rating": turn.rating.value if turn.rating else None,
                "comment": turn.rating.comment if turn.rating else "",
            }
            for turn, text in zip(stored.history, answers, strict=True)
        ]
        return {"id": stored.id, "title": stored.title, "turns": turns}

    def rename(self, conversation: str, title: str, request: gr.Request) -> dict[str, Any]:
        try:
            return summary_data(
                self.services.conversations.rename(current_user(request), conversation, title)
            )
        except TandemError as exc:
            raise readable(exc) from None

    def delete(self, conversation: str, request: gr.Request) -> list[dict[str, Any]]:
        user = current_user(request)
        try:
            self.services.conversations.delete(user, conversation)
        except TandemError as exc:
            raise readable(exc) from None
        self.downloads.remove(conversation)
        return [summary_data(c) for c in self.services.conversations.summaries(user)]

    def download(self, conversation: str, request: gr.Request) -> str:
        try:
            return str(
                self.downloads.write(self.services.conversations.get(current_user(request), conversation))
            )
        except TandemError as exc:
            raise readable(exc) from None

    def tandems(self, request: gr.Request) -> list[str]:
        """The tandem profiles by name (programme data: every signed-in user may link to one)."""
        current_user(request)
        return self.services.store.names()

    def rate(self, turn: str, value: str, comment: str, request: gr.Request) -> dict[str, Any]:
        try:
            rating = self.services.conversations.rate(current_user(request), turn, value, comment)
        except TandemError as exc:
            raise readable(exc) from None
        return rating.model_dump(exclude={"user"})


def register(services: Services, downloads: Downloads) -> None:
    """Add the endpoints to the Blocks being built: hidden components give them their names and types."""
    api = Api(services, downloads)
    with gr.Column(visible=False):
        message = gr.Textbox(label="message")
        mode = gr.Textbox(label="mode", value="auto")
        conversation = gr.Textbox(label="conversation")
        tandem = gr.Textbox(label="tandem", value="")  # optional for clients: a value makes it so
        title = gr.Textbox(label="title")
        turn = gr.Textbox(label="turn")
        value = gr.Textbox(label="value")
        comment = gr.Textbox(label="comment")
        answer = gr.Textbox(label="answer")
        listed = gr.JSON(label="conversations")
        opened = gr.JSON(label="conversation")
        file = gr.File(label="markdown")
        rating = gr.JSON(label="rating")
        names = gr.JSON(label="tandems")
        chat_outputs = [answer, gr.Textbox(label="conversation"), gr.Textbox(label="turn")]

    options: dict[str, Any] = {"show_progress": "hidden", "queue": True}
    gr.on([], api.chat, [message, mode, conversation, tandem], chat_outputs, api_name=CHAT, **options)
    gr.on([], api.conversations, [], listed, api_name=CONVERSATIONS, **options)
    gr.on([], api.open, [conversation], opened, api_name=OPEN, **options)
    gr.on([], api.rename, [conversation, title], opened, api_name=RENAME, **options)
    gr.on([], api.delete, [conversation], listed, api_name=DELETE, **options)
    gr.on([], api.download, [conversation], file, api_name=DOWNLOAD, **options)
    gr.on([], api.rate, [turn, value, comment], rating, api_name=RATE, **options)
    gr.on([], api.tandems, [], names, api_name=TANDEMS, **options)
