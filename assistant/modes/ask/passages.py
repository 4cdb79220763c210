"""What an offline answer is built from: the paragraphs, lists, tables and whole sentences of a passage.

A passage (Markdown) is read as units: paragraphs (wrapped lines joined), list items (an indented line goes
on with the item), and tables. A list and the paragraph that introduces it ("… covers seven points:") form
one block: shown together or not at all. Sentences come from the one splitter (`assistant.text.sentences`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.rag.keyword import tokenize
from assistant.text.language import Lang
from assistant.text.quotes import is_balanced
from assistant.text.sentences import split_sentences

_MARKUP = re.compile(r"^\s*(?:[-*+>]|\d+[.)])\s+|\*\*|__|`")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_ENDS = re.compile(r"[.!?…][\"'“”’»«)\]]*$")
MIN_CHARS = 25
NEAR_DUPLICATE = 0.8  # share of the shorter sentence's words found in the longer one


@dataclass(frozen=True)
class Unit:
    """A paragraph, a list item or a table of a passage, and the block it belongs to."""

    text: str
    kind: str  # "paragraph", "item" or "table"
    block: int


def passage_units(text: str) -> list[Unit]:
    """Paragraphs, list items and tables of a passage; headings and code fences dropped. Consecutive items
    are one block, with the paragraph right before them when it ends in a colon.

    >>> text = "# T\\nIt has\\ntwo parts:\\n- one\\n  wrapped\\n- two\\nAfter.\\n\\n| a |"
    >>> [(u.text, u.kind, u.block) for u in passage_units(text)]  # doctest: +NORMALIZE_WHITESPACE
    [('It has two parts:', 'paragraph', 0), ('- one wrapped', 'item', 0), ('- two', 'item', 0),
     ('After.', 'paragraph', 1), ('| a |', 'table', 2)]
    """
    rows: list[tuple[list[str], str]] = []
    current: list[str] | None = None
    for line in text.splitlines():
        stripped = line.strip()
        kind = "table" if stripped.startswith("|") else "item" if _LIST_ITEM.match(line) else "paragraph"
        if not stripped or stripped.startswith(("#", "```", "~~~")):
            current = None
            continue
        before = rows[-1][1] if rows and current is not None else ""
        goes_on = (kind == before and kind != "item") or (
            kind == "paragraph" and before == "item" and line[:1].isspace()  # an indented line goes on
        )
        if goes_on and current is not None:
            current.append(stripped)
        else:
            current = [stripped]
            rows.append((current, kind))
    units: list[Unit] = []
    block = -1
    for lines, kind in rows:
        joined = "\n".join(lines) if kind == "table" else " ".join(lines)
        last = units[-1] if units else None
        joins = (
            last is not None
            and kind == "item"
            and (last.kind == "item" or (last.kind == "paragraph" and last.text.endswith(":")))
        )
        block = block if joins else block + 1
        units.append(Unit(joined, kind, block))
    return units


def clean_sentence(text: str) -> str:
    """Drop list markers and emphasis so a sentence reads on its own.

    >>> clean_sentence("- **Situation:** when and where")
    'Situation: when and where'
    """
    return " ".join(_MARKUP.sub("", text).split())


def reads_alone(sentence: str) -> bool:
    """A whole sentence that stands on its own: long enough, starting with a capital, a digit or a quotation
    mark, ending in . ! ? or …, its quotations closed (so not the colon that introduces a list).

    >>> [reads_alone(s) for s in ('Sagen Sie: „Danke für die Offenheit.“', 'Das ist eine 3.“ Weiter so.',
    ...                           "Useful examples for a session:", "and then the senior shares the screen.",
    ...                           "Agenda with times (in the invitation or printed)")]
    [True, False, False, False, False]
    """
    return opens_like_a_sentence(sentence) and bool(_ENDS.search(sentence))


def opens_like_a_sentence(text: str) -> bool:
    """Long enough, a capital or a digit first, its quotations closed."""
    letter = re.search(r"\w", text)
    return (
        len(text) >= MIN_CHARS
        and letter is not None
        and (letter.group().isupper() or letter.group().isdigit())
        and is_balanced(text)
    )


def unit_sentences(unit: Unit) -> list[str]:
    """The whole sentences of a paragraph or list item, cleaned of markup (a table has none)."""
    if unit.kind == "table":
        return []
    cleaned = (clean_sentence(sentence) for sentence in split_sentences(unit.text))
    return [sentence for sentence in cleaned if reads_alone(sentence)]


def list_intro(unit: Unit) -> str:
    """The sentence of a paragraph that introduces the list after it ("… covers seven points:"), or ""."""
    if unit.kind != "paragraph" or not unit.text.endswith(":"):
        return ""
    last = clean_sentence(split_sentences(unit.text)[-1])
    return last if opens_like_a_sentence(last) else ""


def whole_item(unit: Unit) -> str:
    """A list item as a whole (it may be a phrase), cleaned of markup; "" when it is cut off."""
    item = clean_sentence(unit.text)
    return item if unit.kind == "item" and item and is_balanced(item) else ""


def passage_sentences(text: str) -> list[str]:
    """The whole sentences of a passage, in order, cleaned of markup."""
    return [sentence for unit in passage_units(text) for sentence in unit_sentences(unit)]


def _words(sentence: str) -> set[str]:
    return set(re.findall(r"\w+", sentence.lower()))


def is_repeat(sentence: str, kept: Sequence[str]) -> bool:
    """The same sentence, or one that mostly repeats a kept one (overlapping chunks, near-duplicates).

    >>> is_repeat("Ask for permission first.", ["Always ask for permission first, then wait."])
    True
    >>> is_repeat("Ask open questions.", ["Ask for permission first."])
    False
    """
    words = _words(sentence)
    for other in kept:
        small, large = sorted((words, _words(other)), key=len)
        if small and len(small & large) / len(small) >= NEAR_DUPLICATE:
            return True
    return False


def shares_content(sentence: str, lang: Lang, terms: set[str]) -> bool:
    """True when the sentence has one of the question's content words (stems without stop words; a longer
    stem inside a compound counts: "Reflexion" in "Abschlussreflexion").

    >>> from assistant.rag.keyword import query_terms
    >>> terms = {t for group in query_terms("Wie lange dauert die Reflexion?") for t in group}
    >>> shares_content("Die Abschlussreflexion wird nie gekürzt.", "de", terms)
    True
    >>> shares_content("Sagen Sie danke.", "de", terms)
    False
    """
    return any(
        word in terms or any(len(t) >= 5 and t in word for t in terms) for word in tokenize(sentence, lang)
    )
