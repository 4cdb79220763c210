"""What the conversation store keeps and hands back: turns, conversations, ratings, a user's export.

Results are kept as JSON (the store never imports a mode); the edges turn them back into result types.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, computed_field

RatingValue = Literal["up", "down"]


def turn_ref(conversation: str, number: int) -> str:
    """How a person names a turn: the conversation id and the turn's number.

    >>> turn_ref("3f9a1c2b", 2)
    '3f9a1c2b/2'
    """
    return f"{conversation}/{number}"


class TurnRecord(BaseModel):
    """One chat turn as the chat hands it over: the message and everything the answer came from."""

    message: str
    mode: str
    parameters: dict[str, Any] = Field(default_factory=dict)
    result: dict[str, Any]
    sources: list[dict[str, Any]] = Field(default_factory=list)
    prompt_version: str = Field(description="The mode's prompt as name@version, e.g. prepare@2.5.")
    backend: str = Field(description="Who wrote the result: openai or offline.")


class Rating(BaseModel):
    """Thumbs up or down on one turn, with what produced the answer rated."""

    turn: str
    user: str
    value: RatingValue
    comment: str = ""
    prompt_version: str
    backend: str
    created: str


class StoredTurn(TurnRecord):
    """A turn as stored: where it belongs, when it was written, and the owner's rating if any."""

    conversation: str
    number: int
    created: str
    rating: Rating | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ref(self) -> str:
        return turn_ref(self.conversation, self.number)


class ConversationInfo(BaseModel):
    """A line of `tandem history list`."""

    id: str
    user: str
    title: str
    created: str
    updated: str
    turns: int = 0
    mode: str = Field("", description="The mode of the latest turn.")
    tandem: str | None = Field(None, description="The tandem profile the conversation is linked to, if any.")


class Conversation(ConversationInfo):
    """A conversation with its turns and its state (the last mode, its parameters and result)."""

    state: dict[str, Any] = Field(default_factory=dict)
    history: list[StoredTurn] = Field(default_factory=list)


class UserExport(BaseModel):
    """Everything stored about one user (`tandem history export`)."""

    user: str
    exported: str
    conversations: list[Conversation]
    ratings: list[Rating]


class RatedTurn(BaseModel):
    """A rating with the turn it is about, for the evals (`tandem ratings export`); no user names."""

    turn: str
    value: RatingValue
    comment: str
    prompt_version: str
    backend: str
    created: str
    mode: str
    message: str
    parameters: dict[str, Any]
    result: dict[str, Any]
