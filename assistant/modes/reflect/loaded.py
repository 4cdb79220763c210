"""Closed questions with a built-in answer, opened up without it: a judgement ('Would that be weird?', 'Ist das
respektlos?'), a judgement of oneself ('Am I too old for this?', 'Bin ich zu langsam dafür?') or a search for
blame ('Liegt es an mir, dass …?'). An open version asks what lies behind, not whether the judgement holds."""

from __future__ import annotations

import re

from assistant.modes.reflect.grammar import ADDRESS, Closed, bare, make_question
from assistant.text.language import Lang

# Adjectives that judge how something comes across: the open question asks how it would come across.
JUDGING: dict[Lang, frozenset[str]] = {
    "de": frozenset(
        """komisch seltsam merkwürdig peinlich unprofessionell respektlos unhöflich albern kindisch lächerlich
        unangemessen übergriffig aufdringlich daneben""".split()
    ),
    "en": frozenset(
        """weird strange odd embarrassing awkward cringe cringy cringey unprofessional rude disrespectful childish
        silly ridiculous inappropriate pushy creepy""".split()
    ),
}
# An age or generation put into a question is an assumption the open version does without.
_AGE = {
    "de": re.compile(
        r"\s*\b(?:in\s+meinem\s+alter|für\s+(?:jemanden|leute|menschen)\s+(?:in\s+)?meine[nms]?\s+alters?|"
        r"für\s+mein\s+alter|(?:in|für)\s+meine[r]?\s+generation)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\s*\b(?:for\s+(?:someone|somebody|people|a\s+person)\s+(?:of\s+)?my\s+age|at\s+my\s+age|"
        r"(?:for|in)\s+my\s+generation)\b",
        re.IGNORECASE,
    ),
}
_SELF = {"de": frozenset({"ich", "man"}), "en": frozenset({"i"})}
_TOO = {"de": "zu", "en": "too"}


def loaded_alternatives(c: Closed, lang: Lang, formal: bool) -> list[str]:
    """Open alternatives for a closed question with a built-in answer, or [] if it has none.

    >>> c = Closed("am", "copula", ["i", "too", "old", "for", "this"], [], True, False)
    >>> loaded_alternatives(c, "en", False)[0]
    'What would make this easier for me to learn?'
    >>> c = Closed("liegt", "other", ["es", "an", "mir"], ["dass", "wir", "langsam", "sind"], False)
    >>> loaded_alternatives(c, "de", False)
    ['Woran liegt es, dass wir langsam sind?', 'Was trägt dazu bei, dass wir langsam sind?']
    """
    a = ADDRESS[formal]
    words = [bare(w) for w in [*c.main, *c.tail]]
    if lang == "de" and c.verb == "liegt" and words[:1] == ["es"] and c.tail and bare(c.tail[0]) == "dass":
        return [make_question("Woran liegt es,", c.tail), make_question("Was trägt dazu bei,", c.tail)]
    subject = words[0] if words else ""
    if c.kind == "copula" and subject in _SELF[lang] and _TOO[lang] in words[1:3]:  # "Bin ich zu alt dafür?"
        if lang == "de":
            return [
                "Was würde mir helfen, das leichter zu lernen?",
                f"Was hilft {a['dir']}, wenn etwas Neues schwerfällt?",
            ]
        return [
            "What would make this easier for me to learn?",
            "What helps you when something new feels hard?",
        ]
    if any(word in JUDGING[lang] for word in words):
        if lang == "de":
            return [
                f"Wie würde das {a['sicht']} auf andere wirken?",
                "Was würde dafür sorgen, dass das gut ankommt?",
            ]
        who = words[: words.index("find")] if "find" in words[1:] else []
        people = " ".join(who) if who and who[0] not in {"it", "that", "this", "you"} else "people"
        return [f"How do you think {people} would react to that?", "What would make it come across well?"]
    return []


def without_age(question: str, lang: Lang) -> str:
    """The question without an age or generation put into it.

    >>> without_age("isn't that a bit much for someone my age?", "en")
    "isn't that a bit much?"
    """
    return _AGE[lang].sub("", question)
