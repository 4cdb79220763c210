"""Parameters of a mode, read from a free chat message: topic, minutes, session numbers, the remark, the kind."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.modes.reflect.models import ReflectKind
from assistant.text.quotes import find_quotes

_MINUTES = re.compile(r"(\d{2,3})\s*(?:-?\s*)(?:min\b|minuten|minutes|mins)", re.IGNORECASE)
_SESSION = re.compile(r"(?:sitzung|session|termin|treffen)\s*(?:nr\.?\s*)?(\d{1,2})", re.IGNORECASE)
_OF = re.compile(r"\b(?:von|of|aus)\s+(\d{1,2})\b", re.IGNORECASE)
ORDINALS = {
    "erste": 1,
    "ersten": 1,
    "first": 1,
    "zweite": 2,
    "zweiten": 2,
    "second": 2,
    "dritte": 3,
    "dritten": 3,
    "third": 3,
    "vierte": 4,
    "vierten": 4,
    "fourth": 4,
    "fünfte": 5,
    "fünften": 5,
    "fifth": 5,
    "sechste": 6,
    "sechsten": 6,
    "sixth": 6,
}
_LAST = frozenset({"letzte", "letzten", "abschlusssitzung", "last", "final", "closing"})
_TOPIC = re.compile(r"\b(?:über|zum thema|zu|zum|zur|on|about|regarding)\s+(.+)", re.IGNORECASE)
_TELL_THAT = re.compile(
    r"(?:sag(?:e|en)?|tell|say to|mitteil\w*|beibring\w*)\b.*?\b(?:dass|that)\s+(.{6,})", re.IGNORECASE
)
_OPEN_UP = re.compile(
    r"offene?n? fragen?|umformulier|open (?:up|questions?)|rephrase|closed question|"
    r"geschlossene",
    re.IGNORECASE,
)
_QUESTIONS = re.compile(r"fragen\b.*\b(mentor|mentorin|stellen)|questions?\b.*\b(ask|mentor)", re.IGNORECASE)


def mentioned_minutes(message: str) -> tuple[int, tuple[int, int]] | None:
    """The session length a message names (10 to 240 minutes) and where it stands, or None.

    >>> mentioned_minutes("make it 30 minutes instead"), mentioned_minutes("nur 300 Min.")
    ((30, (8, 18)), (240, (4, 11)))
    """
    match = _MINUTES.search(message)
    if match is None:
        return None
    return min(max(int(match.group(1)), 10), 240), match.span()


@dataclass
class PlanAsk:
    """What a free request says about the plan; None where it says nothing (the programme profile decides)."""

    topic: str
    minutes: int | None = None
    session: int | None = None
    of: int | None = None
    last: bool = False  # "the last session": its number is the number of sessions


def names_topic(message: str) -> bool:
    """True if a message names what it is about ("on LinkedIn", "zum Thema Datenschutz").

    >>> names_topic("plan our third session on LinkedIn"), names_topic("make it 30 minutes")
    (True, False)
    >>> names_topic("Plane unsere nächste Sitzung zu Copilot"), names_topic("plan our next session")
    (True, False)
    """
    return _TOPIC.search(message) is not None


def prepare_parameters(message: str) -> PlanAsk:
    """Topic, minutes and session numbers from a free request.

    >>> prepare_parameters("Hilf mir, unsere dritte Sitzung über LinkedIn vorzubereiten, 60 Minuten")
    PlanAsk(topic='LinkedIn', minutes=60, session=3, of=None, last=False)
    >>> prepare_parameters("plan session 2 of 4 on ChatGPT prompts (45 min)")
    PlanAsk(topic='ChatGPT prompts', minutes=45, session=2, of=4, last=False)
    >>> prepare_parameters("Plane unsere letzte Sitzung zu Copilot")
    PlanAsk(topic='Copilot', minutes=None, session=None, of=None, last=True)
    """
    mentioned = mentioned_minutes(message)
    minutes = mentioned[0] if mentioned else None
    session_match = _SESSION.search(message)
    words = re.findall(r"[a-zäöüß]+", message.lower())
    session = int(session_match.group(1)) if session_match else None
    if session is None:
        session = next((ORDINALS[w] for w in words if w in ORDINALS), None)
    of_match = _OF.search(message)
    total = int(of_match.group(1)) if of_match else None
    if total is not None and session is not None:
        total = max(total, session)
    topic_match = _TOPIC.search(message)
    topic = topic_match.group(1) if topic_match else message
    topic = _MINUTES.sub("", topic)
    topic = re.split(
        r"[,.;!?()]|\b(?:vorzubereiten|vorbereiten|planen|prepare|for my|für meine?n?)\b", topic
    )[0]
    topic = " ".join(topic.split()).strip(" -–") or message.strip()[:80]
    last = session is None and any(w in _LAST for w in words)
    return PlanAsk(topic[:120], minutes, session, total, last)


def reflect_kind(message: str) -> ReflectKind:
    """Which kind of reflection help a message asks for."""
    if _OPEN_UP.search(message):
        return "open-up"
    if _QUESTIONS.search(message):
        return "questions"
    return "after-session"


def feedback_remark(message: str) -> str:
    """The quoted remark, or what follows "dass"/"that" in a how-do-I-tell question, else the message.

    >>> feedback_remark("Wie sag ich meinem Mentee, dass er immer zu spät kommt?")
    'er immer zu spät kommt'
    >>> feedback_remark('Check this: "You never listen in meetings."')
    'You never listen in meetings.'
    """
    quoted = find_quotes(message, min_length=6)
    if quoted:
        return quoted[0].text
    told = _TELL_THAT.search(message)
    return told.group(1).strip(" ?.!") if told else message.strip()
