"""The programme profile: the programme's numbers in one validated file (knowledge/programme-profile.yaml).

Sessions, lengths, cadence, notice period, completion rule, time commitment and the agenda split of every
session kind and length live here; the documents and the agenda bank must agree with them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from assistant.catalog.banks import SESSION_KINDS, AgendaTemplates, SessionKind
from assistant.catalog.scenarios import Slug, _duplicates, parse_file, read_yaml
from assistant.text.language import LANGS

__all__ = [
    "PROFILE_FILE",
    "AgendaBlock",
    "AgendaSplit",
    "ProgrammeProfile",
    "agenda_mismatches",
    "load_programme_profile",
]

PROFILE_FILE = "programme-profile.yaml"
WEEKS_PER_MONTH = 52 / 12


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class IntRange(_Model):
    """A closed range of whole numbers, e.g. minutes or weeks."""

    min: int = Field(ge=0)
    max: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> IntRange:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is larger than max ({self.max}); swap them")
        return self

    def __contains__(self, value: float) -> bool:
        return self.min <= value <= self.max

    def text(self) -> str:
        """`45` or `10-15`."""
        return str(self.min) if self.min == self.max else f"{self.min}-{self.max}"


class HourRange(_Model):
    """A closed range of hours; halves are allowed (2.5)."""

    min: float = Field(ge=0)
    max: float = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> HourRange:
        if self.min > self.max:
            raise ValueError(f"min ({self.min:g}) is larger than max ({self.max:g}); swap them")
        return self

    def text(self) -> str:
        """`2` or `12-15`."""
        return f"{self.min:g}" if self.min == self.max else f"{self.min:g}-{self.max:g}"


class SessionMinutes(_Model):
    """The standard session length and the lengths a tandem may choose."""

    standard: int = Field(gt=0)
    allowed: list[int] = Field(min_length=1)

    @model_validator(mode="after")
    def _standard_is_allowed(self) -> SessionMinutes:
        dups = _duplicates(self.allowed)
        if dups:
            raise ValueError(f"allowed lengths must be unique; remove {', '.join(dups)}")
        if self.standard not in self.allowed:
            raise ValueError(
                f"standard length {self.standard} is not among the allowed lengths {self.allowed}"
            )
        return self


class Cadence(_Model):
    """How often a tandem meets: sessions per month and the weeks allowed between two sessions."""

    sessions_per_month: float = Field(gt=0)
    weeks_between_sessions: IntRange


class Events(_Model):
    """The programme-wide kickoff and closing events."""

    kickoff_hours: HourRange
    closing_event_hours: HourRange


class Cancellation(_Model):
    """How far ahead a session is cancelled and how soon a new date is proposed."""

    notice_hours: int = Field(gt=0)
    reschedule_within_days: int = Field(gt=0)


class Completion(_Model):
    """When a tandem counts as completed."""

    min_sessions: int = Field(gt=0)
    closing_session_required: bool


class SideCommitment(_Model):
    """Working time for one side of the tandem."""

    hours_total: HourRange
    hours_per_month: HourRange
    preparation_minutes_per_session: IntRange | None = None


class TimeCommitment(_Model):
    """Working time for the senior mentee and the junior mentor."""

    senior: SideCommitment
    junior: SideCommitment


class MidwayReview(_Model):
    """The one review of the learning agreement half way through."""

    sessions: list[int] = Field(min_length=1)
    minutes: IntRange


class HandsOnShare(_Model):
    """The share of a session that the hands-on block takes, in percent."""

    block: Slug
    session_kinds: list[SessionKind] = Field(min_length=1)
    min_percent: int = Field(ge=0, le=100)
    max_percent: int = Field(ge=0, le=100)

    @model_validator(mode="after")
    def _ordered(self) -> HandsOnShare:
        if self.min_percent > self.max_percent:
            raise ValueError(
                f"min_percent ({self.min_percent}) is larger than max_percent ({self.max_percent})"
            )
        return self

    def text(self) -> str:
        """`40-45 %`."""
        return f"{self.min_percent}-{self.max_percent} %"


class ReflectionRule(_Model):
    """Reflection blocks keep a minimum length in the session kinds named."""

    blocks: list[Slug] = Field(min_length=1)
    session_kinds: list[SessionKind] = Field(min_length=1)
    min_minutes: int = Field(gt=0)


class AgendaBlock(_Model):
    """One block of an agenda split."""

    id: Slug
    minutes: int = Field(gt=0)


class AgendaSplit(_Model):
    """The blocks of one session kind and length; their minutes add up to the length."""

    session: SessionKind
    minutes: int = Field(gt=0)
    blocks: list[AgendaBlock] = Field(min_length=2)

    @model_validator(mode="after")
    def _adds_up(self) -> AgendaSplit:
        total = sum(b.minutes for b in self.blocks)
        if total != self.minutes:
            raise ValueError(
                f"the {self.session} session of {self.minutes} minutes: blocks add up to {total}, not "
                f"{self.minutes} ({self.sum_text()}); change the blocks' minutes so they add up to {self.minutes}"
            )
        dups = _duplicates(b.id for b in self.blocks)
        if dups:
            raise ValueError(
                f"the {self.session} session of {self.minutes} minutes repeats block(s) {', '.join(dups)}"
            )
        return self

    @property
    def label(self) -> str:
        """`regular/60`."""
        return f"{self.session}/{self.minutes}"

    def block(self, block_id: str) -> AgendaBlock | None:
        """The block with this id, if the split has one."""
        return next((b for b in self.blocks if b.id == block_id), None)

    def sum_text(self) -> str:
        """`5 + 5 + 10 + 25 + 10 + 5`."""
        return " + ".join(str(b.minutes) for b in self.blocks)


def _half_hours(value: float) -> float:
    """Round to the nearest half hour."""
    return round(value * 2) / 2


class ProgrammeProfile(_Model):
    """The programme's numbers (programme-profile.yaml); the fields are checked against each other."""

    sessions: int = Field(ge=3, le=24)
    duration_months: int = Field(ge=1, le=36)
    session_minutes: SessionMinutes
    cadence: Cadence
    events: Events
    cancellation: Cancellation
    completion: Completion
    time_commitment: TimeCommitment
    midway_review: MidwayReview
    hands_on_share: HandsOnShare
    reflection: ReflectionRule
    agendas: list[AgendaSplit] = Field(min_length=1)

    @field_validator("cadence")
    @classmethod
    def _cadence_fits(cls, value: Cadence, info: ValidationInfo) -> Cadence:
        """The weeks between sessions match the sessions per month and fit into the programme."""
        weeks = value.weeks_between_sessions
        if weeks.min < 1:
            raise ValueError("weeks_between_sessions.min must be at least 1")
        lowest, highest = WEEKS_PER_MONTH / weeks.max, WEEKS_PER_MONTH / weeks.min
        if not lowest - 0.01 <= value.sessions_per_month <= highest + 0.01:
            raise ValueError(
                f"sessions_per_month {value.sessions_per_month:g} does not match {weeks.text()} weeks between "
                f"sessions (that is {lowest:.2f} to {highest:.2f} a month); change one of them"
            )
        sessions, months = info.data.get("sessions"), info.data.get("duration_months")
        if isinstance(sessions, int) and isinstance(months, int):
            needed = (sessions - 1) * weeks.min / WEEKS_PER_MONTH
            if needed > months:
                raise ValueError(
                    f"{sessions} sessions at least {weeks.min} weeks apart need {needed:.1f} months, "
                    f"more than duration_months ({months}); shorten the gaps or lengthen the programme"
                )
        return value

    @field_validator("completion")
    @classmethod
    def _completion_fits(cls, value: Completion, info: ValidationInfo) -> Completion:
        """A tandem cannot need more sessions than the programme has."""
        sessions = info.data.get("sessions")
        if isinstance(sessions, int) and value.min_sessions > sessions:
            raise ValueError(
                f"min_sessions ({value.min_sessions}) is more than the programme's {sessions} sessions"
            )
        return value

    @field_validator("time_commitment")
    @classmethod
    def _monthly_matches_total(cls, value: TimeCommitment, info: ValidationInfo) -> TimeCommitment:
        """hours_per_month is hours_total spread over the months, to the nearest half hour."""
        months = info.data.get("duration_months")
        if not isinstance(months, int):
            return value
        problems = []
        for side, commitment in (("senior", value.senior), ("junior", value.junior)):
            total, monthly = commitment.hours_total, commitment.hours_per_month
            expected = (_half_hours(total.min / months), _half_hours(total.max / months))
            if (monthly.min, monthly.max) != expected:
                problems.append(
                    f"{side}: hours_per_month {monthly.text()} does not match hours_total {total.text()} over "
                    f"{months} months (that is {expected[0]:g}-{expected[1]:g} a month)"
                )
        if problems:
            raise ValueError("; ".join(problems))
        return value

    @field_validator("midway_review")
    @classmethod
    def _midway_inside(cls, value: MidwayReview, info: ValidationInfo) -> MidwayReview:
        """The mid-way review falls between the first and the closing session."""
        sessions = info.data.get("sessions")
        if isinstance(sessions, int) and any(not 1 < s < sessions for s in value.sessions):
            raise ValueError(f"sessions {value.sessions} must lie between session 1 and session {sessions}")
        return value

    @field_validator("agendas")
    @classmethod
    def _agendas_fit(cls, value: list[AgendaSplit], info: ValidationInfo) -> list[AgendaSplit]:
        """One split per kind and allowed length; hands-on share and reflection minimum hold."""
        problems = _coverage_problems(value, info.data.get("session_minutes"))
        share, reflection = info.data.get("hands_on_share"), info.data.get("reflection")
        for split in value:
            if isinstance(share, HandsOnShare) and split.session in share.session_kinds:
                problems += _share_problems(split, share)
            if isinstance(reflection, ReflectionRule) and split.session in reflection.session_kinds:
                problems += _reflection_problems(split, reflection)
        if problems:
            raise ValueError("; ".join(problems))
        return value

    def split(self, session: str, minutes: int) -> AgendaSplit | None:
        """The agenda split for a session kind and length, if the profile has one."""
        return next((s for s in self.agendas if (s.session, s.minutes) == (session, minutes)), None)

    def hands_on_percent(self, split: AgendaSplit) -> float | None:
        """The hands-on block's share of a split in percent (None if the split has no hands-on block)."""
        block = split.block(self.hands_on_share.block)
        return None if block is None else 100 * block.minutes / split.minutes


def _coverage_problems(splits: list[AgendaSplit], lengths: Any) -> list[str]:
    """Every session kind has exactly one split per allowed length, and no split has another length."""
    problems = [f"duplicate split {d}" for d in _duplicates(s.label for s in splits)]
    if not isinstance(lengths, SessionMinutes):
        return problems
    for split in splits:
        if split.minutes not in lengths.allowed:
            problems.append(
                f"{split.label}: {split.minutes} minutes is not an allowed length {lengths.allowed}"
            )
    have = {(s.session, s.minutes) for s in splits}
    missing = [f"{k}/{m}" for k in SESSION_KINDS for m in lengths.allowed if (k, m) not in have]
    if missing:
        problems.append(f"no split for {', '.join(missing)}; add one per session kind and allowed length")
    return problems


def _share_problems(split: AgendaSplit, share: HandsOnShare) -> list[str]:
    block = split.block(share.block)
    if block is None:
        return [f"{split.label}: has no '{share.block}' block, which the hands-on share requires"]
    percent = 100 * block.minutes / split.minutes
    if not share.min_percent <= percent <= share.max_percent:
        return [
            f"{split.label}: the '{share.block}' block takes {block.minutes} of {split.minutes} minutes "
            f"({percent:.0f} %), outside the hands-on share of {share.text()}"
        ]
    return []


def _reflection_problems(split: AgendaSplit, rule: ReflectionRule) -> list[str]:
    blocks = [b for b in split.blocks if b.id in rule.blocks]
    if not blocks:
        return [f"{split.label}: has no reflection block ({', '.join(rule.blocks)})"]
    short = [b for b in blocks if b.minutes < rule.min_minutes]
    return [
        f"{split.label}: '{b.id}' has {b.minutes} minutes, less than the {rule.min_minutes} that reflection keeps"
        for b in short
    ]


def agenda_mismatches(profile: ProgrammeProfile, agendas: AgendaTemplates) -> list[tuple[int | None, str]]:
    """Where the agenda bank disagrees with the profile: (template index or None, message) pairs."""
    found: list[tuple[int | None, str]] = []
    for index, template in enumerate(agendas.templates):
        label = f"{template.session}/{template.minutes}/{template.lang}"
        split = profile.split(template.session, template.minutes)
        minutes = [item.minutes for item in template.items]
        if split is None:
            found.append(
                (index, f"{label}: the profile has no {template.session} split of {template.minutes} minutes")
            )
        elif minutes != [b.minutes for b in split.blocks]:
            found.append(
                (
                    index,
                    f"{label}: items take {' + '.join(map(str, minutes))} minutes; the profile splits it "
                    f"{split.sum_text()} ({', '.join(b.id for b in split.blocks)})",
                )
            )
    for split in profile.agendas:
        for lang in LANGS:
            if agendas.get(split.session, split.minutes, lang) is None:
                found.append((None, f"{split.label}/{lang}: no template for this profile split; add one"))
    return found


def load_programme_profile(path: Path) -> ProgrammeProfile:
    """Load and validate programme-profile.yaml."""
    return parse_file(ProgrammeProfile, read_yaml(path), path)
