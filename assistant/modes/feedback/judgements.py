"""Judgemental wording beyond the phrase bank, found by the shape of a sentence rather than by a word list.

- an intensified predicate: be-verb … "so"/"way"/"ziemlich"/"mega" + adjective ("you're being sooo stubborn");
- a predicate noun: be-verb + "a"/"ein" + noun ("the demo was a joke", "Ihre Folien sind ein Durcheinander");
- a degree: "(way) too" + word, "viel zu" + word ("way too much", "echt zu langsam");
- a generalising quantifier attached to behaviour: "everyone", "nobody", "anyone" after a negation, "every X",
  "keep doing", "alle", "keiner", "niemand", "jede X" (not after a preposition: "vor allen" is a place);
- mind-reading: "obviously"/"offenbar" before the verb, "you act like"/"Sie tun so, als" (what follows is
  the pretence the speaker assumes);
- sarcasm: a bare "Great,"/"Super," opening bad news, a bare "Thanks a lot."/"Vielen Dank auch." after it.
Whether a hit judges the other person (not the speaker, not quoted, not praise) is decided in `flags.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.modes.feedback.whom import NEGATION, Whom, norm, tokens
from assistant.text.language import ENGLISH_STOPWORDS, GERMAN_STOPWORDS, Lang

_BE = {
    "en": frozenset("is are was were am be been being r re 's".split()),
    "de": frozenset("ist sind war waren bist warst seid wart sei wäre wären".split()),
}
_YOU_BE = frozenset("you're youre u're ur'e yr".split())
_INTENSIFIER = {
    "en": re.compile(
        r"(?:s+o+|such|way+|pretty|kinda|kind\s+of|sort\s+of|quite|rather|totally|completely|utterly|absolutely|"
        r"really|super|very|incredibly|extremely|seriously|insanely|a\s+bit|a\s+little)",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"(?:s+o+|so\s+was\s+von|total|völlig|komplett|echt|ziemlich|richtig|sehr|extrem|mega|voll|super|"
        r"wirklich|unglaublich|ganz\s+schön|etwas|bisschen|ein\s+bisschen)",
        re.IGNORECASE,
    ),
}
_ARTICLE = frozenset("a an ein eine einer einen 'n".split())
_NOT_A_NOUN = frozenset("bit little lot few couple".split())
_PREPOSITION = frozenset(
    "of with for to from at by in on vor mit für an bei von zu unter über gegenüber".split()
)
_CALENDAR = frozenset(
    """day days week weeks month months year years morning evening monday tuesday wednesday thursday friday
    time times tag tage woche wochen monat monate jahr jahre morgen abend mal montag dienstag mittwoch
    donnerstag freitag""".split()
)
_NUMBER = re.compile(
    r"^(?:\d+\S*|one|two|three|four|five|six|ten|zwei|drei|vier|fünf|sechs|zehn|beide|beiden)$", re.IGNORECASE
)
_ADJECTIVES = frozenset("new single other last old small big long short little good bad different".split())
_EVIDENTIAL = {
    "en": frozenset("obviously clearly evidently apparently secretly".split()),
    "de": frozenset("offensichtlich offenbar anscheinend scheinbar augenscheinlich".split()),
}
_ACT_LIKE = re.compile(
    r"\b(?:act(?:s|ing)?\s+(?:like|as\s+if|as\s+though)|pretend(?:s|ing)?|tu(?:n|st|t)\s+so\s*,?\s+als(?:\s+ob)?)\b",
    re.IGNORECASE,
)
_TOO = {
    "en": re.compile(r"\b(?:(?:way+|far|much|a\s+bit|a\s+little|slightly|just)\s+)?too\s+(?=[^\W\d_])", re.I),
    "de": re.compile(
        r"\b(?:(?:viel|etwas|echt|ganz|total|einfach|deutlich|bisschen|wirklich|mega|leider|definitiv)\s+)?zu\s+"
        r"(?=[^\W\d_])",
        re.IGNORECASE,
    ),
}
_PERSONS = {
    "en": re.compile(r"\b(?:every(?:one|body)|nobody|no[\s-]one|any(?:one|body))\b", re.IGNORECASE),
    "de": re.compile(r"\b(?:alle|keiner|niemand(?:en|em)?|jeder)\b", re.IGNORECASE),
}
_EVERY = {
    "en": re.compile(r"\bevery\s+", re.IGNORECASE),
    "de": re.compile(r"\bjede[rsnm]?\s+", re.IGNORECASE),
}
# "you keep interrupting": a statement about someone; "could you keep doing that?" is a wish.
_KEEP_DOING = re.compile(r"\b(?:(\w+)\s+)?(?:you|u|he|she|they)\s+(keeps?\s+[a-z]+ing)\b", re.IGNORECASE)
_MODAL = frozenset("could would can will please".split())
_BAD_NEWS = re.compile(
    r"\b(?:cancel\w*|late|again|another|forgot\w*|miss(?:ed|ing)|fail\w*|broke\w*|froze\w*|"
    r"abgesagt|absage\w*|ausgefallen|spät\w*|wieder|vergessen|verpasst|kaputt|abgestürzt)\b|n't\b",
    re.IGNORECASE,
)
_THANKS_ONLY = frozenset(
    "thanks thank you a lot so much very really thx ty vielen dank danke auch schön sehr herzlichen".split()
)
_THANKS = frozenset("thanks thank thx ty dank danke".split())


@dataclass(frozen=True)
class Hit:
    """A judgement found by a rule: its span, its kind (the bank's kinds), and the rule that found it."""

    start: int
    end: int
    kind: str
    rule: str
    soft: bool = True  # soft hits are no judgement inside praise ("you always nail it")


def _stop(lang: Lang) -> frozenset[str]:
    return GERMAN_STOPWORDS if lang == "de" else ENGLISH_STOPWORDS


def _content(word: str, lang: Lang) -> bool:
    return norm(word) not in _stop(lang) and not _NUMBER.match(word)


def predicates(whom: Whom, is_praise: Callable[[str, int], bool]) -> list[Hit]:
    """Intensified adjectives and predicate nouns after a be-verb: what something or someone *is*."""
    text, lang = whom.text, whom.lang
    hits: list[Hit] = []
    for clause_start, clause_end in _clauses(whom):
        words = tokens(text, clause_start, clause_end)
        for i, word in enumerate(words):
            w = norm(word.group())
            if not (w in _BE[lang] or w in _YOU_BE):
                continue
            for j in range(i + 1, min(i + 6, len(words))):
                here = words[j]
                intens = _INTENSIFIER[lang].match(text, here.start())
                if intens and text[intens.end() : intens.end() + 1] in " \t":
                    nxt = next((t for t in words[j:] if t.start() >= intens.end()), None)
                    if nxt is None or norm(nxt.group()) in ("too", "zu") or is_praise(text, nxt.start()):
                        break
                    if not _content(nxt.group(), lang) and norm(nxt.group()) not in _ARTICLE:
                        break
                    if norm(nxt.group()) in _ARTICLE:
                        hit = _noun_phrase(words, words.index(nxt), text, lang, is_praise)
                        if hit:
                            hits.append(Hit(intens.start(), hit[1], "label", "predicate-noun"))
                        break
                    hits.append(Hit(intens.start(), nxt.end(), "label", "intensified-predicate"))
                    break
                if norm(here.group()) in _ARTICLE:
                    hit = _noun_phrase(words, j, text, lang, is_praise)
                    if hit:
                        hits.append(Hit(hit[0], hit[1], "label", "predicate-noun"))
                    break
                if norm(here.group()) == "zu" or norm(here.group()) == "too":
                    break  # the degree rule below
    return hits


def _noun_phrase(
    words: list[re.Match[str]], j: int, text: str, lang: Lang, is_praise: Callable[[str, int], bool]
) -> tuple[int, int] | None:
    """The span from an article to the end of its noun phrase (at most three words), unless it is praise, a
    number or a hedge ("a bit")."""
    phrase: list[re.Match[str]] = []
    for word in words[j + 1 : j + 4]:
        if not _content(word.group(), lang) and phrase:
            break
        phrase.append(word)
    if not phrase or norm(phrase[0].group()) in _NOT_A_NOUN:
        return None
    if any(is_praise(text, w.start()) or _NUMBER.match(w.group()) for w in phrase):
        return None
    return words[j].start(), phrase[-1].end()


def degrees(whom: Whom) -> list[Hit]:
    """'(way) too' + word; in German 'zu' + word after an intensifier or a be-verb, and not an infinitive."""
    text, lang = whom.text, whom.lang
    hits = []
    for m in _TOO[lang].finditer(text):
        word = next(iter(tokens(text, m.end())), None)
        if word is None:
            continue
        start, _ = whom.clause(m.start())
        before = [norm(t.group()) for t in tokens(text, start, m.start())]
        if (before and _NUMBER.match(before[-1])) or (len(before) > 1 and _NUMBER.match(before[-2])):
            continue  # "15 min too late" is a measurement
        if lang == "de":
            has_intensifier = not m.group().lower().startswith("zu")
            if word.group().lower().endswith(("en", "ern", "eln")) or word.group()[:1].isupper():
                continue  # "zu sagen", "zu Wort": an infinitive or a noun
            if not has_intensifier and not set(before) & _BE["de"]:
                continue
        hits.append(Hit(m.start(), word.end(), "label", "degree"))
    return hits


def quantifiers(whom: Whom) -> list[Hit]:
    """Generalising quantifiers about people or behaviour; not after a preposition ("in front of everyone"),
    not before a number ("alle 15 Minuten"), "anyone" only after a negation."""
    text, lang = whom.text, whom.lang
    hits = []
    for m in _PERSONS[lang].finditer(text):
        before = [norm(t.group()) for t in tokens(text, whom.clause(m.start())[0], m.start())]
        after = next(iter(tokens(text, m.end())), None)
        if before and before[-1] in _PREPOSITION:
            continue
        if after is not None and _NUMBER.match(after.group()):
            continue
        if (
            m.group().lower().startswith("any")
            and not set(before) & NEGATION
            and not any(b.endswith("n't") for b in before)
        ):
            continue
        hits.append(Hit(m.start(), m.end(), "generalisation", "quantifier"))
    for m in _EVERY[lang].finditer(text):
        following = tokens(text, m.end())[:2]
        noun = [t for t in following if _content(t.group(), lang)]
        if not noun or following[0] is not noun[0]:
            continue  # "jede über eine Seite": each of them, a fact
        if norm(noun[-1].group()) in _CALENDAR or _NUMBER.match(noun[0].group()):
            continue
        two = len(noun) == 2 and following[1] is noun[1]
        if lang == "de":  # "jedem neuen Tool": an adjective, then a noun
            two = two and noun[0].group()[:1].islower() and noun[1].group()[:1].isupper()
        else:
            two = two and norm(noun[0].group()) in _ADJECTIVES
        end = noun[1].end() if two else noun[0].end()
        hits.append(Hit(m.start(), end, "generalisation", "every"))
    hits += [
        Hit(m.start(2), m.end(2), "generalisation", "keep-doing")
        for m in _KEEP_DOING.finditer(text)
        if not (m[1] and m[1].lower() in _MODAL)
    ]
    return hits


def mind_reading(whom: Whom) -> list[Hit]:
    """An evidential adverb before the verb ("you obviously didn't read"), or "you act like …"."""
    text, lang = whom.text, whom.lang
    hits = []
    for word in tokens(text):
        if norm(word.group()) not in _EVIDENTIAL[lang]:
            continue
        start, end = whom.clause(word.start())
        rest = tokens(text, word.end(), end)
        if lang == "en" and (not rest or not tokens(text, start, word.start())):
            continue  # "you explain things clearly": a manner, not a guess
        hits.append(Hit(word.start(), word.end(), "mind_reading", "evidential"))
    hits += [Hit(m.start(), m.end(), "mind_reading", "act-like") for m in _ACT_LIKE.finditer(text)]
    return hits


def sarcasm(whom: Whom, is_praise: Callable[[str, int], bool], flagged: list[tuple[int, int]]) -> list[Hit]:
    """A bare praise word opening bad news ("Great, another …"), a bare thank-you after it ("Thanks a lot.")."""
    text = whom.text
    hits = []
    sentences = whom.sentences
    for n, (start, end) in enumerate(sentences):
        words = tokens(text, start, end)
        if not words:
            continue
        first = words[0]
        rest_end = sentences[n + 1][1] if n + 1 < len(sentences) else end
        bad = _BAD_NEWS.search(text, first.end(), rest_end) or any(
            first.end() <= s < rest_end for s, _ in flagged
        )
        after = text[first.end() : first.end() + 2]
        if (
            norm(first.group()) not in _THANKS
            and is_praise(text, first.start())
            and after[:1] in ",!–"
            and bad
            and not any(is_praise(text, w.start()) for w in words[1:])
        ):
            hits.append(Hit(first.start(), first.end(), "sarcasm", "bare-praise-opener", soft=False))
        previous = sentences[n - 1] if n else None
        if (
            previous
            and {norm(w.group()) for w in words} <= _THANKS_ONLY
            and {norm(w.group()) for w in words} & _THANKS
            and (_BAD_NEWS.search(text, *previous) or any(previous[0] <= s < previous[1] for s, _ in flagged))
        ):
            hits.append(Hit(words[0].start(), words[-1].end(), "sarcasm", "bare-thanks", soft=False))
    return hits


def _clauses(whom: Whom) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for start, end in whom.sentences:
        pos = start
        while pos < end:
            clause = whom.clause(pos)
            found.append(clause)
            nxt = max(clause[1], pos + 1)
            word = next(iter(tokens(whom.text, nxt, end)), None)
            if word is None:
                break
            pos = word.start()
    return list(dict.fromkeys(found))
