"""The things a note names in the writer's own words, beyond the tools and themes the lexicon knows: German
nouns (capitalised inside a sentence, or the object before a closing participle in a note written all in lower
case), English noun phrases (after my/the/a …, or after 'tried', 'used', 'set up' …). Generic words are left out."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.modes.reflect.anchors import feelings
from assistant.text.language import ENGLISH_STOPWORDS, GERMAN_STOPWORDS, Lang
from assistant.text.lexicon import GENERIC_NOUNS, LEXICON
from assistant.text.sentences import sentence_starts
from assistant.text.topics import find_terms

_DETERMINERS = frozenset("my our the a an her his their this these those your".split())
_BREAK_EN = frozenset(
    """out up off down into onto like via per vs versus myself yourself himself herself itself ourselves
    themselves everyone everything someone something nothing anything""".split()
)
_NOT_NOUNS = frozenset(
    """first second third new old big small whole same other next last difficult good great bad little few many
    most some all any each every one two three really very hour minutes time way lot bit thing things stuff day
    week end start part kind sort couple programme program programm conversation""".split()
)
_QUANTITIES = frozenset("bit lot little few couple number".split())  # "a bit", "a lot of": no thing named
# English verbs of doing something with a thing: "tried otter.ai", "set up a shared calendar".
_DID_EN = re.compile(
    r"\b(?:tried|tested|used|installed|set\s+up|explored|looked\s+at|practi[sc]ed|built|created|learn[te]d?)"
    r"\s+(?:out\s+)?",
    re.IGNORECASE,
)
# A German clause of a lower-case note that ends in a participle: the noun before it is what was done.
_PARTICIPLE_DE = re.compile(
    r"\b(?:\w*ge\w{3,}(?:t|en)|(?:be|ver|er|ent|zer|emp)\w{3,}(?:t|en)|\w{3,}iert)(?=\s*(?:[.,;:!?\n]|$))"
)
_ADVERBS_DE = frozenset(
    """endlich schon heute noch mal nochmal gerade zusammen selbst gemeinsam kurz erst gut richtig echt total
    zum ersten zweimal dreimal wieder sofort direkt""".split()
)
_SUBJECT_EN = re.compile(
    r"(?:^|[\n.;:,(]|\s[-–*•])\s*[-–*•]?\s*([A-Za-z][\w.-]*\w)\s+"
    r"(?:was|is|were|are|kept|worked|crashed|froze|died|broke|looked|seemed|did(?:n't|nt)?|does(?:n't|nt)?|got)\b",
    re.IGNORECASE,
)
MAX_CHARS = 40  # the words quoted in one prompt, together


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _generic(word: str, stop: frozenset[str]) -> bool:
    """A stop word or generic noun, also inflected ('Beispielen', 'Sitzungen')."""
    return word in stop or any(word[: len(word) - n] in stop for n in (1, 2) if len(word) - n >= 5)


def _is_term(part: str) -> bool:
    return any(term.pattern.fullmatch(part) for term in LEXICON)


def _compound_adds(word: str, stop: frozenset[str]) -> bool:
    """A compound of a named tool or theme that says more than the tool: 'Datenschutz-Quiz', not 'Teams-Chats'."""
    if _is_term(word):  # "Teams-Meeting" is one name of the tool
        return False
    rest = [part for part in re.split(r"[-.]", word) if part and not _is_term(part)]
    return bool(rest) and all(len(p) >= 4 and not _generic(p.lower(), stop) for p in rest)


def own_words(text: str, lang: Lang, limit: int = 3) -> list[str]:
    """The things the note names in its own words, in order, at most `limit` and about 40 characters together.

    >>> own_words("Heute haben wir eine Pivot-Tabelle aus der Umsatzliste in Excel gebaut.", "de")
    ['Pivot-Tabelle', 'Umsatzliste']
    >>> own_words("We drafted a reply to a difficult customer complaint with ChatGPT.", "en")
    ['reply', 'customer complaint']
    >>> own_words("hab die firmenvorlage endlich verstanden, dann das datenschutz-quiz gemacht", "de")
    ['firmenvorlage', 'datenschutz-quiz']
    """
    named = [  # a tool or theme is named as such; an everyday word ("slides") stays the writer's own
        (m.start(), m.end())
        for _, t in find_terms(text)
        if t.kind and not t.generic
        for m in t.pattern.finditer(text)
    ]
    asides = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", text)]  # "(Bereichsleiter, 58)"
    stop = GERMAN_STOPWORDS | ENGLISH_STOPWORDS | GENERIC_NOUNS | _NOT_NOUNS
    feeling_words = {word for f in feelings(text, lang, limit=9) for word in f.word.lower().split()}

    def fits(word: str, start: int, end: int) -> bool:
        return (
            len(word) >= 3
            and not _generic(word.lower(), stop)
            and word.lower() not in feeling_words
            and not _inside(start, end, asides)
            and (not _overlaps(start, end, named) or _compound_adds(word, stop))
        )

    found = _german(text, fits) if lang == "de" else _english(text, fits, stop, feeling_words)

    def rank(
        item: tuple[int, str],
    ) -> tuple[bool, int]:  # a compound of a named tool says less than a new word
        start, word = item
        return "-" in word and _overlaps(start, start + len(word), named), start

    words: list[str] = []
    for _, word in sorted(found, key=rank):
        if any(word.lower() in kept.lower() or kept.lower() in word.lower() for kept in words):
            continue
        if words and len(" ".join([*words, word])) > MAX_CHARS:
            break
        words.append(word)
    return words[:limit]


Fits = Callable[[str, int, int], bool]  # is this word, at this span, one of the writer's own?


def _german(text: str, check: Fits) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    starts = sentence_starts(text)
    lower_case = text == text.lower()
    for match in re.finditer(r"(?<![\w-])[A-ZÄÖÜ][\wäöüß]+(?:-[\wäöüß]+)*", text):
        word = match.group()
        if (
            len(word) >= 4
            and match.start() not in starts
            and not re.search(r"(?:Frau|Herr|Herrn)\s+$", text[: match.start()])
            and check(word, match.start(), match.end())
        ):
            found.append((match.start(), word))
    # "Datenschutz-Quiz gemacht", "die vorlage endlich verstanden": the object before a closing participle
    for match in _PARTICIPLE_DE.finditer(text):
        clause = re.split(r"[.,;:!?\n(]", text[: match.start()])[-1]
        offset = match.start() - len(clause)
        for token in reversed(list(re.finditer(r"[\wäöüß-]+", clause))):
            lower = token.group().lower()
            if lower in _ADVERBS_DE or lower in GERMAN_STOPWORDS:
                continue
            noun = lower_case or token.group()[:1].isupper()  # in a capitalised note, nouns have capitals
            start, end = offset + token.start(), offset + token.end()
            if noun and len(lower) >= 5 and check(token.group(), start, end):
                found.append((start, token.group()))
            break
    return found


def _english(text: str, check: Fits, stop: frozenset[str], feeling_words: set[str]) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    tokens = list(re.finditer(r"[A-Za-z][\w'.-]*\w|[A-Za-z]", text))
    for i, token in enumerate(tokens[:-1]):
        lead = i if token.group().lower() in _DETERMINERS else -1
        verb = _DID_EN.match(text, token.start())
        if verb:  # the object starts after the verb ("set up", "tried out")
            lead = max(j for j in range(i, len(tokens)) if tokens[j].end() <= verb.end())
        if lead < 0:
            continue
        phrase = _noun_phrase(text, tokens[lead:], stop | _BREAK_EN, feeling_words)
        words = " ".join(m.group() for m in phrase)
        if phrase and check(words, phrase[0].start(), phrase[-1].end()):
            found.append((phrase[0].start(), words))
    for match in _SUBJECT_EN.finditer(text):  # a note's clause opens with its thing: "- transcript was ok"
        word = match.group(1)
        bare = word.lower()
        plain = bare not in stop | _BREAK_EN and bare not in feeling_words and not bare.endswith("ly")
        if plain and check(word, match.start(1), match.end(1)):
            found.append((match.start(1), word))
    return found


def _noun_phrase(
    text: str, tokens: list[re.Match[str]], stop: frozenset[str], feeling_words: set[str]
) -> list[re.Match[str]]:
    """The noun after tokens[0] (a determiner or a verb of doing): up to three words on, without punctuation
    between them, ended by a function word, a past participle or a feeling; leading adjectives dropped."""
    phrase: list[re.Match[str]] = []
    previous = tokens[0]
    if len(tokens) < 2 or tokens[1].group().lower() in _QUANTITIES:
        return []
    for token in tokens[1:4]:
        word = token.group().lower()
        if word in GENERIC_NOUNS:
            return []  # "my new project team": the head is a generic noun
        if (
            text[previous.end() : token.start()].strip(" -")
            or word in stop - _NOT_NOUNS
            or word in feeling_words
        ):
            break
        if (word.endswith("ed") and len(word) > 4) or "'" in word or (phrase and word.endswith("ing")):
            break
        phrase.append(token)
        previous = token
    while phrase and phrase[0].group().lower() in _NOT_NOUNS:
        phrase.pop(0)
    return phrase[-3:]
