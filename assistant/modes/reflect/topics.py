"""The reflect mode's words for what a senior's text is about: the tools and themes named, in the reader's
language and the grammatical form the phrasing needs, and the subject in the senior's own words. Detection
(terms, ranked bank topics) is the text toolkit's: `assistant.text.topics`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.catalog import GrowPhase, QuestionBank
from assistant.text.language import ENGLISH_STOPWORDS, Lang, pick
from assistant.text.quotes import QUOTE_MARKS
from assistant.text.sentences import split_sentences
from assistant.text.topics import GENERAL, Term, find_terms, subject_noun

_PERSONAL = frozenset("ich wir mein meine mir mich uns unser i we my me i'm i'd our us".split())
_EN_STOP = frozenset("next tomorrow today please because so - –".split())
_DATIVE_ARTICLE = {"das": "dem ", "der": "dem ", "die": "der "}  # singular: the lexicon names one device


@dataclass(frozen=True)
class Topic:
    """A tool or theme named in the senior's text, in the reader's language."""

    nom: str
    dat: str
    tool: bool


def dative_de(term: Term) -> str:
    """The German name in the dative ('mit Kanälen'): an article turns to dem/der, a plural (its English name
    ends in -s) not ending in -n or -s takes an -n.

    >>> from assistant.text.lexicon import LEXICON
    >>> names = {t.de: dative_de(t) for t in LEXICON if t.de in {"Kanäle", "das Smartphone", "E-Mails", "Excel"}}
    >>> sorted(names.values())
    ['E-Mails', 'Excel', 'Kanälen', 'dem Smartphone']
    """
    name = re.sub(r"^(das|der|die) ", lambda m: _DATIVE_ARTICLE[m[1]], term.de)
    plural = term.en.endswith("s") and not name.endswith(("n", "s"))
    return f"{name}n" if plural else name


def find_topics(text: str, lang: Lang) -> list[Topic]:
    """The tools and themes the senior named, in order of appearance, without repeats; else the noun the text
    is about.

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
            Topic(term.de, dative_de(term), term.kind == "tool")
            if lang == "de"
            else Topic(term.en, term.en, term.kind == "tool")
        )
        if topic.nom not in {t.nom for t in topics}:
            topics.append(topic)
    if not topics:
        word = subject_noun(text, lang)
        if word:
            word = _with_name_parts(text, word)
            topics.append(Topic(word, word, False))
    return topics


def _with_name_parts(text: str, word: str) -> str:
    """A name goes on in the capitalised words or acronyms right after it: 'Power' -> 'Power BI'.

    >>> _with_name_parts("We looked at Power BI today and at Microsoft Dynamics CRM", "Power")
    'Power BI'
    """
    match = re.search(
        rf"(?<![\w-]){re.escape(word)}((?:[ \t]+(?:[A-Z]{{2,}}|[A-Z][a-z]+[A-Z]\w*)\b){{1,2}})", text
    )
    return word + match.group(1) if match else word


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
    text = text.strip(QUOTE_MARKS + " .!?")
    sentences = split_sentences(text)
    first = sentences[0].rstrip(".!?") if sentences else ""
    if len(first) <= 40 and not {w.lower() for w in re.findall(r"[\w']+", first)} & _PERSONAL:
        return first, True
    tail = text.rsplit(": ", 1)[-1] if ": " in text else text
    if len(tail) <= 60 and len(split_sentences(tail)) == 1:
        return tail, True
    named = pick(lang, " und ", " and ").join(t.dat for t in find_topics(context, lang)[:2])
    return (named, False) if named else None


def bank_questions(bank: QuestionBank, topic: str, phase: GrowPhase, lang: Lang) -> list[str]:
    """The bank's questions for a topic and GROW phase, or the general ones when the topic has none."""
    return bank.get(topic, phase, lang) or bank.get(GENERAL, phase, lang)
