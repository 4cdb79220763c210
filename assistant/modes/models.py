"""The objects the coaching modes return: the same type whether an LLM wrote it or the offline composer."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.lang import Lang
from assistant.schema import Backend, Source

Mode = Literal["ask", "prepare", "feedback", "reflect"]
ReflectKind = Literal["after-session", "questions", "open-up"]


class ModeResult(BaseModel):
    """What every mode's result carries besides its content."""

    language: Lang
    backend: Backend = "offline"
    sources: list[Source] = Field(default_factory=list)
    note: str = Field("", description="Why the result came from offline mode, when it did.")


# --- prepare -------------------------------------------------------------------------------------


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


class SessionPlan(PlanContent, ModeResult):
    """A timed session plan for a junior mentor."""

    model_config = ConfigDict(extra="forbid")
    topic: str
    minutes: int
    session_number: int = 1
    total_sessions: int = 6
    senior: str = ""


# --- feedback ------------------------------------------------------------------------------------


class FlaggedSpan(BaseModel):
    """Judgemental wording found in a remark, with its exact position and why it hurts."""

    text: str
    start: int
    end: int
    kind: str = Field(description="label, generalisation, you_statement, mind_reading, sarcasm or insult")
    why: str
    alternatives: list[str] = Field(default_factory=list)


class SBI(BaseModel):
    """Situation, behaviour, impact, and a request or open question."""

    model_config = ConfigDict(extra="forbid")
    situation: str = Field(description="When and where, concretely.")
    behaviour: str = Field(description="What the person observably did or said; no judgement.")
    impact: str = Field(description="The effect on the speaker or others.")
    request: str = Field(description="A request or an open question that invites an answer.")


class FeedbackContent(BaseModel):
    """The rewrites a language model writes for a remark."""

    model_config = ConfigDict(extra="forbid")
    sbi: SBI
    i_message: str = Field(description="Ich-Botschaft / I-message: behaviour, own feeling or effect, wish.")
    feedforward: str = Field(
        description="One or two suggestions for the future instead of critique of the past."
    )
    receiving_tips: list[str] = Field(
        default_factory=list, description="For the person receiving it: how to respond and what to ask back."
    )


class FeedbackDraft(FeedbackContent, ModeResult):
    """A remark analysed for judgemental wording, with SBI, I-message and feedforward rewrites."""

    model_config = ConfigDict(extra="forbid")
    remark: str
    context: str = ""
    flags: list[FlaggedSpan] = Field(default_factory=list)


# --- reflect -------------------------------------------------------------------------------------


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


class ReflectionSet(ReflectionContent, ModeResult):
    """Reflection prompts after a session, questions for the mentor, or closed questions opened up."""

    model_config = ConfigDict(extra="forbid")
    kind: ReflectKind
    context: str


# --- router --------------------------------------------------------------------------------------


class Route(BaseModel):
    """Which mode a chat message goes to, and why."""

    model_config = ConfigDict(extra="forbid")
    mode: Mode
    confidence: float = Field(ge=0.0, le=1.0)
    reason: str = ""
