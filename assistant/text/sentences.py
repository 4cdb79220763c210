"""Sentences in German and English text: one splitter and one abbreviation list for the whole project.

The rule: a sentence ends at ".", "!", "?" or "…" (with any closing quotation marks or brackets after it)
followed by white space and a word, except
- a period after an abbreviation ("z. B.", "bzw.", "e.g."), a single letter or a number ("am 3. Tag"),
  unless the abbreviation can close a sentence (a number, "etc.", "usw.") and a capitalised article or
  pronoun follows ("in Sitzung 4. Die Führungskraft …": no ordinal is followed by "Die");
- inside a quotation: „Ist das sicher? Wirklich?“ is one quotation, whatever it contains;
- after a closing quotation mark when a lower-case word follows: the quotation is part of the sentence
  ('"Is it safe?" she asked.').
With `line_breaks=True` a line break also ends a sentence (chat messages, lists); with `clauses=True` so does
a colon or semicolon before white space (the question after "Meine Frage:").
"""

from __future__ import annotations

import re
from itertools import pairwise

from assistant.text.language import ENGLISH_FUNCTION_WORDS, GERMAN_FUNCTION_WORDS
from assistant.text.quotes import QUOTE_MARKS, find_quotes, inside_quote

# Abbreviations that end in a period, lower case, without the final period. Single letters ("S. 3"), letters
# with periods ("z. B.", "z.B.", "e.g.") and numbers ("am 3. Tag") are covered by rule, so they are not listed.
ABBREVIATIONS = frozenset(
    """bzw ca etc usw vgl evtl ggf inkl insb bspw sog zzgl abs nr dr prof st jh mio mrd vs mr mrs ms no approx
    incl abb kap tab bd hrsg anm fig pp vol eds resp""".split()
)
# Abbreviations that often close a sentence (a list's "etc.", an ordinal or a plain number at the end).
_CLOSING_ABBREVIATIONS = frozenset({"etc", "usw"})
# Capitalised, these words open a sentence: no abbreviation or ordinal is followed by them. The polite "Sie"
# and its forms, and the English "I", are capitalised anywhere, so they say nothing.
_OPENERS = (GERMAN_FUNCTION_WORDS | ENGLISH_FUNCTION_WORDS) - {"sie", "ihr", "ihre", "ihnen", "i"}
_NEXT_WORD = re.compile(r"[^\W\d_]+")
_CLOSING = "\"“”'’»«‹›)]"
_BOUNDARY = re.compile(
    rf"[.!?…]+(?P<closing>[{re.escape(_CLOSING)}]*)\s+(?=[{re.escape(QUOTE_MARKS)}(\[]*\w)"
)
_WORD_BEFORE = re.compile(r"[\w.]+$")
_LETTER = re.compile(r"[^\W\d_]")


def is_abbreviation(word: str) -> bool:
    """True for a word whose final period ends no sentence: a listed abbreviation, a single letter, letters
    with periods, or a number (an ordinal).

    >>> [is_abbreviation(w) for w in ("bzw.", "z.B.", "B.", "e.g.", "3.", "usw", "Tag.", "gut.")]
    [True, True, True, True, True, True, False, False]
    """
    token = word.lower().strip(".")
    return (
        token in ABBREVIATIONS
        or len(token) == 1
        or token.isdigit()
        or bool(re.fullmatch(r"(?:\w\.)+\w", token))
    )


def _opens_sentence(text: str, at: int) -> bool:
    """The next word is a capitalised article, pronoun or conjunction ("Die", "The", "Wir")."""
    word = _NEXT_WORD.search(text, at)
    return bool(word) and word.group()[0].isupper() and word.group().lower() in _OPENERS  # type: ignore[union-attr]


def _ends_sentence(text: str, match: re.Match[str], start: int) -> bool:
    if text[match.start()] == "." and not match.group("closing"):
        found = _WORD_BEFORE.search(text, start, match.start())
        word = found.group() if found else ""
        token = word.lower().strip(".")
        can_close = token.isdigit() or token in _CLOSING_ABBREVIATIONS
        if is_abbreviation(word) and not (can_close and _opens_sentence(text, match.end())):
            return False
    if match.group("closing").strip(")]"):  # after a quotation, a lower-case word goes on with the sentence
        letter = _LETTER.search(text, match.end())
        return not (letter and letter.group().islower())
    return True


def sentence_spans(text: str, *, line_breaks: bool = False, clauses: bool = False) -> list[tuple[int, int]]:
    """(start, end) of every sentence in the text, without surrounding white space.

    >>> text = "Gut. Weiter?"
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Gut.', 'Weiter?']
    """
    quotes = find_quotes(text)
    cuts = [0]
    for match in _BOUNDARY.finditer(text):
        if match.start() < cuts[-1]:
            continue
        if _ends_sentence(text, match, cuts[-1]) and not inside_quote(quotes, match.end()):
            cuts.append(match.end())
    if line_breaks:
        cuts += [m.end() for m in re.finditer(r"\n", text)]
    if clauses:
        cuts += [m.end() for m in re.finditer(r"[:;]+\s+", text) if not inside_quote(quotes, m.end())]
    spans = []
    for start, end in pairwise([*sorted(set(cuts)), len(text)]):
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
    return spans


def split_sentences(text: str, *, line_breaks: bool = False, clauses: bool = False) -> list[str]:
    """The sentences of a text, in order.

    >>> split_sentences("First one. Second one! Third? yes")
    ['First one.', 'Second one!', 'Third?', 'yes']
    >>> split_sentences("Verhalten bzw. Wirkung, z. B. am 3. Tag. Dann „Gut.“ Weiter.")
    ['Verhalten bzw. Wirkung, z. B. am 3. Tag.', 'Dann „Gut.“', 'Weiter.']
    >>> split_sentences("Use a tool, e.g. Teams, i.e. a chat. Dr. Weber agrees. Ok.")
    ['Use a tool, e.g. Teams, i.e. a chat.', 'Dr. Weber agrees.', 'Ok.']
    >>> split_sentences("Das gilt u. a. in Kap. 3. Die Übung dauert ca. 20 Minuten, d. h. kurz. Tools, Apps usw. Wir")
    ['Das gilt u. a. in Kap. 3.', 'Die Übung dauert ca. 20 Minuten, d. h. kurz.', 'Tools, Apps usw.', 'Wir']
    >>> split_sentences('Offene Varianten, z.B. für „Ist das sicher? Wirklich?“. Das ist offen.')
    ['Offene Varianten, z.B. für „Ist das sicher? Wirklich?“.', 'Das ist offen.']
    >>> split_sentences('"Is it safe?" she asked. »Ja. Sicher.« Dann "Wow!" Gut. "Wozu?" (what for) works.')
    ['"Is it safe?" she asked.', '»Ja. Sicher.«', 'Dann "Wow!"', 'Gut.', '"Wozu?" (what for) works.']
    >>> split_sentences("Klar. ist das sicher? Liste\\n- erstens\\n- zweitens", line_breaks=True)
    ['Klar.', 'ist das sicher?', 'Liste', '- erstens', '- zweitens']
    >>> split_sentences("Meine Frage: Ist das sicher? Und „wozu: das?“", clauses=True)
    ['Meine Frage:', 'Ist das sicher?', 'Und „wozu: das?“']
    """
    spans = sentence_spans(text, line_breaks=line_breaks, clauses=clauses)
    return [text[start:end] for start, end in spans]


def count_sentences(text: str) -> int:
    """How many sentences a text has.

    >>> count_sentences("Offene Varianten, z. B. für „Ist das sicher? Wirklich?“. Das ist schon offen.")
    2
    """
    return len(sentence_spans(text))


def sentence_starts(text: str) -> frozenset[int]:
    """Where the first word of each sentence or line begins (after quotation marks, brackets and list
    markers): in German, a capital letter there says nothing about a noun.

    >>> text = "Heute: Wir haben über „Datenschutz“ und Teams gesprochen. (Dann) Pause.\\n- Zweitens"
    >>> sorted(text[i : i + 4] for i in sentence_starts(text))
    ['Dann', 'Heut', 'Zwei']
    """
    found = set()
    for start, _ in sentence_spans(text, line_breaks=True):
        letter = _LETTER.search(text, start)
        if letter and not text[start : letter.start()].strip(QUOTE_MARKS + "([-–*•0123456789.) \t"):
            found.add(letter.start())
    return frozenset(found)
