"""Tell German from English, the two languages Tandem speaks: function words first, then lingua.

One detector decides the answer language of every mode and the language centering of every embedding
vector (queries and every ingested chunk). Its accuracy on short user messages is measured on
`evals/datasets/language/messages.jsonl` (see `assistant.evaluation.language`).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

Lang = Literal["de", "en"]
LANGS: tuple[Lang, ...] = ("de", "en")

_WORD = re.compile(r"[^\W\d_]+")  # runs of letters in any script, umlauts included
_GERMAN_LETTERS = re.compile(r"[äöüß]", re.IGNORECASE)

GERMAN_STOPWORDS = frozenset(
    (
        "der die das den dem des ein eine einen einem einer eines und oder aber nicht kein keine ist sind "
        "war waren wird werden wurde hat haben hatte ich du er sie es wir ihr mich mir dich dir sich uns "
        "euch mein meine dein deine sein seine unser euer wie was wer wo warum wieso weshalb welche "
        "welcher welches wann mit von zu zum zur bei für auf aus nach über unter vor durch auch noch "
        "schon nur sehr kann können soll sollte muss müssen darf will möchte ich's gibt man wenn dass "
        "damit ob als im ins am vom beim diese dieser dieses jetzt hier dort bitte danke gut mehr viel "
        "wieder immer nie oft gerne habe bin"
    ).split()
)
ENGLISH_STOPWORDS = frozenset(
    (
        "the a an and or but not no is are was were will would be been being has have had i you he she it "
        "we they me him her us them my your his its our their what who where why which when how with from "
        "to of at by for on in into about over under before after through also still only very can could "
        "should must may might shall do does did there this that these those here please thanks good more "
        "much again always never often if than as so just get make"
    ).split()
)


# Words that are a function word in one language and an everyday word in the other ("in", "an", "am",
# "so", "also", "was", "will", "man", "hat", "bin", "war"): they are no evidence of a sentence's grammar.
_SHARED_WORDS = frozenset("in an am so also was will man hat bin war".split())
GERMAN_FUNCTION_WORDS = GERMAN_STOPWORDS - _SHARED_WORDS
ENGLISH_FUNCTION_WORDS = ENGLISH_STOPWORDS - _SHARED_WORDS

# lingua must be at least this sure (|P(de) - P(en)|) to decide; tuned on the dev split of
# evals/datasets/language/messages.jsonl (0.1-0.4 tie on clear items, 0.4 is best with the ambiguous ones).
CONFIDENCE_MARGIN = 0.4


@cache
def _lingua() -> LanguageDetector:
    """German/English lingua detector, built once on first use (its models load lazily, about 1 s)."""
    return LanguageDetectorBuilder.from_languages(Language.GERMAN, Language.ENGLISH).build()


def grammar_votes(text: str) -> tuple[int, int]:
    """German and English function words in a text (articles, pronouns, prepositions, auxiliaries).

    >>> grammar_votes("Wie mache ich ein Meeting hybrid?"), grammar_votes("is Datenschutz a blocker here?")
    ((3, 0), (0, 3))
    """
    words = [w.lower() for w in _WORD.findall(text)]
    return sum(w in GERMAN_FUNCTION_WORDS for w in words), sum(w in ENGLISH_FUNCTION_WORDS for w in words)


def german_confidence(text: str) -> float:
    """lingua's probability (0..1) that a text is German rather than English."""
    return _lingua().compute_language_confidence(text, Language.GERMAN)


def detect_language(text: str, default: Lang = "en") -> Lang:
    """Return "de" or "en" for a text; `default` when the evidence is too weak to tell.

    The rule, in order (the first that decides wins):
    1. No letters at all (emoji, numbers, punctuation): `default`.
    2. Grammar: the language with more function words wins. A mixed message is in the language of its
       sentence frame, so English loan words in a German sentence keep it German and vice versa.
    3. No function words, or as many of each (single words, noun phrases, tool names): lingua's
       confidence decides when it is clear, i.e. |P(de) - P(en)| >= CONFIDENCE_MARGIN.
    4. Still undecided: a letter only German has (ä, ö, ü, ß) means German.
    5. Otherwise `default` (a bare acronym or loan word such as "Meeting" carries no language).

    >>> detect_language("Wie mache ich ein Meeting hybrid?"), detect_language("How do I prepare a session?")
    ('de', 'en')
    >>> detect_language("Datenschutz"), detect_language("Homeoffice Regeln"), detect_language("Privacy")
    ('de', 'de', 'en')
    >>> detect_language("👍", default="de"), detect_language("14:30", default="en")
    ('de', 'en')
    """
    if not _WORD.search(text):
        return default
    german, english = grammar_votes(text)
    if german != english:
        return "de" if german > english else "en"
    share = german_confidence(text)
    if abs(2 * share - 1) >= CONFIDENCE_MARGIN:
        return "de" if share > 0.5 else "en"
    if _GERMAN_LETTERS.search(text):
        return "de"
    return default


def pick(lang: Lang, de: str, en: str) -> str:
    """Choose the German or English wording."""
    return de if lang == "de" else en


def doc_stem(doc_id: str) -> str:
    """A document id without its language suffix: translation twins share it.

    >>> doc_stem("feedback-upwards.en"), doc_stem("notes")
    ('feedback-upwards', 'notes')
    """
    base, _, suffix = doc_id.rpartition(".")
    return base if base and suffix in LANGS else doc_id
