"""What one browser tab holds between events: the conversation it continues and the chat's messages."""

from __future__ import annotations

from dataclasses import dataclass, field

from gradio import MessageDict

from assistant.errors import TandemError
from assistant.render.markdown import as_text

WARNING = "⚠️ "


@dataclass
class Session:
    """Per-tab state (a `gr.State`): the page never names the user, the server does.

    `refs` runs parallel to `messages`: the stored turn (ID/N) of each answer, None for questions and for
    answers that were not stored (an error), so a thumb on message i rates `refs[i]`.
    """

    conversation: str | None = None
    messages: list[MessageDict] = field(default_factory=list)
    refs: list[str | None] = field(default_factory=list)
    rated: tuple[str, str] | None = None  # the last rating given in this tab (turn, up|down), for its comment


def warn(exc: TandemError) -> str:
    """An error as the page shows it: the message, as text."""
    return WARNING + as_text(str(exc))
