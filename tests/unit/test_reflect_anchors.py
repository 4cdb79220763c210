"""The general rules that tie reflection prompts to what the senior wrote (feelings, events, plans, own words)
and that open up questions with a built-in answer. Every example is new wording, not an eval case."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.catalog import GIBBS_STAGES, load_catalog
from assistant.modes.reflect.anchors import feelings, plan, quotations
from assistant.modes.reflect.compose import compose_reflection
from assistant.modes.reflect.gibbs import anchored_prompts
from assistant.modes.reflect.grammar import mend_contractions
from assistant.modes.reflect.named import own_words
from assistant.modes.reflect.open import open_alternatives, split_questions
from assistant.text.language import Lang
from assistant.text.questions import is_open_question

CATALOG = load_catalog(Path(__file__).resolve().parents[2] / "knowledge")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Ich war am Anfang angespannt, später richtig erleichtert.", "de", ["angespannt", "erleichtert"]),
        ("Der ganze Stress mit der Technik war zäh.", "de", ["gestresst"]),  # a noun named as the feeling
        ("Ich war nicht nervös, eher neugierig.", "de", ["neugierig"]),  # a negated feeling is left out
        (
            "I felt kind of stupid asking twice.",
            "en",
            ["uncomfortable"],
        ),  # a self-judgement: the feeling behind
        ("It was frustrating, then I felt a bit worn out.", "en", ["frustrated", "worn out"]),
        ("Das war mir ehrlich gesagt unangenehm.", "de", ["unangenehm"]),
        ("We laughed a lot.", "en", ["fun"]),
    ],
)
def test_feelings_keep_the_writers_word(text: str, lang: Lang, expected: list[str]) -> None:
    assert [f.word for f in feelings(text, lang)] == expected


def test_feeling_prompts_are_open_and_name_the_feeling() -> None:
    found = anchored_prompts("Heute war ich ziemlich angespannt, am Ende aber stolz.", "de")["feelings"]
    assert any("angespannt" in q for q in found) and any("stolz" in q for q in found)
    assert all(is_open_question(q, "de") for q in found)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Lief gut. Bis Freitag möchte ich die Checkliste mit dem Team teilen.",
            "de",
            "bis Freitag die Checkliste mit dem Team teilen",
        ),
        ("- to do: Signatur in Outlook ändern", "de", "Signatur in Outlook ändern"),
        ("Good one. I'm going to set up two filters tonight.", "en", "set up two filters tonight"),
        ("We talked about what I want from the tandem.", "en", None),  # a wish is not a plan
        ("Heute haben wir viel geschafft.", "de", None),
    ],
)
def test_plan_in_the_writers_words(text: str, lang: Lang, expected: str | None) -> None:
    assert plan(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Wir haben die Reisekostenrichtlinie und das Intranet-Formular durchgesehen.",
            "de",
            ["Reisekostenrichtlinie", "Intranet-Formular"],
        ),
        (
            "Heute ein Teams-Meeting, dazu die Kanalstruktur besprochen.",
            "de",
            ["Kanalstruktur"],
        ),  # Teams is named
        ("sitzung zu onenote. hab das notizbuch endlich angelegt", "de", ["notizbuch"]),  # lower-case note
        (
            "My mentor showed me the budget tracker and a pivot chart.",
            "en",
            ["budget tracker", "pivot chart"],
        ),
        ("- tried notion.so for planning\n- template was confusing", "en", ["notion.so", "template"]),
        ("Mein Mentee (Leiter Controlling, 61) war pünktlich.", "de", []),  # an aside about a person
    ],
)
def test_own_words(text: str, lang: Lang, expected: list[str]) -> None:
    assert own_words(text, lang) == expected


def test_quotations_are_taken_up() -> None:
    assert quotations("Sie sagte „erst fragen, dann klicken“ und lachte.") == ["erst fragen, dann klicken"]
    found = anchored_prompts("My mentor keeps saying 'less is more' about slides.", "en")["analysis"]
    assert found and "'less is more'" in found[0]


@pytest.mark.parametrize(
    ("text", "lang", "stage", "word"),
    [
        ("Der Beamer ist zweimal ausgefallen.", "de", "analysis", "Beamer-Panne"),
        ("the projector died halfway through", "en", "analysis", "problem with the projector"),
        ("She was 20 min late and we rushed.", "en", "analysis", "late start"),
        ("Unser Termin wurde zweimal verschoben.", "de", "action_plan", "nächsten Termin"),
        ("Heute Treffen 4 von 4, ein schöner Abschluss.", "de", "feelings", "zu Ende"),
        ("session 8 of 8 today", "en", "feelings", "coming to an end"),
    ],
)
def test_events_are_taken_up(text: str, lang: Lang, stage: str, word: str) -> None:
    assert any(word in q for q in anchored_prompts(text, lang)[stage])  # type: ignore[index]


def test_no_event_without_its_cue() -> None:
    found = anchored_prompts("Heute 3 von 6 Sitzungen geschafft, alles ruhig.", "de")
    assert not any("zu Ende" in q for q in found["feelings"])


def test_after_session_takes_up_feelings_own_words_and_plan() -> None:
    text = (
        "Session zu Excel: Wir haben die Urlaubsplanung als Tabelle gebaut. Ich war anfangs gehemmt. "
        "Nächste Woche will ich die Vorlage an mein Team schicken."
    )
    result = compose_reflection(text, "after-session", "de", CATALOG.questions, CATALOG.reflection)
    asked = " ".join(i.question for i in result.items)
    assert "Urlaubsplanung" in asked and "gehemmt" in asked and "die Vorlage an mein Team schicken" in asked
    assert {i.label for i in result.items} == set(GIBBS_STAGES)
    assert all(is_open_question(i.question, "de") for i in result.items)


def test_grow_questions_name_the_subject_once_per_phase() -> None:
    result = compose_reflection(
        "Barrierefreie PDFs", "questions", "de", CATALOG.questions, CATALOG.reflection
    )
    named = [i.label for i in result.items if "„Barrierefreie PDFs“" in i.question]
    assert named == ["goal", "reality", "options", "will"]


@pytest.mark.parametrize(
    ("question", "lang", "expected", "dropped"),
    [
        (
            "Liegt es an mir, dass das Projekt stockt?",
            "de",
            "Woran liegt es, dass das Projekt stockt?",
            "an mir",
        ),
        ("Bin ich zu langsam dafür?", "de", "Was würde mir helfen, das leichter zu lernen?", "zu langsam"),
        ("Am I too slow for this?", "en", "What would make this easier for me to learn?", "too slow"),
        (
            "Wäre das unprofessionell?",
            "de",
            "Wie würde das aus deiner Sicht auf andere wirken?",
            "unprofessionell",
        ),
        ("Would my boss find it cringe?", "en", "How do you think my boss would react to that?", "cringe"),
        ("Is video calling hard at my age?", "en", "What makes video calling hard?", "my age"),
    ],
)
def test_built_in_answers_are_dropped(question: str, lang: Lang, expected: str, dropped: str) -> None:
    options = open_alternatives([question], lang)[question]
    assert expected in options
    assert all(is_open_question(o, lang) and dropped not in o for o in options)


def test_contractions_without_apostrophe_are_questions() -> None:
    assert mend_contractions("doesnt it crash? cant tell", "en") == "doesn't it crash? can't tell"
    assert split_questions("wouldnt a wiki be easier", "en") == ["wouldn't a wiki be easier?"]
    assert mend_contractions("Wont", "de") == "Wont"
