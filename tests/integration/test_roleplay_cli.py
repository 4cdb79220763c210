"""Role-play practice through the command line as a trainer runs it: the list, two scripted trainees on the
same scenario in German and English (a strong one earns a hidden concern and higher scores, a weak one meets
a closed persona), citations from the guideline documents, then the report over both and its trend plot."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.support.cli import ok, tandem

pytestmark = [pytest.mark.integration, pytest.mark.slow]

SCENARIO = "first-session-sceptical-senior"
GUIDELINES = ("programme/first-session", "programme/learning-agreement", "conversation/open-questions-grow")
STRONG = {
    "de": [
        "Danke, dass Sie sich die Zeit nehmen. Was wäre für Sie ein gutes Ergebnis unseres Tandems?",
        "Das klingt nach viel Druck von oben. Wie sieht eine typische Arbeitswoche bei Ihnen aus?",
        "Wenn ich Sie richtig verstehe, fehlt Ihnen vor allem Ruhe zum Ausprobieren. Was würde Ihnen helfen?",
        "Zusammengefasst: Sie wollen Zeit sparen und sich sicher fühlen. Habe ich das richtig verstanden?"
        " Was ist Ihnen dabei am wichtigsten?",
        "Alles hier bleibt vertraulich unter uns. Welches Ziel halten wir für die nächste Sitzung fest?",
    ],
    "en": [
        "Thank you for making the time. What would make this tandem worthwhile for you?",
        "That sounds like a lot of pressure from above. What does a typical working week look like for you?",
        "If I understand you correctly, you mostly lack the calm to try things out. What would help you?",
        "To sum up, you want to save time and feel safe. Did I get that right? What matters most to you?",
        "Everything here stays confidential, between us. Which goal shall we agree for the next session?",
    ],
}
WEAK = {
    "de": [
        "Nutzen Sie schon Copilot?",
        "Haben Sie schon mal Prompts geschrieben? Kennen Sie LLMs?",
        "Sie sind einfach zu bequem für neue Tools.",
        "Wir machen einen Deep Dive in die Use Cases und syncen dann den Workspace.",
    ],
    "en": [
        "Do you use Copilot yet?",
        "Have you ever written prompts? Do you know LLMs?",
        "That is a ridiculous worry.",
        "We'll do a deep dive into the use cases and then sync the workspace.",
    ],
}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scenario's guideline documents, indexed through the CLI once for the module."""
    work = tmp_path_factory.mktemp("roleplay")
    (work / "corpus").mkdir()
    for stem in GUIDELINES:
        for lang in ("de", "en"):
            shutil.copy(ROOT / "knowledge" / f"{stem}.{lang}.md", work / "corpus")
    ok(tandem(work, "ingest", "corpus"))
    return work


def practise(workdir: Path, trainee: str, lang: str, turns: list[str]) -> dict[str, Any]:
    script = workdir / f"{trainee}-{lang}.jsonl"
    script.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in turns), "utf-8")
    out = tandem(
        workdir,
        "roleplay",
        "--scenario",
        SCENARIO,
        "--lang",
        lang,
        "--trainee",
        trainee,
        "--script",
        script.name,
        "--json",
    )
    return json.loads(ok(out))  # type: ignore[no-any-return]


def test_the_list_names_the_scenario(workdir: Path) -> None:
    entries = json.loads(ok(tandem(workdir, "roleplay", "--list", "--json")))
    entry = next(e for e in entries if e["id"] == SCENARIO)
    assert entry["languages"] == ["de", "en"] and entry["trainee_role"] == "junior"
    assert entry["difficulty"] == "medium" and set(entry["title"]) == {"de", "en"}
    assert SCENARIO in ok(tandem(workdir, "roleplay", "--list"))


@pytest.fixture(scope="module")
def results(workdir: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """Both trainees on the same scenario, in German and in English: (trainee, lang) -> the --json output."""
    return {
        (trainee, lang): practise(workdir, trainee, lang, turns[lang])
        for lang in ("de", "en")
        for trainee, turns in (("trainee-a", STRONG), ("trainee-b", WEAK))
    }


@pytest.mark.parametrize("lang", ["de", "en"])
def test_strong_and_weak_trainees(results: dict[tuple[str, str], dict[str, Any]], lang: str) -> None:
    strong, weak = results[("trainee-a", lang)], results[("trainee-b", lang)]
    for result, turns in ((strong, STRONG[lang]), (weak, WEAK[lang])):
        transcript = result["transcript"]
        assert [t["speaker"] for t in transcript] == ["persona"] + ["trainee", "persona"] * len(turns)
        assert [t["text"] for t in transcript if t["speaker"] == "trainee"] == turns
        assert all(t["state"]["level"] in ("guarded", "neutral", "open") for t in transcript)
        for criterion in result["debrief"]["criteria"]:
            assert 0 <= criterion["score"] <= 4 and criterion["reason"]
            assert sorted(criterion["anchors"]) == ["0", "1", "2", "3", "4"]
            for quote in criterion["quotes"]:
                assert quote["text"] in transcript[quote["turn"] - 1]["text"]  # verbatim in the turn named
                assert transcript[quote["turn"] - 1]["speaker"] == "trainee"
    # the strong trainee earns a hidden concern: it appears in a persona turn; the weak one meets a closed persona
    assert strong["concerns_revealed"] >= 1 and weak["concerns_revealed"] == 0
    assert strong["transcript"][-1]["state"]["level"] == "open"
    assert weak["transcript"][-1]["state"]["level"] == "guarded"
    assert max(t["state"]["openness"] for t in weak["transcript"]) <= 3
    assert strong["overall"] >= weak["overall"] + 2
    assert strong["measures"]["open_question_ratio"] == 1.0 and weak["measures"]["open_question_ratio"] == 0.0
    assert weak["measures"]["jargon"] and not strong["measures"]["jargon"]
    assert len(strong["debrief"]["strengths"]) == 2 and len(weak["debrief"]["next_time"]) == 2
    cited = [c["citation"] for c in strong["debrief"]["criteria"] if c["citation"]]
    assert cited and all(c["doc_id"].endswith(f".{lang}") and c["excerpt"] for c in cited)


def test_report_shows_both_sessions_and_plots(
    workdir: Path, results: dict[tuple[str, str], dict[str, Any]]
) -> None:
    report = json.loads(ok(tandem(workdir, "roleplay", "--report", "--json")))
    stored = {s["id"]: s for s in report["sessions"]}
    assert set(stored) == {r["session"] for r in results.values()}
    for (trainee, lang), result in results.items():
        session = stored[result["session"]]
        assert (session["trainee"], session["lang"], session["scenario"]) == (trainee, lang, SCENARIO)
        assert session["overall"] == result["overall"]
        assert {s["criterion"]: s["score"] for s in session["scores"]} == {
            c["id"]: c["score"] for c in result["debrief"]["criteria"]
        }
    assert [p["session"] for p in report["criteria"]["open-questions"]] == sorted(stored)
    mine = json.loads(ok(tandem(workdir, "roleplay", "--report", "--trainee", "trainee-a", "--json")))
    assert len(mine["sessions"]) == 2 and {s["trainee"] for s in mine["sessions"]} == {"trainee-a"}
    png = workdir / "trend.png"
    ok(tandem(workdir, "roleplay", "--report", "--trainee", "trainee-a", "--png", str(png)))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_bad_input_exits_2(workdir: Path) -> None:
    bad = workdir / "bad.jsonl"
    bad.write_text('{"text": "Hallo"}\nnot json\n', "utf-8")
    result = tandem(workdir, "roleplay", "--scenario", SCENARIO, "--script", bad.name)
    assert result.returncode == 2 and "line 2" in result.stderr and "--script" in result.stderr
    result = tandem(workdir, "roleplay", "--scenario", "no-such-scenario", "--script", bad.name)
    assert result.returncode == 2
    result = tandem(workdir, "roleplay", "--scenario", SCENARIO)  # no terminal, no script
    assert result.returncode == 2 and "--script" in result.stderr
