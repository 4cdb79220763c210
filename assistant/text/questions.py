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
        wohinter wovor worunter inwiefern inwieweit wieviel wieviele"""
    ),
    "en": _words("what how which who whom whose when where why"),
}
# A preposition before the question word keeps a question open: "Mit wem …?", "Bis wann …?", "In which …?".
# A phrase that opens with one, ended by a comma, is a lead-in: "Im Rückblick, was …?", "On a scale of 1 to 10,
# how …?".
_PREPOSITIONS: dict[str, frozenset[str]] = {
    "de": _words(
        """mit in an auf bei für von über unter aus bis seit nach zu um gegen durch ab vor hinter neben im am zum
        zur beim vom ins ans"""
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
# What separates the options of a list after a colon ("…: Begeisterung, Sorge oder Schweigen?").
_CHOICE_SEPARATOR = {"de": r",|\boder\b|\bund\b|/", "en": r",|\bor\b|\band\b|/"}


def _base(word: str) -> str:
    """A word without its contracted ending: "what's" -> "what", "how're" -> "how", "wie's" -> "wie"."""
    return word.split("'", 1)[0]


def _opens_with_question_word(clause: str, key: str, lead_in: bool = True) -> bool:
    """True if the clause opens with a question word, a preposition and one, or a lead-in and then one."""
    words = [_base(w.lower()) for w in _WORD.findall(clause)]
    while words and words[0] in _SKIPPED[key]:
        words.pop(0)
    if not words:
        return False
    first = words[0]
    if first in QUESTION_WORDS[key]:
        return True
    if first in _PREPOSITIONS[key] and any(word in QUESTION_WORDS[key] for word in words[1:3]):
        return True  # "Auf welche Weise", "Bis zu welchem"
    if not lead_in or "," not in clause:
        return False
    head, rest = clause.split(",", 1)
    # A lead-in before the comma: a condition or an invitation to tell, a phrase that opens with a preposition,
    # or a single word (a label or an adverb: "Ankommen, was …?", "Honestly, what …?").
    head_words = [w.lower() for w in _WORD.findall(head)]
    while head_words and head_words[0] in _SKIPPED[key]:
        head_words.pop(0)
    if first in _LEAD_INS[key] or first in _PREPOSITIONS[key] or len(head_words) <= 1:
        return _opens_with_question_word(rest, key, lead_in=False)
    return False


def _is_choice_list(clause: str, key: str) -> bool:
    """True if the clause lists options ("Familie, Politik oder anderes"), each item a few words long."""
    items = [item for item in re.split(_CHOICE_SEPARATOR[key], clause) if item.strip()]
    return len(items) >= 2 and all(len(_WORD.findall(item)) <= 4 for item in items)


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
    if not sentences:
        return False
    if _opens_with_question_word(sentences[-1], key):
        return True
    # Options after a colon belong to the question before it: "Was ist für Sie tabu: Familie, Politik, anderes?"
    return (
        len(sentences) > 1
        and _is_choice_list(sentences[-1], key)
        and _opens_with_question_word(sentences[-2], key)
    )


def question_key(text: str) -> str:
    """A question for comparison: lower case, punctuation and spacing folded.

    >>> question_key("  Was hat Sie überrascht? ")
    'was hat sie überrascht'
    """
    return re.sub(r"\W+", " ", text.lower()).strip()
