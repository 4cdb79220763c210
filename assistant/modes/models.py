"""The objects the coaching modes return: the same type whether an LLM wrote it or the offline composer."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.schema import Backend, Source
from assistant.text.language import Lang

Mode = Literal["ask", "prepare", "feedback", "reflect", "log"]  # log: record a session in the tandem profile


class ModeResult(BaseModel):
    """What every mode's result carries besides its content."""

    language: Lang
    backend: Backend = "offline"
    sources: list[Source] = Field(default_factory=list)
    note: str = Field("", description="Why the result came from offline mode, when it did.")


def _without_description(schema: dict[str, Any]) -> None:
    schema.pop("description", None)


# What a language model writes into a frame: no extra keys, and no class docstring in the JSON schema the
# model sees (the prompt explains the task; every token counts for a small local model).
WORDING_CONFIG = ConfigDict(extra="forbid", json_schema_extra=_without_description)


def wording_text(limit: int, description: str | None = None) -> Any:
    """A non-empty text field of a wording schema; `limit` goes into the JSON schema only, so grammar-constrained
    local servers (llama.cpp) cannot run on and on, while other endpoints are not failed for a long sentence."""
    return Field(min_length=1, description=description, json_schema_extra={"maxLength": limit})
