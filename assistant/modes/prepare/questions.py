"""One more guiding question for a plan, of the same kind as one it has: the question's block is what makes
the kind (a check-in question, a question for the practice block), and the new question comes from where the
plan's questions come from: the agenda templates' questions for that block (other lengths and session kinds
of the same language first), else the question bank's questions of the GROW phase that block serves, for the
plan's topic, then the general ones. Never a question the plan already asks.
"""

from __future__ import annotations

import re

from assistant.catalog import AgendaTemplates, GrowPhase, QuestionBank
from assistant.modes.prepare.models import PlanRequest, SessionPlan
from assistant.modes.prepare.subject import Subject
from assistant.text.questions import question_key
from assistant.text.topics import GENERAL

# Which GROW phase a block serves, read from its title and activity (the programme's block names).
_PHASES: tuple[tuple[GrowPhase, str], ...] = (
    ("will", r"reflexion|reflection|nächste|next|abschluss|wrap-up|outlook|ausblick|farewell|abschied"),
    (
        "reality",
        r"check-in|rückblick|letzte[nr]? sitzung|last session|ankommen|arrival|erwartung|expectation",
    ),
    ("goal", r"\bziel|\bgoal|themen|topics"),
    ("options", r"praxis|hands-on|übung|exercise|input|austausch|exchange|zeigen|show|erfolg|\bwin\b"),
)


def block_phase(text: str) -> GrowPhase:
    """The GROW phase a block serves.

    >>> block_phase("Check-in on the last session"), block_phase("Praxisteil: Zoom"), block_phase("Reflexion")
    ('reality', 'options', 'will')
    """
    lowered = text.lower()
    return next((phase for phase, pattern in _PHASES if re.search(pattern, lowered)), "options")


def _base_title(title: str) -> str:
    """A block's title without what a plan appends to it ("Hands-on practice: Zoom" -> "hands-on practice")."""
    return title.split(":", 1)[0].strip().lower()


def question_like(
    plan: SessionPlan, which: int | None, agendas: AgendaTemplates, bank: QuestionBank
) -> SessionPlan | None:
    """The plan with one more question after its `which`-th guiding question (1-based; None or -1: the last),
    in that question's block; None when no question of that kind is left that the plan does not ask already.
    """
    asked = [(i, q) for i, item in enumerate(plan.agenda) for q in item.guiding_questions]
    if not asked:
        return None
    position = len(asked) if which is None or which < 1 else min(which, len(asked))
    index, like = asked[position - 1]
    block = plan.agenda[index]
    taken = {question_key(q) for _, q in asked}
    kind = PlanRequest(plan.topic, plan.minutes, plan.session_number, plan.total_sessions).kind
    base = _base_title(block.title)
    templates = sorted(
        (t for t in agendas.templates if t.lang == plan.language),
        key=lambda t: (t.session != kind, abs(t.minutes - plan.minutes)),
    )
    candidates = [
        q
        for t in templates
        for item in t.items
        if _base_title(item.title) == base
        for q in item.guiding_questions
    ]
    phase = block_phase(f"{block.title} {block.activity}")
    topic = Subject.of(plan.topic).topic
    candidates += [*bank.get(topic, phase, plan.language), *bank.get(GENERAL, phase, plan.language)]
    new = next((q for q in candidates if question_key(q) not in taken), None)
    if new is None:
        return None
    questions = list(block.guiding_questions)
    questions.insert(questions.index(like) + 1, new)
    agenda = [
        item.model_copy(update={"guiding_questions": questions}) if i == index else item
        for i, item in enumerate(plan.agenda)
    ]
    return plan.model_copy(update={"agenda": agenda})
