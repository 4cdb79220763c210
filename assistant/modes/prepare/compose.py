"""The offline composer of session plans: agenda templates, scaled to the minutes, plus the topic card."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.catalog import AgendaTemplates
from assistant.modes.prepare.frame import PlanFrame, plan_frame, scale_minutes
from assistant.modes.prepare.models import Exercise, PlanContent, PlanRequest
from assistant.schema import Chunk, Hit
from assistant.text.language import Lang, pick
from assistant.text.topics import DIGITAL_TOPICS, detect_topic

if TYPE_CHECKING:
    from assistant.modes.material import Searcher

_STEP = re.compile(r"^\s*(?:\d+[.)]|[-*])\s+(.+)$")
_EXERCISE_SECTION = re.compile(r"übung|exercise", re.IGNORECASE)
__all__ = ["compose_plan", "fill_frame", "scale_minutes"]  # scale_minutes lives with the frame now


def compose_plan(
    request: PlanRequest, lang: Lang, agendas: AgendaTemplates, hits: list[Hit], retriever: Searcher | None
) -> PlanContent:
    """A plan that meets every rule of `check_plan`: the frame with the template's words, plus the topic card."""
    return fill_frame(plan_frame(request, lang, agendas), retriever)


def fill_frame(frame: PlanFrame, retriever: Searcher | None) -> PlanContent:
    """The frame's blocks as they are, with rule-based goals, materials, next steps and exercise."""
    request, lang = frame.request, frame.lang
    exercise = None
    if frame.practice is not None:
        exercise = _exercise(request, lang, retriever, frame.exercise_minutes)
    number = pick(
        lang, f"Sitzung {request.session} von {request.of}", f"Session {request.session} of {request.of}"
    )
    return PlanContent(
        title=f"{number}: {request.topic}",
        goals=_goals(request, lang),
        agenda=list(frame.blocks),
        exercise=exercise,
        materials=_materials(request, lang),
        next_time=_next_time(request, lang),
    )


def _goals(request: PlanRequest, lang: Lang) -> list[str]:
    topic = request.topic
    if request.kind == "first":
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
            pick(lang, f"Ein erstes Ziel zum Thema „{topic}“ wählen", f"Choose a first goal on '{topic}'"),
        ]
    if request.kind == "closing":
        return [
            pick(lang, "Die Ziele des Tandems gemeinsam überprüfen", "Review the tandem's goals together"),
            pick(
                lang,
                f"Zeigen, was die Führungskraft zu „{topic}“ jetzt selbst kann",
                f"Show what the senior can now do on '{topic}' on their own",
            ),
            pick(
                lang,
                "Vereinbaren, wie es nach dem Programm weitergeht",
                "Agree how to continue after the programme",
            ),
        ]
    return [
        pick(
            lang,
            f"Die Führungskraft probiert „{topic}“ selbst auf dem eigenen Gerät aus",
            f"The senior tries '{topic}' hands-on on their own device",
        ),
        pick(
            lang,
            "Eine konkrete Anwendung für den eigenen Arbeitsalltag finden",
            "Find one concrete use in the senior's own working day",
        ),
    ]


def _materials(request: PlanRequest, lang: Lang) -> list[str]:
    items = [
        pick(
            lang,
            "Notizen der letzten Sitzung und die Lernvereinbarung",
            "Notes from the last session and the learning agreement",
        )
    ]
    if request.kind == "first":
        items = [
            pick(lang, "Vorlage der Lernvereinbarung", "Learning agreement template"),
            pick(lang, "Terminvorschläge für alle sechs Sitzungen", "Proposed dates for the next sessions"),
        ]
    if request.digital:
        items += [
            pick(
                lang,
                f"Gerät der Führungskraft mit Zugang zu „{request.topic}“",
                f"The senior's own device with access to '{request.topic}'",
            ),
            pick(
                lang,
                "Ein Ersatzbeispiel, falls Zugang oder Technik streiken",
                "A fallback example in case access or technology fails",
            ),
            pick(lang, "Einseitiger Spickzettel zum Mitnehmen", "A one-page cheat sheet to keep"),
        ]
    return items


def _next_time(request: PlanRequest, lang: Lang) -> list[str]:
    if request.kind == "closing":
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


def _exercise(request: PlanRequest, lang: Lang, retriever: Searcher | None, minutes: int) -> Exercise:
    """The hands-on exercise of the matching topic card, or a general show-do-review exercise."""
    topic = detect_topic(request.topic)
    if retriever is not None and topic in DIGITAL_TOPICS:
        section, steps = _card_exercise(retriever.chunks_of(f"topic-{topic}.{lang}"))
        if len(steps) >= 2:
            return Exercise(title=section, minutes=minutes, steps=steps[:8])
    t = request.topic
    steps = [
        pick(
            lang,
            f"Die Führungskraft öffnet „{t}“ auf dem eigenen Gerät; die Hände bleiben an ihrer Tastatur.",
            f"The senior opens '{t}' on their own device; their hands stay on their keyboard.",
        ),
        pick(
            lang,
            "Die Mentorin oder der Mentor zeigt einen Schritt, die Führungskraft macht ihn direkt nach.",
            "The junior mentor shows one step; the senior repeats it straight away.",
        ),
        pick(
            lang,
            "Die Führungskraft wendet den Schritt allein auf ein Beispiel aus dem eigenen Alltag an.",
            "The senior applies the step alone to an example from their own work.",
        ),
        pick(
            lang,
            "Gemeinsam drei Merksätze für den Spickzettel notieren.",
            "Together, write three key points on the cheat sheet.",
        ),
    ]
    return Exercise(
        title=pick(lang, f"Praxisübung: {t}", f"Hands-on exercise: {t}"), minutes=minutes, steps=steps
    )


def _card_exercise(chunks: list[Chunk]) -> tuple[str, list[str]]:
    """The exercise section of a topic card (chunks in document order) and its numbered or bulleted steps."""
    parts = [c for c in chunks if _EXERCISE_SECTION.search(c.section)]
    steps: list[str] = []
    for chunk in parts:
        for line in chunk.text.splitlines():
            match = _STEP.match(line)
            if match:
                step = re.sub(r"\*\*|__", "", match.group(1)).strip()
                if step not in steps:
                    steps.append(step)
    return (parts[0].section if parts else ""), steps
