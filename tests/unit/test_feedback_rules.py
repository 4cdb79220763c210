"""Feedback rules: whom a sentence is about, judgements beyond the phrase bank, facts kept, praise as praise."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.catalog import FeedbackPhrases, load_catalog
from assistant.modes.feedback.checks import check_feedback
from assistant.modes.feedback.compose import compose_feedback
from assistant.modes.feedback.flags import Lexicon, find_flags
from assistant.modes.feedback.frame import feedback_frame
from assistant.modes.feedback.models import SBI, FeedbackContent
from assistant.modes.feedback.tone import remark_tone
from assistant.modes.feedback.whom import Whom
from assistant.text.language import Lang

PHRASES: FeedbackPhrases = load_catalog(Path(__file__).resolve().parents[2] / "knowledge").phrases


def flagged(remark: str, lang: Lang) -> list[str]:
    return [f.text for f in find_flags(remark, lang, PHRASES)]


def rewrites(content: FeedbackContent) -> str:
    s = content.sbi
    return " ".join([s.situation, s.behaviour, s.impact, s.request, content.i_message, content.feedforward])


def whom(text: str, lang: Lang) -> Whom:
    return Whom(text, lang, Lexicon(PHRASES, lang).is_praise)


# --- whom a sentence is about ----------------------------------------------------------------------


def test_the_subject_decides_whom_a_clause_is_about() -> None:
    text = "I think you were late. Ich war danach ziemlich nervös."
    w = whom(text, "en")
    assert w.subject(text.index("late")) == "other"
    assert w.subject(text.index("nervös")) == "speaker"
    german = "Mir ist das echt unangenehm gewesen, als Sie gelacht haben."
    assert whom(german, "de").subject(german.index("unangenehm")) == "speaker"


def test_quotes_and_reported_words_belong_to_others() -> None:
    text = 'He said my plan was "naive". You always tell me I am too slow.'
    w = whom(text, "en")
    assert w.quoted(text.index("naive"), text.index("naive") + 5)
    assert w.reported(text.index("too slow")) and not w.reported(text.index("always"))
    honest = "Ehrlich gesagt war das Meeting viel zu lang."
    assert not whom(honest, "de").reported(honest.index("viel"))


def test_praise_is_a_segment_with_praise_and_no_negative_evaluation() -> None:
    text = "Thanks for the demo, but the handout was confusing."
    w = whom(text, "en")
    assert w.praise(0) and not w.praise(text.index("handout"))


# --- flags ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("remark", "lang"),
    [
        ("I felt so dumb in that meeting.", "en"),
        ("Ich fand mich selbst ziemlich blöd dabei.", "de"),
        ("You always answer within the hour, thank you!", "en"),
        ("Danke, dass Sie immer so geduldig erklären.", "de"),
        ('She called my draft "a disaster".', "en"),
        ("Could we always close with a short round of questions?", "en"),
        ("Können wir jedes Treffen mit einer Frage beginnen?", "de"),
        ("We started 20 minutes too late, my fault.", "en"),
        ("Vor allen anderen haben Sie meinen Entwurf gelobt.", "de"),
    ],
)
def test_the_speaker_thanks_praise_quotes_and_requests_are_not_flagged(remark: str, lang: Lang) -> None:
    assert flagged(remark, lang) == []


@pytest.mark.parametrize(
    ("remark", "lang", "expected"),
    [
        ("Your handout was a total mess.", "en", ["a total mess"]),
        ("The kickoff was pretty chaotic and everybody left early.", "en", ["pretty chaotic", "everybody"]),
        ("You write way too long emails.", "en", ["way too long"]),
        ("You apparently didn't look at the draft.", "en", ["apparently"]),
        ("Great, the link broke again.", "en", ["Great"]),
        ("Ihr Vortrag war ein Desaster, niemand hat zugehört.", "de", ["ein Desaster", "niemand"]),
        ("Die Protokolle sind echt viel zu knapp.", "de", ["viel zu knapp"]),
        ("Sie lesen jede Nachricht erst nach Tagen.", "de", ["jede Nachricht"]),
    ],
)
def test_judgements_beyond_the_phrase_bank_are_flagged(remark: str, lang: Lang, expected: list[str]) -> None:
    assert flagged(remark, lang) == expected


def test_flags_from_rules_explain_themselves() -> None:
    flags = find_flags("Ihr Vortrag war ein Desaster.", "de", PHRASES)
    assert flags[0].kind == "label" and flags[0].why and flags[0].alternatives


# --- the rewrite ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("remark", "lang", "facts"),
    [
        (
            "Your two status reports were way too long, both over five pages.",
            "en",
            ["two status reports", "five pages"],
        ),
        (
            "Ihre Agenda am Freitag war ein einziges Chaos, wir haben 40 Minuten überzogen.",
            "de",
            ["40 Minuten"],
        ),
    ],
)
def test_the_rewrite_keeps_the_facts_and_drops_the_judgement(
    remark: str, lang: Lang, facts: list[str]
) -> None:
    content = compose_feedback(remark, "", lang, PHRASES)
    text = rewrites(content)
    assert all(fact in text for fact in facts)
    assert not any(flag in text for flag in flagged(remark, lang))
    assert check_feedback(content, remark, lang, PHRASES) == []


def test_own_feelings_become_the_impact_and_own_requests_the_request() -> None:
    remark = (
        "I felt awkward afterwards. You skipped my agenda item on Monday. Could we start with it next time?"
    )
    content = compose_feedback(remark, "", "en", PHRASES)
    assert content.sbi.impact == "I felt awkward afterwards."
    assert content.sbi.behaviour == "You skipped my agenda item on Monday."
    assert content.sbi.request == "Could we start with it next time?"


@pytest.mark.parametrize(
    ("remark", "lang"), [("Super Sache, danke!", "de"), ("Loved it, great stuff!", "en")]
)
def test_vague_praise_is_coached_towards_specific_praise(remark: str, lang: Lang) -> None:
    content = compose_feedback(remark, "", lang, PHRASES)
    assert remark_tone(remark, lang, [], PHRASES) == "vague_praise"
    assert content.sbi.behaviour.startswith("[") and (
        "genau" in content.sbi.behaviour or "exactly" in content.sbi.behaviour
    )
    assert not any(word in rewrites(content) for word in ("unsicher", "irritiert", "unsure", "irritated"))
    assert check_feedback(content, remark, lang, PHRASES) == []


def test_specific_praise_keeps_its_behaviour_and_its_effect() -> None:
    remark = "Danke, dass Sie mir am Montag die Pivot-Tabelle gezeigt haben. Das hat mir viel Zeit gespart."
    content = compose_feedback(remark, "", "de", PHRASES)
    assert "Pivot-Tabelle" in content.sbi.behaviour and content.sbi.impact == "Das hat mir viel Zeit gespart."
    assert content.receiving_tips[0].startswith("Nehmen Sie das Lob an")
    assert check_feedback(content, remark, "de", PHRASES) == []


def test_a_plain_request_is_kept_as_the_request() -> None:
    remark = "Können wir das Treffen am Mittwoch auf 30 Minuten kürzen?"
    assert remark_tone(remark, "de", [], PHRASES) == "request"
    assert compose_feedback(remark, "", "de", PHRASES).sbi.request == remark


# --- the LLM path -----------------------------------------------------------------------------------


def test_the_frame_tells_the_model_the_kind_of_remark() -> None:
    praise = feedback_frame([], "en", "vague_praise")
    assert praise.tips == ("accept", "specifics", "decide") and "vague praise" in praise.describe()
    criticism = feedback_frame(find_flags("Your deck was a mess.", "en", PHRASES), "en")
    assert '"a mess"' in criticism.describe() and "facts" in criticism.describe()


def test_the_check_sends_a_generalisation_from_the_rules_back_for_repair() -> None:
    content = FeedbackContent(
        sbi=SBI(
            situation="In the review on Tuesday",
            behaviour="Everyone saw that the figures on slide 3 were from last year.",
            impact="I was unsure which figures to use.",
            request="How can we check the figures before the next review?",
        ),
        i_message="I was unsure which figures count, and I would like us to check them together.",
        feedforward="Next time, you could send the deck a day earlier.",
        receiving_tips=["Say thank you first.", "Ask for an example."],
    )
    errors = check_feedback(content, "The figures were wrong.", "en", PHRASES)
    assert any("judgemental wording 'Everyone'" in e for e in errors)
