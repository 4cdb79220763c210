"""The objects the coaching modes return: the same type whether an LLM wrote it or the offline composer."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.schema import Backend, Source
from assistant.text.language import Lang

Mode = Literal["ask", "prepare", "feedback", "reflect"]


class ModeResult(BaseModel):
    """What every mode's result carries besides its content."""

    language: Lang
    backend: Backend = "offline"
    sources: list[Source] = Field(default_factory=list)
    note: str = Field("", description="Why the result came from offline mode, when it did.")
