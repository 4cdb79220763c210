"""A chat linked to a tandem profile, through the command line as a user runs it: plan the next session on the
profile, log it, plan the one after; German and English; the link kept by a continued conversation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.cli import indexed_bilingual, ok, tandem

pytestmark = [pytest.mark.integration, pytest.mark.slow]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 12-document bilingual fixture, indexed through the CLI once for the module (the catalog is shipped)."""
    return indexed_bilingual(tmp_path_factory.mktemp("tandem-chat"))


def chat(workdir: Path, *args: str) -> dict[str, Any]:
    return json.loads(ok(tandem(workdir, "chat", *args, "--json")))  # type: ignore[no-any-return]


def profile(workdir: Path, name: str) -> dict[str, Any]:
    return json.loads(ok(tandem(workdir, "tandem", "show", name, "--json")))  # type: ignore[no-any-return]


def add_tandem(workdir: Path, name: str, senior: str, lang: str, topics: list[str], goals: list[str]) -> None:
    args = ["tandem", "add", name, "--senior", senior, "--sessions", "6", "--lang", lang]
    for topic in topics:
        args += ["--topic", topic]
    for goal in goals:
        args += ["--goal", goal]
    ok(tandem(workdir, *args))


def test_plan_log_and_plan_again_in_english(workdir: Path) -> None:
    add_tandem(
        workdir,
        "tandem-a",
        "Head of Purchasing, new to AI tools",
        "en",
        ["Getting started", "Teams basics", "ChatGPT for e-mails", "LinkedIn"],
        ["Write e-mails faster with AI"],
    )
    ok(
        tandem(
            workdir,
            "tandem",
            "log",
            "tandem-a",
            "--topic",
            "Getting started",
            "--summary",
            "agreement signed",
        )
    )
    ok(
        tandem(
            workdir,
            "tandem",
            "log",
            "tandem-a",
            "--topic",
            "Teams basics",
            "--summary",
            "two channels set up",
        )
    )

    first = chat(workdir, "plan our next session", "--tandem", "tandem-a")
    cid, plan = first["conversation"], first["result"]
    assert (first["mode"], first["tandem"], first["parameters"]["tandem"]) == (
        "prepare",
        "tandem-a",
        "tandem-a",
    )
    assert (plan["session_number"], plan["total_sessions"]) == (3, 6)
    assert plan["senior"] == "Head of Purchasing, new to AI tools" and plan["language"] == "en"
    assert plan["topic"] == "ChatGPT for e-mails"  # the first of the tandem's topics no session has had
    assert first["parameters"]["topic_from"] == "tandem topics"
    assert "two channels set up" in plan["agenda"][0]["activity"]  # last time, in the check-in

    logged = chat(workdir, "log this session: we tried prompts for e-mails", "--conversation", cid)
    assert (logged["mode"], logged["conversation"], logged["turn"]) == ("log", cid, f"{cid}/2")
    assert logged["tandem"] == "tandem-a"  # the continued conversation keeps its link without the flag
    result = logged["result"]
    assert result["logged"] and (result["session_number"], result["next_session"]) == (3, 4)
    assert (result["topic"], result["topic_from"]) == ("ChatGPT for e-mails", "plan")
    assert "Logged session 3 of 6" in result["message"] and "session 4 of 6" in result["message"]
    assert logged["parameters"]["summary"] == "we tried prompts for e-mails"

    sessions = profile(workdir, "tandem-a")["sessions"]
    assert [(s["number"], s["topic"], s["summary"]) for s in sessions][-1] == (
        3,
        "ChatGPT for e-mails",
        "we tried prompts for e-mails",
    )
    following = chat(workdir, "Plan our next session, 45 minutes", "--conversation", cid)["result"]
    assert (following["session_number"], following["topic"], following["minutes"]) == (4, "LinkedIn", 45)
    assert "we tried prompts for e-mails" in following["agenda"][0]["activity"]

    stored = json.loads(ok(tandem(workdir, "history", "show", cid, "--json")))
    assert stored["tandem"] == "tandem-a" and [t["mode"] for t in stored["history"]] == [
        "prepare",
        "log",
        "prepare",
    ]
    assert stored["history"][1]["prompt_version"] == "log@none"
    shown = ok(tandem(workdir, "history", "show", cid))
    assert "Logged session 3 of 6" in shown and "· tandem tandem-a_" in shown  # the log turn renders
    assert "[tandem tandem-a]" in ok(tandem(workdir, "history", "list"))


def test_plan_and_log_in_german(workdir: Path) -> None:
    add_tandem(workdir, "tandem-b", "Leiterin Einkauf, neu bei KI-Werkzeugen", "de", [], ["E-Mails mit KI"])
    ok(
        tandem(
            workdir, "tandem", "log", "tandem-b", "--topic", "Kennenlernen", "--summary", "Vereinbarung steht"
        )
    )
    ok(tandem(workdir, "tandem", "log", "tandem-b", "--topic", "Teams", "--summary", "zwei Kanäle angelegt"))
    first = chat(workdir, "Plane unsere nächste Sitzung zu Copilot", "--tandem", "tandem-b")
    plan = first["result"]
    assert (plan["session_number"], plan["total_sessions"], plan["topic"]) == (3, 6, "Copilot")
    assert plan["language"] == "de" and plan["senior"] == "Leiterin Einkauf, neu bei KI-Werkzeugen"
    logged = chat(
        workdir,
        "Trag die Sitzung ein: wir haben Copilot in Outlook ausprobiert",
        "--conversation",
        first["conversation"],
    )["result"]
    assert logged["logged"] and logged["language"] == "de"
    assert "Sitzung 3 von 6" in logged["message"] and "Sitzung 4 von 6" in logged["message"]
    last = profile(workdir, "tandem-b")["sessions"][-1]
    assert (last["number"], last["topic"], last["summary"]) == (
        3,
        "Copilot",
        "wir haben Copilot in Outlook ausprobiert",
    )
    again = chat(workdir, "Plane unsere nächste Sitzung", "--conversation", first["conversation"])["result"]
    assert (again["session_number"], again["topic"]) == (4, "E-Mails mit KI")  # the goal no session worked on


def test_without_a_linked_tandem_log_says_how_to_link_one(workdir: Path) -> None:
    answer = chat(workdir, "log this session: we covered LinkedIn")
    assert answer["mode"] == "log" and answer["tandem"] is None and not answer["result"]["logged"]
    assert "--tandem NAME" in answer["result"]["message"]
    question = chat(workdir, "How do I log a session?")
    assert question["mode"] == "ask"


def test_an_unknown_tandem_is_named_with_how_to_create_it(workdir: Path) -> None:
    before = json.loads(ok(tandem(workdir, "history", "list", "--json")))
    result = tandem(workdir, "chat", "plan our next session", "--tandem", "no-such-tandem")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert (
        "No tandem profile named 'no-such-tandem'" in result.stderr and "tandem tandem add" in result.stderr
    )
    assert "(--tandem)" in result.stderr
    assert (
        json.loads(ok(tandem(workdir, "history", "list", "--json"))) == before
    )  # nothing ran, nothing stored
