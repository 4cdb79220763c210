"""The general rules of a session plan: the exercise is a block of the agenda and its steps add up to it,
numbers agree, the senior's context changes the plan, and no sentence pastes the topic where a tool belongs."""

import re
from typing import Any

import pytest

from assistant.catalog import load_catalog
from assistant.modes.prepare.blocks import midway
from assistant.modes.prepare.checks import check_plan
from assistant.modes.prepare.compose import compose_plan, fill_frame
from assistant.modes.prepare.exercise import STEP_MINUTES, fit_steps
from assistant.modes.prepare.frame import plan_frame
from assistant.modes.prepare.models import Exercise, PlanContent, PlanRequest
from assistant.modes.prepare.senior import SeniorNeeds, field_of
from assistant.modes.prepare.subject import Subject
from assistant.schema import Chunk
from assistant.settings import PROJECT_ROOT

CATALOG = load_catalog(PROJECT_ROOT / "knowledge")


def plan(
    topic: str, minutes: int, session: int, of: int = 6, senior: str = "", lang: Any = "de"
) -> PlanContent:
    return compose_plan(PlanRequest(topic, minutes, session, of, senior), lang, CATALOG.agendas, [], None)


def text_of(content: PlanContent) -> str:
    parts = [*content.goals, *content.materials, *content.next_time]
    for item in content.agenda:
        parts += [item.title, item.activity, *item.guiding_questions]
    if content.exercise is not None:
        parts += [content.exercise.title, *content.exercise.steps]
    return "\n".join(parts)


def practice_block_of(content: PlanContent) -> int:
    assert content.exercise is not None
    return next(
        i
        for i, b in enumerate(content.agenda)
        if b.minutes == content.exercise.minutes
        and re.search(r"Erfolg|Praxis|win|Hands-on|Zeigen|Show", b.title)
    )


def test_the_issue_case_holds_its_exercise_in_the_agenda_and_uses_the_context() -> None:
    topic, senior = "Zoom für Kundentermine", "telefoniert lieber, skeptisch gegenüber Videocalls"
    content = plan(topic, 45, 1, senior=senior)
    assert sum(b.minutes for b in content.agenda) == 45
    assert content.exercise is not None
    block = content.agenda[practice_block_of(content)]
    assert "Erfolg" in block.title and "Zoom" in block.title
    minutes = [int(m) for step in content.exercise.steps for m in STEP_MINUTES.findall(step)]
    assert sum(minutes) == content.exercise.minutes == block.minutes
    text = text_of(content)
    assert f"„{topic}“" not in text  # never pasted where the tool belongs
    assert "Zoom" in " ".join(content.exercise.steps)
    without = text_of(plan(topic, 45, 1))
    assert text.count("Bedenken") > without.count("Bedenken")  # the context changes the plan, not the header
    assert check_plan(content, PlanRequest(topic, 45, 1, 6, senior), "de") == []


@pytest.mark.parametrize(
    ("topic", "minutes", "session", "lang"),
    [
        ("Phishing erkennen", 30, 4, "de"),
        ("Teams-Kanäle statt E-Mail", 90, 2, "de"),
        ("Feedbackkultur", 75, 3, "de"),
        ("What makes a good prompt?", 45, 4, "en"),
        ("working across generations", 90, 6, "en"),
        ("Generative KI", 120, 5, "de"),
        ("Gemini", 20, 2, "en"),
    ],
)
def test_every_exercise_fills_its_block_and_its_steps_add_up(
    topic: str, minutes: int, session: int, lang: Any
) -> None:
    content = plan(topic, minutes, session, lang=lang)
    assert content.exercise is not None
    holder = content.agenda[practice_block_of(content)]
    assert holder.minutes == content.exercise.minutes
    given = [int(m) for step in content.exercise.steps for m in STEP_MINUTES.findall(step)]
    assert given and sum(given) == content.exercise.minutes
    assert check_plan(content, PlanRequest(topic, minutes, session, 6), lang) == []


def test_no_sentence_pastes_a_topic_that_is_not_a_tool() -> None:
    for topic, lang, bad in [
        (
            "Zoom für Kundentermine",
            "de",
            ["öffnet „Zoom für Kundentermine“", "Zugang zu „Zoom für Kundentermine“"],
        ),
        ("What makes a good prompt?", "en", ["opens 'What", "access to 'What", "tries 'What"]),
        ("Feedbackkultur im Team", "de", ["eigenen Gerät", "probiert „Feedbackkultur"]),
    ]:
        for session in (1, 3, 6):
            text = text_of(plan(topic, 60, session, lang=lang))
            assert not [b for b in bad if b in text], (topic, session)


def test_non_digital_topics_practise_on_a_real_situation() -> None:
    content = plan("Feedbackkultur", 60, 2)
    assert content.exercise is not None and "Rollenspiel" in " ".join(content.exercise.steps)
    assert "Gerät" not in text_of(content)
    assert plan("Feedbackkultur", 60, 1).exercise is None  # a first session on it needs no exercise


def test_the_senior_field_and_signals_change_questions_pace_and_examples() -> None:
    base = text_of(plan("ChatGPT", 60, 3))
    for senior, expected in [
        (
            "Bereichsleiterin Finanzen, hat ChatGPT noch nie benutzt",
            ["Bereich Finanzen", "Schritt für Schritt"],
        ),
        ("kennt sich gut aus, langweilt sich schnell", ["Grundlagen überspringen", "an Grenzen"]),
        ("hat wenig Zeit", ["Nur eine Sache", "vorab verschickt"]),
        ("redet gern viel", ["Themenparkplatz"]),
        ("hat Angst, etwas falsch zu machen", ["Fehler sind hier erwünscht"]),
    ]:
        text = text_of(plan("ChatGPT", 60, 3, senior=senior))
        for words in expected:
            assert words in text and words not in base, (senior, words)
    english = text_of(plan("ChatGPT", 60, 3, senior="CFO, sceptical about AI", lang="en"))
    assert "examples from finance" in english and "What concerns do you have about ChatGPT" in english


def test_reading_the_senior_context() -> None:
    assert SeniorNeeds.read("nicht so technikaffin").signals == {"beginner"}
    assert SeniorNeeds.read("sehr technikaffin").signals == {"advanced"}
    assert "concerns" in SeniorNeeds.read("reluctant, prefers the phone").signals
    assert "mobile" in SeniorNeeds.read("plant manager, rarely at a desk").signals
    assert not SeniorNeeds.read("")
    assert [field_of(t) for t in ["Einkaufsleiterin", "head of logistics", "Geschäftsführer", "COO"]] == [
        "Einkauf",
        "logistics",
        None,
        "Betrieb",
    ]


def test_subject_phrases_fit_any_topic() -> None:
    assert Subject.of("Excel Pivot").with_it("de") == " mit Excel"
    assert Subject.of("Datenschutz bei KI-Tools").with_it("de") == " zum Thema Datenschutz"
    assert Subject.of("Gen Z verstehen").with_it("en") == ""
    assert Subject.of("Gen Z verstehen").about_it("de") == "bei diesem Thema"


def test_session_rules_from_the_programme_material() -> None:
    second = plan("LinkedIn", 60, 2)
    assert "Lernvereinbarung" in second.agenda[0].activity  # finalised in session 2's check-in
    assert sorted(midway(6)) == sorted(CATALOG.profile.midway_review.sessions)
    half = plan("LinkedIn", 60, 3)
    assert any("Halbzeit" in b.activity for b in half.agenda)
    long_closing = plan("LinkedIn", 120, 6)
    assert any(b.title == "Pause" and b.minutes == 5 for b in long_closing.agenda)
    assert sum(b.minutes for b in long_closing.agenda) == 120
    assert not any(b.title == "Pause" for b in plan("LinkedIn", 90, 6).agenda)  # the profile's 90 stays


def test_card_steps_are_scaled_to_the_block_and_a_break_is_a_step() -> None:
    steps = ["**Einrichten (2 Minuten):** öffnen", "**Zusammenfassen (5 Minuten):** Text", "(5 Min.) Prompt"]
    fitted = fit_steps(steps, 40, True, "de")
    assert "Pause (5 Min.)" in fitted
    assert sum(int(m) for s in fitted for m in STEP_MINUTES.findall(s)) == 40
    assert fit_steps(steps, 6, False, "de") == [
        "**Einrichten (2 Minuten):** öffnen",
        "**Zusammenfassen (4 Minuten):** Text",
    ]


class CardRetriever:
    """A retriever that knows one topic card with an exercise section."""

    def __init__(self, doc_id: str, text: str, exercise: str) -> None:
        def chunk(n: int, section: str, body: str) -> Chunk:
            return Chunk(
                id=f"{doc_id}#{n}",
                text=body,
                doc_id=doc_id,
                title="Themenkarte",
                section=section,
                source="topics/x.md",
                root="knowledge",
                lang="de",
                file_hash="x",
                start_line=n,
            )

        self.chunks = [
            chunk(1, "Warum", text),
            chunk(2, "Praxisübung: Erste Schritte (20 Minuten)", exercise),
        ]

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        return [c for c in self.chunks if c.doc_id == doc_id]


def test_a_card_exercise_is_used_only_when_the_card_names_the_tool() -> None:
    exercise = "1. **Öffnen (5 Minuten):** Werkzeug öffnen\n2. **Prompt (15 Minuten):** schreiben"
    card = CardRetriever("topic-generative-ai.de", "ChatGPT und Copilot im Alltag", exercise)
    frame = plan_frame(PlanRequest("ChatGPT", 60, 2, 6), "de", CATALOG.agendas)
    chosen = fill_frame(frame, card).exercise  # type: ignore[arg-type]
    assert chosen is not None and chosen.title == "Praxisübung: Erste Schritte"  # the card's length is gone
    assert sum(int(m) for s in chosen.steps for m in STEP_MINUTES.findall(s)) == chosen.minutes == 25
    other = plan_frame(PlanRequest("Gemini", 60, 2, 6), "de", CATALOG.agendas)
    generic = fill_frame(other, card).exercise  # type: ignore[arg-type]
    assert generic is not None and "mit Gemini" in generic.steps[0]


def test_checks_find_an_exercise_outside_the_agenda_and_numbers_that_disagree() -> None:
    content = plan("ChatGPT", 45, 1)
    request = PlanRequest("ChatGPT", 45, 1, 6)
    outside = content.model_copy(
        update={"exercise": Exercise(title="Praxisübung", minutes=13, steps=["a", "b"])}
    )
    assert any("not a block of the agenda" in e for e in check_plan(outside, request, "de"))
    assert content.exercise is not None
    wrong_steps = content.exercise.model_copy(update={"steps": ["A (3 Min.)", "B (3 Min.)"]})
    errors = check_plan(content.model_copy(update={"exercise": wrong_steps}), request, "de")
    assert any("steps take 6 minutes" in e for e in errors)
    wrong_of = content.model_copy(update={"next_time": ["Termin für Sitzung 2 von 8"]})
    assert any("programme of 6 sessions" in e for e in check_plan(wrong_of, request, "de"))
