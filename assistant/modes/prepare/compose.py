"""The offline composer of session plans: agenda templates, scaled to the minutes, plus the topic card."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.catalog import AgendaItem as TemplateItem
from assistant.catalog import AgendaTemplates
from assistant.modes.prepare.models import AgendaItem, Exercise, PlanContent, PlanRequest
from assistant.schema import Chunk, Hit
from assistant.text.language import Lang, pick
from assistant.text.topics import DIGITAL_TOPICS, detect_topic

if TYPE_CHECKING:
    from assistant.modes.material import Searcher

_STEP = re.compile(r"^\s*(?:\d+[.)]|[-*])\s+(.+)$")
_EXERCISE_SECTION = re.compile(r"übung|exercise", re.IGNORECASE)
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


def compose_plan(
    request: PlanRequest, lang: Lang, agendas: AgendaTemplates, hits: list[Hit], retriever: Searcher | None
) -> PlanContent:
    """A plan that meets every rule of `check_plan`, built from the agenda templates and the knowledge base."""
    template = agendas.closest(request.kind, request.minutes, lang)
    if template is None:  # the catalog tests guarantee templates for every kind and language
        raise LookupError(f"no agenda template for {request.kind} sessions in {lang}")
    lengths = scale_minutes([item.minutes for item in template.items], request.minutes)
    agenda = [
        _adapt(item, minutes, request, lang) for item, minutes in zip(template.items, lengths, strict=True)
    ]
    practice = max(agenda, key=lambda item: item.minutes)
    exercise = _exercise(request, lang, retriever, practice.minutes) if request.digital else None
    number = pick(
        lang, f"Sitzung {request.session} von {request.of}", f"Session {request.session} of {request.of}"
    )
    return PlanContent(
        title=f"{number}: {request.topic}",
        goals=_goals(request, lang),
        agenda=agenda,
        exercise=exercise,
        materials=_materials(request, lang),
        next_time=_next_time(request, lang),
    )


def _adapt(item: TemplateItem, minutes: int, request: PlanRequest, lang: Lang) -> AgendaItem:
    title, activity = item.title, item.activity
    if request.kind == "regular" and (_PRACTICE.search(title) or _INPUT.search(title)):
        title = f"{title}: {request.topic}"
    if request.history and re.search(r"rückblick|check-in", title, re.IGNORECASE):
        activity = f"{activity} " + pick(lang, f"Bezug: {request.history}", f"Last time: {request.history}")
    return AgendaItem(
        title=title, minutes=minutes, activity=activity, guiding_questions=list(item.guiding_questions)
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
