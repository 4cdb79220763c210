"""What a trainee's turn does, by linguistic class: questions (open, closed, checking back), listening back
(paraphrase, summary), empathy, plain language; jargon, lecturing, interrupting, judging; the parts of
feedback (situation, I-statement, impact); and requests to step out of the role-play.

Every behaviour carries a quote: the sentence (or the turn's opening) it was found in, verbatim, so the
debrief can cite it as evidence. Judgemental wording comes from the feedback mode's rules, handed in by the
container as a `Judge` (a mode never imports another mode).
"""

from __future__ import annotations

__all__ = ["KINDS", "Behaviour", "Judge", "Kind", "detect", "kinds"]

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.catalog.practice import KINDS, Kind
from assistant.text.jargon import find_jargon, has_explanation
from assistant.text.language import Lang
from assistant.text.questions import is_open_question
from assistant.text.sentences import sentence_spans

# A turn longer than this without a question is a monologue.
LECTURE_WORDS = 70
LECTURE_SENTENCES = 5

Judge = Callable[[str, Lang], list[tuple[int, int]]]
"""Spans of judgemental wording about the other person in a text (the feedback mode's flags)."""


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


_NEGATED = re.compile(r"\b(?:nicht|kein\w*|not|don't|do\s+not|n't)\b", re.IGNORECASE)
# fmt: off
_PATTERNS: dict[Kind, dict[Lang, re.Pattern[str]]] = {
    "listening": {
        "de": _rx(r"wenn\s+ich\s+sie\s+richtig\s+verstehe", r"wenn\s+ich\s+dich\s+richtig\s+verstehe",
                  r"sie\s+(?:meinen|sagen)\s+also", r"du\s+(?:meinst|sagst)\s+also", r"ich\s+höre\s+(?:da\s+)?heraus",
                  r"sie\s+haben\s+(?:gerade\s+)?gesagt", r"du\s+hast\s+(?:gerade\s+)?gesagt", r"für\s+sie\s+ist\s+also",
                  r"ihnen\s+geht\s+es\s+(?:also\s+)?(?:darum|um)", r"es\s+klingt,?\s+als\s+ob", r"sie\s+sorgen\s+sich"),
        "en": _rx(r"if\s+i\s+understand\s+you\s+(?:correctly|right)", r"so\s+you(?:'re|\s+are)\s+saying",
                  r"what\s+i(?:'m|\s+am)\s+hearing", r"it\s+sounds\s+(?:like|as\s+if)\s+you", r"you\s+said",
                  r"so\s+for\s+you", r"you(?:'re|\s+are)\s+worried", r"so\s+what\s+matters\s+to\s+you",
                  r"you\s+mean\s+that"),
    },
    "summary": {
        "de": _rx(r"zusammengefasst", r"(?:fasse|fassen)\s+(?:ich|wir)\s+\w*\s*zusammen", r"kurz\s+zusammenfassen",
                  r"lassen\s+sie\s+mich\s+zusammenfassen", r"bisher\s+haben\s+wir"),
        "en": _rx(r"to\s+sum\s+up", r"to\s+summari[sz]e", r"let\s+me\s+summari[sz]e", r"in\s+summary", r"recap",
                  r"so\s+far\s+we(?:'ve|\s+have)"),
    },
    "empathy": {
        "de": _rx(r"ich\s+verstehe", r"verständlich", r"nachvollziehbar", r"das\s+klingt",
                  r"kann\s+ich\s+mir\s+vorstellen",
                  r"das\s+muss\s+\w+\s+(?:sein|gewesen)", r"tut\s+mir\s+leid", r"danke\s+für\s+ihre\s+offenheit",
                  r"danke,?\s+dass\s+sie", r"ihre\s+sorge\s+ist", r"das\s+ist\s+eine\s+berechtigte"),
        "en": _rx(r"i\s+understand", r"understandable", r"that\s+sounds", r"i\s+can\s+imagine",
                  r"(?:that|this|it)\s+must\s+be\s+\w+",
                  r"must\s+have\s+been", r"i(?:'m|\s+am)\s+sorry",
                  r"thank\s+you\s+for\s+(?:being|telling|sharing|your\s+honesty)",
                  r"thanks\s+for\s+(?:telling|sharing|being)", r"makes\s+sense",
                  r"that(?:'s|\s+is)\s+a\s+fair\s+(?:point|concern)"),
    },
    "check_back": {
        "de": _rx(r"richtig\s+verstanden", r"stimmt\s+das", r"trifft\s+das\s+zu", r"sehe\s+ich\s+das\s+richtig",
                  r"passt\s+das\s+(?:so|für\s+sie)", r"ist\s+das\s+so\s+richtig", r"liege\s+ich\s+(?:da\s+)?richtig"),
        "en": _rx(r"did\s+i\s+get\s+that\s+right", r"is\s+that\s+right", r"am\s+i\s+right",
                  r"does\s+that\s+make\s+sense",
                  r"did\s+i\s+understand", r"is\s+that\s+correct", r"have\s+i\s+got\s+that", r"is\s+that\s+fair"),
    },
    "interruption": {
        "de": re.compile(r"^\W*(?:moment|stopp?|halt|warten\s+sie|ja,?\s+aber|nein,?\s+nein|lassen\s+sie\s+mich\s+"
                         r"(?:kurz\s+)?(?:unterbrechen|ausreden)|ich\s+unterbreche)\b",
                         re.IGNORECASE),
        "en": re.compile(r"^\W*(?:hold\s+on|hang\s+on|wait|stop|yes,?\s+but|no,?\s+no|let\s+me\s+stop\s+you|"
                         r"let\s+me\s+cut\s+in)\b",
                         re.IGNORECASE),
    },
    "situation": {
        "de": _rx(r"(?:in|bei|während)\s+(?:der|dem|unserer|unserem|ihrer|ihrem|den)\s+(?:letzten\s+)?"
                  r"(?:sitzung|besprechung|meeting|termin|sitzungen|terminen|livestream|präsentation)\w*",
                  r"gestern", r"letzte\s+woche", r"letzten\s+\w+tag", r"als\s+sie"),
        "en": _rx(r"(?:in|at|during)\s+(?:the|our|your|yesterday's|last\s+week's)\s+(?:last\s+)?"
                  r"(?:meeting|session|call|livestream|presentation)s?", r"yesterday", r"last\s+week",
                  r"on\s+\w+day", r"when\s+you"),
    },
    "i_statement": {
        "de": _rx(r"ich\s+(?:habe\s+(?:gemerkt|beobachtet|gesehen|erlebt)|hatte\s+den\s+eindruck|fühlte\s+mich|war|"
                  r"merke|wünsche\s+mir|würde\s+mir)", r"mir\s+(?:ist|fiel)\s+aufgefallen", r"bei\s+mir"),
        "en": _rx(r"i\s+(?:noticed|saw|observed|felt|feel|was|would\s+like|wish)", r"for\s+me", r"my\s+impression"),
    },
    "impact": {
        "de": _rx(r"(?:das|es)\s+hat\s+(?:bei\s+mir|dazu\s+geführt|mich|zur\s+folge)", r"die\s+folge", r"dadurch",
                  r"das\s+führte", r"die\s+wirkung", r"deshalb\s+konnte"),
        "en": _rx(r"(?:that|this|it)\s+(?:made|meant|led|left)", r"as\s+a\s+result", r"the\s+effect",
                  r"which\s+meant", r"the\s+impact"),
    },
    "out_of_character": {
        "de": _rx(r"aus\s+(?:der|deiner|ihrer)\s+rolle",
                  r"(?:zeig|nenn|verrat|sag)\w*\s+(?:sie\s+)?(?:mir\s+)?(?:mal\s+)?(?:die|deine|ihre|eure)\s+"
                  r"(?:bewertung|kriterien|rubrik|anweisung|instruktion|vorgaben|versteckt|verborgen|geheim|"
                  r"systemprompt)\w*",
                  r"ignorier\w*\s+(?:sie\s+)?(?:alle|deine|ihre|die)\s+(?:vorherigen\s+)?anweisung\w*",
                  r"(?:du|sie)\s+(?:bist|sind)\s+(?:doch\s+)?(?:nur\s+)?(?:eine?\s+)?(?:ki|bot|sprachmodell|chatbot)",
                  r"wie\s+werde\s+ich\s+bewertet", r"rollenspiel\s+beenden",
                  r"(?:versteckte|verborgene|geheime)\w*\s+(?:sorge|anliegen)\w*",
                  r"außerhalb\s+(?:der|dieser)\s+(?:übung|rolle)"),
        "en": _rx(r"out\s+of\s+character", r"step\s+out\s+of\s+(?:the|your)\s+role",
                  r"(?:show|tell|reveal|give)\s+me\s+(?:the|your)\s+"
                  r"(?:rubric|criteria|instructions|prompt|hidden|system|scoring)\w*",
                  r"ignore\s+(?:all|your|the|previous)\s+(?:previous\s+)?instructions",
                  r"you(?:'re|\s+are)\s+(?:just\s+)?an?\s+(?:ai|bot|language\s+model|chatbot)",
                  r"how\s+(?:am\s+i|i(?:'m|\s+am))\s+(?:being\s+)?(?:scored|graded|assessed|rated)",
                  r"(?:end|stop)\s+the\s+role-?play", r"(?:hidden|secret)\s+(?:concerns?|worr(?:y|ies))",
                  r"the\s+exercise\s+is\s+over"),
    },
}
# fmt: on
# Asking leave to interrupt ("Darf ich kurz unterbrechen?", "Sorry to interrupt, may I ...") is no interruption:
# the interruption patterns above only match cutting in.
_EXAMPLE = {
    "de": _rx(
        r"zum\s+beispiel", r"z\.\s?b\.", r"stellen\s+sie\s+sich\s+vor", r"wie\s+ein\w*", r"so\s+ähnlich\s+wie"
    ),
    "en": _rx(
        r"for\s+example", r"for\s+instance", r"e\.\s?g\.", r"imagine", r"just\s+like", r"a\s+bit\s+like"
    ),
}
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Behaviour:
    """One behaviour found in a turn: its kind, the verbatim quote it rests on, and a detail (a jargon term)."""

    kind: Kind
    quote: str
    detail: str = ""


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def detect(text: str, lang: Lang, judge: Judge | None = None) -> list[Behaviour]:
    """Every behaviour in a trainee's turn, in a stable order (one per kind and sentence)."""
    found: list[Behaviour] = []
    sentences = _sentences(text) or [text.strip()]
    for sentence in sentences:
        found += _sentence_behaviours(sentence, lang)
    opening = _PATTERNS["interruption"][lang].match(text.strip())
    if opening:
        found.append(Behaviour("interruption", sentences[0]))
    jargon = find_jargon(text)
    found += [Behaviour("jargon", j.sentence, j.term) for j in jargon]
    if not jargon and (has_explanation(text) or _EXAMPLE[lang].search(text)):
        found.append(Behaviour("plain_language", _first_match_sentence(sentences, lang)))
    if "?" not in text and (len(_WORD.findall(text)) > LECTURE_WORDS or len(sentences) > LECTURE_SENTENCES):
        found.append(Behaviour("lecture", sentences[0]))
    if judge is not None:
        for start, end in judge(text, lang):
            found.append(Behaviour("judgement", _sentence_at(text, start), text[start:end]))
    return _unique(found)


def _sentence_behaviours(sentence: str, lang: Lang) -> list[Behaviour]:
    """The behaviours one sentence shows on its own."""
    found: list[Behaviour] = []
    for kind in ("listening", "summary", "empathy", "situation", "i_statement", "impact", "out_of_character"):
        match = _PATTERNS[kind][lang].search(sentence)
        if match and not (kind in ("empathy", "listening") and _negated_after(sentence, match.end())):
            found.append(Behaviour(kind, sentence))
    if sentence.rstrip().endswith("?"):
        if _PATTERNS["check_back"][lang].search(sentence):
            found.append(Behaviour("check_back", sentence))
        elif is_open_question(sentence, lang):
            found.append(Behaviour("open_question", sentence))
        else:
            found.append(Behaviour("closed_question", sentence))
    return found


def _negated_after(sentence: str, end: int) -> bool:
    """'Ich verstehe nicht, warum …' is no empathy: a negation right after the opener."""
    return _NEGATED.match(sentence[end:].lstrip(" ,")) is not None


def _first_match_sentence(sentences: list[str], lang: Lang) -> str:
    for sentence in sentences:
        if has_explanation(sentence) or _EXAMPLE[lang].search(sentence):
            return sentence
    return sentences[0]


def _sentence_at(text: str, index: int) -> str:
    for start, end in sentence_spans(text):
        if start <= index < end:
            return text[start:end]
    return text.strip()


def _unique(found: list[Behaviour]) -> list[Behaviour]:
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for b in found:
        if (b.kind, b.quote, b.detail) not in seen:
            seen.add((b.kind, b.quote, b.detail))
            kept.append(b)
    return kept


def kinds(behaviours: list[Behaviour]) -> set[Kind]:
    """The kinds present in a list of behaviours."""
    return {b.kind for b in behaviours}
