"""Feedback coach: deterministic flags, the checks, the offline composer on realistic remarks, the LLM path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.catalog import FeedbackPhrases, load_catalog
from assistant.errors import InputError
from assistant.modes.feedback.checks import check_feedback
from assistant.modes.feedback.compose import compose_feedback
from assistant.modes.feedback.frame import feedback_frame
from assistant.modes.feedback.models import SBI, FeedbackContent
from assistant.modes.feedback.rules import behaviour_problems, evaluative_words, is_request, you_are_statement
from assistant.modes.feedback.service import FeedbackService, find_flags, format_flags
from assistant.schema import Hit
from assistant.settings import PROJECT_ROOT
from assistant.text.language import Lang, detect_language
from tests.support.fakes import FakeLLM, stub_material

PHRASES: FeedbackPhrases = load_catalog(Path(__file__).resolve().parents[2] / "knowledge").phrases

# (remark, context, language, kinds of wording that must be flagged)
REMARKS: list[tuple[str, str, Lang, set[str]]] = [
    ("Sie sind immer so chaotisch in den Meetings", "im Weekly am Montag", "de", {"label", "generalisation"}),
    ("Sie hören mir nie zu.", "", "de", {"generalisation"}),
    ("Sie haben mich in der Sitzung ständig unterbrochen.", "", "de", {"generalisation"}),
    ("Na toll, das Meeting ist schon wieder ausgefallen.", "", "de", {"sarcasm", "generalisation"}),
    ("Typisch!", "", "de", {"generalisation"}),
    ("Du schaust dauernd auf dein Handy, das nervt.", "in unserer Session gestern", "de", {"generalisation"}),
    ("Ihnen ist das doch egal, was wir Jungen denken.", "", "de", {"mind_reading"}),
    ("Das war total unprofessionell und peinlich vor dem ganzen Team.", "", "de", {"label", "insult"}),
    ("Sie haben doch keine Ahnung von Social Media", "", "de", {"you_statement"}),
    ("Ganz großes Kino, diese Präsentation. Super gemacht, wirklich.", "", "de", {"sarcasm"}),
    (
        "ehrlich gesagt sind ihre folien immer zu voll und die zahlen sind veraltet",
        "",
        "de",
        {"generalisation"},
    ),
    ("Sie wollen doch nur gut vor dem Vorstand dastehen!!", "in der Vorstandsrunde", "de", {"mind_reading"}),
    ("In der Sitzung am Dienstag haben Sie zweimal Ihr Handy genutzt.", "", "de", set()),
    ("Können wir über die Folien für Freitag reden?", "", "de", set()),
    (
        "Ihr jungen Leute macht das doch in fünf Minuten, so ein Quatsch",
        "",
        "de",
        {"generalisation", "insult"},
    ),
    ("Du bist halt kein Teamplayer, jedes Mal das gleiche", "", "de", {"you_statement", "generalisation"}),
    ("You never listen, it's ridiculous", "", "en", {"generalisation", "insult"}),
    (
        "You always interrupt me in the team meeting.",
        "in the weekly team meeting on Monday",
        "en",
        {"generalisation"},
    ),
    ("Oh great, another cancelled session.", "", "en", {"sarcasm"}),
    ("u r always late lol", "", "en", {"generalisation"}),
    (
        "Thanks for nothing. You obviously don't care about the remote team.",
        "",
        "en",
        {"sarcasm", "mind_reading"},
    ),
    ("In the meeting on Monday you interrupted me three times.", "", "en", set()),
    ("You're so defensive.", "", "en", {"you_statement"}),
    ("That was completely unprofessional", "at the client call", "en", {"label"}),
    ("your slides were pathetic and the demo was a waste of time", "", "en", {"insult"}),
    ("You just want to look good in front of the board.", "", "en", {"mind_reading"}),
    ("Great job, as usual. The invite went out without the link AGAIN", "", "en", {"sarcasm"}),
    ("Your generation just can't focus, you constantly check your phone", "", "en", {"generalisation"}),
    ("Can we talk about the agenda for Friday?", "", "en", set()),
    ("You have no idea what you're doing with AI, honestly", "", "en", {"you_statement"}),
    ("ok boomer", "", "en", {"label"}),
    ("You're the kind of person who never delegates. Every single time!", "", "en", {"you_statement"}),
]


HITS = [
    Hit(
        id=f"feedback-upwards.en#{i}",
        source="feedback/feedback-upwards.en.md",
        title="Giving feedback upwards",
        section=section,
        lang="en",
        score=1.0 / i,
        text=f"{section}: describe the situation, the behaviour and the impact, then ask an open question.",
        doc_id="feedback-upwards.en",
        similarity=0.6,
    )
    for i, section in enumerate(["The SBI model", "The I-message", "Feedforward"], start=1)
]


def service(llm: Any = None, hits: list[Hit] = HITS) -> FeedbackService:
    return FeedbackService(
        material=stub_material(hits),
        llm=llm,
        prompts_dir=PROJECT_ROOT / "prompts",
        phrases=PHRASES,
        max_chars=2000,
        method="function_calling",
    )


def good_content(lang: Lang = "en") -> FeedbackContent:
    if lang == "de":
        return FeedbackContent(
            sbi=SBI(
                situation="Im Teammeeting am Montag",
                behaviour="Sie haben mich zweimal unterbrochen, als ich meinen Vorschlag erklärt habe.",
                impact="Ich habe den Faden verloren und war unsicher, ob mein Punkt gefragt ist.",
                request="Wie können wir es einrichten, dass ich meinen Punkt zu Ende bringen kann?",
            ),
            i_message="Wenn ich mitten in einer Erklärung unterbrochen werde, verliere ich den Faden. Ich würde "
            "mein Beispiel gern zu Ende bringen.",
            feedforward="Beim nächsten Mal könnten Sie mich zuerst ausreden lassen und dann nachfragen.",
            receiving_tips=[
                "Hören Sie bis zum Ende zu und bedanken Sie sich für die offene Rückmeldung.",
                "Fragen Sie nach einem Beispiel, bevor Sie etwas erklären oder begründen.",
            ],
        )
    return FeedbackContent(
        sbi=SBI(
            situation="In the weekly team meeting on Monday",
            behaviour="You interrupted me twice while I was explaining my proposal.",
            impact="I lost my thread and was unsure whether my point was wanted.",
            request="How could we make sure I can finish my point next time?",
        ),
        i_message="When I am interrupted in the middle of an explanation, I lose my thread. I would like to "
        "finish my example.",
        feedforward="Next time, you could let me finish and then ask your question.",
        receiving_tips=[
            "Listen to the end and thank your mentor for the open feedback.",
            "Ask for an example before you explain or justify anything.",
        ],
    )


SPARE_TIPS = {
    "en": ["Ask what you could do differently next time.", "Tell your mentor later what you tried."],
    "de": [
        "Fragen Sie, was Sie beim nächsten Mal anders machen könnten.",
        "Erzählen Sie später, was Sie ausprobiert haben.",
    ],
}


def answer(content: FeedbackContent, remark: str) -> dict[str, Any]:
    """The model's answer for this remark's frame: the content's sentences, one receiving tip per slot."""
    lang: Lang = "de" if "Sie" in remark else "en"
    slots = feedback_frame(find_flags(remark, lang, PHRASES), lang).tips
    tips = (content.receiving_tips + SPARE_TIPS[lang])[: len(slots)]
    return {**content.model_dump(), "receiving_tips": tips}


def rewrites(content: FeedbackContent) -> list[str]:
    s = content.sbi
    return [s.situation, s.behaviour, s.impact, s.request, content.i_message, content.feedforward]


# --- flags -----------------------------------------------------------------------------------------


def test_enough_realistic_remarks_in_both_languages() -> None:
    assert sum(lang == "de" for _, _, lang, _ in REMARKS) >= 15
    assert sum(lang == "en" for _, _, lang, _ in REMARKS) >= 15


@pytest.mark.parametrize(("remark", "context", "lang", "kinds"), REMARKS, ids=lambda v: str(v)[:30])
def test_flags_are_exact_spans_of_the_expected_kinds(
    remark: str, context: str, lang: Lang, kinds: set[str]
) -> None:
    assert detect_language(f"{remark} {context}") == lang
    flags = find_flags(remark, lang, PHRASES)
    assert kinds <= {f.kind for f in flags}
    assert bool(flags) == bool(kinds)
    for flag in flags:
        assert remark[flag.start : flag.end] == flag.text
        assert flag.why and flag.alternatives


def test_format_flags_lists_spans_with_why() -> None:
    flags = find_flags("You never listen, it's ridiculous", "en", PHRASES)
    text = format_flags(flags, "en")
    assert text.count("\n- ") == 1 and '"never" (generalisation, characters 4-9)' in text
    assert "no judgemental" in format_flags([], "en") and "keine" in format_flags([], "de")


# --- offline composer -----------------------------------------------------------------------------


@pytest.mark.parametrize(("remark", "context", "lang", "kinds"), REMARKS, ids=lambda v: str(v)[:30])
def test_composer_output_passes_the_check(remark: str, context: str, lang: Lang, kinds: set[str]) -> None:
    content = compose_feedback(remark, context, lang, PHRASES)
    assert check_feedback(content, remark, lang, PHRASES) == []
    flagged = {f.text.lower() for f in find_flags(remark, lang, PHRASES)}
    for text in rewrites(content):
        assert not PHRASES.scan(text)
        assert not any(f in text.lower().split() for f in flagged)
    assert 2 <= len(content.receiving_tips) <= 4


def test_composer_drops_only_a_generalising_adverb_and_keeps_the_observation() -> None:
    content = compose_feedback("Sie haben mich in der Sitzung ständig unterbrochen.", "", "de", PHRASES)
    assert content.sbi.behaviour == "Sie haben mich in der Sitzung unterbrochen."
    assert content.i_message.startswith("Mir ist Folgendes aufgefallen: Sie haben mich in der Sitzung")
    english = compose_feedback("You always interrupt me in the team meeting.", "", "en", PHRASES)
    assert english.sbi.behaviour == "You interrupt me in the team meeting."


def test_composer_drops_a_sarcastic_opener() -> None:
    content = compose_feedback("Na toll, das Meeting ist schon wieder ausgefallen.", "", "de", PHRASES)
    assert content.sbi.behaviour == "Das Meeting ist ausgefallen."


def test_a_sarcastic_opener_stays_when_the_rest_is_only_a_subordinate_clause() -> None:
    content = compose_feedback("Wie schön für Sie, dass Sie keine Zeit hatten.", "", "de", PHRASES)
    assert content.sbi.behaviour.startswith("[") and "Dass Sie" not in content.sbi.behaviour


def test_never_is_not_dropped_because_that_would_invert_the_meaning() -> None:
    content = compose_feedback("You never listen, it's ridiculous", "", "en", PHRASES)
    assert content.sbi.behaviour.startswith("[") and "You listen" not in content.sbi.behaviour
    german = compose_feedback("Sie hören mir nie zu.", "", "de", PHRASES)
    assert "Sie hören mir zu" not in german.sbi.behaviour


def test_context_feeds_the_situation_and_topic_words_the_placeholders() -> None:
    content = compose_feedback(
        "Sie sind immer so chaotisch in den Meetings", "im Weekly am Montag", "de", PHRASES
    )
    assert content.sbi.situation == "Im Weekly am Montag"
    # the fact stays in its sentence; the judgement ("immer so chaotisch") becomes a placeholder
    assert "in den Meetings" in content.sbi.behaviour and "„Meetings“" in content.feedforward
    assert "chaotisch" not in content.sbi.behaviour and "immer" not in content.sbi.behaviour
    assert content.feedforward.startswith("Beim nächsten Mal könnten Sie")
    english = compose_feedback("You're so defensive.", "", "en", PHRASES)
    assert english.sbi.situation.startswith("[When and where")
    assert english.feedforward.startswith("Next time, you could")


def test_judgemental_context_is_not_copied_into_the_situation() -> None:
    content = compose_feedback("You interrupted me.", "in that ridiculous meeting", "en", PHRASES)
    assert "ridiculous" not in content.sbi.situation and content.sbi.situation.startswith("[")


def test_context_in_another_language_is_not_copied() -> None:
    context = "in the weekly meeting on Monday with the whole team and the board"
    content = compose_feedback("Sie haben mich unterbrochen.", context, "de", PHRASES)
    assert content.sbi.situation.startswith("[Wann und wo")
    assert check_feedback(content, "Sie haben mich unterbrochen.", "de", PHRASES) == []


def test_informal_german_remark_gets_informal_rewrites() -> None:
    content = compose_feedback("Du schaust dauernd auf dein Handy, das nervt.", "", "de", PHRASES)
    assert "könntest du" in content.feedforward and "Wie hast du" in content.sbi.request
    assert " Sie " not in content.feedforward


def test_neutral_remark_is_kept_as_the_behaviour() -> None:
    remark = "In the meeting on Monday you interrupted me three times."
    assert compose_feedback(remark, "", "en", PHRASES).sbi.behaviour == remark


def test_receiving_tips_follow_the_kinds_found() -> None:
    tips = compose_feedback("You obviously think this is beneath you.", "", "en", PHRASES).receiving_tips
    assert any("intent and impact" in t for t in tips) and tips[0].startswith("Listen to the end")
    plain = compose_feedback("Können wir über die Folien reden?", "", "de", PHRASES).receiving_tips
    assert len(plain) == 3 and any("Verständnisfragen" in t for t in plain)


# --- the rules ------------------------------------------------------------------------------------


def test_good_content_passes_in_both_languages() -> None:
    assert check_feedback(good_content("en"), "You always interrupt me.", "en", PHRASES) == []
    assert check_feedback(good_content("de"), "Sie unterbrechen mich ständig.", "de", PHRASES) == []


def _with(content: FeedbackContent, **changes: Any) -> FeedbackContent:
    sbi_changes = {k: v for k, v in changes.items() if k in SBI.model_fields}
    other = {k: v for k, v in changes.items() if k not in SBI.model_fields}
    return content.model_copy(update={"sbi": content.sbi.model_copy(update=sbi_changes), **other})


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"feedforward": "Next time, you could always ask me first."},
            "feedforward still contains the flagged",
        ),
        (
            {"impact": "That was ridiculous for everyone."},
            "sbi.impact contains judgemental wording 'ridiculous'",
        ),
        ({"behaviour": ""}, "sbi.behaviour is empty"),
        ({"situation": "  "}, "sbi.situation is empty"),
        ({"behaviour": "You are so annoying in meetings."}, "evaluative word 'annoying'"),
        ({"behaviour": "You are too quiet in meetings."}, "says what the person is"),
        ({"behaviour": "The meeting on Monday."}, "names no action"),
        ({"request": "Is that clear?"}, "neither an open question nor a request"),
        (
            {"i_message": "The interruptions cost the team time."},
            "i_message does not speak from the first person",
        ),
        ({"receiving_tips": ["Listen."]}, "receiving_tips has 1 non-empty tip"),
        ({"receiving_tips": ["a", "b", "c", "d", "e"]}, "give 2 to 4 tips"),
        (
            {"impact": "Ich war danach unsicher und habe den Faden verloren, als es weiterging."},
            "sbi.impact is written in de, but the user writes en",
        ),
    ],
)
def test_each_rule_fires_with_a_clear_message(changes: dict[str, Any], expected: str) -> None:
    errors = check_feedback(_with(good_content("en"), **changes), "You always interrupt me.", "en", PHRASES)
    assert any(expected in e for e in errors), errors


def test_flagged_span_is_reported_once_per_field_with_the_fix() -> None:
    bad = _with(good_content("de"), behaviour="Sie haben mich immer unterbrochen.")
    errors = check_feedback(bad, "Sie unterbrechen mich immer.", "de", PHRASES)
    assert errors == [
        "sbi.behaviour still contains the flagged wording 'immer' (generalisation): leave it out and describe "
        "the concrete situation instead"
    ]


def test_small_rules() -> None:
    assert you_are_statement("You were talking over me.") == ""
    assert you_are_statement("Sie sind zehn Minuten später gekommen.") == ""
    assert you_are_statement("Du bist so langsam, echt.") == "Du bist so langsam"
    assert behaviour_problems("Sie haben die Folien erst in der Sitzung geschickt.", "de", PHRASES) == []
    assert behaviour_problems(
        "Die Folien waren schlechte Arbeit, Sie haben sie geschickt.", "de", PHRASES
    ) == ["it uses the evaluative word 'schlechte'; describe what happened instead"]
    assert evaluative_words("That was so annoying and pointless.", "en", PHRASES) == ["annoying", "pointless"]
    assert is_request("Could you send the slides a day earlier?", "en")
    assert is_request("Bitte schicken Sie die Folien einen Tag vorher.", "de")
    assert not is_request("Passt das?", "de")


# --- the service ----------------------------------------------------------------------------------


def test_offline_service_returns_a_draft_with_flags_sources_and_note() -> None:
    svc = service()
    draft, outcome = svc.coach("You never listen, it's ridiculous", context="in the weekly team meeting")
    assert outcome.backend == "offline" and draft.backend == "offline"
    assert draft.language == "en" and draft.note.startswith("Offline mode")
    assert [f.text for f in draft.flags] == ["never", "ridiculous"]
    assert draft.sbi.situation == "In the weekly team meeting"
    assert [s.n for s in draft.sources] == [1, 2, 3] and draft.sources[0].doc_id == "feedback-upwards.en"
    query, _, filters = svc.material.retriever.queries[0]  # type: ignore[attr-defined]
    assert "SBI" in query and "I-message" in query and "feedforward" in query and filters.lang == "en"


def test_no_flags_still_gives_the_structure() -> None:
    draft, _ = service().coach("Können wir über die Folien für Freitag reden?")
    assert draft.flags == [] and draft.language == "de" and draft.note.startswith("Offline-Modus")
    assert draft.sbi.behaviour and draft.i_message and draft.feedforward


def test_language_override_and_empty_index() -> None:
    draft, _ = service(hits=[]).coach("Typisch!", lang="en")
    assert draft.language == "en" and draft.sources == [] and draft.flags == []


@pytest.mark.parametrize(("remark", "context"), [("", ""), ("   ", ""), ("x" * 2001, ""), ("ok", "y" * 2001)])
def test_bad_input_raises_an_input_error(remark: str, context: str) -> None:
    with pytest.raises(InputError, match=r"remark|context"):
        service().coach(remark, context)


def test_llm_valid_first_answer() -> None:
    llm = FakeLLM([answer(good_content("en"), "You always interrupt me.")])
    draft, outcome = service(llm).coach("You always interrupt me.", "in the weekly team meeting on Monday")
    assert outcome.backend == "openai" and outcome.first_try_ok is True and draft.backend == "openai"
    assert draft.sbi == good_content("en").sbi and draft.note == ""
    assert len(draft.receiving_tips) == 3 and [f.text for f in draft.flags] == ["always"]
    system, user = llm.calls[0]
    assert "SBI" in system.content and "English" in system.content
    assert '"always" (generalisation' in user.content and '<material n="1"' in user.content
    assert "exactly 3 tips" in user.content and "ask for a concrete example" in user.content


def test_code_owns_the_frame_the_model_only_the_sentences() -> None:
    flags = find_flags("Sie sind ständig chaotisch in den Meetings.", "de", PHRASES)
    frame = feedback_frame(flags, "de")
    assert frame.tips == ("thank", "generalisation", "label", "decide")
    schema = frame.schema().model_json_schema()
    assert (
        schema["properties"]["receiving_tips"]["minItems"]
        == schema["properties"]["receiving_tips"]["maxItems"]
        == 4
    )
    assert "flags" not in schema["properties"] and "start" not in str(schema)  # the flags stay with code
    assert feedback_frame([], "en").tips == ("thank", "clarify", "decide")


def test_a_wrong_number_of_tips_gets_the_repair_round() -> None:
    remark = "You always interrupt me."
    two_tips = good_content("en").model_dump()  # two tips for a frame of three
    llm = FakeLLM([two_tips, answer(good_content("en"), remark)])
    draft, outcome = service(llm).coach(remark)
    assert outcome.repaired and draft.backend == "openai" and len(draft.receiving_tips) == 3
    assert "receiving_tips has 2 entries, but the frame has 3 tip slots" in llm.calls[1][-1].content


def test_llm_repaired_after_one_round() -> None:
    remark = "Sie sind ständig chaotisch in den Meetings."
    bad = _with(good_content("de"), behaviour="Sie sind ständig chaotisch.")
    llm = FakeLLM([answer(bad, remark), answer(good_content("de"), remark)])
    draft, outcome = service(llm).coach(remark)
    assert outcome.backend == "openai" and outcome.repaired and outcome.first_try_ok is False
    assert draft.sbi == good_content("de").sbi
    repair = llm.calls[1][-1].content
    assert "ständig" in repair and "Dein Ergebnis verletzt diese Regeln" in repair


def test_llm_invalid_twice_falls_back_to_the_composer() -> None:
    bad = answer(_with(good_content("en"), request="Is that clear?"), "You always interrupt me.")
    draft, outcome = service(FakeLLM([bad, bad])).coach("You always interrupt me.")
    assert outcome.backend == "offline" and outcome.errors and draft.backend == "offline"
    assert "failed the checks" in draft.note
    assert check_feedback(draft, "You always interrupt me.", "en", PHRASES) == []


def test_llm_exception_falls_back_with_a_note() -> None:
    draft, outcome = service(FakeLLM([ConnectionError("down")] * 2)).coach("Sie hören mir nie zu.")
    assert outcome.backend == "offline" and "nicht erreichbar" in draft.note and draft.language == "de"
