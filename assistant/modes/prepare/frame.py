"""The frame of a session plan, owned by code: the blocks, their order, their minutes, what each is for, and
which one holds the hands-on exercise. The offline composer fills it with the template's words; with a
language model configured, the model writes the words (`PlanWording`) and `PlanFrame.merge` puts them in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from pydantic import Field, create_model

from assistant.catalog import AgendaTemplates
from assistant.modes.prepare.blocks import build_blocks, scale_minutes
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
from assistant.modes.prepare.senior import SeniorNeeds, adaptations
from assistant.modes.prepare.subject import Subject
from assistant.text.language import Lang, pick

__all__ = ["PlanFrame", "plan_frame", "scale_minutes"]


@dataclass(frozen=True)
class PlanFrame:
    """The agenda template of the session's kind, scaled to its minutes and adapted to its topic and senior."""

    request: PlanRequest
    lang: Lang
    blocks: tuple[AgendaItem, ...]
    practice: int | None  # the block that holds the hands-on exercise
    subject: Subject
    needs: SeniorNeeds
    added: tuple[tuple[str, ...], ...] = ()  # per block: sentences the senior's context adds
    asked: tuple[tuple[str, ...], ...] = ()  # per block: questions the senior's context adds
    materials: tuple[str, ...] = ()  # what the senior's context adds to bring

    @property
    def practised(self) -> Subject:
        """What the hands-on exercise practises: the focus the junior asked for, else the topic's subject."""
        return Subject.of(self.request.focus) if self.request.focus else self.subject

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
                where = (
                    pick(self.lang, "auf dem eigenen Gerät", "on the senior's own device")
                    if self.practised.digital
                    else pick(
                        self.lang, "an einer echten Situation, ohne Gerät", "on a real situation, no device"
                    )
                )
                line += pick(
                    self.lang,
                    f" <- hier findet die Praxisübung statt ({where}; genau {block.minutes} Minuten)",
                    f" <- the hands-on exercise is here ({where}; exactly {block.minutes} minutes)",
                )
                if self.request.focus:
                    focus = self.request.focus
                    line += pick(self.lang, f"; die Übung behandelt: {focus}", f"; it practises: {focus}")
            lines.append(line)
        if self.practice is None:
            lines.append(pick(self.lang, "Keine Praxisübung.", "No hands-on exercise."))
        name = self.subject.name(self.lang)
        if name:
            lines.append(
                pick(
                    self.lang,
                    f"Worum es geht: {name}. Nenne das beim Namen, statt das Thema wörtlich in Sätze zu kopieren.",
                    f"What it is about: {name}. Name it, rather than copying the topic into sentences.",
                )
            )
        return "\n".join(lines)

    def merge(self, wording: PlanWording) -> PlanContent:
        """The model's words in the frame's blocks; a block keeps its frame title if the words lost its purpose."""
        agenda = [
            self._block(number, block, words)
            for number, (block, words) in enumerate(zip(self.blocks, wording.agenda, strict=True))
        ]
        exercise = None
        if self.practice is not None and isinstance(wording, PlanWordingWithExercise):
            exercise = _exercise(wording.exercise, self.exercise_minutes)
        return PlanContent(
            title=wording.title.strip(),
            goals=_clean(wording.goals),
            agenda=agenda,
            exercise=exercise,
            materials=_clean([*wording.materials, *self.materials]),
            next_time=_clean(wording.next_time),
        )

    def _block(self, number: int, block: AgendaItem, words: BlockWording) -> AgendaItem:
        """The model's words for one block, its purpose kept, and what the senior's context adds to it."""
        title, activity = words.title.strip(), words.activity.strip()
        kind = self.request.kind
        if block_purposes(f"{block.title} {block.activity}", kind) - block_purposes(
            f"{title} {activity}", kind
        ):
            title = block.title
        added = self.added[number] if number < len(self.added) else ()
        asked = self.asked[number] if number < len(self.asked) else ()
        return AgendaItem(
            title=title,
            minutes=block.minutes,
            activity=" ".join([activity, *added]),
            guiding_questions=_clean([*asked, words.guiding_question]),
        )


def _clean(items: list[str]) -> list[str]:
    return [item.strip() for item in items if item.strip()]


def _exercise(words: ExerciseWording, minutes: int) -> Exercise:
    return Exercise(title=words.title.strip(), minutes=minutes, steps=_clean(words.steps))


def plan_frame(request: PlanRequest, lang: Lang, agendas: AgendaTemplates) -> PlanFrame:
    """The closest template of the session's kind and language, scaled to the minutes and adapted to the
    session, the topic and the senior's context (`blocks.build_blocks`)."""
    template = agendas.closest(request.kind, request.minutes, lang)
    if template is None:  # the catalog tests guarantee templates for every kind and language
        raise LookupError(f"no agenda template for {request.kind} sessions in {lang}")
    subject, needs = Subject.of(request.topic), SeniorNeeds.read(request.senior)
    changes = adaptations(needs, subject, lang)
    built = build_blocks(template, request, lang, subject, changes)
    return PlanFrame(
        request,
        lang,
        tuple(built.items),
        built.practice,
        subject,
        needs,
        tuple(tuple(a) for a in built.added),
        tuple(tuple(q) for q in built.asked),
        tuple(c.text for c in changes if c.place == "materials"),
    )
