"""The offline hands-on exercise: the exercise of a topic card that fits the topic, or show-do-review steps
built around the tool or theme the topic names; a closing session's exercise is the senior's demonstration.

Every exercise fills exactly its practice block: step minutes are scaled to the block and add up to it, a
break inside the block is a step of its own, and no title keeps the card's own length.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.modes.prepare.blocks import scale_minutes
from assistant.modes.prepare.models import Exercise
from assistant.modes.prepare.subject import Subject
from assistant.schema import Chunk, Hit
from assistant.text.language import Lang, pick
from assistant.text.topics import DIGITAL_TOPICS

if TYPE_CHECKING:
    from assistant.modes.material import Searcher

_STEP = re.compile(r"^\s*(?:\d+[.)]|[-*])\s+(.+)$")
_SECTION = re.compile(r"übung|exercise", re.IGNORECASE)
STEP_MINUTES = re.compile(r"\((\d+)\s*(?:minuten|minute|min\.?|minutes?)\)", re.IGNORECASE)
_TITLE_MINUTES = re.compile(
    r"\s*\(\d+\s*(?:minuten|minutes?|min\.?)\)|\b\d+-(?:minütige[nrs]?|minute)\s+", re.IGNORECASE
)
_BREAK = re.compile(r"pause|\bbreak\b", re.IGNORECASE)
# What a first step with a tool of each question-bank topic looks like (a visible result, per the material).
_FIRST_ACTION: dict[str, tuple[str, str]] = {
    "generative-ai": ("einen ersten Prompt schreiben", "write a first prompt"),
    "social-media": (
        "das eigene Profil ansehen und einen Beitrag kommentieren",
        "look at their own profile and comment on a post",
    ),
    "collaboration-tools": (
        "eine Nachricht, eine Datei oder einen Termin anlegen und teilen",
        "create and share a message, a file or an appointment",
    ),
    "hybrid-work": (
        "in einem Testcall Kamera, Mikrofon und Bildschirmfreigabe prüfen",
        "check camera, microphone and screen sharing in a test call",
    ),
    "data-protection": (
        "eine Sicherheitseinstellung des eigenen Kontos prüfen",
        "check one security setting of their own account",
    ),
}


def card_for(subject: Subject, lang: Lang, retriever: Searcher, hits: list[Hit]) -> list[Chunk]:
    """The topic card whose exercise fits: the card of the subject's own topic if it names the subject and its
    exercise practises what else the topic asks for, or, for a topic the lexicon does not know, the best topic
    card among the relevant `hits`."""
    candidates: list[str] = []
    if subject.term is not None and subject.topic in DIGITAL_TOPICS:
        candidates.append(f"topic-{subject.topic}.{lang}")
    elif subject.term is None:
        candidates += [hit.doc_id for hit in hits if hit.doc_id.startswith("topic-")]
    for doc_id in dict.fromkeys(candidates):
        chunks = retriever.chunks_of(doc_id)
        term = subject.term
        if term is not None and not any(term.pattern.search(c.text) for c in chunks):
            continue  # the card is about the topic area, not about this tool
        exercise = " ".join(card_steps(chunks)[1]).lower()
        if term is not None and subject.rest and not any(word[:5] in exercise for word in subject.rest):
            continue  # the topic asks for more than the card's exercise practises ("Teams meetings")
        if len(card_steps(chunks)[1]) >= 2:
            return chunks
    return []


def card_steps(chunks: list[Chunk]) -> tuple[str, list[str]]:
    """The first exercise section of a topic card (chunks in document order) and its numbered or bulleted steps."""
    parts = [c for c in chunks if _SECTION.search(c.section)]
    if not parts:
        return "", []
    steps: list[str] = []
    for chunk in (c for c in parts if c.section == parts[0].section):
        for line in chunk.text.splitlines():
            match = _STEP.match(line)
            if match:
                step = re.sub(r"\*\*|__", "", match.group(1)).strip()
                if step not in steps:
                    steps.append(step)
    return parts[0].section, steps


def fit_steps(steps: list[str], minutes: int, with_break: bool, lang: Lang) -> list[str]:
    """As many steps as the block has room for (about four minutes each), each with its minutes, scaled so
    they add up to the block; a five-minute break in the middle when the block holds one.

    >>> fit_steps(["A (5 Min.)", "B (10 Min.)", "C (5 Min.)"], 10, False, "de")
    ['A (3 Min.)', 'B (7 Min.)']
    >>> fit_steps(["Show: one step.", "Do: the same."], 40, True, "en")
    ['Show (17 min): one step.', 'Break (5 min)', 'Do (18 min): the same.']
    """
    pause = 5 if with_break and minutes >= 30 else 0
    kept = steps[: max(2, min(len(steps), (minutes - pause) // 4))]
    given = [int(m.group(1)) if (m := STEP_MINUTES.search(step)) else 0 for step in kept]
    default = min((g for g in given if g), default=1)
    lengths = scale_minutes([g or default for g in given], minutes - pause)
    kept = [_with_minutes(step, n, lang) for step, n in zip(kept, lengths, strict=True)]
    if pause:
        kept.insert((len(kept) + 1) // 2, pick(lang, f"Pause ({pause} Min.)", f"Break ({pause} min)"))
    return kept


def _with_minutes(step: str, minutes: int, lang: Lang) -> str:
    """The step with its minutes: the number it gives replaced, or '(n Min.)' after its label."""
    if STEP_MINUTES.search(step):
        return STEP_MINUTES.sub(lambda m: m.group(0).replace(m.group(1), str(minutes), 1), step, count=1)
    unit = pick(lang, f"({minutes} Min.)", f"({minutes} min)")
    label, colon, rest = step.partition(":")
    if colon and len(label) <= 40:
        return f"{label} {unit}:{rest}"
    return f"{step} {unit}"


def card_exercise(chunks: list[Chunk], minutes: int, with_break: bool, lang: Lang) -> Exercise | None:
    """The card's exercise fitted to the block, or None when the card has fewer than two steps."""
    section, steps = card_steps(chunks)
    if len(steps) < 2:
        return None
    title = _TITLE_MINUTES.sub(" ", section).strip(" :–-") or pick(lang, "Praxisübung", "Hands-on exercise")
    return Exercise(
        title=" ".join(title.split()), minutes=minutes, steps=fit_steps(steps, minutes, with_break, lang)
    )


def generic_exercise(subject: Subject, lang: Lang, minutes: int, with_break: bool, first: bool) -> Exercise:
    """Show-do-review around the tool or theme (a digital topic), or a real situation played through (any
    other topic); no sentence needs the topic's own words."""
    it = subject.with_it(lang)
    if subject.digital:
        action = _FIRST_ACTION.get(subject.topic)
        act = pick(lang, f": {action[0]}", f": {action[1]}") if action else ""
        steps = [
            pick(
                lang,
                f"Zeigen: Die Nachwuchskraft zeigt einen Schritt{it} einmal langsam vor{act}.",
                f"Show: the junior shows one step{it} once, slowly{act}.",
            ),
            pick(
                lang,
                "Selbst machen: Die Führungskraft wiederholt den Schritt auf dem eigenen Gerät, mit erfundenen "
                "oder öffentlichen Daten; die Hände bleiben an ihrer Tastatur.",
                "Do: the senior repeats the step on their own device, with invented or public data; their hands "
                "stay on their keyboard.",
            ),
            pick(
                lang,
                "Anwenden: Die Führungskraft nutzt den Schritt allein für ein erfundenes Beispiel aus dem "
                "eigenen Arbeitsalltag.",
                "Apply: the senior uses the step alone on an invented example from their own work.",
            ),
            pick(
                lang,
                "Besprechen: Welcher Schritt war knifflig? Drei Merksätze für den Spickzettel notieren.",
                "Review: which step was tricky? Write three key points on the cheat sheet.",
            ),
        ]
        title = (
            pick(lang, f"Ein erster kleiner Erfolg{it}", f"A first small win{it}")
            if first
            else pick(lang, f"Praxisübung{it}", f"Hands-on exercise{it}")
        )
    else:
        steps = [
            pick(
                lang,
                f"Situation wählen: Die Führungskraft beschreibt eine echte Situation aus ihrem Arbeitsalltag{it}, "
                "ohne Namen und ohne Vertrauliches.",
                f"Choose a situation: the senior describes a real situation from their work{it}, without names "
                "or anything confidential.",
            ),
            pick(
                lang,
                "Rollenspiel: Die Führungskraft probiert ihr Vorgehen aus, die Nachwuchskraft spielt das "
                "Gegenüber.",
                "Role-play: the senior tries out their approach while the junior plays the other person.",
            ),
            pick(
                lang,
                "Perspektive wechseln: Die Nachwuchskraft erzählt, wie sie solche Situationen erlebt; die "
                "Führungskraft hört zu und fragt nach.",
                "Switch perspective: the junior tells how they experience such situations; the senior listens "
                "and asks questions.",
            ),
            pick(
                lang,
                "Besprechen: Was nimmt die Führungskraft mit, und was probiert sie bis zum nächsten Mal aus?",
                "Review: what does the senior take away, and what will they try before next time?",
            ),
        ]
        title = pick(lang, f"Übung an einer echten Situation{it}", f"Practice on a real situation{it}")
    return Exercise(title=title, minutes=minutes, steps=fit_steps(steps, minutes, with_break, lang))


def closing_exercise(subject: Subject, lang: Lang, minutes: int) -> Exercise:
    """The closing session's exercise: the senior shows, without help, what they can do now."""
    it = subject.with_it(lang)
    steps = [
        pick(
            lang,
            f"Vorführen: Die Führungskraft zeigt ohne Hilfe an einer Aufgabe aus dem eigenen Alltag, was sie{it} "
            "jetzt selbst kann.",
            f"Demonstrate: without help, the senior shows on a task from their own work what they can now do{it}.",
        ),
        pick(
            lang,
            "Erklären: Die Führungskraft erklärt in eigenen Worten, wie sie es ihrem Team beibringen würde; "
            "die Nachwuchskraft hört zu und übernimmt nicht.",
            "Teach back: the senior explains in their own words how they would teach it to their team; the "
            "junior listens and does not take over.",
        ),
        pick(
            lang,
            "Vergleichen: Was geht jetzt, was noch nicht? Gemeinsam mit dem Ausgangspunkt der ersten Sitzung "
            "vergleichen.",
            "Compare: what works now, what does not yet? Compare with the starting point of the first session.",
        ),
    ]
    return Exercise(
        title=pick(lang, "Zeigen, was Sie können", "Show what you can do"),
        minutes=minutes,
        steps=fit_steps(steps, minutes, False, lang),
    )
