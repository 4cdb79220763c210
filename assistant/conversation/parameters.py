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
# The separated particle of a German verb closes its clause ("Bereite ... zu Zoom vor"): it is no part of a topic.
# Words that cannot end a topic: a separable verb's particle ("Bereite … vor") or the preposition a removed
# length leaves behind ("on LinkedIn for 45 minutes", "zu Copilot für eine Stunde").
_PARTICLE = re.compile(
    r"(?:\s+(?:vor|durch|an|ein|mit|auf|for|für|in|within|of|von|about|etwa|rund|ca\.?))+$", re.I
)
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


# A length in hours: "an hour", "1.5 hours", "half an hour", "eine halbe Stunde", "anderthalb Stunden", "2 Std."
_HOURS = re.compile(
    r"\b(?:(?P<half>(?:a |one |eine |einer )?(?:half an?|halbe?n?) (?:hour|stunde))"
    r"|(?P<one_half>(?:an |one |a )?hour and a half|anderthalb (?:stunden?|std\.?)|eineinhalb (?:stunden?|std\.?))"
    r"|(?P<n>\d(?:[.,]5)?|an?|one|two|eine[rn]?|zwei) (?:hours?|stunden?|std\.?|h\b))",
    re.IGNORECASE,
)
_HOUR_WORDS = {
    "a": 1.0,
    "an": 1.0,
    "one": 1.0,
    "eine": 1.0,
    "einer": 1.0,
    "einen": 1.0,
    "two": 2.0,
    "zwei": 2.0,
}


def mentioned_minutes(message: str) -> tuple[int, tuple[int, int]] | None:
    """The session length a message names (10 to 240 minutes), in minutes or hours, and where it stands.

    >>> mentioned_minutes("make it 30 minutes instead"), mentioned_minutes("nur 300 Min.")
    ((30, (8, 18)), (240, (4, 11)))
    >>> [mentioned_minutes(m)[0] for m in ("cut it to half an hour", "eine Stunde reicht", "1,5 Stunden bitte")]
    [30, 60, 90]
    >>> mentioned_minutes("an hour and a half")[0], mentioned_minutes("Anderthalb Stunden")[0]
    (90, 90)
    """
    match = _MINUTES.search(message)
    if match is not None:
        return min(max(int(match.group(1)), 10), 240), match.span()
    hours = _HOURS.search(message)
    if hours is None:
        return None
    if hours.group("half"):
        value = 0.5
    elif hours.group("one_half"):
        value = 1.5
    else:
        n = hours.group("n").lower()
        value = _HOUR_WORDS.get(n) or float(n.replace(",", "."))
    return min(max(round(value * 60), 10), 240), hours.span()


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
    >>> prepare_parameters("Bereite unsere zweite Sitzung zu Videokonferenzen vor, 60 Minuten").topic
    'Videokonferenzen'
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
    topic = _HOURS.sub("", _MINUTES.sub("", topic))
    topic = re.split(
        r"[,.;!?()]|\b(?:vorzubereiten|vorbereiten|planen|prepare|for my|für meine?n?)\b", topic
    )[0]
    topic = _PARTICLE.sub("", " ".join(topic.split())).strip(" -–") or message.strip()[:80]
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
