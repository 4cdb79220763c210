"""What a text is about: the lexicon's tools and themes it names, its question-bank topics ranked, whether it
is digital, and the noun it is about when it names nothing the lexicon knows. One detector for every mode."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from assistant.text.language import ENGLISH_STOPWORDS, GERMAN_STOPWORDS, Lang
from assistant.text.lexicon import (
    COLLABORATION_TOOLS,
    DATA_PROTECTION,
    DIGITAL_TOPICS,
    FEEDBACK,
    FUZZY_NAMES,
    GENERAL,
    GENERATIVE_AI,
    GENERIC_NOUNS,
    HYBRID_WORK,
    LEARNING_GOALS,
    LEXICON,
    SOCIAL_MEDIA,
    TOPIC_NAMES,
    TOPIC_WEIGHTS,
    Term,
)
from assistant.text.sentences import sentence_starts

__all__ = [
    "COLLABORATION_TOOLS",
    "DATA_PROTECTION",
    "DIGITAL_TOPICS",
    "FEEDBACK",
    "GENERAL",
    "GENERATIVE_AI",
    "HYBRID_WORK",
    "LEARNING_GOALS",
    "SOCIAL_MEDIA",
    "TOPIC_NAMES",
    "Term",
    "detect_topic",
    "find_terms",
    "is_digital",
    "rank_topics",
    "subject_noun",
]


def find_terms(text: str) -> list[tuple[int, Term]]:
    """Lexicon terms in the text with their positions, in order; overlaps resolved (the longest match at a
    position wins), typos in single-word names tolerated.

    >>> [(i, t.en) for i, t in find_terms("set up a password manager, then fixed my powerpiont slides")]
    [(9, 'password managers'), (41, 'PowerPoint'), (52, 'presentations')]
    """
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


def rank_topics(text: str) -> list[str]:
    """The question-bank topics a text is about, best first: each mention counts (learning goals half), ties go
    to the topic named first; ['general'] when none is recognised.

    >>> rank_topics("Ist ChatGPT sicher?"), rank_topics("data privacy when my team uses chatgpt")
    (['generative-ai', 'data-protection'], ['data-protection', 'generative-ai'])
    >>> rank_topics("Feedbackkultur im Team"), rank_topics("What Gen Z actually expects from a manager")
    (['feedback'], ['general'])
    """
    score: dict[str, float] = {}
    first: dict[str, int] = {}
    for position, term in find_terms(text):
        if term.topic:
            score[term.topic] = score.get(term.topic, 0.0) + TOPIC_WEIGHTS.get(term.topic, 1.0)
            first.setdefault(term.topic, position)
    return sorted(score, key=lambda topic: (-score[topic], first[topic])) or [GENERAL]


def detect_topic(text: str) -> str:
    """The question-bank topic a text is most about, or 'general'.

    >>> detect_topic("Wie erkläre ich ChatGPT meiner Chefin?"), detect_topic("LinkedIn profile"), detect_topic("Tee")
    ('generative-ai', 'social-media', 'general')
    """
    return rank_topics(text)[0]


def is_digital(text: str) -> bool:
    """True for texts a hands-on exercise on the senior's own device suits: they name a digital tool, medium,
    device or theme; an everyday word of a digital topic ("sicher", "Büro", "Präsentation") is not enough.

    >>> is_digital("Microsoft Teams Kanäle"), is_digital("Digitale Etikette"), is_digital("Feedback per E-Mail")
    (True, True, True)
    >>> is_digital("Feedbackkultur im Team"), is_digital("Sicher präsentieren"), is_digital("Präsenz im Büro")
    (False, False, False)
    """
    return any(term.digital and not term.generic for _, term in find_terms(text))


def subject_noun(text: str, lang: Lang) -> str | None:
    """The noun a text is about when it names no lexicon term: the words after 'about' (English), else the first
    capitalised noun that is not a sentence start, a stopword or a generic noun ('Sitzung', 'Team').

    >>> subject_noun("Heute ging es in der Sitzung um Gehaltsverhandlungen.", "de")
    'Gehaltsverhandlungen'
    >>> subject_noun("We talked about budget planning today", "en")
    'budget planning'
    """
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
    starts = sentence_starts(text)
    for match in re.finditer(r"(?<![\w-])[A-ZÄÖÜ][\wäöüß-]{3,}", text):
        word = match.group().strip("-")
        if word.lower() not in stop and not any(c.isdigit() for c in word) and match.start() not in starts:
            return word
    return None
