"""Feedback mode, offline: the rule-based composer of the SBI, I-message and feedforward rewrites.

Criticism keeps what the remark observed and its facts, drops each judgement or turns it into a placeholder
for what the remark does not say; the speaker's own feelings become the impact and their own request the
request. Praise is coached as praise (SBI works for positive feedback too): specific praise keeps its
behaviour, vague praise gets a request for specifics. A plain request keeps the request.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.catalog import FeedbackPhrases
from assistant.modes.checks import check_language
from assistant.modes.feedback.flags import find_flags, judgemental, without_placeholders
from assistant.modes.feedback.models import SBI, FeedbackContent, FlaggedSpan
from assistant.modes.feedback.neutral import Parts, split_remark, tidy
from assistant.modes.feedback.rules import behaviour_problems, evaluative_words, has_action, is_request
from assistant.modes.feedback.templates import TIPS, Form, T, address_form
from assistant.modes.feedback.tone import Tone, remark_tone
from assistant.modes.feedback.whom import OTHERS, SPEAKER, norm, tokens
from assistant.text.language import Lang
from assistant.text.quotes import find_quotes

_DESCRIBE = set("describe name stay count beschreiben nennen benennen bleiben zählen".split())
_EFFECT = re.compile(
    r"\b(?:help\w*|geholfen|hilft|half|noticed|aufgefallen|gefreut|felt|fühlte|understood|verstanden|learn\w*|"
    r"gelernt|could|konnte\w*|made\s+me|gave\s+me)\b",
    re.IGNORECASE,
)
_THANKS_FOR = re.compile(
    r"^\W*(?:thanks|thank\s+you|thx|ty|danke|vielen\s+dank)\s+(?:for|für|fürs|dass|that)\b", re.I
)


def receiving_tips(kinds: Sequence[str], lang: Lang, praise: bool = False) -> list[str]:
    """Two to four tips for the person receiving the feedback, chosen by the kinds of wording found."""
    tips = TIPS[lang]
    if praise:
        return [tips["accept"], tips["specifics"], tips["decide"]]
    specific = [tips[kind] for kind in dict.fromkeys(kinds) if kind in tips][:2] or [tips["clarify"]]
    return list(dict.fromkeys([tips["thank"], *specific, tips["decide"]]))


def situation_text(context: str, lang: Lang, phrases: FeedbackPhrases) -> str:
    """The context as the situation, if it is neutral and in the user's language; otherwise a placeholder."""
    text = " ".join(context.split()).rstrip(".")
    if (
        not text
        or judgemental(text, lang, phrases)
        or evaluative_words(text, lang, phrases)
        or check_language([text], lang, "")
    ):
        return T[address_form("", lang)]["situation"]
    return text[:1].upper() + text[1:]


def behaviour_example(flags: Sequence[FlaggedSpan], lang: Lang, phrases: FeedbackPhrases) -> str:
    """An observable example sentence from the alternatives of these flags, if one fits."""
    for flag in flags:
        for alternative in flag.alternatives:
            if alternative.split()[0].lower() not in _DESCRIBE:
                continue  # the alternative is about asking or wishing, not about describing
            for quoted in (q.text for q in find_quotes(alternative)):
                words = [norm(w.group()) for w in tokens(quoted)]
                if (words and words[0] in SPEAKER | {"mir", "mich", "my", "me"}) or "…" in quoted:
                    continue  # an I-statement or a sentence to finish is no example of a behaviour
                if not behaviour_problems(quoted, lang, phrases) and not judgemental(quoted, lang, phrases):
                    return quoted.strip()
    return ""


def _quoted(words: Sequence[str], lang: Lang) -> str:
    mark = "„{}“" if lang == "de" else '"{}"'
    return ", ".join(mark.format(w) for w in words)


def _criticism(
    parts: Parts, flags: Sequence[FlaggedSpan], form: Form, lang: Lang, phrases: FeedbackPhrases
) -> dict[str, str]:
    t = T[form]
    topic = t["topic"].format(words=_quoted(parts.facts, lang)) if parts.facts else ""
    topics = t["topic"].format(words=_quoted(parts.topics, lang)) if parts.topics else ""
    example = (behaviour_example(flags, lang, phrases) if form != "du" else "") or t["example"]
    placeholder = t["behaviour"].format(topic=topic, example=example)
    observed = " ".join(dict.fromkeys(parts.observed))
    if len(observed) > 400:
        observed = ""
    if not observed:
        behaviour = placeholder
    elif parts.facts or not has_action(without_placeholders(observed), lang):
        behaviour = f"{observed} {placeholder}"
    else:
        behaviour = observed
    feeling = " ".join(parts.feelings) or t["feeling"]
    requests = [r for r in parts.requests if is_request(r, lang)]
    praise = t["praise_first"].format(praise=" ".join(parts.praise)) if parts.praise else ""
    i_message = t["i_message"].format(
        behaviour=observed or t["observation"] + ".", feeling=feeling, wish=t["wish"]
    )
    if praise:
        i_message = praise + i_message.split(": ", 1)[1]
    return {
        "behaviour": behaviour,
        "impact": " ".join(parts.feelings) or t["impact"],
        "request": " ".join(requests) or t["request"],
        "i_message": i_message,
        "feedforward": t["feedforward"].format(topic=topics),
    }


def _praise(parts: Parts, remark: str, vague: bool, form: Form, lang: Lang) -> dict[str, str]:
    t = T[form]
    behaviour: list[str] = []
    impact: list[str] = []
    for sentence in [*parts.praise, *parts.observed, *parts.feelings]:
        words = {norm(w.group()) for w in tokens(sentence)}
        if words & (OTHERS - {"it", "es", "das", "that", "this"}) or _THANKS_FOR.match(sentence):
            behaviour.append(sentence)
        elif words & (SPEAKER | {"me", "mir", "mich", "my", "mein"}) or _EFFECT.search(sentence):
            impact.append(sentence)
        elif has_action(sentence, lang):
            behaviour.append(sentence)
    placeholder = t["praise_behaviour"].format(example=t["praise_example"])
    observed = "" if vague else " ".join(behaviour)
    felt = " ".join(impact) or t["praise_impact"]
    return {
        "behaviour": observed or placeholder,
        "impact": felt,
        "request": t["praise_request"],
        "i_message": t["praise_i_message"].format(behaviour=observed or placeholder, impact=felt),
        "feedforward": t["praise_feedforward"],
    }


def _request(parts: Parts, remark: str, form: Form, lang: Lang) -> dict[str, str]:
    t = T[form]
    request = " ".join(parts.requests) or tidy(remark)
    return {
        "behaviour": t["request_behaviour"],
        "impact": t["request_impact"],
        "request": request,
        "i_message": t["request_i_message"].format(request=request),
        "feedforward": t["feedforward"].format(topic=""),
    }


def compose_feedback(
    remark: str,
    context: str,
    lang: Lang,
    phrases: FeedbackPhrases,
    flags: Sequence[FlaggedSpan] | None = None,
    tone: Tone | None = None,
) -> FeedbackContent:
    """Build SBI, I-message, feedforward and receiving tips by rules, with placeholders for unknown facts."""
    flags = list(flags) if flags is not None else find_flags(remark, lang, phrases)
    tone = tone or remark_tone(remark, lang, flags, phrases)
    form = address_form(remark, lang)
    parts = split_remark(remark, lang, form, flags, phrases)
    if tone in ("praise", "vague_praise"):
        fields = _praise(parts, remark, tone == "vague_praise", form, lang)
    elif tone == "request":
        fields = _request(parts, remark, form, lang)
    else:
        fields = _criticism(parts, flags, form, lang, phrases)
    t = T[form]
    if judgemental(fields["behaviour"], lang, phrases) or behaviour_problems(
        fields["behaviour"], lang, phrases
    ):
        fields["behaviour"] = t["behaviour"].format(topic="", example=t["example"])
    if judgemental(fields["feedforward"], lang, phrases):
        fields["feedforward"] = t["feedforward"].format(topic="")
    return FeedbackContent(
        sbi=SBI(
            situation=situation_text(context, lang, phrases),
            behaviour=fields["behaviour"],
            impact=fields["impact"],
            request=fields["request"],
        ),
        i_message=fields["i_message"],
        feedforward=fields["feedforward"],
        receiving_tips=receiving_tips([f.kind for f in flags], lang, tone in ("praise", "vague_praise")),
    )
