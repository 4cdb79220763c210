"""The coaching commands end to end: subprocess, real index of the knowledge base, real SQLite."""

import json
from pathlib import Path

import pytest

from assistant.container import Services
from tests.conftest import ROOT
from tests.support.cli import clean_env, run_tandem

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def env(knowledge_services: Services) -> dict[str, str]:
    return clean_env(
        TANDEM_DATA_DIR=str(knowledge_services.settings.data_dir),
        TANDEM_KNOWLEDGE_DIR=str(ROOT / "knowledge"),
    )


tandem = run_tandem


def test_prepare_json_uses_the_topic_card_exercise(env: dict[str, str]) -> None:
    result = tandem(
        env, "prepare", "--topic", "ChatGPT für E-Mails", "--minutes", "60", "--session", "2", "--json"
    )
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert sum(item["minutes"] for item in plan["agenda"]) == 60 and plan["language"] == "de"
    assert plan["exercise"]["steps"] and "Prompt" in json.dumps(plan["exercise"], ensure_ascii=False)
    assert plan["sources"] and plan["checks"]["errors"] == []


def test_prepare_exports(env: dict[str, str], tmp_path: Path) -> None:
    md, ics = tmp_path / "plan.md", tmp_path / "plan.ics"
    assert (
        tandem(
            env, "prepare", "--topic", "LinkedIn", "--minutes", "45", "--lang", "en", "--md", str(md)
        ).returncode
        == 0
    )
    assert md.read_text().startswith("# Session 1 of 6: LinkedIn")
    result = tandem(
        env,
        "prepare",
        "--topic",
        "LinkedIn",
        "--minutes",
        "45",
        "--ics",
        str(ics),
        "--date",
        "2026-12-03T10:00",
    )
    assert result.returncode == 0 and ics.read_bytes().startswith(b"BEGIN:VCALENDAR")
    bad = tandem(env, "prepare", "--topic", "LinkedIn", "--minutes", "45", "--ics", str(ics))
    assert bad.returncode == 2 and "--date" in bad.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--topic", "KI", "--minutes", "5"], "between 10 and 240 minutes, not 5. (--minutes)"),
        (["--topic", " ", "--minutes", "60"], "The topic is empty"),
        (["--topic", "KI", "--minutes", "60", "--session", "8", "--of", "6"], "must not exceed"),
    ],
)
def test_prepare_bad_input_exits_2(env: dict[str, str], args: list[str], message: str) -> None:
    result = tandem(env, "prepare", *args)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert "(--" in result.stderr  # the service names the field; the command line adds its flag


def test_tandem_profile_feeds_the_next_plan(env: dict[str, str], tmp_path: Path) -> None:
    local = {**env, "TANDEM_DATA_DIR": env["TANDEM_DATA_DIR"]}
    name = f"t-{tmp_path.name}"
    assert (
        tandem(
            local,
            "tandem",
            "add",
            name,
            "--senior",
            "Leiterin Einkauf",
            "--goal",
            "KI im Alltag",
            "--lang",
            "de",
        ).returncode
        == 0
    )
    assert (
        tandem(
            local, "tandem", "log", name, "--topic", "Kennenlernen", "--summary", "Lernvereinbarung steht"
        ).returncode
        == 0
    )
    result = tandem(local, "prepare", "--tandem", name, "--topic", "ChatGPT", "--minutes", "60", "--json")
    plan = json.loads(result.stdout)
    assert (
        plan["session_number"] == 2 and plan["total_sessions"] == 6 and plan["senior"] == "Leiterin Einkauf"
    )
    assert "Lernvereinbarung steht" in plan["agenda"][0]["activity"]
    shown = json.loads(tandem(local, "tandem", "show", name, "--json").stdout)
    assert shown["sessions"][0]["summary"] == "Lernvereinbarung steht"
    missing = tandem(local, "tandem", "show", "no-such-tandem")
    assert missing.returncode == 2 and "No tandem named" in missing.stderr


def test_feedback_json(env: dict[str, str]) -> None:
    result = tandem(env, "feedback", "Sie sind immer so chaotisch in den Meetings.", "--json")
    assert result.returncode == 0, result.stderr
    draft = json.loads(result.stdout)
    assert {f["kind"] for f in draft["flags"]} >= {"generalisation", "label"}
    assert draft["language"] == "de" and draft["sbi"]["behaviour"] and draft["checks"]["errors"] == []


def test_reflect_json(env: dict[str, str]) -> None:
    result = tandem(
        env,
        "reflect",
        "Heute hat mir meine Mentorin gezeigt, wie ich mit ChatGPT E-Mails entwerfe.",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    reflection = json.loads(result.stdout)
    assert reflection["kind"] == "after-session" and len(reflection["items"]) >= 3
    assert reflection["language"] == "de"


@pytest.mark.parametrize(
    ("message", "mode"),
    [
        ("Plan our second session on Teams channels, 45 minutes", "prepare"),
        ("Wie sag ich meiner Führungskraft, dass sie ständig aufs Handy schaut?", "feedback"),
        ("Was steht in der Lernvereinbarung?", "ask"),
    ],
)
def test_chat_routes_and_answers(env: dict[str, str], message: str, mode: str) -> None:
    result = tandem(env, "chat", message, "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["mode"] == mode and payload["result"]


def test_chat_mode_override(env: dict[str, str]) -> None:
    payload = json.loads(tandem(env, "chat", "LinkedIn", "--mode", "prepare", "--json").stdout)
    assert payload["mode"] == "prepare" and payload["route"]["reason"] == "chosen by the user"
