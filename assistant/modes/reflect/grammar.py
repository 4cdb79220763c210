"""The grammar of questions, in German and English: the shared word lists, and a closed question taken apart
(`parse_closed`) into the pieces `reflect_open_de` and `reflect_open_en` rebuild as open questions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text.language import Lang, pick
from assistant.text.quotes import QUOTE_MARKS
from assistant.text.sentences import is_abbreviation

W_WORDS: dict[Lang, frozenset[str]] = {
    "de": frozenset(
        "was wie wer wen wem wessen wo woher wohin warum weshalb wieso weswegen welche welcher welches welchen "
        "welchem wann wozu wofür womit woran worüber wodurch worauf wovon wobei worin woraus wonach worum "
        "inwiefern inwieweit wieviel".split()
    ),
    "en": frozenset("what how which who whom whose when where why".split()),
}
PREPOSITIONS: dict[Lang, frozenset[str]] = {
    "de": frozenset("mit in an auf bei für von über unter aus bis seit nach zu um gegen durch ab".split()),
    "en": frozenset("in on at for with to from by about of under since until".split()),
}
FILLERS: dict[Lang, frozenset[str]] = {
    "de": frozenset("und aber also oder dann denn ja nein okay ok gut na nun so hey hallo kurz noch".split()),
    "en": frozenset("and but so or then okay ok yes no well right now hey hi also".split()),
}
PRONOUNS: dict[Lang, frozenset[str]] = {
    "de": frozenset("ich du er sie es wir ihr man das dies jemand sich".split()),
    "en": frozenset("i you we they it this that these those he she there someone anyone people one".split()),
}
# fmt: off
_VERBS_DE: dict[str, frozenset[str]] = {
    kind: frozenset(words.split())
    for kind, words in {
        "copula": "ist sind war waren wäre wären bist seid bin",
        "ability": "kann kannst können könnt könnte könntest könnten",
        "permission": "darf darfst dürfen dürft dürfte",
        "advice": "muss musst müssen müsste soll sollst sollen sollte solltest sollten",
        "prediction": "wird wirst werden werde würde würdest würden",
        "wish": "will willst wollen möchte möchtest möchten",
        "have": "hast hat habt haben habe hab hatte hattest hatten",
        "exists": "gibt gab",
        "opinion": "findest finden findet glaubst glauben meinst meinen denkst denken stimmt",
        "know": "weißt weisst wisst wissen kennst kennen kennt",
        "need": "brauche brauch brauchst braucht brauchen",
    }.items()
}
_VERBS_EN: dict[str, frozenset[str]] = {
    "copula": frozenset("is are was were am".split()),
    "ability": frozenset("can could may".split()),
    "advice": frozenset("should shall must".split()),
    "prediction": frozenset("will would might".split()),
    "do": frozenset("do does did".split()),
    "have": frozenset("have has had".split()),
}
VERBS: dict[Lang, dict[str, frozenset[str]]] = {"de": _VERBS_DE, "en": _VERBS_EN}
# Every verb a yes/no question may open with, per language.
QUESTION_VERBS: dict[Lang, frozenset[str]] = {
    lang: frozenset(verb for verbs in table.values() for verb in verbs) for lang, table in VERBS.items()
}
_DROP = {  # built-in answers and softeners that an open question does without
    "de": frozenset("nicht überhaupt denn eigentlich vielleicht eventuell bitte".split()),
    "en": frozenset("not maybe perhaps possibly please".split()),
}
SUBORDINATORS: dict[Lang, frozenset[str]] = {
    "de": frozenset("wenn weil obwohl dass ob falls sobald bevor nachdem".split()),
    "en": frozenset("if whether because although unless".split()),
}
_NOT_VERB_DE = PRONOUNS["de"] | PREPOSITIONS["de"] | frozenset(
    """der die das den dem des ein eine einen einem einer mein meine dein deine heute jetzt hier da dort bitte
    danke nur auch schon kein keine nicht ne gell alles klar richtig wirklich echt oft immer so genauso gleich
    anders""".split()
)
# The quotation marks but the two that double as apostrophes ("gibt's", "students'" keep theirs).
_OPENING_CLOSING = QUOTE_MARKS.replace("'", "").replace("’", "")
_SEPARABLE = frozenset("an auf aus ein mit vor zu ab zurück los weiter hin her fest nach vorbei um".split())
ADVERBS = frozenset("schon mal einmal jemals je bereits ever already yet just".split())
ADJECTIVES_DE = frozenset(
    """sicher schwer schwierig kompliziert einfach leicht teuer nützlich hilfreich sinnvoll wichtig riskant
    zuverlässig verlässlich gut schlecht schnell langsam aufwendig aufwändig nötig notwendig produktiv normal üblich
    gefährlich genau realistisch seltsam komisch professionell privat effektiv effizient beliebt verbreitet
    modern aktuell erlaubt okay ok zulässig legal verboten gratis neu alt fertig viel wenig""".split()
)
ADJECTIVES_EN = frozenset(
    """safe secure hard difficult easy complicated useful helpful expensive important risky reliable accurate good
    bad fast slow necessary productive common normal popular effective realistic likely private dangerous weird
    strange professional appropriate allowed ok okay fine legal true free worth""".split()
)
# formal (Sie) or not (du) -> the phrases that address the mentor
ADDRESS: dict[bool, dict[str, str]] = {
    False: {"sicht": "aus deiner Sicht", "siehst": "siehst du", "weisst": "weißt du", "dir": "dir",
            "machst": "machst du", "erzaehlst": "kannst du mir", "schaetzt": "schätzt du", "hast": "hast du",
            "deinem": "deinem"},
    True: {"sicht": "aus Ihrer Sicht", "siehst": "sehen Sie", "weisst": "wissen Sie", "dir": "Ihnen",
           "machst": "machen Sie", "erzaehlst": "können Sie mir", "schaetzt": "schätzen Sie", "hast": "haben Sie",
           "deinem": "Ihrem"},
}
# fmt: on


def bare(word: str) -> str:
    """The word in lower case, without the punctuation and quotes around it."""
    return word.lower().strip(",;:.!?()" + QUOTE_MARKS)


def skip_fillers(words: list[str], lang: Lang) -> list[str]:
    """The words from the first one that is not a filler ('Okay, ...', 'Und ...')."""
    start = 0
    while start < len(words) - 1 and bare(words[start]) in FILLERS[lang]:
        start += 1
    return words[start:]


def plausible_verb_de(words: list[str]) -> bool:
    """A German question that opens with a finite verb: 'Geht das ...', 'brauch ich ...', 'Funktioniert ...'."""
    if len(words) < 2 or bare(words[0]) in _NOT_VERB_DE or words[0].endswith(","):
        return False
    return bare(words[1]) in PRONOUNS["de"] or bare(words[0]).endswith(("t", "st"))


@dataclass
class Closed:
    """A closed question taken apart: its opening verb, the words up to a comma or clause, and the rest."""

    verb: str
    kind: str
    main: list[str]
    tail: list[str]
    lower: bool  # written all in lower case, so capitals say nothing about nouns
    comma: bool = True  # the rest followed a comma (German always sets one before a clause)


def parse_closed(question: str, lang: Lang) -> Closed | None:
    """Take a yes/no question apart; None if it does not open with a verb Tandem knows how to handle."""
    text = re.sub(r"(?i)\bgibt's\b", "gibt es", question.replace("’", "'")).strip().rstrip("?!.… ")
    words: list[str] = []
    for raw in text.split():
        word = raw.strip(_OPENING_CLOSING + "()").lstrip("'")
        abbreviation = is_abbreviation(word) and len(text.split()) > 1
        if word[-1:] in ".:;!?…" and not (abbreviation and word[-1] == "."):  # "z. B.", "e.g." stay
            word = word.rstrip(".:;!?…") + ","
        if bare(word) in _DROP[lang] and words:
            words[-1] += "," if word.endswith(",") and not words[-1].endswith(",") else ""
        elif word.strip(","):
            words.append(word)
    words = skip_fillers(words, lang)
    if len(words) == 1 and bare(words[0]) in (ADJECTIVES_DE if lang == "de" else ADJECTIVES_EN):
        words = [*pick(lang, "ist das", "is this").split(), *words]  # "sicher?" means "Ist das sicher?"
    if len(words) < 2:
        return None
    verb = words[0].lower().rstrip(",")
    if lang == "en":
        verb = {"can't": "can", "won't": "will", "ain't": "is", "shan't": "shall"}.get(verb, verb)
        verb = verb[:-3] if verb.endswith("n't") else verb
    kind = next((k for k, verbs in VERBS[lang].items() if verb in verbs), "")
    if not kind and lang == "de" and plausible_verb_de(words):
        kind = "other"
    if kind == "ability" and verb == "may" and bare(words[1]) not in {"i", "we"}:
        kind = "prediction"  # "May it crash?" predicts; "May I ...?" asks for permission
    if not kind:
        return None
    main: list[str] = []
    tail: list[str] = []
    comma = lang == "de"
    for i, word in enumerate(words[1:]):
        if i > 0 and bare(word) in SUBORDINATORS[lang]:
            tail = words[1 + i :]
            break
        main.append(word.rstrip(","))
        if word.endswith(","):
            tail, comma = words[2 + i :], True
            break
    tail[-1:] = [w.rstrip(",") for w in tail[-1:]]
    return Closed(verb, kind, main, tail, text == text.lower(), comma)


def make_question(*parts: str | list[str]) -> str:
    """Join words into a question: one space, no space before commas, capital first letter, one '?'."""
    words = [w for part in parts for w in ([part] if isinstance(part, str) else part) if w]
    text = re.sub(r"\s+,", ",", " ".join(words)).strip(" ,")
    text = re.sub(r"\bi\b", "I", re.sub(r",+", ",", text))
    return text[:1].upper() + text[1:] + "?"


def tail_words(c: Closed) -> list[str]:
    """The rest of the question, after a comma if it had one."""
    return [",", *c.tail] if c.tail and c.comma else c.tail


def clause_de(c: Closed, drop_adverbs: bool = False) -> list[str]:
    """The question as a subordinate clause, verb last: 'ob ich das für E-Mails nutzen kann'."""
    main = [w for w in c.main if not (drop_adverbs and w.lower() in ADVERBS)]
    verb = c.verb
    if c.kind in ("other", "need", "know", "opinion") and main and main[-1].lower() in _SEPARABLE:
        verb, main = main[-1].lower() + verb, main[:-1]
    return [*main, verb, *tail_words(c)]


def adjective_index(main: list[str], lower: bool, lang: Lang) -> int | None:
    """Index of the predicate adjective in 'das Tool sicher für Kundendaten' (None for 'das ein Problem')."""
    known = ADJECTIVES_DE if lang == "de" else ADJECTIVES_EN
    suffix = (
        r"(ig|lich|bar|sam|isch|los|haft|iv|ell)$" if lang == "de" else r"(ful|ous|able|ible|ive|ic|al|less)$"
    )
    for i, word in enumerate(main):
        adjectival = word.lower() in known or (len(word) > 4 and re.search(suffix, word.lower()))
        if (i or len(main) == 1) and (lang == "en" or lower or not word[:1].isupper()) and adjectival:
            return i
    last = main[-1] if main else ""
    if lang == "de" and len(main) >= 2 and not lower and last.islower() and last not in _NOT_VERB_DE:
        return len(main) - 1
    return None


_NO_APOSTROPHE_EN = re.compile(
    r"\b(is|are|was|were|do|does|did|have|has|had|could|would|should|must|need|ca|wo)nt\b", re.I
)


def mend_contractions(text: str, lang: Lang) -> str:
    """English contractions typed without the apostrophe, mended: 'isnt' -> "isn't", 'cant' -> "can't".

    >>> mend_contractions("wouldnt email be easier? i cant tell", "en")
    "wouldn't email be easier? i can't tell"
    """
    return _NO_APOSTROPHE_EN.sub(lambda m: f"{m.group(1)}n't", text) if lang == "en" else text
