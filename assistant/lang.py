"""Tell German from English: the two languages Tandem speaks. Deterministic and dependency-free."""

from __future__ import annotations

import re
from typing import Literal

Lang = Literal["de", "en"]
LANGS: tuple[Lang, ...] = ("de", "en")

_WORD = re.compile(r"[a-zäöüß]+", re.IGNORECASE)

GERMAN_STOPWORDS = frozenset(
    """der die das den dem des ein eine einen einem einer eines und oder aber nicht kein keine ist sind war
    waren wird werden wurde hat haben hatte ich du er sie es wir ihr mich mir dich dir sich uns euch mein
    meine dein deine sein seine unser euer wie was wer wo warum wieso weshalb welche welcher welches wann
    mit von zu zum zur bei für auf aus nach über unter vor durch auch noch schon nur sehr kann können
    soll sollte muss müssen darf will möchte ich's gibt man wenn dass damit ob als im ins am vom beim
    diese dieser dieses jetzt hier dort bitte danke gut mehr viel wieder immer nie oft gerne habe bin""".split()
)
ENGLISH_STOPWORDS = frozenset(
    """the a an and or but not no is are was were will would be been being has have had i you he she it
    we they me him her us them my your his its our their what who where why which when how with from to
    of at by for on in into about over under before after through also still only very can could should
    must may might shall do does did there this that these those here please thanks good more much again
    always never often if than as so just get make""".split()
)


def detect_language(text: str, default: Lang = "en") -> Lang:
    """Return "de" or "en" for a text, falling back to `default` when there is no evidence.

    >>> detect_language("Wie bereite ich die erste Sitzung vor?")
    'de'
    >>> detect_language("How do I prepare the first session?")
    'en'
    >>> detect_language("SBI", default="de")
    'de'
    """
    words = [w.lower() for w in _WORD.findall(text)]
    de = sum(w in GERMAN_STOPWORDS for w in words) + 2 * sum(any(c in w for c in "äöüß") for w in words)
    en = sum(w in ENGLISH_STOPWORDS for w in words)
    if de == en:
        return default
    return "de" if de > en else "en"


def pick(lang: Lang, de: str, en: str) -> str:
    """Choose the German or English wording."""
    return de if lang == "de" else en
