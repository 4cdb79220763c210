"""What a role-play session produces: the transcript with the persona's state after each turn, the debrief
(criteria with scores, reasons, verbatim quotes, citations and anchors), the objective measures."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.catalog.practice import Level

Speaker = Literal["persona", "trainee"]


class StateView(BaseModel):
    """The persona's hidden state after a turn, as the transcript shows it."""

    openness: int = Field(ge=0, le=10)
    trust: int = Field(ge=0, le=10)
    level: Level
    revealed: list[int] = Field(
        default_factory=list, description="indices of the hidden concerns told so far"
    )


class Turn(BaseModel):
    """One turn of the transcript, numbered from 1 (the persona's opening line)."""

    number: int = Field(ge=1)
    speaker: Speaker
    text: str
    behaviours: list[str] = Field(default_factory=list, description="what a trainee's turn did")
    state: StateView | None = None


class Quote(BaseModel):
    """Evidence: words that occur verbatim in the turn named, for or against a criterion."""

    turn: int = Field(ge=1)
    text: str
    stance: Literal["for", "against"] = "for"


class Citation(BaseModel):
    """The guideline passage a criterion rests on: a passage of the indexed knowledge base."""

    doc_id: str
    title: str
    section: str = ""
    source: str
    excerpt: str


class CriterionResult(BaseModel):
    """One rubric criterion scored 0-4, with a one-sentence reason, evidence, citation and the anchors."""

    id: str
    name: str
    weight: float
    score: int = Field(ge=0, le=4)
    reason: str
    quotes: list[Quote] = Field(default_factory=list)
    citation: Citation | None = None
    anchors: dict[int, str] = Field(description="what each level 0-4 looks like")


class FeedbackStructure(BaseModel):
    """How far feedback the trainee gave had its parts: situation, I-statement, impact."""

    situation: int = 0
    i_statement: int = 0
    impact: int = 0
    complete: bool = False


class Measures(BaseModel):
    """Objective measures of the trainee's part of the conversation."""

    trainee_turns: int
    talk_share: float = Field(ge=0, le=1, description="the trainee's share of all words spoken")
    questions: int
    open_questions: int
    open_question_ratio: float | None = Field(
        default=None, description="open / (open + closed); none asked: null"
    )
    jargon: list[str] = Field(default_factory=list)
    summaries: int = Field(description="summaries and reflections of what was heard")
    check_backs: int
    feedback: FeedbackStructure


class Debrief(BaseModel):
    """The assessment against the scenario's rubric."""

    criteria: list[CriterionResult]
    overall: float = Field(ge=0, le=4, description="the criteria's weighted mean")
    strengths: list[str]
    next_time: list[str]


class PracticeResult(BaseModel):
    """A finished role-play: who practised which scenario, the transcript, measures and debrief."""

    scenario: str
    title: str
    lang: Literal["de", "en"]
    trainee: str
    concerns_total: int
    concerns_revealed: int
    transcript: list[Turn]
    measures: Measures
    debrief: Debrief
    backend: str = Field(default="offline", description="openai when the model voiced at least one reply")
    notes: list[str] = Field(default_factory=list, description="why replies came from offline mode")

    @property
    def overall(self) -> float:
        """The overall score (0-4)."""
        return self.debrief.overall
