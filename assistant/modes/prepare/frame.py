"""The frame of a session plan, owned by code: the blocks, their order, their minutes, what each is for, and
which one holds the hands-on exercise. The offline composer fills it with the template's words; with a
language model configured, the model writes the words (`PlanWording`) and `PlanFrame.merge` puts them in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from pydantic import Field, create_model

from assistant.catalog import AgendaItem as TemplateItem
from assistant.catalog import AgendaTemplates
from assistant.modes.prepare.checks import block_purposes
from assistant.modes.prepare.models import (
    AgendaItem,
    BlockWording,
    Exercise,
    ExerciseWording,
    PlanContent,
    PlanRequest,
    PlanWording,
    PlanWordingWithExercise,
)
from assistant.text.language import Lang, pick

_PRACTICE = re.compile(r"praxis|hands-on|practice|zeigen, was|show what", re.IGNORECASE)
_INPUT = re.compile(r"input", re.IGNORECASE)


def scale_minutes(minutes: list[int], total: int) -> list[int]:
    """Scale block lengths to a new total; rounding leftovers go to the longest block.

    >>> scale_minutes([10, 5, 10, 25, 5, 5], 45), sum(scale_minutes([10, 5, 10, 25, 5, 5], 47))
    ([8, 4, 8, 17, 4, 4], 47)
    >>> scale_minutes([10, 15, 10, 10, 15], 10)
    [2, 2, 2, 2, 2]
    """
    base = sum(minutes)
    scaled = [max(1, round(m * total / base)) for m in minutes]
    while sum(scaled) != total:
        step = 1 if sum(scaled) < total else -1
        candidates = [i for i, m in enumerate(scaled) if step > 0 or m > 1]
        longest = max(candidates, key=lambda i: scaled[i])
        scaled[longest] += step
    return scaled


@dataclass(frozen=True)
class PlanFrame:
    """The agenda template of the session's kind, scaled to its minutes and adapted to its topic."""

    request: PlanRequest
    lang: Lang
    blocks: tuple[AgendaItem, ...]
    practice: int | None  # the block that holds the hands-on exercise (digital topics only)

    @property
    def exercise_minutes(self) -> int:
        return self.blocks[self.practice].minutes if self.practice is not None else 0

    def schema(self) -> type[PlanWording]:
        """The wording schema for this frame: exactly one agenda entry per block, an exercise if it has one."""
        base = PlanWordingWithExercise if self.practice is not None else PlanWording
        n = len(self.blocks)
        agenda = Field(
            description=f"Exactly {n} entries, one per block, in the frame's order.",
            json_schema_extra={"minItems": n, "maxItems": n},
        )
        schema = cast(
            type[PlanWording],
            create_model(
                "PlanWording",
                __base__=base,
                __doc__=f"The words of a session plan for a frame of {n} blocks.",
                agenda=(list[BlockWording], agenda),
            ),
        )
        schema.expected_blocks = n
        return schema

    def describe(self) -> str:
        """The frame as the prompt shows it: per block its minutes, name (what it is for) and an example question."""
        n = len(self.blocks)
        lines = [
            pick(
                self.lang,
                f"Rahmen: {n} Blöcke, Minuten fest. Schreibe genau {n} Agenda-Einträge, in dieser Reihenfolge:",
                f"Frame: {n} blocks, minutes fixed. Write exactly {n} agenda entries, in this order:",
            )
        ]
        for number, block in enumerate(self.blocks, start=1):
            line = f"{number}. [{block.minutes} min] {block.title}"
            if block.guiding_questions:
                line += (
                    pick(self.lang, " (Beispielfrage: ", " (example question: ")
                    + block.guiding_questions[0]
                    + ")"
                )
            if number - 1 == self.practice:
                line += pick(
                    self.lang, " <- hier findet die Praxisübung statt", " <- the hands-on exercise is here"
                )
            lines.append(line)
        if self.practice is None:
            lines.append(pick(self.lang, "Keine Praxisübung.", "No hands-on exercise."))
        return "\n".join(lines)

    def merge(self, wording: PlanWording) -> PlanContent:
        """The model's words in the frame's blocks; a block keeps its frame title if the words lost its purpose."""
        agenda = [self._block(block, words) for block, words in zip(self.blocks, wording.agenda, strict=True)]
        exercise = None
        if self.practice is not None and isinstance(wording, PlanWordingWithExercise):
            exercise = _exercise(wording.exercise, self.exercise_minutes)
        return PlanContent(
            title=wording.title.strip(),
            goals=_clean(wording.goals),
            agenda=agenda,
            exercise=exercise,
            materials=_clean(wording.materials),
            next_time=_clean(wording.next_time),
        )

    def _block(self, block: AgendaItem, words: BlockWording) -> AgendaItem:
        title, activity = words.title.strip(), words.activity.strip()
        kind = self.request.kind
        if block_purposes(f"{block.title} {block.activity}", kind) - block_purposes(
            f"{title} {activity}", kind
        ):
            title = block.title
        return AgendaItem(
            title=title,
            minutes=block.minutes,
            activity=activity,
            guiding_questions=_clean([words.guiding_question]),
        )


def _clean(items: list[str]) -> list[str]:
    return [item.strip() for item in items if item.strip()]


def _exercise(words: ExerciseWording, minutes: int) -> Exercise:
    return Exercise(title=words.title.strip(), minutes=minutes, steps=_clean(words.steps))


def plan_frame(request: PlanRequest, lang: Lang, agendas: AgendaTemplates) -> PlanFrame:
    """The closest template of the session's kind and language, scaled to the minutes and adapted to the topic."""
    template = agendas.closest(request.kind, request.minutes, lang)
    if template is None:  # the catalog tests guarantee templates for every kind and language
        raise LookupError(f"no agenda template for {request.kind} sessions in {lang}")
    lengths = scale_minutes([item.minutes for item in template.items], request.minutes)
    blocks = tuple(
        _adapt(item, minutes, request, lang) for item, minutes in zip(template.items, lengths, strict=True)
    )
    practice = max(range(len(blocks)), key=lambda i: blocks[i].minutes) if request.digital else None
    return PlanFrame(request, lang, blocks, practice)


def _adapt(item: TemplateItem, minutes: int, request: PlanRequest, lang: Lang) -> AgendaItem:
    title, activity = item.title, item.activity
    if request.kind == "regular" and (_PRACTICE.search(title) or _INPUT.search(title)):
        title = f"{title}: {request.topic}"
    if request.history and re.search(r"rückblick|check-in", title, re.IGNORECASE):
        activity = f"{activity} " + pick(lang, f"Bezug: {request.history}", f"Last time: {request.history}")
    return AgendaItem(
        title=title, minutes=minutes, activity=activity, guiding_questions=list(item.guiding_questions)
    )
