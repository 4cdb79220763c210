"""What a senior's text is about: the tools and themes named, the question-bank topics, the subject in their words.

The bank-topic ranking here reads the whole lexicon (positions, typos, weights); `topics.detect_topic`, which the
prepare mode uses, is a simpler keyword count over the same topic ids, kept apart because its results differ."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from assistant.catalog import GrowPhase, QuestionBank
from assistant.modes.reflect.lexicon import FUZZY_NAMES, GENERIC_NOUNS, LEXICON, Term
from assistant.text.language import ENGLISH_STOPWORDS, GERMAN_STOPWORDS, Lang, pick
from assistant.text.topics import GENERAL, LEARNING_GOALS

_PERSONAL = frozenset("ich wir mein meine mir mich uns unser i we my me i'm i'd our us".split())
_EN_STOP = frozenset("next tomorrow today please because so - –".split())


def _sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip()
    return not before or before[-1] in '.!?:;\n("„'


def _fallback_topic(text: str, lang: Lang) -> str | None:
    """A noun the senior used, when no known tool or theme was found (German: capitalised nouns)."""
    if lang == "en":
        about = re.search(r"\b(?:about|on the topic of)\s+((?:[a-z][\w-]*\s*){1,3})", text, re.IGNORECASE)
        if about:
            words = []
            for word in about.group(1).split():
                if word.lower() in ENGLISH_STOPWORDS or word.lower() in GENERIC_NOUNS:
                    break
                words.append(word)
            if words:
                return " ".join(words)
    stop = GERMAN_STOPWORDS | ENGLISH_STOPWORDS | GENERIC_NOUNS
    for match in re.finditer(r"(?<![\w-])[A-ZÄÖÜ][\wäöüß-]{3,}", text):
        word = match.group().strip("-")
        if (
            word.lower() not in stop
            and not any(c.isdigit() for c in word)
            and not _sentence_start(text, match.start())
        ):
            return word
    return None


@dataclass(frozen=True)
class Topic:
    """A tool or theme named in the senior's text, in the reader's language."""

    nom: str
    dat: str
    tool: bool


def find_terms(text: str) -> list[tuple[int, Term]]:
    """Lexicon terms in the text with their positions, overlaps resolved (longest first), typos tolerated."""
    found = sorted(
        ((m.start(), m.end(), term) for term in LEXICON for m in term.pattern.finditer(text)),
        key=lambda item: (item[0], -(item[1] - item[0])),
    )
    kept: list[tuple[int, int, Term]] = []
    for start, end, term in found:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, term))
    for match in re.finditer(r"[\wäöüß]{6,}", text.lower()):
        if any(s <= match.start() < e for s, e, _ in kept):
            continue
        best = max(FUZZY_NAMES, key=lambda key: SequenceMatcher(None, key, match.group()).ratio())
        if (
            abs(len(best) - len(match.group())) <= 2
            and SequenceMatcher(None, best, match.group()).ratio() >= 0.88
        ):
            kept.append((match.start(), match.end(), FUZZY_NAMES[best]))
    return [(start, term) for start, _, term in sorted(kept, key=lambda item: item[0])]


def find_topics(text: str, lang: Lang) -> list[Topic]:
    """The tools and themes the senior named, in order of appearance, without repeats.

    >>> [t.nom for t in find_topics("Meine Mentorin hat gezeigt, wie man mit ChatGPT E-Mails entwirft.", "de")]
    ['ChatGPT', 'E-Mails']
    >>> [t.nom for t in find_topics("set up a password manager, then fixed my powerpiont slides", "en")]
    ['password managers', 'PowerPoint', 'presentations']
    """
    topics: list[Topic] = []
    for _, term in find_terms(text):
        if not term.kind:
            continue
        topic = (
            Topic(term.de, term.de_dat, term.kind == "tool")
            if lang == "de"
            else Topic(term.en, term.en, term.kind == "tool")
        )
        if topic.nom not in {t.nom for t in topics}:
            topics.append(topic)
    if not topics:
        word = _fallback_topic(text, lang)
        if word:
            topics.append(Topic(word, word, False))
    return topics


def detect_bank_topic(text: str) -> list[str]:
    """Question-bank topics the text is about, best first; ['general'] when none is recognised.

    >>> detect_bank_topic("Ist ChatGPT sicher?"), detect_bank_topic("data privacy when my team uses chatgpt")
    (['generative-ai', 'data-protection'], ['data-protection', 'generative-ai'])
    >>> detect_bank_topic("What Gen Z actually expects from a manager")
    ['general']
    """
    score: dict[str, float] = {}
    first: dict[str, int] = {}
    for position, term in find_terms(text):
        if term.topic:
            score[term.topic] = score.get(term.topic, 0.0) + (0.5 if term.topic == LEARNING_GOALS else 1.0)
            first.setdefault(term.topic, position)
    ranked = sorted(score, key=lambda topic: (-score[topic], first[topic]))
    return ranked or [GENERAL]


def subject_phrase(context: str, lang: Lang) -> tuple[str, bool] | None:
    """What the senior wants to ask about, in their words (quoted=True): the phrase after zu/über/about, the
    list after a colon, or a short context; else the tools named (quoted=False, German in the dative).

    >>> subject_phrase("Ich möchte meine Mentorin zu KI im Recruiting befragen.", "de")
    ('KI im Recruiting', True)
    >>> subject_phrase("What Gen Z actually expects from a manager", "en")
    ('What Gen Z actually expects from a manager', True)
    >>> subject_phrase("Mein Team nutzt LinkedIn und Xing, ich selbst bisher gar nicht. Wie fange ich an?", "de")
    ('LinkedIn und Xing', False)
    """
    text = " ".join(context.split()).strip(" .!?")
    pattern = r"\b(?:zu|zum|zur|über|zum Thema)\s+(.+)" if lang == "de" else r"\b(?:about|regarding)\s+(.+)"
    match = re.search(pattern, text)
    if match:
        keep = frozenset("im in der die das den dem des für und mit von bei zur zum of".split())
        words: list[str] = []
        for word in match.group(1).split():
            bare = word.strip(",;:-–.!?")
            if lang == "de" and not (bare[:1].isupper() or bare.isdigit() or bare in keep):
                break
            if lang == "en" and (
                bare.lower() in ENGLISH_STOPWORDS - keep or bare.lower() in _EN_STOP or not bare
            ):
                break
            words.append(bare)
            if word != bare or len(words) == 4:
                break
        while words and words[-1] in keep:
            words.pop()
        if words:
            return " ".join(words), True
    text = text.strip("\"„“”'‚‘«» .!?")
    first = re.split(r"[.!?](?:\s|$)", text)[0]
    if len(first) <= 40 and not {w.lower() for w in re.findall(r"[\w']+", first)} & _PERSONAL:
        return first, True
    tail = text.rsplit(": ", 1)[-1] if ": " in text else text
    if len(tail) <= 60 and not re.search(r"[.!?]\s", tail):
        return tail, True
    named = pick(lang, " und ", " and ").join(t.dat for t in find_topics(context, lang)[:2])
    return (named, False) if named else None


def bank_questions(bank: QuestionBank, topic: str, phase: GrowPhase, lang: Lang) -> list[str]:
    """The bank's questions for a topic and GROW phase, or the general ones when the topic has none."""
    return bank.get(topic, phase, lang) or bank.get(GENERAL, phase, lang)
