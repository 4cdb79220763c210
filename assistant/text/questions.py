"""Questions: is a question open (no yes/no opener), and a key to compare questions."""

from __future__ import annotations

import re

from assistant.text.quotes import QUOTE_MARKS
from assistant.text.sentences import split_sentences


def _words(text: str) -> frozenset[str]:
    """Split a whitespace-separated word list into a set."""
    return frozenset(text.split())


_CLOSED_OPENERS: dict[str, frozenset[str]] = {
    "de": _words(
        """ist sind hast hat haben kannst kann können könnten würden würdest wirst wird werden bist gibt
        gab war waren darf dürfen soll sollte sollten möchten möchtest willst wollen muss müssen habt seid
        tust tun machst macht bin warst wart hatte hattest hatten hättest hätte hätten wäre wärst wären
        könnte könntest konnte konntest konnten würde wurde wurden will wollt wolltest wollte wollten musst
        musste musstest mussten darfst dürftest dürfte sollst solltest sollen möchte magst mag mögen gibt's
        tut mache weißt wisst wissen kennst kennen findest finden glaubst glauben meinst meinen denkst denken
        verstehst verstehen siehst sehen brauchst brauchen nutzt nutzen hilft klappt klappte funktioniert
        passt geht gehst läuft stimmt stimmt's richtig gell ne nicht alles klar"""
    ),
    "en": _words(
        """is are was were do does did have has had can could will would should shall may might must am
        isn't aren't don't doesn't didn't wasn't weren't haven't hasn't hadn't can't couldn't won't wouldn't
        shouldn't shan't mightn't mustn't needn't ain't need correct true really agreed"""
    ),
}
# Fillers and conjunctions skipped before the first real word ("Und was dann?", "So, did it work?").
_SKIPPED = {
    "de": _words("und aber also oder dann denn ja nein okay ok gut na nun so"),
    "en": _words("and but so or then okay ok yes no well right now"),
}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def is_open_question(text: str, lang: str) -> bool:
    """True if `text` is a question ending in "?" whose last sentence (or clause after a colon) does not open
    with a yes/no word.

    >>> is_open_question("Gut gemacht. kannst du mir das zeigen?", "de"), is_open_question("Was z. B. ist gut?", "de")
    (False, True)
    >>> is_open_question("My question: is it safe?", "en"), is_open_question("'How did it go?'", "en")
    (False, True)
    """
    key = lang.strip().lower()[:2]
    if key not in _CLOSED_OPENERS:
        raise ValueError(f"unsupported language {lang!r}; use 'de' or 'en'")
    body = text.replace("’", "'").replace("ʼ", "'").strip().strip(QUOTE_MARKS + " \t\r\n)]").rstrip("!")
    if not body.endswith("?"):
        return False
    sentences = split_sentences(body.rstrip("?! "), clauses=True)  # "Meine Frage: Ist das ...?"
    last = sentences[-1] if sentences else ""
    words = [w.lower() for w in _WORD.findall(last)]
    first = next((w for w in words if w not in _SKIPPED[key]), None)
    return first is not None and first not in _CLOSED_OPENERS[key]


def question_key(text: str) -> str:
    """A question for comparison: lower case, punctuation and spacing folded.

    >>> question_key("  Was hat Sie überrascht? ")
    'was hat sie überrascht'
    """
    return re.sub(r"\W+", " ", text.lower()).strip()
