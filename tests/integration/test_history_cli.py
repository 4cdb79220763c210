"""Stored conversations through the command line as a user runs it: chat twice, show, rate, export, isolation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import prompts
from tests.conftest import ROOT
from tests.support.cli import indexed_bilingual, ok, tandem

pytestmark = [pytest.mark.integration, pytest.mark.slow]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 12-document bilingual fixture, indexed through the CLI once for the module (the catalog is shipped)."""
    return indexed_bilingual(tmp_path_factory.mktemp("history"))


@pytest.fixture(scope="module")
def conversation(workdir: Path) -> str:
    """Two turns of one conversation of the local user: a question, then a remark to check."""
    first = json.loads(ok(tandem(workdir, "chat", "How can I recognise a phishing email?", "--json")))
    cid = first["conversation"]
    assert first["turn"] == f"{cid}/1" and first["mode"] == "ask" and first["result"]["sources"]
    second = json.loads(
        ok(
            tandem(
                workdir,
                "chat",
                "Sie hören mir nie zu.",
                "--mode",
                "feedback",
                "--conversation",
                cid,
                "--json",
            )
        )
    )
    assert (second["conversation"], second["turn"], second["mode"]) == (cid, f"{cid}/2", "feedback")
    assert second["parameters"]["remark"] == "Sie hören mir nie zu." and second["result"]["flags"]
    return str(cid)


def test_two_turns_are_stored_and_shown(workdir: Path, conversation: str) -> None:
    shown = json.loads(ok(tandem(workdir, "history", "show", conversation, "--json")))
    turns = shown["history"]
    assert [t["message"] for t in turns] == ["How can I recognise a phishing email?", "Sie hören mir nie zu."]
    assert [t["mode"] for t in turns] == ["ask", "feedback"] and {t["backend"] for t in turns} == {"offline"}
    version = prompts.load("feedback", ROOT / "prompts").version
    assert turns[1]["prompt_version"] == f"feedback@{version}" and turns[0]["sources"]
    assert turns[0]["result"]["answer"] and turns[0]["sources"] == turns[0]["result"]["sources"]
    assert shown["state"]["mode"] == "feedback" and shown["state"]["turn"] == 2
    listed = ok(tandem(workdir, "history", "list"))
    assert (
        conversation in listed and "2 turns" in listed and "How can I recognise a phishing email?" in listed
    )
    ok(tandem(workdir, "history", "show", conversation, "--md", "talk.md"))
    markdown = (workdir / "talk.md").read_text(encoding="utf-8")
    assert "> How can I recognise a phishing email?" in markdown and "> Sie hören mir nie zu." in markdown
    assert f"{conversation}/2 · feedback@{version} · offline" in markdown


def test_a_rating_reaches_the_export(workdir: Path, conversation: str) -> None:
    assert "rated" in ok(tandem(workdir, "rate", f"{conversation}/2", "down", "--comment", "too blunt"))
    rated = json.loads(ok(tandem(workdir, "ratings", "export", "--json")))
    mine = [r for r in rated if r["turn"] == f"{conversation}/2"]
    assert len(mine) == 1 and (mine[0]["value"], mine[0]["comment"], mine[0]["mode"]) == (
        "down",
        "too blunt",
        "feedback",
    )
    assert mine[0]["prompt_version"].startswith("feedback@") and mine[0]["backend"] == "offline"
    assert "down" in ok(tandem(workdir, "ratings", "export"))


@pytest.mark.parametrize(
    "command",
    [
        ("history", "show", "{id}"),
        ("history", "rename", "{id}", "mine now"),
        ("history", "delete", "{id}"),
        ("rate", "{id}/1", "up"),
    ],
)
def test_another_user_gets_not_found_like_for_a_missing_id(
    workdir: Path, conversation: str, command: tuple[str, ...]
) -> None:
    theirs = tandem(workdir, *(a.format(id=conversation) for a in command), "--user", "bert")
    missing = tandem(workdir, *(a.format(id="00000000") for a in command), "--user", "bert")
    assert theirs.returncode == missing.returncode == 2 and "Traceback" not in theirs.stderr
    assert theirs.stderr == missing.stderr.replace("00000000", conversation) and "not" not in theirs.stdout
    assert "No conversation" in theirs.stderr
    assert json.loads(ok(tandem(workdir, "history", "show", conversation, "--json")))["turns"] >= 2


def test_another_user_cannot_continue_list_or_export_it(workdir: Path, conversation: str) -> None:
    continued = tandem(workdir, "chat", "one more", "--conversation", conversation, "--user", "bert")
    assert continued.returncode == 2 and "No conversation" in continued.stderr
    assert conversation not in ok(tandem(workdir, "history", "list", "--user", "bert"))
    export = json.loads(ok(tandem(workdir, "history", "export", "--user", "bert")))
    assert export["user"] == "bert" and conversation not in json.dumps(export)
    mine = json.loads(ok(tandem(workdir, "history", "export", "--user", "local")))
    assert conversation in [c["id"] for c in mine["conversations"]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("rate", "{id}/1", "meh"), "up or down"),
        (("history", "show", "nope"), "No conversation 'nope'"),
        (("history", "list", "--user", " "), "1 to 64 characters"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    workdir: Path, conversation: str, args: tuple[str, ...], message: str
) -> None:
    result = tandem(workdir, *(a.format(id=conversation) for a in args))
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_an_unreadable_database_is_named(workdir: Path, tmp_path: Path) -> None:
    (tmp_path / "tandem.sqlite3").write_text("not a database " * 200, encoding="utf-8")
    result = tandem(workdir, "history", "list", data=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "tandem.sqlite3 cannot be read" in result.stderr and "move it away" in result.stderr
