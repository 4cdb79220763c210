"""`tandem roleplay` on a terminal: the persona opens, each typed turn gets its reply, an empty line ends the
role-play with the debrief, and the session is stored."""

from __future__ import annotations

import os
import pty
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.support.cli import clean_env, read_terminal

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_interactive_role_play(tmp_path: Path) -> None:
    env = clean_env(TANDEM_DATA_DIR=str(tmp_path / "data"), TANDEM_KNOWLEDGE_DIR=str(ROOT / "knowledge"))
    args = ["roleplay", "--scenario", "hybrid-meetings", "--lang", "en", "--trainee", "trainee-a"]
    turns = ["That sounds frustrating. How do your Monday meetings usually run?", "Do you use the chat?", ""]
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.chdir(tmp_path)
            os.execve(sys.executable, [sys.executable, "-m", "assistant", *args], env)
        finally:
            os._exit(127)
    seen = b""
    try:
        for turn in turns:
            while seen.count(b"> ") < turns.index(turn) + 1:
                seen += read_terminal(fd, 180)
            os.write(fd, turn.encode() + b"\n")
        while chunk := read_terminal(fd, 180):
            seen += chunk
    finally:
        os.close(fd)
        _, status = os.waitpid(pid, 0)
    out = seen.decode(errors="replace")
    assert os.waitstatus_to_exitcode(status) == 0, out
    assert "» The people working from home don't say a word" in out  # the opening line
    assert out.count("» ") == 3  # the opening and one reply per turn
    assert "## Debrief" in out and "session 1 stored for 'trainee-a'" in out
