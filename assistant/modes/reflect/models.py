"""What the reflect mode returns: labelled open questions."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.modes.models import WORDING_CONFIG, ModeResult, wording_text

ReflectKind = Literal["after-session", "questions", "open-up"]


class ReflectionItem(BaseModel):
    """One prompt or question, labelled with its Gibbs stage, GROW phase, or 'open'."""

    model_config = ConfigDict(extra="forbid")
    label: str
    question: str


class ReflectionContent(BaseModel):
    """The part a language model writes: a short lead-in and the questions."""

    model_config = ConfigDict(extra="forbid")
    intro: str
    items: list[ReflectionItem] = Field(min_length=3)


class ReflectionWording(BaseModel):
    """What a language model writes: the intro and one question per slot of the frame.

    `ReflectionFrame.schema()` adds one required field per slot, named by the slot; the labels stay with code.
    """

    model_config = WORDING_CONFIG
    intro: str = wording_text(180, "One or two short sentences on what the questions are for.")


class ReflectionSet(ReflectionContent, ModeResult):
    """Reflection prompts after a session, questions for the mentor, or closed questions opened up."""

    model_config = ConfigDict(extra="forbid")
    kind: ReflectKind
    context: str
