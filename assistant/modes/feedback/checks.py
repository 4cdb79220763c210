"""The rules every feedback rewrite must meet, whoever wrote it."""

from __future__ import annotations

from assistant.catalog import FeedbackPhrases
from assistant.modes.checks import check_language
from assistant.modes.feedback.flags import find_flags, judgemental
from assistant.modes.feedback.models import FeedbackContent
from assistant.modes.feedback.rules import (
    behaviour_problems,
    is_request,
    speaks_first_person,
    wording_pattern,
)
from assistant.text.language import Lang, pick

_HINTS = {
    "sbi.situation": "when and where it happened",
    "sbi.behaviour": "what the person observably did or said",
    "sbi.impact": "the effect on you or others",
    "sbi.request": "a request or an open question",
    "i_message": "behaviour, your feeling or the effect on you, your wish",
    "feedforward": "one or two suggestions for next time",
}


def check_feedback(content: FeedbackContent, remark: str, lang: Lang, phrases: FeedbackPhrases) -> list[str]:
    """Rules every rewrite must meet; each error says what to fix (also accepts a FeedbackDraft)."""
    errors: list[str] = []
    fields = content.rewrite_fields()
    for name, text in fields.items():
        if not text.strip():
            errors.append(f"{name} is empty: write {_HINTS[name]}")
    tips = content.receiving_tips
    if not 2 <= len(tips) <= 4 or not all(t.strip() for t in tips):
        errors.append(
            f"receiving_tips has {len([t for t in tips if t.strip()])} non-empty tip(s) of {len(tips)}: give "
            "2 to 4 tips for the person receiving the feedback (how to respond, what to ask back)"
        )
    flagged = find_flags(remark, lang, phrases)
    for name, text in fields.items():
        reported: set[str] = set()
        for flag in flagged:
            if flag.text.lower() not in reported and wording_pattern(flag.text).search(text):
                reported.add(flag.text.lower())
                errors.append(
                    f"{name} still contains the flagged wording '{flag.text}' ({flag.kind}): leave it "
                    "out and describe the concrete situation instead"
                )
        for hit in judgemental(text, lang, phrases):
            if hit.text.lower() not in reported:
                reported.add(hit.text.lower())
                errors.append(
                    f"{name} contains judgemental wording '{hit.text}' ({hit.kind}): "
                    f"{hit.why.split('. ')[0].rstrip('.')}. Try instead: {hit.alternatives[0]}"
                )
    behaviour = content.sbi.behaviour
    if behaviour.strip():
        errors += [
            f"sbi.behaviour is not observable: {p}" for p in behaviour_problems(behaviour, lang, phrases)
        ]
    request = content.sbi.request
    if request.strip() and not is_request(request, lang):
        errors.append(
            f"sbi.request '{request}' is neither an open question nor a request: end with an open question "
            "(Wie/Was …? / How/What …?) or a request (Bitte …, Ich würde mir wünschen … / Could you …, "
            "I would like …)"
        )
    if content.i_message.strip() and not speaks_first_person(content.i_message, lang):
        errors.append(
            "i_message does not speak from the first person: say what the behaviour does to you, with "
            + pick(lang, "'ich', 'mir' or 'mich'", "'I', 'me' or 'my'")
        )
    for name, text in [*fields.items(), *((f"receiving_tips[{i}]", t) for i, t in enumerate(tips))]:
        errors += check_language([text], lang, name)
    return errors
