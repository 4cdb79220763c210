"""The feedback suite's scoring: it fails a coach that flags the speaker, copies judgements or scolds praise."""

from __future__ import annotations

import pytest

from assistant.evaluation.feedback import FeedbackCase, evaluate_feedback, occurrences
from assistant.modes.feedback.models import SBI, FeedbackDraft, FlaggedSpan


def case(**fields: object) -> FeedbackCase:
    values: dict[str, object] = {"id": "c1", "split": "dev", "lang": "en", "kind": "criticism"}
    values.update(fields)
    return FeedbackCase.model_validate(values)


def draft(remark: str, flags: list[str], behaviour: str, impact: str = "I was unsure.") -> FeedbackDraft:
    spans = [
        FlaggedSpan(text=f, start=remark.index(f), end=remark.index(f) + len(f), kind="label", why="w")
        for f in flags
    ]
    return FeedbackDraft(
        sbi=SBI(situation="[when]", behaviour=behaviour, impact=impact, request="How do you see it?"),
        i_message="I noticed it.",
        feedforward="Next time, you could [idea].",
        receiving_tips=["a", "b"],
        language="en",
        backend="offline",
        remark=remark,
        flags=spans,
    )


def test_labels_must_be_substrings_of_the_remark() -> None:
    with pytest.raises(ValueError, match="not a substring"):
        case(remark="You were late.", must_flag=["always"])
    assert occurrences("Every one, everyone", "everyone") == [(11, 19)]


def test_a_coach_that_copies_the_judgement_and_flags_the_speaker_scores_low() -> None:
    remark = "I felt stupid. Your deck was a mess, 40 slides."
    c = case(remark=remark, must_flag=["a mess"], must_not_flag=["felt stupid"], facts=["40 slides"])
    report = evaluate_feedback([(c, draft(remark, ["stupid"], behaviour=remark))])
    m = report.metrics
    assert m["flag_precision"] == 0.0 and m["flag_recall"] == 0.0 and m["no_flag_survives"] == 0.0
    assert m["facts_kept"] == 1.0 and report.failures


def test_a_good_rewrite_scores_full_marks_without_looking_at_the_remark() -> None:
    remark = "Your deck was a mess, 40 slides."
    c = case(remark=remark, must_flag=["a mess"], facts=["40 slides"])
    good = draft(remark, ["a mess"], behaviour="Your deck had 40 slides for 20 minutes.")
    assert set(evaluate_feedback([(c, good)]).metrics.values()) == {1.0}
    lost = draft(remark, ["a mess"], behaviour="[what did you see?]")  # the remark itself is never searched
    assert evaluate_feedback([(c, lost)]).metrics["facts_kept"] == 0.0


def test_praise_coached_as_criticism_fails() -> None:
    c = case(remark="All great, thanks!", kind="vague_praise", must_not_flag=["great"])
    scolded = draft("All great, thanks!", [], behaviour="[What exactly was done?]", impact="I was unsure.")
    coached = draft(
        "All great, thanks!", [], behaviour="[What exactly was good?]", impact="[What did it bring you?]"
    )
    assert evaluate_feedback([(c, scolded)]).metrics["praise_coached"] == 0.0
    assert evaluate_feedback([(c, coached)]).metrics["praise_coached"] == 1.0
