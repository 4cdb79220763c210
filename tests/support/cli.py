"""Run the `tandem` command line as a user would: a subprocess with a clean environment."""

from __future__ import annotations

import os
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
