"""Feedback mode: the wording rules `check_feedback` applies and the composer follows."""

from __future__ import annotations

import re

from assistant.catalog.banks import FeedbackPhrases
from assistant.text.language import Lang
from assistant.text.questions import is_open_question

# Verbs of doing or saying; a behaviour description needs one of these or a past participle.
_ACTION = {
    "de": re.compile(
        r"\b(?:sag|frag|unterbr|schrieb|schreib|schick|antwort|komm|kam|beginn|begann|verschob|verschieb|"
        r"ging|geh|sprach|sprech|red|schau|las|lies|zeig|tipp|nutz|übernahm|übernehm|lehn|wechsel|beend|"
        r"start|erklär|hör|schwieg|schweig|lach|scroll|verließ|verlass|vergaß|vergess|überzog|überzieh|"
        r"teilt|präsentier|ruf|rief|mach|tat|hatte|nehm|nahm|gab|geb|hielt|ließ|lass|bring|brach|stell|"
        r"erzähl|lad|lud|hilf|half)\w*\b"
        r"|\b(?:ab|an|auf|aus|bei|ein|fest|her|hin|los|mit|nach|vor|weg|weiter|zu|zurück|zusammen|durch|um|"
        r"dazwischen)?ge[a-zäöüß]{2,}(?:t|en)\b|\b[a-zäöüß]+iert\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:say|said|ask|tell|told|writ|wrote|send|sent|spok|speak|talk|interrupt|repl|answer|came|come|"
        r"arriv|start|began|begin|end|cancel|postpon|left|leav|look|check|read|typ|show|present|join|skip|"
        r"miss|took|tak|made|mak|gave|giv|use|open|clos|shar|post|turn|switch|call|mention|ignor|laugh|"
        r"scroll|forward|reject|declin|chang|delet|forgot|forget|walk|stop|cut|spent|spend|went|go|listen|"
        r"hear|heard|watch|had|put|kept|keep|brought|bring|sat|stood|work|reply|replie)\w*\b"
        r"|\b[a-z]{3,}ed\b",
        re.IGNORECASE,
    ),
}
_YOU_ARE = re.compile(
    r"\b(?:you\s+are|you're|you\s+were|sie\s+sind|sie\s+waren|du\s+bist|du\s+warst|ihr\s+seid)\b"
)
_CLAUSE_END = re.compile(r"[,.;:!?–—]|\b(?:and|but|und|aber|weil|because|when|wenn|als)\b", re.IGNORECASE)
_FIRST_PERSON = {
    "de": re.compile(r"\b(?:ich|mir|mich|mein\w*)\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:I|me|my|mine|I'm|I've|I'd|I'll)\b", re.IGNORECASE),
}
_REQUEST = {
    "de": re.compile(
        r"\b(?:bitte|ich\s+(?:möchte|würde|wünsche|bitte)|mir\s+würde\s+es\s+helfen|könnten\s+sie|würden\s+sie|"
        r"kannst\s+du|könntest\s+du|würdest\s+du|lassen\s+sie\s+uns|lass\s+uns|können\s+wir|könnten\s+wir|"
        r"wollen\s+wir|wäre\s+es\s+(?:ok\w*|in\s+ordnung|möglich))\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:please|i\s+would\s+like|i'd\s+like|could\s+you|would\s+you|can\s+you|i\s+ask\s+you|"
        r"it\s+would\s+help\s+me|let's|let\s+us|can\s+we|could\s+we|shall\s+we|would\s+it\s+be)\b",
        re.IGNORECASE,
    ),
}


def normalise(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def evaluative_words(text: str, lang: Lang, phrases: FeedbackPhrases) -> list[str]:
    """The bank's negative evaluations in a text ('nervig', 'annoying'), wherever they stand."""
    if phrases.words is None:
        return []
    return [m.group() for m in phrases.words.negative.regex(lang).finditer(text)]


def has_action(text: str, lang: Lang) -> bool:
    """True if the text has a verb of doing or saying, or a past participle ('gesagt', 'interrupted')."""
    return bool(_ACTION[lang].search(text.replace("’", "'")))


def you_are_statement(text: str) -> str:
    """The 'Sie sind …'/'you are …' clause that says what someone is rather than did, or ''.

    >>> you_are_statement("Sie sind total verplant."), you_are_statement("Sie sind spät gekommen.")
    ('Sie sind total verplant', '')
    """
    plain = text.replace("’", "'")
    for match in _YOU_ARE.finditer(plain.lower()):
        end = _CLAUSE_END.search(plain, match.end())
        clause = plain[match.start() : end.start() if end else len(plain)].strip()
        rest = plain[match.end() : match.start() + len(clause)]
        if not (has_action(rest, "de") or has_action(rest, "en") or re.search(r"\w{3,}ing\b", rest)):
            return clause
    return ""


def behaviour_problems(text: str, lang: Lang, phrases: FeedbackPhrases) -> list[str]:
    """Why a behaviour description is not observable (empty list if it is). A placeholder in square brackets
    is for the user to fill in: it stands for the action, and its words are not checked."""
    plain = re.sub(r"\[[^\]]*\]", " ", text)
    problems = [
        f"it uses the evaluative word '{word}'; describe what happened instead"
        for word in dict.fromkeys(evaluative_words(plain, lang, phrases))
    ]
    clause = you_are_statement(plain)
    if clause:
        problems.append(f"'{clause}' says what the person is, not what they did or said")
    if plain == text and not has_action(text, lang):
        example = "gesagt, geschickt, unterbrochen" if lang == "de" else "said, sent, interrupted"
        problems.append(f"it names no action; say what the person did or said, with a verb such as {example}")
    return problems


def speaks_first_person(text: str, lang: Lang) -> bool:
    """True if the text speaks from the first person ('ich', 'mir', 'mich' / 'I', 'me', 'my')."""
    return bool(_FIRST_PERSON[lang].search(text.replace("’", "'")))


def is_request(text: str, lang: Lang) -> bool:
    """True for an open question or a polite request ('Bitte …', 'Could you …?', 'I would like …')."""
    return is_open_question(text, lang) or bool(_REQUEST[lang].search(text.replace("’", "'")))


def wording_pattern(text: str) -> re.Pattern[str]:
    """Whole-word, case-insensitive pattern for a flagged span, tolerant of spacing and apostrophes."""
    words = [re.escape(w).replace("'", "['’]") for w in normalise(text).split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
