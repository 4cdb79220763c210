"""The command line as a user runs it: a subprocess, real files, exit codes, JSON on stdout."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.support.cli import clean_env, run_tandem

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("cli")
    shutil.copytree(FIXTURES / "bilingual", work / "knowledge")
    return work


def tandem(workdir: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = clean_env(
        TANDEM_DATA_DIR=str(workdir / "data"), TANDEM_KNOWLEDGE_DIR=str(workdir / "knowledge")
    )
    environment.update(env or {})
    return run_tandem(environment, *args, cwd=workdir)


def test_ingest_then_again_is_a_no_op(workdir: Path) -> None:
    first = tandem(workdir, "ingest", "--json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert set(report) == {"added", "updated", "removed", "unchanged", "chunks", "errors"}
    assert report["added"] == 12 and report["errors"] == []
    second = json.loads(tandem(workdir, "ingest", "--json").stdout)
    assert (second["added"], second["unchanged"], second["chunks"]) == (0, 12, report["chunks"])


def test_search_json(workdir: Path) -> None:
    tandem(workdir, "ingest")
    result = tandem(workdir, "search", "Wie erkenne ich Phishing?", "-k", "3", "--json")
    hits = json.loads(result.stdout)
    assert len(hits) == 3
    assert {"id", "source", "title", "section", "lang", "score", "text"} <= set(hits[0])
    assert hits[0]["source"] == "phishing.de.md"
    only_en = json.loads(tandem(workdir, "search", "Phishing", "--lang", "en", "--json").stdout)
    assert only_en and all(h["lang"] == "en" for h in only_en)


def test_ask_json_offline(workdir: Path) -> None:
    tandem(workdir, "ingest")
    result = tandem(workdir, "ask", "Wie teile ich Dateien sicher in der Cloud?", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["backend"] == "offline" and answer["language"] == "de"
    assert answer["sources"] and "[1]" in answer["answer"]


def test_ask_plain_prints_sources(workdir: Path) -> None:
    tandem(workdir, "ingest")
    result = tandem(workdir, "ask", "What should I check before a video call?")
    assert result.returncode == 0 and "Sources:" in result.stdout and "Offline mode" in result.stderr


@pytest.mark.parametrize("question", ["", "   ", "x" * 2001])
def test_bad_questions_exit_2_without_traceback(workdir: Path, question: str) -> None:
    result = tandem(workdir, "ask", question)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "question" in result.stderr


def test_bad_arguments_exit_2(workdir: Path) -> None:
    assert tandem(workdir, "search", "x", "-k", "0").returncode == 2
    assert tandem(workdir, "ask", "x", "--lang", "fr").returncode == 2


def test_missing_path_is_reported(workdir: Path) -> None:
    result = tandem(workdir, "ingest", "does-not-exist", "--json")
    assert result.returncode == 1
    assert "no such file" in json.loads(result.stdout)["errors"][0]["error"]


def test_ask_before_ingest_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "knowledge").mkdir()
    result = tandem(tmp_path, "ask", "How do I prepare?")
    assert result.returncode == 1 and "tandem ingest" in result.stderr and "Traceback" not in result.stderr


def test_bad_setting_exits_2(workdir: Path) -> None:
    result = tandem(workdir, "config", env={"TANDEM_CHUNK_SIZE": "tiny"})
    assert result.returncode == 2 and "TANDEM_CHUNK_SIZE" in result.stderr


def test_eval_language_reports_the_test_split(tmp_path: Path) -> None:
    result = tandem(tmp_path, "eval", "language", "--split", "test", "--json")
    report = json.loads(result.stdout)
    assert result.returncode == 0 and list(report["splits"]) == ["test"]
    assert (
        report["splits"]["test"]["n"] >= 100 and report["splits"]["test"]["metrics"]["clear_accuracy"] >= 0.95
    )


def test_eval_of_a_missing_dataset_says_which_file(tmp_path: Path) -> None:
    result = tandem(tmp_path, "eval", "language", "--dataset", str(tmp_path / "none.jsonl"))
    assert result.returncode == 2 and "none.jsonl" in result.stderr and "Traceback" not in result.stderr
