"""What the feedback coach returns: flagged spans and the SBI, I-message and feedforward rewrites."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.modes.models import WORDING_CONFIG, ModeResult, wording_text


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

    def rewrite_fields(self) -> dict[str, str]:
        """The fields a rewrite consists of, by name; never the remark, context or flags (they echo the input)."""
        return {
            "sbi.situation": self.sbi.situation,
            "sbi.behaviour": self.sbi.behaviour,
            "sbi.impact": self.sbi.impact,
            "sbi.request": self.sbi.request,
            "i_message": self.i_message,
            "feedforward": self.feedforward,
        }


class SBIWording(BaseModel):
    """The four SBI sentences a language model writes."""

    model_config = WORDING_CONFIG
    situation: str = wording_text(200, "When and where, concretely.")
    behaviour: str = wording_text(300, "What the person observably did or said; no judgement.")
    impact: str = wording_text(300, "The effect on the speaker or others.")
    request: str = wording_text(240, "A request or an open question that invites an answer.")


class FeedbackWording(BaseModel):
    """What a language model writes: the sentences of the rewrites, one receiving tip per slot of the frame.

    `FeedbackFrame.schema()` makes a subclass that expects exactly the frame's number of tips.
    """

    model_config = WORDING_CONFIG
    expected_tips: ClassVar[int | None] = None
    sbi: SBIWording
    i_message: str = wording_text(400, "I-message: the behaviour, its effect on me, my wish.")
    feedforward: str = wording_text(400, "One or two suggestions for the future.")
    receiving_tips: list[Annotated[str, wording_text(240)]] = Field(
        description="One tip per slot of the frame, in the frame's order."
    )

    @field_validator("receiving_tips")
    @classmethod
    def _fits_the_frame(cls, value: list[str]) -> list[str]:
        if cls.expected_tips is not None and len(value) != cls.expected_tips:
            raise ValueError(
                f"receiving_tips has {len(value)} entries, but the frame has {cls.expected_tips} tip slots: write "
                "exactly one tip per slot, in the frame's order"
            )
        return value


class FeedbackDraft(FeedbackContent, ModeResult):
    """A remark analysed for judgemental wording, with SBI, I-message and feedforward rewrites."""

    model_config = ConfigDict(extra="forbid")
    remark: str
    context: str = ""
    flags: list[FlaggedSpan] = Field(default_factory=list)
