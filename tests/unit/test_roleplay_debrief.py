"""The role-play debrief: quotes checked verbatim against their turn, scores from the scenario's evidence,
anchors for every level, measures, and a strong trainee scoring above a weak one."""

from __future__ import annotations

import pytest

from assistant.catalog import load_catalog
from assistant.container import build
from assistant.modes.roleplay.debrief import quote_problems, verified
from assistant.modes.roleplay.models import PracticeResult, Quote, Turn
from assistant.modes.roleplay.service import RoleplayService
from assistant.settings import Settings
from assistant.text.language import Lang
from tests.conftest import ROOT

SCENARIO = "first-session-sceptical-senior"
STRONG = {
    "de": [
        "Danke, dass Sie so offen sind. Was wäre für Sie ein gutes Ergebnis unseres Tandems?",
        "Das klingt nach viel Druck. Wie sieht eine typische Woche bei Ihnen aus?",
        "Wenn ich Sie richtig verstehe, fehlt Ihnen die Ruhe zum Ausprobieren. Was würde Ihnen helfen?",
        "Zusammengefasst: Sie wollen Zeit sparen. Habe ich das richtig verstanden? Was ist Ihnen dabei wichtig?",
    ],
    "en": [
        "Thank you for being so frank. What would make this tandem worthwhile for you?",
        "That sounds like a lot of pressure. What does a typical week look like for you?",
        "If I understand you correctly, you lack the calm to try things. What would help you?",
        "To sum up, you want to save time. Did I get that right? What matters most to you in that?",
    ],
}
WEAK = {
    "de": [
        "Nutzen Sie schon Copilot?",
        "Kennen Sie LLMs? Haben Sie Prompts geschrieben?",
        "Sie sind einfach zu bequem für neue Tools.",
    ],
    "en": [
        "Do you use Copilot?",
        "Do you know LLMs? Have you written prompts?",
        "That is a ridiculous worry.",
    ],
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RoleplayService:
    data = tmp_path_factory.mktemp("rp")
    return build(Settings(data_dir=data, knowledge_dir=ROOT / "knowledge")).roleplay


def test_a_quote_not_in_its_turn_is_rejected() -> None:
    transcript = [
        Turn(number=1, speaker="persona", text="Was haben Sie vor?"),
        Turn(number=2, speaker="trainee", text="Was wäre für Sie ein gutes Ergebnis?"),
    ]
    good = Quote(turn=2, text="ein gutes Ergebnis")
    wrong_turn = Quote(turn=1, text="ein gutes Ergebnis")
    persona_words = Quote(turn=1, text="Was haben Sie vor?")
    invented = Quote(turn=2, text="Was erwarten Sie?")
    missing = Quote(turn=7, text="gutes")
    quotes = [good, wrong_turn, persona_words, invented, missing]
    assert verified(quotes, transcript) == [good]
    assert len(quote_problems(quotes, transcript)) == 4


@pytest.mark.parametrize("lang", ["de", "en"])
def test_strong_scores_above_weak(service: RoleplayService, lang: Lang) -> None:
    strong = service.run(SCENARIO, lang, "trainee-a", STRONG[lang])
    weak = service.run(SCENARIO, lang, "trainee-b", WEAK[lang])
    assert strong.debrief.overall > weak.debrief.overall + 1
    assert len(strong.debrief.next_time) == len(set(strong.debrief.next_time)) == 2
    assert strong.concerns_revealed >= 1 and weak.concerns_revealed == 0
    assert strong.transcript[-1].state is not None and strong.transcript[-1].state.level == "open"
    assert weak.transcript[-1].state is not None and weak.transcript[-1].state.level == "guarded"
    by_id = {c.id: c for c in strong.debrief.criteria}
    assert by_id["open-questions"].score > {c.id: c for c in weak.debrief.criteria}["open-questions"].score
    _well_formed(strong)
    _well_formed(weak)
    assert weak.measures.jargon and weak.measures.open_question_ratio == 0.0
    assert strong.measures.open_question_ratio == 1.0 and strong.measures.summaries >= 2


def _well_formed(result: PracticeResult) -> None:
    scenario = load_catalog(ROOT / "knowledge").scenario(result.scenario, result.lang)
    assert [c.id for c in result.debrief.criteria] == [c.id for c in scenario.rubric]
    for c in result.debrief.criteria:
        assert 0 <= c.score <= 4 and c.reason.endswith(".") and c.reason.count(". ") == 0
        assert sorted(c.anchors) == [0, 1, 2, 3, 4]
        assert verified(c.quotes, result.transcript) == c.quotes
    assert len(result.debrief.next_time) == 2


def test_a_role_play_needs_a_turn(service: RoleplayService) -> None:
    from assistant.errors import InputError

    session = service.start(SCENARIO, "en", "trainee-a")
    with pytest.raises(InputError, match="no trainee turn"):
        service.finish(session)
    with pytest.raises(InputError, match="turn is empty"):
        session.say("   ")
    with pytest.raises(InputError, match="No role-play scenario 'nope'"):
        service.start("nope", "en", "trainee-a")


# Generic trainees: the same behaviour classes on every scenario, no scenario's own words.
GENERIC_STRONG = {
    "de": [
        "Danke, dass Sie das so offen sagen. Was beschäftigt Sie dabei am meisten?",
        "Das klingt belastend. Wie erleben Sie das im Alltag?",
        "Wenn ich Sie richtig verstehe, geht es Ihnen um mehr als das Werkzeug. Was wäre für Sie ein guter Ausgang?",
        "Zusammengefasst: Ihnen ist wichtig, dass es zu Ihrer Lage passt. Habe ich das richtig verstanden?"
        " Was brauchen Sie als Nächstes?",
        "Ich verstehe. Was würde Ihnen helfen, den ersten Schritt zu gehen?",
    ],
    "en": [
        "Thank you for being so open about it. What concerns you most about it?",
        "That sounds like a lot. How do you experience it day to day?",
        "If I understand you correctly, it is about more than the tool. What would a good outcome be for you?",
        "To sum up, it matters to you that it fits your situation. Did I get that right? What do you need next?",
        "I understand. What would help you take the first step?",
    ],
}
GENERIC_WEAK = {
    "de": [
        "Haben Sie das schon mal ausprobiert?",
        "Kennen Sie die Features? Nutzen Sie Plug-ins?",
        "Das ist doch eine übertriebene Sorge, Sie sind einfach zu bequem.",
        "Wir machen einen Deep Dive in die Use Cases und syncen dann alles.",
        "Haben Sie das verstanden?",
    ],
    "en": [
        "Have you ever tried it?",
        "Do you know the features? Do you use plug-ins?",
        "That is a ridiculous worry, you are way too slow with this.",
        "We'll do a deep dive into the use cases and then sync everything.",
        "Did you get that?",
    ],
}


def test_every_scenario_meets_strong_and_weak_trainees(service: RoleplayService) -> None:
    """On every shipped scenario, in both languages, listening earns a concern and judging meets a closed door."""
    for scenario in service.scenarios:
        lang = scenario.lang
        strong = service.run(scenario.id, lang, "trainee-a", GENERIC_STRONG[lang])
        weak = service.run(scenario.id, lang, "trainee-b", GENERIC_WEAK[lang])
        where = f"{scenario.id}.{lang}"
        assert strong.concerns_revealed >= 1 and weak.concerns_revealed == 0, where
        assert weak.transcript[-1].state is not None and weak.transcript[-1].state.level == "guarded", where
        assert strong.debrief.overall > weak.debrief.overall, where
        persona = " ".join(t.text for t in strong.transcript if t.speaker == "persona")
        assert scenario.practice.disclosures[0] in persona, where
        weak_persona = " ".join(t.text for t in weak.transcript if t.speaker == "persona")
        assert not any(d in weak_persona for d in scenario.practice.disclosures), where


@pytest.mark.parametrize(("lang", "heading"), [("de", "## Auswertung"), ("en", "## Debrief")])
def test_the_markdown_export_holds_the_debrief(service: RoleplayService, lang: Lang, heading: str) -> None:
    from assistant.render.roleplay import practice_markdown

    result = service.run(SCENARIO, lang, "trainee-a", STRONG[lang])
    text = practice_markdown(result)
    assert heading in text and result.title in text
    for criterion in result.debrief.criteria:
        assert f"### {criterion.name}: {criterion.score}/4" in text and criterion.reason in text
        assert all(q.text in text for q in criterion.quotes)
    assert all(s in text for s in [*result.debrief.strengths, *result.debrief.next_time])
