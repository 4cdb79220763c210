"""What a coach takes up from a note written after a session, in the writer's own words: the feelings named,
the plan for next time, the words put in quotation marks, and the things the note names (its own nouns).
Everything here is general: word lists of feelings and intensifiers, never the words of one note."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.text.language import ENGLISH_STOPWORDS, GERMAN_STOPWORDS, Lang
from assistant.text.quotes import find_quotes
from assistant.text.sentences import split_sentences


@dataclass(frozen=True)
class Feeling:
    """A feeling the writer named: the adjective a question can use, whether it is unpleasant, and how a question
    says it: personally ('Sie waren nervös'), impersonally ('es war Ihnen peinlich') or as fun ('Spaß')."""

    word: str
    unpleasant: bool
    form: Literal["personal", "impersonal", "fun"] = "personal"


# fmt: off
# Common emotion words of either language: (regex, the adjective for a question, unpleasant). An adjective keeps
# the writer's own word (""); a noun or a word about the situation ("Stress", "nervig") is named as the feeling.
_FEELINGS: dict[Lang, tuple[tuple[str, str, bool], ...]] = {
    "de": (
        (r"nervös|unsicher|verunsichert|ungeduldig|gestresst|genervt|gereizt|gekränkt|verletzt|schuldig|frustriert|"
         r"überfordert|enttäuscht|verwirrt|traurig|wehmütig|verärgert|wütend|hilflos|ratlos|gelangweilt|ängstlich|"
         r"besorgt|müde|erschöpft|unwohl|angespannt|verkrampft|gehemmt", "", True),
        (r"nervosität", "nervös", True), (r"ungeduld", "ungeduldig", True), (r"stress\w*", "gestresst", True),
        (r"nervig", "genervt", True), (r"schlechte\w*\s+gewissen", "schuldig", True),
        (r"frustrierend|frust\w*", "frustriert", True), (r"überforderung", "überfordert", True),
        (r"enttäuschung|enttäuschend", "enttäuscht", True), (r"verwirrung|verwirrend", "verwirrt", True),
        (r"wehmut", "wehmütig", True), (r"ärgerlich|wut|ärger", "verärgert", True),
        (r"langweilig", "gelangweilt", True), (r"angst|sorgen", "besorgt", True),
        (r"überrascht|stolz|erleichtert|nachdenklich|neugierig|begeistert|zufrieden|motiviert|froh|glücklich|"
         r"dankbar|entspannt|sicherer|beeindruckt|inspiriert", "", False),
        (r"überraschung|überraschend", "überrascht", False), (r"erleichterung", "erleichtert", False),
        (r"neugier", "neugierig", False), (r"begeisterung", "begeistert", False),
    ),
    "en": (
        (r"nervous|anxious|uneasy|unsure|uncertain|insecure|impatient|stressed|annoyed|irritated|hurt|guilty|"
         r"frustrated|overwhelmed|disappointed|confused|sad|upset|angry|furious|helpless|bored|worried|afraid|"
         r"scared|tired|exhausted|embarrassed|ashamed|awkward|uncomfortable|clumsy|shocked|tense", "", True),
        (r"impatience", "impatient", True), (r"stress(?:ful)?", "stressed", True),
        (r"annoying|irritating", "annoyed", True), (r"stung", "hurt", True), (r"guilt", "guilty", True),
        (r"frustrating|frustration", "frustrated", True), (r"overwhelming", "overwhelmed", True),
        (r"disappointing|disappointment", "disappointed", True), (r"confusing|confusion", "confused", True),
        (r"boring", "bored", True), (r"embarrassing|embarrassment", "embarrassed", True),
        (r"shocking", "shocked", True),
        (r"surprised|proud|relieved|thoughtful|curious|excited|enthusiastic|inspired|impressed|happy|glad|"
         r"grateful|pleased|satisfied|motivated|relaxed", "", False),
        (r"surprising|surprise", "surprised", False), (r"relief", "relieved", False),
    ),
}
_IMPERSONAL_DE = r"peinlich|unangenehm"
_FUN = {"de": (r"spaß|lustig|witzig|gelacht|lachen|amüsant", "Spaß"), "en": (r"fun|funny|laugh\w*|amus\w*", "fun")}
# Words that judge oneself rather than name a feeling: a coach takes up the feeling behind them.
_SELF_JUDGEMENT = {"de": ("dumm|blöd|doof|alt|nutzlos|langsam", "unwohl"),
                   "en": ("dumb|stupid|silly|old|useless|slow", "uncomfortable")}
_INTENSIFIERS = {
    "de": "etwas|ein bisschen|ein bißchen|ziemlich|sehr|total|richtig|echt|ganz|so|eher|leicht|irgendwie|extrem|völlig",
    "en": "a bit|a little|kind of|kinda|sort of|really|very|so|quite|rather|pretty|totally|a lot|super",
}
_FELT = {  # "ich habe mich … gefühlt", "felt … X": the word after the intensifiers is the feeling
    "de": r"(?:mich|mir)\s+(?:(?:{i})\s+)*(\w+)\s+(?:gefühlt|vorgekommen)|fühlte?\s+mich\s+(?:(?:{i})\s+)*(\w+)",
    "en": r"(?:felt|feel|feeling)\s+(?:(?:{i})\s+)*(\w+(?:\s+(?:off|out|down|up))?)",
}
_NEGATION = {"de": r"(?:nicht|kein\w*|nie)\s+(?:(?:{i})\s+)*$", "en": r"(?:not|never|n't)\s+(?:(?:{i})\s+)*$"}
# fmt: on


def _pattern(regex: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{regex})(?!\w)", re.IGNORECASE)


_LEXICON = {lang: [(_pattern(r), form, bad) for r, form, bad in table] for lang, table in _FEELINGS.items()}


def feelings(text: str, lang: Lang, limit: int = 2) -> list[Feeling]:
    """The feelings the text names, in its order, as adjectives a question can use; negated ones are left out,
    a self-judgement ('felt stupid') becomes the feeling behind it.

    >>> [f.word for f in feelings("Ich war nervös, später erleichtert. Nicht stolz drauf.", "de")]
    ['nervös', 'erleichtert']
    >>> [f.word for f in feelings("felt a bit thrown off, then I felt kinda dumb", "en")]
    ['thrown off', 'uncomfortable']
    """
    intens = _INTENSIFIERS[lang]
    negation = re.compile(_NEGATION[lang].format(i=intens), re.IGNORECASE)
    found: list[tuple[int, Feeling]] = []
    for pattern, form, bad in _LEXICON[lang]:
        for match in pattern.finditer(text):
            if not negation.search(text[: match.start()]):
                found.append((match.start(), Feeling(form or match.group().lower(), bad)))
    if lang == "de":
        for match in _pattern(_IMPERSONAL_DE).finditer(text):
            if not negation.search(text[: match.start()]):
                found.append((match.start(), Feeling(match.group().lower(), True, "impersonal")))
    fun, word = _FUN[lang]
    found += [(m.start(), Feeling(word, False, "fun")) for m in _pattern(fun).finditer(text)]
    judged, instead = _SELF_JUDGEMENT[lang]
    for match in re.finditer(_FELT[lang].format(i=intens), text, re.IGNORECASE):
        felt = (match.group(1) or match.group(match.lastindex or 1)).lower()
        if re.fullmatch(judged, felt):
            found.append((match.start(), Feeling(instead, True)))
        elif felt not in GERMAN_STOPWORDS | ENGLISH_STOPWORDS and not any(
            match.start() <= pos <= match.end() for pos, _ in found
        ):
            found.append(
                (match.start(), Feeling(felt, felt not in {"good", "great", "gut", "wohl", "better"}))
            )
    words: dict[str, Feeling] = {}
    for _, feeling in sorted(found, key=lambda item: item[0]):
        words.setdefault(feeling.word, feeling)
    return list(words.values())[:limit]


# --- the plan for next time ------------------------------------------------------------------------------------
_PLAN_LABEL = re.compile(
    r"^(?:plan|next|next\s+steps?|next\s+time|to[- ]?do|nächstes\s+mal|beim\s+nächsten\s+mal|nächster\s+schritt|"
    r"vorhaben)\s*:\s*(.+)",
    re.IGNORECASE,
)
_PLAN = {
    "de": re.compile(
        r"\b(?:ich\s+(?:will|möchte|werde)|(?:will|möchte|werde)\s+ich|habe\s+mir\s+vorgenommen|nehme\s+mir\s+vor)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:i\s+)?(?:want|plan|need|am\s+going|'m\s+going)\s+to\s+|\bgonna\s+|\bi(?:'ll|\s+will)\s+",
        re.IGNORECASE,
    ),
}
MAX_PLAN_WORDS = 12
_LOWER_FIRST = GERMAN_STOPWORDS | frozenset(
    "nächste nächsten nächstes bis dann morgen ab gleich heute bald".split()
)


def plan(text: str, lang: Lang) -> str | None:
    """The writer's plan for next time in their words, as an infinitive phrase (at most 12 words), if any.

    >>> plan("Gut gelaufen. Nächste Woche will ich den Bericht damit erstellen.", "de")
    'nächste Woche den Bericht damit erstellen'
    >>> plan("Nice session.\\nPlan: mute the noisy channels", "en"), plan("I want to try it on my report", "en")
    ('mute the noisy channels', 'try it on my report')
    """
    for sentence in split_sentences(text, line_breaks=True):
        core = sentence.strip(" -–*•").rstrip(".!…")
        labelled = _PLAN_LABEL.match(core)
        if labelled:
            phrase = labelled.group(1)
        else:
            match = _PLAN[lang].search(core)
            if not match:
                continue
            if lang == "en":
                phrase = core[match.end() :]
            else:
                phrase = f"{core[: match.start()]} {core[match.end() :]}"
                phrase = re.sub(r"\b(?:dann|auch|also)\b\s*", "", phrase, flags=re.IGNORECASE)
        words = phrase.replace(",", " ").split()
        if 1 < len(words) <= MAX_PLAN_WORDS:
            first = words[0]
            if first.lower() in _LOWER_FIRST or (lang == "en" and not first.isupper()):
                first = first[:1].lower() + first[1:]  # sentence case, but a German noun keeps its capital
            return " ".join([first, *words[1:]])
    return None


def quotations(text: str, limit: int = 1) -> list[str]:
    """Short quotations (one to five words) in the note: words the writer or someone else used.

    >>> quotations("I slipped into 'you always...' twice.")
    ['you always...']
    """
    quotes = [q.text.strip() for q in find_quotes(text) if 1 <= len(q.text.split()) <= 5]
    return list(dict.fromkeys(quotes))[:limit]
