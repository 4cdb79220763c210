"""What a log turn returns: the session recorded in the tandem profile (or why none was), and what comes next."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from assistant.modes.models import ModeResult

TopicSource = Literal["message", "plan", "summary", ""]


class SessionLogged(ModeResult):
    """A session recorded in a tandem's log; `logged` is False when the conversation has no tandem to log to."""

    model_config = ConfigDict(extra="forbid")
    logged: bool
    tandem: str | None = None
    session_number: int | None = None
    total_sessions: int | None = None
    topic: str = ""
    topic_from: TopicSource = Field(
        "", description="Where the topic came from: the message, the plan, the summary."
    )
    summary: str = ""
    held_on: str = ""
    next_session: int | None = Field(None, description="The next session's number; None when all are held.")
    next_topic: str = ""
    message: str = Field(description="The confirmation, or how to link a tandem, in the user's language.")
