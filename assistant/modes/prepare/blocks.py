"""The blocks of a session plan, built by code: the agenda template scaled to the minutes, adapted to the
session's place in the programme (session-structure), to the topic and to the senior's context.

Rules, from the programme material:
- the practice block holds the hands-on exercise: a regular session's hands-on block, a closing session's
  "show what you can do"; a first session on a digital topic turns its topics block into a first small win
  (first-session: "the senior leaves having done something new on their own device"), since the request
  already names the topic, and the learning agreement collects the further topics;
- session 2 finalises the learning agreement in the check-in; the mid-way sessions review it;
- a session longer than 90 minutes has a break;
- a topic that is not digital is practised on a real situation, not on a device.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.catalog import AgendaTemplate
from assistant.modes.prepare.models import AgendaItem, PlanRequest
from assistant.modes.prepare.senior import Adaptation
from assistant.modes.prepare.subject import Subject
from assistant.text.language import Lang, pick

PRACTICE = re.compile(r"praxis|hands-on|zeigen, was|show what", re.IGNORECASE)
_TOPICS = re.compile(r"themen|topics", re.IGNORECASE)
_AGREEMENT = re.compile(r"lernvereinbarung|learning agreement", re.IGNORECASE)
_CHECK_IN = re.compile(r"rückblick|check-in", re.IGNORECASE)
_INPUT = re.compile(r"input", re.IGNORECASE)
_REFLECTION = re.compile(r"reflexion|reflection", re.IGNORECASE)
_LISTENING = re.compile(r"reflexion|reflection|austausch|exchange|erwartung|expectation", re.IGNORECASE)
BREAK = re.compile(r"pause|\bbreak\b", re.IGNORECASE)
BREAK_MINUTES = 5
LONG_SESSION = 90  # longer sessions get a break of their own (session-structure: a break at 90 minutes)


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


def midway(of: int) -> set[int]:
    """The sessions half-way through a programme of `of` sessions, where the learning agreement is reviewed.

    >>> sorted(midway(6)), sorted(midway(8)), sorted(midway(4))
    ([3, 4], [4, 5], [2, 3])
    """
    middle = (of + 1) // 2
    return {n for n in (middle, middle + 1) if 1 < n < of}


@dataclass
class Blocks:
    """The blocks under construction, the practice block's index and what the senior's context added."""

    items: list[AgendaItem]
    practice: int | None
    added: list[list[str]]  # per block: sentences the senior's context added to its activity
    asked: list[list[str]]  # per block: questions the senior's context added


def build_blocks(
    template: AgendaTemplate, request: PlanRequest, lang: Lang, subject: Subject, changes: list[Adaptation]
) -> Blocks:
    """The template's blocks, scaled, adapted to the session, the topic and the senior (see the module rules)."""
    lengths = scale_minutes([item.minutes for item in template.items], request.minutes)
    items = [
        AgendaItem(
            title=item.title,
            minutes=minutes,
            activity=item.activity,
            guiding_questions=list(item.guiding_questions),
        )
        for item, minutes in zip(template.items, lengths, strict=True)
    ]
    if request.minutes > LONG_SESSION and not any(BREAK.search(i.activity) for i in items):
        _insert_break(items, lang)
    practised = Subject.of(request.focus) if request.focus else subject
    practice = _practice(items, request, lang, practised)
    if request.kind == "regular":
        _session_rules(items, request, lang)
    if request.history:
        first = items[0]
        first.activity += " " + pick(lang, f"Bezug: {request.history}", f"Last time: {request.history}")
    blocks = Blocks(items, practice, [[] for _ in items], [[] for _ in items])
    for change in changes:
        _apply(blocks, change)
    return blocks


def _practice(items: list[AgendaItem], request: PlanRequest, lang: Lang, subject: Subject) -> int | None:
    """Mark (and for a first session make) the block that holds the hands-on exercise; `subject` is what the
    exercise practises (the topic, or the focus the junior asked for)."""
    if request.kind == "first":
        if not subject.digital and not request.focus:
            return None
        index = next((i for i, item in enumerate(items) if _TOPICS.search(item.title)), None)
        if index is None:
            return None
        it = subject.with_it(lang)
        items[index] = AgendaItem(
            title=pick(lang, f"Erster kleiner Erfolg{it}", f"A first small win{it}"),
            minutes=items[index].minutes,
            activity=pick(
                lang,
                "Die Führungskraft erledigt eine kleine Aufgabe selbst auf dem eigenen Gerät; die Nachwuchskraft "
                "erklärt und zeigt, die Führungskraft klickt.",
                "The senior does one small task on their own device; the junior explains and points, the "
                "senior clicks.",
            ),
            guiding_questions=[
                pick(
                    lang,
                    "Was möchten Sie als Erstes selbst ausprobieren?",
                    "What would you like to try first?",
                )
            ],
        )
        for item in items:
            if _AGREEMENT.search(item.title):
                item.activity += " " + pick(
                    lang,
                    "Weitere Themen für die nächsten Sitzungen gleich mit aufnehmen.",
                    "Add the topics for the next sessions as well.",
                )
        return index
    index = next((i for i, item in enumerate(items) if PRACTICE.search(item.title)), None)
    if index is not None and request.kind == "regular":
        item = items[index]
        item.title = f"{item.title}: {request.focus or request.topic}"
        if not subject.digital:
            pause = [s for s in re.split(r"(?<=[.;])\s+", item.activity) if BREAK.search(s)]
            item.activity = " ".join(
                [
                    pick(
                        lang,
                        "Die Führungskraft übt an einer echten Situation aus ihrem Alltag, etwa im kurzen "
                        "Rollenspiel; die Nachwuchskraft begleitet mit Fragen und bringt ihre eigene Sicht ein.",
                        "The senior practises on a real situation from their work, for example in a short "
                        "role-play; the junior guides with questions and adds their own view.",
                    ),
                    *pause,
                ]
            )
    return index


def _session_rules(items: list[AgendaItem], request: PlanRequest, lang: Lang) -> None:
    """Session 2 finalises the learning agreement, the mid-way sessions review it; the input names the topic."""
    for item in items:
        if _INPUT.search(item.title):
            item.title = f"{item.title}: {request.topic}"
    if request.session == 2 and _CHECK_IN.search(items[0].title):
        items[0].activity += " " + pick(
            lang,
            "Die Lernvereinbarung aus der ersten Sitzung gemeinsam fertigstellen.",
            "Finalise the learning agreement drafted in the first session.",
        )
    if request.session in midway(request.of):
        target = next((i for i in items if _REFLECTION.search(i.title)), items[-1])
        target.activity += " " + pick(
            lang,
            "Halbzeit: Ziele und Rhythmus der Lernvereinbarung gemeinsam überprüfen.",
            "Half-way: review the goals and the rhythm of the learning agreement together.",
        )


def _insert_break(items: list[AgendaItem], lang: Lang) -> None:
    """A five-minute break after the block that reaches half-time, its minutes taken from the longest block."""
    longest = max(range(len(items)), key=lambda i: items[i].minutes)
    items[longest].minutes -= BREAK_MINUTES
    total, elapsed, at = sum(i.minutes for i in items) + BREAK_MINUTES, 0, len(items) - 1
    for index, item in enumerate(items[:-1]):
        elapsed += item.minutes
        if elapsed >= total / 2:
            at = index + 1
            break
    items.insert(
        at,
        AgendaItem(
            title=pick(lang, "Pause", "Break"),
            minutes=BREAK_MINUTES,
            activity=pick(
                lang, "Kurz aufstehen, lüften, etwas trinken.", "Stand up, get some air, have a drink."
            ),
        ),
    )


def _apply(blocks: Blocks, change: Adaptation) -> None:
    """Put one adaptation into its block: the opening, the goal (second) block, the practice block (or the
    goal block when there is none) or the reflection."""
    items = blocks.items
    if change.place == "materials":
        return
    second = 1 if len(items) > 1 else 0
    index = {
        "opening": 0,
        "goal": second,
        "practice": blocks.practice if blocks.practice is not None else second,
        "reflection": max(
            (i for i, item in enumerate(items) if _LISTENING.search(item.title)), default=second
        ),
    }[change.place]
    if change.question:
        kept = [
            q
            for q in items[index].guiding_questions
            if not change.replaces or not re.search(change.replaces, q, re.I)
        ]
        items[index].guiding_questions = [change.text, *kept]
        blocks.asked[index].append(change.text)
    else:
        items[index].activity += " " + change.text
        blocks.added[index].append(change.text)
