"""Sign-in for the web UI: what `serve()` hands to Gradio's `launch()` when TANDEM_AUTH_FILE is set.

Without the setting there is no login and one local user, as before. With it, Gradio asks for a name and a
password and checks them with `Accounts.verify`; the name it signs a request in with is what
`ui.users.current_user` reads, so each person sees only their own conversations.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from assistant.auth import Accounts
from assistant.container import Services
from assistant.errors import ConfigError, TandemError

log = logging.getLogger(__name__)

CHECKS_AT_ONCE = 2  # password checks running together (each argon2id check takes 64 MiB)
AUTH_MESSAGE = (
    "Bitte melden Sie sich mit Ihrem Namen und Passwort an. · Please sign in with your name and password."
)


def check_login(accounts: Accounts, at_once: int = CHECKS_AT_ONCE) -> Callable[[str, str], Awaitable[bool]]:
    """Gradio's `auth` callable: True for a right name and password.

    Hashing is slow on purpose and takes memory, so the check runs in a worker thread, the server keeps
    serving meanwhile, and at most `at_once` checks run together: a flood of logins waits instead of
    exhausting memory. A users file that became unreadable lets nobody in and says why in the log.
    """
    turns = asyncio.Semaphore(at_once)

    async def login(username: str, password: str) -> bool:
        async with turns:
            try:
                return await asyncio.to_thread(accounts.verify, username, password) is not None
            except TandemError as exc:
                log.error("sign-in refused: %s", exc)
                return False

    return login


def launch_options(services: Services) -> dict[str, Any]:
    """The `auth` and `auth_message` arguments of `launch()`, or none when sign-in is off.

    An auth file with no users is refused: nobody could sign in, and serving without a login instead would
    open the app to everyone while the operator believes it is closed.
    """
    accounts = services.accounts
    if accounts is None:
        return {}
    if not accounts.users():
        raise ConfigError(
            f"TANDEM_AUTH_FILE names {accounts.path}, which has no users yet, so nobody could sign in. "
            "`tandem users add NAME --role admin` adds the first; or unset TANDEM_AUTH_FILE to run without "
            "sign-in."
        )
    return {"auth": check_login(accounts), "auth_message": AUTH_MESSAGE}
