"""Feedback mode, offline: the rule-based composer of the SBI, I-message and feedforward rewrites."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from assistant.catalog import FeedbackPhrases, PhraseHit
from assistant.modes.checks import check_language
from assistant.modes.feedback.models import SBI, FeedbackContent
from assistant.modes.feedback.rules import behaviour_problems, evaluative_words, normalise
from assistant.text.language import ENGLISH_STOPWORDS, GERMAN_STOPWORDS, Lang
from assistant.text.quotes import QUOTE_MARKS, find_quotes
from assistant.text.sentences import sentence_spans, sentence_starts

Form = Literal["sie", "du", "en"]
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
# Generalising adverbs that can be dropped without changing what was observed (never/nie cannot: the
# sentence would say the opposite). Only inside a sentence: German word order breaks when the first goes.
_DROPPABLE = {
    "de": {"immer", "ständig", "dauernd", "andauernd", "permanent", "schon wieder"},
    "en": {"always", "constantly", "continually", "all the time", "yet again"},
}
_SELF = {"ich", "mir", "mich", "mein", "meine", "i", "i'm", "i've", "i'd", "me", "my"}
_PRONOUNS = set("sie ihr ihre ihren ihrem ihnen du dein deine deinen dir dich euch euer eure".split())
_SUBORDINATE = set("dass wenn weil ob als that if because when whether".split())
_DESCRIBE = set("describe name stay count beschreiben nennen benennen bleiben zählen".split())
_DETERMINERS = set("the your my our this that these those a an his her their".split())


# --- the composer --------------------------------------------------------------------------------

_T: dict[str, dict[str, str]] = {
    "sie": {
        "situation": "[Wann und wo war das? Konkret ergänzen, z. B. „im Teammeeting am Montag“]",
        "behaviour": "[Konkret ergänzen, was gesagt oder getan wurde{topic}, so wie eine Kamera es "
        "aufgezeichnet hätte, etwa: „{example}“]",
        "example": "In der Sitzung am Dienstag haben Sie während meiner Erklärung zweimal auf das Handy geschaut.",
        "topic": ", bezogen auf {words}",
        "observation": "[konkrete Beobachtung]",
        "impact": "Ich war danach [unsicher / irritiert: passendes Gefühlswort wählen], und "
        "[Folge für mich oder andere ergänzen].",
        "request": "Wie haben Sie die Situation erlebt, und was könnten wir beim nächsten Mal anders machen?",
        "i_message": "Mir ist Folgendes aufgefallen: {behaviour} Das hat mich [verunsichert / irritiert: "
        "passendes Wort wählen], und [Folge für mich ergänzen]. Ich würde mir wünschen, dass "
        "[Wunsch für das nächste Mal ergänzen].",
        "feedforward": "Beim nächsten Mal könnten Sie [eine konkrete Idee ergänzen{topic}]. Wenn ich noch "
        "einen Vorschlag machen darf: Lassen Sie uns zu Beginn unseres nächsten Termins kurz absprechen, "
        "worauf wir beide achten wollen. Wie klingt das für Sie?",
    },
    "en": {
        "situation": '[When and where was it? Add it concretely, e.g. "in the team meeting on Monday"]',
        "behaviour": "[Add concretely what was said or done{topic}, the way a camera would have recorded "
        'it, for example: "{example}"]',
        "example": "In Tuesday's session you looked at your phone twice while I was explaining.",
        "topic": ", about {words}",
        "observation": "[the concrete observation]",
        "impact": "I was [unsure / irritated: pick the word that fits] afterwards, and "
        "[add the consequence for me or others].",
        "request": "How did you experience the situation, and what could we do differently next time?",
        "i_message": "I noticed the following: {behaviour} It left me [unsure / irritated: pick the word that "
        "fits], and [add the consequence for me]. I would like [add my wish for next time].",
        "feedforward": "Next time, you could [add one concrete idea{topic}]. If I may suggest one more "
        "thing: let's agree at the start of our next session what we both want to pay attention to. How "
        "does that sound to you?",
    },
}


_T["du"] = {
    **_T["sie"],
    "example": "In der Sitzung am Dienstag hast du während meiner Erklärung zweimal auf das Handy geschaut.",
    "request": "Wie hast du die Situation erlebt, und was könnten wir beim nächsten Mal anders machen?",
    "feedforward": "Beim nächsten Mal könntest du [eine konkrete Idee ergänzen{topic}]. Wenn ich noch einen "
    "Vorschlag machen darf: Lass uns zu Beginn unseres nächsten Termins kurz absprechen, worauf wir beide achten "
    "wollen. Wie klingt das für dich?",
}


def address_form(remark: str, lang: Lang) -> Form:
    """'du' if a German remark speaks informally, else 'sie'; 'en' for English."""
    if lang == "en":
        return "en"
    return "du" if re.search(r"\b(?:du|dich|dir|dein\w*)\b", remark, re.IGNORECASE) else "sie"


def _droppable(hit: PhraseHit, text: str, start: int, lang: Lang) -> bool:
    """A generalising adverb inside a sentence, or a sarcastic opener followed by a comma or colon."""
    before = text[start : hit.start].strip(" " + QUOTE_MARKS)
    if hit.phrase.kind == "generalisation":
        return bool(before) and normalise(hit.text) in _DROPPABLE[lang]
    after = re.match(r"\s*([,:–—-])\s*([^\W\d_]*)", text[hit.end :])
    # "Na toll, das Meeting ..." loses its opener; "Wie schön für Sie, dass ..." would lose its main clause.
    return (
        hit.phrase.kind == "sarcasm"
        and not before
        and after is not None
        and after[2].lower() not in _SUBORDINATE
    )


def _cut(hit: PhraseHit, text: str) -> tuple[int, int]:
    """The span to delete for a droppable flag: a sarcastic opener takes its comma or colon along."""
    if hit.phrase.kind != "sarcasm":
        return hit.start, hit.end
    after = re.match(r"\s*[,:–—-]", text[hit.end :])
    return hit.start, hit.end + (after.end() if after else 0)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])\s*(?=[,;:.!?])", "", text).strip(" ,;:–—-" + QUOTE_MARKS)
    text = re.sub(r"[!?…]+$", ".", text)
    if text and text[-1] not in ".":
        text += "."
    return text[:1].upper() + text[1:]


def neutral_behaviour(remark: str, lang: Lang, flags: Sequence[PhraseHit], phrases: FeedbackPhrases) -> str:
    """The remark's observable sentences with droppable flags removed ('' if none is left)."""
    kept: list[str] = []
    for start, end in sentence_spans(remark, line_breaks=True):
        inside = [h for h in flags if start <= h.start < end]
        sentence = remark[start:end].strip()
        if sentence.endswith("?") or any(not _droppable(h, remark, start, lang) for h in inside):
            continue
        cuts = sorted(_cut(hit, remark) for hit in inside)
        text, position = "", start
        for cut_start, cut_end in cuts:
            text += remark[position:cut_start] + " "
            position = max(position, cut_end)
        text = _tidy(text + remark[position:end])
        words = _WORD.findall(text.lower())
        if len(words) < 3 or words[0] in _SELF or phrases.scan(text) or behaviour_problems(text, lang):
            continue
        kept.append(text)
    result = " ".join(dict.fromkeys(kept))
    return result if len(result) <= 300 else ""


def topic_words(remark: str, lang: Lang, flags: Sequence[PhraseHit]) -> list[str]:
    """Up to three nouns from the remark that carry no judgement (German: capitalised, English: after a
    determiner), to point the placeholders at the remark's subject."""
    flagged = [(h.start, h.end) for h in flags]
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(remark.replace("’", "'"))]

    def usable(word: str, start: int, end: int) -> bool:
        lower = word.lower()
        stop = GERMAN_STOPWORDS if lang == "de" else ENGLISH_STOPWORDS
        return (
            len(word) >= 3
            and lower not in stop
            and lower not in _PRONOUNS
            and "'" not in word
            and not evaluative_words(word, lang)
            and not any(s < end and start < e for s, e in flagged)
        )

    found: list[str] = []
    if lang == "de":
        starts = sentence_starts(remark)
        for word, start, end in words:
            if word[0].isupper() and start not in starts and usable(word, start, end):
                found.append(word)
    else:
        for index, (word, _, _) in enumerate(words):
            if word.lower() not in _DETERMINERS:
                continue
            last = ""
            for following, start, end in words[index + 1 : index + 4]:
                if following.lower() in ENGLISH_STOPWORDS or following.lower() in _DETERMINERS:
                    break
                if usable(following, start, end):
                    last = following
            if last:
                found.append(last)
    return list(dict.fromkeys(found))[:3]


def behaviour_example(flags: Sequence[PhraseHit], lang: Lang, phrases: FeedbackPhrases) -> str:
    """An observable example sentence from the bank's alternatives for these flags, if one fits."""
    for hit in flags:
        for alternative in hit.phrase.alternatives:
            if alternative.split()[0].lower() not in _DESCRIBE:
                continue  # the alternative is about asking or wishing, not about describing
            for quoted in (q.text for q in find_quotes(alternative)):
                words = _WORD.findall(quoted.lower())
                if (words and words[0] in _SELF) or "…" in quoted or phrases.scan(quoted):
                    continue  # an I-statement or a sentence to finish is no example of a behaviour
                if not behaviour_problems(quoted, lang):
                    return str(quoted).strip()
    return ""


def receiving_tips(kinds: Sequence[str], lang: Lang) -> list[str]:
    """Two to four tips for the person receiving the feedback, chosen by the kinds of wording found."""
    tips = _TIPS[lang]
    specific = [tips[kind] for kind in dict.fromkeys(kinds) if kind in tips][:2] or [tips["clarify"]]
    return list(dict.fromkeys([tips["thank"], *specific, tips["decide"]]))


_TIPS: dict[Lang, dict[str, str]] = {
    "de": {
        "thank": "Hören Sie bis zum Ende zu und bedanken Sie sich zuerst, etwa: „Danke, dass Sie das offen "
        "ansprechen.“ Ein Dank ist noch keine Zustimmung.",
        "clarify": "Stellen Sie Verständnisfragen, bevor Sie etwas erklären: „Woran haben Sie das gemerkt?“",
        "generalisation": "Suchen Sie nicht die Ausnahme, sondern fragen Sie nach einem Beispiel: „Wann ist "
        "Ihnen das zuletzt aufgefallen?“",
        "label": "Fragen Sie, woran Ihr Gegenüber den Eindruck festmacht: „Was genau haben Sie beobachtet?“",
        "you_statement": "Reagieren Sie auf das Anliegen hinter dem Urteil: „Was sollte ich aus Ihrer Sicht "
        "anders machen?“",
        "mind_reading": "Trennen Sie Absicht und Wirkung: Bestätigen Sie zuerst die Wirkung („Ich sehe, dass "
        "das so angekommen ist“) und erklären Sie Ihre Absicht erst danach.",
        "sarcasm": "Bleiben Sie ruhig und sprechen Sie den Ärger direkt an: „Ich merke, dass Sie verärgert "
        "sind. Worum geht es Ihnen genau?“",
        "insult": "Nehmen Sie sich einen Moment, bevor Sie antworten, und fragen Sie dann nach dem Vorfall: "
        "„Was ist aus Ihrer Sicht passiert?“",
        "decide": "Entscheiden Sie danach bewusst, was Sie übernehmen, und berichten Sie in einer der "
        "nächsten Sessions, was Sie ausprobiert haben.",
    },
    "en": {
        "thank": 'Listen to the end and say thank you first, for example: "Thank you for raising this so '
        'openly." A thank-you is not agreement.',
        "clarify": 'Ask clarifying questions before you explain anything: "What made you notice it?"',
        "generalisation": 'Do not look for the exception; ask for an example: "When did you last notice it?"',
        "label": 'Ask what the impression is based on: "What exactly did you observe?"',
        "you_statement": 'Respond to the concern behind the verdict: "What would you like me to do '
        'differently?"',
        "mind_reading": 'Separate intent and impact: acknowledge the impact first ("I see that it came across '
        'that way") and explain your intent only afterwards.',
        "sarcasm": 'Stay calm and name the frustration directly: "I can tell this annoyed you. What is it '
        'about, exactly?"',
        "insult": 'Take a moment before you answer, then ask about the incident: "What happened, from your '
        'point of view?"',
        "decide": "Afterwards, decide consciously what you will take on, and tell your mentor in one of the "
        "next sessions what you tried.",
    },
}


def situation_text(context: str, lang: Lang, phrases: FeedbackPhrases) -> str:
    """The context as the situation, if it is neutral and in the user's language; otherwise a placeholder."""
    text = " ".join(context.split()).rstrip(".")
    if not text or phrases.scan(text) or evaluative_words(text, lang) or check_language([text], lang, ""):
        return _T[address_form("", lang)]["situation"]
    return text[:1].upper() + text[1:]


def compose_feedback(remark: str, context: str, lang: Lang, phrases: FeedbackPhrases) -> FeedbackContent:
    """Build SBI, I-message, feedforward and receiving tips by rules, with placeholders for unknown facts."""
    flags = phrases.scan(remark, lang)
    form = address_form(remark, lang)
    t = _T[form]
    words = topic_words(remark, lang, flags)
    quote = "„{}“" if lang == "de" else '"{}"'
    topic = t["topic"].format(words=", ".join(quote.format(w) for w in words)) if words else ""
    observed = neutral_behaviour(remark, lang, flags, phrases)
    example = (behaviour_example(flags, lang, phrases) if form != "du" else "") or t["example"]
    behaviour = observed or t["behaviour"].format(topic=topic, example=example)
    if phrases.scan(behaviour) or behaviour_problems(behaviour, lang):  # a topic word tripped a rule
        behaviour = t["behaviour"].format(topic="", example=t["example"])
    feedforward = t["feedforward"].format(topic=topic)
    if phrases.scan(feedforward):
        feedforward = t["feedforward"].format(topic="")
    return FeedbackContent(
        sbi=SBI(
            situation=situation_text(context, lang, phrases),
            behaviour=behaviour,
            impact=t["impact"],
            request=t["request"],
        ),
        i_message=t["i_message"].format(behaviour=observed or t["observation"] + "."),
        feedforward=feedforward,
        receiving_tips=receiving_tips([h.phrase.kind for h in flags], lang),
    )
