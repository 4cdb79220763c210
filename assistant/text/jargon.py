"""The jargon lexicon: technical and buzzword terms that leave a senior outside unless they are explained.

Terms are grouped by class (anglicised tool talk, IT shorthand, AI vocabulary, business buzzwords) so the
list stays general: it names the kinds of words the programme's guidance warns about ("sidebar", "ping",
"sync", "prompt", "feed", "OAuth", "zero trust"), not the words of one transcript. A term counts as jargon
only when the same sentence does not explain it ("das heißt", "that means", "nennt man", "in plain words").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text.sentences import sentence_spans

# fmt: off
_TERMS = (
    # tool talk: verbs and nouns borrowed from interfaces
    r"sidebar", r"dropdown\w*", r"drag[- ]and[- ]drop", r"pingen|pingt|ping(?=\s+(?:mich|me|dich|you))",
    r"sync\w*|gesynct\w*", r"upload\w*|uploaden", r"plug-?ins?", r"add-?ons?",
    r"workflows?", r"tool-?stack\w*", r"feeds?", r"taggen|getaggt|tagging", r"direct\s+messages?",
    r"threads?", r"hashtags?", r"engagement\w*", r"impressions",
    r"algorithm(?:us|en|s)?", r"workspaces?", r"tenants?", r"guest\s+access|gastzugriff\w*",
    # IT shorthand
    r"api-?s?|apis", r"oauth\w*", r"zero[- ]trust", r"sso", r"backend\w*|frontend\w*", r"deploy\w*",
    r"repos?|repositor(?:y|ies)", r"saas", r"cache\w*", r"bandbreite|bandwidth", r"latenz|latency",
    r"encryption", r"end-?to-?end", r"mfa|2fa", r"vpn", r"cookies?", r"metadaten|metadata",
    # AI vocabulary
    r"prompt\w*", r"llms?", r"tokens?", r"halluzin\w*|hallucinat\w*", r"fine-?tun\w*", r"rag",
    r"trainingsdaten|training\s+data", r"parameters?|parameter", r"gpts?", r"copilot-?lizenz\w*",
    r"transformer\w*", r"embedding\w*", r"context\s+window|kontextfenster",
    # business buzzwords
    r"synerg\w*", r"leverag\w*", r"onboarding", r"use[- ]?cases?", r"best\s+practices?", r"roadmaps?",
    r"deep[- ]dive\w*", r"quick[- ]wins?", r"low[- ]hanging\s+fruits?", r"stakeholder\w*", r"kpis?",
    r"scrum\w*|sprints?|agil\w*|agile", r"disrupt\w*", r"game[- ]?changer\w*", r"mindset\w*",
    r"touchpoints?", r"scalab\w*|skalier\w*", r"deliverables?", r"bandwidth",
)
# fmt: on
JARGON = re.compile(rf"(?<![\w-])(?:{'|'.join(_TERMS)})(?![\w-])", re.IGNORECASE)
# An explanation in the same sentence makes a term plain language: the speaker translated it.
EXPLAINED = re.compile(
    r"\b(?:das\s+heißt|d\.\s?h\.|also\s+ein\w*|gemeint\s+ist|bedeutet|nennt\s+man|heißt\s+so\s+viel|"
    r"mit\s+anderen\s+worten|einfach\s+gesagt|auf\s+deutsch|sozusagen|"
    r"that\s+means|which\s+means|means|is\s+called|are\s+called|in\s+other\s+words|put\s+simply|"
    r"in\s+plain\s+(?:words|english)|i\.\s?e\.|basically\s+a|that\s+is,)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class JargonUse:
    """An unexplained jargon term: the term as written and the sentence it stands in (both verbatim)."""

    term: str
    sentence: str


def find_jargon(text: str) -> list[JargonUse]:
    """Unexplained jargon terms in the text, in order, each with its sentence.

    >>> [j.term for j in find_jargon("Ping me, then sync the cloud folder via the sidebar.")]
    ['Ping', 'sync', 'sidebar']
    >>> find_jargon("Ein Prompt, das heißt die Bitte, die Sie eintippen.")
    []
    >>> [j.term for j in find_jargon("Wir machen einen Deep Dive in die Use Cases.")]
    ['Deep Dive', 'Use Cases']
    """
    found: list[JargonUse] = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if EXPLAINED.search(sentence):
            continue
        found += [JargonUse(m.group(), sentence) for m in JARGON.finditer(sentence)]
    return found


def has_explanation(text: str) -> bool:
    """True if the text explains a term in plain words ("das heißt", "that means", "nennt man").

    >>> has_explanation("Das Tool erfindet manchmal Fakten; das nennt man Halluzinieren."), has_explanation("Ok.")
    (True, False)
    """
    return EXPLAINED.search(text) is not None
