"""Objective measures of a role-play: talk share, open-question ratio, jargon, summaries and check-backs, and
the structure of any feedback the trainee gave."""

from __future__ import annotations

import re

from assistant.modes.roleplay.behaviours import Behaviour
from assistant.modes.roleplay.models import FeedbackStructure, Measures, Turn

_WORD = re.compile(r"\w+")


def measure(transcript: list[Turn], found: dict[int, list[Behaviour]]) -> Measures:
    """The measures over a transcript; `found` maps each trainee turn's number to its behaviours."""
    words = {t.number: len(_WORD.findall(t.text)) for t in transcript}
    trainee_words = sum(words[t.number] for t in transcript if t.speaker == "trainee")
    total = sum(words.values())
    every = [b for behaviours in found.values() for b in behaviours]

    def count(kind: str) -> int:
        return sum(1 for b in every if b.kind == kind)

    open_q, closed_q = count("open_question"), count("closed_question")
    parts = {
        kind: sum(1 for behaviours in found.values() if any(b.kind == kind for b in behaviours))
        for kind in ("situation", "i_statement", "impact")
    }
    return Measures(
        trainee_turns=len(found),
        talk_share=round(trainee_words / total, 2) if total else 0.0,
        questions=open_q + closed_q + count("check_back"),
        open_questions=open_q,
        open_question_ratio=round(open_q / (open_q + closed_q), 2) if open_q + closed_q else None,
        jargon=list(dict.fromkeys(b.detail for b in every if b.kind == "jargon")),
        summaries=count("summary") + count("listening"),
        check_backs=count("check_back"),
        feedback=FeedbackStructure(**parts, complete=all(parts.values())),
    )
