"""The conversation list beside the chat: list, open, new, rename, delete, download as Markdown.

Every handler takes the `gr.Request` and acts for `current_user(request)`; which conversation a tab has open
lives in its session, and the store says "not found" for anyone else's.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.container import Services
from assistant.errors import TandemError
from assistant.render.conversation import conversation_markdown
from assistant.render.markdown import as_text
from assistant.store.records import Conversation, ConversationInfo
from assistant.ui.session import Session, warn
from assistant.ui.transcript import feedback_values, stored_session
from assistant.ui.users import current_user


def label(info: ConversationInfo) -> str:
    """A line of the list: the title and how many turns it has."""
    return f"{info.title} · {info.turns}"


def conversation_list(services: Services, user: str, current: str | None = None) -> Any:
    """The list as a Radio update: the user's conversations, latest first, the current one selected."""
    choices = [(label(c), c.id) for c in services.conversations.summaries(user)]
    return gr.Radio(choices=choices, value=current if current in {c[1] for c in choices} else None)


def summary_data(info: ConversationInfo) -> dict[str, Any]:
    """A conversation in the list as JSON-able data (the `/conversations` endpoint)."""
    return info.model_dump(include={"id", "title", "created", "updated", "turns", "mode"})


class Downloads:
    """Conversations as Markdown files in a temp folder of this app, where Gradio may serve them from.

    Gradio copies a file it hands out into its own cache, so the folder only holds the latest version of each;
    it is removed with the app's `Downloads` (or when the process ends).
    """

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="tandem-downloads-"))
        weakref.finalize(self, shutil.rmtree, self.folder, True)

    def path(self, conversation: str) -> Path:
        return self.folder / f"tandem-{conversation}.md"

    def write(self, conversation: Conversation) -> Path:
        """The conversation as one Markdown file, replaced at once (another tab may be downloading it)."""
        target = self.path(conversation.id)
        partial = target.with_suffix(f".{os.getpid()}.{id(conversation)}.part")
        partial.write_text(conversation_markdown(conversation), encoding="utf-8")
        partial.replace(target)
        return target

    def remove(self, conversation: str) -> None:
        self.path(conversation).unlink(missing_ok=True)

    def button(self, conversation: Conversation | None) -> Any:
        """The download button's update: the conversation's file, or nothing to download."""
        if conversation is None:
            return gr.DownloadButton(value=None, interactive=False)
        return gr.DownloadButton(value=str(self.write(conversation)), interactive=True)


class ConversationHandlers:
    """The list's handlers on the page. Outputs are documented per method; errors go to the status line."""

    def __init__(self, services: Services, downloads: Downloads) -> None:
        self.services = services
        self.downloads = downloads

    def load(self, request: gr.Request) -> Any:
        """On page load: the user's list (nothing selected)."""
        return conversation_list(self.services, current_user(request))

    def open(self, conversation: str | None, request: gr.Request) -> tuple[Any, ...]:
        """Outputs: session, chatbot, list, title box, download button, status."""
        user = current_user(request)
        skip = gr.skip()
        if not conversation:
            return skip, skip, skip, skip, skip, skip
        try:
            stored = self.services.conversations.get(user, conversation)
        except TandemError as exc:
            return skip, skip, conversation_list(self.services, user), skip, skip, warn(exc)
        opened = stored_session(self.services, stored)
        messages: list[Any] = list(opened.messages)  # the Chatbot's type takes Message objects too
        chatbot = gr.Chatbot(value=messages, feedback_value=feedback_values(stored, opened))
        return opened, chatbot, skip, stored.title, self.downloads.button(stored), ""

    def new(self, request: gr.Request) -> tuple[Any, ...]:
        """Outputs: session, chatbot, list, title box, download button, status."""
        user = current_user(request)
        empty = gr.Chatbot(value=[], feedback_value=[])
        return Session(), empty, conversation_list(self.services, user), "", self.downloads.button(None), ""

    def rename(self, title: str, session: Session, request: gr.Request) -> tuple[Any, ...]:
        """Outputs: list, title box, download button, status."""
        user = current_user(request)
        skip = gr.skip()
        if session.conversation is None:
            return skip, skip, skip, "Start or open a conversation to rename it · Erst ein Gespräch öffnen."
        try:
            info = self.services.conversations.rename(user, session.conversation, title)
        except TandemError as exc:
            return skip, skip, skip, warn(exc)
        stored = self.services.conversations.get(user, info.id)
        status = f"Umbenannt · renamed: {as_text(info.title)}"
        return (
            conversation_list(self.services, user, info.id),
            info.title,
            self.downloads.button(stored),
            status,
        )

    def delete(self, session: Session, request: gr.Request) -> tuple[Any, ...]:
        """Outputs: session, chatbot, list, title box, download button, status."""
        user = current_user(request)
        skip = gr.skip()
        if session.conversation is None:
            return (
                skip,
                skip,
                skip,
                skip,
                skip,
                "Open a conversation to delete it · Erst ein Gespräch öffnen.",
            )
        try:
            info = next(
                (c for c in self.services.conversations.summaries(user) if c.id == session.conversation), None
            )
            self.services.conversations.delete(user, session.conversation)
        except TandemError as exc:
            return skip, skip, conversation_list(self.services, user), skip, skip, warn(exc)
        self.downloads.remove(session.conversation)
        title = as_text(info.title) if info else session.conversation
        return (
            Session(),
            gr.Chatbot(value=[], feedback_value=[]),
            conversation_list(self.services, user),
            "",
            self.downloads.button(None),
            f"Gelöscht · deleted: {title}",
        )
