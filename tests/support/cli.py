"""Run the `tandem` command line as a user would: a subprocess with a clean environment."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
from pathlib import Path


def clean_env(**overrides: str) -> dict[str, str]:
    """The process environment without the developer's Tandem settings and keys, plus overrides."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TANDEM_") and k != "OPENAI_API_KEY"}
    env.update(overrides)
    return env


def run_tandem(env: dict[str, str], *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


SHIPPED_KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"


def tandem(workdir: Path, *args: str, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`tandem ARGS` in `workdir`, its data in `data` (default `workdir/data`), with the shipped catalog."""
    env = clean_env(
        TANDEM_DATA_DIR=str(data or workdir / "data"), TANDEM_KNOWLEDGE_DIR=str(SHIPPED_KNOWLEDGE)
    )
    return run_tandem(env, *args, cwd=workdir)


def indexed_bilingual(work: Path) -> Path:
    """`work` with the 12-document bilingual fixture in `corpus/`, indexed through the CLI (the catalog is shipped)."""
    shutil.copytree(Path(__file__).resolve().parents[1] / "fixtures" / "bilingual", work / "corpus")
    ok(tandem(work, "ingest", "corpus"))
    return work


def ok(result: subprocess.CompletedProcess[str]) -> str:
    """The output of a command that must succeed (its stderr when it did not)."""
    assert result.returncode == 0, result.stderr
    return result.stdout


def read_terminal(fd: int, seconds: int) -> bytes:
    """What a program on a pseudo-terminal wrote next (b"" once it has exited); fails after `seconds` of silence."""
    ready, _, _ = select.select([fd], [], [], seconds)
    assert ready, f"tandem did not answer within {seconds} seconds"
    try:
        return os.read(fd, 4096)
    except OSError:  # the child has exited and closed the terminal
        return b""
