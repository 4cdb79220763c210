"""One chat turn in the web UI and through `/chat`: the dispatcher streams it, the page shows it as text.

`replies` is the turn itself (the page and the API share it); `Chat.turn` is the page's handler, which keeps
the tab's session and refreshes the conversation list once the turn is stored.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import gradio as gr

from assistant.container import Services
from assistant.conversation.dispatch import ChatTurn, stream_turn
from assistant.conversation.record import Thread
from assistant.errors import InputError, TandemError
from assistant.modes.models import Mode
from assistant.render.markdown import as_text
from assistant.ui.conversations import Downloads, conversation_list
from assistant.ui.session import Session, warn
from assistant.ui.transcript import answer, answer_markdown, header, question
from assistant.ui.users import current_user

MODES = ["auto", "ask", "prepare", "feedback", "reflect"]


def chosen_mode(mode: str | None) -> Mode | None:
    """The mode a person picked; "auto" (or nothing) lets the router decide."""
    name = (mode or "auto").strip().lower()
    if name not in MODES:
        raise InputError(f"'{mode}' is not a mode: choose {', '.join(MODES[:-1])} or {MODES[-1]}.", "mode")
    return None if name == "auto" else name  # type: ignore[return-value]  # one of MODES


@dataclass
class Reply:
    """The answer so far as the chat shows it; the last reply carries the finished (and stored) turn."""

    text: str
    turn: ChatTurn | None = None


def replies(
    services: Services,
    user: str,
    message: str,
    mode: str | None,
    conversation: str | None,
    tandem: str | None = None,
) -> Iterator[Reply]:
    """One turn for `user`, continuing `conversation` (or starting one), streamed; errors are raised.

    A `tandem` links the conversation to that tandem profile (plans continue its sessions, "log this session"
    records in it); none keeps the conversation's link, if it has one.
    """
    chosen = chosen_mode(mode)
    thread = Thread(user, conversation or None, (tandem or "").strip() or None)
    top, text = "", ""
    for event in stream_turn(services, message, chosen, thread=thread):
        if event.route is not None:
            top = header(event.route.mode)
            yield Reply(top + "…")
        elif event.turn is not None:
            yield Reply(top + answer_markdown(services, event.turn.result), event.turn)
        else:
            text = event.delta if event.restart else text + event.delta
            yield Reply(top + as_text(text))


class Chat:
    """The page's chat handler: streams the answer into the chatbot, keeps the session, refreshes the list."""

    def __init__(self, services: Services, downloads: Downloads) -> None:
        self.services = services
        self.downloads = downloads

    def turn(
        self, message: str, mode: str, tandem: str | None, session: Session, request: gr.Request
    ) -> Iterator[tuple[Any, ...]]:
        """Outputs: session, chatbot, message box, conversation list, title box, download button."""
        user = current_user(request)
        messages = [*session.messages, question(message or ""), answer("…")]
        skip = gr.skip()
        yield session, messages, "", skip, skip, skip
        try:
            for reply in replies(self.services, user, message, mode, session.conversation, tandem):
                messages[-1] = answer(reply.text)
                if reply.turn is None or reply.turn.conversation is None:
                    yield session, messages, skip, skip, skip, skip
                    continue
                refs = [*session.refs, None, reply.turn.ref]
                session = replace(session, conversation=reply.turn.conversation, messages=messages, refs=refs)
                stored = self.services.conversations.get(user, reply.turn.conversation)
                listed = conversation_list(self.services, user, stored.id)
                yield session, messages, skip, listed, stored.title, self.downloads.button(stored)
        except TandemError as exc:
            messages[-1] = answer(warn(exc))
            session = replace(session, messages=messages, refs=[*session.refs, None, None])
            yield session, messages, skip, skip, skip, skip
