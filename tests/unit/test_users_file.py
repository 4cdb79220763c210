"""The users file behind TANDEM_AUTH_FILE: real files, real argon2 hashes (cheap parameters where speed matters)."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from assistant.auth import Accounts
from assistant.auth.usersfile import FORMAT
from assistant.errors import ConfigError, InputError

CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)  # quick to compute; still argon2id
PASSWORD = "correct horse battery"


class CountingHasher(PasswordHasher):
    """A real hasher that counts how often a password is checked against a hash."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.verified = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self.verified += 1
        return super().verify(hash, password)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "auth" / "users.json"


@pytest.fixture
def accounts(path: Path) -> Accounts:
    return Accounts(path, CHEAP)


def test_add_verify_and_list(accounts: Accounts, path: Path) -> None:
    added = accounts.add("user-a", "admin", PASSWORD)
    accounts.add("user-b", "junior", "another password")
    assert accounts.verify("user-a", PASSWORD) == "admin"
    assert accounts.verify("user-b", "another password") == "junior"
    assert accounts.verify("user-a", "another password") is None  # user-b's password is not user-a's
    assert accounts.verify("user-c", PASSWORD) is None
    assert accounts.verify("", PASSWORD) is None and accounts.verify("user-a", "") is None
    listed = accounts.users()
    assert [(u.name, u.role) for u in listed] == [("user-a", "admin"), ("user-b", "junior")]
    assert listed[0] == added and listed[0].created.startswith("20") and listed[0].created.endswith("+00:00")
    assert "argon2" not in json.dumps([u.model_dump() for u in listed])
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["format"] == FORMAT and {u["name"] for u in stored["users"]} == {"user-a", "user-b"}
    assert all(u["hash"].startswith("$argon2id$") and PASSWORD not in u["hash"] for u in stored["users"])


def test_a_second_reader_sees_what_the_first_wrote(accounts: Accounts, path: Path) -> None:
    accounts.add("user-a", "trainer", PASSWORD)
    assert Accounts(path, CHEAP).verify("user-a", PASSWORD) == "trainer"


def test_duplicate_is_refused_and_the_first_password_stays(accounts: Accounts) -> None:
    accounts.add("user-a", "senior", PASSWORD)
    with pytest.raises(InputError, match=r"already a user 'user-a'.*tandem users passwd user-a"):
        accounts.add("user-a", "admin", "a new password")
    assert accounts.verify("user-a", PASSWORD) == "senior" and len(accounts.users()) == 1


@pytest.mark.parametrize("password", ["", "short", "1234567"])
def test_short_password_is_refused(accounts: Accounts, path: Path, password: str) -> None:
    with pytest.raises(InputError, match=f"has {len(password)} characters; use at least 8"):
        accounts.add("user-a", "junior", password)
    assert not path.exists()


def test_bad_role_and_bad_name_are_refused(accounts: Accounts, path: Path) -> None:
    with pytest.raises(InputError, match="'boss' is not a role: choose junior, senior, trainer or admin"):
        accounts.add("user-a", "boss", PASSWORD)
    for name in ("", "   ", "user\na", "x" * 65):
        with pytest.raises(InputError, match="is not a user name"):
            accounts.add(name, "junior", PASSWORD)
    assert not path.exists()


def test_names_are_exact_after_trimming(accounts: Accounts) -> None:
    accounts.add("  user-a ", "junior", PASSWORD)
    assert [u.name for u in accounts.users()] == ["user-a"]
    assert accounts.verify("user-a", PASSWORD) == "junior" and accounts.verify("User-A", PASSWORD) is None


def test_passwd_replaces_the_password(accounts: Accounts) -> None:
    accounts.add("user-a", "junior", PASSWORD)
    accounts.passwd("user-a", "the new password")
    assert accounts.verify("user-a", PASSWORD) is None and accounts.verify("user-a", "the new password")
    with pytest.raises(InputError, match=r"no user 'user-b' .*\(users: user-a\)"):
        accounts.passwd("user-b", "the new password")


def test_remove(accounts: Accounts) -> None:
    accounts.add("user-a", "junior", PASSWORD)
    accounts.add("user-b", "senior", PASSWORD)
    assert accounts.remove("user-a").role == "junior"
    assert [u.name for u in accounts.users()] == ["user-b"] and accounts.verify("user-a", PASSWORD) is None
    with pytest.raises(InputError, match=r"no user 'user-a'.*tandem users list"):
        accounts.remove("user-a")


def test_missing_file_has_no_users_and_is_created_owner_only(accounts: Accounts, path: Path) -> None:
    assert accounts.users() == [] and accounts.verify("user-a", PASSWORD) is None and not path.exists()
    accounts.add("user-a", "admin", PASSWORD)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) & 0o077 == 0


def test_a_file_others_could_read_is_owner_only_after_the_next_write(accounts: Accounts, path: Path) -> None:
    accounts.add("user-a", "admin", PASSWORD)
    path.chmod(0o644)
    accounts.add("user-b", "junior", PASSWORD)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "does not hold a JSON object"),
        ('{"format": 1, "users": [{"name": "user-a", "role": "admin"}]}', "users.0.hash: Field required"),
        ('{"format": 1, "users": [{"name": "user-a", "role": "boss", "hash": "h", "created": "c"}]}', "role"),
        ('{"users": []}', "format version is None"),
    ],
)
def test_a_damaged_file_is_named_and_left_untouched(
    accounts: Accounts, path: Path, content: str, problem: str
) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    for attempt in (
        accounts.users,
        lambda: accounts.add("user-b", "junior", PASSWORD),
        lambda: accounts.remove("user-a"),
        lambda: accounts.verify("user-a", PASSWORD),
    ):
        with pytest.raises(ConfigError) as caught:
            attempt()
        message = str(caught.value)
        assert str(path) in message and problem in message and "untouched" in message
    assert path.read_text(encoding="utf-8") == content


def test_a_newer_format_asks_for_a_newer_tandem(accounts: Accounts, path: Path) -> None:
    path.parent.mkdir(parents=True)
    content = json.dumps({"format": FORMAT + 1, "people": []})
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=f"has format {FORMAT + 1}; this Tandem reads format {FORMAT}"):
        accounts.add("user-a", "admin", PASSWORD)
    assert path.read_text(encoding="utf-8") == content


def test_a_failed_write_leaves_the_old_file(
    accounts: Accounts, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts.add("user-a", "admin", PASSWORD)
    before = path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(ConfigError, match=r"could not be written: .*No space left on device.*unchanged"):
        accounts.add("user-b", "junior", PASSWORD)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [".users.json.lock", "users.json"]  # no temp left
    assert [u.name for u in accounts.users()] == ["user-a"]


def test_an_unknown_name_is_checked_against_a_hash_too(path: Path) -> None:
    """About the same time for an unknown name: one argon2 verification either way."""
    hasher = CountingHasher()
    accounts = Accounts(path, hasher)
    accounts.add("user-a", "junior", PASSWORD)
    assert accounts.verify("user-a", "wrong password") is None and hasher.verified == 1
    assert accounts.verify("user-b", "wrong password") is None and hasher.verified == 2
    assert accounts.verify("user\nb", "wrong password") is None and hasher.verified == 3


def test_a_hash_with_old_parameters_is_renewed_on_sign_in(path: Path) -> None:
    Accounts(path, CHEAP).add("user-a", "admin", PASSWORD)
    old = json.loads(path.read_text(encoding="utf-8"))["users"][0]["hash"]
    stronger = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1)
    current = Accounts(path, stronger)
    assert current.verify("user-a", "wrong password") is None
    assert json.loads(path.read_text(encoding="utf-8"))["users"][0]["hash"] == old  # only a right password
    assert current.verify("user-a", PASSWORD) == "admin"
    renewed = json.loads(path.read_text(encoding="utf-8"))["users"][0]["hash"]
    assert renewed != old and "m=2048,t=2,p=1" in renewed and not stronger.check_needs_rehash(renewed)
    assert current.verify("user-a", PASSWORD) == "admin"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_concurrent_changes_are_all_kept(accounts: Accounts) -> None:
    names = [f"user-{n}" for n in range(8)]
    threads = [threading.Thread(target=accounts.add, args=(n, "junior", PASSWORD)) for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(u.name for u in accounts.users()) == names
