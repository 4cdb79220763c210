"""The frame of a feedback rewrite, owned by code: the kind of remark (criticism, praise, a request), the flags
(`flags.py`), the fields to write (SBI, I-message, feedforward) and the receiving tips' slots, chosen by the
kinds of wording found. A language model
writes only the sentences (`FeedbackWording`); `FeedbackFrame.merge` puts them into a `FeedbackContent`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field, create_model

from assistant.modes.feedback.models import SBI, FeedbackContent, FeedbackWording, FlaggedSpan
from assistant.modes.models import wording_text
from assistant.text.language import Lang, pick

# What each receiving tip is for: the same choice the offline composer's `receiving_tips` makes.
TIP_PURPOSES: dict[str, tuple[str, str]] = {
    "thank": (
        "bis zum Ende zuhören und sich zuerst bedanken (ein Dank ist noch keine Zustimmung)",
        "listen to the end and say thank you first (a thank-you is not agreement)",
    ),
    "clarify": (
        "Verständnisfragen stellen, bevor man etwas erklärt",
        "ask clarifying questions before explaining anything",
    ),
    "generalisation": (
        "nicht die Ausnahme suchen, sondern nach einem konkreten Beispiel fragen",
        "do not look for the exception; ask for a concrete example",
    ),
    "label": (
        "fragen, woran das Gegenüber den Eindruck festmacht",
        "ask what the impression is based on",
    ),
    "you_statement": (
        "auf das Anliegen hinter dem Urteil reagieren und fragen, was anders sein sollte",
        "respond to the concern behind the verdict and ask what should change",
    ),
    "mind_reading": (
        "Absicht und Wirkung trennen: zuerst die Wirkung anerkennen, dann die Absicht erklären",
        "separate intent and impact: acknowledge the impact first, explain the intent afterwards",
    ),
    "sarcasm": (
        "ruhig bleiben und den Ärger direkt ansprechen",
        "stay calm and name the frustration directly",
    ),
    "insult": (
        "einen Moment innehalten und dann nach dem Vorfall fragen",
        "take a moment before answering, then ask about the incident",
    ),
    "accept": (
        "das Lob annehmen, ohne es kleinzureden",
        "accept the praise without playing it down",
    ),
    "specifics": (
        "nachfragen, was genau gut war, um es beizubehalten",
        "ask what exactly worked, so as to keep doing it",
    ),
    "decide": (
        "danach bewusst entscheiden, was man übernimmt, und später berichten, was man ausprobiert hat",
        "afterwards, decide what to take on and later report what one tried",
    ),
}
# What the model is told about the kind of remark (tone.py decides it, code owns it).
TONE_GUIDANCE: dict[str, tuple[str, str]] = {
    "criticism": (
        "Übernimm die Fakten der Bemerkung (Zeiten, Zahlen, Gegenstände) wörtlich und lass nur die Wertung weg; "
        "setze einen Platzhalter in eckigen Klammern nur für das, was die Bemerkung nicht sagt.",
        "Keep the remark's facts (times, numbers, things) word for word and drop only the judgement; write a "
        "placeholder in square brackets only for what the remark does not say.",
    ),
    "praise": (
        "Die Bemerkung ist Lob: Schreibe positives Feedback (SBI geht auch für Lob): das Verhalten, das gut war, "
        "mit den Fakten der Bemerkung, seine Wirkung und die Bitte, es beizubehalten. Keine Kritik.",
        "The remark is praise: write positive feedback (SBI works for praise too): the behaviour that worked, "
        "with the remark's facts, its effect, and the request to keep it. No criticism.",
    ),
    "vague_praise": (
        "Die Bemerkung ist unkonkretes Lob: Schreibe positives Feedback, keine Kritik. Für das Verhalten setze "
        "einen Platzhalter in eckigen Klammern, der fragt, was genau gut war (ein konkreter Moment).",
        "The remark is vague praise: write positive feedback, no criticism. For the behaviour, write a "
        "placeholder in square brackets that asks what exactly was good (one concrete moment).",
    ),
    "request": (
        "Die Bemerkung ist eine Bitte: Übernimm sie mit ihren Fakten als request.",
        "The remark is a request: keep it, with its facts, as the request.",
    ),
}


def tip_slots(kinds: Sequence[str], praise: bool = False) -> list[str]:
    """Thank first, one or two tips for the kinds of wording found (or a clarifying one), then decide; for
    praise: accept it, ask for specifics, decide.

    >>> tip_slots(["label", "generalisation", "label", "sarcasm"]), tip_slots([])
    (['thank', 'label', 'generalisation', 'decide'], ['thank', 'clarify', 'decide'])
    >>> tip_slots([], praise=True)
    ['accept', 'specifics', 'decide']
    """
    if praise:
        return ["accept", "specifics", "decide"]
    specific = [kind for kind in dict.fromkeys(kinds) if kind in TIP_PURPOSES][:2] or ["clarify"]
    return list(dict.fromkeys(["thank", *specific, "decide"]))


@dataclass(frozen=True)
class FeedbackFrame:
    """What code decides about a rewrite before any model writes a word."""

    flags: tuple[FlaggedSpan, ...]
    tips: tuple[str, ...]
    lang: Lang
    tone: str = "criticism"

    def schema(self) -> type[FeedbackWording]:
        """The wording schema for this frame: exactly one receiving tip per slot."""
        n = len(self.tips)
        schema = create_model(
            "FeedbackWording",
            __base__=FeedbackWording,
            __doc__=(
                "The rewrites of a remark: SBI, I-message, feedforward, and one receiving tip per slot of the "
                f"frame ({n} tips). No flagged or judgemental wording."
            ),
            receiving_tips=(
                list[Annotated[str, wording_text(240)]],
                Field(
                    description=f"Exactly {n} tips, one per slot of the frame, in the frame's order.",
                    json_schema_extra={"minItems": n, "maxItems": n},
                ),
            ),
        )
        schema.expected_tips = n
        return schema

    def describe(self) -> str:
        """The kind of remark, the words no sentence may use (the flags), and the receiving tips' slots, as the
        prompt lists them."""
        lines = [pick(self.lang, *TONE_GUIDANCE[self.tone])] if self.tone in TONE_GUIDANCE else []
        if self.flags:
            words = ", ".join(
                dict.fromkeys(pick(self.lang, f"„{f.text}“", f'"{f.text}"') for f in self.flags)
            )
            lines.append(
                pick(
                    self.lang,
                    f"Diese Wörter dürfen in keinem Feld vorkommen: {words}. Beschreibe stattdessen, was die Person "
                    "getan oder gesagt hat.",
                    f"None of these words may appear in any field: {words}. Describe instead what the person did or "
                    "said.",
                )
            )
        head = pick(
            self.lang,
            f"receiving_tips: genau {len(self.tips)} Tipps, in dieser Reihenfolge, je einer zu:",
            f"receiving_tips: exactly {len(self.tips)} tips, in this order, one each on:",
        )
        purposes = [pick(self.lang, *TIP_PURPOSES[slot]) for slot in self.tips]
        return "\n".join([*lines, head, *(f"{n}. {p}" for n, p in enumerate(purposes, start=1))])

    def merge(self, wording: FeedbackWording) -> FeedbackContent:
        """The model's sentences, stripped, in the frame's fields."""
        sbi = wording.sbi
        return FeedbackContent(
            sbi=SBI(
                situation=sbi.situation.strip(),
                behaviour=sbi.behaviour.strip(),
                impact=sbi.impact.strip(),
                request=sbi.request.strip(),
            ),
            i_message=wording.i_message.strip(),
            feedforward=wording.feedforward.strip(),
            receiving_tips=[tip.strip() for tip in wording.receiving_tips],
        )


def feedback_frame(flags: Sequence[FlaggedSpan], lang: Lang, tone: str = "criticism") -> FeedbackFrame:
    """The frame for a remark's flags and tone (criticism, praise, vague_praise or request)."""
    praise = tone in ("praise", "vague_praise")
    return FeedbackFrame(tuple(flags), tuple(tip_slots([f.kind for f in flags], praise)), lang, tone)
