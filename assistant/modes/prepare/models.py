"""What the prepare mode returns: a timed session plan (the same type from the LLM or the offline composer)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.catalog import SessionKind
from assistant.errors import InputError, require_text
from assistant.modes.models import WORDING_CONFIG, ModeResult, wording_text
from assistant.text.topics import is_digital

MIN_MINUTES, MAX_MINUTES = 10, 240
MAX_TOPIC_CHARS = 300  # a topic is a title; details belong in the senior's context


class AgendaItem(BaseModel):
    """One block of a session agenda."""

    model_config = ConfigDict(extra="forbid")
    title: str = Field(description="Short name of the block, e.g. 'Check-in on last session'.")
    minutes: int = Field(ge=1, le=240, description="Length of the block in minutes.")
    activity: str = Field(description="What the tandem does in this block, in one or two sentences.")
    guiding_questions: list[str] = Field(default_factory=list, description="Open questions for this block.")


class Exercise(BaseModel):
    """A hands-on exercise the senior does on their own device."""

    model_config = ConfigDict(extra="forbid")
    title: str
    minutes: int = Field(ge=1, le=240)
    steps: list[str] = Field(min_length=2, description="Concrete steps the senior carries out.")


class PlanContent(BaseModel):
    """The part of a session plan a language model writes."""

    model_config = ConfigDict(extra="forbid")
    title: str
    goals: list[str] = Field(min_length=1, max_length=3, description="One to three concrete session goals.")
    agenda: list[AgendaItem] = Field(
        min_length=2, description="Blocks whose minutes add up to the session length."
    )
    exercise: Exercise | None = Field(None, description="Hands-on exercise (required for digital topics).")
    materials: list[str] = Field(default_factory=list, description="What to bring or prepare.")
    next_time: list[str] = Field(default_factory=list, description="What to agree for the next session.")


class BlockWording(BaseModel):
    """The words of one agenda block; its length and place come from the frame."""

    model_config = WORDING_CONFIG
    title: str = wording_text(80)
    activity: str = wording_text(240)
    guiding_question: str = wording_text(160)


class ExerciseWording(BaseModel):
    """The words of the hands-on exercise; its minutes come from the frame's practice block."""

    model_config = WORDING_CONFIG
    title: str = wording_text(100)
    steps: list[Annotated[str, wording_text(200)]] = Field(min_length=2, max_length=4)


class PlanWording(BaseModel):
    """What a language model writes into a plan frame: words only, no minutes; one agenda entry per block.

    `PlanFrame.schema()` makes a subclass that expects exactly the frame's number of blocks.
    """

    model_config = WORDING_CONFIG
    expected_blocks: ClassVar[int | None] = None
    title: str = wording_text(100)
    goals: list[Annotated[str, wording_text(160)]] = Field(min_length=1, max_length=3)
    agenda: list[BlockWording]
    materials: list[Annotated[str, wording_text(120)]] = Field(max_length=3)
    next_time: list[Annotated[str, wording_text(160)]] = Field(max_length=2)

    @field_validator("agenda")
    @classmethod
    def _fits_the_frame(cls, value: list[BlockWording]) -> list[BlockWording]:
        if cls.expected_blocks is not None and len(value) != cls.expected_blocks:
            raise ValueError(
                f"agenda has {len(value)} entries, but the frame has {cls.expected_blocks} blocks: write exactly "
                "one entry per block, in the frame's order"
            )
        return value


class PlanWordingWithExercise(PlanWording):
    """The wording of a plan whose frame holds a hands-on exercise."""

    exercise: ExerciseWording


class SessionPlan(PlanContent, ModeResult):
    """A timed session plan for a junior mentor."""

    model_config = ConfigDict(extra="forbid")
    topic: str
    minutes: int
    session_number: int = 1
    total_sessions: int = 6
    senior: str = ""
    focus: str = Field("", description="What the hands-on exercise practises, when asked for.")


@dataclass
class PlanRequest:
    """What the junior asked for, validated."""

    topic: str
    minutes: int
    session: int = 1
    of: int = 6
    senior: str = ""
    history: str = ""  # one line per earlier session, from the tandem profile
    focus: str = ""  # what the hands-on exercise practises, when the junior asked for it ("prompts")

    @property
    def kind(self) -> SessionKind:
        if self.session == 1:
            return "first"
        return "closing" if self.session == self.of else "regular"

    @property
    def digital(self) -> bool:
        return is_digital(self.topic)


def validate_request(topic: str, minutes: int, session: int, of: int, senior: str, max_chars: int) -> None:
    """Bad input gets a message that names the field, the limit and what to do."""
    require_text(topic, "topic", MAX_TOPIC_CHARS, "ChatGPT basics")
    if len(senior) > max_chars:
        raise InputError(
            f"The senior's context has {len(senior)} characters; the limit is {max_chars}. Keep what changes "
            "the plan (role, experience, worries).",
            "senior",
        )
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise InputError(
            f"The session length must be between {MIN_MINUTES} and {MAX_MINUTES} minutes, not {minutes}.",
            "minutes",
        )
    if of < 1 or session < 1:
        raise InputError("The session number and the number of sessions must be 1 or more.", "session")
    if session > of:
        raise InputError(
            f"Session {session} of {of} does not exist: the session number must not exceed the number of sessions.",
            "session",
        )
