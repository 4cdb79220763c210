"""The persona's hidden state: openness (how much it says now), trust (what the trainee has earned over the
conversation) and which hidden concerns have surfaced. Code owns the arithmetic; the persona's words only
show it.

- Every raising behaviour in a turn (open question, listening back, summary, empathy, checking back, plain
  language) adds to openness, at most `MAX_RISE` a turn; every lowering one (jargon, lecture, interruption,
  judgement) takes one away, a judgement two. One closed question is fine; closed questions in a row
  (`CLOSED_STREAK`, across turns) cost openness.
- Trust grows by one in a turn that listens (listening back, summary, empathy, checking back) and lowers
  nothing; a judgement or an interruption costs one.
- The next hidden concern surfaces only when it is earned: the persona is open, trust has reached
  `REVEAL_TRUST` plus the number already revealed, and the turn itself asks openly or listens.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.catalog.practice import Kind, Level

MAX_RISE = 2
CLOSED_STREAK = 2
REVEAL_TRUST = 4
SCALE = 10
START: dict[str, tuple[int, int]] = {"easy": (4, 3), "medium": (3, 2), "hard": (2, 1)}  # (openness, trust)
_RAISING: tuple[Kind, ...] = (
    "open_question",
    "check_back",
    "listening",
    "summary",
    "empathy",
    "plain_language",
)
_LOWERING: dict[Kind, int] = {"jargon": 1, "lecture": 1, "interruption": 1, "judgement": 2}
_RAPPORT: frozenset[Kind] = frozenset({"listening", "summary", "empathy", "check_back"})
_EARNING: frozenset[Kind] = frozenset({"open_question", "listening", "summary", "empathy"})


def level_of(openness: int) -> Level:
    """guarded (0-3), neutral (4-6) or open (7-10).

    >>> [level_of(n) for n in (0, 3, 4, 6, 7, 10)]
    ['guarded', 'guarded', 'neutral', 'neutral', 'open', 'open']
    """
    return "guarded" if openness <= 3 else "neutral" if openness <= 6 else "open"


@dataclass
class PersonaState:
    """What the persona feels and has told so far; `step` moves it by one trainee turn."""

    openness: int
    trust: int
    concerns: int  # how many hidden concerns the scenario has
    revealed: list[int] = field(default_factory=list)
    closed_streak: int = 0

    @classmethod
    def start(cls, difficulty: str, concerns: int) -> PersonaState:
        """The state before the first turn: a harder scenario starts more closed."""
        openness, trust = START[difficulty]
        return cls(openness, trust, concerns)

    @property
    def level(self) -> Level:
        """How the persona answers now."""
        return level_of(self.openness)

    def step(self, kinds: set[Kind]) -> int | None:
        """Apply one trainee turn's behaviours; returns the index of the concern that surfaced, if one did.

        A request to step out of the role (or to reveal what is hidden) changes nothing and surfaces nothing:
        the persona answers it in character.
        """
        if "out_of_character" in kinds:
            return None
        rise = min(MAX_RISE, sum(1 for k in _RAISING if k in kinds))
        fall = sum(cost for k, cost in _LOWERING.items() if k in kinds)
        if "closed_question" in kinds and "open_question" not in kinds:
            self.closed_streak += 1
        elif "open_question" in kinds:
            self.closed_streak = 0
        if self.closed_streak >= CLOSED_STREAK:
            fall += 1
        self.openness = _clamp(self.openness + rise - fall)
        lowered = fall > 0
        if kinds & _RAPPORT and not lowered:
            self.trust = _clamp(self.trust + 1)
        if "judgement" in kinds or "interruption" in kinds:
            self.trust = _clamp(self.trust - 1)
        return self._surface(kinds)

    def _surface(self, kinds: set[Kind]) -> int | None:
        """The next concern, when the persona is open, trusts enough, and this turn earns it."""
        nxt = len(self.revealed)
        if nxt >= self.concerns or self.level != "open" or not kinds & _EARNING:
            return None
        if self.trust < REVEAL_TRUST + nxt:
            return None
        self.revealed.append(nxt)
        return nxt

    def snapshot(self) -> dict[str, object]:
        """The state as the transcript shows it after a turn."""
        return {
            "openness": self.openness,
            "trust": self.trust,
            "level": self.level,
            "revealed": list(self.revealed),
        }


def _clamp(value: int) -> int:
    return max(0, min(SCALE, value))
