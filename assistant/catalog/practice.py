"""Role-play practice data: what a scenario adds for practice (the persona's replies by state, what it says
when a hidden concern surfaces, what counts as evidence for each rubric criterion) and the shared bank of
reactions and debrief wording (knowledge/banks/roleplay.yaml)."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

NonEmptyStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# The behaviours the role-play detects in a trainee's turn (assistant/modes/roleplay/behaviours.py).
Kind = Literal[
    "open_question",
    "closed_question",
    "check_back",
    "listening",
    "summary",
    "empathy",
    "plain_language",
    "jargon",
    "lecture",
    "interruption",
    "judgement",
    "situation",
    "i_statement",
    "impact",
    "out_of_character",
]
KINDS: tuple[Kind, ...] = get_args(Kind)
Level = Literal["guarded", "neutral", "open"]
LEVELS: tuple[Level, ...] = get_args(Level)


class Replies(BaseModel):
    """What the persona says in each state when nothing in the turn calls for a reaction (in character)."""

    model_config = ConfigDict(extra="forbid")

    guarded: list[NonEmptyStr] = Field(min_length=2)
    neutral: list[NonEmptyStr] = Field(min_length=2)
    open: list[NonEmptyStr] = Field(min_length=2)

    def for_level(self, level: Level) -> list[str]:
        """The replies of one state."""
        return list(getattr(self, level))


class Evidence(BaseModel):
    """What counts for and against one rubric criterion: behaviour kinds, and cue words of the scenario's
    subject (matched as word beginnings, case-insensitive, in the scenario's language)."""

    model_config = ConfigDict(extra="forbid")

    signals: list[Kind] = Field(default_factory=list)
    against: list[Kind] = Field(default_factory=list)
    cues: list[NonEmptyStr] = Field(default_factory=list)

    @model_validator(mode="after")
    def _something_counts(self) -> Evidence:
        if not self.signals and not self.cues:
            raise ValueError("name at least one signal (a behaviour kind) or cue word that counts for it")
        return self


class Practice(BaseModel):
    """A scenario's practice part: replies by state, one disclosure per hidden concern, evidence per criterion."""

    model_config = ConfigDict(extra="forbid")

    replies: Replies
    disclosures: list[NonEmptyStr] = Field(min_length=1)
    evidence: dict[str, Evidence]


class Reactions(BaseModel):
    """The persona's reactions to what lowers trust, and its answer to a request to step out of the role."""

    model_config = ConfigDict(extra="forbid")

    judgement: list[NonEmptyStr] = Field(min_length=1)
    jargon: list[NonEmptyStr] = Field(min_length=1)  # {term}: the jargon word as the trainee wrote it
    lecture: list[NonEmptyStr] = Field(min_length=1)
    interruption: list[NonEmptyStr] = Field(min_length=1)
    closed_question: list[NonEmptyStr] = Field(min_length=1)
    out_of_character: list[NonEmptyStr] = Field(min_length=1)

    def of(self, kind: str) -> list[str]:
        """The reactions to one behaviour kind."""
        return list(getattr(self, kind))


class Debrief(BaseModel):
    """The debrief's words in one language: a label per behaviour, a strength per raising behaviour, a tip per
    lowering one, level names for the anchors, and the reason templates."""

    model_config = ConfigDict(extra="forbid")

    labels: dict[Kind, NonEmptyStr]
    strengths: dict[Kind, NonEmptyStr]
    tips: dict[Kind, NonEmptyStr]
    partial_anchor: NonEmptyStr  # {level}, {count}, {signals}
    reason_for: NonEmptyStr  # {count}, {turns}, {signals}
    reason_against: NonEmptyStr  # {count}, {turns}, {signals}
    reason_none: NonEmptyStr  # {signals}

    @model_validator(mode="after")
    def _every_label(self) -> Debrief:
        missing = [k for k in KINDS if k not in self.labels]
        if missing:
            raise ValueError(f"labels: add a label for {', '.join(missing)}")
        return self


class RoleplayLanguage(BaseModel):
    """Reactions and debrief wording for one language."""

    model_config = ConfigDict(extra="forbid")

    reactions: Reactions
    debrief: Debrief


class RoleplayBank(BaseModel):
    """knowledge/banks/roleplay.yaml: the shared reactions and debrief wording, German and English."""

    model_config = ConfigDict(extra="forbid")

    de: RoleplayLanguage
    en: RoleplayLanguage

    def lang(self, lang: str) -> RoleplayLanguage:
        """The part for one language."""
        return self.de if lang == "de" else self.en
