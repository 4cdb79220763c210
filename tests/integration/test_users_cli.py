"""`tandem users` as an operator runs it: the password on stdin or typed on a terminal, never an argument."""

from __future__ import annotations

import io
import json
import os
import pty
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.auth import Accounts
from assistant.cli import main
from tests.support.cli import clean_env, read_terminal, run_tandem

pytestmark = [pytest.mark.integration, pytest.mark.slow]

PASSWORD = "correct horse battery"


@pytest.fixture
def auth_file(tmp_path: Path) -> Path:
    return tmp_path / "secrets" / "users.json"


@pytest.fixture
def env(tmp_path: Path, auth_file: Path) -> dict[str, str]:
    return clean_env(TANDEM_DATA_DIR=str(tmp_path / "data"), TANDEM_AUTH_FILE=str(auth_file))


def users(
    env: dict[str, str], *args: str, stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`tandem users ARGS` with `stdin` piped in (nothing: stdin is empty)."""
    return subprocess.run(
        [sys.executable, "-m", "assistant", "users", *args],
        env=env,
        cwd=cwd,
        input=stdin or "",
        capture_output=True,
        text=True,
        timeout=300,
    )


def on_terminal(env: dict[str, str], cwd: Path, args: list[str], answers: list[str]) -> tuple[int, str]:
    """Run `tandem ARGS` on a pseudo-terminal, typing each answer after the prompt that asks for it."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: become tandem, with the terminal as its controlling terminal
        try:
            os.chdir(cwd)
            os.execve(sys.executable, [sys.executable, "-m", "assistant", *args], env)
        finally:
            os._exit(127)
    seen = b""
    try:
        for prompt, answer in zip([b"Password: ", b"Password again: "], answers, strict=False):
            while prompt not in seen:
                seen += read_terminal(fd, 120)
            seen = seen.replace(prompt, b"<asked>", 1)
            os.write(fd, answer.encode() + b"\n")
        while chunk := read_terminal(fd, 120):
            seen += chunk
    finally:
        os.close(fd)
        _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), seen.decode(errors="replace")


def test_add_with_the_password_on_stdin_then_list_and_remove(env: dict[str, str], auth_file: Path) -> None:
    added = users(env, "add", "user-a", "--role", "admin", stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    assert "added user-a (admin)" in added.stdout and PASSWORD not in added.stdout + added.stderr
    assert users(env, "add", "user-b", "--role", "junior", stdin="another password\r\n").returncode == 0
    assert stat.S_IMODE(auth_file.stat().st_mode) == 0o600
    accounts = Accounts(auth_file)
    assert accounts.verify("user-a", PASSWORD) == "admin"
    assert accounts.verify("user-b", "another password") == "junior"  # the line ending is not part of it

    listed = users(env, "list")
    assert listed.returncode == 0 and "$argon2" not in listed.stdout and "hash" not in listed.stdout
    rows = [line.split() for line in listed.stdout.splitlines()]
    assert [row[:2] for row in rows] == [["user-a", "admin"], ["user-b", "junior"]]
    as_json = json.loads(users(env, "list", "--json").stdout)
    assert [(u["name"], u["role"]) for u in as_json] == [("user-a", "admin"), ("user-b", "junior")]
    assert all(set(u) == {"name", "role", "created"} for u in as_json)

    removed = users(env, "remove", "user-a")
    assert removed.returncode == 0 and "removed user-a (admin)" in removed.stdout
    assert [u.name for u in Accounts(auth_file).users()] == ["user-b"]
    again = users(env, "remove", "user-a")
    assert (
        again.returncode == 2 and "no user 'user-a'" in again.stderr and "tandem users list" in again.stderr
    )


def test_the_password_is_never_an_argument(env: dict[str, str], auth_file: Path) -> None:
    for args in (
        ["add", "user-a", PASSWORD, "--role", "admin"],
        ["add", "user-a", "--role", "admin", "--password", PASSWORD],
    ):
        result = users(env, *args, stdin=PASSWORD + "\n")
        assert result.returncode == 2 and "unrecognized arguments" in result.stderr
    assert users(env, "passwd", "user-a", PASSWORD).returncode == 2
    assert not auth_file.exists()


def in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str, stdin: str = ""
) -> tuple[int, str]:
    """`tandem users ARGS` through the same entry point, in this process (quicker): exit code and stderr."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["users", *args])
    return code, capsys.readouterr().err


def test_refusals_name_the_problem(
    auth_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TANDEM_AUTH_FILE", str(auth_file))
    code, err = in_process(monkeypatch, capsys, "add", "user-a", "--role", "admin", stdin="short\n")
    assert code == 2 and "The password has 5 characters; use at least 8." in err
    code, err = in_process(monkeypatch, capsys, "add", "user-a", "--role", "admin")
    assert code == 2 and "No password on stdin" in err
    with pytest.raises(SystemExit) as usage:
        in_process(monkeypatch, capsys, "add", "user-a", "--role", "boss", stdin=PASSWORD + "\n")
    assert usage.value.code == 2 and "invalid choice: 'boss'" in capsys.readouterr().err
    code, err = in_process(monkeypatch, capsys, "add", "user\tb", "--role", "admin", stdin=PASSWORD + "\n")
    assert code == 2 and "is not a user name" in err
    assert not auth_file.exists()
    assert in_process(monkeypatch, capsys, "add", "user-a", "--role", "senior", stdin=PASSWORD + "\n")[0] == 0
    code, err = in_process(monkeypatch, capsys, "add", "user-a", "--role", "admin", stdin="a new password\n")
    assert code == 2 and "already a user 'user-a'" in err and "tandem users passwd user-a" in err
    code, err = in_process(monkeypatch, capsys, "passwd", "user-b", stdin="a new password\n")
    assert code == 2 and "no user 'user-b'" in err
    assert Accounts(auth_file).verify("user-a", PASSWORD) == "senior"


def test_without_the_setting_the_command_says_how_to_set_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (["list"], ["add", "user-a", "--role", "admin"], ["passwd", "user-a"], ["remove", "user-a"]):
        code, err = in_process(monkeypatch, capsys, *args, stdin=PASSWORD + "\n")
        assert code == 2, err
        assert "TANDEM_AUTH_FILE is not set" in err and "tandem users add NAME --role admin" in err
    monkeypatch.setenv("TANDEM_AUTH_FILE", "")  # set but empty: the same
    assert in_process(monkeypatch, capsys, "list")[0] == 2


def test_a_damaged_file_is_reported_and_kept(env: dict[str, str], auth_file: Path) -> None:
    auth_file.parent.mkdir()
    auth_file.write_text('{"format": 1, "users": [', encoding="utf-8")
    result = users(env, "add", "user-a", "--role", "admin", stdin=PASSWORD + "\n")
    assert result.returncode == 2 and str(auth_file) in result.stderr and "not valid JSON" in result.stderr
    assert "Traceback" not in result.stderr
    assert auth_file.read_text(encoding="utf-8") == '{"format": 1, "users": ['


def test_config_shows_the_file_but_no_hash(env: dict[str, str], auth_file: Path, tmp_path: Path) -> None:
    assert users(env, "add", "user-a", "--role", "admin", stdin=PASSWORD + "\n").returncode == 0
    for args in (["config"], ["config", "--json"]):
        result = run_tandem(env, *args, cwd=tmp_path)
        assert result.returncode == 0 and str(auth_file) in result.stdout
        assert "$argon2" not in result.stdout and "user-a" not in result.stdout


def test_on_a_terminal_the_password_is_asked_twice_and_not_echoed(
    env: dict[str, str], auth_file: Path, tmp_path: Path
) -> None:
    code, screen = on_terminal(
        env, tmp_path, ["users", "add", "user-a", "--role", "trainer"], [PASSWORD, PASSWORD]
    )
    assert code == 0, screen
    assert screen.count("<asked>") == 2 and "added user-a (trainer)" in screen and PASSWORD not in screen
    assert Accounts(auth_file).verify("user-a", PASSWORD) == "trainer"

    code, screen = on_terminal(
        env, tmp_path, ["users", "passwd", "user-a"], ["a new password", "a typo password"]
    )
    assert code == 2 and "The two passwords differ" in screen
    assert Accounts(auth_file).verify("user-a", PASSWORD) == "trainer"
    code, screen = on_terminal(
        env, tmp_path, ["users", "passwd", "user-a"], ["a new password", "a new password"]
    )
    assert code == 0 and "set a new password for user-a" in screen
    assert Accounts(auth_file).verify("user-a", "a new password") == "trainer"
