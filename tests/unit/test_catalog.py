"""The structured programme catalog: shipped data, schemas, loaders and the open-question check."""

from __future__ import annotations

import copy
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.catalog import (
    GIBBS_STAGES,
    GROW_PHASES,
    PHRASE_KINDS,
    SESSION_KINDS,
    Catalog,
    CatalogError,
    FeedbackPhrases,
    Lang,
    Scenario,
    load_agenda_templates,
    load_catalog,
    load_feedback_phrases,
    load_question_bank,
    load_reflection_prompts,
    load_scenarios,
    pair_problems,
)
from assistant.text.questions import is_open_question

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "knowledge"
QUESTION_TOPICS = (
    "generative-ai",
    "social-media",
    "collaboration-tools",
    "hybrid-work",
    "data-protection",
    "feedback",
    "learning-goals",
    "general",
)
LANGS: tuple[Lang, ...] = ("de", "en")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(KNOWLEDGE)


# --- shipped data: counts and coverage ------------------------------------------------------------------


def test_shipped_scenarios_counts(catalog: Catalog) -> None:
    by_lang = Counter(s.lang for s in catalog.scenarios)
    assert len(catalog.scenarios) >= 32
    assert by_lang["de"] == by_lang["en"] >= 16
    assert {s.difficulty for s in catalog.scenarios} == {"easy", "medium", "hard"}
    assert {s.trainee_role for s in catalog.scenarios} == {"junior", "senior", "trainer"}
    for scenario in catalog.scenarios:
        assert 2 <= len(scenario.hidden_concerns) <= 3, scenario.id
        assert 4 <= len(scenario.rubric) <= 6, scenario.id


def test_every_scenario_is_a_translation_pair(catalog: Catalog) -> None:
    # each id in German and English; both versions assess the same criteria, equally hard, for the same role
    assert pair_problems(catalog.scenarios) == []
    assert {s.id for s in catalog.scenarios} >= NEW_SCENARIOS


# Scenarios whose session uses or plans practice with a tool (AI assistant, LinkedIn, channels, video calls,
# livestreams); each assesses whether the trainee practises with invented or public data and says why.
TOOL_SCENARIOS = {
    "bored-senior-too-basic",
    "data-protection-concerns",
    "defensive-senior-feedback",
    "dominating-senior",
    "first-session-sceptical-senior",
    "generative-ai-worried-senior",
    "honest-feedback-reluctant-junior",
    "hybrid-meetings",
    "linkedin-done-for-me",
    "senior-asks-open-questions",
    "senior-fishing-for-information",
}
NEW_SCENARIOS = {
    "senior-receives-critical-feedback",
    "senior-fishing-for-information",
    "ending-tandem-early",
    "disclosure-needs-escalation",
}
SAFE_DATA_WORDS = {
    "de": (r"\becht", r"ausgedacht|öffentlich|veröffentlicht", r"\bwarum\b"),
    "en": (r"\breal\b", r"\binvented\b|\bpublic\b|\bpublished\b", r"\bwhy\b"),
}


def test_tool_scenarios_assess_safe_practice_data(catalog: Catalog) -> None:
    with_criterion = {s.id for s in catalog.scenarios if "safe-practice-data" in {c.id for c in s.rubric}}
    assert with_criterion == TOOL_SCENARIOS
    for scenario in catalog.scenarios:
        if scenario.id not in TOOL_SCENARIOS:
            continue
        crit = scenario.criterion("safe-practice-data")
        real, invented, why = SAFE_DATA_WORDS[scenario.lang]
        assert re.search(real, crit.anchor_0, re.IGNORECASE), (scenario.id, scenario.lang)
        assert re.search(invented, crit.anchor_4, re.IGNORECASE), (scenario.id, scenario.lang)
        assert re.search(why, crit.anchor_4, re.IGNORECASE), (scenario.id, scenario.lang)


def test_scenario_lookup(catalog: Catalog) -> None:
    first = catalog.scenarios[0]
    assert catalog.scenario(first.id) is first
    assert catalog.scenario(first.id, "en").lang == "en" and catalog.scenario(first.id, "de").lang == "de"
    assert first.criterion(first.rubric[0].id) is first.rubric[0]
    assert all(s.lang == "de" for s in catalog.scenarios_for("de"))
    with pytest.raises(KeyError):
        catalog.scenario("no-such-scenario")
    with pytest.raises(KeyError, match=r"no-such-scenario\.en"):
        catalog.scenario("no-such-scenario", "en")


@pytest.mark.parametrize("topic", QUESTION_TOPICS)
@pytest.mark.parametrize("phase", GROW_PHASES)
@pytest.mark.parametrize("lang", LANGS)
def test_every_topic_phase_lang_has_three_questions(
    catalog: Catalog, topic: str, phase: Any, lang: Any
) -> None:
    assert len(catalog.questions.get(topic, phase, lang)) >= 3


@pytest.mark.parametrize("stage", GIBBS_STAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_every_gibbs_stage_has_four_prompts(catalog: Catalog, stage: Any, lang: Any) -> None:
    assert len(catalog.reflection.get(stage, lang)) >= 4


@pytest.mark.parametrize("session", SESSION_KINDS)
@pytest.mark.parametrize("minutes", (45, 60, 90))
@pytest.mark.parametrize("lang", LANGS)
def test_every_agenda_template_exists_and_sums(
    catalog: Catalog, session: Any, minutes: int, lang: Any
) -> None:
    template = catalog.agendas.get(session, minutes, lang)
    assert template is not None
    assert sum(item.minutes for item in template.items) == minutes
    titles = " | ".join(item.title.lower() for item in template.items)
    if session == "first":
        assert "introduc" in titles or "kennenlernen" in titles
        assert "expectation" in titles or "erwartung" in titles
        assert "learning agreement" in titles or "lernvereinbarung" in titles
    else:
        first_title = template.items[0].title.lower()
        assert "last session" in first_title or "letzte sitzung" in first_title
    if session == "regular":
        assert "hands-on" in titles or "praxis" in titles
    if session == "closing":
        assert "review of goals" in titles or "zielüberprüfung" in titles
        assert "final reflection" in titles or "abschlussreflexion" in titles


def test_agenda_closest(catalog: Catalog) -> None:
    template = catalog.agendas.closest("regular", 50, "de")
    assert template is not None and (template.minutes, template.lang) == (45, "de")
    assert catalog.agendas.closest("regular", 200, "en").minutes == 90  # type: ignore[union-attr]


def test_feedback_phrase_counts(catalog: Catalog) -> None:
    for lang in LANGS:
        phrases = catalog.phrases.for_lang(lang)
        assert len(phrases) >= 14, lang
        assert {p.kind for p in phrases} == set(PHRASE_KINDS), lang


# --- shipped data: open questions and guideline documents -----------------------------------------------


def test_all_bank_questions_are_open(catalog: Catalog) -> None:
    closed = [
        (entry.lang, q)
        for entry in catalog.questions.questions
        for q in entry.questions
        if not is_open_question(q, entry.lang)
    ]
    closed += [
        (entry.lang, p)
        for entry in catalog.reflection.stages
        for p in entry.prompts
        if not is_open_question(p, entry.lang)
    ]
    assert closed == []


def test_all_agenda_guiding_questions_are_open(catalog: Catalog) -> None:
    closed = [
        (t.lang, q)
        for t in catalog.agendas.templates
        for item in t.items
        for q in item.guiding_questions
        if not is_open_question(q, t.lang)
    ]
    assert closed == []
    assert all(item.guiding_questions for t in catalog.agendas.templates for item in t.items)


def test_guideline_docs_exist(catalog: Catalog) -> None:
    available = {path.name.removesuffix(".md") for path in KNOWLEDGE.rglob("*.md")}
    missing = {
        s.id: [doc for doc in s.guideline_docs if doc not in available]
        for s in catalog.scenarios
        if any(doc not in available for doc in s.guideline_docs)
    }
    assert missing == {}, f"no knowledge/**/<id>.md for: {missing}"


# --- is_open_question -----------------------------------------------------------------------------------

OPEN_DE = [
    "Was hat Sie überrascht?",
    "Wie, wann und wo?",
    "Warum?",
    "Welche Aufgabe möchten Sie als Erstes angehen?",
    "Woran würden Sie merken, dass es funktioniert?",
    "„Wie sind Sie vorgegangen?“",
    "Und was hat Ihnen dabei geholfen?",
    "Stellen Sie sich vor, das Projekt ist ein Erfolg. Was hat sich verändert?",
    "Erzählen Sie mal, wie die Besprechung gelaufen ist?",
    "Kurze Frage: Wie haben Sie das gelöst?",
]
CLOSED_DE = [
    "Hast du das verstanden?",
    "Haben Sie das schon ausprobiert?",
    "Können Sie mir das zeigen?",
    "Ist das klar?",
    "Würden Sie das wieder so machen?",
    "Gibt es noch Fragen?",
    "Okay. Hast du das verstanden?",
    "Hast du z. B. Teams genutzt?",
    "Oder?",
    "Was hat Sie überrascht.",
    "Was hat Sie überrascht",
    "",
    "?",
]
OPEN_EN = [
    "What surprised you?",
    "How did you approach it?",
    "Why?",
    "Which task would you like to start with?",
    "Who else could help you with this?",
    '"What did you notice?"',
    "So, what did you learn today?",
    "Imagine the project is a success. What has changed?",
    "Tell me, how did the meeting go?",
]
CLOSED_EN = [
    "Did it work?",
    "Do you use Teams?",
    "Is that clear?",
    "Can you show me?",
    "Would you do it again?",
    "Isn’t that great?",
    "Don't you think so?",
    "Have you tried it, e.g. with a real document?",
    "So, did it work?",
    "Right?",
    "What surprised you.",
    "What surprised you",
]


@pytest.mark.parametrize("text", OPEN_DE)
def test_open_questions_de(text: str) -> None:
    assert is_open_question(text, "de")


@pytest.mark.parametrize("text", CLOSED_DE)
def test_closed_or_non_questions_de(text: str) -> None:
    assert not is_open_question(text, "de")


@pytest.mark.parametrize("text", OPEN_EN)
def test_open_questions_en(text: str) -> None:
    assert is_open_question(text, "en")


@pytest.mark.parametrize("text", CLOSED_EN)
def test_closed_or_non_questions_en(text: str) -> None:
    assert not is_open_question(text, "en")


def test_open_question_language_matters_and_is_validated() -> None:
    # "Was" opens a German W-question but an English yes/no question.
    assert is_open_question("Was hat dir gefallen?", "de")
    assert not is_open_question("Was it useful?", "en")
    assert is_open_question("What helped?", "EN")
    with pytest.raises(ValueError, match="unsupported language"):
        is_open_question("Qu'est-ce qui a marché ?", "fr")


# --- feedback phrases -----------------------------------------------------------------------------------

NEUTRAL_DE = [
    "In der Besprechung am Dienstag haben Sie mich zweimal unterbrochen, als ich die Folie zu Copilot erklärt habe.",
    "Dadurch konnte ich meinen Gedanken nicht zu Ende führen, und ich war unsicher, ob ich weitersprechen soll.",
    "Sie sind am Montag zehn Minuten nach Beginn dazugekommen, und uns blieben nur zwanzig Minuten zum Üben.",
    "Die letzten drei Termine wurden jeweils am Vortag über Ihr Vorzimmer abgesagt.",
    "Mir ist aufgefallen, dass Ihre Kamera während der Teamrunde ausgeschaltet war.",
    "Ich habe noch nie einen Prompt geschrieben und bin immer noch etwas unsicher dabei.",
    "Wann immer Sie Fragen haben, melden Sie sich gern über den Chat.",
    "Im Chat sind während des Livestreams über zwanzig Fragen unbeantwortet geblieben.",
    "Ich würde mir wünschen, dass wir Absagen mindestens einen Tag vorher persönlich besprechen.",
    "Immer mehr Teams nutzen gemeinsame Dokumente, deshalb möchte ich Ihnen die Kommentarfunktion zeigen.",
    "Sie haben im Meeting nebenbei E-Mails geschrieben, und zwei Kolleginnen haben danach nichts mehr gesagt.",
    "Die Baby-Boomer gehen in den nächsten Jahren in Rente, deshalb ist der Wissenstransfer wichtig.",
]
NEUTRAL_EN = [
    "In Tuesday's meeting you interrupted me twice while I was explaining the Copilot slide.",
    "As a result I couldn't finish my point, and I felt unsure whether to carry on.",
    "You are presenting the results on Friday, so let's prepare the slides together on Thursday.",
    "The last three sessions were cancelled the day before by your office.",
    "I noticed that your camera was off during the team call.",
    "I've never written a prompt before, so I'm still a little unsure.",
    "You're right that the chat moved too fast for the people in the room.",
    "During the livestream, more than twenty questions in the chat went unanswered.",
    "I would like us to discuss cancellations personally at least a day in advance.",
    "When you joined ten minutes late on Monday, we had only twenty minutes left for practice.",
    "You are entitled to two days of training per year, and we built a fool-proof checklist for them.",
    "Baby boomers make up a large share of our workforce.",
]


def test_every_phrase_example_is_found_by_scan(catalog: Catalog) -> None:
    for phrase in catalog.phrases.phrases:
        for example in phrase.examples:
            hits = catalog.phrases.scan(example, phrase.lang)
            assert phrase.id in {h.phrase.id for h in hits}, (phrase.id, example)


@pytest.mark.parametrize(
    ("lang", "sentence"), [("de", s) for s in NEUTRAL_DE] + [("en", s) for s in NEUTRAL_EN]
)
def test_neutral_sbi_sentences_are_not_flagged(catalog: Catalog, lang: Any, sentence: str) -> None:
    assert [h.phrase.id for h in catalog.phrases.scan(sentence, lang)] == []


def test_alternatives_are_not_judgemental_themselves(catalog: Catalog) -> None:
    flagged = [
        (p.id, alt, [h.phrase.id for h in catalog.phrases.scan(alt, p.lang)])
        for p in catalog.phrases.phrases
        for alt in p.alternatives
        if catalog.phrases.scan(alt, p.lang)
    ]
    assert flagged == []


def test_scan_reports_positions_and_handles_typographic_apostrophes(catalog: Catalog) -> None:
    text = "Thanks for the update. You’re so defensive."
    hits = catalog.phrases.scan(text, "en")
    assert [h.phrase.kind for h in hits] == ["you_statement"]
    assert text[hits[0].start : hits[0].end] == hits[0].text == "You’re so defensive"
    assert catalog.phrases.scan("Sie sind einfach chaotisch.", "en") == []
    assert {h.phrase.kind for h in catalog.phrases.scan("Sie sind einfach chaotisch.")} == {
        "you_statement",
        "label",
    }


# --- negative tests: every bad file raises CatalogError naming the file ---------------------------------


def _scenario(scenario_id: str = "demo-scenario") -> dict[str, Any]:
    criterion = {
        "name": "Open questions",
        "description": "Uses open questions.",
        "anchor_0": "Asks no open question.",
        "anchor_4": "Asks at least three open questions that build on the answers.",
    }
    return {
        "id": scenario_id,
        "lang": "en",
        "title": "Demo",
        "summary": "A short demo scenario.",
        "persona": {
            "role": "Head of Finance",
            "age_band": "55-64",
            "attitude": "Sceptical.",
            "digital_fluency": "low",
            "background": "Long career in finance.",
            "speaking_style": "Short sentences.",
        },
        "trainee_role": "junior",
        "trainee_goal": "Build rapport.",
        "opening_line": "What is your plan?",
        "hidden_concerns": [{"concern": "Fears looking incompetent.", "reveal_when": "Asked openly."}],
        "difficulty": "easy",
        "rubric": [dict(criterion, id=cid) for cid in ("a", "b", "c")],
        "guideline_docs": ["first-session.en"],
        "tags": ["demo"],
        "practice": {
            "replies": {
                "guarded": ["Hm.", "Go on."],
                "neutral": ["Fine.", "I see."],
                "open": ["Good.", "Yes!"],
            },
            "disclosures": ["I fear looking incompetent."],
            "evidence": {cid: {"signals": ["open_question"], "cues": ["goal"]} for cid in ("a", "b", "c")},
        },
    }


def _write(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _assert_readable(message: str, *fragments: str) -> None:
    for fragment in fragments:
        assert fragment in message, (fragment, message)
    assert "errors.pydantic.dev" not in message
    assert "validation error for" not in message


DEMO_FILE = "demo-scenario.en.yaml"


def test_valid_scenario_loads(tmp_path: Path) -> None:
    _write(tmp_path / DEMO_FILE, _scenario())
    [scenario] = load_scenarios(tmp_path)
    assert scenario.id == "demo-scenario" and scenario.rubric[0].weight == 1.0


def test_scenario_pair_loads_and_trainer_role_is_allowed(tmp_path: Path) -> None:
    _write(tmp_path / DEMO_FILE, _scenario())
    _write(tmp_path / "demo-scenario.de.yaml", dict(_scenario(), lang="de", trainee_role="trainer"))
    scenarios = load_scenarios(tmp_path)
    assert [(s.id, s.lang) for s in scenarios] == [("demo-scenario", "de"), ("demo-scenario", "en")]
    assert scenarios[0].trainee_role == "trainer"


@pytest.mark.parametrize(
    ("name", "fragments"),
    [
        ("demo.yaml", ("demo.yaml", "file name must be <id>.<lang>.yaml")),
        ("demo-scenario.fr.yaml", ("demo-scenario.fr.yaml", "file name must be <id>.<lang>.yaml")),
        ("Demo Scenario.en.yaml", ("Demo Scenario.en.yaml", "file name must be")),
        (
            "other-id.en.yaml",
            ("other-id.en.yaml", "id: is 'demo-scenario' but the file name says 'other-id'"),
        ),
        ("demo-scenario.de.yaml", ("demo-scenario.de.yaml", "lang: is 'en' but the file name says 'de'")),
    ],
)
def test_scenario_file_name_is_the_pair_key(tmp_path: Path, name: str, fragments: tuple[str, ...]) -> None:
    _write(tmp_path / name, _scenario())
    with pytest.raises(CatalogError) as err:
        load_scenarios(tmp_path)
    _assert_readable(str(err.value), *fragments)


def _pair(**german: Any) -> list[Scenario]:
    english = Scenario.model_validate(_scenario())
    return [english, Scenario.model_validate(dict(_scenario(), lang="de", **german))]


def test_pair_problems_accepts_a_matching_pair() -> None:
    assert pair_problems(_pair()) == []


def test_pair_problems_names_a_missing_translation() -> None:
    [problem] = pair_problems(_pair()[:1])
    assert "demo-scenario" in problem and "no de version" in problem and "demo-scenario.de.yaml" in problem


@pytest.mark.parametrize(
    ("german", "field"),
    [
        ({"difficulty": "hard"}, "difficulty"),
        ({"trainee_role": "senior"}, "trainee_role"),
        ({"rubric": [dict(_scenario()["rubric"][0], id=cid) for cid in ("a", "c", "b")]}, "rubric ids"),
        ({"rubric": [dict(c, weight=2.0) for c in _scenario()["rubric"]]}, "rubric weights"),
    ],
)
def test_pair_problems_names_what_differs(german: dict[str, Any], field: str) -> None:
    [problem] = pair_problems(_pair(**german))
    assert problem.startswith(f"demo-scenario: {field} not the same in de") and "assess the same" in problem


def test_scenario_missing_field(tmp_path: Path) -> None:
    data = _scenario()
    del data["persona"]["attitude"]
    _write(tmp_path / DEMO_FILE, data)
    with pytest.raises(CatalogError) as err:
        load_scenarios(tmp_path)
    _assert_readable(str(err.value), DEMO_FILE, "persona.attitude", "missing")


def test_scenario_unknown_field(tmp_path: Path) -> None:
    data = _scenario()
    data["rubric"][1]["anchor_5"] = "Too many anchors."
    _write(tmp_path / DEMO_FILE, data)
    with pytest.raises(CatalogError) as err:
        load_scenarios(tmp_path)
    _assert_readable(str(err.value), DEMO_FILE, "rubric[1](b).anchor_5", "unknown field", "anchor_4")


def test_scenario_bad_yaml(tmp_path: Path) -> None:
    (tmp_path / "broken.en.yaml").write_text("id: demo\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_scenarios(tmp_path)
    _assert_readable(str(err.value), "broken.en.yaml", "invalid YAML", "line")


def test_scenario_duplicate_yaml_key(tmp_path: Path) -> None:
    text = yaml.safe_dump(_scenario(), sort_keys=False) + "title: Second title\n"
    (tmp_path / DEMO_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_scenarios(tmp_path)
    _assert_readable(str(err.value), DEMO_FILE, "duplicate key 'title'")


@pytest.mark.parametrize(
    ("mutate", "fragments"),
    [
        (lambda d: d["rubric"][2].update(id="a"), ("rubric", "unique")),
        (lambda d: d.update(hidden_concerns=[]), ("hidden_concerns",)),
        (lambda d: d.update(rubric=d["rubric"][:2]), ("rubric",)),
        (lambda d: d.update(title="   "), ("title", "must not be empty")),
        (lambda d: d["persona"].update(digital_fluency="mid"), ("persona.digital_fluency", "'mid'")),
        (lambda d: d.update(guideline_docs=["first-session"]), ("guideline_docs[0]",)),
        (lambda d: d.update(lang="fr"), ("lang",)),
        (lambda d: d.update(trainee_role="coach"), ("trainee_role", "'coach'")),
        (lambda d: d.update(rubric=d["rubric"] * 3), ("rubric",)),
    ],
)
def test_scenario_invalid_values(tmp_path: Path, mutate: Any, fragments: tuple[str, ...]) -> None:
    data = copy.deepcopy(_scenario())
    mutate(data)
    _write(tmp_path / DEMO_FILE, data)
    with pytest.raises(CatalogError) as err:
        load_scenarios(tmp_path)
    _assert_readable(str(err.value), DEMO_FILE, *fragments)


def test_scenario_top_level_must_be_mapping(tmp_path: Path) -> None:
    _write(tmp_path / DEMO_FILE, [_scenario()])
    with pytest.raises(CatalogError, match=r"demo-scenario\.en\.yaml.*expected a mapping"):
        load_scenarios(tmp_path)


def test_missing_directory_and_files(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="not found"):
        load_scenarios(tmp_path / "nowhere")
    with pytest.raises(CatalogError, match=r"questions\.yaml"):
        load_question_bank(tmp_path / "questions.yaml")
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"empty\.yaml: file is empty"):
        load_reflection_prompts(tmp_path / "empty.yaml")


def _agenda(
    item_minutes: tuple[int, ...] = (20, 25), question: str = "What would help you today?"
) -> dict[str, Any]:
    items = [
        {"title": f"Block {i}", "minutes": m, "activity": "Practice.", "guiding_questions": [question]}
        for i, m in enumerate(item_minutes)
    ]
    return {"templates": [{"session": "regular", "minutes": 45, "lang": "en", "items": items}]}


def test_agenda_valid_and_minutes_must_add_up(tmp_path: Path) -> None:
    assert load_agenda_templates(_write(tmp_path / "ok.yaml", _agenda())).templates[0].minutes == 45
    path = _write(tmp_path / "agendas.yaml", _agenda((20, 20)))
    with pytest.raises(CatalogError) as err:
        load_agenda_templates(path)
    _assert_readable(str(err.value), "agendas.yaml", "templates[0](regular/45/en)", "add up to 40, not 45")


def test_agenda_guiding_questions_must_be_open(tmp_path: Path) -> None:
    path = _write(tmp_path / "agendas.yaml", _agenda(question="Did you practise?"))
    with pytest.raises(CatalogError) as err:
        load_agenda_templates(path)
    _assert_readable(str(err.value), "agendas.yaml", "open questions", "Did you practise?")


def test_question_bank_rejects_closed_questions(tmp_path: Path) -> None:
    data = {
        "questions": [{"topic": "general", "phase": "goal", "lang": "de", "questions": ["Hast du ein Ziel?"]}]
    }
    with pytest.raises(CatalogError) as err:
        load_question_bank(_write(tmp_path / "questions.yaml", data))
    _assert_readable(
        str(err.value), "questions.yaml", "questions[0](general/goal/de).questions", "Hast du ein Ziel?"
    )


def test_question_bank_rejects_duplicate_entries(tmp_path: Path) -> None:
    entry = {"topic": "general", "phase": "goal", "lang": "en", "questions": ["What matters most?"]}
    with pytest.raises(CatalogError, match="general/goal/en"):
        load_question_bank(_write(tmp_path / "questions.yaml", {"questions": [entry, entry]}))


def test_reflection_rejects_unknown_stage(tmp_path: Path) -> None:
    data = {"stages": [{"stage": "summary", "lang": "en", "prompts": ["What happened?"]}]}
    with pytest.raises(CatalogError) as err:
        load_reflection_prompts(_write(tmp_path / "reflection.yaml", data))
    _assert_readable(str(err.value), "reflection.yaml", "stages[0](summary/en).stage", "'summary'")


def _phrase(**overrides: Any) -> dict[str, Any]:
    phrase = {
        "id": "en-test",
        "lang": "en",
        "kind": "generalisation",
        "pattern": r"\b(?:always|never)\b",
        "examples": ["You always interrupt me."],
        "why": "It is rarely literally true.",
        "alternatives": ["Name the specific occasions."],
    }
    phrase.update(overrides)
    return {"phrases": [phrase]}


def test_phrase_valid(tmp_path: Path) -> None:
    phrases = load_feedback_phrases(_write(tmp_path / "ok.yaml", _phrase()))
    assert isinstance(phrases, FeedbackPhrases) and phrases.scan("You NEVER reply.")[0].text == "NEVER"


def test_phrase_pattern_must_compile(tmp_path: Path) -> None:
    path = _write(tmp_path / "feedback_phrases.yaml", _phrase(pattern=r"\b(always"))
    with pytest.raises(CatalogError) as err:
        load_feedback_phrases(path)
    _assert_readable(
        str(err.value), "feedback_phrases.yaml", "phrases[0](en-test/en).pattern", "does not compile"
    )


def test_phrase_pattern_must_match_examples(tmp_path: Path) -> None:
    path = _write(tmp_path / "feedback_phrases.yaml", _phrase(examples=["You interrupt me sometimes."]))
    with pytest.raises(CatalogError) as err:
        load_feedback_phrases(path)
    _assert_readable(str(err.value), "feedback_phrases.yaml", "does not match", "You interrupt me sometimes.")


def test_phrase_pattern_must_match_whole_words(tmp_path: Path) -> None:
    path = _write(tmp_path / "p.yaml", _phrase(pattern=r"\bway", examples=["Always late."]))
    with pytest.raises(CatalogError, match=r"p\.yaml.*does not match"):
        load_feedback_phrases(path)
    path = _write(tmp_path / "q.yaml", _phrase(pattern=r"\blaz", examples=["That was lazy."]))
    with pytest.raises(CatalogError, match=r"q\.yaml.*part of a word"):
        load_feedback_phrases(path)
    path = _write(tmp_path / "r.yaml", _phrase(pattern="always"))
    with pytest.raises(CatalogError, match=r"r\.yaml.*word boundaries"):
        load_feedback_phrases(path)


def test_load_catalog_names_the_broken_bank(tmp_path: Path) -> None:
    _write(tmp_path / "scenarios" / DEMO_FILE, _scenario())
    banks = KNOWLEDGE / "banks"
    for name in ("questions.yaml", "reflection.yaml", "feedback_phrases.yaml"):
        (tmp_path / "banks").mkdir(exist_ok=True)
        (tmp_path / "banks" / name).write_text((banks / name).read_text(encoding="utf-8"), encoding="utf-8")
    _write(tmp_path / "banks" / "agendas.yaml", _agenda((10, 10)))
    with pytest.raises(CatalogError, match=r"agendas\.yaml"):
        load_catalog(tmp_path)


def test_practice_needs_a_disclosure_per_concern(tmp_path: Path) -> None:
    data = _scenario()
    data["practice"]["disclosures"].append("A second one.")
    _write(tmp_path / DEMO_FILE, data)
    with pytest.raises(CatalogError) as err:
        load_scenarios(tmp_path)
    _assert_readable(str(err.value), "practice.disclosures: 2 given for 1 hidden concerns", "one per concern")


def test_practice_evidence_names_the_rubric(tmp_path: Path) -> None:
    data = _scenario()
    data["practice"]["evidence"].pop("c")
    data["practice"]["evidence"]["z"] = {"signals": ["empathy"]}
    _write(tmp_path / DEMO_FILE, data)
    with pytest.raises(CatalogError) as err:
        load_scenarios(tmp_path)
    _assert_readable(str(err.value), "practice.evidence: name exactly the rubric's criteria (a, b, c)")


def test_practice_evidence_kinds_are_known(tmp_path: Path) -> None:
    data = _scenario()
    data["practice"]["evidence"]["a"] = {"signals": ["mind_reading"]}
    _write(tmp_path / DEMO_FILE, data)
    with pytest.raises(CatalogError) as err:
        load_scenarios(tmp_path)
    _assert_readable(str(err.value), "practice.evidence.a.signals[0]", "mind_reading")
