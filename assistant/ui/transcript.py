"""How the chat shows a turn: the mode line, the answer as escaped Markdown, a stored conversation's messages."""

from __future__ import annotations

from gradio import MessageDict

from assistant.container import Services
from assistant.conversation.record import load_result
from assistant.errors import TandemError
from assistant.modes.results import Result
from assistant.render.markdown import as_text, to_markdown
from assistant.store.records import Conversation
from assistant.ui.session import Session, warn

MODE_LABELS = {
    "ask": "Frage · question",
    "prepare": "Sitzung vorbereiten · prepare a session",
    "feedback": "Feedback formulieren · feedback",
    "reflect": "Reflexion · reflection",
    "log": "Sitzung eintragen · log a session",
}
THUMBS = {"up": "Like", "down": "Dislike"}  # the Chatbot's feedback values for a stored rating


def header(mode: str) -> str:
    """The line above an answer: which mode answered (the same live and when the conversation is opened)."""
    return f"_{MODE_LABELS.get(mode, as_text(mode))}_\n\n"


def answer_markdown(services: Services, result: Result) -> str:
    """A result as the chat shows it: escaped content, folded sources, the note when a model is configured."""
    return to_markdown(result, html_sources=True, show_note=services.settings.llm_enabled)


def question(message: str) -> MessageDict:
    """A person's message in the chat, as text."""
    return {"role": "user", "content": as_text(message)}


def answer(text: str) -> MessageDict:
    """An answer in the chat (already Markdown made safe by `answer_markdown` or `as_text`)."""
    return {"role": "assistant", "content": text}


def stored_session(services: Services, conversation: Conversation) -> Session:
    """A stored conversation as the chat shows it: each message and its answer, with the turns' refs."""
    session = Session(conversation=conversation.id)
    for turn in conversation.history:
        try:
            text = header(turn.mode) + answer_markdown(services, load_result(turn.mode, turn.result))
        except TandemError as exc:
            text = warn(exc)
        session.messages += [question(turn.message), answer(text)]
        session.refs += [None, turn.ref]
    return session


def feedback_values(conversation: Conversation, session: Session) -> list[str | None]:
    """The thumbs the chat shows on each answer: the owner's stored ratings, None where there is none."""
    rated = {t.ref: THUMBS[t.rating.value] for t in conversation.history if t.rating is not None}
    return [
        rated.get(ref or "")
        for ref, message in zip(session.refs, session.messages, strict=True)
        if message["role"] == "assistant"
    ]
