"""The frame of a reflection set, owned by code: the slots, each with its label (a Gibbs stage, a GROW phase,
or 'open' for an alternative to one of the user's questions), what it is for, and an example from the offline
composer. A language model writes the intro and one question per slot (`ReflectionWording`, keyed by the
slots); `ReflectionFrame.merge` attaches the labels, so a label can never be wrong.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from pydantic import create_model

from assistant.catalog import GIBBS_STAGES, GROW_PHASES, QuestionBank, ReflectionPrompts
from assistant.modes.models import wording_text
from assistant.modes.reflect.anchors import feelings, plan, quotations
from assistant.modes.reflect.compose import compose_reflection
from assistant.modes.reflect.models import ReflectionContent, ReflectionItem, ReflectionWording, ReflectKind
from assistant.modes.reflect.named import own_words
from assistant.modes.reflect.open import is_w_question, open_alternatives, split_questions
from assistant.modes.reflect.topics import find_topics
from assistant.text.language import Lang, pick
from assistant.text.topics import detect_topic

QUESTIONS_PER_PHASE = 2

_STAGES: dict[str, tuple[str, str]] = {
    "description": ("was in der Sitzung passiert ist", "what happened in the session"),
    "feelings": ("was die Führungskraft dabei gedacht und gefühlt hat", "what the senior thought and felt"),
    "evaluation": ("was gut lief und was nicht", "what went well and what did not"),
    "analysis": ("warum es so gelaufen ist", "why it went that way"),
    "conclusion": ("was die Führungskraft daraus gelernt hat", "what the senior learned from it"),
    "action_plan": ("was die Führungskraft beim nächsten Mal tut", "what the senior will do next time"),
}
_PHASES: dict[str, tuple[str, str]] = {
    "goal": ("Ziel: was die Führungskraft erreichen möchte", "goal: what the senior wants to achieve"),
    "reality": ("Ist-Situation: wo sie heute steht", "reality: where the senior stands today"),
    "options": ("Optionen: was sie ausprobieren könnte", "options: what the senior could try"),
    "will": ("Wille: was sie als Nächstes konkret tut", "will: what the senior will do next, concretely"),
}


@dataclass(frozen=True)
class Slot:
    """One question to write: its key in the schema, its label in the result, its purpose and an example."""

    key: str
    label: str
    purpose: str
    example: str = ""


@dataclass(frozen=True)
class ReflectionFrame:
    kind: ReflectKind
    lang: Lang
    slots: tuple[Slot, ...]
    note: str = ""  # what the rules found, for the prompt (topic, or that the text holds no question)

    def schema(self) -> type[ReflectionWording]:
        """The intro plus one required question field per slot, named by the slot, in the slot order."""
        fields: dict[str, Any] = {slot.key: (str, wording_text(200, slot.purpose)) for slot in self.slots}
        schema: type[ReflectionWording] = create_model(
            "ReflectionWording",
            __base__=ReflectionWording,
            __doc__=(
                f"An intro and {len(self.slots)} open questions, one per slot of the frame, each ending with '?'."
            ),
            **fields,
        )
        return schema

    def describe(self) -> str:
        """The slots as the prompt lists them: key, purpose and an example to adapt."""
        lines = [self.note] if self.note else []
        lines.append(
            pick(
                self.lang,
                f"Schreibe genau {len(self.slots)} Fragen, je eine pro Platz (Schlüssel: Zweck; Beispiel):",
                f"Write exactly {len(self.slots)} questions, one per slot (key: purpose; example):",
            )
        )
        for slot in self.slots:
            example = pick(self.lang, f"; Beispiel: {slot.example}", f"; example: {slot.example}")
            lines.append(f"- {slot.key}: {slot.purpose}{example if slot.example else ''}")
        return "\n".join(lines)

    def merge(self, wording: ReflectionWording) -> ReflectionContent:
        """The model's questions with the slots' labels, in the slot order."""
        items = [
            ReflectionItem(label=slot.label, question=str(getattr(wording, slot.key)).strip())
            for slot in self.slots
        ]
        return ReflectionContent(intro=wording.intro.strip(), items=items)


def reflection_frame(
    context: str, kind: ReflectKind, lang: Lang, questions: QuestionBank, reflection: ReflectionPrompts
) -> ReflectionFrame:
    """The slots for this kind: the six Gibbs stages, two questions per GROW phase, or two open alternatives
    per question found in the text (three when there is only one); examples come from the offline composer."""
    if kind == "open-up":
        return _open_up_frame(context, lang, questions, reflection)
    offline: dict[str, list[str]] = defaultdict(list)
    for item in compose_reflection(context, kind, lang, questions, reflection).items:
        offline[item.label].append(item.question)
    if kind == "questions":
        topic = detect_topic(context)
        slots = [
            Slot(f"{phase}_{n}", phase, pick(lang, *_PHASES[phase]), _nth(offline[phase], n - 1))
            for phase in GROW_PHASES
            for n in range(1, QUESTIONS_PER_PHASE + 1)
        ]
        note = pick(lang, f"Erkanntes Thema: {topic}", f"Recognised topic: {topic}")
        return ReflectionFrame(kind, lang, tuple(slots), note)
    slots = [
        Slot(
            stage, stage, pick(lang, *_STAGES[stage]), _nth(offline[stage] or reflection.get(stage, lang), 0)
        )
        for stage in GIBBS_STAGES
    ]
    return ReflectionFrame(kind, lang, tuple(slots), _after_session_note(context, lang))


def _after_session_note(context: str, lang: Lang) -> str:
    """What the prompts should take up, for the model: topics, feelings, own words, quotations, the plan."""
    named = ", ".join(t.nom for t in find_topics(context, lang)) or "-"
    lines = [pick(lang, f"Genannte Themen und Werkzeuge: {named}", f"Topics and tools named: {named}")]
    found = [
        (pick(lang, "Gefühle", "Feelings"), [f.word for f in feelings(context, lang)]),
        (pick(lang, "Eigene Worte", "Own words"), own_words(context, lang) + quotations(context)),
        (pick(lang, "Vorhaben", "Plan"), [p for p in [plan(context, lang)] if p]),
    ]
    lines += [f"{label}: {', '.join(values)}" for label, values in found if values]
    lines.append(
        pick(
            lang,
            "Greife diese Worte in den Fragen auf, ohne die Führungskraft zu bewerten.",
            "Take these words up in the questions, without judging the senior.",
        )
    )
    return "\n".join(lines)


def _open_up_frame(
    context: str, lang: Lang, questions: QuestionBank, reflection: ReflectionPrompts
) -> ReflectionFrame:
    found = split_questions(context, lang)
    if not found:
        offline = compose_reflection(context, "open-up", lang, questions, reflection).items
        slots = [
            Slot(
                f"question_{n}",
                "open",
                pick(
                    lang, "eine offene Frage zum Thema des Textes", "an open question on the text's subject"
                ),
                item.question,
            )
            for n, item in enumerate(offline[:3], start=1)
        ]
        note = pick(lang, "Im Text steht keine Frage.", "The text holds no question.")
        return ReflectionFrame("open-up", lang, tuple(slots), note)
    alternatives = open_alternatives(found, lang)
    per_question = 3 if len(found) == 1 else 2
    slots = []
    for number, question in enumerate(found, start=1):
        already = is_w_question(question, lang)
        for n in range(per_question):
            purpose = pick(
                lang,
                f"{'eine tiefere Variante der schon offenen' if already else 'eine offene Alternative zur'} "
                f"Frage „{question}“" + (", anders als die vorige" if n else ""),
                f"{'a deeper variant of the already open' if already else 'an open alternative to the'} "
                f"question '{question}'" + (", different from the one before" if n else ""),
            )
            slots.append(
                Slot(
                    f"question_{number}_{'abc'[n]}", "open", purpose, _nth(alternatives.get(question, []), n)
                )
            )
    return ReflectionFrame("open-up", lang, tuple(slots))


def _nth(items: list[str], n: int) -> str:
    return items[n] if n < len(items) else ""
