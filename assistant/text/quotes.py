"""Quotations in German and English text: where they are and what they say.

German „…“ (also closed with ” or a typed "), »…«, «…», ›…‹, ‹…› and ‚…‘; English “…”, ‘…’ and the typed
"…" and '…'. Typed quotes count only where they cannot be an inch mark or an apostrophe: the opening mark
follows no letter and precedes no space, the closing one follows no space and precedes no letter; inside
single quotes an apostrophe may stand between letters ('it's'). A quotation never spans a blank line.
Quotations are matched from left to right and the outermost wins: „Er sagte ‚ja‘.“ is one quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Every character that may open or close a quotation, for stripping them off a word or a text.
QUOTE_MARKS = "\"'„“”‚‘’«»‹›"
# The marks that are never an apostrophe: one of them left over means a quotation is cut off.
_DOUBLE_MARKS = '"„“”«»‹›'
_NO_BLANK_LINE = r"(?!\n[ \t]*\n)"


def _pair(opening: str, closing: str, apostrophe: str = "", typed: bool = False) -> str:
    """One kind of quotation: an opening mark, an inside without closing marks or a blank line (an
    apostrophe may stand between letters), a closing mark; typed marks only at the edges of words."""
    char = rf"{_NO_BLANK_LINE}[^{closing}{opening}]"
    if apostrophe:
        char = rf"(?:{char}|(?<=\w){apostrophe}(?=\w))"
    head = rf"(?<![\w{opening}’]){opening}(?=\S)" if typed else opening
    tail = rf"(?<=\S)[{closing}](?!\w)" if typed or apostrophe else f"[{closing}]"
    return rf"{head}(?:{char})+?{tail}"


_PAIRS = (
    _pair("„", '“”"'),
    _pair("“", "”"),
    _pair("»", "«"),
    _pair("«", "»"),
    _pair("›", "‹"),
    _pair("‹", "›"),
    _pair("‚", "‘’", apostrophe="’"),
    _pair("‘", "’", apostrophe="’"),
    _pair('"', '"', typed=True),
    _pair("'", "'", apostrophe="'", typed=True),
)
_QUOTATION = re.compile("|".join(_PAIRS))


@dataclass(frozen=True)
class Quote:
    """A quotation: `start`/`end` span it with its marks, `text` is what is inside (stripped)."""

    start: int
    end: int
    text: str


def find_quotes(text: str, min_length: int = 1) -> list[Quote]:
    """The quotations in a text, in order; those whose inner text is shorter than `min_length` are left out.

    >>> [q.text for q in find_quotes('Sie sagte: „Ist das sicher? Wirklich?“ und »Gut.« Then "Fine," he said.')]
    ['Ist das sicher? Wirklich?', 'Gut.', 'Fine,']
    >>> [q.text for q in find_quotes("„Er sagte ‚ja‘.“ und «Salut» und ‚Okay‘")]
    ['Er sagte ‚ja‘.', 'Salut', 'Okay']
    >>> [q.text for q in find_quotes("My questions are like 'Is it safe?' and 'Isn't it risky?'")]
    ['Is it safe?', "Isn't it risky?"]
    >>> find_quotes("a 15\\" screen, the students' books, don't, it’s ‘fine’")
    [Quote(start=47, end=53, text='fine')]
    >>> [q.text for q in find_quotes('Check: "You never listen." and "Ok."', min_length=6)]
    ['You never listen.']
    """
    found = (Quote(m.start(), m.end(), m.group()[1:-1].strip()) for m in _QUOTATION.finditer(text))
    return [q for q in found if len(q.text) >= max(min_length, 1)]


def inside_quote(quotes: list[Quote], index: int) -> bool:
    """True if `index` lies inside one of the quotations (after its opening and before its closing mark)."""
    return any(q.start < index < q.end - 1 for q in quotes)


def is_balanced(text: str) -> bool:
    """True if every double quotation mark in the text belongs to a whole quotation (none is cut off).

    >>> is_balanced('Sagen Sie: „Danke.“'), is_balanced('Das ist eine 3.“ Weiter so.'), is_balanced("it's")
    (True, False, True)
    """
    rest = _QUOTATION.sub("", text)
    return not any(mark in rest for mark in _DOUBLE_MARKS)
