"""The offline composer of session plans: the frame's blocks as they are, with rule-based goals, materials,
next steps and the exercise of the practice block (`exercise.py`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.catalog import AgendaTemplates
from assistant.modes.prepare.blocks import BREAK
from assistant.modes.prepare.exercise import card_exercise, card_for, closing_exercise, generic_exercise
from assistant.modes.prepare.frame import PlanFrame, plan_frame, scale_minutes
from assistant.modes.prepare.models import Exercise, PlanContent, PlanRequest
from assistant.schema import Hit
from assistant.text.language import Lang, pick

if TYPE_CHECKING:
    from assistant.modes.material import Searcher

__all__ = ["compose_plan", "fill_frame", "scale_minutes"]  # scale_minutes lives with the blocks


def compose_plan(
    request: PlanRequest, lang: Lang, agendas: AgendaTemplates, hits: list[Hit], retriever: Searcher | None
) -> PlanContent:
    """A plan that meets every rule of `check_plan`: the frame with the template's words and an exercise."""
    return fill_frame(plan_frame(request, lang, agendas), retriever, hits)


def fill_frame(frame: PlanFrame, retriever: Searcher | None, hits: list[Hit] | None = None) -> PlanContent:
    """The frame's blocks as they are, with rule-based goals, materials, next steps and exercise; `hits` are
    passages retrieved for the topic alone (a topic card among them may hold the exercise)."""
    request, lang = frame.request, frame.lang
    number = pick(
        lang, f"Sitzung {request.session} von {request.of}", f"Session {request.session} of {request.of}"
    )
    return PlanContent(
        title=f"{number}: {request.topic}",
        goals=_goals(frame),
        agenda=list(frame.blocks),
        exercise=_exercise(frame, retriever, hits or []),
        materials=[*_materials(frame), *frame.materials],
        next_time=_next_time(request, lang),
    )


def _exercise(frame: PlanFrame, retriever: Searcher | None, hits: list[Hit]) -> Exercise | None:
    """The closing demonstration, a fitting topic card's exercise, or show-do-review around the subject."""
    if frame.practice is None:
        return None
    block, lang, subject = frame.blocks[frame.practice], frame.lang, frame.practised
    if frame.request.kind == "closing":
        return _focused(closing_exercise(subject, lang, block.minutes), frame)
    with_break = bool(BREAK.search(block.activity))
    if retriever is not None:
        chunks = card_for(subject, lang, retriever, hits)
        exercise = card_exercise(chunks, block.minutes, with_break, lang) if chunks else None
        if exercise is not None:
            return _focused(exercise, frame)
    return _focused(
        generic_exercise(subject, lang, block.minutes, with_break, frame.request.kind == "first"), frame
    )


def _focused(exercise: Exercise, frame: PlanFrame) -> Exercise:
    """The exercise's title names the focus the junior asked for, when its own words do not."""
    focus, title = frame.request.focus, exercise.title.lower()
    if not focus or all(word[:5] in title for word in re.findall(r"[\wäöüß]{3,}", focus.lower())):
        return exercise  # every word of the focus is named already (a stem will do: "Prompt" for "prompts")
    return exercise.model_copy(update={"title": f"{exercise.title}: {focus}"})


def _goals(frame: PlanFrame) -> list[str]:
    request, lang, subject = frame.request, frame.lang, frame.subject
    it = subject.with_it(lang)
    if request.kind == "first":
        third = (
            pick(lang, f"Einen ersten kleinen Erfolg{it} selbst erleben", f"Have a first small win{it}")
            if frame.practice is not None
            else pick(
                lang,
                f"Ein erstes Ziel zum Thema „{request.topic}“ wählen",
                f"Choose a first goal on '{request.topic}'",
            )
        )
        return [
            pick(
                lang,
                "Einander kennenlernen und Erwartungen klären",
                "Get to know each other and clarify expectations",
            ),
            pick(
                lang,
                "Die Lernvereinbarung gemeinsam festhalten",
                "Agree and write down the learning agreement",
            ),
            third,
        ]
    if request.kind == "closing":
        return [
            pick(lang, "Die Ziele des Tandems gemeinsam überprüfen", "Review the tandem's goals together"),
            pick(
                lang,
                f"Zeigen, was die Führungskraft{it or ' nach dem Tandem'} jetzt selbst kann",
                f"Show what the senior can now do{it or ' after the tandem'} on their own",
            ),
            pick(
                lang,
                "Vereinbaren, wie es nach dem Programm weitergeht",
                "Agree how to continue after the programme",
            ),
        ]
    practise = (
        pick(
            lang,
            f"Die Führungskraft übt{it} selbst auf dem eigenen Gerät",
            f"The senior practises{it} hands-on on their own device",
        )
        if subject.digital
        else pick(
            lang,
            f"Die Führungskraft übt{it} an einer echten Situation",
            f"The senior practises{it} on a real situation",
        )
    )
    return [
        practise,
        pick(
            lang,
            "Eine konkrete Anwendung für den eigenen Arbeitsalltag finden",
            "Find one concrete use in the senior's own working day",
        ),
    ]


def _materials(frame: PlanFrame) -> list[str]:
    request, lang, subject = frame.request, frame.lang, frame.subject
    if request.kind == "first":
        items = [
            pick(lang, "Vorlage der Lernvereinbarung", "Learning agreement template"),
            pick(lang, "Terminvorschläge für die nächsten Sitzungen", "Proposed dates for the next sessions"),
        ]
    else:
        items = [
            pick(
                lang,
                "Notizen der letzten Sitzung und die Lernvereinbarung",
                "Notes from the last session and the learning agreement",
            )
        ]
    if frame.practice is None or request.kind == "closing":
        return items
    if not subject.digital:
        return [
            *items,
            pick(
                lang,
                "Eine vorbereitete Beispielsituation ohne echte Namen, falls keine eigene einfällt",
                "A prepared example situation without real names, in case none comes to mind",
            ),
        ]
    name = subject.name(lang) if subject.is_tool else None
    access = (
        pick(lang, f"Zugang zu {name} vorab geprüft", f"access to {name} checked beforehand")
        if name
        else pick(lang, "die nötigen Zugänge vorab geprüft", "the access needed checked beforehand")
    )
    return [
        *items,
        pick(lang, f"Eigenes Gerät der Führungskraft, {access}", f"The senior's own device, {access}"),
        pick(
            lang,
            "Ein Ersatzbeispiel, falls Zugang oder Technik streiken",
            "A fallback example in case access or technology fails",
        ),
        pick(lang, "Einseitiger Spickzettel zum Mitnehmen", "A one-page cheat sheet to keep"),
    ]


def _next_time(request: PlanRequest, lang: Lang) -> list[str]:
    if request.session >= request.of:  # the last session (a programme of one session too): no next one
        return [
            pick(
                lang,
                "Wie und wie oft Sie nach dem Programm in Kontakt bleiben",
                "Whether and how you stay in touch after the programme",
            )
        ]
    nxt = request.session + 1
    return [
        pick(
            lang,
            f"Termin und Thema für Sitzung {nxt} von {request.of}",
            f"Date and topic for session {nxt} of {request.of}",
        ),
        pick(
            lang,
            "Eine kleine Übungsaufgabe bis zum nächsten Treffen",
            "One small practice task until next time",
        ),
    ]
