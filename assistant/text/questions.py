"""Questions: is a question open (it opens with a question word, not with a verb), and a key to compare them."""

from __future__ import annotations

import re

from assistant.text.quotes import QUOTE_MARKS
from assistant.text.sentences import split_sentences


def _words(text: str) -> frozenset[str]:
    """Split a whitespace-separated word list into a set."""
    return frozenset(text.split())


# The words an open question opens with. Everything else is closed: a German question that opens with its
# finite verb ("Habe ich …?", "Liegt es …?", "Lohnt sich …?") asks for yes or no, whatever the verb, and so
# does a statement said as a question ("Das ist sicher?").
QUESTION_WORDS: dict[str, frozenset[str]] = {
    "de": _words(
        """was wie wer wen wem wessen wo woher wohin warum wieso weshalb weswegen welche welcher welches welchen
        welchem wann wozu wofür womit woran worüber wodurch worauf wovon wobei worin woraus wonach worum wogegen
        wohinter inwiefern inwieweit wieviel wieviele"""
    ),
    "en": _words("what how which who whom whose when where why"),
}
# A preposition before the question word keeps a question open: "Mit wem …?", "Bis wann …?", "In which …?".
_PREPOSITIONS: dict[str, frozenset[str]] = {
    "de": _words(
        "mit in an auf bei für von über unter aus bis seit nach zu um gegen durch ab vor hinter neben"
    ),
    "en": _words("in on at for with to from by about of under since until after before into"),
}
# A question may open with a clause before its question word: a condition ("Wenn Sie zurückblicken, was …?")
# or an invitation to tell ("Erzählen Sie mal, wie …?", "Tell me, how …?").
_LEAD_INS: dict[str, frozenset[str]] = {
    "de": _words(
        """wenn falls als nachdem bevor sobald angenommen sofern erzähl erzähle erzählen erzählt beschreib
        beschreibe beschreiben schildere schildern sag sage sagen stell stellen überleg überlege überlegen"""
    ),
    "en": _words("if once suppose supposing imagine looking thinking say tell describe explain"),
}
# Fillers and conjunctions skipped before the first real word ("Und was dann?", "So, did it work?").
_SKIPPED = {
    "de": _words("und aber also oder dann denn ja nein okay ok gut na nun so"),
    "en": _words("and but so or then okay ok yes no well right now"),
}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def _opens_with_question_word(clause: str, key: str, lead_in: bool = True) -> bool:
    words = [w.lower() for w in _WORD.findall(clause)]
    while words and words[0] in _SKIPPED[key]:
        words.pop(0)
    if not words:
        return False
    first = words[0]
    if first in QUESTION_WORDS[key]:
        return True
    if first in _PREPOSITIONS[key]:
        return any(word in QUESTION_WORDS[key] for word in words[1:3])  # "Auf welche Weise", "Bis zu welchem"
    if lead_in and first in _LEAD_INS[key] and "," in clause:
        return _opens_with_question_word(clause.split(",", 1)[1], key, lead_in=False)
    return False


def is_open_question(text: str, lang: str) -> bool:
    """True if `text` is a question ending in "?" whose last sentence (or clause after a colon) opens with a
    question word (W-word, wh-word, or a preposition and one), possibly after a leading 'wenn/if' clause.

    >>> is_open_question("Gut gemacht. kannst du mir das zeigen?", "de"), is_open_question("Was z. B. ist gut?", "de")
    (False, True)
    >>> [is_open_question(q, "de") for q in ("Habe ich genug geübt?", "Liegt es an mir?", "Inwiefern hilft das?")]
    [False, False, True]
    >>> is_open_question("My question: is it safe?", "en"), is_open_question("'How did it go?'", "en")
    (False, True)
    >>> is_open_question("If you look back, what stands out?", "en"), is_open_question("Das ist sicher?", "de")
    (True, False)
    """
    key = lang.strip().lower()[:2]
    if key not in QUESTION_WORDS:
        raise ValueError(f"unsupported language {lang!r}; use 'de' or 'en'")
    body = text.replace("’", "'").replace("ʼ", "'").strip().strip(QUOTE_MARKS + " \t\r\n)]").rstrip("!")
    if not body.endswith("?"):
        return False
    sentences = split_sentences(body.rstrip("?! "), clauses=True)  # "Meine Frage: Ist das ...?"
    return bool(sentences) and _opens_with_question_word(sentences[-1], key)


def question_key(text: str) -> str:
    """A question for comparison: lower case, punctuation and spacing folded.

    >>> question_key("  Was hat Sie überrascht? ")
    'was hat sie überrascht'
    """
    return re.sub(r"\W+", " ", text.lower()).strip()
