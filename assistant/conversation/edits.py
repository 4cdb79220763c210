"""Edits of the last result: what a follow-up asks to change, and the mode's parameters with exactly that
changed (everything else as the last turn had it), so that running the mode again gives the same result
with only the change.

A change is read by patterns with a plain linguistic meaning, in German and English:
- the length: minutes ("make it 30 minutes", "nur 45 Minuten"), a difference ("10 minutes shorter"), or just
  shorter/longer ("kürzer", "longer"), which steps along the usual session lengths (about a quarter);
- the language: "auf Deutsch bitte", "in English please", "ins Englische";
- the senior's context: a sentence whose subject is the senior ("the senior is sceptical about AI",
  "meine Führungskraft ist skeptisch", "she has little time");
- the exercise's focus: an exercise noun with a preposition and what it is about ("add an exercise on
  prompts", "eine Übung zu Prompts");
- one more question like the n-th ("one more question like the second", "noch eine Frage wie die zweite");
- where a remark was made, for feedback ("it was in the weekly meeting", "es war im Teammeeting").
A plan takes every kind, a reflection set the language, one more question and "shorter" (one question per
kind), a feedback draft the language and where it happened. Result-level edits (the added questions, the
shorter set) are kept in the parameters and made again after every re-run (`reapply`).
What a message says besides these (`Changes.rest`) decides whether it is an edit at all (`followup`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from assistant.catalog import Catalog
from assistant.conversation.parameters import ORDINALS, mentioned_minutes
from assistant.modes.models import Mode
from assistant.modes.prepare.models import SessionPlan
from assistant.modes.prepare.questions import question_like as plan_question_like
from assistant.modes.reflect.models import ReflectionSet
from assistant.modes.reflect.more import question_like as reflection_question_like
from assistant.modes.reflect.more import shorter
from assistant.modes.results import Result
from assistant.rag.keyword import content_words
from assistant.text.language import Lang
from assistant.text.lexicon import GENERIC_NOUNS

# Usual session lengths: "shorter" and "longer" step along them by about a quarter.
LENGTHS = (15, 20, 30, 45, 60, 75, 90, 120, 150, 180, 240)
STEP = 0.25

_LANGUAGE = re.compile(
    r"\b(?:auf|in|ins|into|to)\s+(?P<a>deutsch\w*|german|englisch\w*|english)\b"
    r"|\b(?P<b>deutsch|englisch|german|english)\s+(?:bitte|please)\b"
    r"|^\W*(?P<c>deutsch|englisch|german|english)\W*$",
    re.IGNORECASE,
)
_DELTA = re.compile(
    r"\b(?P<n>\d{1,3})\s*(?:min\w*|minuten)\s+(?P<way>shorter|longer|less|more|kürzer|länger|weniger|mehr)\b",
    re.IGNORECASE,
)
_SHORTER = re.compile(
    r"\b(?:shorter|kürzer\w*|knapper|less time|weniger zeit|cut (?:it )?down|trim it|straff\w*)\b", re.I
)
_LONGER = re.compile(r"\b(?:longer|länger\w*|verlänger\w*|more time|mehr zeit|extend\w*)\b", re.IGNORECASE)
# The senior as the subject of a sentence: a noun phrase naming them, or a third-person pronoun, and a verb.
_SENIOR_NOUN = (
    r"(?:the|my|our|this|meine?|unsere?|die|der|diese)\s+"
    r"(?:senior(?:\s+leader)?|mentee|leader|executive|boss|manager(?:in)?|führungskraft|chef(?:in)?|vorgesetzte[r]?)"
)
_SENIOR_VERB = (
    r"(?:is|was|has|had|seems|feels|gets|prefers|uses|works|wants|likes|hates|worries|fears|knows|rarely|never"
    r"|isn't|doesn't|hasn't|ist|war|hat|wirkt|scheint|fühlt|nutzt|arbeitet|will|möchte|mag|kennt|sorgt|fürchtet"
    r"|gilt|tut|telefoniert|ist\s+eher)"
)
_SENIOR = re.compile(
    rf"(?:^|(?<=[.;!?])\s*|\b(?:but|and|also|note:?|btw|aber|und|übrigens|hinweis:?)\s+)"
    rf"(?P<about>(?:{_SENIOR_NOUN}|\b(?:he|she|they|er|sie)\b)(?:['’]s\b|\s+{_SENIOR_VERB}\b)[^.;!?]*)",
    re.IGNORECASE,
)
_EXERCISE = re.compile(
    r"\b(?:hands-on\s+)?(?:exercise|practice|activity|übung|praxisübung|praxisteil|aufgabe)\s+"
    r"(?:on|about|with|for|around|using|covering|zu[mr]?|über|mit|rund um|zum thema)\s+(?P<focus>[^,.;!?]+)",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"(?:\s+(?:hinzu|dazu|ein|rein|bitte|please|too|as well|also|instead|stattdessen|auch|noch|ergänzen|einbauen"
    r"|hinzufügen|aufnehmen|einplanen|planen|machen))+\s*$",
    re.IGNORECASE,
)
_CONTEXT = re.compile(
    r"^\W*(?:context|kontext|situation)\s*:\s*(?P<a>[^.;!?]+)"
    r"|\b(?:it|this|that)\s+(?:was|happened|is)\s+(?P<b>(?:in|at|during|on|after|before)\s+[^.;!?]+)"
    r"|\b(?:es|das)\s+(?:war|passierte|geschah|ist)\s+(?P<c>(?:in|im|bei|beim|während|auf|am|nach|vor)\s+[^.;!?]+)",
    re.IGNORECASE,
)
_MORE = re.compile(
    r"\b(?:one more|another|an? (?:extra|additional|further)|add (?:a|one)|noch (?:eine|1)|eine (?:weitere|zusätzliche)"
    r"|weitere)\s+(?:\w+\s+)?(?:question|frage|leitfrage)\b"
    r"(?:[^.;!?]*?\b(?:like|similar to|as|wie|ähnlich(?:\s+wie)?)\s+(?:the|die|der)\s+(?P<which>\w+))?",
    re.IGNORECASE,
)
# Words an edit request is made of besides its changes: verbs of changing, politeness, the result itself.
FILLER = frozenset(
    """please bitte now jetzt instead stattdessen statt lieber rather make mach mache machen macht it es plan
    version make change ändern ändere änder set setze setz add füge füg hinzu ergänze ergänzen include
    einbauen bau baue nimm include put in can could would kannst könntest könnten you du let lass lassen just
    nur eben mal again nochmal bit bisschen etwas little lot deutlich whole ganze ganzen thing ding sache
    thanks danke ok okay great super und and also auch same gleiche gleichen same version fassung agenda
    ablauf answer antwort rewrite schreib schreibe write translate übersetze übersetz übersetzen""".split()
)


@dataclass(frozen=True)
class Changes:
    """What a follow-up asks to change in the last result; `rest` is what else it says (content words)."""

    minutes: int | None = None  # a length it names
    delta: int = 0  # minutes more (+) or fewer (-)
    step: int = 0  # shorter (-1) or longer (+1)
    language: Lang | None = None
    senior: str = ""  # a sentence about the senior
    focus: str = ""  # what the hands-on exercise should practise
    more: list[int] = field(default_factory=list)  # one more question like the n-th (-1: the last)
    context: str = ""  # where a remark was made (feedback)
    rest: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(
            self.minutes
            or self.delta
            or self.step
            or self.language
            or self.senior
            or self.focus
            or self.more
            or self.context
        )

    def names(self) -> list[str]:
        """The kinds of change, for the turn's record.

        >>> read_changes("make it 30 minutes, in English please", "prepare").names()
        ['length', 'language']
        """
        found = {
            "length": bool(self.minutes or self.delta or self.step),
            "language": bool(self.language),
            "senior": bool(self.senior),
            "focus": bool(self.focus),
            "question": bool(self.more),
            "context": bool(self.context),
        }
        return [name for name, present in found.items() if present]


RESULT_EDITS = "result_edits"  # the parameter that keeps the edits made to a result, in order
# Which changes make sense for which mode's result.
APPLIES: dict[Mode, frozenset[str]] = {
    "prepare": frozenset({"length", "language", "senior", "focus", "question"}),
    "feedback": frozenset({"language", "context"}),
    "reflect": frozenset({"language", "question", "shorter"}),
    "ask": frozenset(),
}


def read_changes(message: str, mode: Mode) -> Changes:
    """The changes a message asks for that fit `mode`'s result, and the rest of what it says.

    >>> read_changes("make it 30 minutes", "prepare").minutes, read_changes("etwas kürzer bitte", "prepare").step
    (30, -1)
    >>> c = read_changes("Füge eine Übung zu Prompts hinzu", "prepare"); c.focus, c.rest
    ('Prompts', ())
    >>> read_changes("meine Führungskraft ist skeptisch", "prepare").senior
    'meine Führungskraft ist skeptisch'
    >>> read_changes("noch eine Frage wie die zweite", "prepare").more, read_changes("auf Deutsch bitte", "ask").rest
    ([2], ('deutsch',))
    >>> read_changes("make it 30 minutes", "reflect").rest, read_changes("kürzer bitte", "reflect").step
    (('30', 'minutes'), -1)
    """
    allowed = APPLIES[mode]
    spans: list[tuple[int, int]] = []
    values: dict[str, Any] = {}

    def found(kind: str, match: re.Match[str] | None) -> re.Match[str] | None:
        if match is None or kind not in allowed:
            return None
        spans.append(match.span())
        return match

    if language := found("language", _LANGUAGE.search(message)):
        word = (language.group("a") or language.group("b") or language.group("c")).lower()
        values["language"] = "de" if word.startswith("deutsch") else "en"
    if delta := found("length", _DELTA.search(message)):
        shorter = delta.group("way").lower() in {"shorter", "less", "kürzer", "weniger"}
        values["delta"] = -int(delta.group("n")) if shorter else int(delta.group("n"))
    elif (said := mentioned_minutes(message)) and "length" in allowed:
        values["minutes"] = said[0]
        spans.append(said[1])
    elif found("length", _SHORTER.search(message)):
        values["step"] = -1
    elif found("length", _LONGER.search(message)):
        values["step"] = 1
    elif found("shorter", _SHORTER.search(message)):
        values["step"] = -1
    if context := found("context", _CONTEXT.search(message)):
        values["context"] = (context.group("a") or context.group("b") or context.group("c")).strip()
    if senior := found("senior", _SENIOR.search(message)):
        values["senior"] = senior.group("about").strip()
    if exercise := found("focus", _EXERCISE.search(message)):
        focus = _TRAILING.sub("", exercise.group("focus")).strip()
        values["focus"] = re.sub(r"^(?:the|a|an|die|der|das|den|dem)\s+", "", focus, flags=re.I)
    more = [m for m in _MORE.finditer(message)] if "question" in allowed else []
    for match in more:
        spans.append(match.span())
        which = (match.group("which") or "").lower()
        values.setdefault("more", []).append(
            -1 if which in {"last", "letzte", "letzten"} else ORDINALS.get(which, -1)
        )
    rest = "".join(" " if any(a <= i < b for a, b in spans) else ch for i, ch in enumerate(message))
    words = tuple(w for w in content_words(rest) if w not in FILLER and w not in GENERIC_NOUNS)
    return Changes(**values, rest=words)


def stepped(minutes: int, step: int) -> int:
    """The next usual session length about a quarter shorter (-1) or longer (+1).

    >>> [stepped(m, -1) for m in (90, 60, 45, 30)], [stepped(m, 1) for m in (30, 45, 60, 90)]
    ([60, 45, 30, 20], [45, 60, 75, 120])
    """
    if step < 0:
        return max((n for n in LENGTHS if n <= minutes * (1 - STEP)), default=LENGTHS[0])
    return min((n for n in LENGTHS if n >= minutes * (1 + STEP)), default=LENGTHS[-1])


def edited_parameters(
    mode: Mode, parameters: dict[str, Any], result: dict[str, Any], changes: Changes
) -> dict[str, Any]:
    """The last turn's parameters with the changes made; a plan keeps its topic, session number, number of
    sessions and length as the result had them (not as the first message happened to say them)."""
    edited = {k: v for k, v in parameters.items() if k != "changed"}
    if changes.language:
        edited["language"] = changes.language
    if mode == "prepare":
        minutes = int(result.get("minutes") or edited.get("minutes") or 60)
        if changes.minutes:
            minutes = changes.minutes
        elif changes.delta:
            minutes = minutes + changes.delta
        elif changes.step:
            minutes = stepped(minutes, changes.step)
        edited.update(
            topic=result.get("topic", edited.get("topic", "")),
            minutes=minutes,
            session=result.get("session_number", edited.get("session")),
            of=result.get("total_sessions", edited.get("of")),
            last=False,
        )
        if changes.senior:
            earlier = str(result.get("senior") or edited.get("senior") or "")
            edited["senior"] = f"{earlier}; {changes.senior}" if earlier else changes.senior
        if changes.focus:
            edited["focus"] = changes.focus
    if mode in ("prepare", "reflect"):
        done = [f"question:{n}" for n in changes.more]
        if mode == "reflect" and changes.step < 0:
            done.append("shorter")
        if done:
            edited[RESULT_EDITS] = [*edited.get(RESULT_EDITS, []), *done]
    if mode == "feedback" and changes.context:
        earlier = str(edited.get("context") or "")
        edited["context"] = f"{earlier}; {changes.context}" if earlier else changes.context
    edited["changed"] = changes.names()
    return edited


def reapply(result: Result, parameters: dict[str, Any], catalog: Catalog) -> Result:
    """The edits made to a result (not to its request), made again on a fresh result in the order they were
    asked: "question:N" adds a question like the N-th (-1: the last), "shorter" keeps one question per kind.
    One that finds nothing new to add leaves the result as it is."""
    for edit in parameters.get(RESULT_EDITS, []):
        name, _, which = str(edit).partition(":")
        if isinstance(result, ReflectionSet) and name == "shorter":
            result = shorter(result)
        elif isinstance(result, SessionPlan) and name == "question":
            result = plan_question_like(result, int(which), catalog.agendas, catalog.questions) or result
        elif isinstance(result, ReflectionSet) and name == "question":
            result = (
                reflection_question_like(result, int(which), catalog.questions, catalog.reflection) or result
            )
    return result
