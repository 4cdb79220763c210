"""The offline persona: answers from the scenario's replies for its current state and the shared reactions to
what the trainee just did. A weak turn meets a short, guarded answer; an earned concern is told in the
persona's own words; a request to step out of the role or to reveal what is hidden is answered in character.
"""

from __future__ import annotations

from assistant.catalog.practice import Kind, Reactions
from assistant.catalog.scenarios import Scenario
from assistant.modes.roleplay.behaviours import Behaviour
from assistant.modes.roleplay.state import PersonaState

# The lowering behaviour the persona answers first, most hurtful first.
_SALIENCE: tuple[Kind, ...] = ("judgement", "interruption", "jargon", "lecture")


def _pick(options: list[str], turn: int) -> str:
    """A reply that varies with the turn (deterministic: the same script gives the same transcript)."""
    return options[turn % len(options)]


def offline_reply(
    scenario: Scenario,
    reactions: Reactions,
    state: PersonaState,
    behaviours: list[Behaviour],
    surfaced: int | None,
    turn: int,
) -> str:
    """The persona's answer to one trainee turn, after `state` has taken the turn's behaviours in."""
    practice = scenario.practice
    kinds = {b.kind for b in behaviours}
    if "out_of_character" in kinds:
        return _pick(reactions.out_of_character, turn)
    parts: list[str] = []
    for kind in _SALIENCE:
        if kind in kinds:
            term = next((b.detail for b in behaviours if b.kind == kind and b.detail), "")
            parts.append(_pick(reactions.of(kind), turn).format(term=term))
            break
    if surfaced is not None:
        parts.append(practice.disclosures[surfaced])
    elif state.level == "guarded" and "closed_question" in kinds and "open_question" not in kinds:
        parts.append(_pick(reactions.closed_question, turn))  # short and guarded: yes, no, maybe
    elif not parts or state.level != "guarded":
        parts.append(_pick(practice.replies.for_level(state.level), turn))
    return " ".join(parts)
