"""The login `serve()` hands to Gradio: real users file, real argon2, real threads and event loop."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from assistant.auth import Accounts
from assistant.auth.usersfile import Role
from assistant.container import build
from assistant.errors import ConfigError
from assistant.ui.signin import AUTH_MESSAGE, check_login, launch_options
from tests.conftest import make_settings

CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
PASSWORD = "correct horse battery"


class Busy(Accounts):
    """Real accounts that note how many checks run at the same time (each made to take a little while)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, CHEAP)
        self.running = 0
        self.most = 0
        self.guard = threading.Lock()

    def verify(self, name: str, password: str) -> Role | None:
        with self.guard:
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            time.sleep(0.05)
            return super().verify(name, password)
        finally:
            with self.guard:
                self.running -= 1


def test_login_checks_the_password_and_runs_two_checks_at_most(tmp_path: Path) -> None:
    accounts = Busy(tmp_path / "users.json")
    accounts.add("user-a", "junior", PASSWORD)
    login = check_login(accounts, at_once=2)

    async def attempts() -> list[bool]:
        tries = [("user-a", PASSWORD), ("user-a", "wrong password"), ("user-b", PASSWORD)] * 3
        return await asyncio.gather(*(login(name, password) for name, password in tries))

    assert asyncio.run(attempts()) == [True, False, False] * 3
    assert accounts.most == 2


def test_a_damaged_file_lets_nobody_in_and_says_why(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "users.json"
    accounts = Accounts(path, CHEAP)
    accounts.add("user-a", "junior", PASSWORD)
    path.write_text("{", encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        assert asyncio.run(check_login(accounts)("user-a", PASSWORD)) is False
    assert str(path) in caplog.text and "not valid JSON" in caplog.text


def test_launch_options(tmp_path: Path) -> None:
    assert launch_options(build(make_settings(tmp_path))) == {}
    path = tmp_path / "users.json"
    services = build(make_settings(tmp_path, auth_file=path))
    with pytest.raises(ConfigError, match=f"{path}, which has no users yet"):
        launch_options(services)
    Accounts(path, CHEAP).add("user-a", "admin", PASSWORD)
    options = launch_options(services)
    assert set(options) == {"auth", "auth_message"} and options["auth_message"] == AUTH_MESSAGE
    assert asyncio.run(options["auth"]("user-a", PASSWORD)) is True
    assert asyncio.run(options["auth"]("user-a", "wrong password")) is False


def test_the_local_user_is_not_a_sign_in_name(tmp_path: Path) -> None:
    from assistant.errors import InputError

    with pytest.raises(InputError, match="'local' is the one user of a Tandem without sign-in"):
        Accounts(tmp_path / "users.json", CHEAP).add("local", "admin", PASSWORD)
    assert not (tmp_path / "users.json").exists()
