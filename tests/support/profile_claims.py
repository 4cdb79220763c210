"""Sentence rules for the profile audit: German and English statements of the programme's numbers.

Each rule looks for one kind of statement (a notice period next to a cancellation word, a number of sessions
over a number of months, a completion rule, ...) and returns a message for every number that contradicts
the programme profile. The patterns are general phrasings, not the wording of one document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from assistant.catalog.profile import WEEKS_PER_MONTH, ProgrammeProfile

__all__ = ["MIN", "NUM", "check_sentence", "first_length", "num", "session_kind"]

_WORDS = {
    **dict.fromkeys(["one", "ein", "eine", "einen", "einer", "eins", "once", "einmal"], 1),
    **dict.fromkeys(["two", "zwei", "twice", "zweimal"], 2),
    **{w: i for i, w in enumerate("three four five six seven eight nine ten eleven twelve".split(), start=3)},
    **{w: i for i, w in enumerate("drei vier fünf sechs sieben acht neun zehn elf zwölf".split(), start=3)},
}
_ORDINALS = {
    **{
        w: i
        for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1)
    },
    **{
        w: i
        for i, w in enumerate(
            "erste zweite dritte vierte fünfte sechste siebte achte neunte zehnte".split(), 1
        )
    },
}
_FRACTIONS = {
    "two thirds": 66.7,
    "zwei drittel": 66.7,
    "three quarters": 75.0,
    "drei viertel": 75.0,
    "half": 50.0,
    "hälfte": 50.0,
    "one third": 33.3,
    "a third": 33.3,
    "ein drittel": 33.3,
}
NUM = r"(?:\d+(?:[.,]5)?|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"
ORD = r"(?:" + "|".join(_ORDINALS) + r")[nrs]?"
MIN = r"(?:minutes|minute|mins|min|Minuten|Min)\b\.?"
_RANGE = rf"({NUM})(?:\s*(?:to|-|–|bis)\s*({NUM}))?"
_SESSION = r"(?:sessions?|Sitzung(?:en)?|Sessions?)"
_MINUTES = r"(?:minutes|Minuten)"
_I = re.IGNORECASE


def _p(*parts: str) -> re.Pattern[str]:
    """One case-insensitive pattern from parts written on several lines."""
    return re.compile("".join(parts), _I)


# session lengths
_LENGTH_SINGLES = (
    _p(rf"\b(\d+)[- ](?:minute|Minuten)[- ]{_SESSION}\b"),
    _p(r"\b(\d+)-minütige\w* (?:Sitzung|Session)"),
    _p(rf"\b{_SESSION} (?:of|à|von|mit je) (\d+) {_MINUTES}\b"),
    _p(rf"\b(?:session|Sitzung)\s+\d+\s*\((\d+) {_MINUTES}"),
    _p(rf"\b(\d+) (?:instead of|rather than|statt|anstelle von) (\d+) {_MINUTES}"),
)
_LASTING = _p(
    r"\b(?:sessions?|Sitzung\w*|Session\w*)\b[^.;]{0,80}?\b(?:last(?:s|ing)?|dauer\w*|jeweils) ",
    rf"(?:about |etwa )?(\d+) (?:to|bis|-|–) (\d+) {_MINUTES}",
)
_AGENDA_LIST = _p(
    rf"\b(?:agendas|Agenden) (?:for|für) (\d+(?:(?:, | and | und | or | oder )\d+)+) {_MINUTES}"
)
_STANDARD_WORD = _p(r"standard|default|usual|üblich|\bmeist\b|häufigst|most common")
_MINUTE_RANGE = _p(rf"\d+ ?(?:to|bis|-|–) ?\d+ {_MINUTES}")
_ONE_LENGTH = _p(r"\b(\d+)[- ]?(?:minutes?|Minuten)\b")
# notice period
_CANCEL_WORD = _p(r"cancel|reschedul|absag|absage|verschieb|verleg")
_HOURS = _p(rf"\b({NUM})[- ](?:hours?|Stunden|hrs)\b")
_DAYS_AHEAD = _p(
    rf"\b({NUM}) (?:working |Arbeits)?(?:days?|Tag(?:e|en)?) (?:ahead|before|in advance|vorher|im Voraus)"
)
# number of sessions
_OVER_MONTHS = _p(
    rf"\b({NUM}) (?:tandem )?(?:sessions|Sitzungen|Termine|meetings) ",
    r"(?:over|in|across|within|über|innerhalb von) (?:about |roughly |around |etwa |rund |ungefähr )?",
    rf"({NUM}) (?:months|Monate|Monaten)\b",
)
_COUNTS = (
    _p(rf"\b(?:all|the|alle|allen|die|den) ({NUM}) (?:sessions|Sitzungen|Termine)\b"),
    _p(
        r"\b(?:programme\w*|Programm\w*|cycle|Zyklus|Ablauf) ",
        r"(?:runs|has|comprises|includes|consists of|umfasst|hat|besteht aus|mit|of|with) ",
        rf"(?:\w+ ){{0,2}}?({NUM}) (?:sessions|Sitzungen)\b",
    ),
    _p(r"\bTandems? × (\d+)"),
)
_NOT_A_UNIT = r"(?!\s*(?:[-–]\s*\d+\s*)?(?:minutes|minute|Minuten|Min|hours|Stunden|%|Prozent))"
_SESSION_NUMBER = _p(r"\b(?:session|Sitzung)\s+(\d+)\b", _NOT_A_UNIT)
_SESSION_SPAN = _p(r"\b(?:sessions|Sitzungen)\s+(\d+)\s*(?:-|–|to|bis)\s*(\d+)\b")
_ORDINAL_SESSION = _p(rf"\b({ORD}) (?:session|Sitzung)\b")
_CLOSING = (
    _p(
        r"(?:closing session|Abschlusssitzung)[\s(]{1,3}(?:(?:session|Sitzung)\s+)?(\d+)\b(?!\s*(?:%|percent|Prozent))"
    ),
    _p(
        r"\b(?:ends?|ending|endet|Ende)\b[^.]{0,40}?\b(?:after|with|nach|mit) (?:the |der |dem )?",
        rf"(?:({ORD}) (?:session|Sitzung)|(?:session|Sitzung) (\d+))",
    ),
)
# completion
_COMPLETION_WORD = _p(r"complet|abschlussquote|abgeschlossen|absolvier|count as|gelten als")
_AT_LEAST_OF = _p(
    rf"\b(?:at least|mindestens) ({NUM}) (?:of|out of|von|der) (?:the |den )?({NUM}) {_SESSION}"
)
_AT_LEAST = _p(rf"\b(?:at least|mindestens) ({NUM}) {_SESSION}")
_ALL = _p(rf"\b(?:all|alle|allen) ({NUM}) {_SESSION}")
# cadence
_SESSIONISH = _p(r"session|sitzung|termin|tandem|meet|treffen")
_MONTHLY = (
    _p(
        rf"\b({NUM}) (?:sessions?|Sitzungen?|Termine?|meetings?) (?:(?:of|à|von) \d+ {_MINUTES} )?",
        r"(?:a|per|each|every|pro|im|je) (?:month|Monat)\b",
    ),
    _p(rf"\b(?:per|a|pro|im) (?:month|Monat)\W{{1,3}}({NUM}) (?:sessions?|Sitzungen?)"),
    _p(r"\b(one|eine|einer) (?:per|a|pro|im) (?:month|Monat)\b"),
    _p(r"\b(?:monthly|monatlich\w*) (?:rhythm|cadence|sessions?|meetings?|Rhythmus|Sitzung\w*|Termin\w*)"),
)
_SPACED = (
    _p(rf"\bevery {_RANGE} weeks\b"),
    _p(rf"\balle {_RANGE} Wochen\b"),
    _p(rf"\b{_RANGE} (?:weeks|Wochen) (?:later|apart|after|später|danach|auseinander)\b"),
)
_GAP = _p(
    r"\b(?:gaps?|breaks?|Pausen?|Abstände?|Lücken?) (?:longer than|of more than|von mehr als|länger als) ",
    rf"(?:about |etwa )?({NUM}) (?:weeks|Wochen)",
)
# hands-on share, preparation, working time, mid-way review, reflection
_HANDS_ON_WORD = _p(r"hands[- ]on|practi[cs]e|üben|übung|praxis|hände")
_PERCENT = _p(r"\b(\d+)(?:\s*(?:to|bis|-|–)\s*(\d+))? ?(?:percent|per cent|Prozent|%)")
_FRACTION = _p(
    r"\b(", "|".join(_FRACTIONS), r")(?: of)? (?:the |der |des )?(?:session|Sitzung|Session|time|Zeit)"
)
_PREPARATION_WORD = _p(r"prepar|vorbereit")
_PREPARATION = (
    _p(rf"\b{_RANGE} {_MINUTES}(?: of preparation| Vorbereitung)? (?:per|pro|for each|je|each) {_SESSION}"),
    _p(rf"\b(?:per|pro|je) {_SESSION} {_RANGE} {_MINUTES} (?:of preparation|Vorbereitung)"),
)
_TIME_WORD = _p(
    r"invest|time commitment|zeitaufwand|kommen auf|sind das|in total|insgesamt|per month|pro monat|im monat|a month"
)
_PER_MONTH = _p(r"per month|pro Monat|im Monat|a month|monthly|monatlich")
_HOUR_RANGE = _p(rf"\b({NUM})\s*(?:to|-|–|bis)\s*({NUM}) (?:hours|Stunden)")
_MIDWAY_WORD = _p(r"mid-?way|half-?way|halbzeit|mid-point|longer review|längere\w* (?:Rückblick|Überprüfung)")
_MINUTE_SPAN = _p(rf"\b(?:about |etwa )?{_RANGE} {_MINUTES}")
_SESSION_OR = _p(r"\b(?:session|Sitzung)\s+(\d+)\s+(?:or|oder)\s+(\d+)")
_REFLECTION_WORD = _p(r"reflect|reflexion|reflektier|joint review|gemeinsame\w* Rückblick")
_EACH_SESSION = _p(r"(?:each|every|jede[rn]?) (?:session|Sitzung|Session)|45[- ](?:minute|Minuten)")


def num(text: str) -> float:
    """`6`, `six`, `sechs`, `2,5` -> a number."""
    word = text.lower()
    return float(_WORDS[word]) if word in _WORDS else float(word.replace(",", "."))


def _ordinal(text: str) -> int:
    word = text.lower()
    return _ORDINALS.get(word, _ORDINALS.get(word[:-1], 0))


def _pair(match: re.Match[str], first: int = 1) -> tuple[float, float]:
    """The (low, high) of a `_RANGE` match whose groups start at `first`."""
    low = num(match[first])
    high = num(match[first + 1]) if match[first + 1] else low
    return low, high


def first_length(context: str) -> int | None:
    """The first length in minutes a heading or sentence names (`60-minute`, `(20 Minuten)`, `à 60 Minuten`)."""
    for pattern in (
        r"\b(\d+)[- ](?:minute|Minuten)\b",
        r"\b(\d+)-minütig",
        r"\((\d+) (?:minutes|Minuten)\b",
        r"\b(?:of|à|von|für) (\d+) (?:minutes|Minuten)\b",
    ):
        match = re.search(pattern, context, _I)
        if match:
            return int(match[1])
    return None


def session_kind(context: str) -> str:
    """first, closing or regular, from the heading or the sentence that introduces an agenda."""
    if re.search(r"first (?:session|meeting)|erste[nr]? (?:Sitzung|Treffen)", context, _I):
        return "first"
    if re.search(r"closing|Abschluss", context, _I):
        return "closing"
    return "regular"


Rule = Callable[[str, str, ProgrammeProfile], Iterator[str]]


def _lengths(s: str, heading: str, p: ProgrammeProfile) -> Iterator[str]:
    allowed = p.session_minutes.allowed
    says = f"the profile allows {allowed} (session_minutes.allowed)"
    for pattern in _LENGTH_SINGLES:
        for m in pattern.finditer(s):
            if int(m[1]) not in allowed and (m.lastindex == 1 or int(m[2]) in allowed):
                yield f'"{m[0]}": a {m[1]}-minute session; {says}'
    for m in _LASTING.finditer(s):
        if {int(m[1]), int(m[2])} != {min(allowed), max(allowed)}:
            yield f'"{m[0]}": sessions of {m[1]}-{m[2]} minutes; {says}'
    for m in _AGENDA_LIST.finditer(s):
        named = sorted(int(n) for n in re.findall(r"\d+", m[1]))
        if named != sorted(allowed):
            yield f'"{m[0]}": agendas for {named}; {says}'
    if _STANDARD_WORD.search(s):
        standard = p.session_minutes.standard
        for m in _ONE_LENGTH.finditer(_MINUTE_RANGE.sub("", s)):
            if int(m[1]) in allowed and int(m[1]) != standard:
                yield f'"{m[0]}" as the usual length; the profile says {standard} (session_minutes.standard)'


def _notice(s: str, heading: str, p: ProgrammeProfile) -> Iterator[str]:
    if not _CANCEL_WORD.search(s):
        return
    want = p.cancellation.notice_hours
    says = f"the profile says {want} hours (cancellation.notice_hours)"
    for m in _HOURS.finditer(s):
        if num(m[1]) != want:
            yield f'"{m[0]}" next to cancelling; {says}'
    for m in _DAYS_AHEAD.finditer(s):
        if num(m[1]) * 24 != want:
            yield f'"{m[0]}" next to cancelling; {says}'


def _session_count(s: str, heading: str, p: ProgrammeProfile) -> Iterator[str]:
    n, months, weeks = p.sessions, p.duration_months, p.cadence.weeks_between_sessions
    for m in _OVER_MONTHS.finditer(s):
        held, spread = num(m[1]), num(m[2])
        rate_ok = WEEKS_PER_MONTH / weeks.max - 0.01 <= held / spread <= WEEKS_PER_MONTH / weeks.min + 0.01
        if held > n or (held == n and spread != months) or (held < n and not rate_ok):
            yield f'"{m[0]}"; the profile says {n} sessions over {months} months (sessions, duration_months)'
    for pattern in _COUNTS:
        for m in pattern.finditer(s):
            if num(m[1]) != n:
                yield f'"{m[0]}"; the profile says {n} sessions (sessions)'
    for m in _SESSION_NUMBER.finditer(s):
        if not 1 <= int(m[1]) <= n:
            yield f'"{m[0]}": the profile has {n} sessions (sessions)'
    for m in _SESSION_SPAN.finditer(s):
        if int(m[2]) > n or (m[1] == "2" and int(m[2]) != n - 1):
            yield f'"{m[0]}": the profile has {n} sessions, the last being the closing session (sessions)'
    for m in _ORDINAL_SESSION.finditer(s):
        if _ordinal(m[1]) > n:
            yield f'"{m[0]}": the profile has {n} sessions (sessions)'
    for pattern in _CLOSING:
        for m in pattern.finditer(s):
            value = int(m[1]) if m[1] and m[1].isdigit() else _ordinal(m[1] or "") or int(m[2] or 0)
            if value != n:
                yield f'"{m[0]}": the closing session is session {n} (sessions)'


def _completion(s: str, heading: str, p: ProgrammeProfile) -> Iterator[str]:
    if not _COMPLETION_WORD.search(s):
        return
    want, n = p.completion.min_sessions, p.sessions
    says = f"the profile says at least {want} of {n} sessions (completion.min_sessions)"
    for m in _AT_LEAST_OF.finditer(s):
        if num(m[1]) != want or num(m[2]) != n:
            yield f'"{m[0]}" as the completion rule; {says}'
    for pattern in (_AT_LEAST, _ALL):
        for m in pattern.finditer(s):
            if num(m[1]) != want:
                yield f'"{m[0]}" as the completion rule; {says}'


def _cadence(s: str, heading: str, p: ProgrammeProfile) -> Iterator[str]:
    sessionish = _SESSIONISH.search(s)
    if not sessionish and not re.search(r"rhythm", s, _I):
        return
    per_month, weeks = p.cadence.sessions_per_month, p.cadence.weeks_between_sessions
    says = f"the profile says {per_month:g} a month, {weeks.text()} weeks apart (cadence)"
    for pattern in _MONTHLY:
        for m in pattern.finditer(s):
            if (num(m[1]) if m.groups() else 1) != per_month:
                yield f'"{m[0]}"; {says}'
    for pattern in _SPACED if sessionish else ():
        for m in pattern.finditer(s):
            low, high = _pair(m)
            if low < weeks.min or high > weeks.max:
                yield f'"{m[0]}"; {says}'
    for m in _GAP.finditer(s):
        if num(m[1]) != weeks.max:
            yield f'"{m[0]}" as the longest gap; {says}'


def _hands_on(s: str, heading: str, p: ProgrammeProfile) -> Iterator[str]:
    if not _HANDS_ON_WORD.search(s):
        return
    share = p.hands_on_share
    shares = [(m[0], float(m[1]), float(m[2] or m[1])) for m in _PERCENT.finditer(s)]
    shares += [(m[0], _FRACTIONS[m[1].lower()], _FRACTIONS[m[1].lower()]) for m in _FRACTION.finditer(s)]
    for quote, low, high in shares:
        if low < share.min_percent or high > share.max_percent:
            yield f'"{quote}" as the hands-on share; the profile says {share.text()} (hands_on_share)'


def _preparation(s: str, heading: str, p: ProgrammeProfile) -> Iterator[str]:
    want = p.time_commitment.junior.preparation_minutes_per_session
    if want is None or not _PREPARATION_WORD.search(s + heading):
        return
    says = f"the profile says {want.text()} minutes per session (time_commitment.junior)"
    for pattern in _PREPARATION:
        for m in pattern.finditer(s):
            if _pair(m) != (want.min, want.max):
                yield f'"{m[0]}" of preparation; {says}'


def _hours(s: str, heading: str, p: ProgrammeProfile) -> Iterator[str]:
    if not _TIME_WORD.search(s):
        return
    t, e = p.time_commitment, p.events
    monthly = [t.senior.hours_per_month, t.junior.hours_per_month]
    totals = [t.senior.hours_total, t.junior.hours_total, e.kickoff_hours, e.closing_event_hours]
    for m in _HOUR_RANGE.finditer(s):
        ranges = monthly if _PER_MONTH.search(s[m.end() : m.end() + 20]) else totals
        if _pair(m) not in [(r.min, r.max) for r in ranges]:
            said = ", ".join(r.text() for r in ranges)
            yield f'"{m[0]}" of working time; the profile says {said} hours (time_commitment)'


def _midway(s: str, heading: str, p: ProgrammeProfile) -> Iterator[str]:
    if not _MIDWAY_WORD.search(s):
        return
    review = p.midway_review
    for m in _MINUTE_SPAN.finditer(s):
        low, high = _pair(m)
        if low < review.minutes.min or high > review.minutes.max:
            yield f'"{m[0]}" for the mid-way review; the profile says {review.minutes.text()} minutes (midway_review)'
    for m in _SESSION_OR.finditer(s):
        if [int(m[1]), int(m[2])] != review.sessions:
            yield f'"{m[0]}" for the mid-way review; the profile says sessions {review.sessions} (midway_review)'


def _reflection(s: str, heading: str, p: ProgrammeProfile) -> Iterator[str]:
    if not (_REFLECTION_WORD.search(s) and _EACH_SESSION.search(s)):
        return
    least = p.reflection.min_minutes
    for m in _MINUTE_SPAN.finditer(s):
        if _pair(m)[0] < least:
            yield f'"{m[0]}" of reflection; the profile keeps at least {least} minutes (reflection.min_minutes)'


RULES: tuple[Rule, ...] = (
    _lengths,
    _notice,
    _session_count,
    _completion,
    _cadence,
    _hands_on,
    _preparation,
    _hours,
    _midway,
    _reflection,
)


def check_sentence(sentence: str, heading: str, profile: ProgrammeProfile) -> list[str]:
    """Messages for every number in one sentence that contradicts the profile."""
    text = sentence.replace("\u00a0", " ").replace("**", "")
    return [message for rule in RULES for message in rule(text, heading, profile)]
