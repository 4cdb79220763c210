"""Who may sign in: the users of the users file, their roles, and checking a password.

Passwords are hashed with argon2id (argon2-cffi's `PasswordHasher`, its recommended parameters). Checking a
password takes about as long for an unknown name as for a known one, and a hash made with older parameters
is replaced on the next successful sign-in.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import get_args

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from pydantic import BaseModel

from assistant.auth.usersfile import SETTING, Account, Role, locked, read, write
from assistant.errors import InputError
from assistant.store.conversations import DEFAULT_USER, require_user

ROLES: tuple[Role, ...] = get_args(Role)
MIN_PASSWORD = 8
MAX_PASSWORD = 1024  # hashing is deliberately slow; a megabyte of "password" should not reach it


class UserInfo(BaseModel):
    """What `tandem users list` shows about a user: never the hash."""

    name: str
    role: Role
    created: str


def require_role(role: str) -> Role:
    """One of the roles, or InputError listing them.

    >>> require_role("trainer")
    'trainer'
    >>> require_role("boss")
    Traceback (most recent call last):
    ...
    assistant.errors.InputError: 'boss' is not a role: choose junior, senior, trainer or admin.
    """
    for known in ROLES:
        if role == known:
            return known
    raise InputError(f"'{role}' is not a role: choose {', '.join(ROLES[:-1])} or {ROLES[-1]}.", "role")


def require_password(password: str) -> str:
    """A password of 8 to 1024 characters, taken as typed (spaces count).

    >>> require_password("short")
    Traceback (most recent call last):
    ...
    assistant.errors.InputError: The password has 5 characters; use at least 8.
    """
    if len(password) < MIN_PASSWORD:
        raise InputError(
            f"The password has {len(password)} characters; use at least {MIN_PASSWORD}.", "password"
        )
    if len(password) > MAX_PASSWORD:
        raise InputError(f"The password is longer than {MAX_PASSWORD} characters; choose a shorter one.")
    return password


def require_name(name: str) -> str:
    """A user name as the conversation store takes it (one line, 1 to 64 characters)."""
    try:
        return require_user(name)
    except InputError as exc:
        raise InputError(
            f"'{name}' is not a user name: use one line of 1 to 64 characters, e.g. user-a.", "name"
        ) from exc


class Accounts:
    """The users file at `path`: add, change a password, remove, list, verify.

    Every call reads the file afresh, so a user added with `tandem users add` can sign in to a running server.
    """

    def __init__(self, path: Path, hasher: PasswordHasher | None = None) -> None:
        self.path = path
        self.hasher = hasher or PasswordHasher()

    @cached_property
    def _dummy(self) -> str:
        """A hash to check unknown names against, so they take as long as known ones."""
        return self.hasher.hash("not a password of anyone")

    # -- reading ---------------------------------------------------------------------------------------

    def users(self) -> list[UserInfo]:
        """Every user with role and creation time, in the order they were added."""
        return [UserInfo(name=a.name, role=a.role, created=a.created) for a in read(self.path).users]

    def verify(self, name: str, password: str) -> Role | None:
        """The user's role when the password is theirs, else None (unknown name or wrong password alike)."""
        try:
            user = require_name(name)
        except InputError:
            user = ""
        account = next((a for a in read(self.path).users if a.name == user), None)
        if account is None or not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
            self._check(self._dummy, password[:MAX_PASSWORD])
            return None
        if not self._check(account.hash, password):
            return None
        if self._needs_rehash(account.hash):
            self._rehash(account.name, password)
        return account.role

    def _check(self, hashed: str, password: str) -> bool:
        try:
            return self.hasher.verify(hashed, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def _needs_rehash(self, hashed: str) -> bool:
        try:
            return self.hasher.check_needs_rehash(hashed)
        except InvalidHashError:
            return True

    def _rehash(self, name: str, password: str) -> None:
        """Store a hash with the current parameters (the user might have been removed meanwhile)."""
        fresh = self.hasher.hash(password)
        with locked(self.path):
            document = read(self.path)
            for account in document.users:
                if account.name == name:
                    account.hash = fresh
                    write(self.path, document)
                    return

    # -- changing --------------------------------------------------------------------------------------

    def add(self, name: str, role: str, password: str) -> UserInfo:
        """A new user; a name already in the file is refused (change a password with `passwd`)."""
        user, checked_role = require_name(name), require_role(role)
        if user == DEFAULT_USER:
            raise InputError(
                f"'{DEFAULT_USER}' is the one user of a Tandem without sign-in, so it may hold conversations "
                "from before; choose another name (`tandem history export --user local` shows what it holds).",
                "name",
            )
        hashed = self.hasher.hash(require_password(password))
        with locked(self.path):
            document = read(self.path)
            self._require_absent(document.users, user)
            account = Account(name=user, role=checked_role, hash=hashed, created=_now())
            document.users.append(account)
            write(self.path, document)
        return UserInfo(name=user, role=checked_role, created=account.created)

    def require_absent(self, name: str) -> str:
        """The name, when no user has it yet; else InputError saying how to change or remove that user."""
        user = require_name(name)
        self._require_absent(read(self.path).users, user)
        return user

    def require_present(self, name: str) -> str:
        """The name, when a user has it; else InputError naming the users there are."""
        user = require_name(name)
        self._find(read(self.path).users, user)
        return user

    def passwd(self, name: str, password: str) -> UserInfo:
        """Set a new password for an existing user."""
        user = require_name(name)
        hashed = self.hasher.hash(require_password(password))
        with locked(self.path):
            document = read(self.path)
            account = self._find(document.users, user)
            account.hash = hashed
            write(self.path, document)
        return UserInfo(name=account.name, role=account.role, created=account.created)

    def remove(self, name: str) -> UserInfo:
        """Remove a user (their stored conversations stay in the database under their name)."""
        user = require_name(name)
        with locked(self.path):
            document = read(self.path)
            account = self._find(document.users, user)
            document.users.remove(account)
            write(self.path, document)
        return UserInfo(name=account.name, role=account.role, created=account.created)

    def _require_absent(self, accounts: list[Account], user: str) -> None:
        if any(a.name == user for a in accounts):
            raise InputError(
                f"There is already a user '{user}' in {self.path}. `tandem users passwd {user}` sets a new "
                f"password; `tandem users remove {user}` removes them.",
                "name",
            )

    def _find(self, accounts: list[Account], user: str) -> Account:
        for account in accounts:
            if account.name == user:
                return account
        known = ", ".join(a.name for a in accounts) or "none yet"
        raise InputError(
            f"There is no user '{user}' in {self.path} (users: {known}); `tandem users list` shows them.",
            "name",
        )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def not_configured() -> InputError:
    """What to do when a command needs the users file and TANDEM_AUTH_FILE is not set."""
    return InputError(
        f"{SETTING} is not set, so there is no sign-in and no users to manage. Set it to the users file, "
        f"e.g. `export {SETTING}=/etc/tandem/users.json` (or a line in .env), then "
        "`tandem users add NAME --role admin` creates the first user.",
        "auth_file",
    )
