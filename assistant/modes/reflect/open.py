"""Questions in a text for the open-up kind: find them, tell open from closed, and offer open alternatives."""

from __future__ import annotations

import re

from assistant.modes.reflect.grammar import (
    ADDRESS,
    PREPOSITIONS,
    PRONOUNS,
    QUESTION_VERBS,
    SUBORDINATORS,
    W_WORDS,
    bare,
    mend_contractions,
    parse_closed,
    plausible_verb_de,
    skip_fillers,
)
from assistant.modes.reflect.loaded import loaded_alternatives, without_age
from assistant.modes.reflect.open_de import open_de
from assistant.modes.reflect.open_en import open_en
from assistant.text.language import Lang, pick
from assistant.text.questions import is_open_question, question_key
from assistant.text.quotes import QUOTE_MARKS, find_quotes
from assistant.text.sentences import split_sentences

MAX_QUESTIONS = 6
_LIST_MARKER = re.compile(r"^\s*(?:[-*–]|\d+[.)])\s*")


def is_w_question(text: str, lang: Lang) -> bool:
    """True if the question opens with a W-/wh-word (or a preposition and one: 'Mit wem ...', 'In which ...').

    >>> is_w_question("Wie sicher ist das?", "de"), is_w_question("Ist das sicher?", "de")
    (True, False)
    >>> is_w_question("And in which cases would you use it?", "en")
    True
    """
    words = [bare(w).split("'")[0] for w in skip_fillers(text.split(), lang)]
    if not words:
        return False
    return words[0] in W_WORDS[lang] or (
        len(words) > 1 and words[0] in PREPOSITIONS[lang] and words[1] in W_WORDS[lang]
    )


def _question_start(part: str, lang: Lang) -> str | None:
    """The question inside a sentence ('Meine Frage ist: Ist das sicher?'), or None if there is none."""
    words = part.split()
    openers = W_WORDS[lang] | QUESTION_VERBS[lang]
    lead = skip_fillers(words, lang)
    first = _verb_of(bare(lead[0])) if lead else ""
    if first in openers or (lang == "de" and plausible_verb_de(lead)):
        return " ".join(lead)
    for i in range(1, len(words)):
        prev = words[i - 1]
        cue = prev[-1:] in ":,–-" or bare(prev) in {"like", "wie", "etwa", "zb", "eg", "as"}
        if bare(words[i]) in openers and (words[i][:1].isupper() or cue):
            return " ".join(words[i:])
    return part if part.endswith("?") else None


def _verb_of(word: str) -> str:
    """The verb of an English contraction ("isn't" -> 'is', "won't" -> 'will'); other words as they are."""
    return {"can't": "can", "won't": "will"}.get(word, word.removesuffix("n't"))


def _split_run_on(part: str, lang: Lang) -> list[str]:
    """'ist das sicher hast du das schon mal gemacht' -> two questions (a verb and a pronoun start one)."""
    words = part.split()
    verbs = QUESTION_VERBS[lang]
    cuts = [0]
    for i in range(2, len(words) - 1):
        prev = bare(words[i - 1])
        if (
            bare(words[i]) in verbs
            and bare(words[i + 1]) in PRONOUNS[lang]
            and prev not in W_WORDS[lang]
            and prev not in SUBORDINATORS[lang]
            and prev not in {"to", "zu", "dass", "that", "ob"}
        ):
            cuts.append(i)
    pieces = [words[a:b] for a, b in zip(cuts, [*cuts[1:], len(words)], strict=True)]
    return [" ".join(p[:-1] if bare(p[-1]) in {"und", "oder", "and", "or"} else p) for p in pieces if p]


def split_questions(text: str, lang: Lang) -> list[str]:
    """The questions in a text: quoted ones if any, else each '?'-ended part or line, run-ons split.

    >>> split_questions("Ist das sicher? Can I use it?? hast du das schon mal gemacht", "de")
    ['Ist das sicher?', 'Can I use it?', 'hast du das schon mal gemacht?']
    >>> split_questions("My questions are always like 'Is ChatGPT safe?' and 'Should I use it?'", "en")
    ['Is ChatGPT safe?', 'Should I use it?']
    """
    text = mend_contractions(text, lang)
    found = [quote.text for quote in find_quotes(text) if quote.text.endswith("?")]
    if not found:
        for line in re.split(r"[\n•]+", text):
            sentences = [_LIST_MARKER.sub("", s) for s in split_sentences(line, clauses=True)]
            for index, part in enumerate(sentences):
                asked = part.endswith("?")
                if not asked and index < len(sentences) - 1:
                    continue  # a statement: only a line's last sentence may be a question without its "?"
                start = _question_start(re.sub(r"\?+$", "?", part), lang) if part else None
                if start:
                    found += [start] if asked else _split_run_on(start, lang)
    questions: dict[str, str] = {}
    for question in found:
        question = " ".join(question.split()).strip(" -–")
        if re.search(r"\w", question):
            question = question.rstrip("?!. ") + "?"
            questions.setdefault(question_key(question), question)
    return list(questions.values())[:MAX_QUESTIONS]


def _quoted_alternatives(question: str, lang: Lang, formal: bool) -> list[str]:
    """For questions no rule understands: invite an answer about the question itself."""
    core = re.sub(rf"[.:;!?…{QUOTE_MARKS}]+", "", question).strip()
    a = ADDRESS[formal]
    if lang == "de":
        return [f"Was {a['erzaehlst']} zu „{core}“ erzählen?", f"Wie {a['siehst']} die Frage „{core}“?"]
    return [f"What can you tell me about '{core}'?", f"How do you see the question '{core}'?"]


def open_alternatives(questions: list[str], lang: Lang) -> dict[str, list[str]]:
    """For each question: open alternatives (variants that go deeper, if it already is open).

    >>> open_alternatives(["Ist das sicher?"], "de")["Ist das sicher?"][:3]
    ['Was macht das sicher?', 'Wie sicher ist das aus deiner Sicht?', 'Welche Risiken siehst du dabei?']
    >>> open_alternatives(["Can I use this for my emails?"], "en")["Can I use this for my emails?"][:2]
    ['How could I use this for my emails?', 'What would I need to use this for my emails?']
    """
    formal = lang == "de" and any(
        w.strip(",") in {"Sie", "Ihnen", "Ihr", "Ihre", "Ihrem", "Ihren", "Ihrer"}
        for q in questions
        for w in q.split()[1:]
    )
    a = ADDRESS[formal]
    result: dict[str, list[str]] = {}
    for question in questions:
        key = question_key(question)
        if is_w_question(question, lang):
            core = question.rstrip("?!. ")
            core = core[:1].upper() + core[1:]
            options = pick(
                lang,
                f"{core}, und woran {a['machst']} das fest?|{core}, zum Beispiel in {a['deinem']} Arbeitsalltag?",
                f"{core}, and what makes you say that?|{core}, for example in your day-to-day work?",
            ).split("|")
        else:
            parsed = parse_closed(without_age(question, lang), lang)
            options = loaded_alternatives(parsed, lang, formal) if parsed else []
            if parsed and not options:
                options = open_de(parsed, formal) if lang == "de" else open_en(parsed)
        unique = list(
            dict.fromkeys(o for o in options if is_open_question(o, lang) and question_key(o) != key)
        )
        result[question] = (
            unique if len(unique) >= 2 else [*unique, *_quoted_alternatives(question, lang, formal)]
        )
    return result
